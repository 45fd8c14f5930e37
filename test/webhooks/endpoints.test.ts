import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type Tenant, type TestPlatform } from '../helpers/test-platform.ts';

let t: TestPlatform;
let a: Tenant;
let b: Tenant;

beforeAll(async () => {
  t = await startTestPlatform({ env: { OUTBOUND_ALLOW_LOOPBACK: 'true' } });
  a = await t.createTenant('Hooks A');
  b = await t.createTenant('Hooks B');
});
afterAll(async () => t?.close());

describe('webhook endpoints', () => {
  it('creates an endpoint, shows its secret once, lists, changes and deletes it', async () => {
    const created = await t.api('POST', '/v1/webhook-endpoints', {
      key: a.apiKey, body: { url: 'http://127.0.0.1:9/hooks', event_types: ['message.status', 'message.inbound'], description: 'CRM' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ url: 'http://127.0.0.1:9/hooks', status: 'active', event_types: ['message.status', 'message.inbound'] });
    expect(created.body.id).toMatch(/^we_/);
    expect(created.body.secret).toMatch(/^whsec_/);
    const id = created.body.id;

    const got = await t.api('GET', `/v1/webhook-endpoints/${id}`, { key: a.apiKey });
    expect(got.status).toBe(200);
    expect(got.body.secret).toBeUndefined();
    expect(got.text).not.toContain(created.body.secret);
    const listed = await t.api('GET', '/v1/webhook-endpoints', { key: a.apiKey });
    expect(listed.body.data.map((e: any) => e.id)).toContain(id);
    expect(listed.text).not.toContain('whsec_');

    // Stored sealed: the plaintext secret is nowhere in the table, nor in the logs.
    const rows = await t.platform.deps.db.queryRaw('SELECT * FROM webhook_endpoints WHERE id = $1', [id]);
    expect(JSON.stringify(rows.rows)).not.toContain(created.body.secret.slice(6));
    expect(t.logs.join('')).not.toContain(created.body.secret.slice(6));

    const patched = await t.api('PATCH', `/v1/webhook-endpoints/${id}`, { key: a.apiKey, body: { event_types: ['*'], status: 'disabled' } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ event_types: ['*'], status: 'disabled', disabled_reason: 'manual' });
    const enabled = await t.api('PATCH', `/v1/webhook-endpoints/${id}`, { key: a.apiKey, body: { status: 'active' } });
    expect(enabled.body).toMatchObject({ status: 'active', disabled_reason: null });

    const rotated = await t.api('POST', `/v1/webhook-endpoints/${id}/rotate-secret`, { key: a.apiKey });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(created.body.secret);
    expect(rotated.body.previous_secret_expires_at).toBeTruthy();

    expect((await t.api('DELETE', `/v1/webhook-endpoints/${id}`, { key: a.apiKey })).status).toBe(204);
    expect((await t.api('GET', `/v1/webhook-endpoints/${id}`, { key: a.apiKey })).status).toBe(404);
  });

  it('validates the body', async () => {
    const bad = await t.api('POST', '/v1/webhook-endpoints', { key: a.apiKey, body: { url: 'http://127.0.0.1:9/', event_types: ['message.nope'] } });
    expect(bad.status).toBe(400);
    const empty = await t.api('POST', '/v1/webhook-endpoints', { key: a.apiKey, body: { url: 'http://127.0.0.1:9/', event_types: [] } });
    expect(empty.status).toBe(400);
  });

  it('refuses URLs that reach inside, even with loopback allowed for development', async () => {
    for (const url of [
      'http://169.254.169.254/latest/meta-data/', 'http://10.0.0.1/', 'http://[::ffff:10.0.0.1]/', 'http://0.0.0.0/', 'http://[::]/',
      'http://100.64.0.1/', 'http://metadata.google.internal/', 'http://user:pw@127.0.0.1/', 'file:///etc/passwd', 'http://[fd00:ec2::254]/',
    ]) {
      const r = await t.api('POST', '/v1/webhook-endpoints', { key: a.apiKey, body: { url, event_types: ['*'] } });
      expect(r.status, url).toBe(422);
      expect(r.body.error.code, url).toBe('webhook_url_not_allowed');
    }
    const patch = await t.api('POST', '/v1/webhook-endpoints', { key: a.apiKey, body: { url: 'http://127.0.0.1:9/', event_types: ['*'] } });
    const r = await t.api('PATCH', `/v1/webhook-endpoints/${patch.body.id}`, { key: a.apiKey, body: { url: 'http://2130706433.0/' } });
    expect(r.status).toBe(422);
  });

  it('isolates tenants: another organization\'s endpoints and deliveries answer 404', async () => {
    const own = await t.api('POST', '/v1/webhook-endpoints', { key: b.apiKey, body: { url: 'http://127.0.0.1:9/b', event_types: ['*'] } });
    const id = own.body.id;
    for (const [method, path, body] of [
      ['GET', `/v1/webhook-endpoints/${id}`, undefined],
      ['PATCH', `/v1/webhook-endpoints/${id}`, { description: 'mine now' }],
      ['DELETE', `/v1/webhook-endpoints/${id}`, undefined],
      ['POST', `/v1/webhook-endpoints/${id}/rotate-secret`, undefined],
      ['GET', `/v1/webhook-endpoints/${id}/deliveries`, undefined],
      ['POST', `/v1/webhook-endpoints/${id}/replay`, { since: new Date(Date.now() - 60_000).toISOString() }],
    ] as const) {
      const r = await t.api(method, path, { key: a.apiKey, ...(body ? { body } : {}) });
      expect(r.status, `${method} ${path}`).toBe(404);
    }
    const listed = await t.api('GET', '/v1/webhook-endpoints', { key: a.apiKey });
    expect(listed.body.data.map((e: any) => e.id)).not.toContain(id);
    expect((await t.api('GET', `/v1/webhook-endpoints/${id}`, { key: b.apiKey })).status).toBe(200);
  });

  it('needs the webhooks scopes', async () => {
    const { createApiKey } = await import('../../src/tenancy/api-keys.ts');
    const { secret } = await createApiKey(t.platform.deps.db, a.orgId, { name: 'read only', mode: 'test', scopes: ['webhooks:read'] });
    expect((await t.api('GET', '/v1/webhook-endpoints', { key: secret })).status).toBe(200);
    const r = await t.api('POST', '/v1/webhook-endpoints', { key: secret, body: { url: 'http://127.0.0.1:9/', event_types: ['*'] } });
    expect(r.status).toBe(403);
    expect((await t.api('GET', '/v1/webhook-endpoints')).status).toBe(401);
  });
});
