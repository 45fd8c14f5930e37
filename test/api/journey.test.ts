import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type Tenant, type TestPlatform } from '../helpers/test-platform.ts';

let t: TestPlatform;
let tenant: Tenant;

beforeAll(async () => {
  t = await startTestPlatform();
  tenant = await t.createTenant('Journey');
});
afterAll(async () => t?.close());

const helloWorld = (to: string) => ({ to, type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } });

describe('a template message, end to end through the Cloud API simulator', () => {
  it('is accepted, dispatched, and reads "read" with its history', async () => {
    const sent = await t.api('POST', '/v1/messages', { key: tenant.apiKey, body: helloWorld('+1 (202) 555-0100') });
    expect(sent.status).toBe(202);
    expect(sent.body).toMatchObject({ status: 'accepted', to: '+12025550100' });
    expect(sent.body.id).toMatch(/^msg_/);

    const read = await t.waitFor('status read', async () => {
      const got = await t.api('GET', `/v1/messages/${sent.body.id}`, { key: tenant.apiKey });
      return got.body.status === 'read' ? got.body : null;
    });
    expect(read.wamid).toMatch(/^wamid\./);
    expect(read.pricing).toMatchObject({ pricing_model: 'PMP', category: 'utility' });
    const statuses = read.history.map((h: { status: string }) => h.status);
    expect(statuses).toEqual(['accepted', 'queued', 'sent', 'delivered', 'read']);
    expect(read.history.find((h: any) => h.status === 'accepted').source).toBe('api');
    expect(read.history.find((h: any) => h.status === 'read').source).toBe('webhook');

    // What reached "Meta" is the Cloud API's own shape, from our number, with our id for reconciliation.
    const atMeta = await t.sim('GET', `/_sim/sent?phone_number_id=${tenant.metaPhoneNumberId}`);
    const list = Array.isArray(atMeta) ? atMeta : atMeta.data;
    const ours = list.find((s: any) => s.wamid === read.wamid);
    expect(ours).toBeTruthy();
    expect(ours.to).toBe('12025550100');
  });

  it('lists messages newest first with a cursor', async () => {
    const ids: string[] = [];
    for (const n of ['0101', '0102', '0103']) {
      const r = await t.api('POST', '/v1/messages', { key: tenant.apiKey, body: helloWorld(`+1202555${n}`) });
      expect(r.status).toBe(202);
      ids.push(r.body.id);
    }
    const first = await t.api('GET', '/v1/messages?limit=2', { key: tenant.apiKey });
    expect(first.status).toBe(200);
    expect(first.body.data.map((m: any) => m.id)).toEqual([ids[2], ids[1]]);
    expect(first.body.next_cursor).toBeTruthy();
    const second = await t.api('GET', `/v1/messages?limit=2&cursor=${first.body.next_cursor}`, { key: tenant.apiKey });
    expect(second.body.data[0].id).toBe(ids[0]);
  });

  it('marks a message failed with Meta\'s code when the recipient is not on WhatsApp', async () => {
    await t.sim('POST', '/_sim/customers/+12025550150/state', { unreachable: true });
    const sent = await t.api('POST', '/v1/messages', { key: tenant.apiKey, body: helloWorld('+12025550150') });
    expect(sent.status).toBe(202);
    const failed = await t.waitFor('status failed', async () => {
      const got = await t.api('GET', `/v1/messages/${sent.body.id}`, { key: tenant.apiKey });
      return got.body.status === 'failed' ? got.body : null;
    });
    expect(failed.error).toMatchObject({ code: 131026, reason: 'recipient_unreachable' });
  });

  it('retries a transient Cloud API error and then delivers', async () => {
    await t.sim('POST', '/_sim/faults', { match: { path: '/messages' }, error_code: 131016, count: 1 });
    const sent = await t.api('POST', '/v1/messages', { key: tenant.apiKey, body: helloWorld('+12025550104') });
    const done = await t.waitFor('delivered after retry', async () => {
      const got = await t.api('GET', `/v1/messages/${sent.body.id}`, { key: tenant.apiKey });
      return ['delivered', 'read'].includes(got.body.status) ? got.body : null;
    });
    expect(done.wamid).toMatch(/^wamid\./);
  });

  it('stores a customer\'s reply as an inbound message', async () => {
    const { wamid } = await t.sim('POST', '/_sim/customers/+12025550105/messages', {
      to_phone_number_id: tenant.metaPhoneNumberId, type: 'text', text: { body: 'Hi there' },
    });
    const inbound = await t.waitFor('inbound stored', async () => {
      const got = await t.api('GET', '/v1/messages?limit=20', { key: tenant.apiKey });
      return got.body.data.find((m: any) => m.wamid === wamid);
    });
    expect(inbound).toMatchObject({ direction: 'inbound', from: '+12025550105', type: 'text', status: 'received' });
    expect(inbound.content.text.body).toBe('Hi there');

    // Inside the 24-hour window a free-form reply is allowed.
    const reply = await t.api('POST', '/v1/messages', { key: tenant.apiKey, body: { to: '+12025550105', type: 'text', text: { body: 'Hello back' } } });
    expect(reply.status).toBe(202);
  });

  it('refuses free-form text outside the 24-hour window, writing nothing', async () => {
    const before = await t.api('GET', '/v1/messages?limit=200', { key: tenant.apiKey });
    const r = await t.api('POST', '/v1/messages', { key: tenant.apiKey, body: { to: '+12025550106', type: 'text', text: { body: 'hi' } } });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('outside_customer_service_window');
    const after = await t.api('GET', '/v1/messages?limit=200', { key: tenant.apiKey });
    expect(after.body.data.length).toBe(before.body.data.length);
  });

  it('refuses a template that is not approved, and a wrong parameter count', async () => {
    const unknown = await t.api('POST', '/v1/messages', {
      key: tenant.apiKey, body: { to: '+12025550100', type: 'template', template: { name: 'no_such', language: { code: 'en_US' } } },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.code).toBe('template_not_approved');
    const extra = await t.api('POST', '/v1/messages', {
      key: tenant.apiKey,
      body: { ...helloWorld('+12025550100'), template: { name: 'hello_world', language: { code: 'en_US' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'x' }] }] } },
    });
    expect(extra.status).toBe(400);
    expect(extra.body.error.code).toBe('template_parameters_mismatch');
  });
});
