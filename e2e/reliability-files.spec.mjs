// Files with impossible dates (issue 13, fault 2). A summary file dated +262142-12-30 once
// passed every check, was kept on the OT's computer, and then crashed /ot/summaries on every
// visit; a backup with a diary entry in year -262143 was restored and crashed Diary > Insights.
// Now both are refused with a plain message, the other files still open, and the page still
// works after a reload with "keep" on (even with such a file kept by an older version).
import { test, expect, expectAccessible } from './fixtures.mjs';
import { startApp } from './helpers.mjs';

const TODAY = new Date('2026-03-28T12:00:00Z');

function summaryFile(data) {
  return JSON.stringify({
    format: 'everyday-summary',
    version: 1,
    saved_at: '2026-03-28T10:00:00',
    data: { name: 'A. B.', from: '2026-03-01', to: '2026-03-28', made: '2026-03-28', ...data },
  });
}

const file = (name, text) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
const WINDOW_WORDS = 'Everyday accepts dates between 1900 and 2200.';

test('summary files with impossible dates are refused; the others open and the page survives a reload', async ({ page }) => {
  await page.clock.setFixedTime(TODAY);
  await page.goto('/ot/summaries');
  await expect(page.getByRole('heading', { level: 1, name: 'Patient summaries' })).toBeVisible();
  await page.getByRole('button', { name: 'Keep these summaries on this computer' }).click();

  const good = summaryFile({});
  // The shape of the file that crashed the sheet: a period and a phased-return week at the end
  // of chrono's calendar.
  const future = summaryFile({
    name: 'C. D.',
    to: '+262142-12-30',
    made: '+262142-12-30',
    workplace: { weeks: [{ starts: '+262142-12-25', hours: 8, days: 2 }] },
  });
  const past = summaryFile({ name: 'E. F.', from: '-262143-01-01' });
  await page.getByLabel('Choose one or more summary files').setInputFiles([
    file('future.json', future),
    file('good.json', good),
    file('past.json', past),
  ]);
  const messages = page.locator('.file-messages li');
  await expect(messages).toHaveCount(3);
  await expect(messages.nth(0)).toHaveText(`future.json: Not opened. This file has a date that cannot be right: 262142-12-30. ${WINDOW_WORDS}`);
  await expect(messages.nth(1)).toContainText('good.json: Opened: summary for A. B., 1 March 2026 to 28 March 2026 (28 days).');
  await expect(messages.nth(2)).toHaveText(`past.json: Not opened. This file has a date that cannot be right: -262143-01-01. ${WINDOW_WORDS}`);
  await expect(page.getByRole('article', { name: 'Summary for A. B.' })).toBeVisible();
  await expect(page.getByRole('article')).toHaveCount(1);
  await expectAccessible(page, 'OT summaries with impossible dates refused');

  // Only the good file was kept.
  const kept = () => page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.startsWith('everyday-ot/summary/')));
  const stored = await kept();
  expect(stored).toHaveLength(1);
  expect(stored[0][1]).toBe(good);

  // After a reload the page works and shows the kept summary.
  await page.reload();
  await expect(page.getByText('1 summary kept on this computer was opened.')).toBeVisible();
  await expect(page.getByRole('article', { name: 'Summary for A. B.' })).toBeVisible();

  // A crafted file kept by an older version is refused on the next visit, not shown, and the
  // page still works.
  await page.evaluate((text) => localStorage.setItem('everyday-ot/summary/001/future.json', text), future);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Patient summaries' })).toBeVisible();
  await expect(page.getByRole('article', { name: 'Summary for A. B.' })).toBeVisible();
  await expect(page.locator('.file-messages li')).toHaveText([
    `future.json: Not opened. This file has a date that cannot be right: 262142-12-30. ${WINDOW_WORDS}`,
  ]);
  await page.reload();
  await expect(page.getByRole('article', { name: 'Summary for A. B.' })).toBeVisible();
  await expect(page.getByRole('article')).toHaveCount(1);
  await expectAccessible(page, 'OT summaries after reloads');
});

test('a backup with a diary entry in year -262143 is refused on restore and changes nothing', async ({ page }, testInfo) => {
  await page.clock.setFixedTime(TODAY);
  const backup = JSON.stringify({
    format: 'everyday-backup',
    version: 1,
    saved_at: '2026-03-28T10:00:00',
    data: {
      settings: { welcome_done: true, name: 'G. H.' },
      diary: [
        { id: 1, date: '-262143-01-01', time: '09:00:00', minutes: 30, area: 'leisure', what: 'Walk' },
        { id: 2, date: '2026-03-27', time: '09:00:00', minutes: 30, area: 'leisure', what: 'Walk' },
      ],
      next_id: 3,
    },
  });
  const path = testInfo.outputPath('far-backup.json');
  (await import('node:fs')).writeFileSync(path, backup);

  await startApp(page);
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByRole('link', { name: /^Backup and restore/ }).click();
  await page.getByLabel('Backup file').setInputFiles(path);
  await expect(page.getByText(`This file has a date that cannot be right: -262143-01-01. ${WINDOW_WORDS} Nothing has been changed.`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Replace my data with this backup' })).toHaveCount(0);
  await expectAccessible(page, 'settings with a refused backup');

  // Diary > Insights works, before and after a reload.
  for (let i = 0; i < 2; i++) {
    await page.goto('/diary/insights');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByText('G. H.')).toHaveCount(0);
    await page.reload();
  }
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});
