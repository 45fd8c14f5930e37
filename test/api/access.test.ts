import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_KEY_CACHE_TTL_MS } from '../../src/tenancy/api-key-cache.ts';
import { createApiKey } from '../../src/tenancy/api-keys.ts';
import { startTestPlatform, type Tenant, type TestPlatform } from '../helpers/test-platform.ts';

let t: TestPlatform;
let tenant: Tenant;

beforeAll(async () => {
  t = await startTestPlatform({ workers: false });
  tenant = await t.createTenant('Access');
});
afterAll(async () => t?.close());

const send = { to: '+12025550100', type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } };

describe('API keys', () => {
  it('401 without a key, with a malformed one, and with an unknown one', async () => {
    for (const key of [undefined, 'not-a-key', 'xp_test_' + 'A'.repeat(43)]) {
      const r = await t.api('GET', '/v1/messages', key ? { key } : {});
      expect(r.status).toBe(401);
      expect(r.body.error.code).toBe('unauthorized');
    }
  });

  it('403 when the key lacks the scope, naming it', async () => {
    const { secret } = await createApiKey(t.platform.deps.db, tenant.orgId, { name: 'read only', mode: 'test', scopes: ['messages:read'] });
    const r = await t.api('POST', '/v1/messages', { key: secret, body: send });
    expect(r.status).toBe(403);
    expect(r.body.error).toMatchObject({ code: 'insufficient_scope', details: { required: 'messages:write' } });
    expect((await t.api('GET', '/v1/messages', { key: secret })).status).toBe(200);
  });

  it('stops working once it is revoked', async () => {
    const { key, secret } = await createApiKey(t.platform.deps.db, tenant.orgId, { name: 'to revoke', mode: 'live' });
    expect(secret).toMatch(/^xp_live_[0-9A-Za-z]{43}$/);
    expect((await t.api('GET', '/v1/messages', { key: secret })).status).toBe(200);
    const { revokeApiKey } = await import('../../src/tenancy/api-keys.ts');
    await revokeApiKey(t.platform.deps.db, tenant.orgId, key.id);
    // Cached keys are forgotten on the database's notification: at once on PGlite, within milliseconds on
    // PostgreSQL, bounded by the cache's TTL (test/api/key-revocation.test.ts proves it across processes).
    await t.waitFor('revoked key refused', async () => (await t.api('GET', '/v1/messages', { key: secret })).status === 401, API_KEY_CACHE_TTL_MS / 2);
  });

  it('records when and from where a key was last used', async () => {
    const { key, secret } = await createApiKey(t.platform.deps.db, tenant.orgId, { name: 'tracked', mode: 'test' });
    expect(key.last_used_at).toBeNull();
    await t.api('GET', '/v1/messages', { key: secret });
    const { sql } = await import('../../src/db/sql.ts');
    const row = await t.waitFor('last use recorded', async () => (await t.platform.deps.db.query<{ last_used_at: Date | null; last_used_ip: string | null }>(
      sql`SELECT last_used_at, last_used_ip FROM api_keys WHERE org_id = ${tenant.orgId} AND id = ${key.id}`))[0]?.last_used_at ? true : null);
    expect(row).toBe(true);
  });

  it('refuses every key of a suspended organization with 403', async () => {
    const other = await t.createTenant('Suspended');
    const { sql } = await import('../../src/db/sql.ts');
    await t.platform.deps.db.query(sql`UPDATE organizations SET status = 'suspended' WHERE id = ${other.orgId}`);
    const r = await t.waitFor('suspension seen', async () => {
      const answer = await t.api('GET', '/v1/messages', { key: other.apiKey });
      return answer.status === 200 ? null : answer;
    }, API_KEY_CACHE_TTL_MS / 2);
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('account_suspended');
  });

  it('stores only a hash of the key', async () => {
    const { sql } = await import('../../src/db/sql.ts');
    const rows = await t.platform.deps.db.query<{ key_hash: string; hint: string }>(sql`SELECT key_hash, hint FROM api_keys WHERE org_id = ${tenant.orgId}`);
    for (const row of rows) {
      expect(row.key_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(row.key_hash).not.toContain(tenant.apiKey);
    }
  });
});

describe('bad input', () => {
  it('400 with the path of every violation', async () => {
    const r = await t.api('POST', '/v1/messages', {
      key: tenant.apiKey,
      body: { to: '', type: 'carrier_pigeon', template: { name: 'Hello World', language: {} }, extra: 1 },
    });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('validation_failed');
    const paths = r.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['body.to', 'body.type', 'body.template.name', 'body.template.language.code', 'body.extra']));
  });

  it('400 for malformed JSON and for an invalid phone number, writing nothing', async () => {
    const { sql } = await import('../../src/db/sql.ts');
    const countContacts = async () => (await t.platform.deps.db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM contacts WHERE org_id = ${tenant.orgId}`))[0]!.n;
    const contactsBefore = await countContacts();
    const malformed = await t.api('POST', '/v1/messages', { key: tenant.apiKey, body: '{"to": ', headers: { 'content-type': 'application/json' } });
    expect(malformed.status).toBe(400);
    const phone = await t.api('POST', '/v1/messages', { key: tenant.apiKey, body: { ...send, to: '+1 555' } });
    expect(phone.status).toBe(400);
    expect(phone.body.error.code).toBe('invalid_phone_number');
    const list = await t.api('GET', '/v1/messages', { key: tenant.apiKey });
    expect(list.body.data).toEqual([]);
    expect(await countContacts()).toBe(contactsBefore);
  });

  it('413 for a body over the limit', async () => {
    const r = await t.api('POST', '/v1/messages', { key: tenant.apiKey, body: { ...send, metadata: { blob: 'x'.repeat(1_100_000) } } });
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe('payload_too_large');
  });

  it('404 in the common shape for an unknown route and an unknown message', async () => {
    expect((await t.api('GET', '/v1/nothing-here')).body.error.code).toBe('not_found');
    const r = await t.api('GET', '/v1/messages/msg_01jd0000000000000000000000', { key: tenant.apiKey });
    expect(r.status).toBe(404);
  });

  it('422 when the credentials of a phone number are refused by the Cloud API', async () => {
    const number = await t.sim('POST', '/_sim/phone-numbers', {});
    const r = await t.api('POST', '/v1/phone-numbers', {
      key: tenant.apiKey,
      body: { waba_id: number.waba_id, phone_number_id: number.id, access_token: 'wrong-token-123', app_secret: 'whatever-secret', verify_token: 'whatever-token' },
    });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('whatsapp_credentials_rejected');
    const numbers = await t.api('GET', '/v1/phone-numbers', { key: tenant.apiKey });
    expect(numbers.body.data.map((n: any) => n.phone_number_id)).not.toContain(number.id);
  });
});

describe('operations', () => {
  it('answers health and readiness, and echoes request ids', async () => {
    expect((await t.api('GET', '/healthz')).body).toEqual({ status: 'ok' });
    const ready = await t.api('GET', '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body.checks.database).toBe('ok');
    if (process.env['REDIS_URL']) expect(ready.body.checks.redis).toBe('ok');
    const r = await t.api('GET', '/healthz', { headers: { 'x-request-id': 'support-ticket-1234' } });
    expect(r.headers.get('x-request-id')).toBe('support-ticket-1234');
  });

  it('serves the OpenAPI 3.1 document of every route at /docs', async () => {
    const doc = await t.api('GET', '/docs/json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe('3.1.0');
    const documented = Object.entries(doc.body.paths as Record<string, object>)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    for (const expected of [
      'POST /v1/messages', 'GET /v1/messages', 'GET /v1/messages/{id}', 'GET /v1/phone-numbers', 'POST /v1/phone-numbers',
      'GET /v1/phone-numbers/{id}', 'GET /v1/templates', 'GET /v1/templates/{id}', 'GET /webhooks/whatsapp', 'POST /webhooks/whatsapp',
      'GET /healthz', 'GET /readyz',
    ]) expect(documented).toContain(expected);
    // Documented and really routed (the dashboard's `/` makes printRoutes' tree print paths without their slash).
    expect(t.platform.app!.hasRoute({ method: 'POST', url: '/v1/messages' })).toBe(true);
    expect(t.platform.app!.hasRoute({ method: 'GET', url: '/v1/messages/:id' })).toBe(true);
    const html = await t.api('GET', '/docs/');
    expect(html.status).toBe(200);
    expect(html.text).toContain('<html');
  });
});
