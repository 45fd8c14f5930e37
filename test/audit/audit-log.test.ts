import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATOR_CHAIN, recordAudit } from '../../src/audit/record-audit.ts';
import { sql } from '../../src/db/sql.ts';
import { sha256Hex } from '../../src/lib/secrets.ts';
import { AUP_V1 } from '../../src/policy/aup-v1.ts';
import { publishPolicy } from '../../src/policy/publish-policy.ts';
import { recordAcceptance } from '../../src/policy/store.ts';
import { createApiKey, revokeApiKey } from '../../src/tenancy/api-keys.ts';
import { addMember, createOrganization, createUser } from '../../src/tenancy/create-organization.ts';
import { startTestPlatform, type Tenant, type TestPlatform } from '../helpers/test-platform.ts';
import { orderShipped, uniqueName } from '../templates/template-helpers.ts';

let t: TestPlatform;
let tenant: Tenant;

beforeAll(async () => {
  t = await startTestPlatform({ workers: false, env: { OUTBOUND_ALLOW_LOOPBACK: 'true' } });
  tenant = await t.createTenant('Audited');
});
afterAll(async () => t?.close());

type Entry = { seq: string; action: string; actor: string; subject: string | null; detail: any; request_id: string | null; recorded_at: string; hash: string };

async function entries(key: string, query = ''): Promise<Entry[]> {
  const r = await t.api('GET', `/v1/audit?${query.includes('limit=') ? '' : 'limit=200'}${query}`, { key });
  expect(r.status, r.text).toBe(200);
  return r.body.data;
}

const keyActor = (key: string) => t.platform.deps.db.query<{ id: string }>(sql`SELECT id FROM api_keys WHERE key_hash = ${sha256Hex(key)}`)
  .then(([k]) => `api_key:${k!.id}`);

