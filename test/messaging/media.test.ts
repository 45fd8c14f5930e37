import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type Tenant, type TestPlatform } from '../helpers/test-platform.ts';
import { addTemplate, simSends } from '../helpers/dispatch-helpers.ts';
import { SIM } from '../helpers/test-platform.ts';

let t: TestPlatform;
let tenant: Tenant;
const CUSTOMER = '+12025550170';

// The smallest files whose type a sniffer recognises from their first bytes.
const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(64, 1)]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(128, 0)]);
const GIF = Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(64, 0)]);

async function upload(bytes: Buffer, filename: string, type: string) {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type }), filename);
  const res = await fetch(`${t.url}/v1/media`, { method: 'POST', headers: { authorization: `Bearer ${tenant.apiKey}` }, body: form });
  return { status: res.status, body: (await res.json()) as any };
}

beforeAll(async () => {
  t = await startTestPlatform({ env: { PAIR_RATE_INTERVAL_MS: '0' }, simulator: { pairRateLimit: false } });
  tenant = await t.createTenant('Media');
  await t.sim('POST', `/_sim/customers/${CUSTOMER}/messages`, { to_phone_number_id: tenant.metaPhoneNumberId, type: 'text', text: { body: 'send me the receipt' } });
  await t.waitFor('window open', async () => (await t.api('GET', '/v1/messages', { key: tenant.apiKey })).body.data.length > 0);
});
afterAll(async () => t?.close());

describe('POST /v1/media', () => {
  it('reads the type from the bytes, not from what the upload claims', async () => {
    const png = await upload(PNG, 'receipt.png', 'image/png');
    expect(png.status).toBe(201);
    expect(png.body).toMatchObject({ id: expect.stringMatching(/^med_/), kind: 'image', mime_type: 'image/png', size_bytes: PNG.length });
    // A declaration that contradicts the bytes is refused (AUP 3.4; test/messaging/media-screening.test.ts).
    const disguised = await upload(PNG, 'invoice.pdf', 'application/pdf');
    expect(disguised.body.error).toMatchObject({ code: 'media_type_mismatch', details: { detected_type: 'image/png' } });
    const pdf = await upload(PDF, 'invoice.pdf', 'application/pdf');
    expect(pdf.body).toMatchObject({ kind: 'document', mime_type: 'application/pdf' });
  });

  it('refuses what WhatsApp cannot carry, and files over the limit of their kind', async () => {
    const gif = await upload(GIF, 'anim.gif', 'image/gif');
    expect(gif.status).toBe(415);
    expect(gif.body.error.code).toBe('unsupported_media_type');
    const exe = await upload(EXE, 'photo.jpg', 'image/jpeg');
    expect(exe.status).toBe(422);
    expect(exe.body.error.code).toBe('media_not_allowed');
    const big = await upload(Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]), 'big.png', 'image/png');
    expect(big.status).toBe(413);
    expect(big.body.error.details).toMatchObject({ kind: 'image', limit: 5 * 1024 * 1024 });
  });

  it('sends an upload by its id: the Cloud API gets its own media id, holding the same bytes', async () => {
    const png = await upload(PNG, 'receipt.png', 'image/png');
    const sent = await t.api('POST', '/v1/messages', { key: tenant.apiKey, body: { to: CUSTOMER, type: 'image', image: { id: png.body.id, caption: 'Your receipt' } } });
    expect(sent.status).toBe(202);
    await t.waitFor('at the simulator', async () => (await simSends(t, tenant)).some((s) => s.body.biz_opaque_callback_data === sent.body.id));
    const atMeta = (await simSends(t, tenant)).find((s) => s.body.biz_opaque_callback_data === sent.body.id)!.body as any;
    expect(atMeta.image.id).toMatch(/^\d+$/);
    expect(atMeta.image.caption).toBe('Your receipt');
    const info = await (await fetch(`${t.simUrl}/v26.0/${atMeta.image.id}`, { headers: { authorization: `Bearer ${SIM.accessToken}` } })).json() as any;
    const file = await fetch(info.url, { headers: { authorization: `Bearer ${SIM.accessToken}` } });
    expect(Buffer.from(await file.arrayBuffer())).toEqual(PNG);
    const mine = await fetch(`${t.url}/v1/media/${png.body.id}`, { headers: { authorization: `Bearer ${tenant.apiKey}` } });
    expect(mine.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await mine.arrayBuffer())).toEqual(PNG);
  });

  it('refuses an upload of the wrong kind for the message type, and links into private networks', async () => {
    const pdf = await upload(PDF, 'invoice.pdf', 'application/pdf');
    const wrongKind = await t.api('POST', '/v1/messages', { key: tenant.apiKey, body: { to: CUSTOMER, type: 'image', image: { id: pdf.body.id } } });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.error.code).toBe('media_kind_mismatch');
    for (const link of ['http://127.0.0.1/x.jpg', 'http://169.254.169.254/latest/meta-data', 'http://10.0.0.7/a.png', 'http://[::1]/a.png', 'http://metadata.google.internal/x']) {
      const r = await t.api('POST', '/v1/messages', { key: tenant.apiKey, body: { to: CUSTOMER, type: 'image', image: { link } } });
      expect(r.status, link).toBe(400);
      expect(r.body.error.code).toBe('link_not_allowed');
    }
  });

  it('serves a file a customer sent, fetched from the Cloud API on demand', async () => {
    const bytes = Buffer.from('%PDF-1.4 a customer document');
    const { wamid } = await t.sim('POST', `/_sim/customers/${CUSTOMER}/messages`, {
      to_phone_number_id: tenant.metaPhoneNumberId, type: 'document', document: { data_base64: bytes.toString('base64'), mime_type: 'application/pdf', filename: 'scan.pdf' },
    });
    const inbound = await t.waitFor('inbound document', async () =>
      (await t.api('GET', '/v1/messages', { key: tenant.apiKey })).body.data.find((m: any) => m.wamid === wamid));
    const file = await fetch(`${t.url}/v1/messages/${inbound.id}/media`, { headers: { authorization: `Bearer ${tenant.apiKey}` } });
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer())).toEqual(bytes);
    const other = await t.createTenant('Other');
    const cross = await fetch(`${t.url}/v1/messages/${inbound.id}/media`, { headers: { authorization: `Bearer ${other.apiKey}` } });
    expect(cross.status).toBe(404);
  });

  it('resolves an upload id in a template\'s image header too', async () => {
    await addTemplate(t, tenant, 'receipt_ready', 'UTILITY', 'Your receipt for the order is attached, thank you for shopping with us.', [
      { type: 'HEADER', format: 'IMAGE', example: { header_handle: ['4::aW1hZ2U='] } },
    ]);
    const png = await upload(PNG, 'receipt.png', 'image/png');
    const sent = await t.api('POST', '/v1/messages', {
      key: tenant.apiKey,
      body: { to: '+12025550171', type: 'template', template: { name: 'receipt_ready', language: { code: 'en_US' }, components: [
        { type: 'header', parameters: [{ type: 'image', image: { id: png.body.id } }] }] } },
    });
    expect(sent.status, sent.text).toBe(202);
    await t.waitFor('at the simulator', async () => (await simSends(t, tenant)).some((s) => s.body.biz_opaque_callback_data === sent.body.id));
    const atMeta = (await simSends(t, tenant)).find((s) => s.body.biz_opaque_callback_data === sent.body.id)!.body as any;
    expect(atMeta.template.components[0].parameters[0].image.id).toMatch(/^\d+$/);
  });
});
