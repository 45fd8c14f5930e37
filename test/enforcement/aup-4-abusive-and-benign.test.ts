import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../src/db/sql.ts';
import { addMember, createUser } from '../../src/tenancy/create-organization.ts';
import { customer } from '../helpers/dispatch-helpers.ts';
import { syncTemplates } from '../../src/templates/sync-templates.ts';
import { SIM, startTestPlatform, type Tenant, type TestPlatform } from '../helpers/test-platform.ts';
import { startReceiver } from '../helpers/webhook-receiver.ts';

// The Done-when of issue 8 item 4: two tenants send the same volume side by side. The abusive one sends without
// consent, then phishing links, then a marketing blast; the evaluator (every 100 ms here) warns, restricts and
// suspends it, each step with its clause and the signals it was taken on. The benign one's one-time passwords and
// order updates, all to customers who opted in, leave it in good standing.

let t: TestPlatform;
let abusive: Tenant;
let benign: Tenant;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

const PHISHING = 'Your SBI account will be blocked today. Update KYC now at http://sbi-kyc-update.xyz/login and share the OTP you receive.';
const orderUpdate = (to: string, order: string, news: string) => ({
  to, type: 'template', template: { name: 'order_update', language: { code: 'en_US' }, components: [{ type: 'body', parameters: [{ type: 'text', text: order }, { type: 'text', text: news }] }] },
});
const loginCode = (to: string, code: string) => ({
  to, type: 'template', template: { name: 'login_code', language: { code: 'en_US' }, components: [{ type: 'body', parameters: [{ type: 'text', text: code }] }] },
});
const sale = (to: string) => ({ to, type: 'template', template: { name: 'big_sale', language: { code: 'en_US' } } });

async function batch(tenant: Tenant, messages: object[]) {
  const r = await t.api('POST', '/v1/messages/batch', { key: tenant.apiKey, body: { messages } });
  expect(r.status).toBe(200);
  return r.body as { accepted: number; refused: number; data: { status?: string; error?: { code: string } }[] };
}

/** The benign tenant's share of a phase: the same number of messages, half one-time passwords, half order updates. */
async function benignPhase(n: number, offset: number) {
  const messages = Array.from({ length: n }, (_, i) => (i % 2 === 0
    ? loginCode(customer(offset + i), String(100000 + offset + i))
    : orderUpdate(customer(offset + i), `A-${offset + i}`, 'it has shipped and arrives tomorrow')));
  const r = await batch(benign, messages);
  expect(r.refused).toBe(0);
}

const standing = async (tenant: Tenant) => (await t.api('GET', '/v1/account/standing', { key: tenant.apiKey })).body;
const changes = (tenant: Tenant) => t.platform.deps.db.query<{ from_state: string; to_state: string; clause: string; actor: string; evidence: any; reason: string; until: Date | null }>(sql`
  SELECT from_state, to_state, clause, actor, evidence, reason, until FROM standing_changes WHERE org_id = ${tenant.orgId} ORDER BY created_at, id`);
const stateOf = async (tenant: Tenant) => (await t.platform.deps.db.query<{ standing: string }>(sql`SELECT standing FROM organizations WHERE id = ${tenant.orgId}`))[0]!.standing;

