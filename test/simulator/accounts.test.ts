import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { CloudApiError } from '../../src/whatsapp/client.ts';
import { parseWebhook, type MessageEvent, type TemplateStatusUpdateEvent } from '../../src/whatsapp/webhook-events.ts';
import { call, startHarness, waitFor, type Harness } from './harness.ts';

let h: Harness;

beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h.close(); });

function events() {
  return h.receiver.received.flatMap((w) => parseWebhook(w.body));
}

describe('inbound customer messages', () => {
  it('arrive signed, with non-ASCII escaped, and parse with parseWebhook', async () => {
    const { status, body } = await call(h.simUrl, 'POST', '/_sim/customers/+12025550107/messages', { type: 'text', text: { body: 'Olá 👋 STOP' } });
    expect(status).toBe(200);
    expect(body.wamid).toMatch(/^wamid\./);
    const webhook = await waitFor(() => h.receiver.received.find((w) => w.body.entry[0].changes[0].value.messages?.[0]?.id === body.wamid), 'inbound');
    expect(webhook.signatureValid).toBe(true);
    expect(webhook.headers['content-type']).toBe('application/json');
    expect(webhook.raw.toString('utf8')).toContain('Ol\\u00e1 \\ud83d\\udc4b STOP');
    expect(webhook.raw.every((byte) => byte < 0x80)).toBe(true);
    const [event] = parseWebhook(webhook.body) as MessageEvent[];
    expect(event).toMatchObject({
      kind: 'message', phoneNumberId: h.phoneNumberId, wabaId: h.wabaId, wamid: body.wamid,
      from: '12025550107', profileName: 'Customer 0107', type: 'text',
    });
    expect(event!.message.text?.body).toBe('Olá 👋 STOP');
    expect(webhook.body.entry[0].changes[0].value.metadata).toEqual({ display_phone_number: '15550783881', phone_number_id: h.phoneNumberId });
  });

  it('carries a template button reply with its payload and context', async () => {
    const { body } = await call(h.simUrl, 'POST', '/_sim/customers/12025550108/messages', {
      type: 'button', button: { text: 'Confirm', payload: 'CONFIRM-1' }, context: { id: 'wamid.ORIGINAL' },
    });
    const event = await waitFor(() => events().find((e) => e.kind === 'message' && e.wamid === body.wamid) as MessageEvent | undefined, 'button');
    expect(event.type).toBe('button');
    expect(event.message.button).toEqual({ text: 'Confirm', payload: 'CONFIRM-1' });
    expect(event.message.context).toEqual({ from: '15550783881', id: 'wamid.ORIGINAL' });
  });

  it('rejects customers outside the simulated range', async () => {
    const { status } = await call(h.simUrl, 'POST', '/_sim/customers/447700900123/messages', { type: 'text', text: { body: 'x' } });
    expect(status).toBe(404);
  });

  it('emits user_preferences stop and then fails marketing templates with 131050', async () => {
    await call(h.simUrl, 'POST', '/_sim/customers/12025550109/state', { marketing_stopped: true });
    const pref = await waitFor(() => events().find((e) => e.kind === 'user_preferences' && e.waId === '12025550109'), 'user_preferences');
    expect(pref).toMatchObject({ value: 'stop', category: 'marketing_messages', phoneNumberId: h.phoneNumberId });

    const created = await h.client.createTemplate(h.token, h.wabaId, {
      name: 'spring_offer', language: 'en_US', category: 'MARKETING', components: [{ type: 'BODY', text: 'Our spring offer is here, come and see it.' }],
    });
    await waitFor(() => events().find((e) => e.kind === 'template_status' && e.templateId === created.id && e.event === 'APPROVED'), 'approval');
    const sent = await h.client.sendMessage(h.token, h.phoneNumberId, {
      messaging_product: 'whatsapp', to: '12025550109', type: 'template', template: { name: 'spring_offer', language: { code: 'en_US' } },
    });
    const failed = await waitFor(() => events().find((e) => e.kind === 'status' && e.wamid === sent.messages[0]!.id), 'failed status');
    expect(failed).toMatchObject({ status: 'failed', errors: [{ code: 131050 }] });
  });
});

