// Shared Playwright fixtures for Everyday's end-to-end specs.
//
// - Every test automatically records each request made by the page and by its service
//   worker (context-wide), and fails if any of them left the app's origin.
// - expectAccessible(page, name) runs axe (WCAG 2.0/2.1 A and AA, WCAG 2.2 AA) and fails with a
//   readable list of violations.
//
//   import { test, expect, expectAccessible } from './fixtures.mjs';

import AxeBuilder from '@axe-core/playwright';
import { test as base, expect } from '@playwright/test';

export const test = base.extend({
  // Auto fixture: runs for every test without being named in it.
  offOriginGuard: [
    async ({ context, baseURL }, use, testInfo) => {
      const appOrigin = new URL(baseURL).origin;
      const offOrigin = [];
      const record = (request) => {
        const url = request.url();
        if (url.startsWith('data:') || url.startsWith('blob:')) return;
        let origin;
        try {
          origin = new URL(url).origin;
        } catch {
          origin = `(unparseable) ${url}`;
        }
        if (origin !== appOrigin) offOrigin.push(`${request.method()} ${url}`);
      };
      // context 'request' covers every page of the context and, with serviceWorkers 'allow',
      // the service worker's own fetches too.
      context.on('request', record);
      await use();
      context.off('request', record);
      if (offOrigin.length > 0) {
        await testInfo.attach('off-origin-requests', { body: offOrigin.join('\n'), contentType: 'text/plain' });
      }
      expect(offOrigin, `requests that left ${appOrigin}`).toEqual([]);
    },
    { auto: true },
  ],
});

/**
 * Runs an axe accessibility scan of the page as it is now, and fails on any violation.
 * @param {import('@playwright/test').Page} page
 * @param {string} name what is on screen, for the failure message (e.g. 'home')
 */
export async function expectAccessible(page, name) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const report = results.violations
    .map((v) => {
      const nodes = v.nodes
        .map((n) => `    - ${n.target.join(' ')}${n.failureSummary ? `\n      ${n.failureSummary.replace(/\n/g, '\n      ')}` : ''}`)
        .join('\n');
      return `  ${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n    ${v.helpUrl}\n${nodes}`;
    })
    .join('\n');
  expect(results.violations.length, `accessibility violations on ${name}:\n${report}`).toBe(0);
}

export { expect };
