import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setStanding } from '../../src/enforcement/set-standing.ts';
import { startTestPlatform, type Tenant, type TestPlatform } from '../helpers/test-platform.ts';

// AUP 4: "restricted" means lower limits as well as marketing paused — the lowest plan's request budgets apply.

let t: TestPlatform;
let tenant: Tenant;

beforeAll(async () => {
  t = await startTestPlatform({ workers: false });
  tenant = await t.createTenant('Restricted Budgets');
}, 60_000);
afterAll(() => t?.close());

describe('AUP 4 — a restricted organization gets the lowest request budgets', () => {
  it('takes what its plan allows while in good standing, and is throttled at the sandbox budget once restricted', async () => {
    const burst = async (n: number) => {
      const answers = [];
      for (let i = 0; i < n; i++) answers.push(await t.api('GET', '/v1/templates?limit=1', { key: tenant.apiKey }));
      return answers;
    };
    expect((await burst(150)).filter((r) => r.status === 429)).toEqual([]);

    await setStanding(t.platform.deps.db, tenant.orgId, { state: 'restricted', reason: 'Complaints above the action level.', clause: '3.1', actor: 'cli' }, new Date());
    const refused = await t.waitFor('a request refused at the restricted budget', async () => (await burst(50)).find((r) => r.status === 429), 60_000);
    expect(refused.body.error).toMatchObject({ code: 'rate_limited', policy_clause: '3.6', details: { plan: 'sandbox', standing: 'restricted' } });
  });
});
