// Helpers shared by the journey specs.
import { expect } from './fixtures.mjs';

/** Open the app fresh and get past the first-run welcome. */
export async function startApp(page) {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Everyday' })).toBeVisible();
  await page.getByRole('button', { name: 'Start using Everyday' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
}

/** Record a quick confidence check-in on the Today page; `date` ('2026-03-02') back-dates it. */
export async function checkIn(page, score, note = '', date = '') {
  await page.getByRole('link', { name: 'Today', exact: true }).click();
  await page.getByRole('radio', { name: String(score), exact: true }).check();
  if (note) await page.getByLabel('A note, if you like').fill(note);
  if (date) await page.getByLabel('Day', { exact: true }).fill(date);
  await page.getByRole('button', { name: 'Save check-in' }).click();
}

/** The confidence check-ins shown on the Progress page, as [score, note] rows. */
export async function progressRows(page) {
  await page.getByRole('link', { name: 'Progress', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Progress' })).toBeVisible();
  const rows = page.getByRole('table', { name: 'Confidence check-ins, newest first' }).locator('tbody tr');
  const count = await rows.count();
  const out = [];
  for (let i = 0; i < count; i++) {
    const cells = rows.nth(i).locator('td');
    out.push([(await cells.nth(1).innerText()).trim(), (await cells.nth(2).innerText()).trim()]);
  }
  return out;
}
