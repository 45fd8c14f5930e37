import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../src/db/sql.ts';
import { decideAppeal } from '../../src/enforcement/appeals.ts';
import { setStanding } from '../../src/enforcement/set-standing.ts';
import { SCORE_BANDS, SIGNAL_RULES, decideStanding, readSignals } from '../../src/enforcement/signals.ts';
import { createOrganization } from '../../src/tenancy/create-organization.ts';
import { cliDatabase, type CliDatabase } from '../helpers/cli.ts';
import { startTestPlatform, type Tenant, type TestPlatform } from '../helpers/test-platform.ts';

// AUP 4 beyond the automatic climb: a suspension lifts by itself at its end, operators step an organization on the
// ladder with a reason and a clause, the organization appeals with a message, and an operator decides.

let t: TestPlatform;
let tenant: Tenant;
const db = () => t.platform.deps.db;
const state = async (orgId: string) => (await db().query<{ standing: string; status: string }>(sql`SELECT standing, status FROM organizations WHERE id = ${orgId}`))[0]!;

beforeAll(async () => {
  t = await startTestPlatform({ env: { ENFORCEMENT_INTERVAL_MS: '100', ENFORCEMENT_MIN_VOLUME: '20' } });
  tenant = await t.createTenant('Appellant');
}, 60_000);
afterAll(() => t?.close());

describe('AUP 4 — suspension, appeals and operators', () => {
  it('refuses a suspended organization with the end time and the clause, and lifts the suspension by itself at its end', async () => {
    const until = new Date(Date.now() + 3000);
    await setStanding(db(), tenant.orgId, { state: 'suspended', reason: 'Phishing reported by a bank', clause: '3.2', until, actor: 'cli' }, new Date());
    const refused = await t.waitFor('the key refused', async () => {
      const r = await t.api('GET', '/v1/templates', { key: tenant.apiKey });
      return r.status === 403 && r;
    });
    expect(refused.body.error).toMatchObject({ code: 'account_suspended', policy_clause: '3.2', details: { state: 'suspended', clause: '3.2', until: until.toISOString() } });

    await t.waitFor('the suspension lifted', async () => (await state(tenant.orgId)).standing === 'warned');
    expect(await state(tenant.orgId)).toEqual({ standing: 'warned', status: 'active' });
    const standing = await t.api('GET', '/v1/account/standing', { key: tenant.apiKey });
    expect(standing.status).toBe(200);
    expect(standing.body.history.map((h: any) => [h.from, h.to, h.actor])).toEqual([['suspended', 'warned', 'system:enforcement'], ['good', 'suspended', 'cli']]);
    // The window starts afresh at the reinstatement.
    expect(Date.parse(standing.body.window.since)).toBeGreaterThanOrEqual(until.getTime());
  });

  it('takes an appeal with a message; an operator overturns it and the organization goes back a step', async () => {
    await setStanding(db(), tenant.orgId, { state: 'restricted', reason: 'Repeated complaints', clause: '3.1', actor: 'cli' }, new Date());
    const appeal = await t.api('POST', '/v1/account/appeals', { key: tenant.apiKey, body: { message: 'Those were our own customers; here are their opt-ins.' } });
    expect(appeal.status).toBe(201);
    expect(appeal.body).toMatchObject({ status: 'pending', message: 'Those were our own customers; here are their opt-ins.' });
    expect((await t.api('POST', '/v1/account/appeals', { key: tenant.apiKey, body: { message: 'again' } })).status).toBe(409);
    expect((await t.api('POST', '/v1/account/appeals', { key: tenant.apiKey, body: { message: '   ' } })).status).toBe(400);

    await decideAppeal(db(), tenant.orgId, appeal.body.id, { outcome: 'overturned', reason: 'Opt-ins verified', actor: 'cli' }, new Date());
    expect((await state(tenant.orgId)).standing).toBe('warned');
    const standing = (await t.api('GET', '/v1/account/standing', { key: tenant.apiKey })).body;
    expect(standing.appeals[0]).toMatchObject({ id: appeal.body.id, status: 'overturned', decision_reason: 'Opt-ins verified' });
    expect(standing.history[0]).toMatchObject({ from: 'restricted', to: 'warned', clause: '3.1' });
    const audit = await db().query<{ action: string }>(sql`
      SELECT action FROM audit_log WHERE org_id = ${tenant.orgId} AND action LIKE 'enforcement.%' ORDER BY seq`);
    expect(audit.map((a) => a.action)).toEqual([
      'enforcement.suspended', 'enforcement.warned', 'enforcement.restricted', 'enforcement.appealed', 'enforcement.appeal_decided', 'enforcement.warned',
    ]);
  });

  it('terminates: keys revoked, data kept', async () => {
    const other = await t.createTenant('Terminated');
    await t.api('POST', '/v1/messages', { key: other.apiKey, body: { to: '+12025550100', type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } } });
    await setStanding(db(), other.orgId, { state: 'terminated', reason: 'Fraud confirmed', clause: '3.2', actor: 'cli' }, new Date());
    expect(await state(other.orgId)).toEqual({ standing: 'terminated', status: 'terminated' });
    await t.waitFor('the revoked key refused', async () => (await t.api('GET', '/v1/account/standing', { key: other.apiKey })).status === 401);
    const kept = await db().query<{ n: number }>(sql`SELECT count(*)::int AS n FROM messages WHERE org_id = ${other.orgId}`);
    expect(kept[0]!.n).toBe(1);
    await expect(setStanding(db(), other.orgId, { state: 'good', reason: 'oops', clause: '4', actor: 'cli' }, new Date())).rejects.toThrow(/terminated/);
  });
});

