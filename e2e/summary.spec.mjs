// The summary for the OT: a month of typical data (restored from a backup file made here, plus a
// check-in through the Today page), the Summary page with the period, the "what I want to talk
// about" box and a part left out; the summary file and the diary CSV downloaded and read back;
// a print to PDF of at most two A4 pages; then, in a fresh browser context, the OT opens the
// summary with damaged, newer, wrong and too-large files and sees the right figures and one
// message per file; keeping and clearing on the OT's computer. Every page gets an axe scan.
//
// The clock is fixed at 28 March 2026, so the figures are those worked by hand in
// src/domain/summary/tests.rs (march()): T-score 60.0 (40.0 at the start), GP appointments
// 2.1 a month before the OT start and 1.1 since.
import fs from 'node:fs';
import { test, expect, expectAccessible } from './fixtures.mjs';
import { startApp, checkIn } from './helpers.mjs';

const TODAY = new Date('2026-03-28T12:00:00Z');

const AREAS = {
  self_care: 'Looking after myself',
  productivity: 'Work, study, housework or caring',
  leisure: 'Leisure',
  rest: 'Rest',
};
const ACTIVITIES = [
  ['Shower and get dressed', 'self_care'],
  ['Hoover the living room, then rest', 'productivity'],
  ['Walk with "Sam" to the park', 'leisure'],
  ['Lie down after lunch', 'rest'],
];

function iso(d) {
  return d.toISOString().slice(0, 10);
}

/** A backup of a month of typical data for J. B. */
function backupFile() {
  const diary = [{ id: 900, date: '2026-02-27', time: '09:00:00', minutes: 100, area: 'productivity', what: 'Work' }];
  const day_marks = [{ date: '2026-03-10', kind: 'unwell' }, { date: '2026-03-14', kind: 'unwell' }];
  let id = 1000;
  for (let day = 1; day <= 28; day++) {
    if (day === 14) continue; // unwell all day: no entries
    const date = iso(new Date(Date.UTC(2026, 2, day)));
    ACTIVITIES.forEach(([what, area], slot) => {
      const entry = { id: id++, date, time: `${String(8 + slot * 3).padStart(2, '0')}:15:00`, minutes: 20 + 10 * slot, area, what };
      if (slot === 1 && day % 3 === 0) entry.note = 'Needed a break,\nthen finished';
      if (slot === 2 && day === 5) entry.what = '=1+1 (not a formula)';
      if (slot === 2) entry.ratings = { mood: 4 + (day % 5), enjoyment: 6 };
      diary.push(entry);
    });
  }
  const data = {
    settings: { welcome_done: true, name: 'J. B.', ot_start: '2026-03-01' },
    goals: [
      {
        id: 1, activity: 'Walk to the shop', support: 'with my stick', amount: 'three times a week', by_when: '2026-05-01',
        baseline: -1, status: 'active', created: '2026-02-01',
        tasks: [{ id: 10, title: 'Practise the walk', frequency: 'daily', done: [{ date: '2026-02-28' }, { date: '2026-03-02' }, { date: '2026-03-03' }, { date: '2026-03-03' }] }],
        progress: [{ date: '2026-02-20', level: -1 }, { date: '2026-03-05', level: 0 }, { date: '2026-03-20', level: 1 }],
      },
      { id: 2, activity: 'Old goal', baseline: -2, status: 'archived', created: '2026-01-05' },
    ],
    diary,
    day_marks,
    workplace: {
      items: [
        { id: 50, kind: 'altered_hours', text: 'Start at 10am', status: 'agreed', owner: 'employer' },
        { id: 51, kind: 'workplace_adaptations', text: 'Sit-stand desk', status: 'in_place', owner: 'employer' },
      ],
      phased_return: [
        { starts: '2026-03-02', hours: 8, days: 2, done: true },
        { starts: '2026-03-09', hours: 12, days: 3, done: true },
        { starts: '2026-03-16', hours: 16, days: 4 },
        { starts: '2026-03-23', hours: 20, days: 5 },
      ],
    },
    home_safety: {
      hazards: [{ id: 60, room: 'kitchen', hazard: 'Trailing flex', fix: 'Shorten it', applies: true, actions: [{ date: '2026-03-08', what: 'Clipped it to the wall' }] }],
      falls_checks: [{ date: '2026-03-03', answers: [true, false, true, true, true, false] }],
    },
    ratings: { confidence: [{ date: '2026-01-10', score: 3 }, { date: '2026-03-02', score: 5 }] },
    outcomes: [
      ...[3, 10, 17, 24].map((d, i) => ({ id: 20 + i, date: `2026-02-${String(d).padStart(2, '0')}`, kind: 'gp_appointment' })),
      { id: 30, date: '2026-03-10', kind: 'gp_appointment', reason: 'Back pain' },
      { id: 31, date: '2026-03-11', kind: 'sick_day' },
      { id: 32, date: '2026-03-12', kind: 'sick_day' },
      { id: 33, date: '2026-03-12', kind: 'fit_note_requested' },
    ],
    next_id: 2000,
  };
  return { data, text: JSON.stringify({ format: 'everyday-backup', version: 1, saved_at: '2026-03-28T10:00:00', data }) };
}

