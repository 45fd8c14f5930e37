import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/audit/verify-audit.ts';
import { casePriority } from '../../src/cases/priority.ts';
import { findCase } from '../../src/cases/store.ts';
import { MAX_ROWS, relevantConsentRecords, relevantMessages } from '../../src/cases/tenant-data.ts';
import { sql } from '../../src/db/sql.ts';
import { createOperatorKey } from '../../src/operators/operator-keys.ts';
import { POW_BITS, solveChallenge } from '../../src/reports/challenge.ts';
import { createUser } from '../../src/tenancy/create-organization.ts';
import { PNG } from '../helpers/media-files.ts';
import { startTestPlatform, type Tenant, type TestPlatform } from '../helpers/test-platform.ts';

// AUP 5, investigations over HTTP: operator keys, the case queue, assignment, notes, tenant data read through a
// case (audited in the tenant's chain), resolution, and the evidence bundle whose manifest matches its files.

const run = promisify(execFile);
const CASE_FIELDS = ['assignee', 'category', 'clause', 'confirmed', 'created_at', 'id', 'organization', 'outcome', 'priority', 'report_ids', 'resolved_at', 'resolved_by', 'status'];
let t: TestPlatform;
let reported: Tenant;
let reportedNumber: string;
// A second organization, so that two cases are open at once (reports about one organization share its open case).
let spammerNumber: string;
let alice: { id: string; key: string };
let bob: { id: string; key: string };
let lastAddress = 0;
const db = () => t.platform.deps.db;

async function operator(email: string) {
  const user = await createUser(db(), { email, password: 'correct horse battery', isOperator: true, by: { actor: 'cli' } });
  const key = await createOperatorKey(db(), { email, name: 'test', actor: 'cli' });
  return { id: user.id, key: key.secret };
}

/** Files a report through the public API (multipart, with one screenshot) and returns its case. */
async function fileReport(fields: Record<string, string>) {
  const ip = `203.0.113.${++lastAddress}`;
  const challenge = (await t.api('GET', '/v1/reports/challenge', { headers: { 'x-forwarded-for': ip } })).body.challenge as string;
  const form = new FormData();
  for (const [k, v] of Object.entries({ ...fields, pow_challenge: challenge, pow_counter: solveChallenge(challenge, POW_BITS) })) form.append(k, v);
  form.append('evidence', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'screen shot.png');
  const res = await fetch(`${t.url}/v1/reports`, { method: 'POST', body: form, headers: { 'x-forwarded-for': ip } });
  expect(res.status).toBe(201);
  const { reference } = await res.json() as { reference: string };
  const [row] = await db().query<{ case_id: string; report_id: string }>(sql`
    SELECT cr.case_id, cr.report_id FROM case_reports cr JOIN violation_reports r ON r.id = cr.report_id WHERE r.reference = ${reference}`);
  return { reference, caseId: row!.case_id, reportId: row!.report_id };
}

const op = (method: string, path: string, key: string, body?: unknown) => t.api(method, `/v1/operator${path}`, { key, ...(body === undefined ? {} : { body }) });
const audits = (chain: string, action: string) => db().query<{ actor: string; subject: string; detail: Record<string, unknown> }>(sql`
  SELECT actor, subject, detail FROM audit_log WHERE chain = ${chain} AND action = ${action} ORDER BY seq`);

beforeAll(async () => {
  t = await startTestPlatform({ workers: false, env: { TRUST_PROXY: 'loopback' } });
  reported = await t.createTenant('Investigated Ltd');
  const [n] = await db().query<{ display_phone_number: string }>(sql`SELECT display_phone_number FROM phone_numbers WHERE id = ${reported.phoneNumberId}`);
  reportedNumber = n!.display_phone_number;
  const spammer = await t.createTenant('Spammer Ltd');
  spammerNumber = (await db().query<{ display_phone_number: string }>(sql`SELECT display_phone_number FROM phone_numbers WHERE id = ${spammer.phoneNumberId}`))[0]!.display_phone_number;
  alice = await operator('alice@xpecto.example');
  bob = await operator('bob@xpecto.example');
  // A message from the organization to the reporter's number: what the case will show.
  const sent = await t.api('POST', '/v1/messages', { key: reported.apiKey, body: { to: '+12025550150', type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } } });
  expect(sent.status, sent.text).toBe(202);
});
afterAll(() => t?.close());

