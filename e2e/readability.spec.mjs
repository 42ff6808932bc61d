// Plain English on the person's pages (reading age about 9): every patient page is opened, with a
// little data so most of its words show, and the visible text of <main> is split into sentences.
// A sentence over MAX_WORDS words, or a word over MAX_SYLLABLES syllables that is not on the short
// allow-list of words a person needs (like "occupational"), is flagged. Flags already known and
// owned by another page are listed in readability-known.json; anything new fails the test, so a
// new long sentence or long word cannot slip in. The report prints every flag with its page.
import fs from 'node:fs';
import { test, expect } from './fixtures.mjs';
import { startApp } from './helpers.mjs';

const MAX_WORDS = 20;
const MAX_SYLLABLES = 4;
/** Long words a person needs and knows. */
const ALLOWED = new Set([
  'occupational', 'appointments', 'appointment', 'medication', 'information', 'notifications', 'notification',
  'accessibility', 'independently', 'everyday', 'relationships', 'temperature', 'questionnaire',
]);
/** Patient pages: the path and a name for the report. */
const PAGES = [
  '/', '/goals', '/goals/new', '/diary', '/diary/week', '/diary/insights', '/diary/pacing',
  '/checklists', '/checklists/home', '/checklists/home/falls', '/checklists/work', '/checklists/work/covers',
  '/checklists/work/adjustments', '/checklists/work/adjustments/add', '/checklists/work/difficulties', '/progress',
  '/progress/questionnaire', '/progress/work-ability', '/progress/appointments', '/checklists/work/return',
  '/checklists/work/wellness', '/checklists/home/room/bathroom', '/summary', '/settings', '/settings/ot',
  '/settings/diary', '/settings/backup', '/settings/lock', '/plan',
];
const KNOWN = JSON.parse(fs.readFileSync(new URL('./readability-known.json', import.meta.url), 'utf8'));

/** Syllables in an English word, by vowel groups (a common estimate, good enough to flag). */
function syllables(word) {
  let w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (w.length <= 3) return 1;
  w = w
    .replace(/([^aeiouy])e(ment|ly|ful|ness|less)$/, '$1$2')
    .replace(/(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$/, '')
    .replace(/^y/, '');
  const groups = w.match(/[aeiouy]{1,2}/g);
  return groups ? groups.length : 1;
}

/** The flags for one page's text: long sentences and long words. */
function flags(text) {
  const out = [];
  // Lines are separate sentences (headings, labels, buttons); then split on . ! ? and colons.
  for (const line of text.split(/\n+/)) {
    for (const sentence of line.split(/(?<=[.!?:])\s+/)) {
      const words = sentence.match(/[A-Za-z][A-Za-z'’-]*/g) || [];
      if (words.length > MAX_WORDS) out.push(`long sentence (${words.length} words): ${sentence.trim()}`);
      for (const w of words) {
        const bare = w.toLowerCase().replace(/['’].*$/, '');
        if (ALLOWED.has(bare) || /^[A-Z]{2,}$/.test(w)) continue;
        for (const part of bare.split('-')) {
          if (syllables(part) > MAX_SYLLABLES) out.push(`long word: ${part}`);
        }
      }
    }
  }
  return [...new Set(out)];
}

test('the syllable estimate is sensible', () => {
  expect(syllables('walk')).toBe(1);
  expect(syllables('shopping')).toBe(2);
  expect(syllables('morning')).toBe(2);
  expect(syllables('achievement')).toBe(3);
  expect(syllables('occupational')).toBe(5);
  expect(syllables('responsibilities')).toBeGreaterThan(MAX_SYLLABLES);
  expect(flags('A short one. ' + 'word '.repeat(21))).toEqual([`long sentence (21 words): ${'word '.repeat(21).trim()}`]);
});

test('patient pages use short sentences and short words', async ({ page }) => {
  test.setTimeout(120_000);
  const found = {};
  // The welcome, before it is finished.
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Everyday' })).toBeVisible();
  found['/ (welcome)'] = flags(await page.locator('main').innerText());
  await page.getByRole('button', { name: 'Start using Everyday' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  // A goal with a step and a level, and a diary entry, so those pages show their words.
  await page.goto('/goals/new');
  await page.getByLabel('What I want to do', { exact: true }).fill('Walk to the shop');
  for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('button', { name: 'Save this goal' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your goal' })).toBeVisible();
  const goalPath = new URL(page.url()).pathname;
  await page.getByLabel('What is the step?').fill('Walk to the gate');
  await page.getByRole('button', { name: 'Add this step' }).click();
  await page.getByRole('radio', { name: /^What I expected/ }).check();
  await page.getByRole('button', { name: 'Save how it is going' }).click();
  await page.goto('/diary');
  await page.locator('form.entry-form .quick-pick').first().click();
  await page.getByRole('button', { name: 'Save activity' }).click();
  await expect(page.getByText(/^Saved: /)).toBeVisible();

  for (const path of [...PAGES, goalPath]) {
    await page.goto(path);
    await page.locator('main h1').first().waitFor();
    await page.waitForTimeout(150);
    found[path === goalPath ? '/goals/(a goal)' : path] = flags(await page.locator('main').innerText());
  }
  const report = [];
  const fresh = [];
  for (const [path, list] of Object.entries(found)) {
    for (const f of list) {
      const known = (KNOWN[path] || []).includes(f);
      report.push(`${known ? 'known' : 'NEW  '} ${path}: ${f}`);
      if (!known) fresh.push(`${path}: ${f}`);
    }
  }
  console.log(`readability: ${report.length} flags on ${Object.keys(found).length} pages\n${report.join('\n')}`);
  expect(fresh, 'new long sentences or words on patient pages').toEqual([]);
});
