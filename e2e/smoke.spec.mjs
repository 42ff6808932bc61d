// Smoke test: the release build starts under its Content-Security-Policy, renders, and passes
// an accessibility scan.
import { test, expect, expectAccessible } from './fixtures.mjs';

test('the app starts and is accessible', async ({ page }) => {
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));

  await page.goto('/');
  await expect(page.locator('main')).toBeVisible();
  await expect(page.locator('#boot')).toHaveCount(0);
  await expect(page).toHaveTitle(/Everyday/);
  await expectAccessible(page, 'home');

  expect(problems, 'console errors (for example Content-Security-Policy violations)').toEqual([]);
});

test('the service worker is generated from this build', async ({ request }) => {
  const response = await request.get('/sw.js');
  expect(response.ok()).toBe(true);
  expect(response.headers()['content-type']).toContain('javascript');
  const body = await response.text();
  expect(body).not.toContain('__EVERYDAY_');
  expect(body).toMatch(/const VERSION = '[0-9a-f]{16}'/);
});
