import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/audit/verify-audit.ts';
import { sql } from '../../src/db/sql.ts';
import { createOperatorKey } from '../../src/operators/operator-keys.ts';
import { createUser } from '../../src/tenancy/create-organization.ts';
import { PNG } from '../helpers/media-files.ts';
import { startTestPlatform, type Tenant, type TestPlatform } from '../helpers/test-platform.ts';

// Issue 8's "done when": a report filed through /report in a real browser — Debian's Chromium driven by
// playwright-core, the page's own proof-of-work script running in it — reaches the operators' case queue; the
// operator suspends the organization from the case, and resolving it records the reporter's outcome notice.

const CHROMIUM = '/usr/bin/chromium';
// The machine's network is closed: without these Chromium keeps trying to reach Google's services.
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let t: TestPlatform;
let browser: Browser;
let tenant: Tenant;
let number: string;
let operator: { id: string; key: string };
const db = () => t.platform.deps.db;

beforeAll(async () => {
  t = await startTestPlatform({ workers: false });
  tenant = await t.createTenant('Phishy Ltd');
  number = (await db().query<{ display_phone_number: string }>(sql`SELECT display_phone_number FROM phone_numbers WHERE id = ${tenant.phoneNumberId}`))[0]!.display_phone_number;
  const user = await createUser(db(), { email: 'trust@xpecto.example', password: 'correct horse battery', isOperator: true, by: { actor: 'cli' } });
  operator = { id: user.id, key: (await createOperatorKey(db(), { email: 'trust@xpecto.example', name: 'console', actor: 'cli' })).secret };
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('AUP 5 — a report becomes a case and an enforcement action', () => {
  it('files a report in a real browser, the operator suspends the organization from its case, and the reporter is told the outcome', async () => {
    // 1. The public files a report through the form, in Chromium.
    const page = await browser.newPage();
    const scriptErrors: string[] = [];
    page.on('pageerror', (e) => scriptErrors.push(e.message));
    await page.goto(`${t.url}/report`);
    await page.fill('#reported_phone', number);
    await page.selectOption('#category', 'illegal');
    await page.fill('#description', 'A message said my bank account was locked and linked to a fake login page.');
    await page.setInputFiles('#evidence', { name: 'phishing.png', mimeType: 'image/png', buffer: PNG });
    await page.fill('#reporter_email', 'reporter@example.org');
    await page.click('button[type=submit]');
    // The page's script finishes the proof of work, then submits: the server accepted the browser's answer.
    const reference = (await page.locator('#reference').textContent({ timeout: 90_000 }))!.trim();
    expect(reference).toMatch(/^RPT(-[0-9A-Z]{4}){4}$/);
    expect(scriptErrors).toEqual([]);
    const [report] = await db().query<{ id: string; org_id: string; source: string }>(sql`SELECT id, org_id, source FROM violation_reports WHERE reference = ${reference}`);
    expect(report).toMatchObject({ org_id: tenant.orgId, source: 'form' });

    // 2. It is in the operator's queue, as a case about the organization.
    const op = (method: string, path: string, body?: unknown) => t.api(method, `/v1/operator${path}`, { key: operator.key, ...(body === undefined ? {} : { body }) });
    const queue = await op('GET', '/cases');
    expect(queue.status, queue.text).toBe(200);
    const c = queue.body.data.find((x: any) => x.report_ids.includes(report!.id));
    expect(c).toMatchObject({ status: 'open', priority: 'high', clause: '3.2', category: 'illegal', organization: { id: tenant.orgId, standing: 'good' } });
    expect((await op('POST', `/cases/${c.id}/assign`, { assignee: 'me' })).status).toBe(200);
    expect((await t.api('GET', '/v1/account/standing', { key: tenant.apiKey })).status).toBe(200);

    // 3. The operator suspends the organization from the case; its next API call is refused.
    const until = new Date(Date.now() + 72 * 3_600_000).toISOString();
    const action = await op('POST', `/cases/${c.id}/actions`, { state: 'suspended', reason: 'Phishing confirmed from the reporter\'s screenshot.', clause: '3.2', until });
    expect(action.status, action.text).toBe(201);
    expect(action.body).toEqual({ change_id: expect.stringMatching(/^\S+$/), from: 'good', to: 'suspended', clause: '3.2', until });
    const refused = await t.waitFor('the tenant refused', async () => {
      const r = await t.api('GET', '/v1/templates', { key: tenant.apiKey });
      return r.status === 403 && r;
    });
    // It can still see why, and appeal.
    expect((await t.api('GET', '/v1/account/standing', { key: tenant.apiKey })).body.state).toBe('suspended');
    expect(refused.body.error).toMatchObject({ code: 'account_suspended', details: { state: 'suspended', clause: '3.2', until } });

    // 4. Resolving records the outcome for the reporter.
    const resolved = await op('POST', `/cases/${c.id}/resolve`, { outcome: 'Confirmed: the business was suspended for phishing.', confirmed: true });
    expect(resolved.status, resolved.text).toBe(200);
    const mail = await db().query<{ to_address: string; subject: string; body: string }>(sql`
      SELECT to_address, subject, body FROM email_outbox WHERE kind = 'report.outcome'`);
    expect(mail).toEqual([{ to_address: 'reporter@example.org', subject: `Outcome of your report ${reference}`, body: expect.stringContaining('Confirmed: the business was suspended for phishing.') }]);
    await page.goto(`${t.url}/report/${reference}`);
    expect(await page.locator('#outcome').textContent()).toBe('Confirmed: the business was suspended for phishing.');

    // Every step is in the organization's chain, which still verifies.
    const steps = await db().query<{ action: string; actor: string }>(sql`
      SELECT action, actor FROM audit_log WHERE chain = ${tenant.orgId} AND (action LIKE 'case.%' OR action LIKE 'enforcement.%') ORDER BY seq`);
    expect(steps).toEqual([
      { action: 'case.opened', actor: 'system:report_intake' },
      { action: 'case.assigned', actor: `operator:${operator.id}` },
      { action: 'enforcement.suspended', actor: `operator:${operator.id}` },
      { action: 'case.action_taken', actor: `operator:${operator.id}` },
      { action: 'case.resolved', actor: `operator:${operator.id}` },
    ]);
    expect((await verifyAuditChain(db(), tenant.orgId)).ok).toBe(true);
  }, 180_000);
});
