// How the app is served on a first visit: compressed, and each build file downloaded once
// (the service worker precaches from the HTTP cache instead of fetching the app again).
// Runs its own server with an access log, so other tests' requests are not counted.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures.mjs';

const DIST = process.env.E2E_DIST || 'dist';
const PORT = Number(process.env.E2E_PORT || 4173) + 50;
const ORIGIN = `http://127.0.0.1:${PORT}`;

let server;
let logFile;

test.beforeAll(async () => {
  logFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'everyday-serving-')), 'access.log');
  server = spawn(process.execPath, ['scripts/server.mjs', DIST, String(PORT)], {
    env: { ...process.env, EVERYDAY_ACCESS_LOG: logFile },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    server.stdout.on('data', (chunk) => String(chunk).includes('running at') && resolve());
    server.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
});

test.afterAll(() => server?.kill());

test('build files are sent compressed with brotli, and the server varies on Accept-Encoding', async ({ request }) => {
  const html = await (await request.get(`${ORIGIN}/`)).text();
  // index.html's loader names the app's main part (src: scripts/split.mjs).
  const wasm = /"(\/everyday-[0-9a-f]{16}_bg\.wasm)"/.exec(html)?.[1];
  expect(wasm, 'index.html names the wasm file').toBeTruthy();
  for (const url of ['/', wasm]) {
    const br = await request.get(`${ORIGIN}${url}`, { headers: { 'Accept-Encoding': 'br, gzip' } });
    expect(br.headers()['content-encoding'], url).toBe('br');
    expect(br.headers().vary, url).toContain('Accept-Encoding');
    const gz = await request.get(`${ORIGIN}${url}`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gz.headers()['content-encoding'], url).toBe('gzip');
    const plain = await request.get(`${ORIGIN}${url}`, { headers: { 'Accept-Encoding': 'identity' } });
    expect(plain.headers()['content-encoding'], url).toBeUndefined();
    // The decoded bodies are the same file.
    expect((await br.body()).equals(await plain.body()), url).toBe(true);
  }
});

test('a first visit downloads each build file once, and the app then works offline', async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  const offOrigin = [];
  context.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== ORIGIN) offOrigin.push(url);
  });
  const page = await context.newPage();
  fs.writeFileSync(logFile, '');
  await page.goto(`${ORIGIN}/`);
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Everyday' })).toBeVisible();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  const fetched = fs.readFileSync(logFile, 'utf8').trim().split('\n').map((line) => line.split(' ')[1]);
  const hashed = fetched.filter((p) => /-[0-9a-f]{16}(_bg)?\.[a-z0-9]+$/.test(p));
  expect(hashed.length, 'build files fetched').toBeGreaterThan(0);
  const twice = hashed.filter((p, i) => hashed.indexOf(p) !== i);
  expect(twice, 'build files downloaded more than once on a first visit').toEqual([]);
  // Everything needed offline was cached all the same.
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 10_000 }).toBe(true);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Everyday' })).toBeVisible();
  await context.close();
  expect(offOrigin, 'requests that left the app origin').toEqual([]);
});