describe('phone numbers', () => {
  it('serves the default number and lists it under its WABA', async () => {
    const info = await h.client.getPhoneNumber(h.token, h.phoneNumberId);
    expect(info).toMatchObject({
      id: h.phoneNumberId, display_phone_number: '+1 555-078-3881', verified_name: 'Xpecto Demo', quality_rating: 'GREEN',
      throughput: { level: 'STANDARD' }, whatsapp_business_manager_messaging_limit: 'TIER_2K',
    });
    const numbers = await h.client.listPhoneNumbers(h.token, h.wabaId);
    expect(numbers.map((n) => n.id)).toEqual([h.phoneNumberId]);
    const unknown = await h.client.getPhoneNumber(h.token, '123').catch((e) => e);
    expect(unknown).toMatchObject({ httpStatus: 400, code: 100, type: 'GraphMethodException' });
  });

  it('creates further tenants\' numbers, each under its own WABA with hello_world', async () => {
    const created = await call(h.simUrl, 'POST', '/_sim/phone-numbers', { verified_name: 'Tenant B' });
    expect(created.status).toBe(201);
    expect(created.body.id).toMatch(/^\d+$/);
    expect(created.body.waba_id).not.toBe(h.wabaId);
    const templates = await h.client.listTemplates(h.token, created.body.waba_id);
    expect(templates.map((t) => [t.name, t.language, t.status, t.category])).toEqual([['hello_world', 'en_US', 'APPROVED', 'UTILITY']]);
    const sent = await h.client.sendMessage(h.token, created.body.id, {
      messaging_product: 'whatsapp', to: '12025550110', type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } },
    });
    expect(sent.messages[0]!.id).toMatch(/^wamid\./);
  });
});

describe('templates', () => {
  it('create → PENDING, then an APPROVED webhook, then sendable with the right parameters', async () => {
    const created = await h.client.createTemplate(h.token, h.wabaId, {
      name: 'order_update', language: 'en_US', category: 'UTILITY', parameter_format: 'NAMED',
      components: [{ type: 'BODY', text: 'Hi {{first_name}}, your order ships on {{ship_date}}. Thanks!',
        example: { body_text_named_params: [{ param_name: 'first_name', example: 'Jessica' }, { param_name: 'ship_date', example: 'May 3' }] } }],
    });
    expect(created).toEqual({ id: expect.stringMatching(/^\d+$/), status: 'PENDING', category: 'UTILITY' });
    const approved = await waitFor(() => events().find((e) => e.kind === 'template_status' && e.templateId === created.id) as TemplateStatusUpdateEvent | undefined, 'template webhook');
    expect(approved).toMatchObject({ event: 'APPROVED', name: 'order_update', language: 'en_US', wabaId: h.wabaId });

    const send = (parameters: any[]) => h.client.sendMessage(h.token, h.phoneNumberId, {
      messaging_product: 'whatsapp', to: '12025550111', type: 'template',
      template: { name: 'order_update', language: { code: 'en_US' }, components: [{ type: 'body', parameters }] },
    });
    const ok = await send([{ type: 'text', parameter_name: 'ship_date', text: 'May 3' }, { type: 'text', parameter_name: 'first_name', text: 'Ana' }]);
    expect(ok.messages[0]!.message_status).toBe('accepted');
    const positional = await send([{ type: 'text', text: 'Ana' }, { type: 'text', text: 'May 3' }]).catch((e) => e);
    expect(positional).toBeInstanceOf(CloudApiError);
    expect(positional.code).toBe(132012);

    const duplicate = await h.client.createTemplate(h.token, h.wabaId, {
      name: 'order_update', language: 'en_US', category: 'UTILITY',
      components: [{ type: 'BODY', text: 'Hello there {{1}} my good friend', example: { body_text: [['Ann']] } }],
    }).catch((e) => e);
    expect(duplicate).toMatchObject({ code: 100, subcode: 2388024 });
  });

  it('refuses at creation a body that ends with a variable (2388299), as Meta does, so it can never be sent', async () => {
    const refused = await h.client.createTemplate(h.token, h.wabaId, {
      name: 'bad_format', language: 'en_US', category: 'MARKETING',
      components: [{ type: 'BODY', text: 'Your new code for this week is {{1}}', example: { body_text: [['X1']] } }],
    }).catch((e) => e);
    expect(refused).toBeInstanceOf(CloudApiError);
    expect(refused).toMatchObject({ code: 100, subcode: 2388299 });
    const sendRejected = await h.client.sendMessage(h.token, h.phoneNumberId, {
      messaging_product: 'whatsapp', to: '12025550111', type: 'template', template: { name: 'bad_format', language: { code: 'en_US' } },
    }).catch((e) => e);
    expect(sendRejected.code).toBe(132001);
  });

  it('pauses a template through the control API (132015) and deletes by name', async () => {
    const [hello] = await h.client.listTemplates(h.token, h.wabaId, { name: 'hello_world' });
    await call(h.simUrl, 'POST', `/_sim/templates/${hello!.id}/status`, { status: 'PAUSED' });
    const paused = await h.client.sendMessage(h.token, h.phoneNumberId, {
      messaging_product: 'whatsapp', to: '12025550112', type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } },
    }).catch((e) => e);
    expect(paused.code).toBe(132015);
    await call(h.simUrl, 'POST', `/_sim/templates/${hello!.id}/status`, { status: 'APPROVED' });

    await h.client.createTemplate(h.token, h.wabaId, {
      name: 'short_lived', language: 'en_US', category: 'UTILITY', components: [{ type: 'BODY', text: 'Your table is ready.' }],
    });
    expect(await h.client.deleteTemplate(h.token, h.wabaId, { name: 'short_lived' })).toEqual({ success: true });
    expect(await h.client.listTemplates(h.token, h.wabaId, { name: 'short_lived' })).toEqual([]);
  });

  it('pages through templates with the after cursor', async () => {
    for (let i = 0; i < 4; i++) {
      await h.client.createTemplate(h.token, h.wabaId, {
        name: `paging_${i}`, language: 'en_US', category: 'UTILITY', components: [{ type: 'BODY', text: `Static text number ${i}.` }],
      });
    }
    const all = await h.client.listTemplates(h.token, h.wabaId, { limit: 2 });
    const names = all.map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['hello_world', 'paging_0', 'paging_3']));
  });
});

