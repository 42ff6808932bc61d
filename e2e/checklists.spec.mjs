// Checklists: a workplace plan with adjustments, a phased return and a difficulties table,
// shared with an employer (plain and with a passphrase) and opened in a fresh browser as the
// employer, who sees exactly the shared items and nothing private; damaged, tampered, newer
// and wrong-passphrase links get plain messages; then home safety (a room ticked with an
// action logged, and the falls self-check). Everything survives a reload; every page is scanned.
import { test, expect, expectAccessible } from './fixtures.mjs';
import { startApp, checkIn } from './helpers.mjs';

function isoDate(d) {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function openChecklists(page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Checklists', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Checklists' })).toBeVisible();
}

async function changeItem(page, text, { status, owner, note, private: priv }) {
  await page.getByRole('button', { name: `Change: ${text}` }).click();
  const form = page.locator('form.item-edit');
  await expect(form.getByRole('heading', { name: `Change: ${text}` })).toBeFocused();
  if (status) await form.getByRole('radio', { name: status, exact: true }).check();
  if (owner) await form.getByRole('radio', { name: owner, exact: true }).check();
  if (note) await form.getByLabel('A note, if you like').fill(note);
  if (priv) await form.getByRole('checkbox', { name: /Keep this to myself/ }).check();
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText(`Saved: "${text}".`)).toBeVisible();
}

const SHARED = ['Start later in the morning', 'A sit-stand desk', 'Sitting for more than an hour', 'A sit-stand desk and a short walk every hour'];
const PRIVATE = [
  'Regular short breaks', // agreed but marked private
  'A locker near my desk', // only suggested
  'Agreed with Sam on the phone', // a note (notes are not shared unless chosen)
  'Panic attacks on the train', // a private row of the table
  'Start after the rush hour',
  'Feeling low about work', // a confidence check-in note
  'Sam Jones', // the name, switched off before sharing
];

