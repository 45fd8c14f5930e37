import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../src/db/sql.ts';
import { startTestPlatform, type Tenant, type TestPlatform } from '../helpers/test-platform.ts';
import { simSends } from '../helpers/dispatch-helpers.ts';

let t: TestPlatform;
let tenant: Tenant;
const CUSTOMER = '+12025550160';
let inboundWamid = '';

beforeAll(async () => {
  t = await startTestPlatform({ env: { PAIR_RATE_INTERVAL_MS: '0' }, simulator: { pairRateLimit: false } });
  tenant = await t.createTenant('Types');
  // The customer writes first: free-form messages are allowed for 24 hours.
  ({ wamid: inboundWamid } = await t.sim('POST', `/_sim/customers/${CUSTOMER}/messages`, { to_phone_number_id: tenant.metaPhoneNumberId, type: 'text', text: { body: 'hello' } }));
  await t.waitFor('window open', async () => (await t.api('GET', '/v1/messages', { key: tenant.apiKey })).body.data.some((m: any) => m.wamid === inboundWamid));
});
afterAll(async () => t?.close());

const EVERY_TYPE: Record<string, object> = {
  text: { text: { body: 'See https://example.com', preview_url: true } },
  image: { image: { link: 'https://cdn.example.com/p.jpg', caption: 'Receipt' } },
  video: { video: { link: 'https://cdn.example.com/v.mp4', caption: 'Demo' } },
  audio: { audio: { link: 'https://cdn.example.com/a.ogg', voice: true } },
  document: { document: { link: 'https://cdn.example.com/inv.pdf', caption: 'Invoice', filename: 'INV-7.pdf' } },
  sticker: { sticker: { link: 'https://cdn.example.com/s.webp' } },
  location: { location: { latitude: 37.4847, longitude: -122.1477, name: 'HQ', address: '1 Hacker Way' } },
  contacts: { contacts: [{ name: { formatted_name: 'Jane Doe', first_name: 'Jane' }, phones: [{ phone: '+1 650 555 1234', type: 'WORK' }] }] },
  interactive_button: { interactive: { type: 'button', body: { text: 'Confirm your booking?' }, action: { buttons: [
    { type: 'reply', reply: { id: 'yes', title: 'Yes' } }, { type: 'reply', reply: { id: 'no', title: 'No' } }] } } },
  interactive_list: { interactive: { type: 'list', header: { type: 'text', text: 'Menu' }, body: { text: 'Pick a slot' }, action: { button: 'View slots', sections: [
    { title: 'Morning', rows: [{ id: 'm9', title: '09:00', description: 'Dr. Lee' }] }, { title: 'Afternoon', rows: [{ id: 'a2', title: '14:00' }] }] } } },
  interactive_cta: { interactive: { type: 'cta_url', body: { text: 'Track your parcel' }, action: { name: 'cta_url', parameters: { display_text: 'Track', url: 'https://t.example/abc' } } } },
  interactive_flow: { interactive: { type: 'flow', body: { text: 'Sign up' }, action: { name: 'flow', parameters: {
    flow_message_version: '3', flow_id: '123456', flow_cta: 'Start', flow_token: 'tok', mode: 'published', flow_action: 'navigate',
    flow_action_payload: { screen: 'WELCOME', data: { k: 'v' } } } } } },
};

describe('every message type', () => {
  it('is accepted, reaches the Cloud API in Meta\'s shape, and is delivered', async () => {
    const ids: Record<string, string> = {};
    for (const [name, payload] of Object.entries(EVERY_TYPE)) {
      const type = name.startsWith('interactive') ? 'interactive' : name;
      const r = await t.api('POST', '/v1/messages', { key: tenant.apiKey, body: { to: CUSTOMER, type, ...payload } });
      expect(r.status, `${name}: ${r.text}`).toBe(202);
      ids[name] = r.body.id;
    }
    await t.waitFor('all at the simulator', async () => (await simSends(t, tenant)).length >= Object.keys(ids).length);
    const sends = await simSends(t, tenant);
    for (const [name, payload] of Object.entries(EVERY_TYPE)) {
      const sent = sends.find((s) => s.body.biz_opaque_callback_data === ids[name]);
      expect(sent, name).toBeTruthy();
      expect(sent!.body, name).toMatchObject({ messaging_product: 'whatsapp', to: CUSTOMER.slice(1), ...payload });
    }
    await t.waitFor('all delivered', async () => {
      const rows = await t.platform.deps.db.query<{ status: string }>(sql`
        SELECT status FROM messages WHERE org_id = ${tenant.orgId} AND direction = 'outbound'`);
      return rows.every((r) => ['delivered', 'read'].includes(r.status));
    });
  });

  it('replies with context and reacts, naming the message by our id or its wamid', async () => {
    const inbound = (await t.api('GET', '/v1/messages', { key: tenant.apiKey })).body.data.find((m: any) => m.wamid === inboundWamid);
    const reply = await t.api('POST', '/v1/messages', { key: tenant.apiKey, body: { to: CUSTOMER, type: 'text', text: { body: 'Thanks!' }, context: { message_id: inbound.id } } });
    const react = await t.api('POST', '/v1/messages', { key: tenant.apiKey, body: { to: CUSTOMER, type: 'reaction', reaction: { message_id: inboundWamid, emoji: '👍' } } });
    expect(reply.status).toBe(202);
    expect(react.status).toBe(202);
    await t.waitFor('both at the simulator', async () => {
      const sends = await simSends(t, tenant);
      return sends.some((s) => s.body.biz_opaque_callback_data === reply.body.id) && sends.some((s) => s.body.biz_opaque_callback_data === react.body.id);
    });
    const sends = await simSends(t, tenant);
    expect(sends.find((s) => s.body.biz_opaque_callback_data === reply.body.id)!.body).toMatchObject({ context: { message_id: inboundWamid } });
    expect(sends.find((s) => s.body.biz_opaque_callback_data === react.body.id)!.body).toMatchObject({ reaction: { message_id: inboundWamid, emoji: '👍' } });
  });
});

