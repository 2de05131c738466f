import { expect, type APIRequestContext, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';

export const PASSWORD = 'correct-horse-battery';
export const OPERATOR_PASSWORD = process.env.FACECARD_OPERATOR_PASSWORD ?? 'integration-tests-operator';
export const SHOTS = process.env.CONSOLE_SCREENSHOTS ?? 'target/screenshots';
/** Single-face crops ConsoleIT cuts from the build's test photos (face-0.jpg, …). */
export const FACES = process.env.FACECARD_TEST_FACES ?? 'target/faces';

export async function token(request: APIRequestContext, tenant: string | null, username: string, password: string): Promise<string> {
  const answer = await request.post('/api/v1/auth/token', { data: tenant ? { tenant, username, password } : { username, password } });
  expect(answer.status()).toBe(200);
  return (await answer.json()).access_token as string;
}

/** Calls the API as a test fixture would (what the UI is not under test for), failing on any unexpected status. */
export async function api(request: APIRequestContext, method: string, url: string, bearer: string, data?: unknown, status = 200) {
  const answer = await request.fetch(url, { method, data, headers: { Authorization: `Bearer ${bearer}` } });
  expect(answer.status(), `${method} ${url}: ${await answer.text()}`).toBe(status);
  return answer.status() === 204 ? null : answer.json();
}

export async function signIn(page: Page, tenant: string, username: string, password: string) {
  await page.goto('/console/');
  await page.getByLabel(/^Chain/).fill(tenant);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
}

/** A screenshot for the note, and an accessibility check of what is on screen (WCAG 2 A/AA: no serious or critical finding). */
export async function look(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  const found = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const bad = found.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `accessibility of ${name}`).toEqual([]);
}

/** Fails the test on any script error or Content-Security-Policy violation the page reports. */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
  });
  return problems;
}

export function photo(name: string): string {
  return fs.readFileSync(path.join(FACES, name)).toString('base64');
}
