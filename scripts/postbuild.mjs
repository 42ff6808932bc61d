// The last step of scripts/build.sh, in the folder the site is built in ($TRUNK_STAGING_DIR,
// target/site), after trunk wrote the assets and scripts/split.mjs the WebAssembly parts and
// the loader, and before the folder replaces dist/.
//
//  0. Joins the stylesheets trunk wrote into one file.
//  1. Adds a strict Content-Security-Policy <meta> to index.html that allows exactly the
//     inline loader <script> (by sha256), and nothing from any other origin.
//  2. Writes sw.js from the template public/sw.js: the build version (a hash of every file)
//     and the list of every file to precache.
//  3. Writes brotli (.br) and gzip (.gz) copies of every compressible file for the server.
//
// Defensive on purpose: anything unexpected exits non-zero, so the build fails loudly (and
// leaves the previous dist/ untouched).

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';

const VERSION_MARKER = '__EVERYDAY_BUILD_VERSION__';
const PRECACHE_MARKER = '/* __EVERYDAY_PRECACHE__ */';
const SW_TEMPLATE = 'public/sw.js';
const SW_NAME = 'sw.js';

function fail(message) {
  console.error(`postbuild: error: ${message}`);
  process.exit(1);
}

function log(message) {
  console.log(`postbuild: ${message}`);
}

/** Every file under `dir`, as paths relative to it with '/' separators, sorted. */
function listFiles(dir, prefix = '') {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      out.push(...listFiles(full, rel));
    } else if (entry.isFile()) {
      out.push(rel);
    } else {
      fail(`unexpected non-file entry in the build output: ${rel}`);
    }
  }
  return out.sort();
}