describe('the audit log records who changed what', () => {
  it('records sign-up, policy acceptance, key and member management with actor and subject', async () => {
    const db = t.platform.deps.db;
    const org = await createOrganization(db, { name: `Members ${uniqueName('o')}`, acceptedBy: 'user:usr_founder' });
    const { key, secret } = await createApiKey(db, org.id, { name: 'ops', mode: 'live', by: { actor: 'user:usr_founder', requestId: 'req_from_dashboard' } });
    await revokeApiKey(db, org.id, key.id, { actor: 'user:usr_founder' });
    const user = await createUser(db, { email: `${uniqueName('member')}@example.com`, password: 'a long enough password' });
    await addMember(db, org.id, user.id, 'developer', { actor: 'user:usr_founder' });
    // A second acceptance of the same version changes nothing and is not audited again.
    await recordAcceptance(db, org.id, { version: 1, accepted_at: new Date(), method: 'continued_use', actor: 'api_key:key_x' });
    const reader = await createApiKey(db, org.id, { name: 'auditor', mode: 'test', scopes: ['audit:read'], by: { actor: 'cli' } });

    const log = (await entries(reader.secret)).reverse();
    expect(log.map((e) => [e.seq, e.action, e.actor, e.subject])).toEqual([
      ['1', 'organization.created', 'user:usr_founder', org.id],
      ['2', 'policy.accepted', 'user:usr_founder', 'policy:v1'],
      ['3', 'api_key.created', 'user:usr_founder', key.id],
      ['4', 'api_key.revoked', 'user:usr_founder', key.id],
      ['5', 'user.added', 'user:usr_founder', user.id],
      ['6', 'api_key.created', 'cli', reader.key.id],
    ]);
    expect(log[0]!.detail).toEqual({ name: org.name, slug: org.slug, default_country: 'US' });
    expect(log[1]!.detail).toEqual({ version: 1, method: 'explicit' });
    expect(log[2]!.detail).toEqual({ name: 'ops', mode: 'live', scopes: key.scopes, hint: key.hint });
    expect(log[2]!.request_id).toBe('req_from_dashboard');
    expect(log[4]!.detail).toEqual({ role: 'developer' });
    expect(JSON.stringify(log)).not.toContain(secret);
  });

  it('keys created with every scope get audit:read; a key without it is refused', async () => {
    const db = t.platform.deps.db;
    const { key } = await createApiKey(db, tenant.orgId, { name: 'all scopes', mode: 'test' });
    expect(key.scopes).toContain('audit:read');
    const narrow = await createApiKey(db, tenant.orgId, { name: 'narrow', mode: 'test', scopes: ['messages:read'] });
    const refused = await t.api('GET', '/v1/audit', { key: narrow.secret });
    expect(refused.status).toBe(403);
    expect(refused.body.error.details).toEqual({ required: 'audit:read' });
  });

  it('records consent once per API call with counts and ids, and an erasure with its ledger record', async () => {
    const actor = await keyActor(tenant.apiKey);
    const before = await entries(tenant.apiKey, '&action=consent.recorded');
    // The test tenant's opt-in of 100 simulated customers is one call, so one entry.
    expect(before).toHaveLength(1);
    expect(before[0]!.detail).toMatchObject({ records: 100, opted_in: 100, opted_out: 0, purposes: ['all'] });
    expect(before[0]!.detail.contact_ids).toHaveLength(100);

    const records = ['+12025550101', '+12025550102', '+12025550103'].map((phone) => ({ phone, purpose: 'marketing', state: 'opted_out', source: 'api' }));
    const r = await t.api('POST', '/v1/consents', { key: tenant.apiKey, body: { records }, headers: { 'x-request-id': 'req_consent_batch_1' } });
    expect(r.status, r.text).toBe(201);
    const [entry] = await entries(tenant.apiKey, '&action=consent.recorded&limit=1');
    expect(entry).toMatchObject({ action: 'consent.recorded', actor, subject: null, request_id: 'req_consent_batch_1' });
    expect(entry!.detail).toMatchObject({ records: 3, opted_in: 0, opted_out: 3, purposes: ['marketing'], ledger_seq: { first: r.body.data[0].seq, last: r.body.data[2].seq } });
    expect(entry!.detail.contact_ids.sort()).toEqual(r.body.data.map((d: { contact_id: string }) => d.contact_id).sort());

    const contactId = r.body.data[0].contact_id;
    expect((await t.api('DELETE', `/v1/contacts/${contactId}`, { key: tenant.apiKey })).status).toBe(200);
    const [erased] = await entries(tenant.apiKey, '&action=contact.erased');
    expect(erased).toMatchObject({ actor, subject: contactId, detail: { suppressed: true } });
    expect(erased!.request_id).toMatch(/^req_/);
    expect(JSON.stringify(erased)).not.toContain('+12025550101');
  });

  it('records template creation, edit, submission and deletion', async () => {
    const actor = await keyActor(tenant.apiKey);
    const name = uniqueName('audited');
    const created = await t.api('POST', '/v1/templates', { key: tenant.apiKey, body: orderShipped(name), headers: { 'x-request-id': 'req_template_create' } });
    expect(created.status, created.text).toBe(201);
    const id = created.body.id;
    expect((await t.api('PATCH', `/v1/templates/${id}`, { key: tenant.apiKey, body: { category: 'MARKETING' } })).status).toBe(200);
    expect((await t.api('POST', `/v1/templates/${id}/submit`, { key: tenant.apiKey })).status).toBe(200);
    expect((await t.api('DELETE', `/v1/templates/${id}`, { key: tenant.apiKey })).status).toBe(204);
    const draft = await t.api('POST', '/v1/templates', { key: tenant.apiKey, body: orderShipped(uniqueName('draft')) });
    expect((await t.api('DELETE', `/v1/templates/${draft.body.id}`, { key: tenant.apiKey })).status).toBe(204);

    const log = (await entries(tenant.apiKey, '&action=template.*')).reverse();
    expect(log.map((e) => [e.action, e.actor, e.subject])).toEqual([
      ['template.created', actor, id],
      ['template.edited', actor, id],
      ['template.submitted', actor, id],
      ['template.deleted', actor, id],
      ['template.created', actor, draft.body.id],
      ['template.deleted', actor, draft.body.id],
    ]);
    expect(log[0]).toMatchObject({ request_id: 'req_template_create', detail: { name, language: 'en_US', category: 'UTILITY' } });
    expect(log[2]!.detail).toMatchObject({ status: 'PENDING', category: 'MARKETING' });
    expect(log[3]!.detail).toMatchObject({ status: 'PENDING' });
    expect(log[5]!.detail).toMatchObject({ status: 'DRAFT' });
  });

  it('records webhook endpoint creation, secret rotation and deletion, without the secret or the URL\'s query', async () => {
    const actor = await keyActor(tenant.apiKey);
    const created = await t.api('POST', '/v1/webhook-endpoints', { key: tenant.apiKey, body: { url: 'http://127.0.0.1:9/hooks?token=abc123', event_types: ['message.status'] } });
    expect(created.status, created.text).toBe(201);
    const id = created.body.id;
    expect((await t.api('POST', `/v1/webhook-endpoints/${id}/rotate-secret`, { key: tenant.apiKey, body: { overlap_seconds: 60 } })).status).toBe(200);
    expect((await t.api('DELETE', `/v1/webhook-endpoints/${id}`, { key: tenant.apiKey })).status).toBe(204);
    expect((await t.api('DELETE', `/v1/webhook-endpoints/${id}`, { key: tenant.apiKey })).status).toBe(404);

    const log = (await entries(tenant.apiKey, '&action=webhook_endpoint.*')).reverse();
    expect(log.map((e) => [e.action, e.actor, e.subject, e.detail])).toEqual([
      ['webhook_endpoint.created', actor, id, { url: 'http://127.0.0.1:9/hooks', event_types: ['message.status'] }],
      ['webhook_endpoint.secret_rotated', actor, id, { overlap_seconds: 60 }],
      ['webhook_endpoint.deleted', actor, id, { url: 'http://127.0.0.1:9/hooks' }],
    ]);
  });

  it('records a policy publication in the operator chain and its notice in each organization\'s chain', async () => {
    const db = t.platform.deps.db;
    const document = structuredClone(AUP_V1);
    document.sections.push({ id: '8', title: 'Contact', items: ['Questions: legal@xpecto.example'] });
    const effectiveAt = new Date(Date.now() + 7 * 86_400_000);
    await publishPolicy({ db, now: new Date(), minNoticeMs: 0 }, { document, summary: 'A contact section.', effectiveAt, publishedBy: 'user:usr_operator' });

    const [operator] = await db.query<{ action: string; actor: string; subject: string; detail: any }>(sql`
      SELECT action, actor, subject, detail FROM audit_log WHERE chain = ${OPERATOR_CHAIN} AND action = 'policy.published'`);
    const orgs = await db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM organizations WHERE status <> 'terminated'`);
    expect(operator).toMatchObject({ actor: 'user:usr_operator', subject: 'policy:v2', detail: { version: 2, summary: 'A contact section.', organizations_notified: orgs[0]!.n } });
    const [notice] = await entries(tenant.apiKey, '&action=policy.published');
    expect(notice).toMatchObject({ actor: 'user:usr_operator', subject: 'policy:v2', detail: { version: 2, effective_at: effectiveAt.toISOString() } });
  });

  it('filters by actor and time and pages with a cursor', async () => {
    const all = await entries(tenant.apiKey);
    const actor = await keyActor(tenant.apiKey);
    const byKey = await entries(tenant.apiKey, `&actor=${encodeURIComponent(actor)}`);
    expect(byKey.length).toBeGreaterThan(0);
    expect(byKey.every((e) => e.actor === actor)).toBe(true);
    expect(byKey.length).toBeLessThan(all.length);

    const pivot = all[Math.floor(all.length / 2)]!.recorded_at;
    const since = await entries(tenant.apiKey, `&since=${encodeURIComponent(pivot)}`);
    const until = await entries(tenant.apiKey, `&until=${encodeURIComponent(pivot)}`);
    expect(since.length + until.length).toBe(all.length);
    expect(since.every((e) => e.recorded_at >= pivot) && until.every((e) => e.recorded_at < pivot)).toBe(true);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const r: { body: { data: Entry[]; next_cursor: string | null } } = await t.api('GET', `/v1/audit?limit=3${cursor ? `&cursor=${cursor}` : ''}`, { key: tenant.apiKey });
      seen.push(...r.body.data.map((e) => e.seq));
      cursor = r.body.next_cursor;
    } while (cursor);
    expect(seen).toEqual(all.map((e) => e.seq));
    expect((await t.api('GET', '/v1/audit?cursor=bm9wZQ', { key: tenant.apiKey })).status).toBe(400);
  });
});

describe('no secret ever reaches the audit log', () => {
  it('keeps API keys, their hashes and webhook secrets out of every entry', async () => {
    const db = t.platform.deps.db;
    const { secret: apiKey } = await createApiKey(db, tenant.orgId, { name: 'secret check', mode: 'live' });
    const hook = await t.api('POST', '/v1/webhook-endpoints', { key: tenant.apiKey, body: { url: 'http://127.0.0.1:9/secret-check', event_types: ['*'] } });
    const rotated = await t.api('POST', `/v1/webhook-endpoints/${hook.body.id}/rotate-secret`, { key: tenant.apiKey });
    const secrets = [apiKey, sha256Hex(apiKey), hook.body.secret, hook.body.secret.slice('whsec_'.length), rotated.body.secret, rotated.body.secret.slice('whsec_'.length), tenant.apiKey, sha256Hex(tenant.apiKey)];

    const [all] = await db.query<{ text: string }>(sql`SELECT string_agg(row_to_json(a)::text, E'\n') AS text FROM audit_log a`);
    expect(all!.text).toContain('webhook_endpoint.secret_rotated');
    for (const secret of secrets) expect(all!.text).not.toContain(secret);
  });

  it('refuses an entry whose detail carries something shaped like a secret', async () => {
    const db = t.platform.deps.db;
    const { secret } = await createApiKey(db, tenant.orgId, { name: 'leak', mode: 'test' });
    await expect(recordAudit(db, { orgId: tenant.orgId, action: 'api_key.created', actor: 'cli', detail: { note: `made ${secret}` } })).rejects.toThrow(/looks like a secret/);
    await expect(recordAudit(db, { orgId: tenant.orgId, action: 'webhook_endpoint.created', actor: 'cli', detail: { signing_secret: 'x' } })).rejects.toThrow(/looks like a secret/);
    await expect(recordAudit(db, { orgId: tenant.orgId, action: 'api_key.created', actor: 'someone', detail: {} })).rejects.toThrow(/not an actor/);
  });
});

describe('verification', () => {
  it('proves an untouched chain and returns its head; a kept head proves the chain still passes through it', async () => {
    const r = await t.api('GET', '/v1/audit/verify', { key: tenant.apiKey });
    expect(r.status).toBe(200);
    const [latest] = await entries(tenant.apiKey, '&limit=1');
    expect(r.body).toMatchObject({ ok: true, broken: null, entries: Number(latest!.seq), head: { seq: latest!.seq, hash: latest!.hash } });

    const kept = await t.api('GET', `/v1/audit/verify?seq=${r.body.head.seq}&hash=${r.body.head.hash}`, { key: tenant.apiKey });
    expect(kept.body).toMatchObject({ ok: true });
    const wrong = await t.api('GET', `/v1/audit/verify?seq=2&hash=${'f'.repeat(64)}`, { key: tenant.apiKey });
    expect(wrong.body).toMatchObject({ ok: false, broken: { seq: '2', reason: expect.stringContaining('kept head') } });
    expect((await t.api('GET', '/v1/audit/verify?seq=2', { key: tenant.apiKey })).status).toBe(400);
  });

  it('the database refuses updates and deletes of audit rows unless its trigger is disabled', async () => {
    const db = t.platform.deps.db;
    await expect(db.query(sql`UPDATE audit_log SET actor = 'cli' WHERE chain = ${tenant.orgId} AND seq = 1`)).rejects.toThrow(/append-only/);
    await expect(db.query(sql`DELETE FROM audit_log WHERE chain = ${tenant.orgId} AND seq = 1`)).rejects.toThrow(/append-only/);
  });
});
