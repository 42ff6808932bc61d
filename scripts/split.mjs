// Cuts the app's WebAssembly into a main part and a part per section, binds it for the browser,
// names every file after its content and loads the main part from index.html.
//
//   node scripts/split.mjs <app.wasm> <site dir> <employer.wasm>
//
// <app.wasm> is cargo's release build of the `everyday` binary (linked with --emit-relocs, see
// build.rs); <site dir> is trunk's output (index.html, the stylesheets, public/);
// <employer.wasm> is the `employer` binary (src/bin/employer.rs), the employer's page alone. Run by
// scripts/build.sh before scripts/postbuild.mjs, which then adds the CSP, the service worker
// (with every part in its precache list) and the compressed copies.
//
//  1. wasm-split-cli (crate wasm_split_cli_support, installed by scripts/setup.sh) cuts the file
//     at the `#[wasm_split]` functions of src/routes/lazy.rs: everyday.wasm (the shell and
//     Today), split_<section>.wasm, chunk_<n>.wasm (code shared by some sections only) and the
//     loader __wasm_split.js.
//  2. wasm-bindgen --keep-lld-exports binds the main part (the loader needs the exports it
//     would otherwise remove).
//  3. Every file gets its content hash in its name, and the names in the JavaScript that loads
//     them are rewritten, so a page of one build can never load a part of another build (an old
//     part is simply not there: the page says so and offers a reload).
//  4. The employer's page (its own program, not split) is bound and named the same way.
//  5. index.html gets a small script that chooses by the address: the employer's page at
//     /employer, the app anywhere else. It preloads that program's files (and a deep link's
//     section part with the app's), starts it, and turns the loading screen into a plain
//     message with a Reload button if it cannot be downloaded.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';

const NAME = 'everyday';

function fail(message) {
  console.error(`split: error: ${message}`);
  process.exit(1);
}
function log(message) {
  console.log(`split: ${message}`);
}
const hash16 = (...parts) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex').slice(0, 16);
};
const replaceExactlyOnce = (text, from, to, where) => {
  const count = text.split(from).length - 1;
  if (count !== 1) fail(`expected ${JSON.stringify(from)} exactly once in ${where}, found ${count}`);
  return text.replace(from, to);
};

const [input, site, employerInput] = process.argv.slice(2);
if (!input || !site || !employerInput) fail('usage: node scripts/split.mjs <app.wasm> <site dir> <employer.wasm>');
for (const f of [input, employerInput]) if (!existsSync(f)) fail(`${f} not found (did cargo build the release wasm?)`);
const htmlPath = path.join(site, 'index.html');
if (!existsSync(htmlPath)) fail(`${htmlPath} not found (did trunk build the site?)`);

let publicUrl = process.env.TRUNK_PUBLIC_URL || '/';
if (!publicUrl.endsWith('/')) publicUrl += '/';

const work = path.join(path.dirname(input), 'split');
rmSync(work, { recursive: true, force: true });
const cut = path.join(work, 'cut');
const bound = path.join(work, 'bound');
mkdirSync(cut, { recursive: true });
mkdirSync(bound, { recursive: true });

// --- 1. Cut ---------------------------------------------------------------------------------
execFileSync('wasm-split-cli', [input, cut, '--target', 'web', '--out-name', NAME], { stdio: 'inherit' });
const cutFiles = readdirSync(cut).sort();
const linkName = '__wasm_split.js';
if (!cutFiles.includes(`${NAME}.wasm`)) fail(`wasm-split-cli wrote no ${NAME}.wasm`);
if (!cutFiles.includes(linkName)) fail(`wasm-split-cli wrote no ${linkName}`);
const parts = cutFiles.filter((f) => f.endsWith('.wasm') && f !== `${NAME}.wasm`);
if (!parts.some((f) => f.startsWith('split_'))) fail('no section part was cut out: are the routes lazy (src/routes/lazy.rs)?');
const unexpected = cutFiles.filter((f) => f !== linkName && !f.endsWith('.wasm'));
if (unexpected.length) fail(`unexpected files from wasm-split-cli: ${unexpected.join(', ')}`);

