import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../src/db/sql.ts';
import { claimForNumber, dueNumbersUnscoped } from '../../src/messaging/outbox-store.ts';
import { customer, helloWorld, sendBatch } from '../helpers/dispatch-helpers.ts';
import { startTestPlatform, type Tenant, type TestPlatform } from '../helpers/test-platform.ts';

// AUP 4: a suspended organization sends nothing — not even what it queued before the suspension. Its messages wait
// (nothing is lost) and go once it is active again. Judged on the dispatcher's own queries, without workers running.

let t: TestPlatform;
let tenant: Tenant;

beforeAll(async () => {
  t = await startTestPlatform({ workers: false });
  tenant = await t.createTenant('Paused Org');
}, 60_000);
afterAll(() => t?.close());

const due = async () => (await dueNumbersUnscoped(t.platform.deps.db)).filter((n) => n.org_id === tenant.orgId).map((n) => n.id);
const setStatus = (status: string) => t.platform.deps.db.query(sql`UPDATE organizations SET status = ${status} WHERE id = ${tenant.orgId}`);

describe('AUP 4 — a suspended organization\'s queue waits', () => {
  it('is not dispatched while suspended, and is again once active', async () => {
    await sendBatch(t, tenant, Array.from({ length: 5 }, (_, i) => helloWorld(customer(i))));
    expect(await due()).toEqual([tenant.phoneNumberId]);

    await setStatus('suspended');
    expect(await due()).toEqual([]);
    expect(await claimForNumber(t.platform.deps.db, tenant.orgId, tenant.phoneNumberId, 10, 30)).toEqual([]);

    await setStatus('active');
    expect(await due()).toEqual([tenant.phoneNumberId]);
    expect(await claimForNumber(t.platform.deps.db, tenant.orgId, tenant.phoneNumberId, 10, 30)).toHaveLength(5);
  });
});
