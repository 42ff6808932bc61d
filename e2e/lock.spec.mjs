// The passcode lock (issue 17): set a lock, reload, unlock and see the data; a wrong passcode;
// the idle lock; change and remove the passcode; a protected backup restores only with its
// passphrase; the unlock screen passes the accessibility scan.
import fs from 'node:fs';
import { test, expect, expectAccessible } from './fixtures.mjs';
import { startApp, checkIn, progressRows } from './helpers.mjs';

const NOTE = 'walked to the allotment';

// Every test here derives keys from a passcode several times (PBKDF2, 600,000 iterations each):
// a few seconds apiece on a busy 2-core machine, so the tests get 90 s rather than 30.
test.describe.configure({ timeout: 90_000 });

async function turnLockOn(page, code) {
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByRole('link', { name: /^Lock Everyday/ }).click();
  await expect(page.getByRole('heading', { name: 'Lock Everyday' })).toBeVisible();
  await page.getByLabel('Choose a passcode').fill(code);
  await page.getByLabel('Type it again').fill(code);
  await page.getByRole('button', { name: 'Turn on the lock' }).click();
  await expect(page.getByText('The lock is on. Everyday will ask for your passcode when it opens.')).toBeVisible({ timeout: 20000 });
}

async function unlock(page, code) {
  await page.getByLabel('Your passcode', { exact: true }).fill(code);
  await page.getByRole('button', { name: 'Unlock' }).click();
}

const storedValues = (page) => page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.startsWith('everyday/')));

test('lock on: nothing readable is stored; reload asks for the passcode; wrong then right', async ({ page }) => {
  await startApp(page);
  await checkIn(page, 6, NOTE);
  await turnLockOn(page, '24681357');

  for (const [key, value] of await storedValues(page)) {
    expect(value, key).not.toContain('allotment');
  }

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Everyday is locked' })).toBeVisible();
  await expectAccessible(page, 'unlock screen');
  // Unlocking is a part of the app of its own, which index.html asks for when a lock is set.
  const preloaded = await page.evaluate(() => [...document.querySelectorAll('link[rel=preload]')].map((l) => new URL(l.href).pathname));
  expect(preloaded.filter((p) => /\/everyday-split-lock-[0-9a-f]{16}\.wasm$/.test(p)).length).toBe(1);
  await unlock(page, '11111111');
  await expect(page.getByText('That passcode is not right. Please try again.')).toBeVisible({ timeout: 20000 });
  await unlock(page, '24681357');
  await expect(page.getByRole('heading', { level: 1, name: 'Everyday is locked' })).toBeHidden({ timeout: 20000 });
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await progressRows(page)).toEqual([['6', NOTE]]);

  // A change while unlocked is stored sealed and is there after the next unlock.
  await checkIn(page, 8, 'second note here');
  await page.reload();
  await unlock(page, '24681357');
  await expect(page.getByRole('heading', { level: 1, name: 'Everyday is locked' })).toBeHidden({ timeout: 20000 });
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await progressRows(page)).toHaveLength(2);
  for (const [key, value] of await storedValues(page)) {
    expect(value, key).not.toContain('second note');
  }
});

test('two tabs with the lock on: a change saved in each is kept, and stored sealed', async ({ page, context }) => {
  await startApp(page);
  await checkIn(page, 6, NOTE);
  await turnLockOn(page, '24681357');

  // A second tab opens locked, is unlocked, and saves a check-in.
  const other = await context.newPage();
  await other.goto('/');
  await expect(other.getByRole('heading', { level: 1, name: 'Everyday is locked' })).toBeVisible();
  await unlock(other, '24681357');
  await expect(other.getByRole('heading', { level: 1, name: 'Everyday is locked' })).toBeHidden({ timeout: 20000 });
  await checkIn(other, 7, 'from the second tab');
  await expect.poll(async () => (await progressRows(other)).length, { timeout: 20000 }).toBe(2);
  await other.close();

  // The first tab, unlocked all along, saves one too: neither tab's check-in is lost.
  await checkIn(page, 8, 'from the first tab');
  await expect.poll(async () => (await progressRows(page)).map(([, note]) => note).sort(), { timeout: 20000 })
    .toEqual([NOTE, 'from the first tab', 'from the second tab'].sort());

  // Stored sealed, and all three are there after a reload and unlock.
  for (const [key, value] of await storedValues(page)) {
    expect(value, key).not.toContain('second tab');
    expect(value, key).not.toContain('first tab');
  }
  await page.reload();
  await unlock(page, '24681357');
  await expect(page.getByRole('heading', { level: 1, name: 'Everyday is locked' })).toBeHidden({ timeout: 20000 });
  expect(await progressRows(page)).toHaveLength(3);
});

