// OT plans: the OT builds a plan at /ot/plan and hands it over as a link; the patient opens the
// link in a fresh browser, sees what it holds, adds it, and finds the goals, steps, diary
// rating and checklist items in place. The patient changes part of the goal; the OT updates
// the plan; the update keeps the patient's words and takes the OT's. A damaged link gets a
// plain message and changes nothing. Plans are signed: the practice's code shows on the OT's
// page and, as "not checked", on the patient's first plan, then as checked on the update.
// Every page is scanned.
import { test, expect, expectAccessible } from './fixtures.mjs';
import { startApp } from './helpers.mjs';

function isoDate(d) {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function makeLink(ot) {
  await ot.getByRole('button', { name: 'Make the link' }).click();
  const link = ot.getByRole('textbox', { name: 'The link' });
  await expect(link).toHaveValue(/\/plan#1\.t\.p\./);
  return link.inputValue();
}

test('an OT plan is built, added by the patient, updated keeping their edits; a damaged link changes nothing', async ({ page: ot, browser, baseURL }) => {
  test.setTimeout(180_000);
  await ot.goto('/ot');
  await ot.getByRole('link', { name: 'Build a plan' }).click();
  await expect(ot.getByRole('heading', { level: 1, name: 'Build a plan' })).toBeVisible();
  await expectAccessible(ot, 'plan builder, empty');

  const review = new Date(Date.now() + 28 * 86400000);
  await ot.getByLabel('Your name and service').fill('Sam Jones, Riverside Surgery');
  await ot.getByLabel('Next review').fill(isoDate(review));
  await ot.getByLabel('A short message to the person').fill('Take it steady. See you in four weeks.');

  // A goal with its levels and a daily step; an empty goal is refused with a message.
  await ot.getByRole('button', { name: 'Add the goal to the plan' }).click();
  await expect(ot.getByText('Each goal needs at least what the person wants to do.')).toBeVisible();
  await ot.getByLabel('What the person wants to do').fill('walk to the shop');
  await ot.getByLabel('The help they need').fill('with my stick');
  await ot.getByLabel('How much or how well').fill('three times a week');
  await ot.getByLabel('0: the expected outcome').fill('three times a week');
  await ot.getByLabel('+2: much more than expected').fill('every day');
  await ot.getByLabel('Step', { exact: true }).fill('Walk to the corner');
  await ot.getByLabel('How often').selectOption('daily');
  await ot.getByRole('button', { name: 'Add this step' }).click();
  await ot.getByRole('button', { name: 'Add the goal to the plan' }).click();
  await expect(ot.getByText('Goal added to the plan.')).toBeVisible();

  await ot.getByRole('checkbox', { name: 'Mood' }).check();
  await ot.getByLabel('Kind of advice').selectOption({ label: 'Altered hours' });
  await ot.getByLabel('Adjustment', { exact: true }).fill('Start at 10am');
  await ot.getByRole('button', { name: 'Add this adjustment' }).click();
  await ot.getByLabel('Room').selectOption({ label: 'Bathroom' });
  await ot.getByLabel('Hazard').fill('No grab rail by the bath');
  await ot.getByLabel('What could help').fill('Ask the council about a grab rail');
  await ot.getByRole('button', { name: 'Add this hazard' }).click();
  await ot.getByLabel('The quick confidence check-in').selectOption('weekly');
  const link1 = await makeLink(ot);
  const code = (await ot.locator('.plan-code').innerText()).trim();
  expect(code).toMatch(/^\d{5} \d{5}$/);
  await expect(ot.getByRole('img', { name: 'QR code of the link to the plan' })).toBeVisible();
  // The link and QR code are where the OT is looking: straight after the button, with the
  // focus on their heading, which names the plan by its OT, goal and version, never by its id.
  const ready = ot.getByRole('heading', { name: /^Ready to hand over: Plan by Sam Jones, Riverside Surgery: walk to the shop \(version 1, / });
  await expect(ready).toBeFocused();
  await expect(ot.locator('.card', { has: ot.getByRole('heading', { name: 'Saved plans' }) })).toContainText(/Plan by Sam Jones, Riverside Surgery: walk to the shop \(version 1/);
  await expect(ot.getByText(/p-[A-Za-z0-9_-]{12}/)).toHaveCount(0);
  await expectAccessible(ot, 'plan builder, link made');

  // The patient, in a fresh browser.
  const patientContext = await browser.newContext({ baseURL });
  const page = await patientContext.newPage();
  await startApp(page);
  await page.goto(link1);
  await expect(page.getByRole('heading', { level: 1, name: 'Your plan from your OT' })).toBeVisible();
  await expect(page.getByText('1 goal with 1 step')).toBeVisible();
  await expect(page.getByText('Diary ratings to switch on: mood')).toBeVisible();
  await expect(page.getByText('The quick confidence check-in: once a week')).toBeVisible();
  await expect(page.getByText('Take it steady. See you in four weeks.')).toBeVisible();
  // The first plan from a practice: not checked until the codes are compared.
  await expect(page.getByRole('heading', { name: 'Not checked yet' })).toBeVisible();
  await expect(page.getByText(`it should be ${code}.`, { exact: false })).toBeVisible();
  await expectAccessible(page, 'plan preview');
  // Nothing is added before the person chooses to.
  await page.goto('/goals');
  await expect(page.getByText('walk to the shop', { exact: false })).toHaveCount(0);
  await page.goto(link1);
  await page.getByRole('button', { name: 'Add this plan' }).click();
  await expect(page.getByRole('heading', { name: 'Plan added' })).toBeVisible();
  await expectAccessible(page, 'plan added');

  await page.getByRole('link', { name: 'See your goals' }).click();
  await expect(page.getByText('From your OT').first()).toBeVisible();
  await page.getByRole('link', { name: /walk to the shop/i }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your goal' })).toBeVisible();
  await expect(page.getByText('Walk to the corner')).toBeVisible();
  await page.goto('/checklists/work/adjustments');
  await expect(page.getByText('Start at 10am')).toBeVisible();
  await page.goto('/checklists/home/room/bathroom?item=5'); // the OT's own hazard, after the 4 built-in ones
  await expect(page.getByRole('checkbox', { name: 'No grab rail by the bath' })).toBeVisible();
  await page.goto('/settings/diary');
  await expect(page.getByRole('checkbox', { name: 'Mood' })).toBeChecked();

  // The patient changes how much, in their own words.
  await page.goto('/goals');
  await page.getByRole('link', { name: /walk to the shop/i }).first().click();
  await page.getByRole('link', { name: 'Change what the goal says' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Change your goal' })).toBeVisible();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByLabel('How much or how well', { exact: true }).fill('twice a week to start');
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('button', { name: 'Save this goal' }).click();
  await expect(page.getByText(/twice a week to start/).first()).toBeVisible();

  // The OT updates the goal: a new activity and a new amount.
  await ot.getByRole('button', { name: 'Change this goal' }).click();
  await expect(ot.getByLabel('What the person wants to do')).toHaveValue('walk to the shop');
  await ot.getByLabel('What the person wants to do').fill('walk to the big shop');
  await ot.getByLabel('How much or how well').fill('four times a week');
  await ot.getByRole('button', { name: 'Save the goal' }).click();
  await expect(ot.getByText('Goal changed.')).toBeVisible();
  const link2 = await makeLink(ot);
  expect(link2).not.toEqual(link1);
  await expect(ot.getByText(/version 2 of this plan/)).toBeVisible();

  await page.goto(link2);
  await expect(page.getByText('This is an updated version of a plan you added before.', { exact: false })).toBeVisible();
  await expect(page.getByText(`Checked: this plan is signed by the same practice as your earlier plans (code ${code}).`)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Not checked yet' })).toHaveCount(0);
  await expectAccessible(page, 'plan update preview');
  await page.getByRole('button', { name: 'Add this plan' }).click();
  await expect(page.getByRole('heading', { name: 'Plan added' })).toBeVisible();
  await page.goto('/goals');
  // The OT's new activity, the person's own amount; still one goal.
  await expect(page.getByText(/walk to the big shop/i).first()).toBeVisible();
  await page.getByRole('link', { name: /walk to the big shop/i }).first().click();
  await expect(page.getByText(/walk to the big shop with my stick, twice a week to start/i).first()).toBeVisible();
  await expect(page.getByText(/four times a week/)).toHaveCount(0);

  // The same link again: nothing new.
  await page.goto(link2);
  await expect(page.getByText('You have already added this plan.', { exact: false })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add this plan' })).toHaveCount(0);

  // A damaged link: a plain message, nothing changed.
  const hash = link2.indexOf('#');
  const damaged = link2.slice(0, hash + 12) + (link2[hash + 12] === 'A' ? 'B' : 'A') + link2.slice(hash + 13);
  await page.goto(damaged);
  await expect(page.getByRole('alert')).toContainText('damaged or incomplete');
  await expect(page.getByText('Nothing was changed.', { exact: false })).toBeVisible();
  await expectAccessible(page, 'damaged plan link');
  const newer = link2.replace('#1.t.p.', '#2.t.p.');
  await page.goto(newer);
  await expect(page.getByRole('alert')).toContainText('newer version');

  // The plan's link opened on the employer's page is refused as the wrong kind of link.
  await page.goto('/employer' + link2.slice(hash));
  await expect(page.getByText('This link is not for this page', { exact: false })).toBeVisible();

  // After a reload the plan is listed, reached from Settings.
  await page.goto('/settings/ot');
  await page.getByRole('link', { name: "See your OT's plans, or add one from a file" }).click();
  await expect(page.getByRole('heading', { name: /Plan from Sam Jones/ })).toBeVisible();
  await expect(page.getByText(`Your OT's practice code is ${code}.`, { exact: false })).toBeVisible();
  await expectAccessible(page, 'plans added');
  await patientContext.close();
});

test('the plan pages fit 320px wide, also with text at 200%', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await startApp(page);
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  for (const path of ['/plan', '/ot/plan']) {
    await page.goto(path);
    await expect(page.locator('main h1')).toBeVisible();
    expect(await overflow(), `horizontal scroll at 320px on ${path}`).toBeLessThanOrEqual(0);
    await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
    await expect(page.locator('main h1')).toBeVisible();
    expect(await overflow(), `horizontal scroll at 320px with 200% text on ${path}`).toBeLessThanOrEqual(0);
  }
});

test('at a desk the plan builder uses the width of the screen', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/ot/plan');
  const about = page.locator('section', { has: page.getByRole('heading', { name: 'About the plan' }) });
  const diary = page.locator('section', { has: page.getByRole('heading', { name: 'Diary', exact: true }) });
  await expect(about).toBeVisible();
  const a = await about.boundingBox();
  const d = await diary.boundingBox();
  // Side by side: the diary section starts to the right of "About the plan", level with it.
  expect(d.x).toBeGreaterThan(a.x + a.width - 1);
  expect(Math.abs(d.y - a.y)).toBeLessThan(5);
  // On a phone the same sections are one under the other.
  await page.setViewportSize({ width: 390, height: 800 });
  const a2 = await about.boundingBox();
  const d2 = await diary.boundingBox();
  expect(Math.abs(d2.x - a2.x)).toBeLessThan(2);
  expect(d2.y).toBeGreaterThan(a2.y);
});
