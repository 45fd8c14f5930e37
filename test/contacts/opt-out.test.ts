import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendConsents, consentStates, effectiveConsent } from '../../src/contacts/consent-ledger.ts';
import { findOrCreateContact } from '../../src/contacts/store.ts';
import { sql } from '../../src/db/sql.ts';
import { syncTemplates } from '../../src/templates/sync-templates.ts';
import { signPayload } from '../../src/whatsapp/verify-signature.ts';
import { SIM, startTestPlatform, type Tenant, type TestPlatform } from '../helpers/test-platform.ts';

let t: TestPlatform;
let tenant: Tenant;
let business: string;

beforeAll(async () => {
  t = await startTestPlatform({ workers: true });
  tenant = await t.createTenant('Stopwatch Store', { optIn: false });
  business = (await t.api('GET', '/v1/consent/settings', { key: tenant.apiKey })).body.business_name;
  await createTemplate(t, tenant, 'spring_offer', 'MARKETING', [
    { type: 'BODY', text: 'Our spring sale starts today, with new arrivals in every store.' },
    { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Stop promotions' }] },
  ]);
});
afterAll(async () => t?.close());

type Record_ = { id: string; purpose: string; state: string; source: string; actor: string; proof: Record<string, any> };

async function recordsOf(phone: string): Promise<Record_[]> {
  return t.platform.deps.db.query<Record_>(sql`
    SELECT r.id, r.purpose, r.state, r.source, r.actor, r.proof FROM consent_records r
    JOIN contacts c ON c.org_id = r.org_id AND c.id = r.contact_id
    WHERE r.org_id = ${tenant.orgId} AND c.phone_e164 = ${phone} ORDER BY r.seq`);
}

async function optIn(phone: string) {
  const contactId = (await findOrCreateContact(t.platform.deps.db, tenant.orgId, phone)).id;
  const [record] = await appendConsents(t.platform.deps.db, tenant.orgId, [{
    contactId, purpose: 'all', state: 'opted_in', source: 'web_form', actor: 'api_key:test',
    proof: { text: `I agree to receive messages from ${business} on WhatsApp.`, url: 'https://example.com/signup' },
  }]);
  return { contactId, record: record! };
}

const say = async (phone: string, body: object) => (await t.sim('POST', `/_sim/customers/${phone}/messages`, { to_phone_number_id: tenant.metaPhoneNumberId, ...body })).wamid as string;

/** What reached "Meta" for this customer, by type. */
async function sentTo(phone: string, type?: string): Promise<{ wamid: string; type: string; body: any }[]> {
  const { data } = await t.sim('GET', `/_sim/sent?to=${encodeURIComponent(phone)}`);
  return data.filter((s: { type: string }) => !type || s.type === type);
}

async function inboundStored(wamid: string) {
  return t.waitFor(`inbound ${wamid} stored`, async () => (await t.platform.deps.db.query(sql`
    SELECT 1 FROM messages WHERE org_id = ${tenant.orgId} AND wamid = ${wamid}`)).length > 0);
}

async function allWebhooksProcessed() {
  await t.waitFor('every stored webhook processed', async () => (await t.platform.deps.db.query<{ n: number }>(sql`
    SELECT count(*)::int AS n FROM whatsapp_webhook_events WHERE processed_at IS NULL`))[0]!.n === 0);
}

/** Meta delivering the same events again: once byte for byte (through the simulator), once re-serialized (other bytes, same events). */
async function redeliver(webhookId: string, payload: unknown) {
  await t.sim('POST', `/_sim/webhooks/${webhookId}/redeliver`);
  const bytes = JSON.stringify(payload, null, 1);
  const res = await fetch(`${t.url}/webhooks/whatsapp`, {
    method: 'POST', body: bytes, headers: { 'content-type': 'application/json', 'x-hub-signature-256': signPayload(bytes, SIM.appSecret) },
  });
  expect(res.status).toBe(200);
  await t.waitFor('both redeliveries delivered', async () => {
    const { data } = await t.sim('GET', '/_sim/webhooks');
    return data.filter((w: { payload: unknown; delivered: boolean }) => JSON.stringify(w.payload) === JSON.stringify(payload) && w.delivered).length >= 2;
  });
  await allWebhooksProcessed();
}

describe('opt-out keywords', () => {
  const CASES: [string, string, string][] = [
    ['English', '+12025550101', 'STOP'],
    ['English, with punctuation and spacing', '+12025550102', '  Stop all! '],
    ['Hindi (Latin)', '+12025550103', 'Band karo'],
    ['Hindi (Devanagari)', '+12025550104', 'बंद करो'],
    ['Hindi (Devanagari), polite form', '+12025550105', 'रोकें।'],
    ['Spanish', '+12025550106', 'Baja'],
    ['Spanish, with a diacritic-free keyword', '+12025550107', 'CANCELAR'],
    ['Portuguese', '+12025550108', 'sair'],
  ];

  it.each(CASES)('%s: a full opt-out with the exact message as proof, and one confirmation naming the business', async (_name, phone, text) => {
    const wamid = await say(phone, { type: 'text', text: { body: text } });
    const [record] = await t.waitFor('the opt-out recorded', async () => {
      const r = await recordsOf(phone);
      return r.length > 0 ? r : null;
    });
    expect(record).toMatchObject({ purpose: 'all', state: 'opted_out', source: 'keyword', actor: 'customer' });
    expect(record!.proof.text).toBe(text);
    expect(record!.proof.wamid).toBe(wamid);
    expect(record!.proof.message_id).toMatch(/^msg_/);
    const texts = await t.waitFor('the confirmation reaches the customer', async () => {
      const s = await sentTo(phone, 'text');
      return s.length > 0 ? s : null;
    });
    expect(texts).toHaveLength(1);
    expect(texts[0]!.body.text.body).toBe(`You will no longer receive messages from ${business} on WhatsApp. Reply START to resubscribe.`);
    expect(record!.proof.confirmation_text).toBe(texts[0]!.body.text.body);
  });

  it('a keyword inside a sentence is conversation, not an opt-out', async () => {
    const phone = '+12025550109';
    for (const body of ["please don't stop", 'stop sending me offers', 'STOP STOP']) {
      await inboundStored(await say(phone, { type: 'text', text: { body } }));
    }
    expect(await recordsOf(phone)).toEqual([]);
    expect(await sentTo(phone)).toEqual([]);
  });

  it('a redelivered webhook records once and confirms once', async () => {
    const phone = '+12025550110';
    const wamid = await say(phone, { type: 'text', text: { body: 'UNSUBSCRIBE' } });
    await t.waitFor('the opt-out recorded', async () => (await recordsOf(phone)).length === 1);
    const { data: [webhook] } = await t.sim('GET', `/_sim/webhooks?wamid=${wamid}`);
    await redeliver(webhook.id, webhook.payload);
    await t.waitFor('the confirmation sent', async () => (await sentTo(phone, 'text')).length > 0);
    expect(await recordsOf(phone)).toHaveLength(1);
    expect(await sentTo(phone, 'text')).toHaveLength(1);
    const queued = await t.platform.deps.db.query(sql`
      SELECT 1 FROM messages WHERE org_id = ${tenant.orgId} AND counterpart = ${phone} AND direction = 'outbound'`);
    expect(queued).toHaveLength(1);
  });

  it('keywords are the organization\'s to configure', async () => {
    const patched = await t.api('PATCH', '/v1/consent/settings', {
      key: tenant.apiKey,
      body: { opt_out_keywords: ['STOP', 'Pare agora'], opt_out_confirmation: 'Done: {business} will not write to you on WhatsApp again. Send {opt_in_keyword} to come back.' },
    });
    expect(patched.status).toBe(200);
    const phone = '+12025550111';
    await say(phone, { type: 'text', text: { body: 'pare agora' } });
    const texts = await t.waitFor('the custom confirmation', async () => {
      const s = await sentTo(phone, 'text');
      return s.length > 0 ? s : null;
    });
    expect(texts[0]!.body.text.body).toBe(`Done: ${business} will not write to you on WhatsApp again. Send START to come back.`);
    // BAJA is no longer one of this organization's keywords.
    const other = '+12025550112';
    await inboundStored(await say(other, { type: 'text', text: { body: 'BAJA' } }));
    expect(await recordsOf(other)).toEqual([]);
    expect((await t.api('PATCH', '/v1/consent/settings', { key: tenant.apiKey, body: { opt_out_keywords: null, opt_out_confirmation: null } })).status).toBe(200);
  });
});

describe('marketing opt-outs', () => {
  const sendOffer = async (phone: string) => {
    const r = await t.api('POST', '/v1/messages', { key: tenant.apiKey, body: { to: phone, type: 'template', template: { name: 'spring_offer', language: { code: 'en_US' } } } });
    expect(r.status, r.text).toBe(202);
    return r.body.id as string;
  };

  it('the "Stop promotions" quick reply stops marketing only, with the tap as proof and one confirmation', async () => {
    const phone = '+12025550120';
    const { contactId } = await optIn(phone);
    await sendOffer(phone);
    const [offer] = await t.waitFor('the offer sent', async () => {
      const s = await sentTo(phone, 'template');
      return s.length > 0 ? s : null;
    });
    const wamid = await say(phone, { type: 'button', button: { text: 'Stop promotions', payload: 'Stop promotions' }, context: { id: offer!.wamid } });
    const records = await t.waitFor('the marketing opt-out', async () => {
      const r = await recordsOf(phone);
      return r.length === 2 ? r : null;
    });
    expect(records[1]).toMatchObject({ purpose: 'marketing', state: 'opted_out', source: 'button', actor: 'customer' });
    expect(records[1]!.proof).toMatchObject({ text: 'Stop promotions', wamid });
    const states = await consentStates(t.platform.deps.db, tenant.orgId, contactId);
    expect(effectiveConsent(states, 'marketing')?.state).toBe('opted_out');
    expect(effectiveConsent(states, 'utility')?.state).toBe('opted_in');
    const texts = await t.waitFor('the confirmation', async () => {
      const s = await sentTo(phone, 'text');
      return s.length > 0 ? s : null;
    });
    expect(texts).toHaveLength(1);
    expect(texts[0]!.body.text.body).toContain(`no longer receive promotional messages from ${business} on WhatsApp`);
  });

  it('a marketing send Meta refuses with 131050 records a marketing opt-out with the error as proof, without a reply', async () => {
    const phone = '+12025550121';
    const { contactId } = await optIn(phone);
    // The customer stopped promotions before this business subscribed to user_preferences: only the failure tells.
    await t.sim('POST', `/_sim/customers/${phone}/state`, { marketing_stopped: true, notify: 'none', phone_number_id: tenant.metaPhoneNumberId });
    const messageId = await sendOffer(phone);
    const records = await t.waitFor('the opt-out from the failure', async () => {
      const r = await recordsOf(phone);
      return r.length === 2 ? r : null;
    });
    const message = (await t.api('GET', `/v1/messages/${messageId}`, { key: tenant.apiKey })).body;
    expect(message.status).toBe('failed');
    expect(records[1]).toMatchObject({ purpose: 'marketing', state: 'opted_out', source: 'meta_error', actor: 'customer' });
    expect(records[1]!.proof).toMatchObject({ error_code: 131050, message_id: messageId, wamid: message.wamid });
    expect(effectiveConsent(await consentStates(t.platform.deps.db, tenant.orgId, contactId), 'utility')?.state).toBe('opted_in');
    await allWebhooksProcessed();
    expect(await sentTo(phone, 'text')).toEqual([]);
  });

  it('user_preferences stop and resume: recorded once each however often Meta delivers them; resume restores the earlier opt-in', async () => {
    const phone = '+12025550122';
    const { contactId, record: optInRecord } = await optIn(phone);
    await t.sim('POST', `/_sim/customers/${phone}/state`, { marketing_stopped: true, phone_number_id: tenant.metaPhoneNumberId });
    const stopped = await t.waitFor('the stop recorded', async () => {
      const r = await recordsOf(phone);
      return r.length === 2 ? r : null;
    });
    expect(stopped[1]).toMatchObject({ purpose: 'marketing', state: 'opted_out', source: 'user_preference', actor: 'customer' });
    expect(stopped[1]!.proof).toMatchObject({ text: 'User requested to stop marketing messages', value: 'stop' });
    const stop = (await t.sim('GET', '/_sim/webhooks?event=stop')).data.find((w: { payload: unknown }) => JSON.stringify(w.payload).includes(phone.slice(1)));
    await redeliver(stop.id, stop.payload);
    expect(await recordsOf(phone)).toHaveLength(2);

    await t.sim('POST', `/_sim/customers/${phone}/state`, { marketing_stopped: false, phone_number_id: tenant.metaPhoneNumberId });
    const resumed = await t.waitFor('the resume recorded', async () => {
      const r = await recordsOf(phone);
      return r.length === 3 ? r : null;
    });
    expect(resumed[2]).toMatchObject({ purpose: 'marketing', state: 'opted_in', source: 'user_preference' });
    expect(resumed[2]!.proof.restores).toBe(optInRecord.id);
    expect(effectiveConsent(await consentStates(t.platform.deps.db, tenant.orgId, contactId), 'marketing')?.state).toBe('opted_in');
    await allWebhooksProcessed();
    expect(await sentTo(phone)).toEqual([]);
  });

  it('one stop reported twice (webhook and system message) is one opt-out; a resume never creates consent that was not given', async () => {
    const phone = '+12025550123';
    await t.sim('POST', `/_sim/customers/${phone}/state`, { marketing_stopped: true, notify: 'both', phone_number_id: tenant.metaPhoneNumberId });
    await t.waitFor('the stop recorded', async () => (await recordsOf(phone)).length > 0);
    await t.waitFor('both notices delivered', async () => {
      const { data } = await t.sim('GET', '/_sim/webhooks');
      return data.filter((w: { event: string; delivered: boolean }) => ['stop', 'message:system'].includes(w.event) && w.delivered).length >= 2;
    });
    await allWebhooksProcessed();
    expect(await recordsOf(phone)).toHaveLength(1);
    await t.sim('POST', `/_sim/customers/${phone}/state`, { marketing_stopped: false, phone_number_id: tenant.metaPhoneNumberId });
    await t.waitFor('the resume delivered', async () => {
      const { data } = await t.sim('GET', '/_sim/webhooks?event=resume');
      return data.some((w: { payload: any; delivered: boolean }) => w.delivered && JSON.stringify(w.payload).includes(phone.slice(1)));
    });
    await allWebhooksProcessed();
    const records = await recordsOf(phone);
    expect(records.map((r) => `${r.purpose}:${r.state}`)).toEqual(['marketing:opted_out']);
  });
});

async function createTemplate(tp: TestPlatform, tn: Tenant, name: string, category: string, components: object[]) {
  const res = await fetch(`${tp.simUrl}/v26.0/${tn.wabaId}/message_templates`, {
    method: 'POST', headers: { authorization: `Bearer ${SIM.accessToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name, language: 'en_US', category, components }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  const [number] = await tp.platform.deps.db.query<{ account_id: string }>(sql`SELECT account_id FROM phone_numbers WHERE org_id = ${tn.orgId}`);
  await tp.waitFor(`${name} approved`, async () => {
    await syncTemplates(tp.platform.deps, tn.orgId, number!.account_id);
    const rows = await tp.platform.deps.db.query<{ status: string }>(sql`SELECT status FROM templates WHERE org_id = ${tn.orgId} AND name = ${name}`);
    return rows[0]?.status === 'APPROVED';
  });
}
