// The foundation journeys: first run, every page, persistence, backup and restore, recovery
// from corrupt storage, a full quota, a second tab, offline use, and small screens.
import fs from 'node:fs';
import { test, expect, expectAccessible } from './fixtures.mjs';
import { startApp, checkIn, progressRows } from './helpers.mjs';

test('first run shows the welcome, then Today; the welcome is accessible', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Everyday' })).toBeVisible();
  await expect(page.getByText('Your information stays on this phone')).toBeVisible();
  await expectAccessible(page, 'welcome');
  await page.getByRole('button', { name: 'Start using Everyday' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
});

test('every page opens from the navigation, is announced, and passes the accessibility scan', async ({ page }) => {
  await startApp(page);
  await expectAccessible(page, 'today');
  for (const name of ['Goals', 'Diary', 'Checklists', 'Progress', 'Today']) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
    const heading = page.getByRole('heading', { level: 1, name });
    await expect(heading).toBeVisible();
    await expect(heading).toBeFocused();
    await expect(page.getByRole('link', { name, exact: true })).toHaveAttribute('aria-current', 'page');
    await expect(page).toHaveTitle(`${name} – Everyday`);
    await expectAccessible(page, name);
  }
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expectAccessible(page, 'settings');

  for (const [path, title] of [['/ot', 'Occupational therapist'], ['/employer', 'Shared workplace plan'], ['/no-such-page', 'Page not found']]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expectAccessible(page, path);
  }
  // The role areas show nothing of the patient's and no patient navigation.
  await page.goto('/employer');
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
});

test('a check-in is kept across reloads and shown on Progress', async ({ page }) => {
  await startApp(page);
  await checkIn(page, 7, 'Good morning');
  await expect(page.getByText('Saved: 7 out of 10 for today.')).toBeVisible();
  await page.reload();
  expect(await progressRows(page)).toEqual([['7', 'Good morning']]);
});

test('a value out of range is refused with a plain message and changes nothing', async ({ page }) => {
  await startApp(page);
  await page.getByRole('button', { name: 'Save check-in' }).click();
  await expect(page.getByText('Please choose a number from 0 to 10 first.')).toBeVisible();
  expect(await progressRows(page)).toEqual([]);
});

test('backup downloads, restores after showing what it holds, and the restore can be undone', async ({ page }) => {
  await startApp(page);
  await checkIn(page, 4, 'before backup');
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await expect(page.getByRole('link', { name: /^Backup and restore You have not made a backup yet\./ })).toBeVisible();
  await page.getByRole('link', { name: /^Backup and restore/ }).click();
  await expect(page.getByText('You have not made a backup yet.')).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download a backup', exact: true }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^everyday-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const file = await download.path();
  const backup = JSON.parse(fs.readFileSync(file, 'utf8'));
  expect(backup.format).toBe('everyday-backup');
  expect(backup.version).toBe(1);
  expect(backup.data.ratings.confidence).toHaveLength(1);
  await expect(page.getByText(/^Last backed up today/)).toBeVisible();

  // More data after the backup.
  await checkIn(page, 9, 'after backup');
  expect(await progressRows(page)).toHaveLength(2);

  // Restore: the contents are shown and nothing changes until confirmed.
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByRole('link', { name: /^Backup and restore/ }).click();
  await page.getByLabel('Backup file').setInputFiles(file);
  await expect(page.getByRole('heading', { name: 'This backup contains' })).toBeVisible();
  await expect(page.getByText('1 rating', { exact: true })).toBeVisible();
  await expectAccessible(page, 'restore confirmation');
  await page.getByRole('button', { name: 'Replace my data with this backup' }).click();
  await expect(page.getByText('Your backup has been restored.')).toBeVisible();
  expect(await progressRows(page)).toEqual([['4', 'before backup']]);

  // Undo brings back what was replaced, and survives a reload.
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByRole('link', { name: /^Backup and restore/ }).click();
  await page.getByRole('button', { name: 'Undo the restore' }).click();
  await expect(page.getByText('The restore has been undone.')).toBeVisible();
  await page.reload();
  expect(await progressRows(page)).toHaveLength(2);
});