/** A template with examples for its variables, approved by the simulated Meta and pulled into the platform. */
async function approvedTemplate(tenant: Tenant, name: string, category: string, text: string, examples: string[]) {
  const res = await fetch(`${t.simUrl}/v26.0/${tenant.wabaId}/message_templates`, {
    method: 'POST', headers: { authorization: `Bearer ${SIM.accessToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name, language: 'en_US', category, components: [{ type: 'BODY', text, ...(examples.length ? { example: { body_text: [examples] } } : {}) }] }),
  });
  if (!res.ok) throw new Error(`template create failed: ${await res.text()}`);
  const [account] = await t.platform.deps.db.query<{ account_id: string }>(sql`
    SELECT account_id FROM phone_numbers WHERE org_id = ${tenant.orgId} AND id = ${tenant.phoneNumberId}`);
  await t.waitFor(`template ${name} approved`, async () => {
    await syncTemplates(t.platform.deps, tenant.orgId, account!.account_id);
    return (await t.api('GET', '/v1/templates?limit=200', { key: tenant.apiKey })).body.data.find((x: any) => x.name === name && x.status === 'APPROVED');
  });
}

beforeAll(async () => {
  t = await startTestPlatform({
    env: {
      ENFORCEMENT_INTERVAL_MS: '100', ENFORCEMENT_WINDOW_SECONDS: '3600', ENFORCEMENT_MIN_VOLUME: '20', ENFORCEMENT_SUSPEND_SECONDS: '3600',
      OUTBOUND_ALLOW_LOOPBACK: 'true', WEBHOOK_IDLE_MS: '25',
    },
  });
  abusive = await t.createTenant('Blaster');
  benign = await t.createTenant('Shop');
  for (const tenant of [abusive, benign]) {
    await approvedTemplate(tenant, 'order_update', 'UTILITY', 'Your order {{1}} has an update: {{2}}. Reply to this message if you have any questions.', ['A-1', 'it has shipped']);
  }
  await approvedTemplate(benign, 'login_code', 'UTILITY', 'Your Shop login code is {{1}}. It expires in 10 minutes; do not share it with anyone.', ['482913']);
  await approvedTemplate(abusive, 'big_sale', 'MARKETING', 'Our biggest sale of the year starts today, with new offers every hour.', []);
  const owner = await createUser(t.platform.deps.db, { email: `owner-${abusive.orgId}@blaster.example`, password: 'a long enough password 1' });
  await addMember(t.platform.deps.db, abusive.orgId, owner.id, 'owner');
  receiver = await startReceiver();
  const endpoint = await t.api('POST', '/v1/webhook-endpoints', { key: abusive.apiKey, body: { url: receiver.url, event_types: ['account.standing'] } });
  expect(endpoint.status).toBe(201);
}, 60_000);
afterAll(async () => {
  await receiver?.close();
  await t?.close();
});

describe('AUP 4 — monitoring and enforcement', () => {
  it('warns, restricts and suspends the abusive tenant automatically, each step with its clause and evidence; the benign one stays in good standing', async () => {
    // Before anything: both in good standing, every signal published with its thresholds.
    const before = await standing(abusive);
    expect(before).toMatchObject({ state: 'good', risk_score: 0, history: [] });
    expect(before.signals.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining(['opt_out_rate', 'quality_events', 'failure_131049', 'failure_131026', 'failure_131050', 'consent_refusals', 'screening', 'marketing_volume_spike', 'throttling', 'credential_sharing', 'violation_reports']));
    for (const s of before.signals) expect(s.warn * 3).toBeCloseTo(s.action, 6);

    // 1. Sends without consent: 30 order updates to customers who opted in, one to a number that never did.
    const first = await batch(abusive, [
      ...Array.from({ length: 30 }, (_, i) => orderUpdate(customer(i), `B-${i}`, 'please confirm your address')),
      orderUpdate('+12025550300', 'B-x', 'please confirm your address'),
    ]);
    expect(first.refused).toBe(1);
    expect(first.data[30]!.error!.code).toBe('consent_required');
    await benignPhase(31, 0);
    await t.waitFor('the abusive tenant warned', async () => (await stateOf(abusive)) === 'warned');
    const warned = await standing(abusive);
    expect(warned.state).toBe('warned');
    expect(warned.signals.find((s: { id: string }) => s.id === 'consent_refusals')).toMatchObject({ level: 'warn', clause: '3.1', volume: 31 });
    expect(warned.what_to_do.join(' ')).toMatch(/opt-in/);

    // 2. Phishing links in the template's parameters: blocked by screening, each a signal.
    const second = await batch(abusive, Array.from({ length: 4 }, (_, i) => orderUpdate(customer(40 + i), `C-${i}`, PHISHING)));
    expect(second.data.map((d) => d.error?.code)).toEqual(Array(4).fill('content_blocked'));
    await benignPhase(4, 31);
    await t.waitFor('the abusive tenant restricted', async () => (await stateOf(abusive)) === 'restricted');
    // Restricted: marketing is paused, and the refusal names clause 4; utility messages still go.
    const paused = await t.api('POST', '/v1/messages', { key: abusive.apiKey, body: sale(customer(50)) });
    expect(paused.status).toBe(403);
    expect(paused.body.error).toMatchObject({ code: 'account_restricted', policy_clause: '4' });

    // 3. A volume spike: a marketing blast many times its (empty) 7-day baseline, refused while restricted.
    const blast = await batch(abusive, Array.from({ length: 150 }, (_, i) => sale(customer(i))));
    expect(blast.refused).toBe(150);
    expect(blast.data[0]!.error!.code).toBe('account_restricted');
    await benignPhase(151, 35);
    await t.waitFor('the abusive tenant suspended', async () => (await stateOf(abusive)) === 'suspended');

    // Each step: automatic, with its clause and the signals it was taken on.
    const steps = await changes(abusive);
    expect(steps.map((s) => [s.from_state, s.to_state, s.clause, s.actor])).toEqual([
      ['good', 'warned', '3.1', 'system:enforcement'],
      ['warned', 'restricted', '3.2', 'system:enforcement'],
      ['restricted', 'suspended', '3.1', 'system:enforcement'],
    ]);
    const evidence = (i: number, id: string) => steps[i]!.evidence.signals.find((s: { id: string }) => s.id === id);
    expect(evidence(0, 'consent_refusals')).toMatchObject({ level: 'warn', clause: '3.1', warn: 0.02, action: 0.06, volume: 31 });
    expect(evidence(1, 'screening')).toMatchObject({ level: 'action', clause: '3.2', volume: 35 });
    expect(evidence(2, 'marketing_volume_spike')).toMatchObject({ level: 'action', clause: '3.1', volume: 151 });
    expect(steps[2]!.evidence.score).toBeGreaterThanOrEqual(100);
    expect(steps[2]!.until).toBeInstanceOf(Date);
    expect(steps[2]!.reason).toMatch(/marketing_volume_spike/);

    // Suspended: every call refused with the end time and the clause — but the standing and appeals themselves.
    const refused = await t.api('GET', '/v1/messages', { key: abusive.apiKey });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'account_suspended', policy_clause: '3.1', details: { state: 'suspended', clause: '3.1', until: steps[2]!.until!.toISOString() } });
    expect((await t.api('GET', '/v1/account/standing', { key: abusive.apiKey })).body.state).toBe('suspended');

    // Every step was noticed (account event, webhook, email) and audited.
    const events = await t.platform.deps.db.query<{ detail: any }>(sql`
      SELECT detail FROM account_events WHERE org_id = ${abusive.orgId} AND kind = 'account.standing' ORDER BY id`);
    expect(events.map((e) => e.detail.state)).toEqual(['warned', 'restricted', 'suspended']);
    const emails = await t.platform.deps.db.query<{ subject: string }>(sql`
      SELECT subject FROM email_outbox WHERE org_id = ${abusive.orgId} AND kind = 'standing_notice' ORDER BY id`);
    expect(emails.map((e) => e.subject)).toEqual([expect.stringMatching(/warned \(AUP 3\.1\)/), expect.stringMatching(/restricted \(AUP 3\.2\)/), expect.stringMatching(/suspended \(AUP 3\.1\)/)]);
    const audit = await t.platform.deps.db.query<{ action: string; actor: string; detail: any }>(sql`
      SELECT action, actor, detail FROM audit_log WHERE org_id = ${abusive.orgId} AND action LIKE 'enforcement.%' ORDER BY seq`);
    expect(audit.map((a) => [a.action, a.actor, a.detail.clause])).toEqual([
      ['enforcement.warned', 'system:enforcement', '3.1'], ['enforcement.restricted', 'system:enforcement', '3.2'], ['enforcement.suspended', 'system:enforcement', '3.1'],
    ]);
    await t.waitFor('three account.standing webhooks', async () => receiver.accepted().length >= 3);
    expect(receiver.accepted().map((r) => JSON.parse(r.body).data.state)).toEqual(['warned', 'restricted', 'suspended']);

    // The benign tenant sent as much and stays in good standing, with nothing against it.
    const good = await standing(benign);
    expect(good).toMatchObject({ state: 'good', history: [] });
    expect(good.risk_score).toBe(0);
    expect(await changes(benign)).toEqual([]);
    const sent = await t.platform.deps.db.query<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM messages WHERE org_id = ${benign.orgId} AND direction = 'outbound'`);
    expect(sent[0]!.n).toBe(31 + 4 + 151);
  }, 60_000);
});