// --- 2. Bind the main part ----------------------------------------------------------------------
execFileSync(
  'wasm-bindgen',
  [path.join(cut, `${NAME}.wasm`), '--out-dir', bound, '--out-name', NAME, '--target', 'web', '--no-typescript', '--keep-lld-exports'],
  { stdio: 'inherit' },
);
const mainJsPath = path.join(bound, `${NAME}.js`);
const mainWasmPath = path.join(bound, `${NAME}_bg.wasm`);
for (const f of [mainJsPath, mainWasmPath]) if (!existsSync(f)) fail(`wasm-bindgen wrote no ${f}`);

// --- 3. Content-hashed names ---------------------------------------------------------------------
const out = new Map(); // file name in the site -> contents
let loader = readFileSync(path.join(cut, linkName), 'utf8');
for (const part of parts) {
  const data = readFileSync(path.join(cut, part));
  const stem = part.replace(/\.wasm$/, '').replace(/_/g, '-');
  const name = `${NAME}-${stem}-${hash16(data)}.wasm`;
  loader = replaceExactlyOnce(loader, `"./${part}"`, `"./${name}"`, linkName);
  out.set(name, data);
}
const mainWasm = readFileSync(mainWasmPath);
const mainWasmName = `${NAME}-${hash16(mainWasm)}_bg.wasm`;
out.set(mainWasmName, mainWasm);

