// Records are named by id, never by position (issue 13, faults 3 and 4):
// - "Same as yesterday" then Undo, after restoring a backup that has no id counter, takes away
//   only the copies: every older entry is still there after a reload.
// - A difficulty removed in a tab that has not yet seen another tab's change to the table
//   removes the row the person chose, not the one now at its old place.
//
// The browser's clock is fixed at Wednesday 18 November 2026, midday in London.
import { test, expect, expectAccessible } from './fixtures.mjs';
import { startApp } from './helpers.mjs';

const TODAY = new Date('2026-11-18T12:00:00Z');

test.beforeEach(async ({ context }) => {
  await context.clock.setFixedTime(TODAY);
});

function dayList(page) {
  return page.getByRole('list', { name: /^What you did on/ });
}

async function dayActivities(page) {
  // Each row reads "What (20 minutes)": the activity is the text before its length.
  return (await dayList(page).locator(':scope > li .entry-what').allInnerTexts())
    .map((t) => t.replace(/\s*\([^)]*\)\s*$/, '').trim()).sort();
}

test('same as yesterday then undo keeps every older entry, after a backup without an id counter', async ({ page }) => {
  await startApp(page);
  // Two activities yesterday and two already today; the backup has no `next_id`.
  const entry = (id, date, what, area) => ({ id, date, minutes: 30, area, what });
  const diary = [
    entry(1, '2026-11-17', 'Walk to the shop', 'productivity'),
    entry(2, '2026-11-17', 'Watch a film', 'leisure'),
    entry(3, '2026-11-18', 'Read the paper', 'leisure'),
    entry(4, '2026-11-18', 'Phone my sister', 'leisure'),
  ];
  const backup = { format: 'everyday-backup', version: 1, data: { settings: { welcome_done: true }, diary } };
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByRole('link', { name: /^Backup and restore/ }).click();
  await page.getByLabel('Backup file').setInputFiles({ name: 'old.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
  await page.getByRole('button', { name: 'Replace my data with this backup' }).click();
  await expect(page.getByText('Your backup has been restored.')).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Diary', exact: true }).click();
  const rows = dayList(page).locator(':scope > li');
  await expect(rows).toHaveCount(2);
  await page.getByRole('button', { name: 'Same as yesterday' }).click();
  await expect(page.getByText('Added 2 activities from Tuesday 17 November. Ratings and notes were not copied.')).toBeVisible();
  await expect(rows).toHaveCount(4);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('Taken away again.')).toBeVisible();
  await expect(rows).toHaveCount(2);
  expect(await dayActivities(page)).toEqual(['Phone my sister', 'Read the paper']);
  await expectAccessible(page, 'diary after undoing a copy');

  // After a reload, today and yesterday hold exactly what the backup held.
  await page.reload();
  await expect(rows).toHaveCount(2);
  expect(await dayActivities(page)).toEqual(['Phone my sister', 'Read the paper']);
  await page.getByRole('link', { name: 'Previous day' }).click();
  await expect(page.getByRole('heading', { name: 'Tuesday 17 November' })).toBeVisible();
  await expect(rows).toHaveCount(2);
  expect(await dayActivities(page)).toEqual(['Walk to the shop', 'Watch a film']);
});

test('a difficulty removed in a tab that missed another tab\'s change removes the chosen row', async ({ context, page }) => {
  // This tab can be made to stop hearing from other tabs for a while, as a phone does with a
  // tab in the background: its `storage` listeners are wrapped so they can be held back.
  await page.addInitScript(() => {
    window.__holdStorageEvents = false;
    const add = window.addEventListener.bind(window);
    window.addEventListener = (type, listener, options) =>
      add(type, type === 'storage' ? (e) => { if (!window.__holdStorageEvents) listener(e); } : listener, options);
  });
  page.on('dialog', (d) => d.accept());
  await startApp(page);
  await page.goto('/checklists/work/difficulties');
  const table = (p) => p.getByRole('table', { name: 'Difficulties at work and what would help' });
  for (const [what, help] of [
    ['Lifting boxes', 'No lifting over 5 kg'],
    ['Climbing stairs', 'A desk on the ground floor'],
    ['Noise in the office', 'A quiet room for calls'],
  ]) {
    await page.getByLabel('What is difficult at work').fill(what);
    await page.getByLabel('What would help, or a goal').fill(help);
    await page.getByRole('button', { name: 'Add to the table' }).click();
    await expect(table(page).getByText(what)).toBeVisible();
  }
  await expect(table(page).locator('tbody tr')).toHaveCount(3);

  await page.evaluate(() => {
    window.__holdStorageEvents = true;
  });

  // A second tab removes the first row.
  const other = await context.newPage();
  other.on('dialog', (d) => d.accept());
  await other.goto('/checklists/work/difficulties');
  await expect(table(other).locator('tbody tr')).toHaveCount(3);
  await table(other).getByRole('button', { name: 'Remove: Lifting boxes' }).click();
  await expect(table(other).locator('tbody tr')).toHaveCount(2);
  await other.close();

  // The first tab still shows three rows and removes "Climbing stairs" (second on its screen).
  // Its save meets the other tab's newer data; the removal is applied again on top of it.
  await expect(table(page).locator('tbody tr')).toHaveCount(3);
  await table(page).getByRole('button', { name: 'Remove: Climbing stairs' }).click();
  await expect(table(page).locator('tbody tr')).toHaveCount(1);
  await expect(table(page)).toContainText('Noise in the office');

  // Stored as shown: only "Noise in the office" is left.
  await page.reload();
  await expect(table(page).locator('tbody tr')).toHaveCount(1);
  await expect(table(page)).toContainText('Noise in the office');
  await expect(table(page)).not.toContainText('Climbing stairs');
});
