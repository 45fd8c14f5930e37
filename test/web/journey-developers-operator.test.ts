import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../src/db/sql.ts';
import { POW_BITS, solveChallenge } from '../../src/reports/challenge.ts';
import { startTestPlatform, type Tenant, type TestPlatform } from '../helpers/test-platform.ts';
import { startReceiver } from '../helpers/webhook-receiver.ts';
import { DESKTOP, PHONE, dashboardUser, expectAccessible, expectNoHorizontalScroll, launchBrowser, screenshot, signIn } from './browser.ts';

// Issue 9's journeys for the Developers view, Account standing and the operator console: an owner makes an API key
// in the browser, sees its secret once, and revokes it; an operator suspends the organization, whose owner sees the
// banner, cannot send, and appeals from the standing page.

let t: TestPlatform;
let browser: Browser;
let tenant: Tenant;
let bakery: Tenant;
let owner: { id: string; email: string; password: string };
let operator: { email: string; password: string };
let receiver: Awaited<ReturnType<typeof startReceiver>>;
const db = () => t.platform.deps.db;

beforeAll(async () => {
  t = await startTestPlatform({ env: { OUTBOUND_ALLOW_LOOPBACK: 'true', WEBHOOK_IDLE_MS: '25' } });
  tenant = await t.createTenant('Acme Shoes');
  // Other organizations, so the operator's list has more than one row to search.
  bakery = await t.createTenant('Bright Bakery', { optIn: false });
  await t.createTenant('Corner Florist', { optIn: false });
  owner = await dashboardUser(t, tenant.orgId, 'owner');
  operator = await dashboardUser(t, null, null, { operator: true });
  receiver = await startReceiver();
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await receiver?.close();
  await t?.close();
});

const orgName = async () => (await db().query<{ name: string }>(sql`SELECT name FROM organizations WHERE id = ${tenant.orgId}`))[0]!.name;

/** The view at both widths: axe, no sideways scroll, a screenshot each. */
async function captureBothWidths(page: Page, name: string, ready: () => Promise<unknown>) {
  await page.setViewportSize(DESKTOP);
  await ready();
  await expectAccessible(page, name);
  await screenshot(page, `${name}-1280`);
  await page.setViewportSize(PHONE);
  await ready();
  await expectNoHorizontalScroll(page, `${name} at 390`);
  await expectAccessible(page, `${name} at 390`);
  await screenshot(page, `${name}-390`);
  await page.setViewportSize(DESKTOP);
}

/** A call made by the page with its session cookie and CSRF token, as the app makes it. */
async function callAsPage(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  return page.evaluate<{ status: number; body: any }>(`(async () => {
    const session = await (await fetch('/v1/session')).json();
    const res = await fetch(${JSON.stringify(path)}, {
      method: ${JSON.stringify(method)},
      headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrf_token },
      ${body === undefined ? '' : `body: ${JSON.stringify(JSON.stringify(body))},`}
    });
    return { status: res.status, body: await res.json().catch(() => null) };
  })()`);
}

