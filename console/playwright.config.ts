import { defineConfig } from '@playwright/test';

// Runs against a live platform (FACECARD_BASE_URL), in Debian's Chromium: Playwright's own browser download is neither
// possible nor wanted here. ConsoleIT starts this from the integration tests; `npm run e2e` against `.ci/platform start`.
export default defineConfig({
  testDir: 'e2e',
  outputDir: process.env.CONSOLE_RESULTS ?? 'target/e2e-results',
  timeout: 120_000,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: process.env.FACECARD_BASE_URL ?? 'http://127.0.0.1:9080',
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    },
  },
});
