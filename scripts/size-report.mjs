// Download-size report for the built app: every file in dist (the service worker precaches
// all of them, so a first visit downloads everything), raw, gzip -9 and brotli -q 11.
//
//   node scripts/size-report.mjs [dir] [--enforce]
//
// The brotli total is compared with a 200 KB budget. Exit code 0 either way, unless
// --enforce is given: then 1 when over budget.

import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const BUDGET_BYTES = 200 * 1024;

const args = process.argv.slice(2);
const enforce = args.includes('--enforce');
const dir = path.resolve(args.find((a) => !a.startsWith('--')) || 'dist');
if (!existsSync(path.join(dir, 'index.html'))) {
  console.error(`size-report: ${dir}/index.html not found; build first (bash scripts/build.sh)`);
  process.exit(2);
}

function listFiles(d, prefix = '') {
  const out = [];
  for (const entry of readdirSync(d, { withFileTypes: true })) {
    // Hidden entries are not served (dist/.stage is what a failed trunk build leaves behind).
    if (entry.name.startsWith('.')) continue;
    // The precompressed copies (scripts/postbuild.mjs) are other encodings of the same files.
    if (/\.(br|gz)$/.test(entry.name)) continue;
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(path.join(d, entry.name), rel));
    else if (entry.isFile()) out.push(rel);
  }
  return out.sort();
}

// What a first visit downloads: index.html (at '/'), what the service worker precaches (its
// PRECACHE list, which includes everything index.html loads), and the worker itself. Other
// files in dist (large install icons, robots.txt) are fetched only when asked for.
function firstVisitFiles() {
  const all = listFiles(dir);
  const swPath = path.join(dir, 'sw.js');
  if (!existsSync(swPath)) return all;
  const match = readFileSync(swPath, 'utf8').match(/const PRECACHE = (\[[^\]]*\])/);
  if (!match) {
    console.error('size-report: no PRECACHE list found in sw.js');
    process.exit(2);
  }
  const listed = new Set(JSON.parse(match[1]).map((u) => (u === '/' ? 'index.html' : decodeURIComponent(u.slice(1)))));
  listed.add('index.html');
  listed.add('sw.js');
  const left = all.filter((f) => !listed.has(f));
  if (left.length) console.log(`Not downloaded on a first visit (install-only): ${left.join(', ')}\n`);
  return all.filter((f) => listed.has(f));
}

const rows = firstVisitFiles().map((name) => {
  const data = readFileSync(path.join(dir, name));
  return {
    name,
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }).length,
  };
});
rows.sort((a, b) => b.raw - a.raw || a.name.localeCompare(b.name));

const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), {
  raw: 0,
  gzip: 0,
  brotli: 0,
});

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const nameWidth = Math.max(4, 'total'.length, ...rows.map((r) => r.name.length));
const cols = ['raw', 'gzip', 'brotli'];
const colWidth = 22;
const cell = (n) => `${n.toLocaleString('en-GB')} B (${kb(n)})`.padStart(colWidth);
const line = (name, r) => `${name.padEnd(nameWidth)}  ${cols.map((c) => cell(r[c])).join('  ')}`;

console.log(`Download size of ${path.relative(process.cwd(), dir) || '.'} (${rows.length} files)`);
console.log(`${'file'.padEnd(nameWidth)}  ${cols.map((c) => c.padStart(colWidth)).join('  ')}`);
console.log('-'.repeat(nameWidth + 2 + cols.length * (colWidth + 2) - 2));
for (const r of rows) console.log(line(r.name, r));
console.log('-'.repeat(nameWidth + 2 + cols.length * (colWidth + 2) - 2));
console.log(line('total', total));

const over = total.brotli > BUDGET_BYTES;
const pct = ((100 * total.brotli) / BUDGET_BYTES).toFixed(0);
console.log(
  `brotli total ${total.brotli.toLocaleString('en-GB')} B (${kb(total.brotli)}) against a budget of ` +
    `${BUDGET_BYTES.toLocaleString('en-GB')} B (${kb(BUDGET_BYTES)}): ${pct}%, ${over ? 'OVER budget' : 'within budget'}`,
);
if (over && enforce) process.exit(1);