describe('Developers: API keys and webhooks in the browser', () => {
  it('creates a key whose secret is shown once and works, then revokes it and calls with it get 401', async () => {
    const page = await signIn(browser, t.url, owner);
    await page.getByRole('link', { name: 'Developers' }).click();
    await page.getByRole('heading', { name: 'API keys' }).waitFor();

    await page.getByRole('button', { name: 'Create an API key' }).click();
    await page.getByLabel('Name').fill('CRM sync');
    await page.getByRole('button', { name: 'Create key' }).click();
    const secretField = page.getByTestId('secret-value');
    await secretField.waitFor();
    const secret = await secretField.inputValue();
    expect(secret).toMatch(/^xp_test_/);
    await page.getByText('you won\'t see it again').waitFor();
    const row = page.getByTestId('api-key-row').filter({ hasText: 'CRM sync' });
    await row.getByText('Active').waitFor();

    // The key works, with the scopes the form gave it.
    const before = await t.api('GET', '/v1/templates', { key: secret });
    expect(before.status, before.text).toBe(200);
    const [stored] = await db().query<{ scopes: string[]; created_by: string | null }>(sql`SELECT scopes, created_by FROM api_keys WHERE org_id = ${tenant.orgId} AND name = 'CRM sync'`);
    expect(stored!.created_by).toBe(owner.id);
    expect(stored!.scopes).toContain('messages:write');
    expect(stored!.scopes).not.toContain('api_keys:write');

    // Once dismissed, the secret is nowhere on the page, nor after a reload.
    await page.getByRole('button', { name: 'I have stored it' }).click();
    await secretField.waitFor({ state: 'detached' });
    await page.reload();
    await row.waitFor();
    expect(await page.content()).not.toContain(secret);

    // Revoke, asked twice; the next call with the key is refused.
    await row.getByRole('button', { name: 'Revoke CRM sync' }).click();
    await row.getByText('Every call with it is refused').waitFor();
    await row.getByRole('button', { name: 'Revoke key' }).click();
    await row.getByText(/^Revoked/).waitFor();
    const after = await t.waitFor('the revoked key refused', async () => {
      const r = await t.api('GET', '/v1/templates', { key: secret });
      return r.status !== 200 && r;
    });
    expect(after.status).toBe(401);
    await page.context().close();
  }, 120_000);

  it('adds a webhook endpoint, shows its deliveries with status codes, replays one, and passes axe at both widths', async () => {
    const page = await signIn(browser, t.url, owner);
    await page.goto(`${t.url}/developers`);
    await page.getByRole('button', { name: 'Add an endpoint' }).click();
    await page.getByLabel('Endpoint URL').fill(receiver.url);
    await page.getByLabel('Description (optional)').fill('Order system');
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const secret = await page.getByTestId('secret-value').inputValue();
    expect(secret).toMatch(/^whsec_/);
    await page.getByRole('button', { name: 'I have stored it' }).click();

    // Real traffic: a template to a demo contact; its status events reach the endpoint.
    const sent = await t.api('POST', '/v1/messages', { key: tenant.apiKey, body: { to: '+12025550100', type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } } });
    expect(sent.status, sent.text).toBe(202);
    await t.waitFor('status events delivered', async () => receiver.accepted().length >= 3);

    await page.getByRole('link', { name: receiver.url, exact: true }).click();
    await page.getByRole('heading', { name: 'Delivery log' }).waitFor();
    const rows = page.getByTestId('delivery-row');
    await expect.poll(async () => {
      await page.getByRole('button', { name: 'Refresh' }).click();
      return rows.filter({ hasText: 'HTTP 200' }).count();
    }, { timeout: 20_000 }).toBeGreaterThanOrEqual(3);

    const count = await rows.count();
    await rows.first().getByRole('button', { name: /^Replay/ }).click();
    await page.getByText('queued for delivery again').waitFor();
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(count + 1);
    // The replay goes out with the same webhook-id and is acknowledged; its attempts open on demand.
    const replayed = rows.filter({ hasText: '(replay)' }).first();
    await expect.poll(async () => {
      await page.getByRole('button', { name: 'Refresh' }).click();
      return replayed.getByText('HTTP 200').count();
    }, { timeout: 20_000 }).toBe(1);
    await replayed.locator('summary').click();
    await replayed.getByText(/: HTTP 200 in/).waitFor();

    await captureBothWidths(page, 'developers-endpoint', () => rows.first().waitFor());
    await page.goto(`${t.url}/developers`);
    await captureBothWidths(page, 'developers', () => page.getByTestId('api-key-row').first().waitFor());
    await page.context().close();
  }, 120_000);
});

/** A report filed through the public API (its proof of work solved here), as the /report page files one. */
async function fileReport(against: Tenant, description: string) {
  const [n] = await db().query<{ display_phone_number: string }>(sql`SELECT display_phone_number FROM phone_numbers WHERE id = ${against.phoneNumberId}`);
  const challenge = (await t.api('GET', '/v1/reports/challenge')).body.challenge as string;
  const form = new FormData();
  const fields = { reporter_email: 'customer@example.org', reported_phone: n!.display_phone_number, category: 'spam', description, pow_challenge: challenge, pow_counter: solveChallenge(challenge, POW_BITS) };
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  const res = await fetch(`${t.url}/v1/reports`, { method: 'POST', body: form });
  expect(res.status, await res.clone().text()).toBe(201);
}

