import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type Tenant, type TestPlatform } from '../helpers/test-platform.ts';
import { startReceiver } from '../helpers/webhook-receiver.ts';

// The retry window (three days) and the disabling threshold (five days) scaled down to seconds.
let t: TestPlatform;
let tenant: Tenant;
let failing: Awaited<ReturnType<typeof startReceiver>>;
let endpointId: string;

beforeAll(async () => {
  t = await startTestPlatform({
    env: {
      OUTBOUND_ALLOW_LOOPBACK: 'true', WEBHOOK_RETRY_BASE_MS: '100', WEBHOOK_RETRY_MAX_MS: '300', WEBHOOK_IDLE_MS: '25',
      WEBHOOK_RETRY_WINDOW_SECONDS: '1', WEBHOOK_DISABLE_AFTER_SECONDS: '2',
    },
  });
  tenant = await t.createTenant('Failing receiver');
  failing = await startReceiver(() => 500);
  const created = await t.api('POST', '/v1/webhook-endpoints', { key: tenant.apiKey, body: { url: failing.url, event_types: ['message.status'] } });
  endpointId = created.body.id;
});
afterAll(async () => {
  await failing?.close();
  await t?.close();
});

const send = (to: string) => t.api('POST', '/v1/messages', {
  key: tenant.apiKey, body: { to, type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } },
});

describe('an endpoint that keeps failing', () => {
  it('retries each delivery until the retry window has passed, then gives it up', async () => {
    expect((await send('+12025550140')).status).toBe(202);
    const given = await t.waitFor('a delivery given up', async () => {
      const list = (await t.api('GET', `/v1/webhook-endpoints/${endpointId}/deliveries?status=failed`, { key: tenant.apiKey })).body.data;
      return list[0];
    });
    expect(given.attempts).toBeGreaterThan(1);
    expect(given).toMatchObject({ last_status_code: 500, next_attempt_at: null });
    const detail = (await t.api('GET', `/v1/webhook-deliveries/${given.id}`, { key: tenant.apiKey })).body;
    expect(new Date(detail.attempt_log.at(-1).attempted_at).getTime() - new Date(detail.created_at).getTime()).toBeGreaterThanOrEqual(1000);
  });

  it('is disabled once every attempt has failed for the disabling period, and its owner is told', async () => {
    let lastSend = 0;
    const endpoint = await t.waitFor('endpoint disabled', async () => {
      const got = (await t.api('GET', `/v1/webhook-endpoints/${endpointId}`, { key: tenant.apiKey })).body;
      if (got.status === 'disabled') return got;
      if (Date.now() - lastSend > 500) { lastSend = Date.now(); await send('+12025550141'); } // keep events coming
      return null;
    });
    expect(endpoint).toMatchObject({ disabled_reason: 'failing' });
    expect(endpoint.failing_since).toBeTruthy();
    const notices = await t.platform.deps.db.queryRaw(`SELECT detail FROM account_events WHERE org_id = $1 AND kind = 'webhook_endpoint.disabled'`, [tenant.orgId]);
    expect(notices.rows).toEqual([{ detail: expect.objectContaining({ endpoint_id: endpointId, reason: 'failing' }) }]);
    await t.waitFor('nothing pending', async () => {
      const pending = (await t.api('GET', `/v1/webhook-endpoints/${endpointId}/deliveries?status=pending`, { key: tenant.apiKey })).body.data;
      return pending.length === 0;
    });

    // Re-enabled, it starts afresh: no failure run, deliveries flow again.
    failing.setResponder(() => 204);
    const enabled = await t.api('PATCH', `/v1/webhook-endpoints/${endpointId}`, { key: tenant.apiKey, body: { status: 'active' } });
    expect(enabled.body).toMatchObject({ status: 'active', failing_since: null, disabled_reason: null });
    await send('+12025550142');
    await t.waitFor('a success after re-enabling', async () => failing.received.some((r) => r.answered === 204));
  });
});