describe('media', () => {
  it('upload → GET info → download gives the same bytes and sha256; delete removes it', async () => {
    const bytes = Buffer.from('%PDF-1.4 simulated invoice ' + 'x'.repeat(1000));
    const { id } = await h.client.uploadMedia(h.token, h.phoneNumberId, { bytes, mimeType: 'application/pdf', filename: 'inv.pdf' });
    expect(id).toMatch(/^\d+$/);
    const info = await h.client.getMedia(h.token, id, h.phoneNumberId);
    expect(info).toMatchObject({ messaging_product: 'whatsapp', mime_type: 'application/pdf', file_size: String(bytes.length), id });
    expect(info.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    const downloaded = await h.client.downloadMedia(h.token, info.url);
    expect(downloaded.bytes.equals(bytes)).toBe(true);
    expect(downloaded.mimeType).toBe('application/pdf');
    expect(createHash('sha256').update(downloaded.bytes).digest('hex')).toBe(info.sha256);

    const withoutToken = await fetch(info.url);
    expect(withoutToken.status).toBe(401);
    const otherNumber = await h.client.getMedia(h.token, id, '106540352242923').catch((e) => e);
    expect(otherNumber.code).toBe(100);

    expect(await h.client.deleteMedia(h.token, id)).toEqual({ success: true });
    expect(await h.client.getMedia(h.token, id).catch((e) => e.code)).toBe(100);
  });

  it('refuses unsupported MIME types and oversize files with 131053', async () => {
    const exe = await h.client.uploadMedia(h.token, h.phoneNumberId, { bytes: Buffer.from('MZ'), mimeType: 'application/x-msdownload', filename: 'a.exe' }).catch((e) => e);
    expect(exe).toMatchObject({ code: 131053, httpStatus: 400 });
    const big = await h.client.uploadMedia(h.token, h.phoneNumberId, { bytes: Buffer.alloc(501 * 1024), mimeType: 'image/webp', filename: 's.webp' }).catch((e) => e);
    expect(big.code).toBe(131053);
  });
});
