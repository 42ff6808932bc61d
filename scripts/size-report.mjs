// Download-size report for the built app, measured in headless Chromium: for each visit (Today
// at '/', the employer's page from a link, and deep links), everything the page fetched until it
// could be used (its heading or text shown), raw, gzip -9 and brotli -q 11, against the budgets.
// The service worker is blocked while counting: it fetches the rest of the app only after the
// first screen is usable, and the total of everything it keeps is printed as well.
//
//   node scripts/size-report.mjs [dir] [--enforce]
//
// Serves [dir] (default dist) with scripts/server.mjs on 127.0.0.1:$SIZE_PORT (default $E2E_PORT + 26).
// Exit code 0 either way, unless --enforce is given: then 1 when a visit is over its budget.

import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { employerLink } from './sample-link.mjs';

const KB = 1024;
const args = process.argv.slice(2);
const enforce = args.includes('--enforce');
const dir = path.resolve(args.find((a) => !a.startsWith('--')) || 'dist');
if (!existsSync(path.join(dir, 'index.html'))) {
  console.error(`size-report: ${dir}/index.html not found; build first (bash scripts/build.sh)`);
  process.exit(2);
}
const port = Number(process.env.SIZE_PORT || Number(process.env.E2E_PORT || 4173) + 26);
const origin = `http://127.0.0.1:${port}`;

// What each visit waits for (drawn by the app, not index.html's static welcome), its budget in
// brotli bytes (null: reported, not budgeted).
const VISITS = [
  // Not met yet: 340.5 KB on 2026-12-02, 258.5 KB on 2026-12-03 (the issue lists the next cuts).
  { name: 'first visit to Today (/)', url: '/', ready: { role: 'button', name: 'Start using Everyday' }, budget: 200 * KB },
  // The same visit on to Today's own page (its part comes after the welcome is usable).
  { name: 'first visit, then "Start using Everyday"', url: '/', ready: { role: 'button', name: 'Start using Everyday' }, then: { role: 'button', name: 'Start using Everyday' }, ready2: { role: 'heading', level: 1, name: 'Today' }, budget: null },
  { name: "employer's page from a link", url: employerLink(), ready: { text: 'Workplace plan from Alex' }, budget: 150 * KB },
  { name: 'deep link /diary/week', url: '/diary/week', ready: { role: 'heading', level: 1 }, budget: null },
  { name: 'deep link /ot', url: '/ot', ready: { role: 'heading', level: 1 }, budget: null },
];

const sizes = new Map();
function sizeOf(rel) {
  if (!sizes.has(rel)) {
    const data = readFileSync(path.join(dir, rel));
    sizes.set(rel, {
      raw: data.length,
      gzip: gzipSync(data, { level: 9 }).length,
      brotli: brotliCompressSync(data, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
      }).length,
    });
  }
  return sizes.get(rel);
}

/** The file in dir a request of the page was answered with (index.html for a page load). */
function fileFor(url, isNavigation) {
  if (isNavigation) return 'index.html';
  const rel = decodeURIComponent(new URL(url).pathname.slice(1));
  return existsSync(path.join(dir, rel)) && rel !== '' ? rel : null;
}

const kb = (n) => `${(n / KB).toFixed(1)} KB`;
const sum = (rows) => rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
function table(rows) {
  const width = Math.max(5, ...rows.map((r) => r.name.length));
  const cell = (n) => `${n.toLocaleString('en-GB')} B (${kb(n)})`.padStart(22);
  for (const r of rows) console.log(`  ${r.name.padEnd(width)}  ${cell(r.raw)}  ${cell(r.gzip)}  ${cell(r.brotli)}`);
  const t = sum(rows);
  console.log(`  ${'total'.padEnd(width)}  ${cell(t.raw)}  ${cell(t.gzip)}  ${cell(t.brotli)}`);
  return t;
}

const server = spawn(process.execPath, ['scripts/server.mjs', dir, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((resolve, reject) => {
  server.stdout.on('data', (chunk) => String(chunk).includes('running at') && resolve());
  server.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
});

let over = 0;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  console.log(`Download size of ${path.relative(process.cwd(), dir) || '.'}: what each visit fetches before it can be used (raw, gzip -9, brotli -q 11)`);
  for (const visit of VISITS) {
    const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const fetched = [];
    const unknown = [];
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(origin)) return;
      const rel = fileFor(url, request.isNavigationRequest());
      if (rel === null) unknown.push(url);
      else if (!fetched.includes(rel)) fetched.push(rel);
    });
    await page.goto(`${origin}${visit.url}`);
    const ready = visit.ready.text
      ? page.getByText(visit.ready.text).first()
      : page.getByRole(visit.ready.role, {
        ...(visit.ready.role === 'heading' ? { level: visit.ready.level || 1 } : {}),
        ...(visit.ready.name ? { name: visit.ready.name } : {}),
      }).first();
    await ready.waitFor({ state: 'visible', timeout: 30_000 });
    if (visit.then) {
      await page.getByRole(visit.then.role, { name: visit.then.name }).click();
      await page.getByRole(visit.ready2.role, { level: visit.ready2.level, name: visit.ready2.name, exact: true }).waitFor({ state: 'visible', timeout: 30_000 });
    }
    const seen = [...fetched];
    await context.close();
    if (unknown.length) throw new Error(`${visit.url}: requests for files not in ${dir}: ${unknown.join(', ')}`);
    console.log(`\n${visit.name}: ${visit.url.length > 60 ? `${visit.url.slice(0, 60)}…` : visit.url} (${seen.length} files)`);
    const total = table(seen.map((name) => ({ name, ...sizeOf(name) })));
    if (visit.budget !== null) {
      const isOver = total.brotli > visit.budget;
      if (isOver) over += 1;
      console.log(
        `  brotli ${kb(total.brotli)} against a budget of ${kb(visit.budget)}: ` +
          `${((100 * total.brotli) / visit.budget).toFixed(0)}%, ${isOver ? 'OVER budget' : 'within budget'}`,
      );
    }
  }
} finally {
  await browser.close();
  server.kill();
}

// Everything the service worker keeps for offline use (after the first screen is usable).
const sw = readFileSync(path.join(dir, 'sw.js'), 'utf8').match(/const PRECACHE = (\[[^\]]*\])/);
if (sw) {
  const files = JSON.parse(sw[1]).map((u) => (u === '/' ? 'index.html' : decodeURIComponent(u.slice(1))));
  const all = sum(files.map((f) => sizeOf(f)));
  console.log(`\nThe whole app as the service worker keeps it (${files.length} files): raw ${kb(all.raw)}, gzip ${kb(all.gzip)}, brotli ${kb(all.brotli)}`);
}
const parts = readdirSync(dir).filter((f) => /\.wasm$/.test(f));
console.log(`WebAssembly files: ${parts.length}`);

if (over && enforce) {
  console.error(`size-report: ${over} visit(s) over budget`);
  process.exit(1);
}