describe('AUP 4 — risk score and the ladder, as published', () => {
  const now = new Date('2026-01-10T00:00:00Z');
  const rules = { suspendMs: 3_600_000, windowMs: 86_400_000 };
  const good = { state: 'good' as const, since: new Date('2026-01-01T00:00:00Z'), until: null };

  it('does not count a rate below the minimum volume', () => {
    const scored = readSignals([{ id: 'consent_refusals', value: 0.5, volume: 19 }], 20);
    expect(scored.score).toBe(0);
    expect(decideStanding(good, scored, now, rules)).toEqual({ kind: 'stay' });
  });

  it('warns at a third of an action level, restricts at one action level, suspends at two, never terminates by itself', () => {
    const at = (value: number) => readSignals([{ id: 'screening', value, volume: 100 }], 20);
    expect(at(0.0099).score).toBeLessThan(SCORE_BANDS.warned);
    expect(decideStanding(good, at(0.01), now, rules)).toMatchObject({ kind: 'move', to: 'warned', clause: '3.2' });
    expect(decideStanding(good, at(0.03), now, rules)).toMatchObject({ kind: 'move', to: 'restricted', clause: '3.2' });
    const two = readSignals([{ id: 'screening', value: 0.05, volume: 100 }, { id: 'throttling', value: 30, volume: 30 }], 20);
    expect(two.score).toBe(100);
    const suspended = decideStanding({ ...good, state: 'restricted' }, two, now, rules, [{ id: 'screening', value: 0.05, action: 0.03 }]);
    expect(suspended).toMatchObject({ kind: 'move', to: 'suspended', clause: '3.6', until: new Date(now.getTime() + rules.suspendMs) });
    expect(decideStanding({ ...good, state: 'suspended', until: new Date(now.getTime() + 1) }, two, now, rules)).toEqual({ kind: 'stay' });
  });

  it('warns for every signal exactly at its warn level (1/3 of the action level is not exact in floating point)', () => {
    for (const rule of SIGNAL_RULES) {
      const volume = rule.unit === 'count' ? rule.warn : 1000;
      const scored = readSignals([{ id: rule.id, value: rule.warn, volume }], 20);
      expect(decideStanding(good, scored, now, rules), rule.id).toMatchObject({ kind: 'move', to: 'warned', clause: rule.clause });
    }
  });

  it('steps down one rung after a whole quiet window, and not before', () => {
    const quiet = readSignals([], 20);
    expect(decideStanding({ state: 'restricted', since: new Date(now.getTime() - rules.windowMs + 1), until: null }, quiet, now, rules)).toEqual({ kind: 'stay' });
    expect(decideStanding({ state: 'restricted', since: new Date(now.getTime() - rules.windowMs), until: null }, quiet, now, rules)).toMatchObject({ kind: 'move', to: 'warned' });
    expect(decideStanding({ state: 'warned', since: new Date(now.getTime() - rules.windowMs), until: null }, quiet, now, rules)).toMatchObject({ kind: 'move', to: 'good' });
  });
});

describe('AUP 4 — the operator commands', () => {
  let cli: CliDatabase;
  beforeAll(async () => { cli = await cliDatabase(); }, 60_000);
  afterAll(() => cli?.drop());

  it('xpecto enforcement set steps an organization with a reason and a clause; decide-appeal decides', async () => {
    const org = await cli.withDb((d) => createOrganization(d, { name: 'Cli Target', slug: 'cli-target' }));
    const set = await cli.xpecto('enforcement', 'set', '--org', 'cli-target', '--state', 'restricted', '--reason', 'Complaints', '--clause', '3.1');
    expect(set.code).toBe(0);
    expect(set.stdout).toMatch(/^stc_\S+\tgood\trestricted\t3\.1\t/);
    const missing = await cli.xpecto('enforcement', 'set', '--org', 'cli-target', '--state', 'suspended', '--reason', 'x', '--clause', '4');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/end time/);
    const { fileAppeal } = await import('../../src/enforcement/appeals.ts');
    const appeal = await cli.withDb((d) => fileAppeal(d, org.id, { message: 'please', actor: 'cli' }, new Date()));
    const pending = await cli.xpecto('enforcement', 'appeals');
    expect(pending.stdout).toContain(appeal.id);
    const decided = await cli.xpecto('enforcement', 'decide-appeal', '--org', org.id, '--id', appeal.id, '--outcome', 'upheld', '--reason', 'Complaints verified');
    expect(decided.stdout.trim()).toBe(`${appeal.id}\tupheld`);
    expect(await cli.withDb(async (d) => (await d.query<{ standing: string }>(sql`SELECT standing FROM organizations WHERE id = ${org.id}`))[0]!.standing)).toBe('restricted');
  }, 120_000);
});