/** The attributes of a start tag, lower-cased names. Good enough for trunk's own output. */
function parseAttributes(attrText) {
  const attrs = new Map();
  const re = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  let m;
  while ((m = re.exec(attrText)) !== null) {
    attrs.set(m[1].toLowerCase(), m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attrs;
}

function sha256Base64(text) {
  return createHash('sha256').update(text, 'utf8').digest('base64');
}

// --- Where are we? --------------------------------------------------------------------------

const stagingDir = process.env.TRUNK_STAGING_DIR;
if (!stagingDir) fail('TRUNK_STAGING_DIR is not set: run scripts/build.sh');
if (!existsSync(stagingDir) || !statSync(stagingDir).isDirectory()) {
  fail(`TRUNK_STAGING_DIR does not exist or is not a folder: ${stagingDir}`);
}
const htmlName = 'index.html';
const htmlPath = path.join(stagingDir, htmlName);
if (!existsSync(htmlPath)) fail(`trunk did not write ${htmlPath}`);

// Public URL trunk built for ('/' by default); every URL we emit starts with it.
let publicUrl = process.env.TRUNK_PUBLIC_URL || '/';
if (!publicUrl.startsWith('/')) fail(`TRUNK_PUBLIC_URL must be an absolute path, got '${publicUrl}'`);
if (!publicUrl.endsWith('/')) publicUrl += '/';

// --- 1. Content-Security-Policy ---------------------------------------------------------------

let html = readFileSync(htmlPath, 'utf8');

// --- 0. One stylesheet ------------------------------------------------------------------------
// trunk writes one hashed file per <link data-trunk rel="css">. Joined here, in the same order,
// into one content-hashed file, so a first visit makes one request for styles instead of ten.
{
  const linkRe = /<link\b[^>]*rel="stylesheet"[^>]*>\s*/gi;
  const links = [...html.matchAll(linkRe)];
  if (links.length > 1) {
    const parts = links.map((m) => {
      const href = parseAttributes(m[0].replace(/^<link\b|\/?>\s*$/g, '')).get('href') || '';
      if (!href.startsWith(publicUrl) || /^(https?:)?\/\//.test(href)) fail(`unexpected stylesheet link ${href}`);
      const rel = href.slice(publicUrl.length);
      const full = path.join(stagingDir, rel);
      if (!existsSync(full)) fail(`stylesheet ${href} is not in the build output`);
      return { rel, full, text: readFileSync(full, 'utf8') };
    });
    const joined = parts.map((p) => `/* ${p.rel.replace(/-[0-9a-f]{16}\.css$/, '.css')} */\n${p.text.trim()}\n`).join('\n');
    const name = `everyday-${createHash('sha256').update(joined).digest('hex').slice(0, 16)}.css`;
    writeFileSync(path.join(stagingDir, name), joined);
    for (const p of parts) unlinkSync(p.full);
    // Trunk adds an integrity hash to each link; the new one gets its own.
    const integrity = `sha384-${createHash('sha384').update(joined).digest('base64')}`;
    const tag = `<link rel="stylesheet" href="${publicUrl}${name}" integrity="${integrity}"/>\n    `;
    let out = '';
    let last = 0;
    links.forEach((m, i) => {
      out += html.slice(last, m.index) + (i === 0 ? tag : '');
      last = m.index + m[0].length;
    });
    html = out + html.slice(last);
    log(`${parts.length} stylesheets joined into ${name}`);
  }
}

if (/<meta[^>]+http-equiv\s*=\s*["']?content-security-policy/i.test(html)) {
  fail('index.html already has a Content-Security-Policy meta tag; this hook adds it, remove it from index.html');
}

// Hash every inline <script> exactly as the browser will see its text. The HTML parser turns
// CR LF and lone CR into LF before the hash is computed, so do the same.
const scriptHashes = [];
let externalModuleScripts = 0;
const scriptRe = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
for (const m of html.matchAll(scriptRe)) {
  const attrs = parseAttributes(m[1]);
  if (attrs.has('src')) {
    externalModuleScripts += 1;
    if (m[2].trim() !== '') fail('a <script src> element has content; browsers ignore it');
    continue;
  }
  const type = (attrs.get('type') || '').toLowerCase();
  // Data blocks (JSON, templates) are not executed and need no hash.
  const executable = type === '' || type === 'module' || type.includes('javascript') || type.includes('ecmascript');
  if (!executable) continue;
  const text = m[2].replace(/\r\n?/g, '\n');
  if (text.includes('{{__TRUNK_ADDRESS__}}')) {
    // `trunk serve` rewrites its autoreload script while serving it, so no build-time hash can
    // match it and the browser blocks it. Trunk.toml sets [serve] no_autoreload = true for this.
    console.warn('postbuild: warning: trunk serve autoreload script found; the CSP will block it (set no_autoreload = true under [serve] in Trunk.toml)');
  }
  const hash = `'sha256-${sha256Base64(text)}'`;
  if (!scriptHashes.includes(hash)) scriptHashes.push(hash);
}
if (scriptHashes.length === 0 && externalModuleScripts === 0) {
  fail('no <script> found in index.html: scripts/split.mjs did not add the app loader');
}

// Things a hash-based policy cannot allow: fail here rather than as a blank page later.
const markup = html.replace(scriptRe, '<script></script>');
for (const m of markup.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)\b([^>]*)>/g)) {
  const tag = m[1].toLowerCase();
  const attrs = parseAttributes(m[2]);
  for (const [name, value] of attrs) {
    if (/^on[a-z]+$/.test(name)) fail(`inline event handler ${name}= on <${tag}> is blocked by the CSP; use code instead`);
    if (name === 'style') fail(`style= attribute on <${tag}> is blocked by the CSP (style-src 'self'); use a class in style/`);
    if ((name === 'href' || name === 'src' || name === 'action') && /^\s*javascript:/i.test(value)) {
      fail(`javascript: URL on <${tag}> is blocked by the CSP`);
    }
    if (tag !== 'a' && ['href', 'src', 'action', 'poster', 'data', 'srcset'].includes(name) && /^\s*(https?:)?\/\//i.test(value)) {
      fail(`<${tag} ${name}="${value}"> points to another origin; the app must not load anything from elsewhere`);
    }
  }
}
if (/<style\b/i.test(markup)) fail('an inline <style> element is blocked by the CSP (style-src \'self\'); use a file in style/');

const csp = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${scriptHashes.join(' ')}`.trimEnd(),
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
const cspMeta = `<meta http-equiv="Content-Security-Policy" content="${csp}">`;

// First element of <head> (after <meta charset>, which must stay first so the encoding is
// known before anything else is read; the policy does not govern it).
const headOpen = /<head\b[^>]*>/i.exec(html);
if (!headOpen) fail('index.html has no <head>');
let insertAt = headOpen.index + headOpen[0].length;
const afterHead = html.slice(insertAt);
const charsetMeta = /^\s*<meta\s+charset\s*=\s*["']?[\w-]+["']?\s*\/?>/i.exec(afterHead);
if (charsetMeta) insertAt += charsetMeta[0].length;
const indent = (/\n([ \t]*)<[^/]/.exec(afterHead) || [, '    '])[1];
html = `${html.slice(0, insertAt)}\n${indent}${cspMeta}${html.slice(insertAt)}`;

// Everything index.html refers to on this origin must have been built.
for (const m of html.matchAll(/\s(?:href|src)\s*=\s*"([^"]+)"/gi)) {
  const url = m[1];
  if (!url.startsWith(publicUrl)) continue;
  const rel = decodeURIComponent(url.slice(publicUrl.length).split(/[?#]/)[0]);
  if (rel === '' || rel === SW_NAME) continue;
  if (!existsSync(path.join(stagingDir, rel))) fail(`index.html refers to ${url}, which is not in the build output`);
}

writeFileSync(htmlPath, html);
log(`CSP added with ${scriptHashes.length} inline script hash(es): ${scriptHashes.join(' ')}`);

// --- 2. Service worker --------------------------------------------------------------------------

const sourceDir = process.env.TRUNK_SOURCE_DIR || process.cwd();
const templatePath = path.join(sourceDir, SW_TEMPLATE);
if (!existsSync(templatePath)) fail(`service worker template not found: ${templatePath}`);
const template = readFileSync(templatePath, 'utf8');
for (const marker of [VERSION_MARKER, PRECACHE_MARKER]) {
  const count = template.split(marker).length - 1;
  if (count !== 1) fail(`${SW_TEMPLATE} must contain the marker ${marker} exactly once (found ${count})`);
}

// Every file except the service worker itself (copy-dir copied the raw template there).
const files = listFiles(stagingDir).filter((f) => f !== SW_NAME);
if (!files.includes(htmlName)) fail('index.html missing from the file list');
for (const f of files) {
  if (f.startsWith('.')) fail(`unexpected hidden file in the build output: ${f}`);
}

// Build version: hash of every file name and content, plus the worker template itself, so any
// change to the app or to the worker's logic gives a new cache.
const versionHash = createHash('sha256');
for (const f of files) {
  versionHash.update(f).update('\0').update(readFileSync(path.join(stagingDir, f))).update('\0');
}
versionHash.update(template);
const version = versionHash.digest('hex').slice(0, 16);

// Files only a browser installing the app to the home screen asks for: not precached, so a
// first visit does not download them (they are still served, and still in the build version).
const INSTALL_ONLY = new Set(['icon-512.png', 'icon-maskable-512.png', 'robots.txt']);
const urls = files.filter((f) => !INSTALL_ONLY.has(f)).map((f) => (f === htmlName ? publicUrl : publicUrl + f.split('/').map(encodeURIComponent).join('/')));
const precache = urls.map((u) => JSON.stringify(u)).join(', ');

const sw = template.replace(VERSION_MARKER, version).replace(PRECACHE_MARKER, precache);
if (sw.includes('__EVERYDAY_')) fail('a placeholder is left in the generated sw.js');
writeFileSync(path.join(stagingDir, SW_NAME), sw);
log(`sw.js written: version ${version}, ${urls.length} URLs precached`);

// --- 3. Precompressed copies ----------------------------------------------------------------------
// brotli (quality 11) and gzip (level 9) copies beside every compressible file of 1 KB or more,
// so scripts/server.mjs (or any static host set up for it) sends the small one without
// compressing on every request. They are not precached or hashed into the version: the same
// content, only encoded differently.


const COMPRESSIBLE = /\.(html|js|mjs|wasm|css|svg|json|webmanifest|txt)$/i;
let compressed = 0;
for (const f of listFiles(stagingDir)) {
  if (!COMPRESSIBLE.test(f)) continue;
  const full = path.join(stagingDir, f);
  const raw = readFileSync(full);
  if (raw.length < 1024) continue;
  const br = brotliCompressSync(raw, {
    params: {
      [zlibConstants.BROTLI_PARAM_QUALITY]: 11,
      [zlibConstants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      [zlibConstants.BROTLI_PARAM_MODE]: /\.wasm$/i.test(f) ? zlibConstants.BROTLI_MODE_GENERIC : zlibConstants.BROTLI_MODE_TEXT,
    },
  });
  writeFileSync(`${full}.br`, br);
  writeFileSync(`${full}.gz`, gzipSync(raw, { level: 9 }));
  compressed += 1;
}
log(`brotli and gzip copies written for ${compressed} files`);
