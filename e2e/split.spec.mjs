// The app is downloaded in parts (src/routes/lazy.rs, scripts/split.mjs): Today's first visit
// fetches the shell only, every other page its section's part. The employer's page is a program
// of its own (src/bin/employer.rs), which index.html loads instead of the app at /employer. After the first visit the
// service worker has kept every part, so every page opens offline; a part that cannot be
// downloaded gives a plain message with a Reload button, never a crash.
import { test, expect } from './fixtures.mjs';
import { employerLink } from '../scripts/sample-link.mjs';

// One path per page of the route table (src/routes/mod.rs) with its heading's start.
const PAGES = [
  ['/goals', /goal/i],
  ['/goals/new', /goal/i],
  ['/diary', /diary/i],
  ['/diary/week', /week/i],
  ['/diary/insights', /./],
  ['/diary/pacing', /pac/i],
  ['/checklists', /checklist/i],
  ['/checklists/work', /work/i],
  ['/checklists/work/covers', /covers/i],
  ['/checklists/work/adjustments', /adjustments/i],
  ['/checklists/work/adjustments/add', /add/i],
  ['/checklists/work/difficulties', /difficult/i],
  ['/checklists/work/return', /./],
  ['/checklists/work/wellness', /./],
  ['/checklists/work/share', /share/i],
  ['/checklists/work/share/link', /employer/i],
  ['/checklists/home', /home/i],
  ['/checklists/home/falls', /fall/i],
  ['/checklists/home/room/kitchen', /./],
  ['/progress', /progress/i],
  ['/progress/questionnaire', /./],
  ['/progress/work-ability', /work/i],
  ['/progress/appointments', /./],
  ['/settings', /settings/i],
  ['/settings/ot', /OT/],
  ['/settings/diary', /diary/i],
  ['/settings/backup', /backup/i],
  ['/settings/lock', /lock/i],
  ['/summary', /summary/i],
  ['/plan', /./],
  ['/ot', /./],
  ['/ot/plan', /./],
  ['/ot/summaries', /./],
  ['/employer', /./],
];
const MISSING = 'This page could not be opened';
// A section's part, the app's main part, and the employer's page.
const SECTION_PART = /\/everyday-split-[a-z-]+-[0-9a-f]{16}\.wasm$/;
const MAIN_PART = /\/everyday-[0-9a-f]{16}_bg\.wasm$/;
const EMPLOYER_PROGRAM = /\/everyday-employer-[0-9a-f]{16}_bg\.wasm$/;
// The part that reads stored records (src/state/mod.rs, AppState::open).
const OPEN_PART = /\/everyday-split-open-[0-9a-f]{16}\.wasm$/;