test('a workplace plan is built, shared and opened by the employer with nothing private in it', async ({ page, browser, baseURL }) => {
  test.setTimeout(180_000);
  await startApp(page);
  await checkIn(page, 3, 'Feeling low about work');
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByLabel('Name or initials for your summary').fill('Sam Jones');
  await page.getByRole('button', { name: 'Save name' }).click();

  await openChecklists(page);
  await expectAccessible(page, 'checklists');
  await page.getByRole('link', { name: 'Your workplace plan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your workplace plan' })).toBeVisible();
  await expectAccessible(page, 'workplace plan, empty');
  // A short overview: each part with where it has got to, and a page of its own.
  await expect(page.getByRole('link', { name: /^What the plan covers Not filled in yet\./ })).toBeVisible();

  // What the plan covers.
  await page.getByRole('link', { name: /^What the plan covers/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'What the plan covers' })).toBeVisible();
  const today = new Date();
  const review = new Date(today.getTime() + 28 * 86400000);
  await page.getByRole('checkbox', { name: /^Phased return to work/ }).check();
  await page.getByRole('checkbox', { name: /^Altered hours/ }).check();
  await page.getByLabel('Review date').fill(isoDate(review));
  await page.getByRole('button', { name: 'Save what the plan covers' }).click();
  await expect(page.getByText('Saved.', { exact: true })).toBeVisible();
  await page.getByRole('link', { name: 'Back to your workplace plan' }).click();
  await expect(page.getByRole('link', { name: /^What the plan covers 2 kinds of advice\. Review on/ })).toBeVisible();

  // Adjustments from the library and my own.
  await page.getByRole('link', { name: /^Adjustments/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Adjustments' })).toBeVisible();
  await page.getByRole('link', { name: 'Add adjustments' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Add adjustments' })).toBeVisible();
  await page.getByLabel('Kind of advice').selectOption({ label: 'Altered hours' });
  await page.getByRole('button', { name: 'Start later in the morning' }).click();
  await expect(page.getByText('Added: "Start later in the morning".')).toBeVisible();
  await expect(page.getByText('Start later in the morning (added)')).toBeVisible();
  await page.getByRole('button', { name: /^Regular short breaks/ }).click();
  await page.getByLabel('Kind of advice').selectOption({ label: 'Workplace adaptations' });
  await page.getByRole('button', { name: 'A sit-stand desk' }).click();
  await page.getByLabel('Or write your own').fill('A locker near my desk');
  await page.getByRole('button', { name: 'Add my own' }).click();
  await expect(page.getByText('Added: "A locker near my desk".')).toBeVisible();
  await expectAccessible(page, 'add adjustments');
  await page.getByRole('link', { name: 'Done: see your adjustments' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Adjustments' })).toBeVisible();

  // "Not possible" needs a reason: a plain message, nothing changed.
  await page.getByRole('button', { name: 'Change: A locker near my desk' }).click();
  await page.locator('form.item-edit').getByRole('radio', { name: 'Not possible', exact: true }).check();
  await page.locator('form.item-edit').getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Please say why it is not possible')).toBeVisible();
  await page.locator('form.item-edit').getByRole('button', { name: 'Cancel' }).click();

  await changeItem(page, 'Start later in the morning', { status: 'Agreed', owner: 'My employer', note: 'Agreed with Sam on the phone' });
  await changeItem(page, 'A sit-stand desk', { status: 'In place', owner: 'My employer' });
  await changeItem(page, 'Regular short breaks, for example 10 minutes every hour', { status: 'Agreed', private: true });
  await expect(page.getByText('Private: never shared')).toBeVisible();
  await expectAccessible(page, 'workplace plan with items');
  await page.getByRole('link', { name: 'Back to your workplace plan' }).click();
  await expect(page.getByRole('link', { name: /^Adjustments 4 adjustments, 3 agreed or in place\./ })).toBeVisible();

  // The difficulties table, one row kept private.
  await page.getByRole('link', { name: /^Difficulties at work/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Difficulties at work' })).toBeVisible();
  await page.getByLabel('What is difficult at work').fill('Sitting for more than an hour');
  await page.getByLabel('What would help, or a goal').fill('A sit-stand desk and a short walk every hour');
  await page.getByRole('button', { name: 'Add to the table' }).click();
  await expect(page.getByText('Saved in the table.')).toBeVisible();
  await page.getByLabel('What is difficult at work').fill('Panic attacks on the train');
  await page.getByLabel('What would help, or a goal').fill('Start after the rush hour');
  await page.getByRole('checkbox', { name: /Keep this row to myself/ }).check();
  await page.getByRole('button', { name: 'Add to the table' }).click();
  const table = page.getByRole('table', { name: 'Difficulties at work and what would help' });
  await expect(table.locator('tbody tr')).toHaveCount(2);
  await expectAccessible(page, 'difficulties at work');
  await page.getByRole('link', { name: 'Back to your workplace plan' }).click();
  await expect(page.getByRole('link', { name: /^Difficulties at work 2 difficulties in the table\./ })).toBeVisible();

  // A phased return, week by week, with the first week ticked off.
  await page.getByRole('link', { name: 'Phased return to work, week by week' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Phased return to work' })).toBeVisible();
  await expect(page.getByText('There is no phased return plan yet.')).toBeVisible();
  await page.getByLabel('The first week starts on').fill(isoDate(today));
  await page.getByLabel('How many weeks').fill('4');
  await page.getByLabel('Hours in the first week').fill('12');
  await page.getByLabel('Hours in the last week').fill('36');
  await page.getByLabel('Days a week').fill('3');
  await page.getByRole('button', { name: 'Save this plan' }).click();
  await expect(page.getByText('Saved a plan of 4 weeks.')).toBeVisible();
  await expect(page.getByText('You are in week 1 of 4.')).toBeVisible();
  await page.getByRole('checkbox', { name: /^Week 1: 12 hours over 3 days/ }).check();
  await expect(page.getByText('Week 1 ticked off. Well done.')).toBeVisible();
  await expect(page.getByText('1 of 4 weeks ticked off.')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /^Week 4: 36 hours/ })).not.toBeChecked();
  await expectAccessible(page, 'phased return');

  // The Wellness Action Plan (not shared unless chosen).
  await page.getByRole('link', { name: 'Back to your workplace plan' }).click();
  await page.getByRole('link', { name: 'Wellness Action Plan' }).click();
  await page.getByLabel('What keeps me well at work').fill('A walk at lunchtime');
  await page.getByRole('button', { name: 'Save my Wellness Action Plan' }).click();
  await expect(page.getByText(/^Saved\. It is only shared/)).toBeVisible();
  await expectAccessible(page, 'wellness action plan');

  // Share: choose, preview exactly as the employer sees it.
  await page.getByRole('link', { name: 'Back to your workplace plan' }).click();
  await page.getByRole('link', { name: 'Share with your employer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Share with your employer' })).toBeVisible();
  await page.getByRole('link', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check what your employer will see' })).toBeVisible();
  const preview = page.locator('.plan-preview');
  await expect(preview).toContainText('Sam Jones');
  await page.getByRole('link', { name: 'Back to choose what to share' }).click();
  await page.getByRole('checkbox', { name: /^My name/ }).uncheck();
  await expectAccessible(page, 'share, what to share');
  await page.getByRole('link', { name: 'Continue' }).click();
  await expect(preview).not.toContainText('Sam Jones');
  for (const text of SHARED) await expect(preview).toContainText(text);
  for (const text of PRIVATE) await expect(preview).not.toContainText(text);
  await expect(preview).not.toContainText('A walk at lunchtime');
  await expectAccessible(page, 'share');

  await page.getByRole('button', { name: 'Make the link' }).click();
  await expect(page.getByRole('heading', { name: 'Your link is ready' })).toBeFocused();
  const link = await page.getByRole('textbox', { name: 'The link' }).inputValue();
  expect(link.startsWith(`${baseURL}/employer#1.w.p.`)).toBe(true);
  await expect(page.getByRole('img', { name: 'QR code of the link to your plan' })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download as a file' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`workplace-plan-${isoDate(today)}.html`);
  const filePath = await file.path();
  await expectAccessible(page, 'share, link made');
  const previewText = await preview.innerText();

  // A passphrase-protected link.
  await page.getByRole('checkbox', { name: /^Protect it with a passphrase/ }).check();
  await page.getByLabel('Passphrase', { exact: true }).fill('short');
  await page.getByRole('button', { name: 'Make the link' }).click();
  await expect(page.getByText('Please use a passphrase of at least 8 characters')).toBeVisible();
  await page.getByLabel('Passphrase', { exact: true }).fill('blue kettle river');
  const started = Date.now();
  await page.getByRole('button', { name: 'Make the link' }).click();
  await expect(page.getByRole('heading', { name: 'Your link is ready' })).toBeVisible({ timeout: 20_000 });
  console.log(`protected link (PBKDF2 600,000 iterations, AES-GCM) made in ${Date.now() - started} ms`);
  const protectedLink = await page.getByRole('textbox', { name: 'The link' }).inputValue();
  expect(protectedLink).toContain('/employer#1.w.e.');

  // The employer, in a fresh browser with nothing stored.
  const employer = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const desk = await employer.newPage();
  await desk.goto(link);
  await expect(desk.getByRole('heading', { level: 1, name: 'Shared workplace plan' })).toBeVisible();
  const plan = desk.locator('.plan-doc');
  await expect(plan).toContainText('Workplace plan from your employee, sent on');
  for (const text of SHARED) await expect(plan).toContainText(text);
  await expect(plan).toContainText('Review date');
  await expect(desk.getByRole('table', { name: 'Hours week by week' }).locator('tbody tr')).toHaveCount(4);
  const everything = await desk.locator('body').innerText();
  for (const text of [...PRIVATE, 'A walk at lunchtime']) expect(everything).not.toContain(text);
  // Exactly the preview (the same words; on the phone its tables are stacked, so the spacing
  // differs from the employer's wide screen).
  const words = (text) => text.replace(/\s+/g, ' ').trim();
  expect(words(await plan.innerText())).toBe(words(previewText));
  await expect(desk.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await expectAccessible(desk, 'employer view');
  // Print: no buttons or bars, the plan stays.
  await desk.emulateMedia({ media: 'print' });
  await expect(desk.getByRole('button', { name: 'Print this plan' })).toBeHidden();
  await expect(plan).toBeVisible();
  await desk.emulateMedia({ media: 'screen' });

  // The file opens on the employer's page too (it holds the link and the plan).
  await desk.goto('/');
  await desk.goto('/employer');
  await expect(desk.getByRole('heading', { name: 'Open a plan file' })).toBeVisible();
  await expectAccessible(desk, 'employer, no plan');
  await desk.getByLabel('Plan file').setInputFiles(filePath);
  for (const text of SHARED) await expect(plan).toContainText(text);

  // Damaged (cut short), tampered (one character changed) and newer links.
  const damagedMessage = 'This link is damaged or incomplete';
  await desk.goto(link.slice(0, -12));
  await expect(desk.getByText(damagedMessage)).toBeVisible();
  await expectAccessible(desk, 'employer, damaged link');
  const at = link.indexOf('#') + 20;
  const tampered = link.slice(0, at) + (link[at] === 'A' ? 'B' : 'A') + link.slice(at + 1);
  await desk.goto('/');
  await desk.goto(tampered);
  await expect(desk.getByText(damagedMessage)).toBeVisible();
  await desk.goto('/');
  await desk.goto('/employer#2.w.p.AAAA');
  await expect(desk.getByText('This link was made by a newer version of Everyday')).toBeVisible();

  // Protected: a wrong passphrase, then the right one.
  await desk.goto('/');
  await desk.goto(protectedLink);
  await expect(desk.getByRole('heading', { name: 'This plan is protected' })).toBeVisible();
  await expectAccessible(desk, 'employer, passphrase');
  await desk.getByLabel('Passphrase').fill('red kettle river');
  await desk.getByRole('button', { name: 'Open the plan' }).click();
  await expect(desk.getByText('That passphrase does not open this plan.', { exact: false })).toBeVisible({ timeout: 20_000 });
  await desk.getByLabel('Passphrase').fill('blue kettle river');
  await desk.getByRole('button', { name: 'Open the plan' }).click();
  for (const text of SHARED) await expect(plan).toContainText(text, { timeout: 20_000 });
  expect(await desk.locator('body').innerText()).not.toContain('Panic attacks on the train');
  // A protected link with its ciphertext changed fails the check too.
  const pat = protectedLink.indexOf('#') + 60;
  const changed = protectedLink.slice(0, pat) + (protectedLink[pat] === 'A' ? 'B' : 'A') + protectedLink.slice(pat + 1);
  await desk.goto('/');
  await desk.goto(changed);
  await desk.getByLabel('Passphrase').fill('blue kettle river');
  await desk.getByRole('button', { name: 'Open the plan' }).click();
  await expect(desk.getByText('That passphrase does not open this plan.', { exact: false })).toBeVisible({ timeout: 20_000 });
  await employer.close();

  // Everything is still there after a reload.
  await page.reload();
  await page.goto('/checklists/work/adjustments');
  await expect(page.getByRole('heading', { level: 1, name: 'Adjustments' })).toBeVisible();
  for (const text of ['Start later in the morning', 'A sit-stand desk', 'A locker near my desk']) {
    await expect(page.locator('.item-text', { hasText: text }).first()).toBeVisible();
  }
  await page.goto('/checklists/work/difficulties');
  await expect(page.getByRole('table', { name: 'Difficulties at work and what would help' }).locator('tbody tr')).toHaveCount(2);
  await page.getByRole('link', { name: 'Back to your workplace plan' }).click();
  await page.getByRole('link', { name: 'Phased return to work, week by week' }).click();
  await expect(page.getByRole('checkbox', { name: /^Week 1:/ })).toBeChecked();
  await page.goto('/checklists/work/share');
  await expect(page.getByRole('checkbox', { name: /^My name/ })).not.toBeChecked();
});

test('home safety: a room ticked with actions logged, and the falls self-check, kept after a reload', async ({ page }) => {
  test.setTimeout(120_000);
  await startApp(page);
  await openChecklists(page);
  await page.getByRole('link', { name: 'Home safety' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Home safety' })).toBeVisible();
  await expectAccessible(page, 'home safety');
  await page.getByRole('link', { name: /^Living room/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Living room' })).toBeVisible();
  await expect(page.getByText('Take them away, or fix them down with non-slip tape.')).toBeVisible();
  await expectAccessible(page, 'living room');

  const rugs = page.getByRole('checkbox', { name: 'There are loose rugs or mats' });
  await expect(page.getByText('Thing 1 of 4 in this room')).toBeVisible();
  // Targets are large for older hands.
  const box = await rugs.boundingBox();
  expect(box.width).toBeGreaterThanOrEqual(30);
  const label = await page.locator('label', { has: rugs }).boundingBox();
  expect(label.height).toBeGreaterThanOrEqual(48);
  await rugs.check();
  const line = page.locator('li.hazard', { has: rugs });
  await expect(line.getByText('Nothing done yet.')).toBeVisible();
  await line.getByRole('textbox', { name: 'What was done' }).fill('My son taped the rug down');
  await line.getByRole('button', { name: 'Add to the log' }).click();
  // The message is said above the log, focused and on screen (not under the bottom bar).
  const added = line.getByText('Added to the log.');
  await expect(added).toBeFocused();
  await expect(added).toBeInViewport();
  await expect(line.getByText(/: My son taped the rug down$/)).toBeVisible();
  // An entry put in by mistake is removed after a question, and can be put back.
  page.once('dialog', (d) => d.accept());
  await line.getByRole('button', { name: 'Remove "My son taped the rug down" from the log' }).click();
  await expect(line.getByText('Removed "My son taped the rug down" from the log.')).toBeVisible();
  await expect(line.getByText('Nothing done yet.')).toBeVisible();
  await line.getByRole('button', { name: 'Undo' }).click();
  await expect(line.getByText(/: My son taped the rug down$/)).toBeVisible();
  // An empty entry is refused with a plain message.
  await line.getByRole('button', { name: 'Add to the log' }).click();
  await expect(line.getByText('Please write what was done.')).toBeVisible();
  // One thing at a time: the next one in the room.
  await page.getByRole('link', { name: /^Next\W+Cables run across the floor$/ }).click();
  await expect(page.getByText('Thing 2 of 4 in this room')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Living room' })).toBeFocused();
  await page.getByRole('checkbox', { name: 'Cables run across the floor' }).check();
  await page.getByText('Add something else in this room').click();
  await page.getByLabel('What is the problem?').fill('The footstool is in the way');
  await page.getByLabel('What could fix it?').fill('Keep it by the wall');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByText('Thing 5 of 5 in this room')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'The footstool is in the way' })).toBeChecked();
  await expect(page.getByRole('link', { name: 'Next room: Kitchen' })).toBeVisible();
  await expectAccessible(page, 'living room, ticked');

  // The falls self-check, one statement per page: 4 points (a fall counts 2).
  await page.goto('/checklists/home');
  await expect(page.getByText('3 things ticked, 1 with something done.')).toBeVisible();
  await page.getByRole('link', { name: 'Do the falls self-check' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Falls self-check' })).toBeVisible();
  await expectAccessible(page, 'falls self-check, start');
  await page.getByRole('link', { name: 'Start the self-check' }).click();
  await expect(page.getByText('Question 1 of 12')).toBeVisible();
  // Continue with no answer: an error summary at the top, focused, linking to the choice.
  await page.getByRole('button', { name: 'Continue' }).click();
  const problem = page.locator('.error-summary');
  await expect(problem).toBeFocused();
  await expect(problem).toContainText('There is a problem');
  await expect(page.locator('#falls-yes-error')).toContainText('Choose yes or no');
  await expectAccessible(page, 'falls question, error');
  await problem.getByRole('link', { name: 'Choose yes or no' }).click();
  await expect(page.getByRole('radio', { name: 'Yes', exact: true })).toBeFocused();
  const yesAt = [0, 2, 4];
  for (let i = 0; i < 12; i++) {
    await expect(page.getByText(`Question ${i + 1} of 12`)).toBeVisible();
    if (i === 0) await expectAccessible(page, 'falls question');
    if (i === 6) {
      // A reload loses nothing: the answer given before is still there.
      await page.reload();
      await expect(page.getByText('Question 7 of 12')).toBeVisible();
      await page.getByRole('link', { name: 'Back' }).click();
      await expect(page.getByText('Question 6 of 12')).toBeVisible();
      await expect(page.getByRole('radio', { name: 'No', exact: true })).toBeChecked();
      await page.getByRole('button', { name: 'Continue' }).click();
      await expect(page.getByText('Question 7 of 12')).toBeVisible();
    }
    await page.getByRole('radio', { name: yesAt.includes(i) ? 'Yes' : 'No', exact: true }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
  }
  await expect(page.getByRole('heading', { level: 1, name: 'Check your answers' })).toBeVisible();
  await expectAccessible(page, 'falls, check your answers');
  // Change an answer: back to the check afterwards.
  await page.getByRole('link', { name: 'Change your answer to: I am worried about falling.' }).click();
  await expect(page.getByText('Question 5 of 12')).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Yes', exact: true })).toBeChecked();
  await page.getByRole('radio', { name: 'No', exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check your answers' })).toBeVisible();
  await page.getByRole('link', { name: 'Change your answer to: I am worried about falling.' }).click();
  await page.getByRole('radio', { name: 'Yes', exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Save my answers' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your falls self-check' })).toBeVisible();
  await expect(page.getByText('Your total is 4 out of 14.')).toBeVisible();
  await expect(page.getByText(/Your total is 4\. With 4 or more, it is a good idea to talk to your GP or your occupational therapist/)).toBeVisible();
  await expect(page.getByText('You do not need to do anything urgently', { exact: false })).toBeVisible();
  await expectAccessible(page, 'falls self-check, saved');

  await page.reload();
  await expect(page.getByText('Your total is 4 out of 14.')).toBeVisible();
  await page.getByRole('link', { name: 'See your past self-checks' }).click();
  // Saved: a new check starts from the first statement again.
  await expect(page.getByRole('link', { name: 'Start the self-check' })).toBeVisible();
  const checks = page.getByRole('list', { name: 'Your past self-checks' });
  await expect(checks).toContainText('4 out of 14');
  // A self-check saved by mistake is removed after a question, and can be put back.
  page.once('dialog', (d) => d.accept());
  await checks.getByRole('button', { name: /^Remove the self-check of / }).click();
  await expect(page.getByText(/^Removed the self-check of /)).toBeVisible();
  await expect(checks.getByRole('listitem')).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(checks).toContainText('4 out of 14');
  await page.goto('/checklists/home/room/living-room');
  await expect(page.getByRole('checkbox', { name: 'There are loose rugs or mats' })).toBeChecked();
  await expect(page.getByText(/: My son taped the rug down$/)).toBeVisible();
  await page.goto('/checklists/home/room/living-room?item=5');
  await expect(page.getByRole('checkbox', { name: 'The footstool is in the way' })).toBeChecked();
  await page.goto('/checklists/home/room/no-such-room');
  await expect(page.getByRole('heading', { level: 1, name: 'Room not found' })).toBeVisible();
});

test('the falls self-check at 320px with text at 200%: Yes and No whole, one line each', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await startApp(page);
  await page.goto('/checklists/home/falls/1');
  await expect(page.getByText('Question 1 of 12')).toBeVisible();
  await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
  for (const word of ['Yes', 'No']) {
    const lines = await page.getByRole('radio', { name: word, exact: true }).evaluate((input) => {
      const span = input.parentElement.querySelector('.check-label');
      const range = document.createRange();
      range.selectNodeContents(span);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    });
    expect(lines, `"${word}" is on one line`).toBe(1);
    const box = await page.locator('label', { has: page.getByRole('radio', { name: word, exact: true }) }).boundingBox();
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(box.x + box.width).toBeLessThanOrEqual(320);
  }
  // The Continue button is not hidden under the bottom bar once scrolled to.
  const go = page.getByRole('button', { name: 'Continue' });
  await go.scrollIntoViewIfNeeded();
  await expect(go).toBeInViewport();
});

test('sharing: the defaults, suggested adjustments marked, half hours and weeks with their own days', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await startApp(page);
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByLabel('Name or initials for your summary').fill('Sam');
  await page.getByRole('button', { name: 'Save name' }).click();
  await page.goto('/checklists/work/adjustments/add');
  await page.getByLabel('Kind of advice').selectOption({ label: 'Altered hours' });
  for (const text of ['Start later in the morning', 'Finish earlier in the day', 'Work from home some days']) {
    await page.getByRole('button', { name: text }).click();
    await expect(page.getByText(`Added: "${text}".`)).toBeVisible();
  }
  await page.getByRole('link', { name: 'Done: see your adjustments' }).click();
  await changeItem(page, 'Start later in the morning', { status: 'Agreed' });
  await changeItem(page, 'Finish earlier in the day', { status: 'Asked for' });
  // The Change button has the focus back after saving.
  await expect(page.getByRole('button', { name: 'Change: Finish earlier in the day' })).toBeFocused();

  // Half hours and a week with its own number of days.
  await page.getByRole('link', { name: 'Back to your workplace plan' }).click();
  await page.getByRole('link', { name: 'Phased return to work, week by week' }).click();
  await page.getByLabel('How many weeks').fill('3');
  await page.getByLabel('Hours in the first week').fill('15');
  await page.getByLabel('Hours in the last week').fill('37.25');
  await page.getByRole('button', { name: 'Save this plan' }).click();
  await expect(page.getByText('Please write the hours in the last week in whole or half hours')).toBeVisible();
  await page.getByLabel('Hours in the last week').fill('37.5');
  await page.getByRole('button', { name: 'Save this plan' }).click();
  await expect(page.getByText('Saved a plan of 3 weeks.')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /^Week 3: 37\.5 hours over 3 days/ })).toBeVisible();
  await page.getByRole('button', { name: 'Change the hours or days of week 2' }).click();
  await page.getByLabel('Hours in week 2').fill('22.5');
  await page.getByLabel('Days in week 2').fill('4');
  await page.getByRole('button', { name: 'Save this week' }).click();
  await expect(page.getByText('Week 2 saved.')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /^Week 2: 22\.5 hours over 4 days/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Change the hours or days of week 2' })).toBeFocused();
  await expectAccessible(page, 'phased return, a week changed');

  // By default: agreed, in place and asked for; suggested only when chosen, and marked.
  await page.goto('/checklists/work/share/link');
  const preview = page.locator('.plan-preview');
  await expect(preview).toContainText('Start later in the morning');
  await expect(preview).toContainText('Finish earlier in the day');
  await expect(preview).not.toContainText('Work from home some days');
  await page.getByRole('link', { name: 'Back to choose what to share' }).click();
  await page.getByRole('checkbox', { name: /^Suggested adjustments/ }).check();
  await page.getByRole('link', { name: 'Continue' }).click();
  await expect(preview.locator('.plan-item-suggested')).toContainText('Work from home some days');
  await expect(preview.locator('.plan-item-suggested')).toContainText('Suggested: not asked for yet');
  await expectAccessible(page, 'share with suggested');
  await page.getByRole('button', { name: 'Make the link' }).click();
  await expect(page.getByRole('heading', { name: 'Your link is ready' })).toBeFocused();
  const link = await page.getByRole('textbox', { name: 'The link' }).inputValue();

  const employer = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const desk = await employer.newPage();
  await desk.goto(link);
  const plan = desk.locator('.plan-doc');
  await expect(plan).toContainText('Workplace plan from Sam, sent on');
  await expect(desk.getByRole('heading', { name: 'What you are asked to do' })).toBeVisible();
  await expect(plan).toContainText('Reply to Sam about the adjustment asked for');
  await expect(plan).toContainText('Talk with Sam about the idea marked "suggested"');
  await expect(plan).toContainText('No review date has been set yet. Please agree one with Sam.');
  await expect(plan.locator('.plan-item-suggested')).toContainText('Work from home some days');
  const weeks = desk.getByRole('table', { name: 'Hours week by week' });
  await expect(weeks.locator('tbody tr').nth(1)).toContainText('22.5');
  await expect(weeks.locator('tbody tr').nth(1)).toContainText('4');
  await expect(weeks.locator('tbody tr').nth(2)).toContainText('37.5');
  // A phone: the table is stacked rows, no sideways scrolling.
  expect(await desk.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await expectAccessible(desk, 'employer view, suggested and half hours');
  await employer.close();
});

test('checklist pages fit at 320px wide and with text at 200%', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await startApp(page);
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  const pages = ['/checklists', '/checklists/work', '/checklists/work/covers', '/checklists/work/adjustments',
    '/checklists/work/adjustments/add', '/checklists/work/difficulties', '/checklists/work/return', '/checklists/work/wellness',
    '/checklists/work/share', '/checklists/work/share/link', '/checklists/home', '/checklists/home/room/bathroom', '/checklists/home/falls',
    '/checklists/home/falls/1', '/checklists/home/falls/check', '/checklists/home/falls/result', '/employer'];
  for (const zoom of ['100%', '200%']) {
    for (const path of pages) {
      await page.goto(path);
      await expect(page.locator('main h1')).toBeVisible();
      // Set through the CSS object model: the Content-Security-Policy blocks inline styles.
      await page.evaluate((z) => { document.documentElement.style.fontSize = z; }, zoom);
      expect(await overflow(), `horizontal scroll at 320px, text ${zoom}, on ${path}`).toBeLessThanOrEqual(0);
    }
  }
});
