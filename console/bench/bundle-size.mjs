// First load of the console with a cold cache: every file index.html pulls in, raw and gzip-compressed, and the
// JavaScript total against the 300 KB budget. Run by the build after `vite build`; exits 1 over budget.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dir = process.env.CONSOLE_OUT ?? 'dist';
const budget = 300 * 1024;
const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
const files = [...html.matchAll(/(?:src|href)="\/console\/([^"]+)"/g)].map((m) => m[1]);
let js = 0;
for (const file of ['index.html', ...files]) {
  const bytes = fs.readFileSync(path.join(dir, file));
  const gz = zlib.gzipSync(bytes, { level: 9 }).length;
  if (file.endsWith('.js')) js += gz;
  console.log(`${file.padEnd(40)} ${String(bytes.length).padStart(8)} B  ${String(gz).padStart(7)} B gzip`);
}
console.log(`JavaScript on first load: ${(js / 1024).toFixed(1)} KB gzip (budget ${budget / 1024} KB)`);
if (js > budget) {
  console.error('over budget');
  process.exit(1);
}
