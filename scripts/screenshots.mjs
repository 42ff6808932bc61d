// Screenshots of pages as a person sees them: at 390 px wide with normal text, and at 320 px
// with text at 200% (the phone's largest setting). For looking at, not for asserting.
//
//   node scripts/screenshots.mjs OUT_DIR [path ...]      (needs dist/ built; serves it itself)
//
// SHOTS_WIDE=1 adds a desktop screen (1280 px, normal text), for the OT's pages.
// SHOTS_STORAGE=file.json starts from that localStorage (an object of key: value strings, such
// as tests/fixtures/v1/local-storage.json) instead of a new person, to see pages with records.
//
// Each page is opened after the welcome is finished; the pages at 200% text get the root font
// size through the CSS object model (the Content-Security-Policy blocks inline styles).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';

const out = path.resolve(process.argv[2] || 'screenshots');
const paths = process.argv.slice(3);
if (paths.length === 0) paths.push('/', '/settings', '/checklists/home/falls');
fs.mkdirSync(out, { recursive: true });
const PORT = Number(process.env.SHOTS_PORT || 4391);
const server = spawn(process.execPath, ['scripts/server.mjs', process.env.SHOTS_DIST || 'dist', String(PORT)], { stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((resolve) => server.stdout.on('data', (c) => String(c).includes('running at') && resolve()));
const origin = `http://127.0.0.1:${PORT}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const sizes = [[390, 1, '390'], [320, 2, '320-200pct']];
  if (process.env.SHOTS_WIDE) sizes.push([1280, 1, '1280']);
  const storage = process.env.SHOTS_STORAGE ? JSON.parse(fs.readFileSync(process.env.SHOTS_STORAGE, 'utf8')) : null;
  for (const [width, scale, label] of sizes) {
    const mobile = width < 900;
    const context = await browser.newContext({ viewport: { width, height: 800 }, deviceScaleFactor: 1, isMobile: mobile, hasTouch: mobile, serviceWorkers: 'block' });
    if (storage) {
      // Before the app's first start only, so what the app saves afterwards is kept.
      await context.addInitScript((entries) => {
        if (sessionStorage.getItem('shots-seeded')) return;
        sessionStorage.setItem('shots-seeded', '1');
        for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
      }, storage);
    }
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    const start = page.getByRole('button', { name: 'Start using Everyday' });
    if (await start.isVisible().catch(() => false)) await start.click();
    for (const p of paths) {
      await page.goto(`${origin}${p}`);
      await page.locator('main h1').first().waitFor({ timeout: 15000 });
      if (scale !== 1) await page.evaluate((s) => { document.documentElement.style.fontSize = `${s * 100}%`; }, scale);
      await page.waitForTimeout(300);
      // A link's fragment (a shared plan) is cut short: file names have a length limit.
      const name = `${p.split('#')[0].replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'today'}${p.includes('#') ? '_link' : ''}-${label}.png`;
      await page.screenshot({ path: path.join(out, name), fullPage: true });
      // The first screenful too, at full size: a tall page is unreadable once scaled down.
      await page.screenshot({ path: path.join(out, name.replace(/\.png$/, '-screen.png')) });
      console.log(path.join(out, name));
    }
    await context.close();
  }
} finally {
  await browser.close();
  server.kill();
}
