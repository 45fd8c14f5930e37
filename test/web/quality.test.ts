import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helloWorld } from '../helpers/dispatch-helpers.ts';
import { startTestPlatform, type Tenant, type TestPlatform } from '../helpers/test-platform.ts';
import { DESKTOP, dashboardUser, launchBrowser, signIn } from './browser.ts';

// Issue 9's quality bar beyond axe: no layout shift when data arrives, keyboard-only use, and numbers and dates in
// the user's locale — measured in Chromium on every view.

let t: TestPlatform;
let browser: Browser;
let tenant: Tenant;
let owner: { email: string; password: string };
let operator: { email: string; password: string };

// Google's "good" cumulative layout shift is at most 0.1 (web.dev/cls); skeletons sized like their content keep
// the dashboard's views under it while their data arrives.
const GOOD_CLS = 0.1;
const TENANT_VIEWS = ['/', '/inbox', '/contacts', '/templates', '/messages', '/developers', '/standing'];

// Counts every layout shift not caused by input, from the first paint (registered before the page's own scripts).
const CLS_OBSERVER = `
  window.__cls = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });`;

beforeAll(async () => {
  t = await startTestPlatform();
  tenant = await t.createTenant('Steady Layout Co');
  owner = await dashboardUser(t, tenant.orgId, 'owner');
  operator = await dashboardUser(t, null, null, { operator: true });
  for (const to of ['+12025550101', '+12025550102', '+12025550103']) {
    const sent = await t.api('POST', '/v1/messages', { key: tenant.apiKey, body: helloWorld(to) });
    expect(sent.status, sent.text).toBe(202);
  }
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** Opens `path` in a signed-in page and waits until nothing is loading: no skeleton left, the network quiet. */
async function settledView(page: Page, path: string): Promise<number> {
  await page.goto(`${t.url}${path}`);
  await page.waitForLoadState('networkidle');
  await page.locator('.loading').first().waitFor({ state: 'detached' }).catch(() => {});
  await expect.poll(() => page.locator('.loading').count()).toBe(0);
  return page.evaluate<number>('window.__cls');
}

describe('the dashboard holds still while its data arrives', () => {
  it('keeps cumulative layout shift in Google\'s "good" range on every tenant view and the operator console', async () => {
    const shifts: Record<string, number> = {};
    const page = await signIn(browser, t.url, owner, DESKTOP);
    await page.context().addInitScript(CLS_OBSERVER);
    for (const path of TENANT_VIEWS) shifts[path] = await settledView(page, path);
    await page.context().close();

    const ops = await signIn(browser, t.url, operator, DESKTOP);
    await ops.context().addInitScript(CLS_OBSERVER);
    shifts['/operator'] = await settledView(ops, '/operator');
    await ops.context().close();

    for (const [path, cls] of Object.entries(shifts)) expect(cls, `layout shift on ${path}`).toBeLessThanOrEqual(GOOD_CLS);
  });
});

describe('the keyboard alone', () => {
  it('signs in and moves between views through the navigation, without a mouse', async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    await page.goto(`${t.url}/login`);
    await page.getByRole('heading', { name: 'Sign in to Xpecto' }).waitFor();
    // The first Tab stop of the login page is the email field; Enter submits the form.
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string | null>('document.activeElement && document.activeElement.id')).toBe('login-email');
    await page.keyboard.type(owner.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(owner.password);
    await page.keyboard.press('Enter');
    await page.getByRole('navigation', { name: 'Main' }).waitFor();

    // The skip link is the first stop and lands on the content; the navigation's links follow in order.
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string | null>('document.activeElement && document.activeElement.textContent')).toBe('Skip to content');
    const reached: string[] = [];
    for (let i = 0; i < 20 && !reached.includes('Messages'); i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate<{ tag: string; text: string }>('({ tag: document.activeElement.tagName, text: document.activeElement.textContent })');
      if (focused.tag === 'A') reached.push(focused.text);
    }
    expect(reached).toEqual(expect.arrayContaining(['Overview', 'Inbox', 'Contacts', 'Templates', 'Messages']));
    await page.keyboard.press('Enter');
    await page.waitForURL(`${t.url}/messages`);
    await page.getByRole('heading', { level: 1, name: 'Messages' }).waitFor();
    await context.close();
  });
});

describe('the user\'s locale', () => {
  it('formats dates and numbers as the browser\'s language does', async () => {
    const page = await signIn(browser, t.url, owner, { ...DESKTOP });
    const english = await page.evaluate<string>('new Intl.DateTimeFormat(navigator.language, { dateStyle: "medium" }).format(new Date())');
    await page.context().close();
    const german = await signIn(browser, t.url, owner, DESKTOP, { locale: 'de-DE', timezoneId: 'Europe/Berlin' });
    await german.goto(`${t.url}/messages`);
    await german.waitForLoadState('networkidle');
    const today = await german.evaluate<string>('new Intl.DateTimeFormat("de-DE", { dateStyle: "medium" }).format(new Date())');
    expect(today).not.toBe(english);
    // The message log shows today's messages with German dates ("26.11.2026"), not the English form.
    await expect.poll(async () => (await german.locator('main').textContent()) ?? '').toContain(today);
    await german.context().close();
  });
});
