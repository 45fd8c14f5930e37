import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../src/db/sql.ts';
import { startTestPlatform, type Tenant, type TestPlatform } from '../helpers/test-platform.ts';

// Issue 5, item 7: a contact's data on request, and erasure that keeps an opted-out number suppressed.

let t: TestPlatform;
let tenant: Tenant;
let business: string;
const PHONE = '+12025550133';
const DIGITS = '2025550133';
const update = { to: PHONE, type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } };

beforeAll(async () => {
  t = await startTestPlatform();
  tenant = await t.createTenant('Privacy Co', { optIn: false });
  const [org] = await t.platform.deps.db.query<{ name: string }>(sql`SELECT name FROM organizations WHERE id = ${tenant.orgId}`);
  business = org!.name;
}, 60_000);
afterAll(() => t?.close());

/** Every place a trace of the number could stay, counted (tenant tables by org; Meta's raw bodies platform-wide). */
async function tracesOfNumber() {
  const [row] = await t.platform.deps.db.query<Record<string, number>>(sql`
    SELECT
      (SELECT count(*)::int FROM contacts WHERE org_id = ${tenant.orgId} AND (phone_e164 LIKE ${`%${DIGITS}%`} OR wa_id LIKE ${`%${DIGITS}%`} OR name IS NOT NULL AND name = 'Pat Doe')) AS contacts,
      (SELECT count(*)::int FROM messages WHERE org_id = ${tenant.orgId} AND (counterpart LIKE ${`%${DIGITS}%`} OR content::text LIKE '%where is my order%')) AS messages,
      (SELECT count(*)::int FROM consent_records WHERE org_id = ${tenant.orgId} AND proof::text LIKE '%203.0.113.9%') AS proofs,
      (SELECT count(*)::int FROM events WHERE org_id = ${tenant.orgId} AND payload::text LIKE ${`%${DIGITS}%`}) AS events,
      (SELECT count(*)::int FROM whatsapp_webhook_events WHERE raw_body LIKE ${`%${DIGITS}%`}) AS raw_webhooks`);
  return row!;
}

