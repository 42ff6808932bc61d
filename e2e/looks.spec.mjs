// What a person sees, on every page: at 320 px wide with the text at 200% (the phone's largest
// text setting, simulated through the root font size) and at 390 px with normal text, with a
// month of data loaded (restored from a backup, as someone moving to a new phone would), every
// page of src/routes/paths.rs is checked for:
//   words    - no word is broken across lines (each word of letters only, as a DOM Range, has
//              all its boxes on one line; tokens with digits, / @ . # - or over 25 letters are
//              skipped, as addresses and codes may wrap);
//   clipped  - nothing cut off (no element with overflow hidden/clip whose content is wider or
//              taller than it, no control or label whose text spills out of its box, no date
//              field too narrow for its date), and no sideways scrolling of the page;
//   targets  - every visible control (button, link not inside running text, input, select,
//              summary, role=button) at least 44 by 44 px; a checkbox or radio with its label;
//   axe      - no accessibility violations.
// Every failure is printed as "page @ size: check: what". The test fails for any failure on a
// page that is not in KNOWN_FAILING, and for a page in KNOWN_FAILING that now passes (so the
// list only shrinks). Then: a message that follows an action is on the screen and not under the
// bottom navigation.
import { test, expect, expectAccessible } from './fixtures.mjs';
import { startApp } from './helpers.mjs';

/**
 * Pages that fail today, each with the reason; whoever fixes a page removes its line. The
 * size is '320/200%' or '390/100%'. A page is listed per size; all its checks are allowed to
 * fail while it is listed (the printed list says which).
 */
const KNOWN_FAILING = [];

const SIZES = [
  { name: '320/200%', width: 320, height: 640, font: '200%' },
  { name: '390/100%', width: 390, height: 844, font: '' },
];

const TODAY = new Date('2026-03-28T12:00:00Z');

/** A month of everyday data: a goal with steps and records, a diary, checklists, ratings. */
function backup() {
  const diary = [];
  let id = 1000;
  const activities = [['Shower and get dressed', 'self_care'], ['Hoover the living room, then rest', 'productivity'],
    ['Walk to the park with my neighbour', 'leisure'], ['Lie down after lunch', 'rest']];
  for (let day = 1; day <= 28; day++) {
    const date = `2026-03-${String(day).padStart(2, '0')}`;
    activities.forEach(([what, area], slot) => {
      const entry = { id: id++, date, time: `${String(8 + slot * 3).padStart(2, '0')}:15:00`, minutes: 20 + 10 * slot, area, what };
      if (slot === 1 && day % 3 === 0) entry.note = 'Needed a break halfway, then finished';
      if (slot === 2) entry.ratings = { mood: 4 + (day % 5), enjoyment: 6, effort: 5, pain: 3 };
      diary.push(entry);
    });
  }
  const data = {
    settings: { welcome_done: true, name: 'J. B.', ot_start: '2026-03-01' },
    goals: [{
      id: 1, activity: 'Walk to the corner shop', support: 'with my stick', amount: 'three times a week', by_when: '2026-05-01',
      baseline: -1, status: 'active', created: '2026-02-01',
      tasks: [{ id: 10, title: 'Practise the walk to the postbox', frequency: 'daily', done: [{ date: '2026-03-26' }, { date: '2026-03-27' }] }],
      progress: [{ date: '2026-02-20', level: -1 }, { date: '2026-03-05', level: 0, note: 'Managed it twice with a rest' }, { date: '2026-03-20', level: 1 }],
    }],
    diary,
    day_marks: [{ date: '2026-03-10', kind: 'unwell' }],
    workplace: {
      items: [
        { id: 50, kind: 'altered_hours', text: 'Start at 10am on weekdays', status: 'agreed', owner: 'employer' },
        { id: 51, kind: 'workplace_adaptations', text: 'A sit-stand desk by the window', status: 'in_place', owner: 'employer' },
      ],
      phased_return: [
        { starts: '2026-03-16', hours: 16, days: 4, done: true },
        { starts: '2026-03-23', hours: 20, days: 5 },
      ],
    },
    home_safety: {
      hazards: [{ id: 60, room: 'kitchen', hazard: 'Trailing flex', fix: 'Shorten it', applies: true, actions: [{ date: '2026-03-08', what: 'Clipped it to the wall' }] }],
      falls_checks: [{ date: '2026-03-03', answers: [true, false, true, true, true, false] }],
    },
    ratings: { confidence: [{ date: '2026-01-10', score: 3 }, { date: '2026-03-02', score: 5 }] },
    outcomes: [
      { id: 30, date: '2026-03-10', kind: 'gp_appointment', reason: 'Back pain' },
      { id: 31, date: '2026-03-11', kind: 'sick_day' },
    ],
    next_id: 2000,
  };
  return JSON.stringify({ format: 'everyday-backup', version: 1, saved_at: '2026-03-28T10:00:00', data });
}

