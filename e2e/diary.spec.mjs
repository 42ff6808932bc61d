// The activity diary: ratings switched on in Settings, activities logged across days (quick
// picks, a typed activity at 23:30, another day through the date field), changed, removed and
// put back, a day marked unwell, "same as yesterday" and its undo, the day and week views as
// stacked lists, an insight, pacing switched on with a suggested budget and a gentle "busy day" flag,
// and all of it still there after a reload. Every diary page and state gets an accessibility
// scan.
//
// The browser's clock is fixed at Wednesday 18 November 2026, midday in London.
import { test, expect, expectAccessible } from './fixtures.mjs';
import { startApp } from './helpers.mjs';

const TODAY = new Date('2026-11-18T12:00:00Z');

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(TODAY);
});

async function openDiary(page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Diary', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Diary' })).toBeVisible();
}

async function openSettings(page) {
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await page.locator('main').getByRole('link', { name: /^Diary/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Diary settings' })).toBeVisible();
}

function form(page) {
  return page.locator('form.entry-form');
}

/** Choose a value on one rating scale: the form shows one at a time, so step to it first. */
async function rate(page, legend, value) {
  const f = form(page);
  const group = f.getByRole('group', { name: legend });
  for (let i = 0; i < 6 && !(await group.isVisible()); i++) await f.getByRole('button', { name: 'Next rating' }).click();
  await group.getByRole('radio', { name: String(value), exact: true }).check();
}

/** Fill in and save the activity form. */
async function logActivity(page, { what, minutes, area, when, time, date, mood, enjoyment, note }) {
  const f = form(page);
  if (what) await f.getByLabel('What did you do?').fill(what);
  if (date) await f.getByLabel('Day', { exact: true }).fill(date);
  if (when) await f.getByRole('radio', { name: new RegExp(`^${when}`) }).check();
  if (time) await f.getByLabel('Time', { exact: true }).fill(time);
  if (minutes) await f.getByLabel('Minutes', { exact: true }).fill(String(minutes));
  if (area) await f.getByRole('radio', { name: new RegExp(`^${area}`) }).check();
  if (mood !== undefined) await rate(page, 'How was your mood?', mood);
  if (enjoyment !== undefined) await rate(page, 'How much did you enjoy it?', enjoyment);
  if (note) {
    await f.getByText('Add a note').click();
    await f.getByLabel('A note, if you like').fill(note);
  }
  await f.getByRole('button', { name: /^Save/ }).click();
}

function dayList(page) {
  return page.getByRole('list', { name: /^What you did on/ });
}

test('a diary kept across days, with ratings, marks, week view, insights and pacing, survives a reload', async ({ page }) => {
  test.setTimeout(180_000);
  await startApp(page);

  // Ratings are off until switched on in Settings.
  await openSettings(page);
  const diarySettings = page.getByRole('region', { name: 'Diary' });
  await diarySettings.getByRole('checkbox', { name: 'Mood' }).check();
  await expect(page.getByText('Mood: asked for in the diary.')).toBeVisible();
  await diarySettings.getByRole('checkbox', { name: 'Achievement, closeness and enjoyment' }).check();
  await expect(diarySettings.getByRole('checkbox', { name: 'Show my time against a daily activity budget' })).not.toBeChecked();
  await expectAccessible(page, 'settings with the diary switches');

  // An empty diary for today.
  await openDiary(page);
  await expect(page.getByRole('heading', { level: 2, name: 'Wednesday 18 November (today)' })).toBeVisible();
  await expect(page.getByText('Nothing in your diary for Wednesday 18 November yet.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Pacing' })).toHaveCount(0);
  // It is midday, so the form starts at the afternoon.
  await expect(form(page).getByRole('radio', { name: /^Afternoon/ })).toBeChecked();
  await expectAccessible(page, 'empty diary');

  // A quick pick fills in the what, the area and the length and says so where the focus
  // goes, with the details folded away: two taps and a rating.
  await form(page).getByRole('button', { name: 'Go for a walk (20 minutes)' }).click();
  await expect(page.locator('#picked')).toBeFocused();
  await expect(page.locator('#picked')).toContainText('Picked: Go for a walk, 20 minutes, Leisure, Afternoon');
  await expect(form(page).getByLabel('What did you do?')).toBeHidden();
  // One rating scale at a time: mood, then achievement, closeness and enjoyment.
  await expect(form(page).locator('fieldset.rating-scale')).toHaveCount(1);
  await expect(form(page).getByText('Rating 1 of 4, if you like')).toBeVisible();
  await logActivity(page, { mood: 7, enjoyment: 8 });
  await expect(page.getByText('Saved: Go for a walk, 20 minutes, on Wednesday 18 November.')).toBeVisible();

  // Bad input is refused with a plain message and nothing is saved.
  await logActivity(page, { what: 'Cook dinner', minutes: 0 });
  await expect(page.getByText('Please write how long it took in minutes, as a whole number from 1 to 1440 (24 hours).')).toBeVisible();
  await logActivity(page, { minutes: 45 });
  await expect(page.getByText('Please choose the area of life it belongs to.')).toBeVisible();
  await expect(dayList(page).getByRole('listitem')).toHaveCount(1);

  // Late in the evening, at 23:30: it stays on this day.
  await logActivity(page, { area: 'Looking after myself', when: 'At a time', time: '23:30', mood: 6, note: 'Tired but glad' });
  await expect(page.getByText('Saved: Cook dinner, 45 minutes, on Wednesday 18 November.')).toBeVisible();
  const rows = dayList(page).getByRole('listitem');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('Afternoon');
  await expect(rows.nth(0)).toContainText('Mood 7, Enjoyment 8');
  await expect(rows.nth(1)).toContainText('23:30');
  await expect(rows.nth(1)).toContainText('Note: Tired but glad');
  await expect(page.locator('.day-total')).toHaveText('Total: 1 hour 5 minutes');
  await expectAccessible(page, 'day with two activities');

  // Yesterday, through Previous day: work, marked as a day off unwell.
  await page.getByRole('link', { name: 'Previous day' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Tuesday 17 November' })).toBeVisible();
  await logActivity(page, { what: 'Work from home', minutes: 120, area: 'Work, study', when: 'Morning', mood: 4 });
  await expect(page.getByText('Saved: Work from home, 2 hours, on Tuesday 17 November.')).toBeVisible();
  await page.getByRole('radio', { name: 'Unwell' }).check();
  await expect(page.getByText('Tuesday 17 November marked: unwell. It counts for nothing against you.')).toBeVisible();
  await expectAccessible(page, 'a day marked unwell');

  // A day the week before, through the date field.
  await page.getByRole('link', { name: 'Back to today' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Wednesday 18 November (today)' })).toBeVisible();
  await logActivity(page, { what: 'Work from home', date: '2026-11-10', minutes: 240, area: 'Work, study', when: 'Morning' });
  await expect(page.getByText('Saved: Work from home, 4 hours, on Tuesday 10 November.')).toBeVisible();
  await expect(rows).toHaveCount(2);

  // Change the walk: 30 minutes, not 20.
  await page.getByRole('button', { name: 'Change Go for a walk, Afternoon' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Change: Go for a walk' })).toBeFocused();
  await expect(form(page).getByRole('group', { name: 'How was your mood?' }).getByRole('radio', { name: '7', exact: true })).toBeChecked();
  await expectAccessible(page, 'changing an activity');
  await form(page).getByRole('button', { name: '30 minutes' }).click();
  await form(page).getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Changed: Go for a walk, 30 minutes, on Wednesday 18 November.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Add an activity' })).toBeVisible();
  // The list is keyed: the row stays, and the focus goes back to its Change button.
  await expect(page.getByRole('button', { name: 'Change Go for a walk, Afternoon' })).toBeFocused();
  await expect(rows.nth(0)).toContainText('30 minutes');

  // Remove asks first; cancelling changes nothing; Undo puts it back.
  page.once('dialog', (dialog) => dialog.dismiss());
  await page.getByRole('button', { name: 'Remove Cook dinner, 23:30' }).click();
  await expect(rows).toHaveCount(2);
  page.once('dialog', (dialog) => {
    expect(dialog.message()).toBe('Remove Cook dinner (45 minutes) on Wednesday 18 November? You can undo this straight after.');
    dialog.accept();
  });
  await page.getByRole('button', { name: 'Remove Cook dinner, 23:30' }).click();
  await expect(page.getByText('Removed Cook dinner (45 minutes) on Wednesday 18 November.')).toBeVisible();
  await expect(rows).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Undo' })).toBeFocused();
  await expectAccessible(page, 'after removing an activity');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('Put back Cook dinner (45 minutes) on Wednesday 18 November.')).toBeVisible();
  await expect(rows).toHaveCount(2);

  // Same as yesterday, and its undo.
  await page.getByRole('button', { name: 'Same as yesterday' }).click();
  await expect(page.getByText('Added 1 activity from Tuesday 17 November. Ratings and notes were not copied.')).toBeVisible();
  await expect(rows).toHaveCount(3);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('Taken away again.')).toBeVisible();
  await expect(rows).toHaveCount(2);

  // The week: what each day held, the balance (the unwell day left out) and average ratings.
  await page.getByRole('navigation', { name: 'Diary views' }).getByRole('link', { name: 'Week' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Diary: your week' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Week from Monday 16 November' })).toBeVisible();
  // Each day a stacked row (a list, not a table to scroll sideways on a phone).
  const week = page.getByRole('list', { name: 'What each day held' });
  const days = week.locator(':scope > li');
  await expect(days).toHaveCount(7);
  await expect(days.nth(1)).toContainText('Unwell');
  await expect(days.nth(1)).toContainText('Work from home (2 hours)');
  await expect(days.nth(2)).toContainText('Go for a walk (30 minutes)');
  await expect(page.locator('.week-total')).toHaveText('The whole week: 3 hours 15 minutes');
  await expect(page.getByText('1 day marked unwell, holiday or rest is left out, so it counts for nothing against you.')).toBeVisible();
  const balance = page.getByRole('list', { name: 'Balance across areas of life' });
  await expect(balance.getByRole('listitem').filter({ hasText: 'Looking after myself' })).toHaveText('Looking after myself 45 minutes, 60%');
  await expect(balance.getByRole('listitem').filter({ hasText: 'Leisure' })).toHaveText('Leisure 30 minutes, 40%');
  const averages = page.getByRole('list', { name: 'Average ratings' });
  // Mood (7 + 6) / 2 = 6.5; the unwell day's 4 is left out.
  await expect(averages.getByRole('listitem').filter({ hasText: 'Mood' })).toHaveText('Mood: 6.5 out of 10, rated 2 times');
  await expect(averages.getByRole('listitem').filter({ hasText: 'Enjoyment' })).toHaveText('Enjoyment: 8 out of 10, rated 1 time');
  await expectAccessible(page, 'week view');
  await page.getByRole('link', { name: 'Previous week' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Week from Monday 9 November' })).toBeVisible();
  await expect(days.nth(1)).toContainText('Work from home (4 hours)');
  await expectAccessible(page, 'the week before');

  // Insights: the balance has changed from the first week to the latest.
  await page.getByRole('navigation', { name: 'Diary views' }).getByRole('link', { name: 'Insights' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Diary: what it shows' })).toBeVisible();
  await expect(
    page.getByText(
      'Work, study, housework or caring: 100% of your recorded time in your first week (from Monday 9 November), 0% in your latest week (from Monday 16 November), down 100 points.',
    ),
  ).toBeVisible();
  await expect(page.getByText(/So far you have rated 2\.$/).first()).toBeVisible();
  await expectAccessible(page, 'insights');

  // Pacing: off by default; switched on in Settings; a budget suggested from three days.
  await openSettings(page);
  await page.getByRole('checkbox', { name: 'Show my time against a daily activity budget' }).check();
  await expect(page.getByText('Pacing is on: the diary shows your time against a daily budget.')).toBeVisible();
  await openDiary(page);
  const pacing = page.getByRole('region', { name: 'Pacing' });
  await expect(pacing).toContainText('Pacing is on, but there is no daily budget yet.');
  await pacing.getByRole('link', { name: 'Set your daily budget' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pacing' })).toBeVisible();
  await expectAccessible(page, 'pacing budget page');
  await page.getByLabel('Typical day 1: minutes').fill('100');
  await page.getByLabel('Typical day 2: minutes').fill('120');
  await page.getByLabel('Typical day 3: minutes').fill('140');
  await expect(page.getByText('Suggested budget: 1 hour 36 minutes a day (the average, about 2 hours, less 20 percent).')).toBeVisible();
  await page.getByRole('button', { name: 'Use the suggested budget' }).click();
  await expect(page.getByLabel('Daily budget in minutes')).toHaveValue('96');
  await page.getByRole('button', { name: 'Save budget' }).click();
  await expect(page.getByText('Saved: your daily budget is 1 hour 36 minutes of all activity except rest.')).toBeVisible();

  await openDiary(page);
  await expect(pacing).toContainText('1 hour 15 minutes used of your budget of 1 hour 36 minutes.');
  await expect(pacing).toContainText('21 minutes left.');
  await expectAccessible(page, 'day with pacing');
  // A busy day: flagged gently.
  await logActivity(page, { what: 'Gardening', minutes: 60, area: 'Leisure', when: 'Morning' });
  await expect(pacing).toContainText('2 hours 15 minutes used of your budget of 1 hour 36 minutes.');
  await expect(pacing).toContainText('A busy day: 39 minutes over, well above your budget.');
  await expectAccessible(page, 'a busy day with pacing');

  // After a reload everything is still there.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Diary' })).toBeVisible();
  await expect(dayList(page).getByRole('listitem')).toHaveCount(3);
  await expect(dayList(page)).toContainText('Cook dinner');
  await expect(dayList(page)).toContainText('Mood 7, Enjoyment 8');
  await expect(page.getByRole('region', { name: 'Pacing' })).toContainText('A busy day');
  await page.getByRole('link', { name: 'Previous day' }).click();
  await expect(page.getByRole('radio', { name: 'Unwell' })).toBeChecked();
  await expect(page.getByRole('region', { name: 'Pacing' })).toContainText('This day is marked, so it is not counted against you.');
  await page.getByRole('navigation', { name: 'Diary views' }).getByRole('link', { name: 'Week' }).click();
  await expect(page.getByRole('list', { name: 'What each day held' }).locator(':scope > li').nth(1)).toContainText('Unwell');
  await page.getByRole('navigation', { name: 'Diary views' }).getByRole('link', { name: 'Insights' }).click();
  await expect(page.getByText(/^Work, study, housework or caring: 100% of your recorded time in your first week/)).toBeVisible();
  await openSettings(page);
  await expect(page.getByRole('checkbox', { name: 'Mood' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Show my time against a daily activity budget' })).toBeChecked();
});

test('a newcomer is asked once which ratings to give, then logs a usual activity in two taps', async ({ page }) => {
  await startApp(page);
  await openDiary(page);
  // Asked once, in plain words: none, mood only, or achievement, closeness and enjoyment.
  const question = page.getByRole('region', { name: 'Do you want to rate what you do?' });
  await expect(question.getByRole('button')).toHaveCount(3);
  await expectAccessible(page, 'diary, asked which ratings');
  await question.getByRole('button', { name: /^Mood only/ }).click();
  await expect(page.getByText('The diary will ask about your mood. You can change this below the form.')).toBeFocused();
  await expect(question).toHaveCount(0);

  // Two taps: pick a usual activity, then save it. The Save button is on screen after the pick.
  await form(page).getByRole('button', { name: 'Make a meal (30 minutes)' }).click();
  await expect(page.locator('#picked')).toContainText('Picked: Make a meal, 30 minutes, Looking after myself, Afternoon');
  await expect(form(page).getByRole('group', { name: 'How was your mood?' })).toBeInViewport();
  await expect(form(page).getByRole('button', { name: 'Save activity' })).toBeInViewport();
  await form(page).getByRole('button', { name: 'Save activity' }).click();
  await expect(page.getByText('Saved: Make a meal, 30 minutes, on Wednesday 18 November.')).toBeVisible();

  // With a rating it is one tap more: pick, the mood, save.
  await form(page).getByRole('button', { name: 'Go for a walk (20 minutes)' }).click();
  await form(page).getByRole('group', { name: 'How was your mood?' }).getByRole('radio', { name: '8', exact: true }).check();
  await expect(form(page).getByText('Your ratings: Mood 8.')).toBeVisible();
  await form(page).getByRole('button', { name: 'Save activity' }).click();
  await expect(page.getByText('Saved: Go for a walk, 20 minutes, on Wednesday 18 November.')).toBeVisible();
  const rows = dayList(page).getByRole('listitem');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('Mood 8');
  await expect(form(page).getByText('Rating 1 of')).toBeHidden();

  // The set of three switched on from the diary itself: still one scale at a time.
  await page.getByText('Choose which ratings to give').click();
  await page.getByRole('checkbox', { name: 'Achievement, closeness and enjoyment' }).check();
  await expect(page.getByText('Achievement, closeness and enjoyment: asked for in the diary.')).toBeVisible();
  await expect(form(page).getByText('Rating 1 of 4, if you like')).toBeVisible();
  await expect(form(page).locator('fieldset.rating-scale')).toHaveCount(1);
  await form(page).getByRole('button', { name: 'Next rating' }).click();
  await expect(form(page).getByRole('group', { name: 'How much did you get done?' })).toBeVisible();
  await expectAccessible(page, 'diary, one rating at a time');

  // Not asked again after a reload.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Diary' })).toBeVisible();
  await expect(dayList(page).getByRole('listitem')).toHaveCount(2);
  await expect(page.getByRole('region', { name: 'Do you want to rate what you do?' })).toHaveCount(0);
});

test('a day can be reached by its address and the diary fits a 320px screen with large text', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await startApp(page);
  await page.goto('/diary?day=2026-11-02');
  await expect(page.getByRole('heading', { level: 2, name: 'Monday 2 November' })).toBeVisible();
  await logActivity(page, { what: 'Pick up the grandchildren from school and walk them home', minutes: 90, area: 'Work, study', when: 'At a time', time: '15:10' });
  await expect(page.getByText(/^Saved: Pick up the grandchildren/)).toBeVisible();
  // A day after today is never shown: it goes back to today.
  await page.goto('/diary?day=2030-01-01');
  await expect(page.getByRole('heading', { level: 2, name: 'Wednesday 18 November (today)' })).toBeVisible();
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  await page.evaluate(() => {
    document.documentElement.style.fontSize = '200%';
  });
  await page.goto('/diary?day=2026-11-02');
  await page.evaluate(() => {
    document.documentElement.style.fontSize = '200%';
  });
  await expect(dayList(page)).toContainText('Pick up the grandchildren');
  expect(await overflow()).toBeLessThanOrEqual(0);
  await expectAccessible(page, 'diary day at 320px with large text');
  await page.getByRole('navigation', { name: 'Diary views' }).getByRole('link', { name: 'Week' }).click();
  await page.getByRole('link', { name: 'Previous week' }).click();
  await page.getByRole('link', { name: 'Previous week' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Week from Monday 2 November' })).toBeVisible();
  expect(await overflow()).toBeLessThanOrEqual(0);
  await expectAccessible(page, 'diary week at 320px with large text');
});
