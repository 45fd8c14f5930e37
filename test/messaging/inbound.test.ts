import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../src/db/sql.ts';
import { startTestPlatform, type Tenant, type TestPlatform } from '../helpers/test-platform.ts';

let t: TestPlatform;
let tenant: Tenant;
const CUSTOMER = '+12025550180';

beforeAll(async () => {
  t = await startTestPlatform();
  tenant = await t.createTenant('Inbound');
});
afterAll(async () => t?.close());

const INBOUND: Record<string, object> = {
  text: { type: 'text', text: { body: 'Hi!' } },
  image: { type: 'image', image: { caption: 'the damage' } },
  location: { type: 'location', location: { latitude: 38.9, longitude: -77.03, name: 'Office' } },
  contacts: { type: 'contacts', contacts: [{ name: { formatted_name: 'Ann Lee' }, phones: [{ phone: '+1 202 555 0199', type: 'CELL' }] }] },
  reaction: { type: 'reaction', reaction: { message_id: 'wamid.SOMETHING', emoji: '❤️' } },
  button_reply: { type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'yes', title: 'Yes' } } },
  list_reply: { type: 'interactive', interactive: { type: 'list_reply', list_reply: { id: 'm9', title: '09:00' } } },
  template_button: { type: 'button', button: { text: 'Track order', payload: 'TRACK-1' } },
  flow_reply: { type: 'interactive', interactive: { type: 'nfm_reply', nfm_reply: { name: 'flow', body: 'Sent', response_json: '{"flow_token":"t","a":1}' } } },
  unsupported: { type: 'unsupported' },
};

describe('inbound messages', () => {
  it('stores every type exactly once, with the contact and the window of the number it was sent to', async () => {
    const wamids: Record<string, string> = {};
    for (const [name, body] of Object.entries(INBOUND)) {
      ({ wamid: wamids[name] } = await t.sim('POST', `/_sim/customers/${CUSTOMER}/messages`, { to_phone_number_id: tenant.metaPhoneNumberId, ...body }));
    }
    const rows = await t.waitFor('all stored', async () => {
      const r = await t.platform.deps.db.query<{ wamid: string; type: string; content: any; status: string }>(sql`
        SELECT wamid, type, content, status FROM messages WHERE org_id = ${tenant.orgId} AND direction = 'inbound'`);
      return r.length >= Object.keys(INBOUND).length ? r : null;
    });
    expect(rows).toHaveLength(Object.keys(INBOUND).length);
    for (const [name, body] of Object.entries(INBOUND)) {
      const row = rows.find((r) => r.wamid === wamids[name]);
      expect(row, name).toBeTruthy();
      expect(row!.type).toBe((body as { type: string }).type);
      expect(row!.status).toBe('received');
    }
    expect(rows.find((r) => r.wamid === wamids['template_button'])!.content.button.payload).toBe('TRACK-1');
    expect(rows.find((r) => r.wamid === wamids['flow_reply'])!.content.interactive.nfm_reply.response_json).toContain('flow_token');
    const [contact] = await t.platform.deps.db.query<{ name: string; wa_id: string }>(sql`
      SELECT name, wa_id FROM contacts WHERE org_id = ${tenant.orgId} AND phone_e164 = ${CUSTOMER}`);
    expect(contact!.wa_id).toBe(CUSTOMER.slice(1));
    expect(contact!.name).toBeTruthy();
    const windows = await t.platform.deps.db.query(sql`SELECT 1 FROM customer_windows WHERE org_id = ${tenant.orgId} AND phone_number_id = ${tenant.phoneNumberId}`);
    expect(windows).toHaveLength(1);
  });

  it('marks a customer\'s message read, with the typing indicator when asked; only customers\' messages', async () => {
    const [inbound] = await t.platform.deps.db.query<{ id: string }>(sql`SELECT id FROM messages WHERE org_id = ${tenant.orgId} AND direction = 'inbound' LIMIT 1`);
    const r = await t.api('POST', `/v1/messages/${inbound!.id}/read`, { key: tenant.apiKey, body: { typing_indicator: true } });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ id: inbound!.id, read: true, typing_indicator: true });
    const sent = await t.api('POST', '/v1/messages', { key: tenant.apiKey, body: { to: CUSTOMER, type: 'text', text: { body: 'on it' } } });
    expect(sent.status).toBe(202);
    expect((await t.api('POST', `/v1/messages/${sent.body.id}/read`, { key: tenant.apiKey, body: {} })).status).toBe(404);
  });
});
