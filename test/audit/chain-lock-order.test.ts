import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/audit/verify-audit.ts';
import { sql } from '../../src/db/sql.ts';
import { createOperatorKey } from '../../src/operators/operator-keys.ts';
import { POW_BITS, solveChallenge } from '../../src/reports/challenge.ts';
import { createUser } from '../../src/tenancy/create-organization.ts';
import { orderShipped, uniqueName } from '../templates/template-helpers.ts';
import { startTestPlatform, type Tenant, type TestPlatform } from '../helpers/test-platform.ts';

// Decision 0023's lock order: every transaction takes the audit chains' heads in one order — the operator chain,
// then organizations' — after the rows it changes. A case action appends to the organization's chain (the
// transition) and to the operator's (the case step); run against notes, evidence exports, report intake and the
// organization's own audited calls, all at once, nothing may deadlock (PostgreSQL would abort one: a 500 here).
// PGlite runs one transaction at a time, so there the test only shows that the order changes no outcome.

let t: TestPlatform;
let tenant: Tenant;
let number: string;
let operatorKey: string;
let lastAddress = 0;
const db = () => t.platform.deps.db;
const op = (method: string, path: string, body?: unknown) => t.api(method, `/v1/operator${path}`, { key: operatorKey, ...(body === undefined ? {} : { body }) });

async function solvedReport(i: number) {
  const ip = `192.0.2.${++lastAddress}`;
  const challenge = (await t.api('GET', '/v1/reports/challenge', { headers: { 'x-forwarded-for': ip } })).body.challenge as string;
  const body = { reporter_email: `r${i}@example.org`, reported_phone: number, category: 'spam', description: `Report ${i}.`, pow_challenge: challenge, pow_counter: String(solveChallenge(challenge, POW_BITS)) };
  return () => t.api('POST', '/v1/reports', { headers: { 'x-forwarded-for': ip }, body });
}

async function caseOf(reference: string) {
  return (await db().query<{ case_id: string }>(sql`
    SELECT cr.case_id FROM case_reports cr JOIN violation_reports r ON r.id = cr.report_id WHERE r.reference = ${reference}`))[0]!.case_id;
}

beforeAll(async () => {
  t = await startTestPlatform({ workers: false, env: { TRUST_PROXY: 'loopback' } });
  tenant = await t.createTenant('Contended Ltd');
  number = (await db().query<{ display_phone_number: string }>(sql`SELECT display_phone_number FROM phone_numbers WHERE id = ${tenant.phoneNumberId}`))[0]!.display_phone_number;
  await createUser(db(), { email: 'locks@xpecto.example', password: 'correct horse battery', isOperator: true, by: { actor: 'cli' } });
  operatorKey = (await createOperatorKey(db(), { email: 'locks@xpecto.example', name: 'test', actor: 'cli' })).secret;
});
afterAll(() => t?.close());

describe('Audit chains: one lock order for case actions, case steps, report intake and the organization\'s own calls', () => {
  it('runs them concurrently: every call completes, and both chains verify', async () => {
    // Two cases about the organization: one resolved (it still takes notes and exports), one open (it takes actions).
    const first = await (await solvedReport(0))();
    expect(first.status, first.text).toBe(201);
    const resolvedCase = await caseOf(first.body.reference);
    expect((await op('POST', `/cases/${resolvedCase}/resolve`, { outcome: 'Not confirmed.', confirmed: false })).status).toBe(200);
    const second = await (await solvedReport(1))();
    const openCase = await caseOf(second.body.reference);
    expect(openCase).not.toBe(resolvedCase);

    // Streams of calls, each in sequence, all streams at once: a case action often finds another transaction
    // holding one head and wanting the other — the moment a wrong order deadlocks.
    const reports = await Promise.all(Array.from({ length: 6 }, (_, i) => solvedReport(i + 2)));
    const states = ['warned', 'restricted', 'good'];
    const stream = async (n: number, call: (i: number) => Promise<{ status: number; text: string }>) => {
      const refused: string[] = [];
      for (let i = 0; i < n; i++) {
        const r = await call(i);
        if (r.status >= 300) refused.push(`${r.status} ${r.text}`);
      }
      return refused;
    };
    const refused = (await Promise.all([
      // Case actions: the organization's row, the operator chain's head, then (in the transition) the organization's.
      stream(20, (i) => op('POST', `/cases/${openCase}/actions`, { state: states[i % 3], reason: `Step ${i}.`, clause: '3.1' })),
      stream(20, (i) => op('POST', `/cases/${openCase}/actions`, { state: states[(i + 1) % 3], reason: `Step ${i}, again.`, clause: '3.1' })),
      // Case steps on both cases: both chains in one batch.
      ...[0, 1, 2].map((w) => stream(30, (i) => op('POST', `/cases/${resolvedCase}/notes`, { body: `Note ${w}.${i} on the resolved case.` }))),
      stream(20, (i) => op('POST', `/cases/${openCase}/notes`, { body: `Note ${i} on the open case.` })),
      stream(10, () => op('POST', `/cases/${openCase}/assign`, { assignee: 'me' })),
      stream(6, () => op('GET', `/cases/${resolvedCase}/evidence`)),
      stream(10, () => op('GET', `/cases/${openCase}/messages`)),
      // Report intake about the organization: both chains, and it joins the open case.
      stream(6, (i) => reports[i]!()),
      // The organization's own audited calls: its chain only.
      stream(6, () => t.api('POST', '/v1/templates', { key: tenant.apiKey, body: orderShipped(uniqueName('locks')) })),
      stream(10, (i) => t.api('POST', '/v1/consents', { key: tenant.apiKey, body: { records: [{ phone: `+1202555${String(170 + i).padStart(4, '0')}`, purpose: 'marketing', state: 'opted_out', source: 'api' }] } })),
    ])).flat();
    expect(refused).toEqual([]);

    expect(await verifyAuditChain(db(), 'operator')).toMatchObject({ ok: true });
    expect(await verifyAuditChain(db(), tenant.orgId)).toMatchObject({ ok: true });
    const verify = await t.api('GET', '/v1/audit/verify', { key: tenant.apiKey });
    expect(verify.body).toMatchObject({ ok: true });
    // Every action is in both chains: the transition in the organization's, the case step in both.
    const count = async (chain: string, action: string) => (await db().query(sql`SELECT 1 FROM audit_log WHERE chain = ${chain} AND action = ${action}`)).length;
    expect(await count('operator', 'case.action_taken')).toBe(40);
    expect(await count(tenant.orgId, 'case.action_taken')).toBe(40);
    expect(await count(tenant.orgId, 'case.report_added')).toBe(6);
    expect(await count(tenant.orgId, 'template.created')).toBe(6);
  });
});
