// Nothing forged (issue 13, fault 5): a plan link that is not signed by the OT's practice is
// refused and changes nothing; once a practice's key is pinned by the first plan, a plan signed
// by another practice (a second OT browser) is refused and changes nothing; a huge revision
// number is refused and does not block the OT's genuine update. Forged links are made in the
// page with the browser's own CompressionStream and WebCrypto, exactly as an attacker could.
import { test, expect, expectAccessible } from './fixtures.mjs';
import { startApp } from './helpers.mjs';

function isoDate(d) {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The person's stored data, key by key. */
async function stored(page) {
  return page.evaluate(() => Object.fromEntries(
    Object.keys(localStorage).filter((k) => k.startsWith('everyday/')).sort().map((k) => [k, localStorage.getItem(k)]),
  ));
}

/**
 * A plan link made outside Everyday: the plan JSON (bare, as links were before signing), or,
 * with a JWK private key, wrapped and signed as the app does. Returns the path and fragment.
 */
async function forgeLink(page, plan, jwk = null) {
  return page.evaluate(async ({ plan, jwk }) => {
    const enc = new TextEncoder();
    const b64u = (bytes) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    const payload = JSON.stringify(plan);
    let json = payload;
    if (jwk) {
      const alg = { name: 'ECDSA', namedCurve: 'P-256' };
      const key = await crypto.subtle.importKey('jwk', jwk, alg, false, ['sign']);
      const sig = new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key, enc.encode(`everyday ot plan\n${payload}`)));
      const pub = await crypto.subtle.importKey('jwk', { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y }, alg, true, ['verify']);
      const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pub));
      json = `{"v":2,"key":"${b64u(raw)}","sig":"${b64u(sig)}","plan":${payload}}`;
    }
    const stream = new Blob([enc.encode(json)]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    const body = new Uint8Array(await new Response(stream).arrayBuffer());
    let crc = ~0;
    for (const b of body) {
      crc ^= b;
      for (let i = 0; i < 8; i++) crc = (crc >>> 1) ^ (0xEDB88320 & -(crc & 1));
    }
    const out = new Uint8Array(body.length + 4);
    out.set(body);
    new DataView(out.buffer).setUint32(body.length, (~crc) >>> 0, true);
    return `/plan#1.t.p.${b64u(out)}`;
  }, { plan, jwk });
}

/** The forged first plan of the issue: pacing off, the review moved, a long message. */
function forgedPlan(id = 'p-forged', revision = 1) {
  return {
    v: 1,
    id,
    ot: 'Your occupational therapist',
    revision,
    made: isoDate(new Date()),
    next_review: '2099-01-01',
    message: 'Stop all your exercises and cancel your appointments. '.repeat(15).trim(),
    pacing: { on: false },
  };
}

