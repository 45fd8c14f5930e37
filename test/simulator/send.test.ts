import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CloudApiError, CloudApiUnreachableError } from '../../src/whatsapp/client.ts';
import { parseWebhook } from '../../src/whatsapp/webhook-events.ts';
import { call, startHarness, statusesFor, waitFor, type Harness } from './harness.ts';

const CUSTOMER = '12025550100';
let h: Harness;

beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h.close(); });
beforeEach(async () => {
  await call(h.simUrl, 'POST', '/_sim/reset');
  h.receiver.received.length = 0;
});

async function openWindow(customer: string) {
  const { body } = await call(h.simUrl, 'POST', `/_sim/customers/+${customer}/messages`, { type: 'text', text: { body: 'hi' } });
  await waitFor(() => h.receiver.received.find((w) => w.body.entry[0].changes[0].value.messages?.[0]?.id === body.wamid), 'inbound webhook');
}

describe('sending', () => {
  it('accepts a template send with Meta\'s exact success shape and emits signed sent → delivered → read', async () => {
    const response = await h.client.sendMessage(h.token, h.phoneNumberId, {
      messaging_product: 'whatsapp', to: '+1 202-555-0100', type: 'template',
      biz_opaque_callback_data: 'order-123',
      template: { name: 'hello_world', language: { code: 'en_US' } },
    });
    expect(Object.keys(response).sort()).toEqual(['contacts', 'messages', 'messaging_product']);
    expect(response.messaging_product).toBe('whatsapp');
    expect(response.contacts).toEqual([{ input: '+1 202-555-0100', wa_id: CUSTOMER }]);
    expect(response.messages).toHaveLength(1);
    expect(response.messages[0]!.id).toMatch(/^wamid\./);
    expect(response.messages[0]!.message_status).toBe('accepted');
    const wamid = response.messages[0]!.id;

    const statuses = await waitFor(() => { const s = statusesFor(h.receiver, wamid); return s.length >= 3 && s; }, 'three statuses');
    expect(statuses.map((s) => s.status)).toEqual(['sent', 'delivered', 'read']);
    expect(h.receiver.received.every((w) => w.signatureValid)).toBe(true);
    const [sent, delivered, read] = statuses;
    expect(sent.recipient_id).toBe(CUSTOMER);
    expect(sent.biz_opaque_callback_data).toBe('order-123');
    expect(sent.pricing).toEqual({ billable: true, pricing_model: 'PMP', type: 'regular', category: 'utility' });
    expect(sent.conversation.expiration_timestamp).toMatch(/^\d+$/);
    expect(delivered.pricing.category).toBe('utility');
    expect(read.pricing).toBeUndefined();
    expect(sent.timestamp).toMatch(/^\d+$/);

    const events = h.receiver.received.flatMap((w) => parseWebhook(w.body));
    const mine = events.filter((e) => e.kind === 'status' && e.wamid === wamid);
    expect(mine).toHaveLength(3);
    expect(mine[0]).toMatchObject({ kind: 'status', phoneNumberId: h.phoneNumberId, wabaId: h.wabaId, recipientId: CUSTOMER });

    const sentLog = await call(h.simUrl, 'GET', `/_sim/sent?to=${CUSTOMER}`);
    expect(sentLog.body.data).toHaveLength(1);
    expect(sentLog.body.data[0].statuses.map((s: any) => s.status)).toEqual(['sent', 'delivered', 'read']);
  });

  it('delivers a free-form text inside the customer window, and fails it with 131047 outside', async () => {
    const outside = await h.client.sendMessage(h.token, h.phoneNumberId, {
      messaging_product: 'whatsapp', to: '12025550101', type: 'text', text: { body: 'hello' },
    });
    const failed = await waitFor(() => statusesFor(h.receiver, outside.messages[0]!.id)[0], 'failed status');
    expect(failed.status).toBe('failed');
    expect(failed.errors[0].code).toBe(131047);

    await openWindow('12025550101');
    const inside = await h.client.sendMessage(h.token, h.phoneNumberId, {
      messaging_product: 'whatsapp', to: '12025550101', type: 'text', text: { body: 'héllo 👍' },
    });
    const statuses = await waitFor(() => { const s = statusesFor(h.receiver, inside.messages[0]!.id); return s.length >= 3 && s; }, 'statuses');
    expect(statuses.map((s) => s.status)).toEqual(['sent', 'delivered', 'read']);
    expect(statuses[0].pricing).toMatchObject({ category: 'service', type: 'free_customer_service' });
  });

  it('answers 401 with code 190 for a bad token', async () => {
    const err = await h.client.sendMessage('wrong-token', h.phoneNumberId, {
      messaging_product: 'whatsapp', to: CUSTOMER, type: 'text', text: { body: 'x' },
    }).catch((e) => e);
    expect(err).toBeInstanceOf(CloudApiError);
    expect(err).toMatchObject({ httpStatus: 401, code: 190, type: 'OAuthException' });
    expect(err.message).toBe('(#190) Invalid OAuth access token.');
    expect(err.fbtraceId).toBeTypeOf('string');
    const raw = await call(h.simUrl, 'GET', `/v26.0/${h.phoneNumberId}`);
    expect(raw.status).toBe(401);
    expect(raw.body.error.code).toBe(190);
  });

  it('answers 132001 for an unknown template and 132000 for a parameter count mismatch', async () => {
    const unknown = await h.client.sendMessage(h.token, h.phoneNumberId, {
      messaging_product: 'whatsapp', to: CUSTOMER, type: 'template', template: { name: 'nope', language: { code: 'en_US' } },
    }).catch((e) => e);
    expect(unknown).toBeInstanceOf(CloudApiError);
    expect(unknown.code).toBe(132001);
    expect(unknown.message).toMatch(/^\(#132001\) /);

    const wrongLanguage = await h.client.sendMessage(h.token, h.phoneNumberId, {
      messaging_product: 'whatsapp', to: CUSTOMER, type: 'template', template: { name: 'hello_world', language: { code: 'en_GB' } },
    }).catch((e) => e);
    expect(wrongLanguage.code).toBe(132001);

    const tooMany = await h.client.sendMessage(h.token, h.phoneNumberId, {
      messaging_product: 'whatsapp', to: CUSTOMER, type: 'template',
      template: { name: 'hello_world', language: { code: 'en_US' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'x' }] }] },
    }).catch((e) => e);
    expect(tooMany.code).toBe(132000);
  });

  it('answers 131008 / 131009 / 100 for invalid bodies with the full envelope', async () => {
    const auth = { authorization: `Bearer ${h.token}` };
    const path = `/v26.0/${h.phoneNumberId}/messages`;
    const missing = await call(h.simUrl, 'POST', path, { messaging_product: 'whatsapp', type: 'text', text: { body: 'x' } }, auth);
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({
      message: '(#131008) Required parameter is missing', type: 'OAuthException', code: 131008,
      error_data: { messaging_product: 'whatsapp' },
    });
    expect(missing.body.error.error_data.details).toBeTypeOf('string');
    expect(missing.body.error.fbtrace_id).toBeTypeOf('string');

    const tooLong = await call(h.simUrl, 'POST', path, { messaging_product: 'whatsapp', to: CUSTOMER, type: 'text', text: { body: 'x'.repeat(4097) } }, auth);
    expect(tooLong.body.error.code).toBe(131009);
    expect(tooLong.body.error.message).toBe('(#131009) Parameter value is not valid');

    const both = await call(h.simUrl, 'POST', path, { messaging_product: 'whatsapp', to: CUSTOMER, type: 'image', image: { id: '1', link: 'https://x.example/a.jpg' } }, auth);
    expect(both.body.error.code).toBe(131009);

    const badProduct = await call(h.simUrl, 'POST', path, { messaging_product: 'sms', to: CUSTOMER, type: 'text', text: { body: 'x' } }, auth);
    expect(badProduct.body.error.code).toBe(100);

    const unknownNumber = await call(h.simUrl, 'POST', '/v26.0/999999/messages', { messaging_product: 'whatsapp' }, auth);
    expect(unknownNumber.status).toBe(400);
    expect(unknownNumber.body.error).toMatchObject({ code: 100, type: 'GraphMethodException' });
  });

  it('marks a message read with {success: true}', async () => {
    const result = await h.client.markRead(h.token, h.phoneNumberId, {
      messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.X', typing_indicator: { type: 'text' },
    });
    expect(result).toEqual({ success: true });
  });

  it('fails unreachable customers and non-simulated numbers asynchronously with 131026', async () => {
    await call(h.simUrl, 'POST', '/_sim/customers/12025550102/state', { unreachable: true });
    for (const to of ['12025550102', '447700900123']) {
      const response = await h.client.sendMessage(h.token, h.phoneNumberId, {
        messaging_product: 'whatsapp', to, type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } },
      });
      const failed = await waitFor(() => statusesFor(h.receiver, response.messages[0]!.id)[0], 'failed status');
      expect(failed.status).toBe('failed');
      expect(failed.pricing).toBeUndefined();
      expect(failed.errors).toEqual([expect.objectContaining({ code: 131026, title: 'Message undeliverable', error_data: { details: expect.any(String) } })]);
      const [event] = parseWebhook(h.receiver.received.find((w) => w.body.entry[0].changes[0].value.statuses?.[0]?.id === response.messages[0]!.id)!.body);
      expect(event).toMatchObject({ kind: 'status', status: 'failed', errors: [{ code: 131026 }] });
    }
  });

  it('stops at delivered when the customer does not read', async () => {
    await call(h.simUrl, 'POST', '/_sim/customers/12025550103/state', { auto_read: false });
    const response = await h.client.sendMessage(h.token, h.phoneNumberId, {
      messaging_product: 'whatsapp', to: '12025550103', type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } },
    });
    const wamid = response.messages[0]!.id;
    await waitFor(() => statusesFor(h.receiver, wamid).length >= 2, 'delivered');
    const sent = await call(h.simUrl, 'GET', '/_sim/sent?to=12025550103');
    expect(sent.body.data[0].statuses.map((s: any) => s.status)).toEqual(['sent', 'delivered']);
  });
});

