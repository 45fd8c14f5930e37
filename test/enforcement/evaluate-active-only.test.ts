import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../src/db/sql.ts';
import { setStanding } from '../../src/enforcement/set-standing.ts';
import { newId } from '../../src/lib/ids.ts';
import { customer } from '../helpers/dispatch-helpers.ts';
import { startTestPlatform, type Tenant, type TestPlatform } from '../helpers/test-platform.ts';

// Decision 0022: the standing evaluator measures only organizations with something new since their last
// evaluation, or a step due — an idle tenant costs a round nothing. Rounds are counted by the active tenant's
// evaluations (the worker's one evaluator runs them in sequence), never by the clock.

let t: TestPlatform;
let idle: Tenant;
let active: Tenant;
const db = () => t.platform.deps.db;

async function evaluatedAt(orgId: string): Promise<Date | undefined> {
  return (await db().query<{ evaluated_at: Date }>(sql`SELECT evaluated_at FROM standing_evaluations WHERE org_id = ${orgId}`))[0]?.evaluated_at;
}

/** Something new for the active tenant (a template sent, or one refused for consent: a signal), then the round that measured it. */
async function activityThenRound(i: number, kind: 'message' | 'signal') {
  const before = new Date();
  const to = kind === 'message' ? customer(i) : '+12025550999';
  const sent = await t.api('POST', '/v1/messages', { key: active.apiKey, body: { to, type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } } });
  expect(sent.status, sent.text).toBe(kind === 'message' ? 202 : 422);
  await t.waitFor(`the active tenant evaluated after its ${kind}`, async () => ((await evaluatedAt(active.orgId))?.getTime() ?? 0) > before.getTime());
}

beforeAll(async () => {
  t = await startTestPlatform({ env: { ENFORCEMENT_INTERVAL_MS: '100', ENFORCEMENT_WINDOW_SECONDS: '3600', ENFORCEMENT_MIN_VOLUME: '20' } });
  idle = await t.createTenant('Quiet Ltd');
  active = await t.createTenant('Busy Ltd');
}, 60_000);
afterAll(() => t?.close());

describe('AUP 4 — the standing evaluator reads the organizations with activity', () => {
  it('evaluates an organization with new messages or signals every round, and an idle one not at all', async () => {
    // Two rounds absorb what setting the tenants up wrote (consent records, events); the idle one is measured by then.
    await activityThenRound(1, 'message');
    await activityThenRound(2, 'message');
    const idleAt = await evaluatedAt(idle.orgId);
    expect(idleAt).toBeInstanceOf(Date);

    await activityThenRound(3, 'message');
    await activityThenRound(4, 'signal');
    await activityThenRound(5, 'message');
    expect(await evaluatedAt(idle.orgId)).toEqual(idleAt);

    // One thing new and the idle organization is measured again at the next round.
    const before = new Date();
    const sent = await t.api('POST', '/v1/messages', { key: idle.apiKey, body: { to: customer(6), type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } } });
    expect(sent.status).toBe(202);
    await t.waitFor('the idle tenant evaluated after its message', async () => ((await evaluatedAt(idle.orgId))?.getTime() ?? 0) > before.getTime());
  });

  it('lifts a suspension when its end comes, though nothing else happened', async () => {
    const until = new Date(Date.now() + 1500);
    await setStanding(db(), idle.orgId, { state: 'suspended', reason: 'Test suspension.', clause: '3.2', actor: 'cli', until }, new Date());
    const lifted = await t.waitFor('the suspension lifted', async () => {
      const [org] = await db().query<{ standing: string }>(sql`SELECT standing FROM organizations WHERE id = ${idle.orgId}`);
      return org!.standing === 'warned' ? org : undefined;
    });
    expect(lifted).toEqual({ standing: 'warned' });
    const [last] = await db().query<{ from_state: string; to_state: string; actor: string }>(sql`
      SELECT from_state, to_state, actor FROM standing_changes WHERE org_id = ${idle.orgId} ORDER BY created_at DESC, id DESC LIMIT 1`);
    expect(last).toEqual({ from_state: 'suspended', to_state: 'warned', actor: 'system:enforcement' });
  });

  it('id_floor(kind, t) sorts below every id of that kind made from t on and above every one made before', async () => {
    const id = newId('message');
    const millis = parseInt([...id.slice(4, 14)].map((c) => '0123456789abcdefghjkmnpqrstvwxyz'.indexOf(c).toString(32)).join(''), 32);
    const [r] = await db().query<{ at: string; after: string; zero: string }>(sql`
      SELECT id_floor('msg', ${new Date(millis)}) AS at, id_floor('msg', ${new Date(millis + 1)}) AS after, id_floor('x', to_timestamp(0)) AS zero`);
    expect(r!.at <= id && id < r!.after).toBe(true);
    expect(r!.at).toBe(`${id.slice(0, 14)}${'0'.repeat(16)}`);
    expect(r!.zero).toBe(`x_${'0'.repeat(26)}`);
  });
});