describe('AUP 5 — investigations: operator keys, the queue, assignment, notes, tenant data, evidence', () => {
  it('opens operator routes to operator keys only: no key, a tenant key or a revoked operator key get 401', async () => {
    expect((await t.api('GET', '/v1/operator/cases')).status).toBe(401);
    const tenant = await t.api('GET', '/v1/operator/cases', { key: reported.apiKey });
    expect(tenant.status).toBe(401);
    expect(tenant.body.error.message).toContain('operator API key');
    expect((await op('GET', '/cases', alice.key)).status).toBe(200);
    // A key of a user who is not (or no longer) an operator opens nothing.
    await db().query(sql`UPDATE users SET is_operator = false WHERE id = ${bob.id}`);
    expect((await op('GET', '/cases', bob.key)).status).toBe(401);
    await db().query(sql`UPDATE users SET is_operator = true WHERE id = ${bob.id}`);
    // The key's hash only is stored.
    const stored = await db().query<{ key_hash: string }>(sql`SELECT key_hash FROM operator_api_keys`);
    expect(JSON.stringify(stored)).not.toContain(alice.key);
    expect(stored.map((s) => s.key_hash)).toContain(createHash('sha256').update(alice.key).digest('hex'));
  });

  it('queues each report as a case, most urgent first, filtered by priority, status and assignee', async () => {
    const spam = await fileReport({ reporter_email: 'spam@example.org', reported_phone: spammerNumber, category: 'spam', description: 'Offers I never asked for.' });
    const phishing = await fileReport({ reporter_email: 'victim@example.org', reporter_phone: '+12025550150', reported_phone: reportedNumber, category: 'illegal', description: 'A fake bank link.' });
    const unknown = await fileReport({ reporter_email: 'x@example.org', reported_business: 'Nobody Known', category: 'other', description: 'Something odd.' });

    const queue = await op('GET', '/cases', alice.key);
    expect(queue.status, queue.text).toBe(200);
    const mine = queue.body.data.filter((c: any) => [spam.caseId, phishing.caseId, unknown.caseId].includes(c.id));
    expect(mine.map((c: any) => [c.id, c.priority])).toEqual([[phishing.caseId, 'high'], [spam.caseId, 'normal'], [unknown.caseId, 'low']]);
    expect(mine[0]).toMatchObject({ status: 'open', clause: '3.2', organization: { id: reported.orgId, standing: 'good' }, report_ids: [phishing.reportId], assignee: null });
    expect(mine[2].organization).toBeNull();
    // Every field the handler builds survives the response schema's serialization.
    expect(Object.keys(mine[0]).sort()).toEqual(CASE_FIELDS);
    expect(Object.keys(mine[0].organization).sort()).toEqual(['id', 'name', 'standing']);
    expect(mine[0].organization.name).toMatch(/^Investigated Ltd/);
    expect((await op('GET', '/cases?priority=high', alice.key)).body.data.map((c: any) => c.id)).toEqual([phishing.caseId]);
    expect(casePriority('3.2', 'warned')).toBe('urgent');

    // case.opened in the operator chain and in the organization's, by the intake.
    const opened = await audits(reported.orgId, 'case.opened');
    expect(opened.map((a) => a.subject)).toEqual([phishing.caseId]);
    expect((await audits('operator', 'case.opened')).map((a) => a.subject)).toEqual([spam.caseId, phishing.caseId, unknown.caseId]);
    expect(opened[0]!.actor).toBe('system:report_intake');

    const assigned = await op('POST', `/cases/${phishing.caseId}/assign`, alice.key, { assignee: 'bob@xpecto.example' });
    expect(assigned.status, assigned.text).toBe(200);
    expect(assigned.body).toEqual({ assignee: bob.id });
    expect((await op('POST', `/cases/${spam.caseId}/assign`, alice.key, { assignee: 'me' })).body).toEqual({ assignee: alice.id });
    expect((await op('POST', `/cases/${spam.caseId}/assign`, alice.key, { assignee: 'nobody@example.org' })).status).toBe(400);
    expect((await op('GET', '/cases?assignee=me', bob.key)).body.data.map((c: any) => c.id)).toEqual([phishing.caseId]);
    expect((await op('GET', '/cases?assignee=none', bob.key)).body.data.map((c: any) => c.id)).toEqual([unknown.caseId]);

    const note = await op('POST', `/cases/${phishing.caseId}/notes`, bob.key, { body: 'The link imitates a bank; checking the messages.' });
    expect(note.status).toBe(201);
    expect(note.body).toEqual({ body: 'The link imitates a bank; checking the messages.' });
    const detail = await op('GET', `/cases/${phishing.caseId}`, bob.key);
    expect(detail.body.events.map((e: any) => [e.kind, e.actor])).toEqual([
      ['opened', 'system:report_intake'], ['assigned', `operator:${alice.id}`], ['note', `operator:${bob.id}`],
    ]);
    expect(detail.body.events[2].detail.body).toBe('The link imitates a bank; checking the messages.');
    expect(Object.keys(detail.body).sort()).toEqual([...CASE_FIELDS, 'events'].sort());
    const [stored] = await db().query<{ id: string }>(sql`SELECT id FROM case_events WHERE case_id = ${phishing.caseId} ORDER BY id`);
    expect(detail.body.events[0]).toEqual({ id: stored!.id, kind: 'opened', actor: 'system:report_intake', detail: expect.any(Object), created_at: expect.any(String) });
    expect(detail.body.events[1].detail).toEqual({ assignee: bob.id, previous: null });
    // The organization's chain records that a note was added, not what it says.
    const notes = await audits(reported.orgId, 'case.note_added');
    expect(notes).toEqual([{ actor: `operator:${bob.id}`, subject: phishing.caseId, detail: { case_id: phishing.caseId, length: 48 } }]);
    expect((await audits('operator', 'case.assigned')).map((a) => a.subject)).toEqual([phishing.caseId, spam.caseId]);
  });

  it('shows the reported organization\'s messages and consent records through a case, each read audited in its own chain', async () => {
    const { caseId } = await fileReport({ reporter_email: 'v2@example.org', reporter_phone: '+12025550150', reported_phone: reportedNumber, category: 'spam', description: 'Again.' });
    const messages = await op('GET', `/cases/${caseId}/messages`, alice.key);
    expect(messages.status, messages.text).toBe(200);
    // The reporter gave their number: the conversation with it, nothing else.
    expect(messages.body.data.length).toBeGreaterThan(0);
    expect(new Set(messages.body.data.map((m: any) => m.counterpart))).toEqual(new Set(['+12025550150']));
    const consents = await op('GET', `/cases/${caseId}/consent-records`, alice.key);
    expect(consents.status).toBe(200);
    expect(consents.body.data[0]).toMatchObject({ state: 'opted_in', purpose: 'all' });
    expect(consents.body.data[0].hash).toMatch(/^[0-9a-f]{64}$/);
    // The rows as the store reads them, whole: the response schema drops nothing.
    const c = (await findCase(db(), caseId))!;
    const rows = await relevantMessages(db(), c, MAX_ROWS);
    expect(messages.body.data).toEqual(JSON.parse(JSON.stringify(rows)));
    expect(consents.body.data).toEqual(JSON.parse(JSON.stringify(await relevantConsentRecords(db(), c, rows, MAX_ROWS))));

    const accessed = (await audits(reported.orgId, 'operator.accessed_tenant_data')).filter((a) => a.subject === caseId);
    expect(accessed).toEqual([
      { actor: `operator:${alice.id}`, subject: caseId, detail: { case_id: caseId, what: 'messages', rows: messages.body.data.length } },
      { actor: `operator:${alice.id}`, subject: caseId, detail: { case_id: caseId, what: 'consent_records', rows: consents.body.data.length } },
    ]);
    expect((await verifyAuditChain(db(), reported.orgId)).ok).toBe(true);
  });

  it('exports an evidence bundle: a tar whose MANIFEST.sha256 matches every file, the attachment as filed; exporting is audited', async () => {
    const { caseId, reportId } = await fileReport({ reporter_email: 'v3@example.org', reporter_phone: '+12025550150', reported_phone: reportedNumber, category: 'illegal', description: 'Phishing.' });
    const res = await fetch(`${t.url}/v1/operator/cases/${caseId}/evidence`, { headers: { authorization: `Bearer ${alice.key}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-tar');
    const bytes = Buffer.from(await res.arrayBuffer());

    // Unpacked by the system's own tar, as a lawyer's machine would.
    const dir = await mkdtemp(join(tmpdir(), 'evidence-'));
    try {
      await writeFile(join(dir, 'bundle.tar'), bytes);
      await run('tar', ['-xf', 'bundle.tar'], { cwd: dir });
      const manifest = await readFile(join(dir, 'MANIFEST.sha256'), 'utf8');
      expect(createHash('sha256').update(manifest).digest('hex')).toBe(res.headers.get('x-manifest-sha256'));
      const entries = manifest.trim().split('\n').map((l) => /^([0-9a-f]{64}) {2}(.+)$/.exec(l)!.slice(1) as [string, string]);
      const paths = entries.map(([, p]) => p);
      expect(paths).toEqual(expect.arrayContaining([
        'case.json', `reports/${reportId}.json`, `reports/${reportId}/0-screen_shot.png`, 'messages.json', 'consent_records.json', 'audit/operator.json', 'audit/organization.json',
      ]));
      for (const [hash, path] of entries) expect(createHash('sha256').update(await readFile(join(dir, path))).digest('hex'), path).toBe(hash);
      expect(await readFile(join(dir, `reports/${reportId}/0-screen_shot.png`))).toEqual(PNG);
      const report = JSON.parse(await readFile(join(dir, `reports/${reportId}.json`), 'utf8'));
      expect(report.attachments[0]).toMatchObject({ mime_type: 'image/png', sha256: createHash('sha256').update(PNG).digest('hex') });
      const messages = JSON.parse(await readFile(join(dir, 'messages.json'), 'utf8'));
      expect(messages.length).toBeGreaterThan(0);
      const orgAudit = JSON.parse(await readFile(join(dir, 'audit/organization.json'), 'utf8'));
      expect(orgAudit.some((a: any) => a.action === 'case.opened' && a.subject === caseId)).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    const exported = (await audits('operator', 'case.evidence_exported')).filter((a) => a.subject === caseId);
    expect(exported).toHaveLength(1);
    expect(exported[0]!.detail['manifest_sha256']).toBe(res.headers.get('x-manifest-sha256'));
    expect((await audits(reported.orgId, 'operator.accessed_tenant_data')).some((a) => a.subject === caseId && a.detail['what'] === 'evidence_bundle')).toBe(true);
  });

  it('resolves a case: its report is closed, the reporter written to, and a resolved case takes no more actions', async () => {
    const { caseId, reference } = await fileReport({ reporter_email: 'v4@example.org', reported_phone: reportedNumber, category: 'spam', description: 'Unwanted.' });
    const resolved = await op('POST', `/cases/${caseId}/resolve`, alice.key, { outcome: 'Not confirmed: the sender had your opt-in.', confirmed: false });
    expect(resolved.status, resolved.text).toBe(200);
    const closed = (await op('GET', `/cases/${caseId}`, alice.key)).body;
    expect(resolved.body).toEqual({ outcome: 'Not confirmed: the sender had your opt-in.', confirmed: false, reports_closed: closed.report_ids });
    expect(closed).toMatchObject({ status: 'resolved', outcome: 'Not confirmed: the sender had your opt-in.', confirmed: false, resolved_by: `operator:${alice.id}`, resolved_at: expect.any(String) });
    const [report] = await db().query<{ status: string; outcome: string; outcome_by: string }>(sql`SELECT status, outcome, outcome_by FROM violation_reports WHERE reference = ${reference}`);
    expect(report).toEqual({ status: 'closed', outcome: 'Not confirmed: the sender had your opt-in.', outcome_by: `operator:${alice.id}` });
    expect(await db().query(sql`SELECT 1 FROM email_outbox WHERE kind = 'report.outcome' AND to_address = 'v4@example.org'`)).toHaveLength(1);
    // Unconfirmed: no confirmed signal against the organization.
    expect(await db().query(sql`SELECT 1 FROM compliance_signals WHERE org_id = ${reported.orgId} AND detail ->> 'confirmed' = 'true'`)).toHaveLength(0);
    const again = await op('POST', `/cases/${caseId}/actions`, alice.key, { state: 'warned', reason: 'late', clause: '3.1' });
    expect(again.status).toBe(409);
    expect((await op('GET', `/cases?status=resolved`, alice.key)).body.data.map((c: any) => c.id)).toContain(caseId);
    expect((await verifyAuditChain(db(), 'operator')).ok).toBe(true);
  });
});
