import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../src/db/sql.ts';
import { createOperatorKey } from '../../src/operators/operator-keys.ts';
import { AUP_V1 } from '../../src/policy/aup-v1.ts';
import { POW_BITS, solveChallenge } from '../../src/reports/challenge.ts';
import { createUser } from '../../src/tenancy/create-organization.ts';
import { startTestPlatform, type Tenant, type TestPlatform } from '../helpers/test-platform.ts';

// The operator console's API over HTTP (issue 9 item 8): organizations with risk and standing, steps on the ladder,
// appeals, policy versions, the report queue — operator keys only, every change in the operator chain.

let t: TestPlatform;
let alice: { id: string; key: string };
let warned: Tenant;
let target: Tenant;
let appellant: Tenant;
const db = () => t.platform.deps.db;
const op = (method: string, path: string, body?: unknown, key = alice.key) => t.api(method, `/v1/operator${path}`, { key, ...(body === undefined ? {} : { body }) });
const operatorEntries = () => db().query<{ action: string; actor: string; subject: string; detail: Record<string, unknown>; request_id: string | null }>(sql`
  SELECT action, actor, subject, detail, request_id FROM audit_log WHERE chain = 'operator' ORDER BY seq`);
const DAY = 86_400_000;

/** Files a report through the public API and returns its case. */
async function fileReport(fields: Record<string, string>, ip: string) {
  const challenge = (await t.api('GET', '/v1/reports/challenge', { headers: { 'x-forwarded-for': ip } })).body.challenge as string;
  const form = new FormData();
  for (const [k, v] of Object.entries({ ...fields, pow_challenge: challenge, pow_counter: solveChallenge(challenge, POW_BITS) })) form.append(k, v);
  const res = await fetch(`${t.url}/v1/reports`, { method: 'POST', body: form, headers: { 'x-forwarded-for': ip } });
  expect(res.status).toBe(201);
  const { reference } = await res.json() as { reference: string };
  const [row] = await db().query<{ case_id: string; report_id: string }>(sql`
    SELECT cr.case_id, cr.report_id FROM case_reports cr JOIN violation_reports r ON r.id = cr.report_id WHERE r.reference = ${reference}`);
  return { caseId: row!.case_id, reportId: row!.report_id };
}

async function displayNumber(tenant: Tenant) {
  const [n] = await db().query<{ display_phone_number: string }>(sql`SELECT display_phone_number FROM phone_numbers WHERE id = ${tenant.phoneNumberId}`);
  return n!.display_phone_number;
}

beforeAll(async () => {
  // The sweep over every operator route with a tenant key fails authentication on purpose, many times.
  t = await startTestPlatform({ workers: false, env: { TRUST_PROXY: 'loopback', AUTH_FAILURE_LIMIT: '1000', AUTH_FAILURE_SLOW_AFTER: '1000' } });
  warned = await t.createTenant('Warned Traders');
  target = await t.createTenant('Suspended Soon');
  appellant = await t.createTenant('Appellant Co');
  const user = await createUser(db(), { email: 'alice@xpecto.example', password: 'correct horse battery', isOperator: true, by: { actor: 'cli' } });
  alice = { id: user.id, key: (await createOperatorKey(db(), { email: 'alice@xpecto.example', name: 'console test', actor: 'cli' })).secret };
}, 60_000);
afterAll(() => t?.close());