/**
 * The phone's text size: the root font size on every page opened from now on, set through the
 * CSS object model (the Content-Security-Policy blocks inline styles) once the document has
 * its root element.
 */
async function largeText(page, size) {
  if (!size.font) return;
  await page.addInitScript((font) => {
    const apply = () => { if (document.documentElement) document.documentElement.style.fontSize = font; };
    apply();
    document.addEventListener('DOMContentLoaded', apply);
  }, size.font);
}

/** The root font size in px now, to be sure the text size really is what the test says. */
const rootFont = (page) => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));

/** Every page: the paths of src/routes/paths.rs, a goal, a room, and the employer's page. */
const PAGES = [
  '/', '/goals', '/goals/new', '/goals/1', '/goals/1/change',
  '/diary', '/diary/week', '/diary/insights', '/diary/pacing',
  '/checklists', '/checklists/work', '/checklists/work/covers', '/checklists/work/adjustments',
  '/checklists/work/adjustments/add', '/checklists/work/difficulties', '/checklists/work/return', '/checklists/work/wellness', '/checklists/work/share',
  '/checklists/work/share/link', '/checklists/home', '/checklists/home/falls', '/checklists/home/room/bathroom', '/checklists/home/room/kitchen',
  '/progress', '/progress/questionnaire', '/progress/work-ability', '/progress/appointments',
  '/settings', '/settings/ot', '/settings/diary', '/settings/backup', '/settings/lock', '/summary', '/plan',
  '/ot', '/ot/plan', '/ot/summaries',
  '/employer', 'EMPLOYER_LINK',
];

/** Load the data through Settings > Restore. */
async function loadData(page) {
  await page.goto('/settings/backup');
  await page.getByLabel('Backup file').setInputFiles({ name: 'month.json', mimeType: 'application/json', buffer: Buffer.from(backup()) });
  await page.getByRole('button', { name: 'Replace my data with this backup' }).click();
  await expect(page.getByText('Your backup has been restored.')).toBeVisible();
}

/** A link to the employer's page, made on the share page. */
async function employerLink(page) {
  await page.goto('/checklists/work/share/link');
  await page.getByRole('button', { name: 'Make the link' }).click();
  const link = await page.getByRole('textbox', { name: 'The link' }).inputValue();
  return new URL(link).pathname + new URL(link).hash;
}

