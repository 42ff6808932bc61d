// Issue 13, storage: data written by a newer version of Everyday (another tab, or a cached old
// app next to data from a new one) is never touched. The app says so, offers a reload, and
// refuses changes without writing anything.
import { test, expect, expectAccessible } from './fixtures.mjs';
import { startApp, checkIn } from './helpers.mjs';

const NOTICE = 'Please reload this page.';
const MESSAGE = /Everyday has been updated to a newer version in another tab or window/;

/** Every key of this site's localStorage with its value, sorted, as one string. */
function snapshot(page) {
  return page.evaluate(() =>
    JSON.stringify(
      Object.keys(localStorage)
        .sort()
        .map((k) => [k, localStorage.getItem(k)]),
    ),
  );
}

/** Rewrite the stored values under these keys (or key prefixes) as a newer version would. */
function makeNewer(page, prefixes) {
  return page.evaluate((prefixes) => {
    for (const key of Object.keys(localStorage)) {
      if (prefixes.some((p) => key === p || key.startsWith(p))) {
        // One past the version it has (a part has the layout's version, the meta the document's).
        localStorage.setItem(key, localStorage.getItem(key).replace(/"version":(\d+)/, (_, v) => `"version":${Number(v) + 1}`));
      }
    }
  }, prefixes);
}

test('a store with a newer meta survives reloads untouched; changes are refused, not written', async ({ page }) => {
  await startApp(page);
  await checkIn(page, 6, 'stored before');
  await expect(page.getByText('Saved: 6 out of 10 for today.')).toBeVisible();
  await makeNewer(page, ['everyday/meta']);
  const before = await snapshot(page);

  await page.reload();
  const notice = page.getByRole('alert').filter({ hasText: NOTICE });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText(MESSAGE);
  await expect(notice.getByRole('button', { name: 'Reload the page' })).toBeVisible();
  expect(await snapshot(page)).toBe(before);
  await expectAccessible(page, 'read-only notice');

  // A change is refused with the plain message, and nothing is written.
  await checkIn(page, 9, 'not saved');
  await expect(page.locator('.form-message').filter({ hasText: MESSAGE })).toBeVisible();
  expect(await snapshot(page)).toBe(before);

  // The Reload button reloads; the data is still exactly as the newer version left it.
  await notice.getByRole('button', { name: 'Reload the page' }).click();
  await expect(page.getByRole('alert').filter({ hasText: NOTICE })).toBeVisible();
  expect(await snapshot(page)).toBe(before);
});

test('every part at a newer version: nothing is moved aside, nothing written, even after trying', async ({ page }) => {
  await startApp(page);
  await checkIn(page, 4, 'kept for the new version');
  await makeNewer(page, ['everyday/part/', 'everyday/meta']);
  const before = await snapshot(page);

  await page.reload();
  await expect(page.getByRole('alert').filter({ hasText: NOTICE })).toBeVisible();
  // Nothing of it was taken for damage.
  await expect(page.getByText('Some of your saved data could not be read.')).toHaveCount(0);
  expect(await snapshot(page)).toBe(before);
  expect(before).not.toContain('everyday/quarantine/');
  await expectAccessible(page, 'read-only notice, all parts newer');

  // The welcome shows (the settings could not be read); starting is refused without a write.
  await page.getByRole('button', { name: 'Start using Everyday' }).click();
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByLabel('Name or initials for your summary').fill('Someone');
  await page.getByRole('button', { name: 'Save name' }).click();
  // Refused, in the error summary at the top of the form (which takes the focus).
  await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' }).filter({ hasText: MESSAGE })).toBeFocused();
  await page.reload();
  await expect(page.getByRole('alert').filter({ hasText: NOTICE })).toBeVisible();
  expect(await snapshot(page)).toBe(before);
});