describe('operator console — organizations and standing', () => {
  it('lists a warned organization with its flagged signal and thresholds, filters and pages; the detail shows every signal, history and numbers', async () => {
    // A report confirmed through its case: the `violation_reports` signal reaches its warn level (1; action 3).
    const { caseId, reportId } = await fileReport({ reporter_email: 'victim@example.org', reported_phone: await displayNumber(warned), category: 'spam', description: 'Offers I never asked for.' }, '203.0.113.10');
    const resolved = await op('POST', `/cases/${caseId}/resolve`, { outcome: 'Confirmed: no opt-in on record.', confirmed: true });
    expect(resolved.status, resolved.text).toBe(200);
    const warning = await op('POST', `/organizations/${warned.orgId}/standing`, { state: 'warned', reason: 'A confirmed report of unsolicited offers.', clause: '5' });
    expect(warning.status, warning.text).toBe(201);
    expect(warning.body).toMatchObject({ org_id: warned.orgId, from: 'good', to: 'warned', clause: '5', actor: `operator:${alice.id}`, until: null });

    const list = await op('GET', '/organizations?standing=warned');
    expect(list.status, list.text).toBe(200);
    expect(list.body.data.map((o: any) => o.id)).toEqual([warned.orgId]);
    const org = list.body.data[0];
    expect(org).toMatchObject({
      slug: expect.any(String), status: 'active', plan: 'starter', open_cases: 0,
      standing: { state: 'warned', clause: '5', until: null, since: expect.any(String) },
    });
    expect(org.name).toMatch(/^Warned Traders/);
    expect(org.signals).toEqual([{ id: 'violation_reports', clause: '5', unit: 'count', value: 1, volume: 1, level: 'warn', warn: 1, action: 3 }]);
    expect(org.risk_score).toBeCloseTo(16.7, 1);

    // Search by name; every organization, a page at a time, each once.
    expect((await op('GET', `/organizations?q=${encodeURIComponent('warned trad')}`)).body.data.map((o: any) => o.id)).toEqual([warned.orgId]);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await op('GET', `/organizations?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status, page.text).toBe(200);
      seen.push(...page.body.data.map((o: any) => o.id));
      cursor = page.body.next_cursor;
    } while (cursor);
    expect(seen).toEqual(expect.arrayContaining([warned.orgId, target.orgId, appellant.orgId]));
    expect(new Set(seen).size).toBe(seen.length);
    expect((await op('GET', '/organizations?cursor=not-ours')).status).toBe(400);
    expect((await op('GET', '/organizations?standing=banned')).status).toBe(400);

    const detail = await op('GET', `/organizations/${warned.orgId}`);
    expect(detail.status, detail.text).toBe(200);
    expect(detail.body.all_signals).toHaveLength(11);
    expect(detail.body.all_signals.find((s: any) => s.id === 'opt_out_rate')).toMatchObject({ level: 'ok', warn: 0.01, action: 0.03, clause: '3.1', counts: false });
    expect(detail.body.history[0]).toMatchObject({ from: 'good', to: 'warned', clause: '5', reason: 'A confirmed report of unsolicited offers.', actor: `operator:${alice.id}` });
    expect(detail.body.phone_numbers).toEqual([expect.objectContaining({ id: warned.phoneNumberId, display_phone_number: expect.any(String) })]);
    expect(detail.body.pending_appeals).toEqual([]);
    expect((await op('GET', '/organizations/org_00000000000000000000000000')).status).toBe(404);
    expect((await op('GET', '/organizations/not-an-id')).status).toBe(400);

    // The report queue links each report to its case.
    const reports = await op('GET', '/reports?status=closed');
    expect(reports.status, reports.text).toBe(200);
    expect(reports.body.data.find((r: any) => r.id === reportId)).toMatchObject({
      status: 'closed', clause: '3.1', organization: { id: warned.orgId }, case: { id: caseId, status: 'resolved', url: `/v1/operator/cases/${caseId}` },
      outcome: 'Confirmed: no opt-in on record.', outcome_by: `operator:${alice.id}`,
    });
    expect(JSON.stringify(reports.body)).not.toContain('victim@example.org');
    expect((await op('GET', '/reports')).body.data.map((r: any) => r.id)).not.toContain(reportId);
  });

  it('suspends through the route: the organization\'s calls are refused 403 account_suspended with the clause; bad input is 400, a terminated organization 409', async () => {
    const before = await t.api('GET', '/v1/templates', { key: target.apiKey });
    expect(before.status).toBe(200);
    const base = { state: 'suspended', reason: 'Phishing links reported by a bank.', clause: '3.2' };
    for (const body of [
      { ...base, state: 'banned', until: new Date(Date.now() + DAY).toISOString() },
      { ...base },
      { ...base, until: new Date(Date.now() - DAY).toISOString() },
      { ...base, until: 'tomorrow' },
      { ...base, reason: '   ', until: new Date(Date.now() + DAY).toISOString() },
      { ...base, clause: '9.9', until: new Date(Date.now() + DAY).toISOString() },
      { state: 'warned', reason: 'x', clause: '3.2', until: new Date(Date.now() + DAY).toISOString() },
      { ...base, until: new Date(Date.now() + DAY).toISOString(), extra: true },
    ]) {
      const refused = await op('POST', `/organizations/${target.orgId}/standing`, body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.error.code).toBe('validation_failed');
    }
    expect((await op('POST', '/organizations/org_00000000000000000000000000/standing', { ...base, until: new Date(Date.now() + DAY).toISOString() })).status).toBe(404);

    const until = new Date(Date.now() + 3 * DAY);
    const suspended = await op('POST', `/organizations/${target.orgId}/standing`, { ...base, until: until.toISOString() });
    expect(suspended.status, suspended.text).toBe(201);
    expect(suspended.body).toMatchObject({ from: 'good', to: 'suspended', clause: '3.2', until: until.toISOString() });
    const after = await t.api('GET', '/v1/templates', { key: target.apiKey });
    expect(after.status).toBe(403);
    expect(after.body.error).toMatchObject({ code: 'account_suspended', policy_clause: '3.2', details: { clause: '3.2', until: until.toISOString() } });
    expect((await op('GET', '/organizations?standing=suspended')).body.data.map((o: any) => [o.id, o.status])).toEqual([[target.orgId, 'suspended']]);

    const terminated = await op('POST', `/organizations/${target.orgId}/standing`, { state: 'terminated', reason: 'Fraud confirmed.', clause: '3.2' });
    expect(terminated.status, terminated.text).toBe(201);
    const again = await op('POST', `/organizations/${target.orgId}/standing`, { state: 'good', reason: 'A mistake.', clause: '4' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('conflict');
  });

  it('takes appeals across organizations; overturning one restores the standing the step found', async () => {
    const restricted = await op('POST', `/organizations/${appellant.orgId}/standing`, { state: 'restricted', reason: 'Repeated complaints.', clause: '3.1' });
    expect(restricted.status, restricted.text).toBe(201);
    const filed = await t.api('POST', '/v1/account/appeals', { key: appellant.apiKey, body: { message: 'Those were our customers; here are their opt-ins.' } });
    expect(filed.status, filed.text).toBe(201);

    const queue = await op('GET', '/appeals');
    expect(queue.status, queue.text).toBe(200);
    expect(queue.body.total).toBe(1);
    expect(queue.body.data[0]).toMatchObject({
      id: filed.body.id, org_id: appellant.orgId, status: 'pending', message: 'Those were our customers; here are their opt-ins.',
      organization: { id: appellant.orgId, standing: 'restricted' },
      appealed_change: { id: restricted.body.change_id, from: 'good', to: 'restricted', clause: '3.1', actor: `operator:${alice.id}` },
    });
    expect((await op('GET', `/organizations/${appellant.orgId}`)).body.pending_appeals.map((a: any) => a.id)).toEqual([filed.body.id]);

    const path = `/appeals/${appellant.orgId}/${filed.body.id}/decision`;
    expect((await op('POST', path, { outcome: 'maybe', reason: 'x' })).status).toBe(400);
    expect((await op('POST', path, { outcome: 'overturned', reason: '  ' })).status).toBe(400);
    expect((await op('POST', `/appeals/${warned.orgId}/${filed.body.id}/decision`, { outcome: 'upheld', reason: 'x' })).status).toBe(404);
    const decided = await op('POST', path, { outcome: 'overturned', reason: 'Opt-ins verified.' });
    expect(decided.status, decided.text).toBe(200);
    expect(decided.body).toMatchObject({
      appeal: { id: filed.body.id, status: 'overturned', decision_reason: 'Opt-ins verified.', decided_by: `operator:${alice.id}` },
      standing: { state: 'good', clause: null },
    });
    expect((await op('POST', path, { outcome: 'upheld', reason: 'Twice.' })).status).toBe(409);
    expect((await op('GET', '/appeals')).body).toEqual({ data: [], total: 0 });
    const standing = await t.api('GET', '/v1/account/standing', { key: appellant.apiKey });
    expect(standing.body).toMatchObject({ state: 'good' });
    expect(standing.body.history[0]).toMatchObject({ from: 'restricted', to: 'good', actor: `operator:${alice.id}` });
  });
});

describe('operator console — policy', () => {
  const v2 = { ...AUP_V1, title: 'Xpecto Acceptable Use Policy (v2)' };

  it('refuses an effective date in the past and writes nothing; publishes a future version, shown with its acceptances', async () => {
    const versionsBefore = await db().query(sql`SELECT version FROM policy_versions`);
    const entriesBefore = (await operatorEntries()).length;
    const past = await op('POST', '/policy', { document: v2, summary: 'Clarifies consent.', effective_at: new Date(Date.now() - DAY).toISOString() });
    expect(past.status, past.text).toBe(400);
    expect(past.body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'body.effective_at' })]));
    expect((await op('POST', '/policy', { document: { title: 'No sections' }, summary: 'x', effective_at: new Date(Date.now() + 10 * DAY).toISOString() })).status).toBe(400);
    expect(await db().query(sql`SELECT version FROM policy_versions`)).toEqual(versionsBefore);
    expect(await operatorEntries()).toHaveLength(entriesBefore);
    expect(await db().query(sql`SELECT 1 FROM email_outbox WHERE kind = 'policy_notice'`)).toHaveLength(0);

    const effectiveAt = new Date(Date.now() + 10 * DAY);
    const published = await op('POST', '/policy', { document: v2, summary: 'Clarifies consent.', effective_at: effectiveAt.toISOString() });
    expect(published.status, published.text).toBe(201);
    expect(published.body).toMatchObject({ version: 2, state: 'upcoming', published_by: `operator:${alice.id}`, effective_at: effectiveAt.toISOString(), acceptances: { total: 0 } });

    const versions = await op('GET', '/policy');
    expect(versions.status, versions.text).toBe(200);
    expect(versions.body.data.map((v: any) => [v.version, v.state])).toEqual([[1, 'in_force'], [2, 'upcoming']]);
    expect(versions.body.data[0].acceptances.total).toBeGreaterThanOrEqual(3);
    expect(versions.body.data[1]).toMatchObject({ title: 'Xpecto Acceptable Use Policy (v2)', summary: 'Clarifies consent.', acceptances: { total: 0, explicit: 0, continued_use: 0 } });
    // Each version's document whole, as published: the in-force one is where the next version starts.
    expect(versions.body.data[0].document).toEqual(AUP_V1);
    expect(versions.body.data[1].document).toEqual(v2);
    expect(published.body.document).toEqual(v2);
    // Tenants see it coming.
    expect((await t.api('GET', '/v1/policy', { key: warned.apiKey })).body.upcoming.map((v: any) => v.version)).toEqual([2]);
  });
});

describe('operator console — access and audit', () => {
  it('refuses a tenant key, and no key, on every operator route', async () => {
    const doc = (await t.api('GET', '/docs/json')).body;
    const routes = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
      .filter(([path]) => path.startsWith('/v1/operator/'))
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => [m.toUpperCase(), path.replace(/\{[^}]+\}/g, (p) => (p === '{org_id}' ? warned.orgId : 'x'))] as const));
    const consoleRoutes = routes.filter(([, path]) => /organizations|appeals|policy|reports|audit/.test(path));
    expect(consoleRoutes.length).toBeGreaterThanOrEqual(10);
    for (const [method, path] of routes) {
      const body = method === 'GET' ? undefined : {};
      for (const key of [warned.apiKey, undefined]) {
        const res = await t.api(method, path, { ...(key ? { key } : {}), ...(body ? { body } : {}) });
        expect([401, 403], `${method} ${path} ${key ? 'tenant key' : 'no key'}`).toContain(res.status);
      }
    }
  });

  it('records every action in the operator chain with the operator as actor, and the chain verifies', async () => {
    const entries = (await operatorEntries()).filter((e) => e.actor === `operator:${alice.id}`);
    const byAction = (action: string) => entries.filter((e) => e.action === action);
    expect(byAction('enforcement.warned').map((e) => [e.subject, e.detail['to'], e.detail['clause']])).toEqual([[warned.orgId, 'warned', '5']]);
    expect(byAction('enforcement.suspended')[0]).toMatchObject({ subject: target.orgId, detail: { org_id: target.orgId, from: 'good', to: 'suspended', clause: '3.2' } });
    expect(byAction('enforcement.terminated').map((e) => e.subject)).toEqual([target.orgId]);
    expect(byAction('enforcement.restricted').map((e) => e.subject)).toEqual([appellant.orgId]);
    expect(byAction('enforcement.appeal_decided')[0]).toMatchObject({ detail: { org_id: appellant.orgId, outcome: 'overturned', reason: 'Opt-ins verified.' } });
    expect(byAction('policy.published')[0]).toMatchObject({ subject: 'policy:v2' });
    // The console's own entries carry the request that made them.
    expect(entries.filter((e) => e.action.startsWith('enforcement.')).every((e) => /^req_/.test(e.request_id ?? ''))).toBe(true);
    // Nothing recorded for the refused attempts: one suspension, one reinstatement attempt refused.
    expect(byAction('enforcement.reinstated')).toHaveLength(0);
    // The organization's own chain names the operator too.
    const [orgEntry] = await db().query<{ actor: string }>(sql`SELECT actor FROM audit_log WHERE chain = ${target.orgId} AND action = 'enforcement.suspended'`);
    expect(orgEntry!.actor).toBe(`operator:${alice.id}`);

    const listed = await op('GET', '/audit?action=enforcement.*&limit=2');
    expect(listed.status, listed.text).toBe(200);
    expect(listed.body.data).toHaveLength(2);
    const next = await op('GET', `/audit?action=enforcement.*&limit=50&cursor=${listed.body.next_cursor}`);
    expect(next.body.data.map((e: any) => e.seq)).not.toContain(listed.body.data[1].seq);
    expect(next.body.data.length + 2).toBe(entries.filter((e) => e.action.startsWith('enforcement.')).length);

    const verified = await op('GET', '/audit/verify');
    expect(verified.status, verified.text).toBe(200);
    expect(verified.body).toMatchObject({ ok: true, broken: null });
    const anchored = await op('GET', `/audit/verify?seq=${verified.body.head.seq}&hash=${verified.body.head.hash}`);
    expect(anchored.body.ok).toBe(true);
    for (const tenant of [warned, appellant]) {
      const own = await t.api('GET', '/v1/audit/verify', { key: tenant.apiKey });
      expect(own.body.ok, tenant.orgId).toBe(true);
    }
  });
});
