// How long after the marketer's last keystroke the segment count shows, in Debian's headless Chromium against a running
// platform: the debounce (250 ms) plus the preview call plus drawing. Prints p50/p95/max over the runs.
//   node bench/segment-latency.mjs <base-url> <tenant-slug> <username> <password> [runs]
// The tenant is one SegmentBenchmark generated (-Dbench.members=100000), so the count runs over 100,000 members.
import { chromium } from '@playwright/test';

const [base = 'http://127.0.0.1:9080', tenant, username = 'admin', password = 'benchmark-password', runs = '20'] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ locale: 'en-GB' });
await page.goto(`${base}/console/`);
await page.getByLabel(/^Chain/).fill(tenant);
await page.getByLabel('Username').fill(username);
await page.getByLabel('Password').fill(password);
await page.getByRole('button', { name: 'Sign in' }).click();
await page.getByRole('link', { name: 'Segments' }).click();
const count = page.getByTestId('segment-count');
const times = [];
for (let i = 0; i < Number(runs); i++) {
  const value = ['Gold', 'Silver'][i % 2];
  const before = await count.textContent();
  // The last edit: the whole value typed at once, then the clock runs until the new count is drawn.
  const t0 = performance.now();
  await page.getByLabel('Value').fill(value);
  await page.waitForFunction(([previous]) => {
    const text = document.querySelector('[data-testid="segment-count"]')?.textContent ?? '';
    return /^\d+$/.test(text) && text !== previous;
  }, [before]);
  times.push(performance.now() - t0);
  console.log(`${value.padEnd(7)} ${(await count.textContent()).padStart(8)} members  ${times.at(-1).toFixed(0)} ms`);
}
times.sort((a, b) => a - b);
const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
console.log(`last edit to count drawn: p50 ${at(0.5).toFixed(0)} ms  p95 ${at(0.95).toFixed(0)} ms  max ${times.at(-1).toFixed(0)} ms (${times.length} runs)`);
await browser.close();