describe('Operator console: reports, cases and standing', () => {
  it('an operator works a report\'s case in the browser: assigns it, notes it, resolves it as confirmed', async () => {
    await fileReport(bakery, 'Daily offers I never signed up for, even after I replied STOP.');
    const op = await signIn(browser, t.url, operator);
    await op.getByRole('link', { name: 'Cases' }).click();
    const queued = op.getByTestId('case-row').filter({ hasText: 'Bright Bakery' });
    await queued.getByRole('link', { name: /spam/ }).click();
    await op.getByRole('heading', { name: 'Timeline' }).waitFor();
    await op.getByRole('button', { name: 'Assign to me' }).click();
    await op.getByText('You', { exact: true }).waitFor();
    await op.getByLabel('Add a note').fill('Opt-in records show no consent for this number.');
    await op.getByRole('button', { name: 'Add note' }).click();
    await op.getByText('Opt-in records show no consent for this number.').waitFor();
    await op.getByLabel('Outcome').fill('Confirmed: the business had no opt-in on record for you.');
    await op.getByLabel(/The violation is confirmed/).check();
    await op.getByRole('button', { name: 'Resolve' }).click();
    await op.getByText('confirmed violation').waitFor();

    // A second report opens a new case; the queue and the organization list show it, with the raised signal.
    await fileReport(bakery, 'Another promotion this morning, still without my consent.');
    await op.goto(`${t.url}/operator/cases`);
    await captureBothWidths(op, 'operator-cases', () => op.getByTestId('case-row').first().waitFor());
    await op.getByTestId('case-row').first().getByRole('link', { name: /spam/ }).click();
    await captureBothWidths(op, 'operator-case', () => op.getByRole('heading', { name: 'Timeline' }).waitFor());
    await op.goto(`${t.url}/operator`);
    const row = op.getByTestId('org-row').filter({ hasText: 'Bright Bakery' });
    await row.getByText('Confirmed violation reports').waitFor();
    expect(await row.textContent()).toMatch(/warn/);
    await op.context().close();
  }, 120_000);


  it('an operator suspends the organization; its owner sees the banner, cannot send, and appeals', async () => {
    const name = await orgName();
    const ownerPage = await signIn(browser, t.url, owner);
    await ownerPage.goto(`${t.url}/standing`);
    await ownerPage.getByTestId('standing-state').waitFor();
    expect(await ownerPage.getByTestId('standing-banner').count()).toBe(0);

    const op = await signIn(browser, t.url, operator);
    await op.getByRole('heading', { name: 'Organizations' }).waitFor();
    await captureBothWidths(op, 'operator-organizations', () => op.getByTestId('org-row').first().waitFor());
    await op.getByPlaceholder('Name, slug or id').fill(name);
    await op.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => op.getByTestId('org-row').count()).toBe(1);
    await op.getByRole('link', { name }).click();
    await op.getByRole('heading', { name: 'Take an enforcement step' }).waitFor();

    const until = new Date(Date.now() + 72 * 3_600_000);
    until.setUTCSeconds(0, 0);
    await op.getByLabel('Suspend', { exact: true }).check();
    await op.getByLabel('Suspended until').fill(until.toISOString().slice(0, 16));
    await op.getByLabel('Policy clause').fill('3.2');
    await op.getByLabel('Reason').fill('Phishing links confirmed in messages reported by three customers.');
    await op.getByRole('button', { name: 'Suspend', exact: true }).click();
    await op.getByTestId('operator-org-standing').getByText('Suspended until').waitFor();
    await op.getByTestId('history-step').filter({ hasText: 'Phishing links confirmed' }).waitFor();
    const [row] = await db().query<{ standing: string; standing_until: Date; standing_clause: string }>(sql`
      SELECT standing, standing_until, standing_clause FROM organizations WHERE id = ${tenant.orgId}`);
    expect(row).toEqual({ standing: 'suspended', standing_until: until, standing_clause: '3.2' });
    await captureBothWidths(op, 'operator-organization', () => op.getByTestId('signal').first().waitFor());

    // The owner, in their own browser context: the banner on every page, and sending is refused.
    await ownerPage.goto(`${t.url}/`);
    const banner = ownerPage.getByTestId('standing-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('suspended');
    const send = await callAsPage(ownerPage, 'POST', '/v1/messages', { to: '+12025550101', type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } });
    expect(send.status).toBe(403);
    expect(send.body.error).toMatchObject({ code: 'account_suspended', details: { state: 'suspended', clause: '3.2', until: until.toISOString() } });
    // And in the inbox, where the owner would try: the conversation says the account is suspended, under which
    // clause and until when, and offers no way to send.
    const [contact] = await db().query<{ id: string }>(sql`SELECT id FROM contacts WHERE org_id = ${tenant.orgId} AND phone_e164 = '+12025550101'`);
    await ownerPage.goto(`${t.url}/inbox/${contact!.id}`);
    // (The conversation list and the thread each say so.)
    const refused = ownerPage.getByRole('main').getByRole('alert').filter({ hasText: 'clause 3.2' }).last();
    await expect.poll(() => refused.textContent()).toContain('suspended under clause 3.2 of the Acceptable Use Policy until');
    expect(await ownerPage.getByRole('button', { name: /^Send/ }).count()).toBe(0);

    // The standing page still opens: the step, its reason, and an appeal.
    await banner.getByRole('link', { name: 'See why and what to do' }).click();
    const step = ownerPage.getByTestId('history-step').filter({ hasText: 'Phishing links confirmed' });
    await step.waitFor();
    await step.getByRole('button', { name: 'Appeal this step' }).click();
    await step.getByLabel('Your appeal').fill('The links were our own shop\'s; we have removed the campaign and added link checks.');
    await step.getByRole('button', { name: 'Send appeal' }).click();
    await step.getByText('Appeal waiting for a decision').waitFor();
    await expectAccessible(ownerPage, 'standing while suspended');
    await screenshot(ownerPage, 'standing-suspended-1280');

    // The operator sees it in the appeals queue and overturns it; the owner's banner goes.
    await op.goto(`${t.url}/operator/appeals`);
    const appeal = op.getByTestId('pending-appeal').filter({ hasText: name });
    await appeal.waitFor();
    await appeal.getByLabel('Overturn: restore the standing before the step').check();
    await appeal.getByLabel('Reason').fill('The domain is the shop\'s own; the reports were mistaken.');
    await appeal.getByRole('button', { name: 'Decide' }).click();
    await appeal.waitFor({ state: 'detached' });
    await ownerPage.goto(`${t.url}/standing`);
    await ownerPage.getByText('Appeal granted: the step was overturned').waitFor();
    expect(await ownerPage.getByTestId('standing-banner').count()).toBe(0);
    await ownerPage.getByTestId('policy-acceptance').waitFor();

    // The operator publishes the policy's next version, effective in eight days; the owner sees it coming.
    const [current] = await db().query<{ document: { title: string; sections: { id: string; title: string; text?: string[] }[] } }>(sql`
      SELECT document FROM policy_versions ORDER BY version DESC LIMIT 1`);
    const next = structuredClone(current!.document);
    next.sections[0]!.text = [...(next.sections[0]!.text ?? []), 'Operators answer appeals within two business days.'];
    await op.getByRole('link', { name: 'Policy' }).click();
    await op.getByRole('button', { name: 'Write a new version' }).click();
    await op.getByLabel('What changed').fill('Appeals are answered within two business days.');
    await op.getByLabel('The policy document (JSON)').fill(JSON.stringify(next, null, 2));
    await op.getByRole('button', { name: 'Publish', exact: true }).click();
    await op.getByText(/Version \d+ is published/).waitFor();
    await op.getByText('Upcoming').waitFor();
    await expectAccessible(op, 'operator policy');
    await screenshot(op, 'operator-policy-1280');
    await ownerPage.reload();
    await ownerPage.getByText('Appeals are answered within two business days.').waitFor();
    await captureBothWidths(ownerPage, 'standing', () => ownerPage.getByTestId('signal').first().waitFor());
    await op.context().close();
    await ownerPage.context().close();
  }, 180_000);
});
