// Confidence self-ratings and the outcomes the OT service is measured by: back-dated check-ins,
// the six-item questionnaire (scored with two left out, not scored with three), work ability,
// GP appointments, sick days and fit notes before and since the OT start date (added, changed,
// removed and put back), then the change figures on the Progress page after a reload.
//
// The browser's clock is fixed at 20 June 2026 so the figures can be worked out by hand (they
// are the same case as `rates_before_and_since_worked_by_hand` in src/domain/measures.rs).
import { test, expect, expectAccessible } from './fixtures.mjs';
import { startApp, checkIn } from './helpers.mjs';

const TODAY = new Date('2026-06-20T12:00:00+01:00');

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(TODAY);
});

/** The Progress page's section for one measure, by its heading. */
function section(page, name) {
  return page.getByRole('region', { name });
}

/** At the start, most recently, change: the three lines of a measure's summary. */
async function summary(page, name) {
  return section(page, name).locator('dd').allInnerTexts();
}

async function openProgress(page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Progress', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Progress' })).toBeVisible();
}

/** Answer the questionnaire: `answers` has six numbers or nulls (left out). */
async function fillQuestionnaire(page, answers, date = '') {
  for (const [i, value] of answers.entries()) {
    if (value === null) continue;
    const group = page.getByRole('group', { name: new RegExp(`^${i + 1}\\. `) });
    await group.getByRole('radio', { name: String(value), exact: true }).check();
  }
  if (date) await page.getByLabel('Date', { exact: true }).fill(date);
  await page.getByRole('button', { name: 'Save answers' }).click();
}

/** Add a GP appointment, sick day(s) or fit note on the appointments page. */
async function addEvent(page, kind, date, { reason = '', days = '' } = {}) {
  const form = page.getByRole('region', { name: 'Add' });
  await form.getByRole('radio', { name: kind, exact: true }).check();
  await form.getByLabel('Date', { exact: true }).fill(date);
  if (reason) await form.getByLabel('What was it for?').fill(reason);
  if (days) await form.getByLabel('How many days in a row?').fill(days);
  await form.getByRole('button', { name: 'Save', exact: true }).click();
}

