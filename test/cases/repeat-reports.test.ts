import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/audit/verify-audit.ts';
import { sql } from '../../src/db/sql.ts';
import { createOperatorKey } from '../../src/operators/operator-keys.ts';
import { POW_BITS, solveChallenge } from '../../src/reports/challenge.ts';
import { createUser } from '../../src/tenancy/create-organization.ts';
import { startTestPlatform, type Tenant, type TestPlatform } from '../helpers/test-platform.ts';

// Decision 0025: reports about an organization (or a number on no organization) while a case about it is open
// join that case; the case lists every report, its timeline says when each came, and it ranks by its worst report.

let t: TestPlatform;
let operatorKey: string;
let lastAddress = 0;
const db = () => t.platform.deps.db;

async function numberOf(tenant: Tenant) {
  return (await db().query<{ display_phone_number: string }>(sql`SELECT display_phone_number FROM phone_numbers WHERE id = ${tenant.phoneNumberId}`))[0]!.display_phone_number;
}

/** A challenge and its solution, from its own address (reports are budgeted per address). */
async function proofOfWork() {
  const ip = `198.51.100.${++lastAddress}`;
  const challenge = (await t.api('GET', '/v1/reports/challenge', { headers: { 'x-forwarded-for': ip } })).body.challenge as string;
  return { ip, pow_challenge: challenge, pow_counter: solveChallenge(challenge, POW_BITS) };
}

/** Files a report through the public API with a proof of work already solved; returns its case. */
async function submit(pow: { ip: string; pow_challenge: string; pow_counter: string | number }, fields: Record<string, string>) {
  const res = await t.api('POST', '/v1/reports', { headers: { 'x-forwarded-for': pow.ip }, body: { ...fields, pow_challenge: pow.pow_challenge, pow_counter: String(pow.pow_counter) } });
  expect(res.status, res.text).toBe(201);
  const [row] = await db().query<{ case_id: string; report_id: string }>(sql`
    SELECT cr.case_id, cr.report_id FROM case_reports cr JOIN violation_reports r ON r.id = cr.report_id WHERE r.reference = ${res.body.reference}`);
  return { caseId: row!.case_id, reportId: row!.report_id };
}
const report = async (fields: Record<string, string>) => submit(await proofOfWork(), fields);
const op = (method: string, path: string, body?: unknown) => t.api(method, `/v1/operator${path}`, { key: operatorKey, ...(body === undefined ? {} : { body }) });

beforeAll(async () => {
  t = await startTestPlatform({ workers: false, env: { TRUST_PROXY: 'loopback' } });
  await createUser(db(), { email: 'desk@xpecto.example', password: 'correct horse battery', isOperator: true, by: { actor: 'cli' } });
  operatorKey = (await createOperatorKey(db(), { email: 'desk@xpecto.example', name: 'test', actor: 'cli' })).secret;
});
afterAll(() => t?.close());

