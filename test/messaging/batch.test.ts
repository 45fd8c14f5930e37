import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../src/db/sql.ts';
import { startTestPlatform, type Tenant, type TestPlatform } from '../helpers/test-platform.ts';
import { customer, helloWorld, statusCounts } from '../helpers/dispatch-helpers.ts';

let t: TestPlatform;
let tenant: Tenant;

beforeAll(async () => {
  t = await startTestPlatform({ env: { PAIR_RATE_INTERVAL_MS: '0' }, simulator: { pairRateLimit: false } });
  tenant = await t.createTenant('Batch');
});
afterAll(async () => t?.close());

describe('POST /v1/messages/batch', () => {
  it('answers each item on its own, stores the accepted ones, and dispatches them', async () => {
    const messages = [
      helloWorld(customer(1)),
      { to: 'not a phone', type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } },
      helloWorld(customer(2)),
      { to: customer(3), type: 'template', template: { name: 'no_such_template', language: { code: 'en_US' } } },
      { to: customer(4), type: 'text', text: { body: 'no window' } },
      { to: customer(5), type: 'text', text: { body: 'x'.repeat(5000) } },
      { ...helloWorld(customer(6)), metadata: { order: 'A-1' } },
    ];
    const r = await t.api('POST', '/v1/messages/batch', { key: tenant.apiKey, body: { messages } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ accepted: 3, refused: 4 });
    const byIndex = r.body.data;
    expect(byIndex.map((d: any) => d.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(byIndex[0]).toMatchObject({ status: 'accepted', id: expect.stringMatching(/^msg_/) });
    expect(byIndex[1].error.code).toBe('invalid_phone_number');
    expect(byIndex[3].error.code).toBe('template_not_approved');
    expect(byIndex[4].error.code).toBe('outside_customer_service_window');
    expect(byIndex[5].error).toMatchObject({ code: 'validation_failed', details: [expect.objectContaining({ path: 'body.messages[5].text.body' })] });

    const stored = await t.platform.deps.db.query<{ id: string }>(sql`SELECT id FROM messages WHERE org_id = ${tenant.orgId}`);
    expect(stored.map((s) => s.id).sort()).toEqual([byIndex[0].id, byIndex[2].id, byIndex[6].id].sort());
    await t.waitFor('the three read', async () => (await statusCounts(t, tenant))['read'] === 3);
    const one = await t.api('GET', `/v1/messages/${byIndex[6].id}`, { key: tenant.apiKey });
    expect(one.body.metadata).toEqual({ order: 'A-1' });
    expect(one.body.history[0]).toMatchObject({ status: 'accepted', source: 'api' });
  });

  it('takes up to 1,000 messages in one request', async () => {
    const messages = Array.from({ length: 1000 }, (_, i) => helloWorld(customer(i)));
    const r = await t.api('POST', '/v1/messages/batch', { key: tenant.apiKey, body: { messages } });
    expect(r.status).toBe(200);
    expect(r.body.accepted).toBe(1000);
    const tooMany = await t.api('POST', '/v1/messages/batch', { key: tenant.apiKey, body: { messages: [...messages, helloWorld(customer(1))] } });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.details[0].path).toBe('body.messages');
  });
});
