// Everyday's service worker: makes the app work offline after the first visit.
//
// This file is a template. scripts/postbuild.mjs (a trunk post_build hook) fills in the build
// version and the list of every built file, and writes the result to dist/sw.js.
//
// Nothing here ever talks to another origin: only same-origin GET requests are handled, and
// only files from this build are cached.

'use strict';

const VERSION = '__EVERYDAY_BUILD_VERSION__';
const CACHE = `everyday-${VERSION}`;
// Every file of this build ('/' is index.html, the app shell).
const PRECACHE = [/* __EVERYDAY_PRECACHE__ */];
const PRECACHED = new Set(PRECACHE);
// The app shell (index.html): the folder this worker is served from, '/' by default.
const SHELL = new URL('./', self.location.href).pathname;
// How long a page load waits for the network before using the cached app shell.
const NAVIGATION_TIMEOUT_MS = 3000;

// Build files are named after their content (name-<16 hex digits>), so the copy the page has
// just downloaded into the HTTP cache is the right one: take it from there rather than
// downloading the app a second time on a first visit. Other files (the app shell, manifest,
// icons) are revalidated with the server ('no-cache': a 304 costs a few bytes), so a stale
// copy can never be precached.
const HASHED = /-[0-9a-f]{16}(_bg)?\.[a-z0-9]+$/;

// Install: put this build into its own cache. Then take over without waiting for old tabs to close.
self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll(PRECACHE.map((url) => new Request(url, { cache: HASHED.test(url) ? 'default' : 'no-cache' })));
      await self.skipWaiting();
    })(),
  );
});

// Activate: delete the caches of older builds, then control open pages straight away.
self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names.filter((name) => name.startsWith('everyday-') && name !== CACHE).map((name) => caches.delete(name)),
      );
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  // Never touch (or cache) another origin's requests.
  if (url.origin !== self.location.origin) return;

  if (request.mode === 'navigate') {
    event.respondWith(navigation(request));
  } else if (PRECACHED.has(url.pathname)) {
    event.respondWith(cacheFirst(request));
  }
  // Anything else: not handled, so the browser goes to the network as usual.
});

// Page loads: the network's answer if it comes within the timeout (so a new build is picked
// up), otherwise the cached app shell. Every path is a route of the single-page app, so the
// shell serves them all. Navigations are not written to the cache: the shell in the
// cache must stay the one that matches this build's files.
async function navigation(request) {
  const network = fetch(request);
  network.catch(() => {}); // a late failure after we used the cache is not an error
  const timeout = new Promise((resolve) => setTimeout(resolve, NAVIGATION_TIMEOUT_MS, null));
  try {
    const response = await Promise.race([network, timeout]);
    if (response && response.status < 500) return response;
  } catch {
    // Offline or the server is down: use the cached shell below.
  }
  const cached = await caches.match(SHELL, { cacheName: CACHE });
  return cached || network;
}

// Files of this build: from the cache; if missing (storage was cleared), fetch and re-cache,
// but only while this build's cache still exists: an outgoing older worker must not re-create
// the cache that the new one just deleted.
async function cacheFirst(request) {
  const cached = await caches.match(request, { cacheName: CACHE, ignoreSearch: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && (await caches.has(CACHE))) {
    const cache = await caches.open(CACHE);
    await cache.put(request, response.clone());
  }
  return response;
}