test('the welcome loads no section part, and every page opens offline after the first visit', async ({ page, context }) => {
  // 25 page loads on a machine that may be busy.
  test.setTimeout(120_000);
  const wasm = [];
  page.on('request', (r) => r.url().endsWith('.wasm') && wasm.push(new URL(r.url()).pathname));
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Start using Everyday' })).toBeVisible();
  expect(wasm.length, 'WebAssembly files fetched by Today').toBe(1);
  expect(wasm[0]).toMatch(MAIN_PART);

  // The service worker keeps every file of the build, the parts included.
  const kept = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const text = await (await fetch('/sw.js')).text();
    const list = JSON.parse(/const PRECACHE = (\[[^\]]*\])/.exec(text)[1]);
    for (let i = 0; i < 100; i += 1) {
      const name = (await caches.keys()).find((k) => k.startsWith('everyday-'));
      if (name && registration.active) {
        const cache = await caches.open(name);
        const missing = [];
        for (const url of list) if (!(await cache.match(url))) missing.push(url);
        if (missing.length === 0) return list.filter((u) => u.endsWith('.wasm')).length;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return 0;
  });
  expect(kept, 'WebAssembly files kept by the service worker').toBeGreaterThan(3);
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

  await context.setOffline(true);
  for (const [path, heading] of PAGES) {
    await page.goto(path);
    const h1 = page.getByRole('heading', { level: 1 });
    await expect(h1, path).toHaveText(heading);
    await expect(h1, path).not.toHaveText(MISSING);
  }
  // Moving between pages in the app offline also works, and Today's own page (its part) opens
  // after the welcome.
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Diary' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/diary/i);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
  await page.getByRole('button', { name: 'Start using Everyday' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeFocused();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await context.setOffline(false);
});

test('a part that cannot be downloaded gives a plain message, and Reload then opens the page', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // The main part can be downloaded; every section's part fails.
  await context.route(SECTION_PART, (route) => route.abort());
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Start using Everyday' })).toBeVisible();
  // Starting needs Today's part: without it the welcome stays, says why, and nothing is saved.
  await page.getByRole('button', { name: 'Start using Everyday' }).click();
  await expect(page.getByRole('alert')).toContainText('could not be downloaded now');
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Everyday' })).toBeVisible();
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('everyday')).length)).toBe(0);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Goals' }).click();
  await expect(page.getByRole('heading', { level: 1, name: MISSING })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('Your records are safe');
  // The app still works: Today opens again.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Everyday' })).toBeVisible();
  // A deep link whose part fails shows the message too.
  await page.goto('/diary/week');
  await expect(page.getByRole('heading', { level: 1, name: MISSING })).toBeVisible();

  await context.unroute(SECTION_PART);
  await page.getByRole('button', { name: 'Reload the page' }).click();
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(MISSING);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(errors, 'uncaught errors (a panic would be one)').toEqual([]);
  await context.close();
});

test("Today's own page is a part: fetched after the welcome, with the main part on a later visit, and a plain message when it cannot be", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const wasm = [];
  page.on('request', (r) => r.url().endsWith('.wasm') && wasm.push(new URL(r.url()).pathname));
  await page.goto('/');
  await page.getByRole('button', { name: 'Start using Everyday' }).click();
  // Focus moves to Today's heading once its part has arrived.
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeFocused();
  expect(wasm.filter((p) => SECTION_PART.test(p)).length, 'Today\'s part, after the welcome').toBe(1);
  const todayPart = wasm.find((p) => SECTION_PART.test(p));

  // A later visit asks for Today's part in index.html, together with the main part.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  const listed = await page.evaluate(() => [...document.querySelectorAll('link[rel=preload]')].map((l) => new URL(l.href).pathname));
  expect(listed).toContain(todayPart);

  // Today's part cannot be downloaded: a plain message, the rest of the app still works.
  const today = (url) => url.pathname === todayPart;
  await context.route(today, (route) => route.abort());
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: MISSING })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('Your records are safe');
  await context.unroute(today);
  await page.getByRole('button', { name: 'Reload the page' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  expect(errors, 'uncaught errors (a panic would be one)').toEqual([]);
  await context.close();
});

test('what is stored is read by a part of its own: never fetched on a first visit, and a plain message with nothing changed when it cannot be', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const wasm = [];
  page.on('request', (r) => r.url().endsWith('.wasm') && wasm.push(new URL(r.url()).pathname));
  await page.goto('/');
  await page.getByRole('button', { name: 'Start using Everyday' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeFocused();
  expect(wasm.filter((p) => OPEN_PART.test(p)), 'the reading part, on a first visit').toEqual([]);
  // Something to read: a name, saved through Settings.
  await page.goto('/settings');
  await page.getByLabel('Name or initials for your summary').fill('Rita');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  const before = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));

  // A later visit, on any page, fetches it with the main part (index.html asks for it).
  wasm.length = 0;
  await page.goto('/diary');
  await expect(page.getByRole('heading', { level: 1, name: /diary/i })).toBeVisible();
  const listed = await page.evaluate(() => [...document.querySelectorAll('link[rel=preload]')].map((l) => new URL(l.href).pathname));
  expect(listed.filter((p) => OPEN_PART.test(p)).length, 'the reading part, asked for by index.html').toBe(1);

  // It cannot be downloaded: the loading screen gives way to a plain message; nothing stored
  // is changed, and Reload then opens the app with the records.
  await context.route(OPEN_PART, (route) => route.abort());
  await page.goto('/settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Everyday could not be opened' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('Your records are safe');
  await expect(page.getByText('Getting Everyday ready')).toHaveCount(0);
  expect(await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()))).toBe(before);
  await context.unroute(OPEN_PART);
  await page.getByRole('button', { name: 'Reload the page' }).click();
  await expect(page.getByLabel('Name or initials for your summary')).toHaveValue('Rita');
  expect(errors, 'uncaught errors (a panic would be one)').toEqual([]);
  await context.close();
});