test('a bad backup file gets a clear message and changes nothing', async ({ page }) => {
  await startApp(page);
  await checkIn(page, 5);
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByRole('link', { name: /^Backup and restore/ }).click();
  const cases = [
    ['not-json.json', 'hello', 'not in the JSON format'],
    ['other.json', '{"format":"something-else","version":1,"data":{}}', 'not the right kind of Everyday file'],
    ['newer.json', '{"format":"everyday-backup","version":99,"data":{}}', 'newer version of Everyday'],
    ['range.json', '{"format":"everyday-backup","version":1,"data":{"ratings":{"confidence":[{"date":"2026-01-02","score":42}]}}}', 'between 0 and 10'],
  ];
  for (const [name, body, message] of cases) {
    await page.getByLabel('Backup file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(body) });
    await expect(page.getByText(message)).toBeVisible();
    await expect(page.getByText('Nothing has been changed.')).toBeVisible();
  }
  // Oversized file: refused before it is read.
  await page.getByLabel('Backup file').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.alloc(9 * 1024 * 1024, 32) });
  await expect(page.getByText('This file is too big')).toBeVisible();
  expect(await progressRows(page)).toEqual([['5', '']]);
});

test('corrupt storage is kept aside, the person is told, and can download it', async ({ page }) => {
  await startApp(page);
  await checkIn(page, 6, 'first');
  await checkIn(page, 8, 'second');
  await page.evaluate(() => localStorage.setItem('everyday/part/core', '{"format":"everyday-part","version":1,"data":{"ratings":'));
  await page.reload();
  await expect(page.getByText('Some of your saved data could not be read.')).toBeVisible();
  await expect(page.getByText(/We went back to the last good copy/)).toBeVisible();
  await expectAccessible(page, 'recovery message');
  // The last good copy is the state before the last save: the first check-in.
  expect(await progressRows(page)).toEqual([['6', 'first']]);

  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Data kept aside' })).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download it' }).click(),
  ]);
  const kept = fs.readFileSync(await download.path(), 'utf8');
  expect(kept).toBe('{"format":"everyday-part","version":1,"data":{"ratings":');
  await page.getByRole('button', { name: 'Remove it from this phone' }).click();
  await expect(page.getByRole('heading', { name: 'Data kept aside' })).toHaveCount(0);
});

test('a newer-version document is left exactly as it is, never moved or deleted', async ({ page }) => {
  // Issue 13: newer data is not damage. See e2e/reliability-storage.spec.mjs for the rest.
  await page.goto('/');
  await page.evaluate(() => localStorage.setItem('everyday/part/core', '{"format":"everyday-part","version":42,"data":{}}'));
  await page.reload();
  await expect(page.getByText(/updated to a newer version/).first()).toBeVisible();
  const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('everyday/')));
  expect(stored).toEqual(['everyday/part/core']);
  expect(await page.evaluate(() => localStorage.getItem('everyday/part/core'))).toBe('{"format":"everyday-part","version":42,"data":{}}');
});

test('a full storage quota shows a clear message and loses nothing already stored', async ({ page }) => {
  await startApp(page);
  await checkIn(page, 3, 'stored');
  // Fill the rest of this site's localStorage.
  await page.evaluate(() => {
    let chunk = 'x'.repeat(1 << 20);
    let n = 0;
    for (;;) {
      try {
        localStorage.setItem(`filler-${n}`, chunk);
        n++;
      } catch {
        if (chunk.length <= 16) break;
        chunk = chunk.slice(0, chunk.length / 2);
      }
    }
  });
  await checkIn(page, 10, 'not stored yet');
  await expect(page.getByText(/storage for Everyday is full/)).toBeVisible();
  // The change is still shown while the app is open.
  expect(await progressRows(page)).toEqual([['10', 'not stored yet'], ['3', 'stored']]);
  // Free the space again: what was stored before is intact.
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler-')).forEach((k) => localStorage.removeItem(k)));
  await page.reload();
  expect(await progressRows(page)).toEqual([['3', 'stored']]);
});

