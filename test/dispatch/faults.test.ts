import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../src/db/sql.ts';
import { startTestPlatform, type TestPlatform } from '../helpers/test-platform.ts';
import { customer, helloWorld, sendMany, simSends, statusCounts } from '../helpers/dispatch-helpers.ts';

let t: TestPlatform;

beforeAll(async () => {
  t = await startTestPlatform({
    env: { BREAKER_THRESHOLD: '3', BREAKER_COOL_DOWN_MS: '800', DISPATCH_RECONCILE_WINDOW_MS: '1500' },
    simulator: { pairRateLimit: false, webhookRetry: { baseDelayMs: 50, attempts: 1, timeoutMs: 1000 } },
  });
});
afterAll(async () => t?.close());

const read = (tenantKey: string, id: string) => async () =>
  (await t.api('GET', `/v1/messages/${id}`, { key: tenantKey })).body.status === 'read';

describe('account-level errors', () => {
  it('pause the number with an account event; messages wait, not fail, and go out once resumed', async () => {
    const tenant = await t.createTenant('Token expired');
    await t.sim('POST', '/_sim/faults', { match: { phone_number_id: tenant.metaPhoneNumberId, path: '/messages' }, error_code: 190, count: 1 });
    const [id] = await sendMany(t, tenant, [helloWorld(customer(1))]);
    const number = await t.waitFor('number paused', async () => {
      const n = await t.api('GET', `/v1/phone-numbers/${tenant.phoneNumberId}`, { key: tenant.apiKey });
      return n.body.paused_at ? n.body : null;
    });
    expect(number.pause_reason.code).toBe(190);
    const events = await t.platform.deps.db.query<{ kind: string }>(sql`SELECT kind FROM account_events WHERE org_id = ${tenant.orgId}`);
    expect(events.map((e) => e.kind)).toContain('phone_number.paused');
    const waiting = await t.api('GET', `/v1/messages/${id}`, { key: tenant.apiKey });
    expect(waiting.body.status).toBe('accepted');
    expect(waiting.body.error.code).toBe(190);

    const resumed = await t.api('POST', `/v1/phone-numbers/${tenant.phoneNumberId}/resume`, { key: tenant.apiKey });
    expect(resumed.body.paused_at).toBeNull();
    await t.platform.deps.db.query(sql`UPDATE messages SET next_attempt_at = now() WHERE org_id = ${tenant.orgId}`);
    await t.waitFor('read after resume', read(tenant.apiKey, id!));
  });

  it('fail the message with the code and a plain explanation when the message itself is at fault', async () => {
    const tenant = await t.createTenant('Bad template');
    await t.sim('POST', '/_sim/faults', { match: { phone_number_id: tenant.metaPhoneNumberId, path: '/messages' }, error_code: 132001, count: 1 });
    const [id] = await sendMany(t, tenant, [helloWorld(customer(2))]);
    const failed = await t.waitFor('failed', async () => {
      const m = await t.api('GET', `/v1/messages/${id}`, { key: tenant.apiKey });
      return m.body.status === 'failed' ? m.body : null;
    });
    expect(failed.error.code).toBe(132001);
    expect(failed.error.message.length).toBeGreaterThan(20);
  });
});

describe('circuit breaker', () => {
  it('stops hammering a number whose upstream is down, probes it, and recovers', async () => {
    const tenant = await t.createTenant('Upstream down');
    await t.sim('POST', '/_sim/faults', { match: { phone_number_id: tenant.metaPhoneNumberId, path: '/messages' }, http_status: 503 });
    const ids = await sendMany(t, tenant, Array.from({ length: 12 }, (_, i) => helloWorld(customer(10 + i))));
    await new Promise((r) => setTimeout(r, 1500));
    const faults = await t.sim('GET', '/_sim/faults');
    const applied = faults.data.find((f: any) => f.match.phone_number_id === tenant.metaPhoneNumberId).applied;
    // Three failures open the circuit; in 1.5 s at most a couple of probes follow — not twelve sends and their retries.
    expect(applied).toBeGreaterThanOrEqual(3);
    expect(applied).toBeLessThanOrEqual(6);
    await t.sim('DELETE', '/_sim/faults');
    await t.platform.deps.db.query(sql`UPDATE messages SET next_attempt_at = now() WHERE org_id = ${tenant.orgId} AND status = 'accepted'`);
    await t.waitFor('all read after recovery', async () => (await statusCounts(t, tenant))['read'] === ids.length, 30_000);
  });
});

describe('sends whose outcome is unknown', () => {
  it('a lost response is resolved by the status webhook: no second send', async () => {
    const tenant = await t.createTenant('Lost response');
    await t.sim('POST', '/_sim/faults', { match: { phone_number_id: tenant.metaPhoneNumberId, path: '/messages' }, drop_response: true, count: 1 });
    const [id] = await sendMany(t, tenant, [helloWorld(customer(30))]);
    await t.waitFor('read', read(tenant.apiKey, id!));
    const copies = (await simSends(t, tenant)).filter((s) => s.body.biz_opaque_callback_data === id);
    expect(copies).toHaveLength(1);
    const m = await t.api('GET', `/v1/messages/${id}`, { key: tenant.apiKey });
    expect(m.body.wamid).toBe(copies[0]!.wamid);
  });

  it('with no webhook within the window, the message is sent again (at-least-once) and ends read', async () => {
    const tenant = await t.createTenant('Silent');
    const config = await t.sim('GET', '/_sim/config');
    // Webhooks go nowhere while the first send's response is lost: nothing can confirm it.
    await t.sim('PUT', '/_sim/config', { webhookUrl: 'http://127.0.0.1:9/nowhere' });
    await t.sim('POST', '/_sim/faults', { match: { phone_number_id: tenant.metaPhoneNumberId, path: '/messages' }, drop_response: true, count: 1 });
    const [id] = await sendMany(t, tenant, [helloWorld(customer(31))]);
    await t.waitFor('first copy at the Cloud API', async () => (await simSends(t, tenant)).length === 1);
    const [first] = await simSends(t, tenant);
    await t.waitFor('its three statuses lost', async () => {
      const log = await t.sim('GET', `/_sim/webhooks?wamid=${first!.wamid}`);
      return (Array.isArray(log) ? log : log.data).length >= 3;
    });
    await t.sim('PUT', '/_sim/config', { webhookUrl: config.webhookUrl });
    await t.waitFor('read', read(tenant.apiKey, id!), 30_000);
    const copies = (await simSends(t, tenant)).filter((s) => s.body.biz_opaque_callback_data === id);
    expect(copies).toHaveLength(2);
    const [row] = await t.platform.deps.db.query<{ dispatch_count: number }>(sql`SELECT dispatch_count FROM messages WHERE org_id = ${tenant.orgId} AND id = ${id}`);
    expect(row!.dispatch_count).toBe(2);
  });
});
