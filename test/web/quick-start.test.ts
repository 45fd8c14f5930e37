import { randomBytes } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killAll, startXpecto } from '../helpers/processes.ts';
import { freshDatabase } from '../helpers/test-platform.ts';
import { DESKTOP, PHONE, expectAccessible, expectNoHorizontalScroll, launchBrowser, screenshot, signIn } from './browser.ts';

// Issue 9's "done when": `xpecto start` (what `npm start` runs, after building web/) serves the dashboard at / and
// prints the demo owner's and operator's logins, which work in a real browser: the owner sends hello_world to a demo
// contact from the inbox and watches it turn blue.

let db: Awaited<ReturnType<typeof freshDatabase>>;
let browser: Browser;

beforeAll(async () => {
  db = await freshDatabase();
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  killAll();
  await db?.drop();
});

describe('the Quick start serves the dashboard', () => {
  it('prints the dashboard address and the demo logins; the owner sends hello_world to a demo contact and sees it read, the operator reaches the console', async () => {
    const env = { ...db.env, PORT: '0', SIMULATOR_PORT: '0', MASTER_KEY: randomBytes(32).toString('base64') };
    const xpecto = startXpecto(['start'], env);
    const dashboard = (await xpecto.waitFor(/Dashboard: (\S+)/))[1]!.replace(/\/$/, '');
    const [, ownerEmail, ownerPassword] = await xpecto.waitFor(/Owner login: (\S+) \/ (\S+)/);
    const [, operatorEmail, operatorPassword] = await xpecto.waitFor(/Operator login: (\S+) \/ (\S+)/);

    const page = await fetch(`${dashboard}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    const script = /<script type="module" crossorigin src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script, html).toBeDefined();
    const asset = await fetch(`${dashboard}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    // Unknown paths outside the dashboard's stay the API's JSON 404.
    const missing = await fetch(`${dashboard}/v1/nothing-here`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('not_found');

    // The login page itself: labelled, accessible, at both widths.
    const context = await browser.newContext({ viewport: PHONE });
    const login = await context.newPage();
    await login.goto(`${dashboard}/inbox`);
    await login.getByRole('heading', { name: 'Sign in to Xpecto' }).waitFor();
    expect(new URL(login.url()).pathname).toBe('/login');
    await expectAccessible(login, 'login');
    await expectNoHorizontalScroll(login, 'login at 390 px');
    await screenshot(login, 'login-390');
    // A wrong password is refused with a message, and nothing else happens.
    await login.getByLabel('Email').fill(ownerEmail!);
    await login.getByLabel('Password').fill('not the password at all');
    await login.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => login.getByRole('alert').textContent()).toMatch(/email or password/i);
    await context.close();

    const owner = await signIn(browser, dashboard, { email: ownerEmail!, password: ownerPassword! }, DESKTOP);
    await expect.poll(() => owner.locator('.org-name').textContent()).toBe('Demo Company');
    expect(await owner.getByRole('link', { name: 'Operator console' }).count()).toBe(0);
    // The first-time user: in the browser alone, hello_world to a demo contact, and its ticks turn blue.
    await owner.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Inbox' }).click();
    await owner.getByRole('searchbox', { name: 'New conversation' }).fill('+12025550100');
    await owner.getByRole('button', { name: 'Open' }).click();
    await owner.getByRole('heading', { level: 2, name: '+12025550100' }).waitFor();
    await owner.getByLabel('Template', { exact: true }).selectOption({ label: 'hello_world · en_US · utility' });
    await owner.getByRole('button', { name: 'Send hello_world' }).click();
    const ticks = owner.getByTestId('bubble').last().locator('.ticks[data-status=read]');
    await ticks.waitFor({ timeout: 30_000 });
    expect(await ticks.evaluate((el: any) => (globalThis as any).getComputedStyle(el).color)).toBe('rgb(10, 102, 194)');
    await owner.getByRole('button', { name: 'Sign out' }).click();
    await owner.getByRole('heading', { name: 'Sign in to Xpecto' }).waitFor();
    await owner.context().close();

    const operator = await signIn(browser, dashboard, { email: operatorEmail!, password: operatorPassword! }, DESKTOP);
    await operator.getByRole('link', { name: 'Operator console' }).waitFor();
    expect(new URL(operator.url()).pathname).toBe('/operator');
    await operator.context().close();

    xpecto.child.kill('SIGTERM');
    expect(await xpecto.exited).toBe(0);
  });
});
