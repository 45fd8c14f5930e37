import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../src/db/sql.ts';
import { startTestPlatform, type Tenant, type TestPlatform } from '../helpers/test-platform.ts';

let t: TestPlatform;
let tenant: Tenant;

beforeAll(async () => {
  t = await startTestPlatform();
  tenant = await t.createTenant('Shutdown');
});
afterAll(async () => t?.close());

describe('graceful shutdown', () => {
  it('finishes the sends in flight and leaves nothing claimed', async () => {
    // Every Cloud API call takes 300 ms, so stopping lands in the middle of a batch.
    await t.sim('POST', '/_sim/faults', { match: { path: '/messages' }, latency_ms: 300 });
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await t.api('POST', '/v1/messages', {
        key: tenant.apiKey, body: { to: `+120255501${30 + i}`, type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } },
      });
      expect(r.status).toBe(202);
      ids.push(r.body.id);
    }
    await t.waitFor('first send under way', async () => {
      const rows = await t.platform.deps.db.query(sql`SELECT 1 FROM messages WHERE org_id = ${tenant.orgId} AND claimed_until IS NOT NULL`);
      return rows.length > 0;
    });
    const db = t.platform.deps.db;
    // Stop only the API and workers, keeping the database open to look at what they left.
    await t.platform.app!.close();
    await t.platform.stopWorkers();
    const rows = await db.query<{ id: string; status: string; claimed_until: Date | null; wamid: string | null }>(
      sql`SELECT id, status, claimed_until, wamid FROM messages WHERE org_id = ${tenant.orgId}`);
    expect(rows).toHaveLength(6);
    for (const row of rows) {
      expect(row.claimed_until, row.id).toBeNull();
      // Each message was either handed to the Cloud API (and has its wamid) or is still waiting, unclaimed.
      if (row.status === 'accepted') expect(row.wamid).toBeNull();
      else expect(row.wamid).toMatch(/^wamid\./);
    }
    expect(rows.some((r) => r.status !== 'accepted')).toBe(true);
    expect(rows.some((r) => r.status === 'accepted')).toBe(true);
  });
});
