import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../src/db/sql.ts';
import { startTestPlatform, type TestPlatform } from '../helpers/test-platform.ts';
import { customer, helloWorld, maxPerSecond, sendMany, setRate, simSends } from '../helpers/dispatch-helpers.ts';

let t: TestPlatform;

beforeAll(async () => {
  t = await startTestPlatform({
    env: { DISPATCH_RECONCILE_WINDOW_MS: '1000', GRAPH_API_TIMEOUT_MS: '500', BREAKER_THRESHOLD: '50', DISPATCH_MAX_ATTEMPTS: '12' },
    simulator: { pairRateLimit: false, statusDelaysMs: { sent: 10, delivered: 30, read: 50 } },
  });
});
afterAll(async () => t?.close());

async function finalStatuses(orgId: string) {
  return t.platform.deps.db.query<{ id: string; status: string; error: { code: number } | null }>(sql`
    SELECT id, status, error FROM messages WHERE org_id = ${orgId} AND direction = 'outbound'`);
}

describe('a misbehaving Cloud API', () => {
  it('10 % 5xx, 5 % timeouts and a burst of 130429: every message ends read, none above the rate', async () => {
    const tenant = await t.createTenant('Chaos');
    await setRate(t, tenant, 40);
    const match = { phone_number_id: tenant.metaPhoneNumberId, path: '/messages' };
    await t.sim('POST', '/_sim/faults', { match, error_code: 130429, count: 15 });
    await t.sim('POST', '/_sim/faults', { match, http_status: 500, rate: 0.1 });
    await t.sim('POST', '/_sim/faults', { match, timeout: true, rate: 0.05 });
    const ids = await sendMany(t, tenant, Array.from({ length: 120 }, (_, i) => helloWorld(customer(i))));
    await t.waitFor('every message settled', async () => {
      const rows = await finalStatuses(tenant.orgId);
      return rows.every((r) => r.status === 'read' || r.status === 'failed');
    }, 120_000);
    const rows = await finalStatuses(tenant.orgId);
    expect(rows).toHaveLength(ids.length);
    // Transient errors are retried until they pass: nothing fails for them within the attempts allowed.
    expect(rows.filter((r) => r.status === 'failed')).toEqual([]);
    // Every send the Cloud API accepted stayed within the rate.
    const sends = await simSends(t, tenant);
    expect(maxPerSecond(sends)).toBeLessThanOrEqual(42);
    // The burst of 130429 was used up (a fault with a count leaves the list when spent) and the others fired.
    const faults = (await t.sim('GET', '/_sim/faults')).data as { error_code?: number; applied: number }[];
    expect(faults.some((f) => f.error_code === 130429)).toBe(false);
    expect(faults.reduce((n, f) => n + f.applied, 0)).toBeGreaterThan(0);
  });

  it('status webhooks delivered twice and out of order end as the in-order result', async () => {
    await t.sim('PUT', '/_sim/config', { statusQuirks: { duplicate_rate: 1, out_of_order: true, read_without_delivered: false } });
    try {
      const tenant = await t.createTenant('Shuffled');
      const ids = await sendMany(t, tenant, Array.from({ length: 30 }, (_, i) => helloWorld(customer(i))));
      await t.waitFor('all read', async () => (await finalStatuses(tenant.orgId)).every((r) => r.status === 'read'), 30_000);
      await t.waitFor('all deliveries processed', async () =>
        (await t.platform.deps.db.query(sql`SELECT 1 FROM whatsapp_webhook_events WHERE processed_at IS NULL`)).length === 0);
      for (const id of ids) {
        const m = await t.api('GET', `/v1/messages/${id}`, { key: tenant.apiKey });
        expect(m.body.status).toBe('read');
        // Each status once in the history, in lifecycle order, whatever order and how often they came.
        expect(m.body.history.map((h: { status: string }) => h.status)).toEqual(['accepted', 'queued', 'sent', 'delivered', 'read']);
      }
    } finally {
      await t.sim('PUT', '/_sim/config', { statusQuirks: { duplicate_rate: 0, out_of_order: false, read_without_delivered: false } });
    }
  });
});