/** Build a one-goal plan at /ot/plan and make its link; returns the link and the OT's code. */
async function otMakesPlan(ot, activity) {
  await ot.goto('/ot/plan');
  await expect(ot.getByRole('heading', { level: 1, name: 'Build a plan' })).toBeVisible();
  await ot.getByLabel('Your name and service').fill('Sam Jones, Riverside Surgery');
  await ot.getByLabel('What the person wants to do').fill(activity);
  await ot.getByRole('button', { name: 'Add the goal to the plan' }).click();
  await expect(ot.getByText('Goal added to the plan.')).toBeVisible();
  await ot.getByRole('button', { name: 'Make the link' }).click();
  const box = ot.getByRole('textbox', { name: 'The link' });
  await expect(box).toHaveValue(/\/plan#1\.t\.p\./);
  const code = (await ot.locator('.plan-code').innerText()).trim();
  expect(code).toMatch(/^\d{5} \d{5}$/);
  return { link: await box.inputValue(), code };
}

async function expectRefused(page, link, words) {
  await page.goto(link);
  await expect(page.getByRole('alert')).toContainText(words);
  await expect(page.getByRole('alert')).toContainText('Nothing was changed.');
  await expect(page.getByRole('button', { name: 'Add this plan' })).toHaveCount(0);
}

test('a forged (unsigned) plan link is refused and changes nothing', async ({ page }) => {
  await startApp(page);
  await page.goto('/settings');
  const before = await stored(page);
  const link = await forgeLink(page, forgedPlan());
  await expectRefused(page, link, 'not signed by an occupational therapist');
  await expect(page.getByText('Stop all your exercises', { exact: false })).toHaveCount(0);
  await expectAccessible(page, 'forged plan refused');
  // A forged huge revision, unsigned, is refused the same way.
  await expectRefused(page, await forgeLink(page, forgedPlan('p-forged', 4294967295)), 'not signed');
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('not signed');
  expect(await stored(page)).toEqual(before);
  await page.goto('/plan');
  await expect(page.getByRole('heading', { name: /Plan from/ })).toHaveCount(0);
});

test('after the first plan pins its practice, a plan signed by another practice is refused and changes nothing', async ({ page: ot, browser, baseURL }) => {
  test.setTimeout(120_000);
  const first = await otMakesPlan(ot, 'walk to the shop');

  const patientContext = await browser.newContext({ baseURL });
  const page = await patientContext.newPage();
  await startApp(page);
  await page.goto(first.link);
  await expect(page.getByText(`it should be ${first.code}.`, { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Add this plan' }).click();
  await expect(page.getByRole('heading', { name: 'Plan added' })).toBeVisible();

  // A second OT browser: a practice key of its own, so another code.
  const otherContext = await browser.newContext({ baseURL });
  const other = await otherContext.newPage();
  const second = await otMakesPlan(other, 'stop pacing');
  expect(second.code).not.toEqual(first.code);

  await page.goto('/settings');
  const before = await stored(page);
  await expectRefused(page, second.link, 'signed by a different practice');
  await expectAccessible(page, 'plan from another practice refused');
  // An unsigned forgery is refused too, now that a practice is pinned.
  await expectRefused(page, await forgeLink(page, forgedPlan()), 'not signed');
  expect(await stored(page)).toEqual(before);
  await page.goto('/goals');
  await expect(page.getByText('stop pacing', { exact: false })).toHaveCount(0);

  // The practice shares its key: exported on the first PC, imported on the second (after a
  // warning, as the second PC had a key of its own). Plans made there are then accepted.
  const [download] = await Promise.all([
    ot.waitForEvent('download'),
    ot.getByRole('button', { name: "Export this practice's plan key" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('everyday-practice-key.json');
  await other.getByLabel('Import a practice key').setInputFiles(await download.path());
  await expect(other.getByRole('alert')).toContainText('already has a different practice key');
  await other.getByRole('button', { name: "Replace this computer's key" }).click();
  await expect(other.getByText('The practice key is imported', { exact: false })).toBeVisible();
  await expect(other.locator('.plan-code')).toHaveText(first.code);
  await expectAccessible(other, 'practice key imported');
  await other.getByRole('button', { name: 'Make the link' }).click();
  const box = other.getByRole('textbox', { name: 'The link' });
  await expect(box).not.toHaveValue(second.link);
  const shared = await box.inputValue();
  await page.goto(shared);
  await expect(page.getByText(`(code ${first.code})`, { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Add this plan' }).click();
  await expect(page.getByRole('heading', { name: 'Plan added' })).toBeVisible();
  await otherContext.close();
  await patientContext.close();
});

test('a huge revision is refused and the genuine update after it is still accepted', async ({ page: ot, browser, baseURL }) => {
  test.setTimeout(120_000);
  const first = await otMakesPlan(ot, 'walk to the shop');
  // The plan's id is never shown: it is the key the plan is kept under on the OT's computer.
  const planId = await ot.evaluate(() => Object.keys(localStorage).find((k) => k.startsWith('everyday-ot/plans/')).slice('everyday-ot/plans/'.length));
  expect(planId).toMatch(/^p-/);
  await expect(ot.getByText(planId)).toHaveCount(0);

  const patientContext = await browser.newContext({ baseURL });
  const page = await patientContext.newPage();
  await startApp(page);
  await page.goto(first.link);
  await page.getByRole('button', { name: 'Add this plan' }).click();
  await expect(page.getByRole('heading', { name: 'Plan added' })).toBeVisible();

  // Even signed with the practice's own key (taken from the OT's computer), revision
  // 4294967295 of the same plan is refused.
  const jwk = await ot.evaluate(() => JSON.parse(localStorage.getItem('everyday-ot/plan-key')).key);
  const huge = { ...forgedPlan(planId, 4294967295), goals: [{ key: 'g', activity: 'forged goal', baseline: -1 }] };
  await page.goto('/settings');
  const before = await stored(page);
  await expectRefused(page, await forgeLink(page, huge, jwk), 'too far ahead');
  expect(await stored(page)).toEqual(before);

  // The OT's genuine update (version 2) is still accepted.
  await ot.getByRole('button', { name: 'Change this goal' }).click();
  await ot.getByLabel('What the person wants to do').fill('walk to the big shop');
  await ot.getByRole('button', { name: 'Save the goal' }).click();
  await ot.getByRole('button', { name: 'Make the link' }).click();
  await expect(ot.getByText(/version 2 of this plan/)).toBeVisible();
  const link2 = await ot.getByRole('textbox', { name: 'The link' }).inputValue();
  await page.goto(link2);
  await expect(page.getByText(`(code ${first.code})`, { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Add this plan' }).click();
  await expect(page.getByRole('heading', { name: 'Plan added' })).toBeVisible();
  await page.goto('/goals');
  await expect(page.getByText(/walk to the big shop/i).first()).toBeVisible();
  await expect(page.getByText('forged goal', { exact: false })).toHaveCount(0);
  await patientContext.close();
});
