import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { addMember, createUser } from '../../src/tenancy/create-organization.ts';
import type { Role } from '../../src/tenancy/scopes.ts';
import type { TestPlatform } from '../helpers/test-platform.ts';

// The dashboard's journeys (issue 9) drive Debian's Chromium through playwright-core against the real platform.

const CHROMIUM = '/usr/bin/chromium';
// The machine's network is closed: without these Chromium keeps trying to reach Google's services.
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const AXE_SOURCE = (await import('node:fs')).readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export const SCREENSHOTS = join(process.cwd(), 'test-results', 'dashboard');

export const DESKTOP = { width: 1280, height: 860 };
export const PHONE = { width: 390, height: 844 };

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
}

let users = 0;
/** A dashboard user of the organization with the role; the password is what the login form is given. */
export async function dashboardUser(t: TestPlatform, orgId: string | null, role: Role | null, options: { operator?: boolean } = {}) {
  const email = `user${++users}-${Date.now()}@dashboard.example`;
  const password = 'correct horse battery staple';
  const user = await createUser(t.platform.deps.db, { email, password, name: `Test ${role ?? 'operator'}`, isOperator: options.operator ?? false, by: { actor: 'cli' } });
  if (orgId && role) await addMember(t.platform.deps.db, orgId, user.id, role, { actor: 'cli' });
  return { id: user.id, email, password };
}

/** A new browser context (its own cookies) at `viewport`, signed in through the login form. */
export async function signIn(
  browser: Browser, baseUrl: string, user: { email: string; password: string }, viewport = DESKTOP, place = { locale: 'en-US', timezoneId: 'UTC' },
): Promise<Page> {
  const context = await browser.newContext({ viewport, ...place });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  return page;
}

/** axe-core on the page as it is now: no serious or critical violation (issue 9's quality bar). */
export async function expectAccessible(page: Page, view: string): Promise<void> {
  // Runs in the page (a string: this project's TypeScript has no DOM types).
  // Evaluated, not added as a <script>: the dashboard's CSP (script-src 'self') refuses inline scripts.
  if (!(await page.evaluate<boolean>("'axe' in window"))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate<{ id: string; impact: string | null; help: string; targets: string[] }[]>(`
    axe.run(document, { resultTypes: ['violations'] }).then((result) => result.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    })))`);
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious, `${view}: accessibility violations`).toEqual([]);
}

/** A screenshot under test-results/dashboard/, named after the view and width. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Nothing wider than the viewport (390 px phones): the page does not scroll sideways. */
export async function expectNoHorizontalScroll(page: Page, view: string): Promise<void> {
  const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
  expect(overflow, `${view}: page wider than the viewport by ${overflow}px`).toBeLessThanOrEqual(0);
}

/** Opens a view through the main navigation and waits for its heading. */
export async function openView(page: Page, navLabel: string, heading: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: navLabel, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

/** The quality bar on the page as it is now: axe, no sideways scroll, and a screenshot named `name`. */
export async function checkView(page: Page, name: string): Promise<void> {
  await expectAccessible(page, name);
  await expectNoHorizontalScroll(page, name);
  await screenshot(page, name);
}