// The main JavaScript imports the loader, and the loader imports the main JavaScript: both take
// one hash of both texts (with the names left out) and of the main part they load.
let mainJs = readFileSync(mainJsPath, 'utf8');
const loaderRef = `"./${linkName}"`;
const mainRef = `"./${NAME}.js"`;
if (!mainJs.includes(loaderRef)) fail(`${NAME}.js does not import ${loaderRef}`);
if (!loader.includes(mainRef)) fail(`${linkName} does not import ${mainRef}`);
const jsHash = hash16(mainJs, loader, mainWasm);
const mainJsName = `${NAME}-${jsHash}.js`;
const loaderName = `${NAME}-split-${jsHash}.js`;
// Only the import statements: the imports object keeps the module name the wasm asks for.
const importRe = new RegExp(`^(import \\* as \\w+ from )${loaderRef.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'gm');
const imports = mainJs.match(importRe)?.length || 0;
if (imports === 0) fail(`no import statement of ${loaderRef} in ${NAME}.js`);
mainJs = mainJs.replace(importRe, `$1"./${loaderName}"`);
loader = replaceExactlyOnce(loader, mainRef, `"./${mainJsName}"`, linkName);
out.set(mainJsName, mainJs);
out.set(loaderName, loader);

// --- 4. The employer's page -------------------------------------------------------------------
// Built without the app's route table (cargo feature "app", see scripts/build.sh): a
// `#[wasm_split]` export left in it would keep that section's code in the employer's page.
const leftover = WebAssembly.Module.exports(new WebAssembly.Module(readFileSync(employerInput)))
  .map((e) => e.name)
  .filter((n) => n.startsWith('__wasm_split_'));
if (leftover.length) fail(`the employer's page carries the app's sections (${leftover[0]}): build it with --no-default-features`);
const boundEmployer = path.join(work, 'employer');
mkdirSync(boundEmployer, { recursive: true });
execFileSync(
  'wasm-bindgen',
  [employerInput, '--out-dir', boundEmployer, '--out-name', 'employer', '--target', 'web', '--no-typescript'],
  { stdio: 'inherit' },
);
const employerBound = readdirSync(boundEmployer).sort();
if (employerBound.join(' ') !== 'employer.js employer_bg.wasm') fail(`unexpected files from wasm-bindgen for the employer's page: ${employerBound.join(', ')}`);
const employerWasm = readFileSync(path.join(boundEmployer, 'employer_bg.wasm'));
const employerJs = readFileSync(path.join(boundEmployer, 'employer.js'), 'utf8');
const employerHash = hash16(employerJs, employerWasm);
const employerWasmName = `${NAME}-employer-${hash16(employerWasm)}_bg.wasm`;
const employerJsName = `${NAME}-employer-${employerHash}.js`;
out.set(employerWasmName, employerWasm);
out.set(employerJsName, employerJs);

for (const [name, data] of out) writeFileSync(path.join(site, name), data);

// --- 5. index.html ------------------------------------------------------------------------------
// A deep link's part (and the shared parts it needs) is fetched together with the main part,
// not after it has started: the files of each section, read from the loader, keyed by the
// first segment of the section's paths (src/routes/mod.rs; a path missing here only loses the
// head start). The employer's page is not among them: it is a program of its own (step 4).
const SECTIONS = {
  // Today's own page (after the welcome): with the main part on a later visit only, since a
  // first visit shows the welcome, which is in the main part.
  '/': 'today',
  '/goals': 'daily',
  '/diary': 'daily',
  '/progress': 'daily',
  '/checklists': 'records',
  '/settings': 'records',
  '/summary': 'records',
  '/plan': 'records',
  '/ot': 'ot',
};
const chunkFiles = new Map();
for (const m of loader.matchAll(/const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"/g)) chunkFiles.set(m[1], m[2]);
// The files of one part: its own and the shared ones it needs.
const partFiles = (split, what) => {
  const re = new RegExp(`export const __wasm_split_load_${split} = wrapAsyncCb\\(makeLoad\\(\\(\\) => \\{\\s*const src = fetch\\(new URL\\("\\./([^"]+)"[\\s\\S]*?\\}\\s*, \\[([^\\]]*)\\]\\)\\);`);
  const m = re.exec(loader);
  if (!m) fail(`the loader has no part ${split} for ${what}`);
  const deps = m[2].split(',').map((d) => d.trim()).filter(Boolean).map((d) => chunkFiles.get(d) || fail(`unknown shared part ${d}`));
  return [m[1], ...deps].map((f) => `${publicUrl}${f}`);
};
const sectionFiles = {};
for (const [prefix, split] of Object.entries(SECTIONS)) sectionFiles[prefix] = partFiles(split, `${prefix} (update SECTIONS in scripts/split.mjs)`);
// The part that reads stored records (src/state/mod.rs, AppState::open): fetched with the main
// part whenever something is stored, on any page; a first visit has nothing stored and never
// needs it.
const openFiles = partFiles('open', 'reading stored records (src/state/mod.rs)');
// The part that unlocks (src/state/lock.rs, AppState::unlock): with the main part when a lock is
// set, instead of the reading part (unlocking reads what is stored); a phone without a lock
// never needs it.
const lockFiles = partFiles('lock', 'unlocking (src/state/lock.rs)');
const u = (name) => `${publicUrl}${name}`;
const programs = {
  app: { js: [u(mainJsName), u(loaderName)], wasm: u(mainWasmName) },
  employer: { js: [u(employerJsName)], wasm: u(employerWasmName) },
};
// Plain JavaScript of 2015, for old phones' browsers too. It runs first in <head>, so the
// downloads start before the stylesheet has arrived, except where index.html itself shows
// something to read (a first visit's welcome, a plan's link on the employer's page: it needs only
// the HTML and the stylesheet): there the downloads start once that is painted, so it never
// waits for the WebAssembly nor competes with it for a slow connection.
// It also marks <html> with the loading screen to show meanwhile (index.html, style/base.css).
const startScript =
  `(function () {\n  var path = location.pathname;\n  var within = function (prefix) { return path === prefix || path.indexOf(prefix + '/') === 0; };\n` +
  `  var programs = ${JSON.stringify(programs)};\n  var parts = ${JSON.stringify(sectionFiles)};\n  var opener = ${JSON.stringify(openFiles)};\n  var locker = ${JSON.stringify(lockFiles)};\n` +
  `  var employer = within('/employer');\n  var program = employer ? programs.employer : programs.app;\n` +
  // Anything of Everyday's in storage ("everyday" starts its keys, "everyday/" the records').
  `  var any = false, stored = false, locked = false;\n  try {\n    for (var i = 0; i < localStorage.length; i += 1) {\n      var key = String(localStorage.key(i));\n` +
  `      if (key.indexOf('everyday') === 0) any = true;\n      if (key.indexOf('everyday/') === 0) stored = true;\n      if (key === 'everyday/lock') locked = true;\n    }\n` +
  `  } catch (e) {\n    any = true;\n  }\n  var firstVisit = path === '/' && !any;\n` +
  `  var added = {};\n  var add = function (rel, href, wasm) {\n    if (added[href]) return;\n    added[href] = true;\n    var link = document.createElement('link');\n    link.rel = rel; link.href = href; link.crossOrigin = 'anonymous';\n` +
  `    if (wasm) { link.as = 'fetch'; link.type = 'application/wasm'; }\n    document.head.appendChild(link);\n  };\n` +
  `  program.employer = employer;\n  program.firstVisit = firstVisit;\n` +
  // What index.html's loading screen shows, before its first paint (style/base.css).
  `  var root = document.documentElement;\n  root.className += employer ? ' boot-employer' + (location.hash.length > 1 ? ' boot-link' : '') : firstVisit ? ' boot-welcome' : ' boot-app';\n` +
  // The first visit's welcome and a plan's link show real content in index.html: the program is
  // fetched and started only once that is painted.
  `  var shows = firstVisit || (employer && location.hash.length > 1);\n` +
  // Painted means on the screen: the browser's first-contentful-paint entry (a frame drawn is not
  // yet shown; the program would replace the screen before anyone saw it), or a frame and a task
  // where that is not reported; a timer covers a hidden tab.
  `  program.painted = !shows ? Promise.resolve() : new Promise(function (resolve) {\n    setTimeout(resolve, 300);\n` +
  `    try {\n      new PerformanceObserver(function (list) { if (list.getEntriesByName('first-contentful-paint').length) resolve(); }).observe({ type: 'paint', buffered: true });\n` +
  `    } catch (e) {\n      requestAnimationFrame(function () { setTimeout(resolve, 0); });\n    }\n  });\n` +
  `  program.painted.then(function () {\n    program.js.forEach(function (href) { add('modulepreload', href); });\n    add('preload', program.wasm, true);\n` +
  `    if (employer) return;\n    (locked ? locker : stored ? opener : []).forEach(function (href) { add('preload', href, true); });\n    for (var prefix in parts) {\n      if (within(prefix) && !(firstVisit && prefix === '/')) { parts[prefix].forEach(function (href) { add('preload', href, true); }); break; }\n    }\n  });\n` +
  `  window.__everyday = program;\n})();\n`;
// The app could not be downloaded (offline on a first visit, or a file gone mid-update): say so
// in plain words where the loading line was, with a way to try again.
const failedHtml =
  '<h1 tabindex="-1">Everyday could not be opened</h1><div class="notice notice-warn" role="alert">' +
  '<p>Everyday has not been downloaded to this phone yet, and it could not be downloaded now. Your records are safe.</p>' +
  '<p>Check that you are connected to the internet, then reload the page.</p>' +
  '<p><button type="button" class="button button-primary">Reload the page</button></p></div>';
const moduleScript =
  `var program = window.__everyday;\n` +
  `program.painted.then(function () { return import(program.js[0]); }).then(function (m) { return m.default({ module_or_path: program.wasm }); }).catch(function () {\n` +
  `  var main = document.querySelector('#boot main');\n  if (!main) return;\n  main.innerHTML = ${JSON.stringify(failedHtml)};\n` +
  `  main.querySelector('button').addEventListener('click', function () { location.reload(); });\n  main.querySelector('h1').focus();\n});\n`;

let html = readFileSync(htmlPath, 'utf8');
if (/<script\b[^>]*type="module"/i.test(html)) fail('index.html already has a module <script>: remove the <link data-trunk rel="rust"> (this script loads the app)');
// The start script first in <head> (after <meta charset>), the module script at its end.
const charset = /<meta\s+charset\s*=\s*["']?[\w-]+["']?\s*\/?>/i.exec(html);
if (!charset) fail('index.html has no <meta charset>');
html = replaceExactlyOnce(html, charset[0], `${charset[0]}\n    <script>${startScript}</script>`, 'index.html');
html = replaceExactlyOnce(html, '</head>', `  <script type="module">${moduleScript}</script>\n  </head>`, 'index.html');
writeFileSync(htmlPath, html);

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
log(`main ${mainWasmName} ${kb(mainWasm.length)}; ${parts.length} parts (${kb(parts.reduce((t, p) => t + readFileSync(path.join(cut, p)).length, 0))}); employer's page ${employerWasmName} ${kb(employerWasm.length)}`);
