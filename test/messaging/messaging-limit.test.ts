import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../src/db/sql.ts';
import { signPayload } from '../../src/whatsapp/verify-signature.ts';
import { customer, helloWorld, customerWrites } from '../helpers/dispatch-helpers.ts';
import { SIM, startTestPlatform, type Tenant, type TestPlatform } from '../helpers/test-platform.ts';

// Issue 7, item 6 (AUP 3.3 and 3.6): Meta's messaging limit enforced before Meta — unique customers reached by
// business-initiated messages in a moving 24 hours never exceed the portfolio's tier, which follows Meta's webhooks.

let t: TestPlatform;
let tenant: Tenant;

async function metaWebhook(field: string, value: object) {
  const body = JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: tenant.wabaId, time: Math.floor(Date.now() / 1000), changes: [{ field, value }] }] });
  const res = await fetch(`${t.url}/webhooks/whatsapp`, {
    method: 'POST', body, headers: { 'content-type': 'application/json', 'x-hub-signature-256': signPayload(body, SIM.appSecret) },
  });
  expect(res.status).toBe(200);
}

const send = (to: string) => t.api('POST', '/v1/messages', { key: tenant.apiKey, body: helloWorld(to) });

beforeAll(async () => {
  t = await startTestPlatform({ workers: true });
  tenant = await t.createTenant('Limits Co');
}, 60_000);
afterAll(() => t?.close());