test('ratings and outcomes over several dates show the right change on Progress after a reload', async ({ page }) => {
  // A long journey with a dozen accessibility scans.
  test.setTimeout(120_000);
  await startApp(page);

  // Progress with nothing yet.
  await openProgress(page);
  await expect(page.getByText('No check-ins yet.')).toBeVisible();
  await expect(section(page, 'GP appointments, sick days and fit notes')).toContainText('Nothing recorded yet.');
  await expectAccessible(page, 'empty progress');

  // The OT start date, in Settings.
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByRole('link', { name: /^Your OT/ }).click();
  await page.getByLabel('When did you start seeing your OT?').fill('2026-04-15');
  await page.getByRole('button', { name: 'Save date' }).click();
  await expect(page.getByText('Saved: you started seeing your OT on 15 April 2026.')).toBeVisible();
  await expectAccessible(page, 'settings with the OT start date');

  // Check-ins on three dates: two filled in later for missed days, one today.
  await checkIn(page, 3, 'Hard week', '2026-03-02');
  await expect(page.getByText('Saved: 3 out of 10 for 2 March 2026.')).toBeVisible();
  await checkIn(page, 4, '', '2026-04-20');
  await expect(page.getByText('Saved: 4 out of 10 for 20 April 2026.')).toBeVisible();
  await checkIn(page, 5);
  await expect(page.getByText('Saved: 5 out of 10 for today.')).toBeVisible();
  await expectAccessible(page, 'today after check-ins');

  // The questionnaire: with two left out it scores (the mean of the four answers).
  await openProgress(page);
  await page.getByRole('link', { name: 'Fill in the questionnaire' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Confidence questionnaire' })).toBeVisible();
  await expectAccessible(page, 'questionnaire');
  await fillQuestionnaire(page, [4, 5, null, 6, null, 7], '2026-03-03');
  await expect(page.getByText('Saved. Your score is 5.5 out of 10.')).toBeVisible();
  await expect(page.getByRole('radio', { checked: true })).toHaveCount(0);

  // With three left out it is kept but not scored, and says so plainly. An answer can be
  // cleared to leave a question out.
  const first = page.getByRole('group', { name: /^1\. / });
  await first.getByRole('radio', { name: '8', exact: true }).check();
  await page.getByRole('button', { name: 'Clear my answer to question 1' }).click();
  await expect(first.getByRole('radio', { checked: true })).toHaveCount(0);
  await fillQuestionnaire(page, [null, null, null, 5, 6, 7]);
  await expect(
    page.getByText('Saved, but without a score: 3 of the 6 questions were not answered, and a score needs at least 4 answers.'),
  ).toBeVisible();
  await expectAccessible(page, 'questionnaire not scored');

  // Nothing answered at all is refused.
  await page.getByRole('button', { name: 'Save answers' }).click();
  await expect(page.getByText('Please answer at least one question.')).toBeVisible();

  // All six today: (7 + 7 + 8 + 6 + 7 + 7) / 6 = 7.
  await fillQuestionnaire(page, [7, 7, 8, 6, 7, 7]);
  await expect(page.getByText('Saved. Your score is 7 out of 10.')).toBeVisible();

  // Work ability, at the start and now.
  await openProgress(page);
  await page.getByRole('link', { name: 'Score your work ability' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Work ability' })).toBeVisible();
  await page.getByRole('radio', { name: '4', exact: true }).check();
  await page.getByLabel('Date', { exact: true }).fill('2026-03-02');
  await page.getByRole('button', { name: 'Save score' }).click();
  await expect(page.getByText('Saved: 4 out of 10 (poor) for 2 March 2026.')).toBeVisible();
  await page.getByRole('radio', { name: '7', exact: true }).check();
  await page.getByRole('button', { name: 'Save score' }).click();
  await expect(page.getByText('Saved: 7 out of 10 (moderate) for 20 June 2026.')).toBeVisible();
  await expectAccessible(page, 'work ability');

  // GP appointments, sick days and fit notes, before and after 15 April.
  await openProgress(page);
  await page.getByRole('link', { name: 'Add or correct a GP appointment, sick day or fit note' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Appointments, sick days and fit notes' })).toBeVisible();
  await expect(page.getByText('Nothing recorded yet.')).toBeVisible();
  await expectAccessible(page, 'appointments page, empty');
  await addEvent(page, 'GP appointment', '2026-03-05', { reason: 'Back pain' });
  await expect(page.getByText('Saved: GP appointment on 5 March 2026.')).toBeVisible();
  for (const date of ['2026-03-19', '2026-04-02', '2026-04-10']) {
    await addEvent(page, 'GP appointment', date);
  }
  // A mistake: the June appointment put in May. It is changed below.
  await addEvent(page, 'GP appointment', '2026-05-03');
  await addEvent(page, 'Day off sick', '2026-03-09', { days: '5' });
  await expect(page.getByText('Saved: 5 days off sick, from 9 March 2026 to 13 March 2026.')).toBeVisible();
  await addEvent(page, 'Day off sick', '2026-06-01');
  await addEvent(page, 'Day off sick', '2026-03-10');
  await expect(page.getByText('10 March 2026 is already recorded as a day off sick.')).toBeVisible();
  await addEvent(page, 'Fit note asked for', '2026-03-16');
  await addEvent(page, 'Fit note received', '2026-03-18');
  // Another mistake: the same fit note twice.
  await addEvent(page, 'Fit note asked for', '2026-03-16');
  const list = page.getByRole('region', { name: 'What you have recorded' });
  await expect(list.getByRole('listitem')).toHaveCount(14);
  await expectAccessible(page, 'appointments page with records');

  // Change the May appointment to 3 June.
  await list.getByRole('button', { name: 'Change GP appointment on 3 May 2026' }).click();
  const editForm = list.locator('form');
  await expect(editForm.getByRole('radio', { name: 'GP appointment' })).toBeFocused();
  await expectAccessible(page, 'changing an appointment');
  await editForm.getByLabel('Date', { exact: true }).fill('2026-06-03');
  await editForm.getByRole('button', { name: 'Save changes' }).click();
  // The message is by the record, and the focus is back on that record's Change button.
  await expect(list.getByRole('listitem').filter({ hasText: 'Changed to: GP appointment on 3 June 2026.' })).toContainText('GP appointment on 3 June 2026Change');
  await expect(list.getByText('GP appointment on 3 June 2026', { exact: true })).toBeVisible();
  await expect(list.getByRole('button', { name: 'Change GP appointment on 3 June 2026' })).toBeFocused();

  // Remove the extra fit note: cancelling the question changes nothing; then remove, undo,
  // and remove again.
  const removeFitNote = () => list.getByRole('button', { name: 'Remove Fit note asked for on 16 March 2026' }).first();
  page.once('dialog', (dialog) => dialog.dismiss());
  await removeFitNote().click();
  await expect(list.getByRole('listitem')).toHaveCount(14);
  page.once('dialog', (dialog) => {
    expect(dialog.message()).toBe('Remove Fit note asked for on 16 March 2026? You can undo this straight after.');
    dialog.accept();
  });
  await removeFitNote().click();
  await expect(page.getByText('Removed Fit note asked for on 16 March 2026.')).toBeVisible();
  await expect(list.getByRole('listitem')).toHaveCount(13);
  await expect(page.getByRole('button', { name: 'Undo' })).toBeFocused();
  await expectAccessible(page, 'after removing a record');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('Put back Fit note asked for on 16 March 2026.')).toBeVisible();
  await expect(list.getByRole('listitem')).toHaveCount(14);
  page.once('dialog', (dialog) => dialog.accept());
  await removeFitNote().click();
  await expect(list.getByRole('listitem')).toHaveCount(13);

  // The list is keyed: adding a record draws that record, and the others stay as they were
  // (a rebuilt list would lose the keyboard focus).
  await list.getByRole('listitem').first().evaluate((li) => { li.dataset.seen = 'yes'; });
  await addEvent(page, 'GP appointment', '2026-03-20');
  await expect(list.getByRole('listitem')).toHaveCount(14);
  await expect(list.locator('li[data-seen="yes"]')).toHaveCount(1);
  // Taken away again (the figures below are worked out without it); the others stay too.
  page.once('dialog', (dialog) => dialog.accept());
  await list.getByRole('button', { name: 'Remove GP appointment on 20 March 2026' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(13);
  await expect(list.locator('li[data-seen="yes"]')).toHaveCount(1);

  // After a reload, the Progress page has the change figures worked out by hand.
  await page.reload();
  await openProgress(page);

  expect(await summary(page, 'Your confidence check-ins')).toEqual([
    '3 out of 10, on 2 March 2026',
    '5 out of 10, on 20 June 2026',
    'Up 2 points: 67% more confident than at the start.',
  ]);
  await expect(section(page, 'Your confidence check-ins').getByRole('img')).toHaveAccessibleName(
    'Line chart of 3 scores, from 3 on 2 March 2026 to 5 on 20 June 2026. Every score is in the table below.',
  );
  const checkIns = page.getByRole('table', { name: 'Confidence check-ins, newest first' });
  await expect(checkIns.locator('tbody tr')).toHaveCount(3);
  await expect(checkIns.locator('tbody tr').last()).toContainText('2 Mar 2026');
  await expect(checkIns.locator('tbody tr').last()).toContainText('Hard week');

  expect(await summary(page, 'Confidence questionnaire')).toEqual([
    '5.5 out of 10, on 3 March 2026',
    '7 out of 10, on 20 June 2026',
    'Up 1.5 points: 27% more confident than at the start.',
  ]);
  const questionnaires = page.getByRole('table', { name: 'Questionnaire scores, newest first' });
  await expect(questionnaires.locator('tbody tr')).toHaveCount(3);
  await expect(questionnaires.getByRole('cell', { name: 'Not scored (3 not answered)' })).toBeVisible();

  expect(await summary(page, 'Work ability')).toEqual([
    '4 out of 10 (poor), on 2 March 2026',
    '7 out of 10 (moderate), on 20 June 2026',
    'Up 3 points: 75% higher than at the start.',
  ]);

  // Before 15 April: March (31 days) and 1 to 14 April = 45 days, about 1.5 months.
  // Since: 15 to 30 April and 1 to 20 June = 36 days; May had nothing recorded, so it is left out.
  const outcomes = section(page, 'GP appointments, sick days and fit notes');
  expect(await outcomes.locator('.change-sentences li').allInnerTexts()).toEqual([
    'GP appointments: 2.7 a month before you started seeing your OT, 0.8 a month since: 69% fewer.',
    'Days off sick: 3.4 a month before you started seeing your OT, 0.8 a month since: 75% fewer.',
    'Fit notes asked for: 0.7 a month before you started seeing your OT, none since: 100% fewer.',
    'Fit notes received: 0.7 a month before you started seeing your OT, none since: 100% fewer.',
  ]);
  const perMonth = outcomes.getByRole('table', { name: 'Per month, before and since you started seeing your OT' });
  await expect(perMonth.getByRole('columnheader')).toHaveText(['Before', 'Since']);
  await expect(perMonth.getByRole('row', { name: /^Time with records/ })).toHaveText(
    /45 days \(about 1\.5 months\)\s*36 days \(about 1\.2 months\)/,
  );
  await expect(perMonth.getByRole('row', { name: /^GP appointments/ })).toContainText('2.7 a month (4 in all)');
  await expect(perMonth.getByRole('row', { name: /^GP appointments/ })).toContainText('0.8 a month (1 in all)');

  const months = outcomes.getByRole('table', { name: 'Month by month, newest first' });
  const rows = months.locator('tbody tr');
  await expect(rows).toHaveCount(4);
  const cells = async (i) => rows.nth(i).locator('th, td').allInnerTexts();
  expect(await cells(0)).toEqual(['June 2026 (so far)', '1', '1', '0']);
  expect(await cells(1)).toEqual(['May 2026', 'Nothing recorded']);
  expect(await cells(2)).toEqual(['April 2026 (OT started)', '2', '0', '0']);
  expect(await cells(3)).toEqual(['March 2026', '2', '5', '1']);
  await expectAccessible(page, 'progress with figures');

  // The explanation opens and is accessible too.
  await outcomes.getByText('How these figures are worked out').click();
  await expect(outcomes.getByText(/a month is taken as 30.4 days/)).toBeVisible();
  await expectAccessible(page, 'progress with the explanation open');
});

test('a rating put in by mistake can be removed from Progress, after a question, and put back', async ({ page }) => {
  await startApp(page);
  await checkIn(page, 2, 'wrong button', '2026-06-01');
  await checkIn(page, 6, 'right');
  await openProgress(page);
  expect(await summary(page, 'Your confidence check-ins')).toEqual([
    '2 out of 10, on 1 June 2026',
    '6 out of 10, on 20 June 2026',
    'Up 4 points: 200% more confident than at the start.',
  ]);
  page.once('dialog', (dialog) => {
    expect(dialog.message()).toBe('Remove the check-in of 2 on 1 June 2026? You can undo this straight after.');
    dialog.accept();
  });
  await section(page, 'Your confidence check-ins').getByText('Remove one put in by mistake').click();
  await expectAccessible(page, 'progress with the corrections open');
  await page.getByRole('button', { name: 'Remove the check-in of 2 on 1 June 2026' }).click();
  await expect(page.getByText('Removed the check-in of 2 on 1 June 2026.')).toBeVisible();
  // Only one check-in left: it is the start.
  expect(await summary(page, 'Your confidence check-ins')).toEqual([
    '6 out of 10, on 20 June 2026',
    '6 out of 10, on 20 June 2026',
    'This is your first score. The change will show after the next one.',
  ]);
  await expectAccessible(page, 'progress after removing a check-in');
  await page.reload();
  await openProgress(page);
  await expect(page.getByRole('table', { name: 'Confidence check-ins, newest first' }).locator('tbody tr')).toHaveCount(1);
});

test('a first score of 0 gives the change in points and says why there is no percentage', async ({ page }) => {
  await startApp(page);
  await checkIn(page, 0, '', '2026-06-01');
  await checkIn(page, 4);
  await openProgress(page);
  expect((await summary(page, 'Your confidence check-ins'))[2]).toBe(
    'Up 4 points. Your first score was 0, so the change cannot be given as a percentage.',
  );
  // Without an OT start date, Progress says where to add one.
  await page.goto('/progress/appointments');
  await addEvent(page, 'GP appointment', '2026-06-10');
  await openProgress(page);
  const outcomes = section(page, 'GP appointments, sick days and fit notes');
  await expect(outcomes.getByText('To compare before and since you started seeing your OT, add the date you started in')).toBeVisible();
  await expect(outcomes.getByRole('table', { name: 'Per month' }).getByRole('columnheader', { name: 'All months with records' })).toBeVisible();
  await expectAccessible(page, 'progress without an OT start date');
});

test('long lists show the latest first with "Show all", and notes are shown as typed', async ({ page }) => {
  await startApp(page);
  // Seed a year of records through Settings > Restore, as someone moving to a new phone would.
  const confidence = Array.from({ length: 12 }, (_, i) => ({
    date: `2025-${String(i + 1).padStart(2, '0')}-15`,
    score: i % 11,
    note: i === 11 ? '<b>not bold</b> & fine' : '',
  }));
  const outcomes = Array.from({ length: 25 }, (_, i) => ({
    id: i + 1,
    date: `2025-${String((i % 12) + 1).padStart(2, '0')}-${String(Math.floor(i / 12) + 1).padStart(2, '0')}`,
    kind: 'gp_appointment',
    reason: i === 24 ? '<i>check-up</i>' : '',
  }));
  const backup = { format: 'everyday-backup', version: 1, data: { settings: { welcome_done: true }, ratings: { confidence }, outcomes, next_id: 26 } };
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByRole('link', { name: /^Backup and restore/ }).click();
  await page.getByLabel('Backup file').setInputFiles({ name: 'year.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
  await page.getByRole('button', { name: 'Replace my data with this backup' }).click();
  await expect(page.getByText('Your backup has been restored.')).toBeVisible();

  await openProgress(page);
  const checkIns = page.getByRole('table', { name: 'Confidence check-ins, newest first' });
  await expect(checkIns.locator('tbody tr')).toHaveCount(10);
  await expect(checkIns.locator('tbody tr').first()).toContainText('<b>not bold</b> & fine');
  await page.getByRole('button', { name: 'Show all 12' }).click();
  await expect(checkIns.locator('tbody tr')).toHaveCount(12);
  await expect(checkIns.locator('b')).toHaveCount(0);

  await page.goto('/progress/appointments');
  const list = page.getByRole('region', { name: 'What you have recorded' });
  await expect(list.getByRole('listitem')).toHaveCount(20);
  await expect(list.getByRole('listitem').first()).toContainText('GP appointment on 2 December 2025');
  const typed = list.getByText('GP appointment on 3 January 2025: <i>check-up</i>', { exact: true });
  await expect(typed).toHaveCount(0);
  await page.getByRole('button', { name: 'Show all 25' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(25);
  await expect(typed).toBeVisible();
  await expect(list.locator('i')).toHaveCount(0);
  // Changing one can be cancelled.
  await list.getByRole('button', { name: 'Change GP appointment on 3 January 2025: <i>check-up</i>' }).click();
  await list.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('Nothing was changed.')).toBeVisible();
  await expect(list.getByRole('button', { name: 'Change GP appointment on 3 January 2025: <i>check-up</i>' })).toBeFocused();
  await expectAccessible(page, 'a long list of records');
});