/** The diary rows the CSV should hold for 1 to 28 March (without the headings). */
function expectedRows(data) {
  const formula = (t) => (/^[=+\-@\t\r]/.test(t) ? `'${t}` : t);
  const marks = new Map(data.day_marks.map((m) => [m.date, 'Unwell']));
  const rows = [];
  for (const e of data.diary.filter((e) => e.date >= '2026-03-01' && e.date <= '2026-03-28')) {
    const r = e.ratings || {};
    const n = (v) => (v === undefined ? '' : String(v));
    rows.push([e.date, marks.get(e.date) || '', e.time.slice(0, 5), '', String(e.minutes), AREAS[e.area], formula(e.what), formula(e.note || ''),
      n(r.effort), n(r.pain), n(r.mood), n(r.achievement), n(r.closeness), n(r.enjoyment)]);
  }
  // The unwell day with no entries, in date order.
  const at = rows.findIndex((r) => r[0] > '2026-03-14');
  rows.splice(at, 0, ['2026-03-14', 'Unwell', '', '', '', '', '', '', '', '', '', '', '', '']);
  return rows;
}

/** RFC 4180 CSV: quoted fields with doubled quotes, commas and line breaks inside quotes. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

async function download(page, buttonName) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: buttonName }).click()]);
  return { name: d.suggestedFilename(), text: fs.readFileSync(await d.path(), 'utf8') };
}

test('a patient makes a summary, exports it and its diary, prints it; the OT opens it with bad files', async ({ page, browser, baseURL }, testInfo) => {
  test.setTimeout(180_000);
  await page.clock.setFixedTime(TODAY);
  const backup = backupFile();
  const backupPath = testInfo.outputPath('backup.json');
  fs.writeFileSync(backupPath, backup.text);

  // The patient's data: a restored backup, and a check-in today through the Today page.
  await startApp(page);
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByRole('link', { name: /^Backup and restore/ }).click();
  await page.getByLabel('Backup file').setInputFiles(backupPath);
  await page.getByRole('button', { name: 'Replace my data with this backup' }).click();
  await expect(page.getByText('Your backup has been restored.')).toBeVisible();
  await checkIn(page, 7);
  await expect(page.getByText('Saved: 7 out of 10 for today.')).toBeVisible();

  // Progress links to the Summary.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Progress', exact: true }).click();
  await page.getByRole('link', { name: 'Make a summary for your OT' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Summary for your OT' })).toBeVisible();
  const sheet = page.getByRole('article', { name: 'Summary for J. B.' });
  // Since the last review: from the OT start date, 1 March.
  await expect(page.getByText(/From when you started seeing your OT, 1 March 2026, to today/)).toBeVisible();
  await expect(sheet).toContainText('1 March 2026 to 28 March 2026 (28 days)');
  await expectAccessible(page, 'summary page');

  // Dates the person picks: a bad pair is refused with a message, and no summary is shown.
  await page.getByRole('radio', { name: 'Dates I choose' }).check();
  await page.getByLabel('First day').fill('2026-03-20');
  await page.getByLabel('Last day').fill('2026-03-10');
  await expect(page.getByText('The first date is after the last date. Please swap them.')).toBeVisible();
  await expect(sheet).toHaveCount(0);
  await page.getByRole('radio', { name: 'The last 4 weeks' }).check();
  await expect(sheet).toContainText('1 March 2026 to 28 March 2026 (28 days)');

  // What I want to talk about: kept on the phone.
  const talk = page.getByLabel('Anything you want to raise with your OT');
  await talk.fill('Going back to work full time, & my sleep');
  await talk.blur();
  await expect(page.getByText('Saved on this phone.')).toBeVisible();
  await expect(sheet.getByRole('region', { name: 'What I want to talk about', exact: true })).toContainText('Going back to work full time, & my sleep');

  // The figures, worked by hand.
  const goals = sheet.getByRole('region', { name: 'Goals', exact: true });
  // The person sees plain words: no T-score, no weighted score, no -2..+2 numbers.
  await expect(goals).toContainText('The goal is going better than expected.');
  await expect(goals).not.toContainText('T-score');
  await expect(goals).not.toContainText('+1');
  await expect(goals).toContainText('Steps ticked off in this period: 3.');
  await expect(goals.getByRole('row', { name: /Walk to the shop/ })).toContainText('What I expected on 5 Mar 2026, A bit more than expected on 20 Mar 2026');
  const ratings = sheet.getByRole('region', { name: 'Confidence and self-ratings', exact: true });
  await expect(ratings.getByRole('row', { name: /Confidence check-in/ })).toContainText('+4 points (133% higher)');
  const outcomes = sheet.getByRole('region', { name: 'GP appointments, sick days and fit notes', exact: true });
  await expect(outcomes.getByRole('row', { name: /GP appointments/ })).toContainText('12.1 a month1.1 a month');
  await expect(outcomes.getByRole('row', { name: /Days off sick/ })).toContainText('2');
  const diary = sheet.getByRole('region', { name: 'Activity diary', exact: true });
  await expect(diary).toContainText('108 entries on 27 of the 28 days. Days marked unwell: 2');
  await expect(sheet.getByRole('region', { name: 'Workplace plan and phased return', exact: true })).toContainText('Week 4 of 4 (20 hours over 5 days); 2 of the 4 weeks marked done.');
  await expect(sheet.getByRole('region', { name: 'Home safety', exact: true })).toContainText('Falls self-check on 3 March 2026: 5 of 14 points. With 4 or more points, the check advised talking to the GP or OT about falls.');

  // Usable at 320px wide and with text at 200%: the page itself never scrolls sideways (wide
  // tables scroll inside their own focusable regions).
  await page.setViewportSize({ width: 320, height: 640 });
  await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.evaluate(() => { document.documentElement.style.fontSize = ''; });
  await page.setViewportSize({ width: 360, height: 740 });

  // Leave home safety out: the sheet and the file say so.
  await page.getByRole('checkbox', { name: 'Home safety' }).uncheck();
  await expect(sheet.getByRole('region', { name: 'Home safety', exact: true })).toContainText('Left out of this summary.');
  await page.getByText("See the summary file's text").click();
  // The text is written when the details element's toggle event arrives, a task after the
  // click: wait for it rather than reading at once (a busy machine read it empty).
  const fileText = page.locator('pre.file-text').first();
  await expect(fileText).toContainText('"format":"everyday-summary"');
  const shown = await fileText.innerText();
  expect(shown).not.toContain('"home"');
  await expectAccessible(page, 'summary page with a part left out and the file text');

  // The summary file: exactly the text shown, versioned.
  const file = await download(page, 'Download the summary file');
  expect(file.name).toBe('everyday-summary-2026-03-28.json');
  expect(file.text).toBe(shown);
  const json = JSON.parse(file.text);
  expect([json.format, json.version]).toEqual(['everyday-summary', 1]);
  expect(json.data.goals.t_now).toBe(600);
  expect(json.data.home).toBeUndefined();
  expect(json.data.talk_about).toBe('Going back to work full time, & my sleep');

  // The diary CSV parses back to the same rows.
  const csv = await download(page, 'Download the diary (CSV)');
  expect(csv.name).toBe('everyday-diary-2026-03-01-to-2026-03-28.csv');
  expect(csv.text.charCodeAt(0)).toBe(0xfeff);
  const rows = parseCsv(csv.text.slice(1));
  expect(rows[0][0]).toBe('Date');
  expect(rows.slice(1)).toEqual(expectedRows(backup.data));
  expect(rows.length).toBe(1 + 108 + 1);

  // Print to PDF: A4, no navigation, at most two pages.
  const pdf = await page.pdf({ format: 'A4' });
  const pdfPath = testInfo.outputPath('summary.pdf');
  fs.writeFileSync(pdfPath, pdf);
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) || []).length;
  expect(pages).toBeGreaterThanOrEqual(1);
  expect(pages).toBeLessThanOrEqual(2);

  // The OT, in a fresh browser context on a desktop screen.
  const ot = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London' });
  const offOrigin = [];
  ot.on('request', (r) => {
    if (!r.url().startsWith(new URL(baseURL).origin) && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) offOrigin.push(r.url());
  });
  const otPage = await ot.newPage();
  await otPage.goto('/ot');
  await otPage.getByRole('link', { name: "Open patients' summary files" }).click();
  await expect(otPage.getByRole('heading', { level: 1, name: 'Patient summaries' })).toBeVisible();
  await expectAccessible(otPage, 'OT summaries, empty');

  const damaged = file.text.slice(0, Math.floor(file.text.length / 2));
  const altered = file.text.replace('"level":1', '"level":9');
  const newer = file.text.replace('"version":1', '"version":2');
  await otPage.getByLabel('Choose one or more summary files').setInputFiles([
    { name: 'damaged.json', mimeType: 'application/json', buffer: Buffer.from(damaged) },
    { name: 'jb-summary.json', mimeType: 'application/json', buffer: Buffer.from(file.text) },
    { name: 'altered.json', mimeType: 'application/json', buffer: Buffer.from(altered) },
    { name: 'newer.json', mimeType: 'application/json', buffer: Buffer.from(newer) },
    { name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(backup.text) },
    { name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(1024 * 1024 + 1, 32) },
  ]);
  const messages = otPage.locator('.file-messages li');
  await expect(messages).toHaveCount(6);
  await expect(messages.nth(0)).toContainText('damaged.json: Not opened. This is not an Everyday file');
  await expect(messages.nth(1)).toContainText('jb-summary.json: Opened: summary for J. B., 1 March 2026 to 28 March 2026 (28 days).');
  await expect(messages.nth(2)).toContainText('altered.json: Not opened. This file has a value that is not allowed: The goal level must be between -2 and 2, but it was 9.');
  await expect(messages.nth(3)).toContainText('newer.json: Not opened. This was made by a newer version of Everyday (format version 2).');
  await expect(messages.nth(4)).toContainText('backup.json: Not opened. This is not the right kind of Everyday file (it says it is "everyday-backup").');
  await expect(messages.nth(5)).toContainText('huge.json: Not opened. This file is too big');

  // The same one-page view, and the caseload table with the right figures.
  const otSheet = otPage.getByRole('article', { name: 'Summary for J. B.' });
  // The OT's copy keeps the goal score and the levels as numbers, and says which file it is.
  await expect(otSheet.getByRole('region', { name: 'Goals', exact: true })).toContainText('Goal score (T-score): 60.0 (at the start: 40.0), over 1 goal.');
  await expect(otSheet.getByRole('row', { name: /Walk to the shop/ })).toContainText('0 What I expected on 5 Mar 2026, +1 A bit more than expected on 20 Mar 2026');
  await expect(otPage.locator('.sheet-file')).toHaveText(/^File jb-summary\.json, read on \d+ \w+ \d{4} at \d\d:\d\d\.$/);
  await expect(otSheet.getByRole('region', { name: 'Home safety', exact: true })).toContainText('Left out of this summary.');
  await expect(otSheet.getByRole('region', { name: 'What I want to talk about', exact: true })).toContainText('Going back to work full time, & my sleep');
  const row = otPage.getByRole('table', { name: /One row per person/ }).getByRole('row', { name: /J\. B\./ });
  await expect(row).toContainText('1 Mar 2026 to 28 Mar 2026');
  await expect(row.getByRole('cell')).toHaveText(['1 Mar 2026 to 28 Mar 2026', '60.0 (40.0)', '+4', '–', '2.1', '1.1', '2', '1']);
  await expect(otPage.locator('.totals')).toContainText('Fewer a month since starting: 1 of 1 (100%). Half as many or fewer: 0 of 1 (0%).');
  await expect(otPage.locator('.totals')).toContainText('Average change +4 points. More confident: 1 of 1 (100%).');
  await expect(otPage.locator('.totals')).toContainText('2 days off sick; 1 fit note asked for or received.');
  await expect(otPage.locator('.totals')).not.toContainText('no one with these figures');
  await expectAccessible(otPage, 'OT summaries with a summary open and file messages');

  // A second copy by drag and drop is refused as already open.
  const dataTransfer = await otPage.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
    return dt;
  }, file.text);
  await otPage.locator('.drop-zone').dispatchEvent('drop', { dataTransfer });
  await expect(otPage.locator('.file-messages li')).toHaveText(['dropped.json: Not opened. This summary is already open.']);

  // Nothing is stored on the OT's computer unless asked; keeping survives a reload; clearing
  // removes it.
  const keys = () => otPage.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('everyday-ot/')));
  expect(await otPage.evaluate(() => Object.keys(localStorage))).toEqual([]);
  await otPage.getByRole('button', { name: 'Keep these summaries on this computer' }).click();
  expect(await keys()).toHaveLength(1);
  await otPage.reload();
  await expect(otPage.getByText('1 summary kept on this computer was opened.')).toBeVisible();
  await expect(otPage.getByRole('article', { name: 'Summary for J. B.' })).toBeVisible();
  await otPage.getByRole('button', { name: 'Clear kept summaries from this computer' }).click();
  await expect(otPage.getByText('Cleared: no summaries are kept on this computer.')).toBeVisible();
  expect(await keys()).toEqual([]);
  await otPage.getByRole('button', { name: 'Close the summary for J. B.' }).click();
  await expect(otPage.getByRole('article')).toHaveCount(0);
  await expectAccessible(otPage, 'OT summaries after clearing');
  expect(offOrigin).toEqual([]);
  await ot.close();
});
