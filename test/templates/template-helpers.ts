import { expect } from 'vitest';
import { signPayload } from '../../src/whatsapp/verify-signature.ts';
import { SIM, type Tenant, type TestPlatform } from '../helpers/test-platform.ts';

let counter = 0;

/** A unique template name per call, so tests in one file never collide on (name, language). */
export function uniqueName(prefix: string): string {
  counter += 1;
  return `${prefix}_${Date.now().toString(36)}_${counter}`;
}

/** A UTILITY template that passes every rule: two variables inside the text, each with an example. */
export function orderShipped(name: string, overrides: Record<string, unknown> = {}) {
  return {
    name, language: 'en_US', category: 'UTILITY',
    components: [{
      type: 'BODY', text: 'Hello {{1}}, your order {{2}} has shipped and will arrive in two days.',
      example: { body_text: [['Ana', 'A-1001']] },
    }],
    ...overrides,
  };
}

export function bodyOnly(name: string, category: string, text: string, extra: Record<string, unknown> = {}) {
  return { name, language: 'en_US', category, components: [{ type: 'BODY', text }], ...extra };
}

export async function getTemplate(t: TestPlatform, tenant: Tenant, id: string) {
  const r = await t.api('GET', `/v1/templates/${id}`, { key: tenant.apiKey });
  expect(r.status).toBe(200);
  return r.body;
}

export async function waitForStatus(t: TestPlatform, tenant: Tenant, id: string, status: string) {
  return t.waitFor(`template ${id} ${status}`, async () => {
    const got = await getTemplate(t, tenant, id);
    return got.status === status ? got : null;
  });
}

/** Creates, submits and waits for the simulator's approval webhook to be applied. */
export async function approvedTemplate(t: TestPlatform, tenant: Tenant, body: Record<string, unknown>) {
  const created = await t.api('POST', '/v1/templates', { key: tenant.apiKey, body: { ...body, submit: true } });
  expect(created.status, created.text).toBe(201);
  expect(created.body.status).toBe('PENDING');
  return waitForStatus(t, tenant, created.body.id, 'APPROVED');
}

/** A webhook as Meta would send it, signed with the tenant's app secret, posted to the platform. */
export async function postMetaWebhook(t: TestPlatform, wabaId: string, changes: { field: string; value: unknown; time: number }[]) {
  const envelope = { object: 'whatsapp_business_account', entry: changes.map((c) => ({ id: wabaId, time: c.time, changes: [{ field: c.field, value: c.value }] })) };
  const raw = JSON.stringify(envelope);
  const r = await t.api('POST', '/webhooks/whatsapp', { body: raw, headers: { 'content-type': 'application/json', 'x-hub-signature-256': signPayload(raw, SIM.appSecret) } });
  expect(r.status).toBe(200);
}