test("a first visit shows the welcome before the app has arrived, the same words the app then draws", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, serviceWorkers: 'block' });
  const page = await context.newPage();
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  // Hold the app's part back: what shows meanwhile is index.html's own.
  await context.route(MAIN_PART, async (route) => { await held; await route.continue(); });
  await page.goto('/');
  const words = () => page.evaluate(() => [...document.querySelectorAll('main h1, main h2, main .lead, main li, main .card p')]
    .filter((e) => e.checkVisibility())
    .map((e) => e.innerText.replace(/\s+/g, ' ').trim()));
  await expect(page.locator('#boot-welcome')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Everyday' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('Getting Everyday ready…');
  const before = await words();
  release();
  await expect(page.getByRole('button', { name: 'Start using Everyday' })).toBeVisible();
  await expect(page.locator('#boot')).toHaveCount(0);
  expect(await words(), 'the app draws the words the welcome showed while it downloaded').toEqual(before);
  expect(before.length).toBeGreaterThan(6);
  await context.close();
});

test('a returning visit shows no welcome while the app arrives, and an app that cannot download says so', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await page.getByRole('button', { name: 'Start using Everyday' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  // Now the app's main part is held back, then fails.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await context.route(MAIN_PART, async (route) => { await held; await route.abort(); });
  await page.reload();
  await expect(page.getByRole('status')).toHaveText('Getting Everyday ready…');
  await expect(page.locator('#boot-welcome')).toBeHidden();
  release();
  await expect(page.getByRole('heading', { level: 1, name: 'Everyday could not be opened' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(page.getByRole('alert')).toContainText('Your records are safe');
  await context.unroute(MAIN_PART);
  await page.getByRole('button', { name: 'Reload the page' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  expect(errors, 'uncaught errors (a panic would be one)').toEqual([]);
  await context.close();
});

test("the employer's page downloads its own program only, not the app", async ({ page }) => {
  const wasm = [];
  page.on('request', (r) => r.url().endsWith('.wasm') && wasm.push(new URL(r.url()).pathname));
  await page.goto('/employer');
  // Drawn by the program (index.html's frame has the heading but not this text).
  await expect(page.getByText('When an employee shares their workplace plan with you')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Shared workplace plan' })).toBeVisible();
  await expect(page.getByText('Workplace plan', { exact: true })).toBeVisible();
  expect(wasm.length, 'WebAssembly files fetched by the employer\'s page').toBe(1);
  expect(wasm[0]).toMatch(EMPLOYER_PROGRAM);
});

test("a plan's link says what the page is before the employer's program has arrived, in the words the program then draws", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, serviceWorkers: 'block' });
  const page = await context.newPage();
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await context.route(EMPLOYER_PROGRAM, async (route) => { await held; await route.continue(); });
  await page.goto(employerLink());
  await expect(page.getByRole('heading', { level: 1, name: 'Shared workplace plan' })).toBeVisible();
  await expect(page.locator('#boot-shared')).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('Opening the plan…');
  const before = await page.locator('#boot-shared').textContent();
  release();
  // The sample plan (scripts/sample-link.mjs) as the program draws it.
  await expect(page.getByText('A chair with arm rests and a foot rest')).toBeVisible();
  await expect(page.locator('#boot')).toHaveCount(0);
  await expect(page.locator('main .lead')).toHaveText(before);
  expect(before).toContain('not sent to any server');
  await context.close();
});