/** The three looks checks, run in the page; returns a list of "check: what" strings. */
function inspect() {
  const out = [];
  const describe = (el) => {
    const text = (el.getAttribute('aria-label') || el.innerText || el.value || '').trim().replace(/\s+/g, ' ').slice(0, 50);
    const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
    return `<${el.tagName.toLowerCase()}${cls}>${text ? ` "${text}"` : ''}`;
  };
  // Not seen: not drawn, off the screen to the left (skip links), invisible, or inside a box
  // hidden for screen readers only (1 px, clipped: .visually-hidden, a stacked table's heads).
  const tiny = (e) => { const r = e.getBoundingClientRect(); return r.width <= 2 || r.height <= 2; };
  const hiddenAway = (el) => {
    const r = el.getBoundingClientRect();
    if (tiny(el) || r.right <= 0) return true;
    const cs = getComputedStyle(el);
    if (cs.visibility === 'hidden' || (Number(cs.opacity) === 0 && !el.matches('input'))) return true;
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      if (tiny(a) && getComputedStyle(a).overflow !== 'visible') return true;
    }
    return false;
  };

  // words
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = new Set();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest('script, style, svg, noscript, [hidden]') || hiddenAway(parent)) continue;
    const re = /\S+/g;
    let m;
    while ((m = re.exec(node.data))) {
      const token = m[0];
      if (/[0-9/@#-]/.test(token) || /\.\S/.test(token)) continue;
      const lead = token.match(/^[("'“‘[]*/)[0].length;
      const word = token.slice(lead).replace(/[)"'”’\].,:;!?…]+$/, '');
      if (word.length < 2 || word.length > 25 || !/^[A-Za-zÀ-ÿ'’]+$/.test(word)) continue;
      const range = document.createRange();
      range.setStart(node, m.index + lead);
      range.setEnd(node, m.index + lead + word.length);
      const tops = [...range.getClientRects()].filter((r) => r.width > 0).map((r) => r.top);
      if (tops.length > 1 && Math.max(...tops) - Math.min(...tops) > 2) {
        const key = `${word} in ${describe(parent)}`;
        if (!seen.has(key)) { seen.add(key); out.push(`words: "${word}" is broken across lines in ${describe(parent)}`); }
      }
    }
  }

  // clipped
  const doc = document.documentElement;
  if (doc.scrollWidth > doc.clientWidth + 1) out.push(`clipped: the page scrolls sideways (${doc.scrollWidth} px wide in ${doc.clientWidth})`);
  for (const el of document.body.querySelectorAll('*')) {
    if (el.closest('svg') || hiddenAway(el)) continue;
    const cs = getComputedStyle(el);
    const clips = (v) => v === 'hidden' || v === 'clip';
    const isText = el.matches('input:not([type=date]):not([type=time]), textarea, select');
    if (isText) continue;
    const wide = el.scrollWidth > el.clientWidth + 1;
    const tall = el.scrollHeight > el.clientHeight + 1;
    if ((clips(cs.overflowX) && wide) || (clips(cs.overflowY) && tall)) {
      out.push(`clipped: ${describe(el)} cuts off its content (${el.scrollWidth}x${el.scrollHeight} in ${el.clientWidth}x${el.clientHeight})`);
    } else if (wide && el.matches('button, .button, label, summary, a, input[type=date], input[type=time], .nav-item, th, td, legend, h1, h2, h3, p, li')) {
      out.push(`clipped: the text of ${describe(el)} spills out of its box (${el.scrollWidth} px in ${el.clientWidth})`);
    } else if (el.getBoundingClientRect().right > doc.clientWidth + 1 && cs.position !== 'fixed') {
      // Only the outermost: its children are the same problem.
      if (!el.parentElement || el.parentElement.getBoundingClientRect().right <= doc.clientWidth + 1) {
        out.push(`clipped: ${describe(el)} runs off the right of the screen`);
      }
    }
  }

  // targets
  const controls = 'button, a[href], input:not([type=hidden]), select, textarea, summary, [role=button]';
  for (const el of document.body.querySelectorAll(controls)) {
    if (el.closest('[hidden]')) continue;
    let r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue; // not drawn (a closed <details>)
    if (r.right <= 0 || (r.width <= 2 && r.height <= 2)) continue; // off screen or visually hidden (skip links)
    if (el.matches('a')) {
      // A link inside running text is exempt (WCAG 2.5.8).
      const cs = getComputedStyle(el);
      const block = el.parentElement;
      if (cs.display === 'inline' && block && block.textContent.trim() !== el.textContent.trim()) continue;
    }
    let width = r.width;
    let height = r.height;
    if (el.matches('input[type=checkbox], input[type=radio]')) {
      for (const label of el.labels || []) {
        const lr = label.getBoundingClientRect();
        width = Math.max(width, lr.width);
        height = Math.max(height, lr.height);
      }
      const box = el.closest('.choice, .check, .rating-option, .m-choice, .d-check, .s-check, label');
      if (box) {
        const br = box.getBoundingClientRect();
        width = Math.max(width, br.width);
        height = Math.max(height, br.height);
      }
    }
    if (width < 43.5 || height < 43.5) out.push(`targets: ${describe(el)} is ${Math.round(width)}x${Math.round(height)} px`);
  }
  return out;
}

for (const size of SIZES) {
  test(`every page at ${size.name}: no broken word, nothing clipped, 44 px targets, axe`, async ({ page }) => {
    test.setTimeout(600_000);
    await page.clock.setFixedTime(TODAY);
    await page.setViewportSize({ width: size.width, height: size.height });
    await startApp(page);
    await loadData(page);
    const link = await employerLink(page);
    await largeText(page, size);
    const report = new Map();
    for (const p of PAGES) {
      const path = p === 'EMPLOYER_LINK' ? link : p;
      const name = p === 'EMPLOYER_LINK' ? '/employer#(a link)' : p;
      await page.goto(path);
      await expect(page.locator('main h1').first()).toBeVisible();
      expect(await rootFont(page), `the root font size on ${name}`).toBe(size.font ? 32 : 16);
      await page.evaluate(() => document.fonts.ready);
      await page.waitForTimeout(150);
      const found = await page.evaluate(inspect);
      try {
        await expectAccessible(page, `${name} at ${size.name}`);
      } catch (e) {
        // The rule lines ("  color-contrast (serious): ...") and the elements ("    - .x").
        const text = String(e.message).replace(/\x1b\[[0-9;]*m/g, '');
        const rules = text.split('\n').filter((l) => /^ {2}[a-z0-9-]+ \(/.test(l) || /^ {4}- /.test(l)).slice(0, 8);
        found.push(`axe: ${rules.map((l) => l.trim()).join(' | ') || text.split('\n')[0]}`);
      }
      if (found.length) report.set(name, found);
    }
    const known = new Map(KNOWN_FAILING.filter((k) => k.size === size.name).map((k) => [k.page, k.reason]));
    const lines = [];
    for (const [name, found] of report) {
      lines.push(`${name} @ ${size.name}${known.has(name) ? ' (known: ' + known.get(name) + ')' : ''}`);
      for (const f of found) lines.push(`    ${f}`);
    }
    console.log(`\nLooks at ${size.name}: ${report.size} of ${PAGES.length} pages with failures\n${lines.join('\n')}\n`);
    await test.info().attach(`looks-${size.width}.txt`, { body: lines.join('\n') || 'no failures', contentType: 'text/plain' });
    const unexpected = [...report.keys()].filter((n) => !known.has(n));
    const nowPassing = [...known.keys()].filter((n) => !report.has(n));
    expect(unexpected, `pages failing at ${size.name} that are not in KNOWN_FAILING:\n${lines.join('\n')}`).toEqual([]);
    expect(nowPassing, `pages in KNOWN_FAILING that now pass at ${size.name}: take them off the list`).toEqual([]);
  });
}

/** The box of `locator`, and whether it is on the screen and clear of the bottom navigation. */
async function inSight(page, locator) {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const nav = document.querySelector('.bottom-nav')?.getBoundingClientRect();
    const covered = nav && nav.height > 0 && r.bottom > nav.top && r.top < nav.bottom;
    return { onScreen: r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0, covered: !!covered };
  });
}

/**
 * Scroll so the bottom of `locator` sits just above the bottom navigation (or the bottom of the
 * screen when the navigation is not on it), as when a person has just scrolled down to a
 * button: a message that appears below it would be under the bar unless the app shows it.
 */
async function scrollToJustAboveBar(page, locator) {
  await locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const nav = document.querySelector('.bottom-nav')?.getBoundingClientRect();
    const floor = nav && nav.top < window.innerHeight && nav.top > 0 ? nav.top : window.innerHeight;
    window.scrollBy(0, r.bottom - (floor - 4));
  });
}

for (const size of SIZES) {
  test(`a message after an action is in sight and not under the navigation at ${size.name}`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: size.width, height: size.height });
    await largeText(page, size);
    await startApp(page);

    // Saving a name in Settings.
    await page.goto('/settings');
    expect(await rootFont(page)).toBe(size.font ? 32 : 16);
    await page.getByLabel('Name or initials for your summary').fill('Sam');
    await scrollToJustAboveBar(page, page.getByRole('button', { name: 'Save name' }));
    await page.getByRole('button', { name: 'Save name' }).click();
    const saved = page.locator('.form-message', { hasText: 'Saved.' });
    await expect(saved).toBeVisible();
    await expect.poll(() => inSight(page, saved)).toEqual({ onScreen: true, covered: false });

    // Adding to the home-safety log, at the foot of a long room page.
    await page.goto('/checklists/home/room/living-room');
    const rugs = page.getByRole('checkbox', { name: 'There are loose rugs or mats' });
    await rugs.check();
    const line = page.locator('li.hazard', { has: rugs });
    await line.getByRole('textbox', { name: 'What was done' }).fill('My son taped the rug down');
    await scrollToJustAboveBar(page, line.getByRole('button', { name: 'Add to the log' }));
    await line.getByRole('button', { name: 'Add to the log' }).click();
    const added = line.getByText('Added to the log.');
    await expect(added).toBeVisible();
    await expect.poll(() => inSight(page, added)).toEqual({ onScreen: true, covered: false });
  });
}

test('an error shows the GOV.UK error summary, takes the focus, and links to the field', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await largeText(page, SIZES[0]);
  await startApp(page);
  await page.goto('/settings');
  // A name over the limit is refused by the app (the field allows 80 characters; past that
  // the app's own check speaks).
  await page.getByLabel('Name or initials for your summary').evaluate((el) => el.removeAttribute('maxlength'));
  await page.getByLabel('Name or initials for your summary').fill('x'.repeat(200));
  await page.getByRole('button', { name: 'Save name' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeFocused();
  const field = page.getByLabel('Name or initials for your summary');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await summary.getByRole('link').click();
  await expect(field).toBeFocused();
  await expectAccessible(page, 'settings with an error');
});
