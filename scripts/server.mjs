// A tiny dependency-free static server for the built app (default folder: dist), on loopback.
//
//   node scripts/server.mjs [dir] [port]        (port also from $PORT; default 8080)
//
// - correct MIME types (application/wasm for .wasm, so streaming compilation works);
// - single-page-app fallback: a GET for a path without a file extension that is not a file
//   gets index.html (deep links such as /ot or /goals/new); a missing file with an extension
//   is a 404;
// - index.html and sw.js are never cached without revalidation; hashed build files are
//   cached for a year;
// - sends the same Content-Security-Policy as the <meta> tag in the built index.html, plus
//   `frame-ancestors 'none'` and `X-Frame-Options: DENY` (a <meta> policy cannot forbid
//   framing), so no other site can show Everyday inside a frame and trick a tap (clickjacking);
// - sends the brotli (.br) or gzip (.gz) copy that scripts/postbuild.mjs wrote beside a file
//   when the browser accepts it (with Vary: Accept-Encoding), so a phone downloads about a
//   quarter of the bytes;
// - refuses any path outside the folder, and hidden files (dist/.stage after a failed build).

import { appendFileSync, createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import process from 'node:process';

const HOST = '127.0.0.1';
// EVERYDAY_ACCESS_LOG=file appends one line per request ("GET /path 200 br"), for tests that
// count what a visit downloads.
const accessLog = process.env.EVERYDAY_ACCESS_LOG || null;
function logAccess(req, pathname, status, encoding) {
  if (accessLog) appendFileSync(accessLog, `${req.method} ${pathname} ${status} ${encoding || 'identity'}\n`);
}
const dirArg = process.argv[2] || 'dist';
const portArg = process.argv[3] || process.env.PORT || '8080';
const port = Number.parseInt(portArg, 10);
if (!Number.isInteger(port) || port < 0 || port > 65535 || String(port) !== String(portArg).trim()) {
  console.error(`server: invalid port '${portArg}'`);
  process.exit(2);
}

const root = path.resolve(dirArg);
const indexPath = path.join(root, 'index.html');
if (!existsSync(indexPath)) {
  console.error(`server: ${indexPath} not found; build first (bash scripts/build.sh)`);
  process.exit(1);
}

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

// The policy trunk's post_build hook put into index.html, sent as a header as well.
const metaCsp = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(readFileSync(indexPath, 'utf8'));
// Attribute values may carry character references; a header must have the plain text.
const decodeEntities = (text) =>
  text.replace(/&(#39|#x27|apos|quot|#34|lt|gt|amp);/gi, (_, name) => ({ '#39': "'", '#x27': "'", apos: "'", quot: '"', '#34': '"', lt: '<', gt: '>', amp: '&' })[name.toLowerCase()]);
// frame-ancestors only works in a header, never in a <meta> tag, so it is added here.
const csp = metaCsp ? `${decodeEntities(metaCsp[1]).replace(/;\s*$/, '')}; frame-ancestors 'none'` : "frame-ancestors 'none'";
if (!metaCsp) console.warn('server: warning: no Content-Security-Policy meta tag in index.html; sending only frame-ancestors');

// Trunk names build outputs name-<16 hex digits>[_bg].ext; those never change.
const HASHED = /-[0-9a-f]{16}(_bg)?\.[a-z0-9]+$/;

function headersFor(filePath, size) {
  const base = path.basename(filePath);
  const headers = {
    'Content-Type': MIME[path.extname(filePath).toLowerCase()] || 'application/octet-stream',
    'Content-Length': size,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cache-Control': HASHED.test(base) ? 'public, max-age=31536000, immutable' : 'no-cache',
  };
  headers['Content-Security-Policy'] = csp;
  return headers;
}

function sendError(res, status, message) {
  const body = `${status} ${message}\n`;
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Content-Security-Policy': "frame-ancestors 'none'",
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

function isFile(p) {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

// The precompressed copy to send, if the browser accepts one and the build wrote it.
function encodedCopy(req, filePath) {
  const accepted = String(req.headers['accept-encoding'] || '')
    .split(',')
    .map((part) => part.trim().split(';'))
    .filter(([, q]) => !q || !/^q=0(\.0*)?$/.test(q.trim()))
    .map(([name]) => name.toLowerCase());
  for (const [encoding, ext] of [['br', '.br'], ['gzip', '.gz']]) {
    if (accepted.includes(encoding) && isFile(filePath + ext)) return { encoding, path: filePath + ext };
  }
  return null;
}

function sendFile(req, res, filePath) {
  const copy = encodedCopy(req, filePath);
  const sendPath = copy ? copy.path : filePath;
  const { size } = statSync(sendPath);
  const headers = headersFor(filePath, size);
  headers.Vary = 'Accept-Encoding';
  if (copy) headers['Content-Encoding'] = copy.encoding;
  res.writeHead(200, headers);
  logAccess(req, new URL(req.url, `http://${HOST}`).pathname, 200, copy && copy.encoding);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(sendPath);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

const server = http.createServer((req, res) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    sendError(res, 405, 'Method Not Allowed');
    return;
  }

  let pathname;
  try {
    pathname = decodeURIComponent(new URL(req.url, `http://${HOST}`).pathname);
  } catch {
    sendError(res, 400, 'Bad Request');
    return;
  }
  // No NUL bytes, backslashes or '..' segments; and the result must stay inside root.
  if (pathname.includes('\0') || pathname.includes('\\') || pathname.split('/').includes('..')) {
    sendError(res, 400, 'Bad Request');
    return;
  }
  // Hidden entries (such as dist/.stage, left by a failed trunk build) are never served.
  if (pathname.split('/').some((segment) => segment.startsWith('.'))) {
    sendError(res, 404, 'Not Found');
    return;
  }
  const filePath = path.resolve(root, `.${pathname}`);
  if (filePath !== root && !filePath.startsWith(root + path.sep)) {
    sendError(res, 403, 'Forbidden');
    return;
  }

  if (isFile(filePath)) {
    sendFile(req, res, filePath);
    return;
  }
  const dirIndex = path.join(filePath, 'index.html');
  if (pathname.endsWith('/') && isFile(dirIndex)) {
    sendFile(req, res, dirIndex);
    return;
  }
  // SPA fallback: a route, not a file.
  if (path.posix.extname(pathname) === '') {
    sendFile(req, res, indexPath);
    return;
  }
  sendError(res, 404, 'Not Found');
});

server.on('error', (err) => {
  console.error(`server: ${err.code === 'EADDRINUSE' ? `port ${port} is already in use` : err.message}`);
  process.exit(1);
});

server.listen(port, HOST, () => {
  const actual = server.address().port;
  console.log(`Everyday is running at http://${HOST}:${actual}/`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close();
    server.closeAllConnections?.();
    process.exit(0);
  });
}
