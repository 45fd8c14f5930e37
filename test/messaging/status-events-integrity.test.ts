import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../src/db/sql.ts';
import { createApiKey } from '../../src/tenancy/api-keys.ts';
import { customer, helloWorld, customerWrites } from '../helpers/dispatch-helpers.ts';
import { startTestPlatform, type Tenant, type TestPlatform } from '../helpers/test-platform.ts';

// message_status_events has no foreign key to messages (decision 0028): each writer inserts a message's events with
// the message's own insert or update. Every writer runs here, and no event may be left without its message.

let t: TestPlatform;
let tenant: Tenant;
let reviewerKey: string;
const WRITER = customer(7);
const UNREACHABLE = customer(8);
const db = () => t.platform.deps.db;

beforeAll(async () => {
  t = await startTestPlatform({ workers: true });
  tenant = await t.createTenant('Event Keeper');
  reviewerKey = (await createApiKey(db(), tenant.orgId, { name: 'reviewer', mode: 'test', scopes: ['compliance:review', 'messages:read'] })).secret;
  await customerWrites(t, tenant, WRITER, 'Hello');
}, 60_000);
afterAll(() => t?.close());

describe('status events without a foreign key (decision 0028)', () => {
  it('are written only beside their message, by every writer', async () => {
    const send = async (body: object) => {
      const r = await t.api('POST', '/v1/messages', { key: tenant.apiKey, body });
      expect(r.status, r.text).toBe(202);
      return r.body as { id: string; status: string };
    };
    const sent = [await send(helloWorld(customer(1))), await send(helloWorld(customer(2)))];
    const batch = await t.api('POST', '/v1/messages/batch', { key: tenant.apiKey, body: { messages: [helloWorld(customer(3)), helloWorld(customer(4))] } });
    expect(batch.body.accepted, batch.text).toBe(2);
    await t.sim('POST', `/_sim/customers/${UNREACHABLE.slice(1)}/state`, { unreachable: true });
    const failing = await send(helloWorld(UNREACHABLE));
    const held = [
      await send({ to: WRITER, type: 'text', text: { body: 'Hi, click http://203.0.113.9/offer for your discount' } }),
      await send({ to: WRITER, type: 'text', text: { body: 'Hi, click http://203.0.113.10/offer for your discount' } }),
    ];
    expect(held.map((m) => m.status)).toEqual(['held', 'held']);
    expect((await t.api('POST', `/v1/compliance/held/${held[0]!.id}/release`, { key: reviewerKey, body: {} })).status).toBe(200);
    expect((await t.api('POST', `/v1/compliance/held/${held[1]!.id}/reject`, { key: reviewerKey, body: { reason: 'not ours' } })).status).toBe(200);

    const statusOf = async (id: string) => (await t.api('GET', `/v1/messages/${id}`, { key: tenant.apiKey })).body.status as string;
    for (const m of [...sent, held[0]!]) await t.waitFor(`${m.id} read`, async () => (await statusOf(m.id)) === 'read');
    await t.waitFor('the failure recorded', async () => (await statusOf(failing.id)) === 'failed');

    const [orphans] = await db().query<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM message_status_events e
      WHERE NOT EXISTS (SELECT 1 FROM messages m WHERE m.org_id = e.org_id AND m.id = e.message_id)`);
    expect(orphans!.n).toBe(0);
    // And every writer did write: accepted, queued/sent/delivered/read, failed, held, released, rejected.
    const statuses = (await db().query<{ status: string }>(sql`
      SELECT DISTINCT status FROM message_status_events WHERE org_id = ${tenant.orgId}`)).map((r) => r.status);
    expect(statuses).toEqual(expect.arrayContaining(['accepted', 'held', 'sent', 'delivered', 'read', 'failed']));
  });
});