describe('AUP 5 — repeat reports about one organization or number share its open case', () => {
  it('joins reports about the same organization into its open case, which takes the weightiest clause; another organization gets its own', async () => {
    const acme = await t.createTenant('Repeat Acme');
    const other = await t.createTenant('Someone Else');
    const acmeNumber = await numberOf(acme);
    const spam = await report({ reporter_email: 'a@example.org', reported_phone: acmeNumber, category: 'spam', description: 'Offers I never asked for.' });
    // The same number written another way, then the same organization's number by a reporter with a phone.
    const again = await report({ reporter_email: 'b@example.org', reported_phone: acmeNumber.replace(/\D/g, '').replace(/^/, '+'), category: 'spam', description: 'Daily.' });
    const phishing = await report({ reporter_phone: '+12025550160', reported_phone: acmeNumber, category: 'illegal', description: 'A fake bank link.' });
    const elsewhere = await report({ reporter_email: 'c@example.org', reported_phone: await numberOf(other), category: 'spam', description: 'Unrelated.' });

    expect(again.caseId).toBe(spam.caseId);
    expect(phishing.caseId).toBe(spam.caseId);
    expect(elsewhere.caseId).not.toBe(spam.caseId);

    const c = await op('GET', `/cases/${spam.caseId}`);
    expect(c.status, c.text).toBe(200);
    expect(c.body.report_ids).toEqual([spam.reportId, again.reportId, phishing.reportId].sort());
    // Filed as spam (3.1), now ranked by the phishing report (3.2).
    expect(c.body).toMatchObject({ status: 'open', clause: '3.2', category: 'illegal', priority: 'high', organization: { id: acme.orgId } });
    expect(c.body.events.map((e: any) => [e.kind, e.detail.report_id])).toEqual([
      ['opened', spam.reportId], ['report_added', again.reportId], ['report_added', phishing.reportId],
    ]);
    const queue = (await op('GET', '/cases')).body.data.filter((q: any) => q.organization?.id === acme.orgId);
    expect(queue).toHaveLength(1);

    // Each report is in both chains: the case opened once, then two reports added.
    for (const chain of ['operator', acme.orgId]) {
      const rows = await db().query<{ action: string; subject: string }>(sql`
        SELECT action, subject FROM audit_log WHERE chain = ${chain} AND action IN ('case.opened', 'case.report_added') AND subject = ${spam.caseId} ORDER BY seq`);
      expect(rows.map((r) => r.action)).toEqual(['case.opened', 'case.report_added', 'case.report_added']);
    }

    // The case shows the conversations of every reporter who gave a number, and its evidence has every report.
    const evidence = await fetch(`${t.url}/v1/operator/cases/${spam.caseId}/evidence`, { headers: { authorization: `Bearer ${operatorKey}` } });
    expect(evidence.status).toBe(200);
    const tar = Buffer.from(await evidence.arrayBuffer()).toString('latin1');
    for (const id of [spam.reportId, again.reportId, phishing.reportId]) expect(tar).toContain(`reports/${id}.json`);

    // Resolving answers every reporter; the next report about the organization opens a new case.
    const resolved = await op('POST', `/cases/${spam.caseId}/resolve`, { outcome: 'Confirmed: the business was warned.', confirmed: true });
    expect(resolved.status, resolved.text).toBe(200);
    expect(resolved.body.reports_closed.sort()).toEqual([spam.reportId, again.reportId, phishing.reportId].sort());
    const closed = await db().query<{ status: string }>(sql`SELECT status FROM violation_reports WHERE id = ANY(${[spam.reportId, again.reportId, phishing.reportId]}::text[])`);
    expect(closed.map((r) => r.status)).toEqual(['closed', 'closed', 'closed']);
    const later = await report({ reporter_email: 'd@example.org', reported_phone: acmeNumber, category: 'spam', description: 'Still at it.' });
    expect(later.caseId).not.toBe(spam.caseId);
    expect((await op('GET', `/cases/${later.caseId}`)).body).toMatchObject({ status: 'open', clause: '3.1', report_ids: [later.reportId] });
    expect((await verifyAuditChain(db(), 'operator')).ok).toBe(true);
    expect((await verifyAuditChain(db(), acme.orgId)).ok).toBe(true);
  });

  it('joins reports about a number on no organization by the number; a report naming only a business gets its own case', async () => {
    const first = await report({ reporter_email: 'e@example.org', reported_phone: '+442079460123', category: 'spam', description: 'Unknown sender.' });
    const second = await report({ reporter_email: 'f@example.org', reported_phone: '+44 20 7946 0123', category: 'spam', description: 'Same sender.' });
    const differentNumber = await report({ reporter_email: 'g@example.org', reported_phone: '+442079460999', category: 'spam', description: 'Another.' });
    const byName = await report({ reporter_email: 'h@example.org', reported_business: 'Shady Shop', category: 'spam', description: 'No number.' });
    const byNameAgain = await report({ reporter_email: 'i@example.org', reported_business: 'Shady Shop', category: 'spam', description: 'No number either.' });

    expect(second.caseId).toBe(first.caseId);
    expect(new Set([first.caseId, differentNumber.caseId, byName.caseId, byNameAgain.caseId]).size).toBe(4);
    expect((await op('GET', `/cases/${first.caseId}`)).body).toMatchObject({ organization: null, report_ids: [first.reportId, second.reportId].sort() });
  });

  it('puts reports filed at the same moment about one organization into one case', async () => {
    const busy = await t.createTenant('Busy Sender');
    const number = await numberOf(busy);
    const proofs = await Promise.all(Array.from({ length: 6 }, () => proofOfWork()));
    const filed = await Promise.all(proofs.map((pow, i) => submit(pow, { reporter_email: `r${i}@example.org`, reported_phone: number, category: 'spam', description: `Report ${i}.` })));
    expect(new Set(filed.map((f) => f.caseId)).size).toBe(1);
    const cases = await db().query<{ id: string; reports: number }>(sql`
      SELECT c.id, (SELECT count(*)::int FROM case_reports cr WHERE cr.case_id = c.id) AS reports FROM cases c WHERE c.org_id = ${busy.orgId}`);
    expect(cases).toEqual([{ id: filed[0]!.caseId, reports: 6 }]);
  });
});
