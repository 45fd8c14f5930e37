import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../src/db/sql.ts';
import { AUP_V1 } from '../../src/policy/aup-v1.ts';
import { CLAUSE_MAP } from '../../src/policy/clause-map.ts';
import { publishPolicy } from '../../src/policy/publish-policy.ts';
import { addMember, createUser } from '../../src/tenancy/create-organization.ts';
import { startReceiver } from '../helpers/webhook-receiver.ts';
import { startTestPlatform, type Tenant, type TestPlatform } from '../helpers/test-platform.ts';

// AUP 7 "Updates to AUP": the policy as versioned data, published with an effective date and notice to every
// organization, a header naming the version in force, and acceptance recorded by continued use.

let t: TestPlatform;
let tenant: Tenant;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  t = await startTestPlatform({ workers: true, env: { OUTBOUND_ALLOW_LOOPBACK: 'true', POLICY_MIN_NOTICE_HOURS: '0', WEBHOOK_IDLE_MS: '25' } });
  tenant = await t.createTenant('Policy Co');
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver?.close();
  await t?.close();
});

describe('AUP 7 — the policy as versioned data', () => {
  it('serves version 1 — the seed text by clause — and names the version in force on every response', async () => {
    const r = await t.api('GET', '/v1/policy', { key: tenant.apiKey });
    expect(r.status).toBe(200);
    expect(r.headers.get('xpecto-policy-version')).toBe('1');
    expect(r.body.in_force).toMatchObject({ version: 1, title: 'Acceptable Use Policy (AUP)' });
    const clauses = r.body.in_force.document.sections.find((s: { id: string }) => s.id === '3').clauses;
    expect(clauses.map((c: { id: string }) => c.id)).toEqual(['3.1', '3.2', '3.3', '3.4', '3.5', '3.6']);
    expect(clauses[0].items).toContain('Sending bulk unsolicited messages without consent');
    expect(r.body.upcoming).toEqual([]);
    // Signing up was explicit acceptance.
    expect(r.body.acceptances).toEqual([{ version: 1, accepted_at: expect.any(String), method: 'explicit', actor: 'system:signup' }]);

    for (const [path, key] of [['/healthz', undefined], ['/v1/messages', 'xp_test_wrong']] as const) {
      const other = await t.api('GET', path, key ? { key } : {});
      expect(other.headers.get('xpecto-policy-version'), path).toBe('1');
    }
  });

  it('publishes the policy page with every clause, and the clause map with the checks behind each', async () => {
    const page = await fetch(`${t.url}/legal/aup`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('Version 1. In force since 2026-01-01.');
    expect(html).toContain('3.1 Spam &amp; Unsolicited Messages');
    expect(html).toContain('Sharing API credentials with unauthorized third parties');

    const map = await t.api('GET', '/v1/policy/enforcement', { key: tenant.apiKey });
    expect(map.status).toBe(200);
    const ids = map.body.clauses.map((c: { clause: string }) => c.clause);
    expect(ids).toEqual(expect.arrayContaining(['3.1', '3.2', '3.3', '3.4', '3.5', '3.6']));
    const enforced31 = map.body.clauses.find((c: { clause: string }) => c.clause === '3.1').checks.filter((c: { status: string }) => c.status === 'enforced');
    expect(enforced31.map((c: { error_code?: string }) => c.error_code)).toEqual(expect.arrayContaining(['consent_required', 'contact_opted_out', 'marketing_frequency_cap']));
  });

  it('the clause map names only clauses of the policy, and code and tests that exist', () => {
    const known = new Set(AUP_V1.sections.flatMap((s) => [s.id, ...(s.clauses ?? []).map((c) => c.id)]));
    for (const { clause, checks } of CLAUSE_MAP) {
      expect(known.has(clause), clause).toBe(true);
      for (const check of checks) {
        for (const file of [...check.code, ...check.tests]) expect(existsSync(file), `${check.id}: ${file}`).toBe(true);
        if (check.status === 'enforced') expect(check.tests.length, check.id).toBeGreaterThan(0);
      }
    }
  });

  it('lists the clause tests only under the refusals they assert (throughput is judged in the pacing tests)', () => {
    const clauseTests = 'test/policy/aup-clauses.test.ts';
    const text = readFileSync(clauseTests, 'utf8');
    const listing = CLAUSE_MAP.flatMap((c) => c.checks).filter((check) => check.tests.includes(clauseTests));
    expect(listing.length).toBeGreaterThan(0);
    for (const check of listing) expect(check.error_code && text.includes(`'${check.error_code}'`), check.id).toBeTruthy();
    const throughput = CLAUSE_MAP.flatMap((c) => c.checks).find((check) => check.id === 'whatsapp.throughput_and_pair_rate')!;
    expect(throughput.tests).toContain('test/dispatch/pacing.test.ts');
  });
});

describe('AUP 7 — updates posted with their effective date; continued use is acceptance', () => {
  it('refuses a version without notice or with a broken document, and writes nothing', async () => {
    const deps = t.platform.deps;
    const before = await deps.db.query(sql`SELECT version FROM policy_versions`);
    await expect(publishPolicy({ db: deps.db, now: new Date(), minNoticeMs: 0 }, {
      document: AUP_V1, summary: 'x', effectiveAt: new Date(Date.now() - 1000), publishedBy: 'user:test',
    })).rejects.toMatchObject({ code: 'validation_failed', details: [expect.objectContaining({ path: 'body.effective_at' })] });
    const broken = { ...AUP_V1, sections: [{ id: '3', title: 'Prohibited', clauses: [{ id: '4.1', title: 'Misfiled', items: [] }] }, { id: '3', title: 'Again' }] };
    await expect(publishPolicy({ db: deps.db, now: new Date(), minNoticeMs: 0 }, {
      document: broken, summary: 'x', effectiveAt: new Date(Date.now() + 3_600_000), publishedBy: 'user:test',
    })).rejects.toMatchObject({ code: 'validation_failed' });
    expect(await deps.db.query(sql`SELECT version FROM policy_versions`)).toEqual(before);
  });

  it('notifies every organization ahead of the date, then records acceptance by the first use after it', async () => {
    const deps = t.platform.deps;
    const owner = await createUser(deps.db, { email: `owner-${tenant.orgId}@policy.test`, password: 'correct horse battery' });
    await addMember(deps.db, tenant.orgId, owner.id, 'owner');
    const hook = await t.api('POST', '/v1/webhook-endpoints', { key: tenant.apiKey, body: { url: receiver.url, event_types: ['policy.updated'] } });
    expect(hook.status).toBe(201);

    // Version 2 adds to 3.6 and a new section 8; it takes effect a moment from now.
    const v2doc = structuredClone(AUP_V1);
    v2doc.sections.find((s) => s.id === '3')!.clauses!.find((c) => c.id === '3.6')!.items.push('Reselling access to the Platform without a written agreement');
    v2doc.sections.push({ id: '8', title: 'Contact', items: ['Questions about this AUP: legal@xpecto.example'] });
    const effectiveAt = new Date(Date.now() + 3000);
    const published = await publishPolicy({ db: deps.db, now: new Date(), minNoticeMs: 0 }, {
      document: v2doc, summary: 'Reselling access is prohibited; a contact section.', effectiveAt, publishedBy: 'user:operator',
    });
    expect(published.version).toBe(2);

    // Told ahead: an account event, an email to the owner, a customer webhook — and the policy shows what is coming.
    const [event] = await deps.db.query<{ kind: string; detail: { version: number; changes: unknown[] } }>(sql`
      SELECT kind, detail FROM account_events WHERE org_id = ${tenant.orgId} AND kind = 'policy.published'`);
    expect(event!.detail.version).toBe(2);
    expect(event!.detail.changes).toEqual([{ id: '3.6', title: 'Misuse of Platform Resources', change: 'changed' }, { id: '8', title: 'Contact', change: 'added' }]);
    const [email] = await deps.db.query<{ to_address: string; subject: string; body: string }>(sql`
      SELECT to_address, subject, body FROM email_outbox WHERE org_id = ${tenant.orgId} AND kind = 'policy_notice'`);
    expect(email!.to_address).toBe(owner.email);
    expect(email!.subject).toBe(`Xpecto's Acceptable Use Policy changes on ${effectiveAt.toISOString().slice(0, 10)}`);
    expect(email!.body).toContain('3.6 Misuse of Platform Resources: changed');
    const delivered = await t.waitFor('the policy.updated webhook', async () => receiver.accepted().find((r) => JSON.parse(r.body).type === 'policy.updated'));
    expect(JSON.parse(delivered.body).data).toMatchObject({ version: 2, effective_at: effectiveAt.toISOString() });
    const before = await t.api('GET', '/v1/policy', { key: tenant.apiKey });
    expect(before.body.in_force.version).toBe(1);
    expect(before.body.upcoming.map((v: { version: number }) => v.version)).toEqual([2]);
    expect(before.body.acceptances.map((a: { version: number }) => a.version)).toEqual([1]);

    // After the date: the header moves to 2 and the first authenticated use is the acceptance, with its key.
    const after = await t.waitFor('version 2 in force', async () => {
      const r = await t.api('GET', '/v1/templates', { key: tenant.apiKey });
      return r.headers.get('xpecto-policy-version') === '2' ? r : null;
    });
    expect(after.status).toBe(200);
    const policy = await t.api('GET', '/v1/policy', { key: tenant.apiKey });
    const v2 = policy.body.acceptances.find((a: { version: number }) => a.version === 2);
    expect(v2).toMatchObject({ method: 'continued_use', actor: expect.stringMatching(/^api_key:key_/) });
    expect(Date.parse(v2.accepted_at)).toBeGreaterThanOrEqual(effectiveAt.getTime());

    const html = await (await fetch(`${t.url}/legal/aup`)).text();
    expect(html).toContain('Version 2. In force since');
    expect(html).toContain('What changed from version 1');
    expect(html).toContain('8 Contact: added');
    expect(await (await fetch(`${t.url}/legal/aup/v1`)).text()).toContain('Superseded.');
  });
});
