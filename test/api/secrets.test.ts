import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../src/db/sql.ts';
import { SIM, startTestPlatform, type Tenant, type TestPlatform } from '../helpers/test-platform.ts';

let t: TestPlatform;
let tenant: Tenant;
const responses: string[] = [];

beforeAll(async () => {
  t = await startTestPlatform();
  tenant = await t.createTenant('Secrets');
});
afterAll(async () => t?.close());

describe('WhatsApp credentials', () => {
  it('are stored encrypted, never returned, never logged', async () => {
    const r1 = await t.api('GET', '/v1/phone-numbers', { key: tenant.apiKey });
    const r2 = await t.api('GET', `/v1/phone-numbers/${tenant.phoneNumberId}`, { key: tenant.apiKey });
    expect(r2.body).toMatchObject({ quality_rating: expect.any(String), messaging_limit_tier: expect.any(String), throughput_level: expect.any(String) });
    const sent = await t.api('POST', '/v1/messages', {
      key: tenant.apiKey, body: { to: '+12025550112', type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } },
    });
    await t.waitFor('read', async () => (await t.api('GET', `/v1/messages/${sent.body.id}`, { key: tenant.apiKey })).body.status === 'read');
    const r3 = await t.api('GET', `/v1/messages/${sent.body.id}`, { key: tenant.apiKey });
    // A refused registration must not echo the token it was given either.
    const number = await t.sim('POST', '/_sim/phone-numbers', {});
    const refused = await t.api('POST', '/v1/phone-numbers', {
      key: tenant.apiKey, body: { waba_id: number.waba_id, phone_number_id: number.id, access_token: 'refused-token-xyz', app_secret: 'refused-secret-xyz', verify_token: 'refused-verify-xyz' },
    });
    responses.push(r1.text, r2.text, r3.text, refused.text);

    const stored = await t.platform.deps.db.query<{ access_token_enc: string; app_secret_enc: string; verify_token_hash: string }>(
      sql`SELECT access_token_enc, app_secret_enc, verify_token_hash FROM whatsapp_accounts WHERE org_id = ${tenant.orgId}`);
    const secrets = [SIM.accessToken, SIM.appSecret, SIM.verifyToken, 'refused-token-xyz', 'refused-secret-xyz', tenant.apiKey];
    for (const row of stored) for (const value of Object.values(row)) for (const s of secrets) expect(value).not.toContain(s);
    expect(stored[0]!.access_token_enc).toMatch(/^v1\./);

    const logged = t.logs.join('\n');
    expect(logged.length).toBeGreaterThan(0);
    for (const s of secrets) {
      for (const text of responses) expect(text).not.toContain(s);
      expect(logged).not.toContain(s);
    }
  });
});
