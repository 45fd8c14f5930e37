import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type Tenant, type TestPlatform } from '../helpers/test-platform.ts';

let t: TestPlatform;
let a: Tenant;
let b: Tenant;
const ids: { message?: string; template?: string } = {};

beforeAll(async () => {
  t = await startTestPlatform();
  a = await t.createTenant('Tenant A');
  b = await t.createTenant('Tenant B');
  const sent = await t.api('POST', '/v1/messages', {
    key: b.apiKey, body: { to: '+12025550110', type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } },
  });
  ids.message = sent.body.id;
  ids.template = (await t.api('GET', '/v1/templates', { key: b.apiKey })).body.data[0].id;
});
afterAll(async () => t?.close());

describe('tenant isolation: a key of org A can read nothing of org B', () => {
  it('answers 404, never 403, for every resource of B', async () => {
    for (const path of [`/v1/messages/${ids.message}`, `/v1/phone-numbers/${b.phoneNumberId}`, `/v1/templates/${ids.template}`]) {
      const own = await t.api('GET', path, { key: b.apiKey });
      expect(own.status, path).toBe(200);
      const cross = await t.api('GET', path, { key: a.apiKey });
      expect(cross.status, path).toBe(404);
      expect(cross.body.error.code).toBe('not_found');
    }
  });

  it('lists only its own messages, numbers and templates', async () => {
    const messages = await t.api('GET', '/v1/messages', { key: a.apiKey });
    expect(messages.body.data.map((m: any) => m.id)).not.toContain(ids.message);
    const numbers = await t.api('GET', '/v1/phone-numbers', { key: a.apiKey });
    expect(numbers.body.data.map((n: any) => n.id)).toEqual([a.phoneNumberId]);
    const templates = await t.api('GET', '/v1/templates', { key: a.apiKey });
    expect(templates.body.data.map((x: any) => x.id)).not.toContain(ids.template);
  });

  it('cannot send from another tenant\'s number', async () => {
    for (const from of [b.phoneNumberId, b.metaPhoneNumberId]) {
      const r = await t.api('POST', '/v1/messages', {
        key: a.apiKey, body: { from, to: '+12025550100', type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } },
      });
      expect(r.status).toBe(404);
    }
  });

  it('cannot connect a WABA another tenant holds', async () => {
    const r = await t.api('POST', '/v1/phone-numbers', {
      key: a.apiKey,
      body: { waba_id: b.wabaId, phone_number_id: b.metaPhoneNumberId, access_token: 'sim-test-access-token', app_secret: 'sim-test-app-secret', verify_token: 'sim-test-verify-token' },
    });
    expect(r.status).toBe(409);
  });

  it('routes a customer\'s reply to the tenant whose number it was sent to', async () => {
    const { wamid } = await t.sim('POST', '/_sim/customers/+12025550111/messages', { to_phone_number_id: b.metaPhoneNumberId, type: 'text', text: { body: 'for B' } });
    await t.waitFor('inbound at B', async () => (await t.api('GET', '/v1/messages', { key: b.apiKey })).body.data.find((m: any) => m.wamid === wamid));
    const atA = await t.api('GET', '/v1/messages', { key: a.apiKey });
    expect(atA.body.data.find((m: any) => m.wamid === wamid)).toBeUndefined();
  });
});