describe('privacy', () => {
  it('exports everything held about a contact, then erases it and keeps the number suppressed', async () => {
    // The customer writes in, opts in on a form, and gets a template.
    await t.sim('POST', `/_sim/customers/${PHONE}/messages`, { to_phone_number_id: tenant.metaPhoneNumberId, type: 'text', text: { body: 'Hi, where is my order?' }, profile_name: 'Pat Doe' });
    await t.waitFor('inbound stored', async () => (await t.platform.deps.db.query(sql`
      SELECT 1 FROM messages m JOIN whatsapp_webhook_events w ON w.processed_at IS NOT NULL
      WHERE m.org_id = ${tenant.orgId} AND m.direction = 'inbound'`)).length > 0);
    const optIn = await t.api('POST', '/v1/consents', {
      key: tenant.apiKey,
      body: { records: [{ phone: PHONE, purpose: 'all', state: 'opted_in', source: 'web_form', proof: { text: `${business} may message me on WhatsApp`, ip: '203.0.113.9' } }] },
    });
    expect(optIn.status).toBe(201);
    const contactId: string = optIn.body.data[0].contact_id;
    const sent = await t.api('POST', '/v1/messages', { key: tenant.apiKey, body: update });
    expect(sent.status).toBe(202);
    await t.waitFor('read', async () => (await t.api('GET', `/v1/messages/${sent.body.id}`, { key: tenant.apiKey })).body.status === 'read');
    // Erasure removes the raw Meta webhooks already processed; one still arriving later is not covered (see decision 0008).
    await t.waitFor('every webhook processed', async () => (await t.platform.deps.db.query(sql`
      SELECT 1 FROM whatsapp_webhook_events WHERE processed_at IS NULL`)).length === 0);

    const exported = await t.api('GET', `/v1/contacts/${contactId}/export`, { key: tenant.apiKey });
    expect(exported.status).toBe(200);
    expect(exported.body.contact).toMatchObject({ id: contactId, phone: PHONE });
    expect(exported.body.consent_records).toHaveLength(1);
    expect(exported.body.consent_records[0].proof.ip).toBe('203.0.113.9');
    expect(exported.body.messages.map((m: { direction: string }) => m.direction).sort()).toEqual(['inbound', 'outbound']);
    const outbound = exported.body.messages.find((m: { direction: string }) => m.direction === 'outbound');
    expect(outbound.consent_record_id).toBe(optIn.body.data[0].id);
    expect(outbound.history.map((h: { status: string }) => h.status)).toContain('accepted');

    // The customer opts out, then asks to be forgotten.
    expect((await t.api('POST', '/v1/consents', { key: tenant.apiKey, body: { records: [{ contact_id: contactId, purpose: 'all', state: 'opted_out', source: 'agent' }] } })).status).toBe(201);
    const before = await tracesOfNumber();
    expect(before.contacts).toBe(1);
    expect(before.messages).toBeGreaterThan(0);
    expect(before.proofs).toBe(1);
    expect(before.raw_webhooks).toBeGreaterThan(0);
    const erased = await t.api('DELETE', `/v1/contacts/${contactId}`, { key: tenant.apiKey });
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({ id: contactId, suppressed: true });

    expect(await tracesOfNumber()).toEqual({ contacts: 0, messages: 0, proofs: 0, events: 0, raw_webhooks: 0 });
    expect((await t.api('GET', `/v1/contacts/${contactId}/export`, { key: tenant.apiKey })).status).toBe(404);
    expect((await t.api('DELETE', `/v1/contacts/${contactId}`, { key: tenant.apiKey })).status).toBe(404);
    // Statuses and ids stay: the organization's own records of what it sent.
    expect((await t.api('GET', `/v1/messages/${sent.body.id}`, { key: tenant.apiKey })).status).toBe(200);

    // The ledger still verifies, with the erasure on record.
    const verified = await t.api('GET', '/v1/consents/verify', { key: tenant.apiKey });
    expect(verified.body).toMatchObject({ ok: true, records: 3 });
    const [erasure] = await t.platform.deps.db.query<{ state: string; actor: string }>(sql`
      SELECT state, actor FROM consent_records WHERE org_id = ${tenant.orgId} ORDER BY seq DESC LIMIT 1`);
    expect(erasure).toEqual({ state: 'erased', actor: expect.stringMatching(/^api_key:key_/) });

    // The number is suppressed by a keyed hash (not the number), so a new send to it is refused…
    const [suppressed] = await t.platform.deps.db.query<{ phone_hash: string; reason: string }>(sql`SELECT phone_hash, reason FROM suppressed_numbers WHERE org_id = ${tenant.orgId}`);
    expect(suppressed!.reason).toBe('erased_after_opt_out');
    expect(suppressed!.phone_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(suppressed!.phone_hash).not.toContain(DIGITS);
    const refused = await t.api('POST', '/v1/messages', { key: tenant.apiKey, body: update });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'contact_opted_out', policy_clause: '3.1' });

    // A list claiming their consent cannot bring them back: the import rejects the row.
    const form = new FormData();
    form.append('mapping', JSON.stringify({ phone: 'phone' }));
    form.append('consent', JSON.stringify({ purpose: 'all', state: { value: 'opted_in' }, text: { value: `${business} may message me on WhatsApp` } }));
    form.append('file', new Blob([`phone\n${PHONE}\n+12025550135\n`], { type: 'text/csv' }), 'list.csv');
    const imported = await fetch(`${t.url}/v1/contacts/imports`, { method: 'POST', headers: { authorization: `Bearer ${tenant.apiKey}` }, body: form });
    expect(imported.status).toBe(202);
    const importId = ((await imported.json()) as { id: string }).id;
    const done = await t.waitFor('the import done', async () => {
      const r = await t.api('GET', `/v1/contacts/imports/${importId}`, { key: tenant.apiKey });
      return ['completed', 'failed'].includes(r.body.status) ? r.body : null;
    });
    expect(done.status).toBe('completed');
    const report = await (await fetch(`${t.url}/v1/contacts/imports/${importId}/rejections.csv`, { headers: { authorization: `Bearer ${tenant.apiKey}` } })).text();
    expect(report).toContain('erased at its owner');
    expect((await t.api('POST', '/v1/messages', { key: tenant.apiKey, body: update })).body.error.code).toBe('contact_opted_out');

    // …until the person opts in anew.
    const again = await t.api('POST', '/v1/consents', {
      key: tenant.apiKey,
      body: { records: [{ phone: PHONE, purpose: 'all', state: 'opted_in', source: 'web_form', proof: { text: `${business} may message me on WhatsApp` } }] },
    });
    expect(again.body.data[0].contact_id).not.toBe(contactId);
    expect((await t.api('POST', '/v1/messages', { key: tenant.apiKey, body: update })).status).toBe(202);
  });

  it('answers 404 for another organization\'s contact and leaves it whole', async () => {
    const other = await t.createTenant('Other Privacy', { optIn: false });
    const mine = await t.api('POST', '/v1/consents', {
      key: tenant.apiKey,
      body: { records: [{ phone: '+12025550134', purpose: 'all', state: 'opted_in', source: 'web_form', proof: { text: `${business} may message me on WhatsApp` } }] },
    });
    const contactId = mine.body.data[0].contact_id;
    expect((await t.api('GET', `/v1/contacts/${contactId}/export`, { key: other.apiKey })).status).toBe(404);
    expect((await t.api('DELETE', `/v1/contacts/${contactId}`, { key: other.apiKey })).status).toBe(404);
    expect((await t.api('GET', `/v1/contacts/${contactId}/export`, { key: tenant.apiKey })).body.contact.phone).toBe('+12025550134');
  });
});
