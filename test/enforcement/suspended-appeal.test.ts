import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setStanding } from '../../src/enforcement/set-standing.ts';
import { startTestPlatform, type Tenant, type TestPlatform } from '../helpers/test-platform.ts';

// AUP 4: a suspended organization is refused everywhere but where it can see why (its standing, the policy) and appeal.

let t: TestPlatform;
let tenant: Tenant;

beforeAll(async () => {
  t = await startTestPlatform({ workers: false });
  tenant = await t.createTenant('Suspended Appellant');
}, 60_000);
afterAll(() => t?.close());

describe('AUP 4 — a suspended organization can still read its standing and the policy, and appeal', () => {
  it('refuses every other call, answers the standing and the policy and takes the appeal', async () => {
    const until = new Date(Date.now() + 3_600_000);
    await setStanding(t.platform.deps.db, tenant.orgId, { state: 'suspended', reason: 'Phishing links confirmed in a case.', clause: '3.2', actor: 'user:usr_operator', until }, new Date());
    const refused = await t.waitFor('the suspension seen by the key cache', async () => {
      const r = await t.api('GET', '/v1/templates', { key: tenant.apiKey });
      return r.status === 403 ? r : null;
    });
    expect(refused.body.error).toMatchObject({ code: 'account_suspended', policy_clause: '3.2', details: { until: until.toISOString(), clause: '3.2' } });
    expect((await t.api('POST', '/v1/messages', { key: tenant.apiKey, body: { to: '+12025550100', type: 'text', text: { body: 'hi' } } })).status).toBe(403);

    const standing = await t.api('GET', '/v1/account/standing', { key: tenant.apiKey });
    expect(standing.status).toBe(200);
    expect(JSON.stringify(standing.body)).toContain('suspended');
    // The policy it is held to, clause by clause.
    const policy = await t.api('GET', '/v1/policy', { key: tenant.apiKey });
    expect(policy.status, policy.text).toBe(200);
    expect(policy.body.in_force.document).toEqual(expect.objectContaining({ sections: expect.any(Array) }));
    const appeal = await t.api('POST', '/v1/account/appeals', { key: tenant.apiKey, body: { message: 'The links were our own payment page; please review.' } });
    expect(appeal.status, appeal.text).toBe(201);
  });
});
