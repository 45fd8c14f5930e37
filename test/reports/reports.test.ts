import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { sql } from '../../src/db/sql.ts';
import { CHALLENGE_TTL_MS, issueChallenge, leadingZeroBits, POW_BITS, solveChallenge } from '../../src/reports/challenge.ts';
import { MAX_EVIDENCE_BYTES, MAX_EVIDENCE_FILES } from '../../src/reports/evidence.ts';
import { REPORT_ATTEMPTS_PER_HOUR } from '../../src/reports/rate-limit.ts';
import { recordReportOutcome } from '../../src/reports/record-outcome.ts';
import { createHash } from 'node:crypto';
import { EXE, PDF, PNG } from '../helpers/media-files.ts';
import { startTestPlatform, type Tenant, type TestPlatform } from '../helpers/test-platform.ts';

// Every test sends from addresses of its own (X-Forwarded-For, believed from loopback here), so the per-address
// limit of one test never refuses another's reports.
let t: TestPlatform;
let reported: Tenant;
let bystander: Tenant;
let reportedNumber: string;
let lastAddress = 0;
const address = () => `198.51.100.${++lastAddress}`;

beforeAll(async () => {
  t = await startTestPlatform({ workers: false, env: { TRUST_PROXY: 'loopback' } });
  reported = await t.createTenant('Reported Ltd', { optIn: false });
  bystander = await t.createTenant('Bystander Ltd', { optIn: false });
  const [n] = await t.platform.deps.db.query<{ display_phone_number: string }>(sql`
    SELECT display_phone_number FROM phone_numbers WHERE org_id = ${reported.orgId} AND id = ${reported.phoneNumberId}`);
  reportedNumber = n!.display_phone_number;
});
afterAll(async () => t?.close());

const db = () => t.platform.deps.db;

async function solvedChallenge(ip: string) {
  const r = await t.api('GET', '/v1/reports/challenge', { headers: { 'x-forwarded-for': ip } });
  expect(r.status).toBe(200);
  expect(r.body.difficulty_bits).toBe(POW_BITS);
  return { pow_challenge: r.body.challenge as string, pow_counter: solveChallenge(r.body.challenge, r.body.difficulty_bits) };
}

const fields = (over: Record<string, unknown> = {}) => ({
  reporter_email: 'Reporter@Example.org', reported_phone: reportedNumber, category: 'spam',
  description: 'They keep sending me offers I never asked for. I am Jane Doe, +44 7700 900123.', ...over,
});

function postJson(body: unknown, ip: string) {
  return t.api('POST', '/v1/reports', { body, headers: { 'x-forwarded-for': ip } });
}

async function postMultipart(path: string, values: Record<string, string>, files: { name: string; bytes: Buffer; type?: string }[], ip: string, cookie?: string) {
  const form = new FormData();
  for (const [k, v] of Object.entries(values)) form.append(k, v);
  for (const f of files) form.append('evidence', new Blob([new Uint8Array(f.bytes)], { type: f.type ?? 'application/octet-stream' }), f.name);
  const res = await fetch(t.url + path, { method: 'POST', body: form, headers: { 'x-forwarded-for': ip, ...(cookie ? { cookie } : {}) } });
  const text = await res.text();
  let body: any = text;
  try { body = JSON.parse(text); } catch { /* an HTML page */ }
  return { status: res.status, body, text, headers: res.headers };
}

/** Everything a report writes, counted: a refused one must leave every count as it was. */
async function footprint() {
  const [row] = await db().query<{ reports: number; evidence: number; emails: number; events: number; signals: number; audits: number; spent: number }>(sql`SELECT
    (SELECT count(*)::int FROM violation_reports) AS reports, (SELECT count(*)::int FROM violation_report_evidence) AS evidence,
    (SELECT count(*)::int FROM email_outbox) AS emails, (SELECT count(*)::int FROM account_events) AS events,
    (SELECT count(*)::int FROM compliance_signals WHERE kind = 'violation_report') AS signals,
    (SELECT count(*)::int FROM audit_log WHERE action LIKE 'report.%') AS audits,
    (SELECT count(*)::int FROM report_challenges_spent) AS spent`);
  return row!;
}

async function reportByReference(reference: string) {
  const [r] = await db().query<Record<string, any>>(sql`SELECT * FROM violation_reports WHERE reference = ${reference}`);
  return r;
}