describe('Meta\'s limits, refused before anything is queued', () => {
  const refused = async (body: object) => {
    const r = await t.api('POST', '/v1/messages', { key: tenant.apiKey, body: { to: CUSTOMER, ...body } });
    expect(r.status, r.text).toBe(400);
    return r.body.error.details.map((d: { path: string; message: string }) => `${d.path}: ${d.message}`).join('\n');
  };

  it('answers 400 with the field and the limit', async () => {
    expect(await refused({ type: 'text', text: { body: 'x'.repeat(4097) } })).toContain('body.text.body');
    expect(await refused({ type: 'image', image: { link: 'https://a.example/p.jpg', id: '123' } })).toContain('body.image');
    expect(await refused({ type: 'audio', audio: { link: 'https://a.example/a.ogg', caption: 'no' } })).toContain('body.audio.caption');
    const buttons = await refused({ type: 'interactive', interactive: { type: 'button', body: { text: 'x' }, action: { buttons: [
      { type: 'reply', reply: { id: 'a', title: 'Same' } }, { type: 'reply', reply: { id: 'a', title: 'Same' } },
      { type: 'reply', reply: { id: 'b', title: 'A title that is far too long' } }, { type: 'reply', reply: { id: 'c', title: 'Four' } }] } } });
    expect(buttons).toContain('body.interactive.action.buttons');
    expect(buttons).toMatch(/must NOT have more than 3 items/);
    expect(buttons).toMatch(/title.*must NOT have more than 20 characters/);
    const list = await refused({ type: 'interactive', interactive: { type: 'list', body: { text: 'x' }, action: { button: 'Pick', sections: [
      { rows: Array.from({ length: 6 }, (_, i) => ({ id: `a${i}`, title: 'Row' })) }, { title: 'B', rows: Array.from({ length: 6 }, (_, i) => ({ id: `b${i}`, title: 'Row' })) }] } } });
    expect(list).toContain('has 12 rows; at most 10');
    expect(list).toContain('body.interactive.action.sections[0].title: is required');
    expect(await refused({ type: 'reaction', reaction: { message_id: inboundWamid, emoji: '👍👍' } })).toContain('single emoji');
    expect(await refused({ type: 'contacts', contacts: [] })).toContain('body.contacts');
    expect(await refused({ type: 'location', location: { latitude: 91, longitude: 0 } })).toContain('body.location.latitude');
    expect(await refused({ type: 'text', text: { body: 'x' }, image: { link: 'https://a.example/p.jpg' } })).toContain('body.image: is not allowed when type is "text"');
  });

  it('refuses a free-form message outside the window with outside_customer_service_window, writing nothing', async () => {
    const before = (await t.platform.deps.db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM messages WHERE org_id = ${tenant.orgId}`))[0]!.n;
    for (const body of [{ type: 'text', text: { body: 'hi' } }, { type: 'image', image: { link: 'https://a.example/p.jpg' } }]) {
      const r = await t.api('POST', '/v1/messages', { key: tenant.apiKey, body: { to: '+12025550161', ...body } });
      expect(r.status).toBe(422);
      expect(r.body.error.code).toBe('outside_customer_service_window');
    }
    const after = (await t.platform.deps.db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM messages WHERE org_id = ${tenant.orgId}`))[0]!.n;
    expect(after).toBe(before);
  });

  it('keeps the window per sender number: writing to one number opens no window on another', async () => {
    const { addNumber } = await import('../helpers/dispatch-helpers.ts');
    const second = await addNumber(t, tenant);
    const r = await t.api('POST', '/v1/messages', { key: tenant.apiKey, body: { to: CUSTOMER, from: second, type: 'text', text: { body: 'hi' } } });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('outside_customer_service_window');
  });
});
