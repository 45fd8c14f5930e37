import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, unsafeRaw } from '../../src/db/sql.ts';
import { addTemplate, customer } from '../helpers/dispatch-helpers.ts';
import { startTestPlatform, type Tenant, type TestPlatform } from '../helpers/test-platform.ts';

// AUP 2 and 3.1 on the send path: no template without a current opt-in for its purpose, proof on every
// opt-in, a hash-chained ledger that shows tampering, and a marketing frequency cap per contact.

let t: TestPlatform;
let tenant: Tenant;
let business: string;

const promo = (to: string) => ({ to, type: 'template', template: { name: 'spring_promo', language: { code: 'en_US' } } });
const update = (to: string) => ({ to, type: 'template', template: { name: 'order_update', language: { code: 'en_US' } } });
const proofText = () => `I agree that ${business} may message me on WhatsApp.`;

async function consent(body: object, key = tenant.apiKey) {
  return t.api('POST', '/v1/consents', { key, body: { records: [body] } });
}

async function countRows(table: 'messages' | 'consent_records' | 'compliance_signals', orgId = tenant.orgId) {
  const [row] = await t.platform.deps.db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${unsafeRaw(table)} WHERE org_id = ${orgId}`);
  return row!.n;
}

beforeAll(async () => {
  t = await startTestPlatform({ workers: false });
  tenant = await t.createTenant('Consent Co', { optIn: false });
  const [org] = await t.platform.deps.db.query<{ name: string }>(sql`SELECT name FROM organizations WHERE id = ${tenant.orgId}`);
  business = org!.name;
  await addTemplate(t, tenant, 'spring_promo', 'MARKETING', 'Spring sale: 20% off everything this week.');
  await addTemplate(t, tenant, 'order_update', 'UTILITY', 'Your order has shipped.');
}, 60_000);
afterAll(() => t?.close());

describe('AUP 3.1: no business-initiated message without consent', () => {
  it('refuses a template to a contact who never opted in, writes no message, and counts a compliance signal', async () => {
    const messages = await countRows('messages');
    const signals = await countRows('compliance_signals');
    const r = await t.api('POST', '/v1/messages', { key: tenant.apiKey, body: update(customer(1)) });
    expect(r.status).toBe(422);
    expect(r.body.error).toMatchObject({ code: 'consent_required', policy_clause: '3.1' });
    expect(await countRows('messages')).toBe(messages);
    expect(await countRows('compliance_signals')).toBe(signals + 1);
    const [signal] = await t.platform.deps.db.query<{ kind: string; clause: string }>(sql`
      SELECT kind, clause FROM compliance_signals WHERE org_id = ${tenant.orgId} ORDER BY id DESC LIMIT 1`);
    expect(signal).toEqual({ kind: 'send_refused_no_consent', clause: '3.1' });
  });

  it('sends once the contact opted in, and stores the consent record that allowed it', async () => {
    const recorded = await consent({ phone: customer(2), purpose: 'all', state: 'opted_in', source: 'web_form', proof: { text: proofText(), url: 'https://shop.example/join', ip: '203.0.113.7' } });
    expect(recorded.status).toBe(201);
    const record = recorded.body.data[0];
    const r = await t.api('POST', '/v1/messages', { key: tenant.apiKey, body: update(customer(2)) });
    expect(r.status).toBe(202);
    const [row] = await t.platform.deps.db.query<{ consent_record_id: string; category: string }>(sql`
      SELECT consent_record_id, category FROM messages WHERE org_id = ${tenant.orgId} AND id = ${r.body.id}`);
    expect(row).toEqual({ consent_record_id: record.id, category: 'utility' });
  });

  it('a marketing opt-out blocks marketing only; a full opt-out blocks every template', async () => {
    const phone = customer(3);
    expect((await consent({ phone, purpose: 'all', state: 'opted_in', source: 'api', proof: { text: proofText() } })).status).toBe(201);
    expect((await t.api('POST', '/v1/messages', { key: tenant.apiKey, body: promo(phone) })).status).toBe(202);

    expect((await consent({ phone, purpose: 'marketing', state: 'opted_out', source: 'agent' })).status).toBe(201);
    const refused = await t.api('POST', '/v1/messages', { key: tenant.apiKey, body: promo(phone) });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'contact_opted_out', policy_clause: '3.1' });
    expect((await t.api('POST', '/v1/messages', { key: tenant.apiKey, body: update(phone) })).status).toBe(202);

    expect((await consent({ phone, purpose: 'all', state: 'opted_out', source: 'agent' })).status).toBe(201);
    expect((await t.api('POST', '/v1/messages', { key: tenant.apiKey, body: update(phone) })).body.error.code).toBe('contact_opted_out');
    expect((await t.api('POST', '/v1/messages', { key: tenant.apiKey, body: promo(phone) })).body.error.code).toBe('contact_opted_out');
  });

  it('a text inside the 24-hour window needs no opt-in; outside it, only a template goes and it needs one', async () => {
    const text = await t.api('POST', '/v1/messages', { key: tenant.apiKey, body: { to: customer(4), type: 'text', text: { body: 'hi' } } });
    expect(text.body.error.code).toBe('outside_customer_service_window');
    expect((await t.api('POST', '/v1/messages', { key: tenant.apiKey, body: update(customer(4)) })).body.error.code).toBe('consent_required');
  });

  it('applies the same rules to each item of a batch', async () => {
    const phone = customer(5);
    expect((await consent({ phone, purpose: 'marketing', state: 'opted_in', source: 'api', proof: { text: proofText() } })).status).toBe(201);
    const r = await t.api('POST', '/v1/messages/batch', { key: tenant.apiKey, body: { messages: [promo(phone), update(phone), update(customer(6))] } });
    expect(r.status).toBe(200);
    expect(r.body.data[0].status).toBe('accepted');
    expect(r.body.data[1].error.code).toBe('consent_required');
    expect(r.body.data[2].error.code).toBe('consent_required');
  });
});

describe('recording consent', () => {
  it('refuses an opt-in whose text does not name the business and WhatsApp, and writes nothing', async () => {
    const before = await countRows('consent_records');
    const r = await t.api('POST', '/v1/consents', {
      key: tenant.apiKey,
      body: { records: [
        { phone: customer(7), purpose: 'all', state: 'opted_in', source: 'web_form', proof: { text: proofText() } },
        { phone: customer(8), purpose: 'all', state: 'opted_in', source: 'web_form', proof: { text: 'Send me offers by SMS' } },
        { phone: 'not a phone', purpose: 'marketing', state: 'opted_in', source: 'api' },
      ] },
    });
    expect(r.status).toBe(400);
    const paths = r.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['body.records[1].proof.text', 'body.records[2].phone', 'body.records[2].proof.text']));
    expect(paths.some((p: string) => p.startsWith('body.records[0]'))).toBe(false);
    expect(await countRows('consent_records')).toBe(before);
  });

  it('shows the current state per purpose and the whole history, newest first', async () => {
    const phone = customer(9);
    const first = await consent({ phone, purpose: 'all', state: 'opted_in', source: 'api', proof: { text: proofText() }, captured_at: '2026-01-05T10:00:00Z' });
    const contactId = first.body.data[0].contact_id;
    await t.api('POST', `/v1/contacts/${contactId}/consents`, { key: tenant.apiKey, body: { purpose: 'marketing', state: 'opted_out', source: 'agent', proof: { note: 'asked on the phone' } } });
    const r = await t.api('GET', `/v1/contacts/${contactId}/consents`, { key: tenant.apiKey });
    expect(r.status).toBe(200);
    expect(r.body.current.marketing.state).toBe('opted_out');
    expect(r.body.current.utility.state).toBe('opted_in');
    expect(r.body.current.authentication.state).toBe('opted_in');
    expect(r.body.history.map((h: { state: string; purpose: string }) => `${h.purpose}:${h.state}`)).toEqual(['marketing:opted_out', 'all:opted_in']);
    expect(r.body.history[1].proof).toMatchObject({ text: proofText(), captured_at: '2026-01-05T10:00:00.000Z' });
    expect(r.body.history[1].actor).toMatch(/^api_key:key_/);
    expect(r.body.history[0].prev_hash).toBe(r.body.history[1].hash);
  });

  it('keeps another organization\'s contacts out of reach', async () => {
    const other = await t.createTenant('Other Co', { optIn: false });
    const mine = await consent({ phone: customer(10), purpose: 'all', state: 'opted_in', source: 'api', proof: { text: proofText() } });
    const contactId = mine.body.data[0].contact_id;
    expect((await t.api('GET', `/v1/contacts/${contactId}/consents`, { key: other.apiKey })).status).toBe(404);
    const r = await consent({ contact_id: contactId, purpose: 'all', state: 'opted_out', source: 'api' }, other.apiKey);
    expect(r.status).toBe(404);
  });

  it('offers no way to edit or delete a record', async () => {
    const r = await consent({ phone: customer(11), purpose: 'all', state: 'opted_in', source: 'api', proof: { text: proofText() } });
    const { id, contact_id } = r.body.data[0];
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      expect((await t.api(method, `/v1/contacts/${contact_id}/consents/${id}`, { key: tenant.apiKey, body: {} })).status).toBe(404);
    }
  });
});

describe('the ledger', () => {
  it('verifies a chain of hundreds of records, walking them in numeric order (record 10 comes after 9, not after 1)', async () => {
    const big = await t.createTenant('Big Ledger');
    const r = await t.api('GET', '/v1/consents/verify', { key: big.apiKey });
    expect(r.body).toMatchObject({ ok: true, records: 100, broken: null });
    const contact = (await t.platform.deps.db.query<{ contact_id: string }>(sql`
      SELECT contact_id FROM consent_records WHERE org_id = ${big.orgId} AND seq = 1`))[0]!.contact_id;
    const name = (await t.api('GET', '/v1/consent/settings', { key: big.apiKey })).body.business_name;
    for (let i = 0; i < 11; i++) {
      const r = await t.api('POST', `/v1/contacts/${contact}/consents`, { key: big.apiKey, body: { purpose: 'marketing', state: i % 2 ? 'opted_in' : 'opted_out', source: 'agent', proof: { text: `${name} on WhatsApp` } } });
      expect(r.status, r.text).toBe(201);
    }
    const history = await t.api('GET', `/v1/contacts/${contact}/consents?limit=20`, { key: big.apiKey });
    const seqs = history.body.history.map((h: { seq: string }) => Number(h.seq));
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(seqs[0]).toBe(111);
    expect((await t.api('GET', '/v1/consents/verify', { key: big.apiKey })).body).toMatchObject({ ok: true, records: 111 });
  });

  it('verifies untouched, then names the first record altered directly in the database', async () => {
    const ok = await t.api('GET', '/v1/consents/verify', { key: tenant.apiKey });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ ok: true, broken: null });
    expect(ok.body.records).toBeGreaterThan(5);

    const db = t.platform.deps.db;
    const [victim] = await db.query<{ seq: string; id: string }>(sql`
      SELECT seq::text AS seq, id FROM consent_records WHERE org_id = ${tenant.orgId} AND state = 'opted_out' ORDER BY consent_records.seq LIMIT 1`);
    await db.query(sql`UPDATE consent_records SET state = 'opted_in' WHERE org_id = ${tenant.orgId} AND id = ${victim!.id}`);
    const bad = await t.api('GET', '/v1/consents/verify', { key: tenant.apiKey });
    expect(bad.body.ok).toBe(false);
    expect(bad.body.broken).toMatchObject({ seq: victim!.seq, id: victim!.id, reason: 'its content does not match its hash' });
    await db.query(sql`UPDATE consent_records SET state = 'opted_out' WHERE org_id = ${tenant.orgId} AND id = ${victim!.id}`);
    expect((await t.api('GET', '/v1/consents/verify', { key: tenant.apiKey })).body.ok).toBe(true);
  });

  it('detects an edited proof and a removed record', async () => {
    const db = t.platform.deps.db;
    const [first] = await db.query<{ seq: string; id: string; proof: object }>(sql`
      SELECT seq::text AS seq, id, proof FROM consent_records WHERE org_id = ${tenant.orgId} ORDER BY consent_records.seq LIMIT 1`);
    await db.query(sql`UPDATE consent_records SET proof = proof || '{"text":"something else"}'::jsonb WHERE org_id = ${tenant.orgId} AND id = ${first!.id}`);
    expect((await t.api('GET', '/v1/consents/verify', { key: tenant.apiKey })).body.broken).toMatchObject({ seq: first!.seq, reason: 'its proof does not match the digest in the chain' });
    await db.query(sql`UPDATE consent_records SET proof = ${JSON.stringify(first!.proof)}::jsonb WHERE org_id = ${tenant.orgId} AND id = ${first!.id}`);

    const [second] = await db.query<{ seq: string }>(sql`SELECT seq::text AS seq FROM consent_records WHERE org_id = ${tenant.orgId} ORDER BY consent_records.seq OFFSET 1 LIMIT 1`);
    await db.query(sql`DELETE FROM consent_records WHERE org_id = ${tenant.orgId} AND seq = ${second!.seq}::bigint`);
    const r = await t.api('GET', '/v1/consents/verify', { key: tenant.apiKey });
    expect(r.body.ok).toBe(false);
    expect(r.body.broken).toMatchObject({ seq: second!.seq, reason: `record ${second!.seq} is missing` });
  });
});

describe('the marketing frequency cap', () => {
  it('allows two marketing templates per contact per 24 hours by default, also under concurrent sends', async () => {
    const fresh = await t.createTenant('Cap Co', { optIn: false });
    const [org] = await t.platform.deps.db.query<{ name: string }>(sql`SELECT name FROM organizations WHERE id = ${fresh.orgId}`);
    await addTemplate(t, fresh, 'spring_promo', 'MARKETING', 'Spring sale: 20% off everything this week.');
    const phone = customer(12);
    const ok = await t.api('POST', '/v1/consents', { key: fresh.apiKey, body: { records: [{ phone, purpose: 'all', state: 'opted_in', source: 'api', proof: { text: `${org!.name} on WhatsApp` } }] } });
    expect(ok.status).toBe(201);
    const answers = await Promise.all(Array.from({ length: 8 }, () => t.api('POST', '/v1/messages', { key: fresh.apiKey, body: promo(phone) })));
    expect(answers.filter((a) => a.status === 202)).toHaveLength(2);
    const capped = answers.filter((a) => a.status !== 202);
    expect(capped.every((a) => a.status === 422 && a.body.error.code === 'marketing_frequency_cap' && a.body.error.policy_clause === '3.1')).toBe(true);
    expect(capped[0]!.body.error.details[0]).toMatchObject({ cap: 2, window_hours: 24 });
    const [stored] = await t.platform.deps.db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM messages WHERE org_id = ${fresh.orgId} AND category = 'marketing'`);
    expect(stored!.n).toBe(2);

    const batch = await t.api('POST', '/v1/messages/batch', { key: fresh.apiKey, body: { messages: [promo(phone)] } });
    expect(batch.body.data[0].error.code).toBe('marketing_frequency_cap');
    const [signals] = await t.platform.deps.db.query<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM compliance_signals WHERE org_id = ${fresh.orgId} AND kind = 'send_refused_frequency_cap'`);
    expect(signals!.n).toBe(7);
  });
});