test('idle lock, change the passcode, then remove the lock', async ({ page }) => {
  await page.clock.install();
  await startApp(page);
  await checkIn(page, 5, NOTE);
  await turnLockOn(page, '97531246');
  await page.getByLabel('Lock again after this long without use').selectOption('1');
  await expect(page.getByText('Everyday will lock after 1 minute without use.')).toBeVisible();
  await page.clock.fastForward('01:10');
  await expect(page.getByRole('heading', { level: 1, name: 'Everyday is locked' })).toBeVisible();
  await unlock(page, '97531246');
  await expect(page.getByRole('heading', { level: 1, name: 'Everyday is locked' })).toBeHidden({ timeout: 20000 });
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByRole('link', { name: /^Lock Everyday/ }).click();
  await page.getByLabel('Current passcode').fill('97531246');
  await page.getByLabel('New passcode').fill('blue kettle river');
  await page.getByRole('button', { name: 'Change passcode' }).click();
  await expect(page.getByText('Your passcode is changed.')).toBeVisible({ timeout: 20000 });
  await page.reload();
  await unlock(page, '97531246');
  await expect(page.getByText('That passcode is not right.')).toBeVisible({ timeout: 20000 });
  await unlock(page, 'blue kettle river');
  await expect(page.getByRole('heading', { level: 1, name: 'Everyday is locked' })).toBeHidden({ timeout: 20000 });
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByRole('link', { name: /^Lock Everyday/ }).click();
  await page.getByLabel('Your passcode', { exact: true }).fill('blue kettle river');
  await page.getByRole('button', { name: 'Remove the lock' }).click();
  await expect(page.getByText('The lock is off.')).toBeVisible({ timeout: 20000 });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Lock Everyday' })).toBeVisible();
  expect(await progressRows(page)).toEqual([['5', NOTE]]);
  const stored = await storedValues(page);
  expect(stored.some(([, v]) => v.includes('allotment'))).toBe(true);
  expect(stored.some(([k]) => k === 'everyday/lock')).toBe(false);
});

test('a protected backup restores only with its passphrase; a damaged one gets a plain message', async ({ page }) => {
  await startApp(page);
  await checkIn(page, 3, NOTE);
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByRole('link', { name: /^Backup and restore/ }).click();
  await page.getByLabel(/Passphrase for the backup/).fill('green apple tree');
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 20000 }),
    page.getByRole('button', { name: 'Download a protected backup' }).click(),
  ]);
  const file = await download.path();
  const text = fs.readFileSync(file, 'utf8');
  expect(JSON.parse(text).format).toBe('everyday-backup-protected');
  expect(text).not.toContain('allotment');

  await checkIn(page, 9, 'after the backup');
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByRole('link', { name: /^Backup and restore/ }).click();
  await page.getByLabel('Backup file').setInputFiles(file);
  await page.getByLabel("The backup's passphrase").fill('green apple three');
  await page.getByRole('button', { name: 'Open the backup' }).click();
  await expect(page.getByText('That passphrase does not open this backup.')).toBeVisible({ timeout: 20000 });
  await page.getByLabel("The backup's passphrase").fill('green apple tree');
  await page.getByRole('button', { name: 'Open the backup' }).click();
  await expect(page.getByRole('heading', { name: 'This backup contains' })).toBeVisible({ timeout: 20000 });
  await page.getByRole('button', { name: 'Replace my data with this backup' }).click();
  expect(await progressRows(page)).toEqual([['3', NOTE]]);

  // A damaged protected file.
  const parsed = JSON.parse(text);
  parsed.data = parsed.data.slice(0, 20);
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByRole('link', { name: /^Backup and restore/ }).click();
  await page.getByLabel('Backup file').setInputFiles({ name: 'cut.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(parsed)) });
  await page.getByLabel("The backup's passphrase").fill('green apple tree');
  await page.getByRole('button', { name: 'Open the backup' }).click();
  await expect(page.getByText('This backup file is damaged, so it cannot be opened.')).toBeVisible({ timeout: 20000 });
});

test('forgotten passcode: "Start again" asks twice, "No" keeps everything, "Yes" then removes it all', async ({ page }) => {
  await startApp(page);
  await checkIn(page, 5, NOTE);
  await turnLockOn(page, '97531864');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Everyday is locked' })).toBeVisible();
  const before = await storedValues(page);
  expect(before.some(([k]) => k === 'everyday/lock')).toBe(true);

  // First question, then "No": nothing is removed and the app stays locked.
  await page.getByRole('button', { name: 'Start again' }).click();
  await expect(page.getByText('This removes all your goals, diary, ratings, checklists and plans from this phone.')).toBeVisible();
  await page.getByRole('button', { name: 'No, keep it locked' }).click();
  expect(await storedValues(page)).toEqual(before);
  // Both questions, then "No" at the second: still nothing removed.
  await page.getByRole('button', { name: 'Start again' }).click();
  await page.getByRole('button', { name: 'Yes, remove everything' }).click();
  await expect(page.getByText('Are you sure? This cannot be undone.')).toBeVisible();
  await expectAccessible(page, 'start again, second question');
  await page.getByRole('button', { name: 'No, keep it locked' }).click();
  expect(await storedValues(page)).toEqual(before);
  // The right passcode still opens the data after saying no.
  await unlock(page, '97531864');
  await expect(page.getByRole('heading', { level: 1, name: 'Everyday is locked' })).toBeHidden({ timeout: 20000 });
  expect(await progressRows(page)).toEqual([['5', NOTE]]);

  // Locked again, and this time yes twice: everything of Everyday's is gone, and it starts fresh.
  await page.reload();
  await page.getByRole('button', { name: 'Start again' }).click();
  await page.getByRole('button', { name: 'Yes, remove everything' }).click();
  await page.getByRole('button', { name: 'Remove everything and start again' }).click();
  // The page reloads unlocked with nothing in it; the welcome is on the home page.
  await expect(page.getByRole('heading', { level: 1, name: 'Everyday is locked' })).toBeHidden({ timeout: 20000 });
  await expect(page.getByText('No check-ins yet.')).toBeVisible();
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Start using Everyday' })).toBeVisible({ timeout: 20000 });
  expect((await storedValues(page)).filter(([k]) => k === 'everyday/lock' || k.includes('lock-'))).toEqual([]);
  await page.getByRole('button', { name: 'Start using Everyday' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Everyday is locked' })).toHaveCount(0);
  expect(await progressRows(page)).toEqual([]);
});