describe('AUP 3.6: Meta\'s messaging limit, before Meta', () => {
  it('takes the portfolio\'s limit from Meta\'s phone_number_quality_update', async () => {
    const number = await t.api('GET', `/v1/phone-numbers/${tenant.phoneNumberId}`, { key: tenant.apiKey });
    expect(number.body.messaging_limit_tier).toBe('TIER_2K');
    await metaWebhook('phone_number_quality_update', {
      display_phone_number: number.body.display_phone_number.replace(/\D/g, ''), event: 'DOWNGRADE',
      old_limit: 'TIER_2K', current_limit: 'TIER_50', max_daily_conversations_per_business: 'TIER_50',
    });
    await t.waitFor('the limit applied', async () =>
      (await t.api('GET', `/v1/phone-numbers/${tenant.phoneNumberId}`, { key: tenant.apiKey })).body.messaging_limit_tier === 'TIER_50');
    const [event] = await t.platform.deps.db.query<{ detail: { messaging_limit: string; previous_limit: string } }>(sql`
      SELECT detail FROM account_events WHERE org_id = ${tenant.orgId} AND kind = 'phone_number.quality'`);
    expect(event!.detail).toMatchObject({ messaging_limit: 'TIER_50', previous_limit: 'TIER_2K' });
  });

  it('starts conversations with at most the limit of unique customers, concurrent sends included; repeats cost nothing', async () => {
    for (let i = 0; i < 45; i++) expect((await send(customer(i))).status).toBe(202);
    // Ten new customers at once, five places left: exactly five go.
    const burst = await Promise.all(Array.from({ length: 10 }, (_, k) => send(customer(45 + k))));
    expect(burst.filter((r) => r.status === 202)).toHaveLength(5);
    const refused = burst.find((r) => r.status !== 202)!;
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'messaging_limit_reached', policy_clause: '3.6' });
    expect(refused.body.error.details[0]).toMatchObject({ limit: 50, window_hours: 24, frees_at: expect.any(String) });
    // A customer already reached in the window can get another template.
    expect((await send(customer(0))).status).toBe(202);
    // The batch path meters the same way.
    const batch = await t.api('POST', '/v1/messages/batch', { key: tenant.apiKey, body: { messages: [helloWorld(customer(1)), helloWorld(customer(70))] } });
    expect(batch.body.data[0].status).toBe('accepted');
    expect(batch.body.data[1].error.code).toBe('messaging_limit_reached');
    const [signals] = await t.platform.deps.db.query<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM compliance_signals WHERE org_id = ${tenant.orgId} AND kind = 'send_refused_messaging_limit' AND clause = '3.6'`);
    expect(signals!.n).toBe(6);
  });

  it('keeps a reached customer in the count at least as long as Meta does, without a new row version per send', async () => {
    const reach = async () => (await t.platform.deps.db.query<{ version: string; last_at: Date }>(sql`
      SELECT r.xmin::text AS version, r.last_at FROM initiated_recipients r JOIN contacts c ON c.org_id = r.org_id AND c.id = r.contact_id
      WHERE r.org_id = ${tenant.orgId} AND c.phone_e164 = ${customer(3)}`))[0]!;
    const versions = new Set<string>([(await reach()).version]);
    for (let i = 0; i < 6; i++) {
      expect((await send(customer(3))).status).toBe(202);
      versions.add((await reach()).version);
    }
    // Written at most once a minute: six sends cross at most one minute's end (a second version), never six.
    expect(versions.size).toBeLessThanOrEqual(2);
    // Never earlier than the latest business-initiated message: the customer cannot leave the count before Meta's.
    const [latest] = await t.platform.deps.db.query<{ at: Date }>(sql`
      SELECT max(created_at) AS at FROM messages WHERE org_id = ${tenant.orgId} AND counterpart = ${customer(3)}`);
    expect((await reach()).last_at.getTime()).toBeGreaterThanOrEqual(latest!.at.getTime());
  });

  it('moves a reached customer\'s time forward when another template goes to them', async () => {
    // Reached 23 hours ago: still counted, and a new template keeps them counted from now on (sends to reached
    // customers are stored together, decision 0029; the refresh rides in the same statement).
    const where = sql`org_id = ${tenant.orgId} AND contact_id = (SELECT id FROM contacts WHERE org_id = ${tenant.orgId} AND phone_e164 = ${customer(3)})`;
    await t.platform.deps.db.query(sql`UPDATE initiated_recipients SET last_at = now() - interval '23 hours' WHERE ${where}`);
    const sent = await send(customer(3));
    expect(sent.status).toBe(202);
    const [row] = await t.platform.deps.db.query<{ last_at: Date; counted: boolean }>(sql`SELECT last_at, counted FROM initiated_recipients WHERE ${where}`);
    expect(row!.counted).toBe(true);
    expect(row!.last_at.getTime()).toBeGreaterThanOrEqual(new Date(sent.body.created_at).getTime());

    // The batch path too: a reached customer is not metered again (no meter lock), only refreshed.
    const other = sql`org_id = ${tenant.orgId} AND contact_id = (SELECT id FROM contacts WHERE org_id = ${tenant.orgId} AND phone_e164 = ${customer(4)})`;
    await t.platform.deps.db.query(sql`UPDATE initiated_recipients SET last_at = now() - interval '23 hours' WHERE ${other}`);
    const meter = async () => (await t.platform.deps.db.query<{ in_window: number }>(sql`SELECT in_window FROM messaging_meters WHERE org_id = ${tenant.orgId}`))[0]!.in_window;
    const counted = await meter();
    const batch = await t.api('POST', '/v1/messages/batch', { key: tenant.apiKey, body: { messages: [helloWorld(customer(4))] } });
    expect(batch.body.data[0].status).toBe('accepted');
    const [refreshed] = await t.platform.deps.db.query<{ last_at: Date; counted: boolean }>(sql`SELECT last_at, counted FROM initiated_recipients WHERE ${other}`);
    const [stored] = await t.platform.deps.db.query<{ created_at: Date }>(sql`SELECT created_at FROM messages WHERE org_id = ${tenant.orgId} AND id = ${batch.body.data[0].id}`);
    expect(refreshed!.counted).toBe(true);
    expect(refreshed!.last_at.getTime()).toBeGreaterThanOrEqual(stored!.created_at.getTime());
    expect(await meter()).toBe(counted);
  });

  it('does not count replies inside the customer-service window', async () => {
    const phone = customer(80);
    expect((await send(phone)).body.error.code).toBe('messaging_limit_reached');
    await customerWrites(t, tenant, phone, 'Hello?');
    expect((await send(phone)).status).toBe(202);
  });

  it('frees a place 24 hours after a customer was last reached', async () => {
    expect((await send(customer(81))).body.error.code).toBe('messaging_limit_reached');
    // Time passes for one customer: their last business-initiated message is now 25 hours old.
    await t.platform.deps.db.query(sql`
      UPDATE initiated_recipients SET last_at = now() - interval '25 hours'
      WHERE org_id = ${tenant.orgId} AND contact_id = (SELECT id FROM contacts WHERE org_id = ${tenant.orgId} AND phone_e164 = ${customer(2)})`);
    expect((await send(customer(81))).status).toBe(202);
    expect((await send(customer(82))).body.error.code).toBe('messaging_limit_reached');
  });
});
