// Goals: the four-part builder (with a warning, not a block, for a missing part), steps ticked
// off (with Undo) and done again, progress at several levels shown in words as a chart and a
// table, how the goals are going in plain words, ratings and weighting, on hold / done / put away, the steps due on Today, and all of
// it still there after a reload. Every goal page and state gets an accessibility scan.
import { test, expect, expectAccessible } from './fixtures.mjs';
import { startApp } from './helpers.mjs';

async function openNav(page, name) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/** Go through the builder, filling the parts given (leaving the others empty), and save. */
async function buildGoal(page, { activity = '', support = '', amount = '', weeks = 0 }) {
  await page.getByRole('link', { name: 'Set a new goal' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Set a new goal' })).toBeVisible();
  for (const [label, value] of [['What I want to do', activity], ['The help I need', support], ['How much or how well', amount]]) {
    await page.getByLabel(label, { exact: true }).fill(value);
    await page.getByRole('button', { name: 'Next', exact: true }).click();
  }
  if (weeks) await page.getByRole('button', { name: `In ${weeks} weeks` }).click();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('button', { name: 'Save this goal' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your goal' })).toBeVisible();
}

async function addStep(page, title, often, times = '') {
  await page.getByLabel('What is the step?').fill(title);
  await page.getByRole('radio', { name: often, exact: true }).check();
  if (times) await page.getByLabel('How many times a week?').fill(times);
  await page.getByRole('button', { name: 'Add this step' }).click();
  await expect(page.getByText('Step added.')).toBeVisible();
}

function step(page, title) {
  return page.getByRole('listitem').filter({ has: page.getByText(title, { exact: true }) });
}

/** Record how the goal is going, by the level's words ("A bit better than I expected"). */
async function recordLevel(page, level, note) {
  await page.getByRole('radio', { name: new RegExp(`^${level}`) }).check();
  await page.getByLabel('A note, if you like').fill(note);
  await page.getByRole('button', { name: 'Save how it is going' }).click();
  await expect(page.getByText(`Saved for today: ${level}.`, { exact: true })).toBeVisible();
}

const LESS = 'A bit less than I expected';
const EXPECTED = 'What I expected';
const BETTER = 'A bit better than I expected';

/** The rows of the progress table as [level and its meaning, note]. */
async function progressTable(page) {
  const rows = page.getByRole('table', { name: 'How it has gone, oldest first' }).locator('tbody tr');
  const out = [];
  for (let i = 0; i < (await rows.count()); i++) {
    const cells = rows.nth(i).locator('td');
    out.push([(await cells.nth(1).innerText()).trim(), (await cells.nth(2).innerText()).trim()]);
  }
  return out;
}

test('a goal built in four parts, with steps, progress, chart and score, survives a reload', async ({ page }) => {
  // A long journey with an accessibility scan at every step.
  test.setTimeout(120_000);
  await startApp(page);
  await openNav(page, 'Goals');
  await expect(page.getByRole('heading', { name: 'You have no goals yet' })).toBeVisible();
  await expectAccessible(page, 'goals, empty');

  // The builder, one part at a time, with examples for the person's kind of goal.
  await page.getByRole('link', { name: 'Set a new goal' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Part 1 of 4: What I want to do' })).toBeVisible();
  await expectAccessible(page, 'builder, part 1');
  await page.getByRole('radio', { name: 'Work' }).check();
  await expect(page.getByText('For example: "Go back to my job at the warehouse"')).toBeVisible();
  await page.getByRole('radio', { name: 'Home and daily living' }).check();
  await expect(page.getByText('For example: "Make a hot drink and carry it to my chair"')).toBeVisible();
  await page.getByLabel('What I want to do', { exact: true }).fill('Walk to the corner shop');
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Part 2 of 4: The help I need' })).toBeFocused();
  await expect(page.getByText('I will walk to the corner shop.')).toBeVisible();
  await page.getByLabel('The help I need', { exact: true }).fill('my walking stick');
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  // Part 3 is left empty for now.
  await expect(page.getByRole('heading', { level: 2, name: 'Part 3 of 4: How much or how well' })).toBeVisible();
  await expectAccessible(page, 'builder, part 3');
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Part 4 of 4: By when' })).toBeVisible();
  await page.getByRole('button', { name: 'In 8 weeks' }).click();
  await expect(page.getByLabel('By when', { exact: true })).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  await expectAccessible(page, 'builder, part 4');
  await page.getByRole('button', { name: 'Next', exact: true }).click();

  // The check: one sentence, and a warning (not a block) for the missing part.
  await expect(page.getByRole('heading', { level: 2, name: 'Check your goal' })).toBeVisible();
  await expect(page.getByText(/^I will walk to the corner shop with my walking stick, by \d{1,2} [A-Z][a-z]+ \d{4}\.$/)).toBeVisible();
  await expect(page.getByText('You have not said how much or how well.')).toBeVisible();
  await expect(page.getByRole('radio', { name: 'I can do some of it already' })).toBeChecked();
  await expectAccessible(page, 'builder, check with a missing part');
  // Go back and fill it in.
  await page.getByRole('button', { name: 'Back' }).click();
  await page.getByRole('button', { name: 'Back' }).click();
  await page.getByLabel('How much or how well', { exact: true }).fill('three times a week');
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  const sentence = /^I will walk to the corner shop with my walking stick, three times a week, by \d{1,2} [A-Z][a-z]+ \d{4}\.$/;
  await expect(page.getByText(sentence)).toBeVisible();
  await expect(page.getByText('Some parts are missing.')).toHaveCount(0);
  await page.getByRole('button', { name: 'Save this goal' }).click();

  // The goal's page.
  await expect(page.getByRole('heading', { level: 1, name: 'Your goal' })).toBeVisible();
  await expect(page).toHaveURL(/\/goals\/\d+$/);
  const goalUrl = page.url();
  await expect(page.getByText(sentence)).toBeVisible();
  await expect(page.getByText('Your own goal')).toBeVisible();
  await expect(page.getByText('Nothing recorded yet.')).toBeVisible();
  await expectAccessible(page, 'goal page, new');

  // Steps: every day, once, and three times a week.
  await addStep(page, 'Walk to the front gate', 'Every day');
  await addStep(page, 'Phone the surgery about a walking frame', 'Once');
  await addStep(page, 'Practise standing up from a chair', 'Some days each week', '3');
  const gate = step(page, 'Walk to the front gate');
  await expect(gate).toContainText('Every day. Not done yet today.');
  await expect(step(page, 'Practise standing up from a chair')).toContainText('3 times a week. Not done yet today, 0 of 3 this week.');

  // Tick a step off, with a note: it says so and offers Undo, not another Tick off beside
  // Remove step. It can be done again the same day, and a tick made by mistake undone.
  await gate.getByText('Add a note').click();
  await gate.getByLabel('Note, if you like').fill('Windy but fine');
  await gate.getByRole('button', { name: 'Tick off: Walk to the front gate' }).click();
  await expect(gate).toContainText('Every day. Done today.');
  await expect(gate.getByRole('button', { name: 'Tick off: Walk to the front gate' })).toBeHidden();
  await expect(gate.getByRole('button', { name: 'Undo the tick: Walk to the front gate' })).toBeVisible();
  await gate.getByRole('button', { name: 'Done it again: Walk to the front gate' }).click();
  await expect(gate).toContainText('Done 2 times today.');
  await gate.getByRole('button', { name: 'Done it again: Walk to the front gate' }).click();
  await expect(gate).toContainText('Done 3 times today.');
  await gate.getByRole('button', { name: 'Undo the tick: Walk to the front gate' }).click();
  await expect(gate).toContainText('Done 2 times today.');
  await expect(gate.getByText('Undone: the last tick is taken away.')).toBeVisible();
  await expectAccessible(page, 'goal page, with steps');

  // Progress at several levels: history kept, shown as a chart and a table.
  await recordLevel(page, LESS, 'Only to the end of the road');
  await recordLevel(page, EXPECTED, 'Made it to the shop');
  // A note with HTML in it is shown as it was typed, never as markup.
  await recordLevel(page, BETTER, 'Went <b>twice</b> & back');
  await expect(page.getByRole('img', { name: /^Chart of 3 records from .* Latest: A bit better than I expected\.$/ })).toBeVisible();
  // The person's page shows words, never the -2 to +2 numbers.
  expect(await progressTable(page)).toEqual([
    [LESS, 'Only to the end of the road'],
    [EXPECTED, 'Made it to the shop'],
    [BETTER, 'Went <b>twice</b> & back'],
  ]);
  await expectAccessible(page, 'goal page, with progress');

  // What the levels look like, then shown when recording.
  await page.getByText('Write or change the levels').click();
  await page.getByRole('textbox', { name: BETTER }).fill('I go four times a week');
  await page.getByRole('button', { name: 'Save the levels' }).click();
  await expect(page.getByRole('radio', { name: `${BETTER} I go four times a week` })).toBeVisible();
  await expectAccessible(page, 'goal page, levels open');

  // 1 to 10 ratings, twice, with the change shown.
  await page.getByText('Add a rating').click();
  const rate = async (a, b, c) => {
    for (const [legend, value] of [['How much does this goal matter to you?', a], ['How well do you do it now?', b], ['How satisfied are you with how you do it?', c]]) {
      await page.getByRole('group', { name: legend }).getByRole('radio', { name: String(value), exact: true }).check();
    }
    await page.getByRole('button', { name: 'Save my rating' }).click();
  };
  await rate(8, 3, 2);
  await expect(page.getByText('How well I do it: 3', { exact: true })).toBeVisible();
  await rate(9, 6, 2);
  await expect(page.getByText(/^Your first rating \(.+\) and your latest \(.+\), out of 10:$/)).toBeVisible();
  await expect(page.getByText('How important it is: 8 then 9, up 1')).toBeVisible();
  await expect(page.getByText('How well I do it: 3 then 6, up 3')).toBeVisible();
  await expect(page.getByText('How satisfied I am: 2 then 2, no change')).toBeVisible();

  // Importance and difficulty for weighting.
  await page.getByText('Set importance and difficulty').click();
  await page.getByRole('group', { name: 'How important is this goal to you?' }).getByRole('radio', { name: '2', exact: true }).check();
  await page.getByRole('group', { name: 'How hard will it be?' }).getByRole('radio', { name: '3', exact: true }).check();
  await page.getByRole('button', { name: 'Save importance and difficulty' }).click();
  await expect(page.getByText('Importance 2 out of 3, difficulty 3 out of 3.')).toBeVisible();
  await expectAccessible(page, 'goal page, ratings and weighting open');
  // Nothing is wider than the phone's screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // The Goals page: latest level, next step and how the goals are going in plain words (the
  // OT's sheet keeps the score; none of its terms are on the person's page).
  await openNav(page, 'Goals');
  const going = page.getByRole('region', { name: 'How your goals are going' });
  await expect(going).toContainText('You have said how 1 goal is going.');
  await expect(going).toContainText('It is going better than you expected.');
  await expect(going).toContainText('It has moved on from where you started.');
  await expect(page.getByText(/^Latest: A bit better than I expected \(/)).toBeVisible();
  await expect(page.locator('main')).not.toContainText(/T-score|weighted|[+-][12]\b/i);
  await expect(page.getByText('Next step: Phone the surgery about a walking frame')).toBeVisible();
  await expectAccessible(page, 'goals, with a score');

  // Today: the steps due today, ticked from there too.
  await openNav(page, 'Today');
  const today = page.getByRole('region', { name: 'Tasks for today' });
  await expect(today.getByText('Walk to the front gate', { exact: true })).toBeVisible();
  await expect(today.getByText('Practise standing up from a chair', { exact: true })).toBeVisible();
  const phone = step(page, 'Phone the surgery about a walking frame');
  await expect(phone).toContainText('For your goal: Walk to the corner shop');
  await phone.getByRole('button', { name: 'Tick off: Phone the surgery about a walking frame' }).click();
  await expect(phone).toContainText('Once. Done today.');
  await expectAccessible(page, 'today, with tasks');

  // Everything is still there after a reload.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await expect(step(page, 'Walk to the front gate')).toContainText('Done 2 times today.');
  await expect(step(page, 'Phone the surgery about a walking frame')).toContainText('Once. Done today.');
  await openNav(page, 'Goals');
  await expect(going).toContainText('It is going better than you expected.');
  await page.getByRole('link', { name: 'Walk to the corner shop' }).click();
  await expect(page).toHaveURL(goalUrl);
  await expect(page.getByText(sentence)).toBeVisible();
  await expect(page.getByRole('img', { name: /^Chart of 3 records/ })).toBeVisible();
  expect(await progressTable(page)).toHaveLength(3);
  await expect(step(page, 'Practise standing up from a chair')).toBeVisible();
  await expect(page.getByText('How well I do it: 3 then 6, up 3')).toBeVisible();
  await expect(page.getByText('Importance 2 out of 3, difficulty 3 out of 3.')).toBeVisible();
  await expectAccessible(page, 'goal page, after reload');
});

test('two goals score together; on hold, done and put away keep goals in history', async ({ page }) => {
  test.setTimeout(90_000);
  await startApp(page);
  await openNav(page, 'Goals');
  // Only what I want to do: three gentle warnings, and the goal still saves.
  await page.getByRole('link', { name: 'Set a new goal' }).click();
  await page.getByLabel('What I want to do', { exact: true }).fill('Cook a simple meal');
  for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(page.getByRole('listitem')).toHaveText([
    'You have not said what help you need. If you need none, you could write "on my own".',
    'You have not said how much or how well.',
    'You have not said by when.',
  ]);
  await page.getByRole('button', { name: 'Save this goal' }).click();
  await expect(page.getByText('I will cook a simple meal.', { exact: true })).toBeVisible();
  await recordLevel(page, BETTER, '');

  await openNav(page, 'Goals');
  await buildGoal(page, { activity: 'Go to the knitting group', support: 'with my neighbour', amount: 'every Tuesday', weeks: 4 });
  await recordLevel(page, EXPECTED, 'Went once');
  // Change what the goal says, through the same builder.
  await page.getByRole('link', { name: 'Change what the goal says' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Change your goal' })).toBeVisible();
  await expect(page.getByLabel('What I want to do', { exact: true })).toHaveValue('Go to the knitting group');
  await expectAccessible(page, 'builder, changing a goal');
  await page.getByLabel('What I want to do', { exact: true }).fill('Go to the craft group');
  for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('button', { name: 'Save this goal' }).click();
  await expect(page.getByText(/^I will go to the craft group with my neighbour, every Tuesday, by /)).toBeVisible();

  // One a bit better than expected, one as expected, both moved on from the start.
  await openNav(page, 'Goals');
  const going = page.getByRole('region', { name: 'How your goals are going' });
  await expect(going).toContainText('You have said how 2 goals are going.');
  await expect(going).toContainText('All of them are where you expected, and 1 is going better than that.');
  await expect(going).toContainText('All of them have moved on from where you started.');

  // Mark the first as done: still scored, listed under the other goals.
  await page.getByRole('link', { name: 'Cook a simple meal' }).click();
  await page.getByRole('button', { name: 'Mark as done' }).click();
  await expect(page.getByText('This goal is: Done.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'On hold, done or put away' })).toBeFocused();
  await expectAccessible(page, 'goal page, done');
  // Put the second away: no longer scored, but kept.
  await openNav(page, 'Goals');
  await page.getByRole('link', { name: 'Go to the craft group' }).click();
  await page.getByRole('button', { name: 'Put on hold' }).click();
  await expect(page.getByText('This goal is: On hold.')).toBeVisible();
  await page.getByRole('button', { name: 'Put away' }).click();
  await expect(page.getByText('This goal is: Put away.')).toBeVisible();

  await page.reload();
  await expect(page.getByText('This goal is: Put away.')).toBeVisible();
  await openNav(page, 'Goals');
  await expect(page.getByText('None at the moment.')).toBeVisible();
  // The goal marked done still counts; the one put away does not.
  await expect(going).toContainText('You have said how 1 goal is going.');
  await page.getByText('Goals on hold, done or put away (2)').click();
  await expect(page.getByRole('link', { name: 'Cook a simple meal' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to the craft group' })).toBeVisible();
  await expectAccessible(page, 'goals, done and put away');

  // Bring it back.
  await page.getByRole('link', { name: 'Go to the craft group' }).click();
  await page.getByRole('button', { name: 'Bring it back' }).click();
  await expect(page.getByText('This goal is: Working on it.')).toBeVisible();
  await openNav(page, 'Goals');
  await expect(going).toContainText('You have said how 2 goals are going.');
});

test('a goal address that names no goal says so', async ({ page }) => {
  await startApp(page);
  for (const path of ['/goals/9999', '/goals/9999/change', '/goals/abc']) {
    await page.goto(path);
    await expect(page.getByText('This goal could not be found. Your records are safe.')).toBeVisible();
    await expectAccessible(page, path);
  }
});

test('a goal in any language keeps its letters: small in the sentence, a capital in its name', async ({ page }) => {
  // The case of the person's own words comes from the browser (src/domain/case.rs).
  await startApp(page);
  await openNav(page, 'Goals');
  await buildGoal(page, { activity: 'Éplucher les légumes', support: 'on my own' });
  await expect(page.getByText(/^I will éplucher les légumes on my own/)).toBeVisible();
  await openNav(page, 'Goals');
  await buildGoal(page, { activity: 'ŵyna gyda fy nhad', support: 'on my own' });
  await expect(page.getByText(/^I will ŵyna gyda fy nhad on my own/)).toBeVisible();
  await openNav(page, 'Goals');
  await expect(page.getByRole('link', { name: 'Éplucher les légumes', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Ŵyna gyda fy nhad', exact: true })).toBeVisible();
});