describe('faults and limits', () => {
  it('an error_code fault 130429 answers 429 with the envelope and clears after count', async () => {
    const fault = await call(h.simUrl, 'POST', '/_sim/faults', { match: { path: '/messages' }, error_code: 130429, count: 2 });
    expect(fault.status).toBe(201);
    const body = { messaging_product: 'whatsapp' as const, to: CUSTOMER, type: 'template' as const, template: { name: 'hello_world', language: { code: 'en_US' } } };
    for (let i = 0; i < 2; i++) {
      const err = await h.client.sendMessage(h.token, h.phoneNumberId, body).catch((e) => e);
      expect(err).toBeInstanceOf(CloudApiError);
      expect(err).toMatchObject({ httpStatus: 429, code: 130429, isTransient: true });
      expect(err.message).toBe('(#130429) Rate limit hit');
    }
    const ok = await h.client.sendMessage(h.token, h.phoneNumberId, body);
    expect(ok.messages[0]!.id).toMatch(/^wamid\./);
    expect((await call(h.simUrl, 'GET', '/_sim/faults')).body.data).toEqual([]);
  });

  it('a timeout fault makes the client throw CloudApiUnreachableError kind timeout', async () => {
    await call(h.simUrl, 'POST', '/_sim/faults', { match: { phone_number_id: h.phoneNumberId }, timeout: true, count: 1 });
    const { createCloudApiClient } = await import('../../src/whatsapp/client.ts');
    const impatient = createCloudApiClient({ baseUrl: h.simUrl, apiVersion: 'v26.0', timeoutMs: 150 });
    const err = await impatient.sendMessage(h.token, h.phoneNumberId, {
      messaging_product: 'whatsapp', to: CUSTOMER, type: 'text', text: { body: 'x' },
    }).catch((e) => e);
    expect(err).toBeInstanceOf(CloudApiUnreachableError);
    expect(err.kind).toBe('timeout');
    expect(err.maybeDelivered).toBe(true);
    expect(err.message).not.toContain(h.token);
  });

  it('a refused connection is a network error that provably never reached Meta', async () => {
    const { createCloudApiClient } = await import('../../src/whatsapp/client.ts');
    const nowhere = createCloudApiClient({ baseUrl: 'http://127.0.0.1:1', apiVersion: 'v26.0', timeoutMs: 1000 });
    const err = await nowhere.getPhoneNumber(h.token, h.phoneNumberId).catch((e) => e);
    expect(err).toBeInstanceOf(CloudApiUnreachableError);
    expect(err).toMatchObject({ kind: 'network', maybeDelivered: false });
  });

  it('the pair rate limit answers 131056 with HTTP 429 once the burst is spent', async () => {
    await call(h.simUrl, 'PUT', '/_sim/config', { pairRateLimit: { perSeconds: 60, burst: 2 } });
    try {
      const body = { messaging_product: 'whatsapp' as const, to: '12025550104', type: 'template' as const, template: { name: 'hello_world', language: { code: 'en_US' } } };
      await h.client.sendMessage(h.token, h.phoneNumberId, body);
      await h.client.sendMessage(h.token, h.phoneNumberId, body);
      const err = await h.client.sendMessage(h.token, h.phoneNumberId, body).catch((e) => e);
      expect(err).toMatchObject({ httpStatus: 429, code: 131056 });
      // Another recipient is unaffected.
      await h.client.sendMessage(h.token, h.phoneNumberId, { ...body, to: '12025550105' });
    } finally {
      await call(h.simUrl, 'PUT', '/_sim/config', { pairRateLimit: false });
    }
  });

  it('retries webhook deliveries that got a non-2xx answer', async () => {
    h.receiver.failNext(500, 2, (raw) => raw.includes('"recipient_id":"12025550106"'));
    const response = await h.client.sendMessage(h.token, h.phoneNumberId, {
      messaging_product: 'whatsapp', to: '12025550106', type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } },
    });
    const wamid = response.messages[0]!.id;
    await waitFor(() => statusesFor(h.receiver, wamid).length >= 3, 'all statuses despite failures');
    const log = await call(h.simUrl, 'GET', `/_sim/webhooks?wamid=${encodeURIComponent(wamid)}`);
    expect(log.body.data.every((w: any) => w.delivered)).toBe(true);
    expect(log.body.data.some((w: any) => w.attempts > 1)).toBe(true);
  });

  it('can send read without delivered', async () => {
    await call(h.simUrl, 'PUT', '/_sim/config', { statusQuirks: { read_without_delivered: true } });
    try {
      const response = await h.client.sendMessage(h.token, h.phoneNumberId, {
        messaging_product: 'whatsapp', to: CUSTOMER, type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } },
      });
      const wamid = response.messages[0]!.id;
      await waitFor(() => statusesFor(h.receiver, wamid).some((s) => s.status === 'read'), 'read');
      expect(statusesFor(h.receiver, wamid).map((s) => s.status)).toEqual(['sent', 'read']);
    } finally {
      await call(h.simUrl, 'PUT', '/_sim/config', { statusQuirks: { read_without_delivered: false } });
    }
  });
});