describe('AUP 5 — reporting violations', () => {
  it('takes a report through the API, links it to the organization owning the number, acknowledges it, and tells the organization nothing of the reporter', async () => {
    const ip = address();
    const before = await footprint();
    // The number as a person copies it from their phone: spaces, dashes, a leading +.
    const typed = `+${reportedNumber.replace(/\D/g, '').replace(/^(\d)(\d{3})(\d{3})/, '$1 $2-$3 ')}`;
    const r = await postJson({ ...fields({ reported_phone: typed }), ...(await solvedChallenge(ip)) }, ip);
    expect(r.status, r.text).toBe(201);
    expect(r.body).toMatchObject({ status: 'received', category: 'spam', clause: '3.1', evidence: [] });
    expect(r.body.reference).toMatch(/^RPT(-[0-9A-HJKMNP-TV-Z]{4}){4}$/);
    expect(r.body.status_url).toBe(`${t.url}/report/${r.body.reference}`);
    // Whether the number belongs to a customer of the platform is not the public's to learn.
    expect(Object.keys(r.body).sort()).toEqual(['category', 'clause', 'created_at', 'evidence', 'reference', 'status', 'status_url']);

    const report = await reportByReference(r.body.reference);
    expect(report).toMatchObject({ org_id: reported.orgId, phone_number_id: reported.phoneNumberId, reporter_email: 'reporter@example.org', source: 'api', status: 'received' });
    expect(await footprint()).toMatchObject({ reports: before.reports + 1, emails: before.emails + 1, events: before.events + 1, signals: before.signals + 1, audits: before.audits + 2, spent: before.spent + 1 });

    const [ack] = await db().query<{ to_address: string; subject: string; body: string; org_id: string | null }>(sql`
      SELECT to_address, subject, body, org_id FROM email_outbox WHERE kind = 'report.acknowledgement' AND body LIKE ${`%${r.body.reference}%`}`);
    expect(ack).toMatchObject({ to_address: 'reporter@example.org', org_id: null, subject: `We received your report ${r.body.reference}` });
    expect(ack!.body).toContain(r.body.status_url);

    // What the reported organization can see: an account event, a signal naming clause 3.1, its audit chain.
    const events = await db().query<{ kind: string; detail: object }>(sql`SELECT kind, detail FROM account_events WHERE org_id = ${reported.orgId} AND kind = 'violation_report.received'`);
    const signals = await db().query<{ clause: string; detail: object }>(sql`SELECT clause, detail FROM compliance_signals WHERE org_id = ${reported.orgId} AND kind = 'violation_report'`);
    const audits = await db().query<{ detail: object; actor: string }>(sql`SELECT detail, actor FROM audit_log WHERE org_id = ${reported.orgId} AND action = 'report.received'`);
    expect(events).toHaveLength(1);
    expect(signals).toEqual([{ clause: '3.1', detail: { report_id: report!.id, category: 'spam', clause: '3.1', phone_number_id: reported.phoneNumberId } }]);
    expect(audits).toHaveLength(1);
    const visible = JSON.stringify([events, signals, audits]);
    for (const secret of ['reporter@example.org', 'Jane', '7700', r.body.reference, ip]) expect(visible).not.toContain(secret);
    // The operators' chain has it too; the bystander nothing.
    expect(await db().query(sql`SELECT 1 FROM audit_log WHERE org_id IS NULL AND action = 'report.received' AND subject = ${report!.id}`)).toHaveLength(1);
    expect(await db().query(sql`SELECT 1 FROM account_events WHERE org_id = ${bystander.orgId} AND kind = 'violation_report.received'`)).toHaveLength(0);

    const page = await fetch(r.body.status_url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Received: our trust and safety team is looking into it.');
  });

  it('counts in the reported organization\'s standing only once an operator confirms the violation', async () => {
    const ip = address();
    const r = await postJson({ ...fields({ category: 'illegal', description: 'A fake bank link asking for my card number.' }), ...(await solvedChallenge(ip)) }, ip);
    expect(r.status, r.text).toBe(201);
    const confirmedSignals = async () => (await db().query(sql`
      SELECT 1 FROM compliance_signals WHERE org_id = ${reported.orgId} AND kind = 'violation_report' AND detail ->> 'confirmed' = 'true'`)).length;
    expect(await confirmedSignals()).toBe(0);
    await recordReportOutcome(db(), { reference: r.body.reference, outcome: 'Confirmed: the sender was phishing.', actor: 'user:usr_op', now: new Date(), publicUrl: undefined, confirmed: true });
    expect(await confirmedSignals()).toBe(1);
  });

  it('takes a report through the form: CSRF cookie, the page\'s own proof-of-work script under a strict CSP, evidence typed from its bytes', async () => {
    const ip = address();
    const page = await fetch(`${t.url}/report`, { headers: { 'x-forwarded-for': ip } });
    expect(page.status).toBe(200);
    const html = await page.text();
    const csp = page.headers.get('content-security-policy')!;
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)![1]!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    // Exactly one script, carrying the nonce; no handler attributes, no external script.
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain(`<script nonce="${nonce}">`);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    for (const c of ['3.1 Spam &amp; Unsolicited Messages', '3.6 Misuse of Platform Resources', 'Something else']) expect(html).toContain(c);

    const field = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)![1]!;
    const challenge = field('pow_challenge');
    const cookie = page.headers.get('set-cookie')!.split(';')[0]!;
    const values = {
      csrf_token: field('csrf_token'), pow_challenge: challenge, pow_counter: solveChallenge(challenge, POW_BITS),
      reported_business: 'Cheap Watches Direct', category: 'illegal', description: 'A phishing link asking for my bank password.', reporter_phone: '+12025550143',
    };
    // A screenshot saved under the wrong image extension is kept as what its bytes are.
    const files = [{ name: 'chat.jpg', bytes: PNG, type: 'image/jpeg' }, { name: 'log.txt', bytes: Buffer.from('12:01 Them: click http://bank.example.test/login\n'), type: 'text/plain' }, { name: 'export.pdf', bytes: PDF, type: 'application/pdf' }];

    const withoutCookie = await postMultipart('/report', values, files, ip);
    expect(withoutCookie.status).toBe(403);
    expect(withoutCookie.text).toContain('This form has expired');

    const sent = await postMultipart('/report', values, files, ip, cookie);
    expect(sent.status, sent.text).toBe(200);
    expect(sent.headers.get('content-type')).toContain('text/html');
    const reference = /id="reference">([^<]+)</.exec(sent.text)![1]!;
    expect(sent.text).toContain('you gave no email');
    const report = await reportByReference(reference);
    // Named by business only: nothing to link, still kept for the operators.
    expect(report).toMatchObject({ source: 'form', org_id: null, reporter_phone: '+12025550143', reporter_email: null, clause: '3.2' });
    const evidence = await db().query<{ filename: string; mime_type: string; sha256: string; size_bytes: number }>(sql`
      SELECT filename, mime_type, sha256, size_bytes FROM violation_report_evidence WHERE report_id = ${report!.id} ORDER BY position`);
    expect(evidence.map((e) => [e.filename, e.mime_type])).toEqual([['chat.jpg', 'image/png'], ['log.txt', 'text/plain'], ['export.pdf', 'application/pdf']]);
    expect(evidence[0]!.sha256).toBe(createHash('sha256').update(PNG).digest('hex'));
    // No email given: no acknowledgement queued.
    expect(await db().query(sql`SELECT 1 FROM email_outbox WHERE body LIKE ${`%${reference}%`}`)).toHaveLength(0);

    const status = await fetch(`${t.url}/report/${reference.toLowerCase()}`);
    expect(status.status).toBe(200);
    expect(status.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await status.text()).toContain('3.2 Illegal Activities');
    expect((await fetch(`${t.url}/report/RPT-0000-0000-0000-0000`)).status).toBe(404);
  });

  it('refuses evidence that is not a screenshot or a log — a renamed program, an oversized file, too many files — writing nothing', async () => {
    const ip = address();
    const before = await footprint();
    const file = async (files: { name: string; bytes: Buffer; type?: string }[]) => postMultipart('/v1/reports', { ...fields(), ...(await solvedChallenge(ip)) } as Record<string, string>, files, ip);

    const renamed = await file([{ name: 'screenshot.png', bytes: EXE, type: 'image/png' }]);
    expect(renamed.status).toBe(422);
    expect(renamed.body.error.code).toBe('media_not_allowed');
    expect(renamed.body.error.details[0]).toMatchObject({ path: 'body.evidence[0]', filename: 'screenshot.png' });

    const named = await file([{ name: 'invoice.pdf.exe', bytes: PDF }]);
    expect(named.body.error.code).toBe('media_not_allowed');

    const zip = await file([{ name: 'logs.zip', bytes: Buffer.from('504b0506' + '00'.repeat(18), 'hex') }]);
    expect(zip.status).toBe(415);
    expect(zip.body.error.code).toBe('unsupported_media_type');

    const scripted = await file([{ name: 'log.pdf', bytes: Buffer.from('%PDF-1.4\n1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>\n%%EOF') }]);
    expect(scripted.body.error.code).toBe('media_not_allowed');

    const large = await file([{ name: 'big.png', bytes: Buffer.concat([PNG, Buffer.alloc(MAX_EVIDENCE_BYTES)]) }]);
    expect(large.status).toBe(413);
    expect(large.body.error.code).toBe('payload_too_large');

    const many = await file(Array.from({ length: MAX_EVIDENCE_FILES + 1 }, (_, i) => ({ name: `shot${i}.png`, bytes: PNG })));
    expect(many.status).toBe(400);
    expect(many.body.error.details).toEqual([{ path: 'body.evidence', message: `at most ${MAX_EVIDENCE_FILES} files` }]);

    expect(await footprint()).toEqual(before);
  });

  it('refuses a report without a solved challenge: missing, wrong counter, forged, expired, or used before', async () => {
    const ip = address();
    const missing = await postJson(fields(), ip);
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({ code: 'proof_of_work_required', details: { reason: 'missing', challenge_url: '/v1/reports/challenge' } });

    const good = await solvedChallenge(ip);
    let wrong = 0;
    while (leadingZeroBits(createHash('sha256').update(good.pow_challenge + wrong).digest()) >= POW_BITS) wrong++;
    const insufficient = await postJson({ ...fields(), pow_challenge: good.pow_challenge, pow_counter: String(wrong) }, ip);
    expect(insufficient.status).toBe(403);
    expect(insufficient.body.error).toMatchObject({ code: 'proof_of_work_invalid', details: { reason: 'insufficient' } });

    const parts = good.pow_challenge.split('.');
    const forgedChallenge = [parts[0], '1', parts[2], parts[3]].join('.');
    const forged = await postJson({ ...fields(), pow_challenge: forgedChallenge, pow_counter: solveChallenge(forgedChallenge, 1) }, ip);
    expect(forged.body.error).toMatchObject({ code: 'proof_of_work_invalid', details: { reason: 'forged' } });

    // Issued (with the platform's key) long enough ago to have expired: no waiting involved.
    const old = issueChallenge(t.platform.deps.sealer, new Date(Date.now() - CHALLENGE_TTL_MS - 60_000)).challenge;
    const expired = await postJson({ ...fields(), pow_challenge: old, pow_counter: solveChallenge(old, POW_BITS) }, ip);
    expect(expired.body.error).toMatchObject({ code: 'proof_of_work_invalid', details: { reason: 'expired' } });

    const first = await postJson({ ...fields(), ...good }, ip);
    expect(first.status).toBe(201);
    const before = await footprint();
    const again = await postJson({ ...fields(), ...good }, ip);
    expect(again.status).toBe(403);
    expect(again.body.error).toMatchObject({ code: 'proof_of_work_invalid', details: { reason: 'already_used' } });
    expect(await footprint()).toEqual(before);
  });

  it(`counts submissions per address in the database: the ${REPORT_ATTEMPTS_PER_HOUR + 1}th in an hour gets 429 in any process, another address is not affected`, async () => {
    const ip = address();
    for (let i = 0; i < REPORT_ATTEMPTS_PER_HOUR; i++) expect((await postJson(fields(), ip)).status).toBe(400);
    // A second app on the same database, as another API process would be: the count is not in the first one's memory.
    const other = await buildApp(t.platform.deps);
    try {
      const refused = await other.inject({ method: 'POST', url: '/v1/reports', payload: fields(), headers: { 'x-forwarded-for': ip } });
      expect(refused.statusCode).toBe(429);
      expect(refused.json().error.code).toBe('rate_limited');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await other.close();
    }
    const form = await postMultipart('/report', {}, [], ip);
    expect(form.status).toBe(429);
    expect(form.text).toContain('Too many reports');
    const elsewhere = address();
    expect((await postJson({ ...fields(), ...(await solvedChallenge(elsewhere)) }, elsewhere)).status).toBe(201);
  });

  it('refuses bad input with every problem at once, writes nothing, and leaves the challenge unspent', async () => {
    const ip = address();
    const before = await footprint();
    const challenge = await solvedChallenge(ip);
    const bad = await postJson({ reporter_email: 'not-an-email', reported_phone: '12', category: 'gossip', description: '   ', ...challenge }, ip);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['body.category', 'body.description', 'body.reported_phone', 'body.reporter_email']);
    const nobody = await postJson({ category: 'other', description: 'Something odd', ...challenge }, ip);
    expect(nobody.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['body.reported_business', 'body.reporter_email']);
    const base64 = await postJson({ ...fields(), evidence: [{ name: 'a.png', data: PNG.toString('base64') }], ...challenge }, ip);
    expect(base64.body.error.details).toEqual([{ path: 'body.evidence', message: 'attach files as multipart/form-data "evidence" parts' }]);
    expect(await footprint()).toEqual(before);

    // The form keeps what was typed (escaped) and says what to fix.
    const page = await fetch(`${t.url}/report`, { headers: { 'x-forwarded-for': ip } });
    const html = await page.text();
    const field = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)![1]!;
    const formChallenge = field('pow_challenge');
    const form = await postMultipart('/report', {
      csrf_token: field('csrf_token'), pow_challenge: formChallenge, pow_counter: solveChallenge(formChallenge, POW_BITS),
      reported_business: '<script>alert(1)</script>', category: 'spam', description: 'x',
    }, [], ip, page.headers.get('set-cookie')!.split(';')[0]!);
    expect(form.status).toBe(400);
    expect(form.text).toContain('Your email: give an email address or a phone number');
    expect(form.text).toContain('value="&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(await footprint()).toEqual(before);

    // The same challenge still buys the corrected report.
    expect((await postJson({ ...fields(), ...challenge }, ip)).status).toBe(201);
  });
});
