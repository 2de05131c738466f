import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Served by Liberty under /console/ (META-INF/resources of the console jar); every asset is a file, none inline,
// so the Content-Security-Policy can forbid inline script and style.
export default defineConfig({
  base: '/console/',
  plugins: [react()],
  build: {
    outDir: process.env.CONSOLE_OUT ?? 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
