import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../src/db/sql.ts';
import { signPayload } from '../../src/whatsapp/verify-signature.ts';
import { SIM, startTestPlatform, type Tenant, type TestPlatform } from '../helpers/test-platform.ts';

let t: TestPlatform;
let tenant: Tenant;

beforeAll(async () => {
  t = await startTestPlatform();
  tenant = await t.createTenant('Webhooks');
});
afterAll(async () => t?.close());

function inbound(wamid: string, body: string) {
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [{ id: tenant.wabaId, changes: [{ field: 'messages', value: {
      messaging_product: 'whatsapp',
      metadata: { display_phone_number: '15550783881', phone_number_id: tenant.metaPhoneNumberId },
      contacts: [{ profile: { name: 'Ana' }, wa_id: '12025550120' }],
      messages: [{ from: '12025550120', id: wamid, timestamp: String(Math.floor(Date.now() / 1000)), type: 'text', text: { body } }],
    } }] }],
  });
}

const post = (raw: string, signature?: string) => t.api('POST', '/webhooks/whatsapp', {
  body: raw, headers: { 'content-type': 'application/json', ...(signature ? { 'x-hub-signature-256': signature } : {}) },
});

const storedEvents = async () => (await t.platform.deps.db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM whatsapp_webhook_events`))[0]!.n;

describe('Meta webhook receiver', () => {
  it('answers the verification handshake only for a known verify token', async () => {
    const ok = await t.api('GET', `/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${SIM.verifyToken}&hub.challenge=1158201444`);
    expect(ok.status).toBe(200);
    expect(ok.text).toBe('1158201444');
    const bad = await t.api('GET', '/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1');
    expect(bad.status).toBe(403);
  });

  it('rejects a missing, wrong or tampered signature with 401 and stores nothing', async () => {
    const before = await storedEvents();
    const raw = inbound('wamid.SIGTEST1', 'hello');
    expect((await post(raw)).status).toBe(401);
    expect((await post(raw, signPayload(raw, 'not-the-app-secret'))).status).toBe(401);
    expect((await post(raw.replace('hello', 'hellO'), signPayload(raw, SIM.appSecret))).status).toBe(401);
    expect((await post('not json', signPayload('not json', SIM.appSecret))).status).toBe(401);
    expect(await storedEvents()).toBe(before);
  });

  it('accepts a signed delivery, and a duplicate or a second copy does not double the message', async () => {
    const raw = inbound('wamid.DUPTEST1', 'héllo ✓');
    const signature = signPayload(raw, SIM.appSecret);
    expect((await post(raw, signature)).status).toBe(200);
    expect((await post(raw, signature)).status).toBe(200);
    // Meta's redelivery may differ in bytes (another entry time); the wamid still dedupes it.
    const again = raw.replace('"changes"', '"time":1,"changes"');
    expect((await post(again, signPayload(again, SIM.appSecret))).status).toBe(200);
    const found = await t.waitFor('inbound stored', async () => {
      const list = await t.api('GET', '/v1/messages', { key: tenant.apiKey });
      return list.body.data.filter((m: any) => m.wamid === 'wamid.DUPTEST1').length > 0 ? list.body.data : null;
    });
    await t.waitFor('all deliveries processed', async () => {
      const rows = await t.platform.deps.db.query(sql`SELECT 1 FROM whatsapp_webhook_events WHERE processed_at IS NULL`);
      return rows.length === 0;
    });
    const list = await t.api('GET', '/v1/messages', { key: tenant.apiKey });
    expect(list.body.data.filter((m: any) => m.wamid === 'wamid.DUPTEST1')).toHaveLength(1);
    expect(found.find((m: any) => m.wamid === 'wamid.DUPTEST1').content.text.body).toBe('héllo ✓');
  });

  it('stores deliveries arriving together once each, identical copies among them included (decision 0029)', async () => {
    const bodies = Array.from({ length: 25 }, (_, i) => inbound(`wamid.TOGETHER${i}`, `together ${i}`));
    // Every body twice, all at once: the copies race inside one batch or across two.
    const answers = await Promise.all([...bodies, ...bodies].map((raw) => post(raw, signPayload(raw, SIM.appSecret))));
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    const stored = await t.platform.deps.db.query<{ raw_body: string }>(sql`
      SELECT raw_body FROM whatsapp_webhook_events WHERE raw_body LIKE ${'%wamid.TOGETHER%'}`);
    expect(stored.map((s) => s.raw_body).sort()).toEqual([...bodies].sort());
    await t.waitFor('the 25 inbound messages stored', async () => {
      const rows = await t.platform.deps.db.query<{ n: number }>(sql`
        SELECT count(*)::int AS n FROM messages WHERE org_id = ${tenant.orgId} AND wamid LIKE 'wamid.TOGETHER%'`);
      return rows[0]!.n === 25;
    });
  });

  it('applies statuses monotonically whatever their order', async () => {
    const sent = await t.api('POST', '/v1/messages', {
      key: tenant.apiKey, body: { to: '+12025550121', type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } },
    });
    const read = await t.waitFor('read', async () => {
      const m = await t.api('GET', `/v1/messages/${sent.body.id}`, { key: tenant.apiKey });
      return m.body.status === 'read' ? m.body : null;
    });
    // A late "sent" and a duplicate "delivered" arrive after "read": nothing moves back.
    for (const status of ['sent', 'delivered']) {
      const raw = JSON.stringify({
        object: 'whatsapp_business_account',
        entry: [{ id: tenant.wabaId, changes: [{ field: 'messages', value: {
          messaging_product: 'whatsapp',
          metadata: { display_phone_number: '15550783881', phone_number_id: tenant.metaPhoneNumberId },
          statuses: [{ id: read.wamid, status, timestamp: String(Math.floor(Date.now() / 1000) + 5), recipient_id: '12025550121' }],
        } }] }],
      });
      expect((await post(raw, signPayload(raw, SIM.appSecret))).status).toBe(200);
    }
    await t.waitFor('late statuses processed', async () =>
      (await t.platform.deps.db.query(sql`SELECT 1 FROM whatsapp_webhook_events WHERE processed_at IS NULL`)).length === 0);
    const after = await t.api('GET', `/v1/messages/${sent.body.id}`, { key: tenant.apiKey });
    expect(after.body.status).toBe('read');
  });
});

describe('arbitrary signed deliveries', () => {
  it('are acknowledged, processed or set aside, and never crash or stall the ingester', async () => {
    const { default: fc } = await import('fast-check');
    const change = fc.record({
      field: fc.constantFrom('messages', 'message_template_status_update', 'user_preferences', 'account_update', 'weird'),
      value: fc.oneof(
        fc.jsonValue({ maxDepth: 4 }),
        fc.record({
          messaging_product: fc.constant('whatsapp'),
          metadata: fc.constant({ display_phone_number: '15550783881', phone_number_id: tenant.metaPhoneNumberId }),
          messages: fc.array(fc.dictionary(fc.constantFrom('from', 'id', 'timestamp', 'type', 'text', 'image'), fc.jsonValue({ maxDepth: 2 })), { maxLength: 3 }),
          statuses: fc.array(fc.dictionary(fc.constantFrom('id', 'status', 'timestamp', 'recipient_id', 'errors'), fc.jsonValue({ maxDepth: 2 })), { maxLength: 3 }),
        }),
      ),
    });
    await fc.assert(fc.asyncProperty(fc.array(change, { maxLength: 3 }), async (changes) => {
      const raw = JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: tenant.wabaId, changes }] });
      const r = await post(raw, signPayload(raw, SIM.appSecret));
      expect(r.status).toBe(200);
    }), { numRuns: 150 });
    // Statuses naming unknown wamids are retried for a while; everything else is done at once.
    await t.waitFor('every delivery looked at', async () =>
      (await t.platform.deps.db.query(sql`SELECT 1 FROM whatsapp_webhook_events WHERE processed_at IS NULL AND attempts = 0`)).length === 0);
    expect((await t.api('GET', '/readyz')).status).toBe(200);
  });
});
