// Today as the agenda: a person who added their OT's plan sees today's steps, the measures due
// and the review coming; doing the check-in moves it to "Done today"; "Not today" and
// "Dismiss" (with undo) by key, kept after a reload; the calendar file downloads, is read by
// Python's icalendar (scripts/check-ics.py, installed by scripts/setup.sh) and holds the
// alarms. Today is scanned with axe in each state.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, expectAccessible } from './fixtures.mjs';
import { startApp } from './helpers.mjs';

function isoDate(d) {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The OT's plan: a daily step, the check-in weekly, the questionnaire every 4 weeks, and a
 * review in 5 days. Returns the link. */
async function makePlan(ot) {
  await ot.goto('/ot/plan');
  await expect(ot.getByRole('heading', { level: 1, name: 'Build a plan' })).toBeVisible();
  await ot.getByLabel('Your name and service').fill('Sam Jones, Riverside Surgery');
  await ot.getByLabel('Next review').fill(isoDate(new Date(Date.now() + 5 * 86400000)));
  await ot.getByLabel('What the person wants to do').fill('walk to the shop');
  await ot.getByLabel('Step', { exact: true }).fill('Walk to the corner');
  await ot.getByLabel('How often').selectOption('daily');
  await ot.getByRole('button', { name: 'Add this step' }).click();
  await ot.getByRole('button', { name: 'Add the goal to the plan' }).click();
  await expect(ot.getByText('Goal added to the plan.')).toBeVisible();
  await ot.getByLabel('The quick confidence check-in').selectOption('weekly');
  await ot.getByLabel('The six-question confidence questionnaire').selectOption('4weeks');
  await ot.getByRole('button', { name: 'Make the link' }).click();
  const link = ot.getByRole('textbox', { name: 'The link' });
  await expect(link).toHaveValue(/\/plan#1\.t\.p\./);
  return link.inputValue();
}

test('Today lists what the plan asks for; the check-in is done from there; the calendar file parses with its alarms', async ({ page: ot, browser, baseURL }, testInfo) => {
  test.setTimeout(120_000);
  const link = await makePlan(ot);

  // The patient, who has allowed notifications in this browser.
  const context = await browser.newContext({ baseURL, permissions: ['notifications'], acceptDownloads: true });
  const page = await context.newPage();
  await startApp(page);
  await page.goto(link);
  await page.getByRole('button', { name: 'Add this plan' }).click();
  await expect(page.getByRole('heading', { name: 'Plan added' })).toBeVisible();
  // The plan can put its reminders in the calendar in one step.
  await expect(page.getByRole('button', { name: 'Add reminders to my calendar' })).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today', exact: true }).click();
  const agenda = page.getByRole('region', { name: 'Due today and soon' });
  // The agenda's items (not the "Done today" lines).
  const item = (title) => agenda.locator('li.agenda-item').filter({ hasText: title });
  await expect(item('Your review with your OT is')).toBeVisible();
  await expect(item('Your review with your OT is').getByRole('link', { name: 'Make a summary for your OT' })).toHaveAttribute('href', '/summary');
  await expect(item('The quick confidence check-in')).toBeVisible();
  await expect(item('The six-question confidence questionnaire').getByRole('link', { name: 'Answer the questionnaire' })).toHaveAttribute('href', '/progress/questionnaire');
  // The review comes first.
  await expect(agenda.locator('li.agenda-item').first()).toContainText('Your review with your OT is');
  await expect(page.getByRole('region', { name: 'Tasks for today' }).getByText('Walk to the corner', { exact: true })).toBeVisible();
  await expect(page.getByText('Notifications are on while Everyday is open.')).toBeVisible();
  await expect(page.getByText("Reminders that arrive when Everyday is closed come from your phone's own calendar.", { exact: false })).toBeVisible();
  await expectAccessible(page, 'today, agenda with a plan');

  // Doing the measure: the link goes to the check-in, and once saved it leaves the list.
  await item('The quick confidence check-in').getByRole('link', { name: 'Do the check-in' }).click();
  await expect(page.getByRole('heading', { name: 'Quick check-in' })).toBeFocused();
  await page.getByRole('radio', { name: '7', exact: true }).check();
  await page.getByRole('button', { name: 'Save check-in' }).click();
  await expect(page.getByText('Saved: 7 out of 10 for today.')).toBeVisible();
  await expect(item('The quick confidence check-in')).toHaveCount(0);
  await expect(agenda.getByText('Done: The quick confidence check-in')).toBeVisible();

  // Not today, with undo; then dismiss.
  await agenda.getByRole('button', { name: 'Not today: The six-question confidence questionnaire' }).click();
  await expect(item('The six-question confidence questionnaire')).toHaveCount(0);
  await expect(agenda.getByText('Put off until tomorrow: The six-question confidence questionnaire.')).toBeVisible();
  await agenda.getByRole('button', { name: 'Undo' }).click();
  await expect(item('The six-question confidence questionnaire')).toBeVisible();
  await agenda.getByRole('button', { name: 'Dismiss: The six-question confidence questionnaire' }).click();
  await expect(item('The six-question confidence questionnaire')).toHaveCount(0);
  await expectAccessible(page, 'today, after a check-in and a dismissal');

  // A daily diary reminder time.
  await page.getByLabel('Daily diary reminder at (optional)').fill('20:00');
  await page.getByRole('button', { name: 'Save the reminder time' }).click();
  await expect(page.getByText('Saved: a diary reminder every day at 20:00.', { exact: false })).toBeVisible();

  // The calendar file: downloaded, then read by the independent parser.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Add reminders to my calendar' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('everyday-reminders.ics');
  const file = testInfo.outputPath('everyday-reminders.ics');
  await download.saveAs(file);
  const text = fs.readFileSync(file, 'utf8');
  expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  expect(text).toContain('RRULE:FREQ=DAILY');
  expect(text).toContain('RRULE:FREQ=WEEKLY;INTERVAL=4');
  expect((text.match(/BEGIN:VALARM/g) || []).length).toBeGreaterThanOrEqual(5);
  const python = path.resolve('.tools/pyenv/bin/python');
  const out = execFileSync(python, [
    'scripts/check-ics.py',
    '--expect-uid', 'review@everyday.invalid',
    '--expect-uid', 'measure-confidence@everyday.invalid',
    '--expect-uid', 'measure-self-efficacy@everyday.invalid',
    '--expect-uid', 'diary@everyday.invalid',
    file,
  ], { encoding: 'utf8' });
  expect(out).toContain('1 of 1 files passed');

  // After a reload: the dismissal and the check-in are kept.
  await page.reload();
  await expect(item('Your review with your OT is')).toBeVisible();
  await expect(item('The six-question confidence questionnaire')).toHaveCount(0);
  await expect(item('The quick confidence check-in')).toHaveCount(0);
  await expectAccessible(page, 'today, after a reload');
  await context.close();
});

test('a day marked unwell keeps only the review; the rest can wait', async ({ page: ot, browser, baseURL }) => {
  test.setTimeout(90_000);
  const link = await makePlan(ot);
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await startApp(page);
  await page.goto(link);
  await page.getByRole('button', { name: 'Add this plan' }).click();
  await expect(page.getByRole('heading', { name: 'Plan added' })).toBeVisible();
  // Mark today as unwell in the diary.
  await page.goto('/diary');
  await page.getByRole('radio', { name: 'Unwell' }).check();
  await expect(page.getByText(/marked: unwell/)).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today', exact: true }).click();
  const agenda = page.getByRole('region', { name: 'Due today and soon' });
  await expect(agenda.getByText('Today is marked as a day when you are unwell', { exact: false })).toBeVisible();
  await expect(agenda.getByRole('listitem').filter({ hasText: 'Your review with your OT is' })).toBeVisible();
  await expect(agenda.getByRole('listitem').filter({ hasText: 'The quick confidence check-in' })).toBeHidden();
  await agenda.getByText(/^Things that can wait \(\d+\)$/).click();
  await expect(agenda.getByRole('listitem').filter({ hasText: 'The quick confidence check-in' })).toBeVisible();
  await expectAccessible(page, 'today, marked unwell');
  await context.close();
});