test('changes in a second tab appear without a reload, and neither tab overwrites the other', async ({ page, context }) => {
  await startApp(page);
  const other = await context.newPage();
  await other.goto('/progress');
  await expect(other.getByText('No check-ins yet.')).toBeVisible();
  await checkIn(page, 6, 'from tab one');
  await expect(other.getByRole('cell', { name: 'from tab one' })).toBeVisible();
  await expect(other.getByText('Changes made in another tab or window have been brought in here.')).toBeVisible();
  // The second tab now adds its own; the first tab sees both.
  await checkIn(other, 2, 'from tab two');
  await expect(page.getByText('Changes made in another tab or window have been brought in here.')).toBeVisible();
  expect(await progressRows(page)).toEqual([['2', 'from tab two'], ['6', 'from tab one']]);
  await page.reload();
  expect(await progressRows(page)).toEqual([['2', 'from tab two'], ['6', 'from tab one']]);
});

test('after the first visit the app opens and works offline', async ({ page, context }) => {
  await startApp(page);
  await checkIn(page, 5, 'online');
  // Wait until the service worker has cached the app and controls the page.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  // A deep link works offline too, and data is there.
  await page.goto('/progress');
  expect(await progressRows(page)).toEqual([['5', 'online']]);
  await checkIn(page, 6, 'offline');
  await page.reload();
  expect(await progressRows(page)).toEqual([['6', 'offline'], ['5', 'online']]);
  await context.setOffline(false);
});

test('works at 320px wide and with text at 200%', async ({ page }) => {
  // 38 full page loads (each fetching its section's part): more than the default 30 s on a
  // busy two-core machine.
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 320, height: 640 });
  await startApp(page);
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  const pages = ['/', '/goals', '/goals/new', '/diary', '/checklists', '/progress',
    '/progress/questionnaire', '/progress/work-ability', '/progress/appointments', '/settings',
    '/settings/ot', '/settings/diary', '/settings/backup', '/settings/lock', '/diary/week', '/diary/insights', '/diary/pacing', '/checklists/work', '/checklists/home',
    '/summary', '/ot', '/ot/summaries', '/employer'];
  for (const path of pages) {
    await page.goto(path);
    await expect(page.locator('main h1')).toBeVisible();
    expect(await overflow(), `horizontal scroll at 320px on ${path}`).toBeLessThanOrEqual(0);
  }
  // Text at 200%: every page still fits without sideways scrolling. (Set through the CSS
  // object model, after an in-app navigation so it stays: the app's Content-Security-Policy
  // blocks inline styles.)
  await page.goto('/settings/backup');
  await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
  await expect(page.getByRole('button', { name: 'Download a backup', exact: true })).toBeVisible();
  expect(await overflow()).toBeLessThanOrEqual(0);
  for (const path of pages) {
    await page.goto(path);
    await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
    await expect(page.locator('main h1')).toBeVisible();
    expect(await overflow(), `horizontal scroll at 320px with 200% text on ${path}`).toBeLessThanOrEqual(0);
  }
  // A page below a section keeps its section current in the navigation (and Today does not).
  await page.goto('/diary/week');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Diary', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('link', { name: 'Today', exact: true })).not.toHaveAttribute('aria-current', 'page');
  await page.goto('/settings');
  await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
  // Every link in the navigation is at least 44 by 44 CSS pixels.
  for (const link of await page.getByRole('navigation', { name: 'Main' }).getByRole('link').all()) {
    const box = await link.boundingBox();
    expect(box.width).toBeGreaterThanOrEqual(44);
    expect(box.height).toBeGreaterThanOrEqual(44);
  }
});

test('the server forbids framing by other sites (clickjacking) on pages, deep links and files', async ({ request }) => {
  for (const path of ['/', '/employer', '/ot/summaries', '/sw.js', '/no-such-file.js']) {
    const response = await request.get(path);
    const headers = response.headers();
    expect(headers['x-frame-options'], path).toBe('DENY');
    expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
  }
});
