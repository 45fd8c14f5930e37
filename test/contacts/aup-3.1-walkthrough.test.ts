import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../src/db/sql.ts';
import { addTemplate } from '../helpers/dispatch-helpers.ts';
import { startTestPlatform, type Tenant, type TestPlatform } from '../helpers/test-platform.ts';

// AUP 3.1 "Spam & unsolicited messages", walked end to end the way a customer lives it: nothing before consent,
// consent by the customer's own START, "Stop promotions" stops marketing only, STOP stops everything — and the
// ledger that recorded all of it verifies.

let t: TestPlatform;
let tenant: Tenant;
const CUSTOMER = '+12025550150';

const template = (name: string) => ({ to: CUSTOMER, type: 'template', template: { name, language: { code: 'en_US' } } });
const send = (name: string) => t.api('POST', '/v1/messages', { key: tenant.apiKey, body: template(name) });
const say = async (body: object) => (await t.sim('POST', `/_sim/customers/${CUSTOMER}/messages`, { to_phone_number_id: tenant.metaPhoneNumberId, ...body })).wamid as string;

async function ledgerOfCustomer() {
  return t.platform.deps.db.query<{ purpose: string; state: string; source: string; proof: Record<string, unknown> }>(sql`
    SELECT r.purpose, r.state, r.source, r.proof FROM consent_records r JOIN contacts c ON c.org_id = r.org_id AND c.id = r.contact_id
    WHERE r.org_id = ${tenant.orgId} AND c.phone_e164 = ${CUSTOMER} ORDER BY r.seq`);
}

async function delivered(messageId: string) {
  return t.waitFor(`${messageId} delivered`, async () => {
    const m = await t.api('GET', `/v1/messages/${messageId}`, { key: tenant.apiKey });
    return ['delivered', 'read'].includes(m.body.status) ? m.body : null;
  });
}

beforeAll(async () => {
  t = await startTestPlatform({ workers: true });
  tenant = await t.createTenant('Walkthrough Shoes', { optIn: false });
  await addTemplate(t, tenant, 'new_collection', 'MARKETING', 'Our new collection is in stores now.', [
    { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Stop promotions' }] },
  ]);
  await addTemplate(t, tenant, 'shipping_update', 'UTILITY', 'Your order has shipped.');
}, 60_000);
afterAll(() => t?.close());

describe('AUP 3.1 walked through', () => {
  it('refuses before consent, sends after START, honours "Stop promotions" for marketing only and STOP for all', async () => {
    // 1. No consent yet: a template is refused, citing the clause; nothing is queued.
    const refused = await send('new_collection');
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'consent_required', policy_clause: '3.1' });
    const { data: sentBefore } = await t.sim('GET', `/_sim/sent?to=${encodeURIComponent(CUSTOMER)}`);
    expect(sentBefore).toEqual([]);

    // 2. The customer writes START: an opt-in with their message as proof, and both purposes go.
    await say({ type: 'text', text: { body: 'START' } });
    await t.waitFor('the opt-in recorded', async () => (await ledgerOfCustomer()).length === 1);
    expect((await ledgerOfCustomer())[0]).toMatchObject({ purpose: 'all', state: 'opted_in', source: 'keyword' });
    const offer = await send('new_collection');
    expect(offer.status).toBe(202);
    const offerSent = await delivered(offer.body.id);
    expect((await send('shipping_update')).status).toBe(202);

    // 3. The customer taps "Stop promotions" on the offer: marketing stops, utility still goes.
    const { data: sends } = await t.sim('GET', `/_sim/sent?to=${encodeURIComponent(CUSTOMER)}`);
    const offerWamid = sends.find((s: { type: string; body: { template?: { name: string } } }) => s.body.template?.name === 'new_collection').wamid;
    expect(offerWamid).toBe(offerSent.wamid);
    await say({ type: 'button', button: { text: 'Stop promotions', payload: 'Stop promotions' }, context: { id: offerWamid } });
    await t.waitFor('the marketing opt-out recorded', async () => (await ledgerOfCustomer()).length === 2);
    expect((await ledgerOfCustomer())[1]).toMatchObject({ purpose: 'marketing', state: 'opted_out', source: 'button' });
    const marketing = await send('new_collection');
    expect(marketing.status).toBe(422);
    expect(marketing.body.error).toMatchObject({ code: 'contact_opted_out', policy_clause: '3.1' });
    const utility = await send('shipping_update');
    expect(utility.status).toBe(202);
    await delivered(utility.body.id);

    // 4. The customer replies STOP: every business-initiated message is refused.
    await say({ type: 'text', text: { body: 'STOP' } });
    await t.waitFor('the full opt-out recorded', async () => (await ledgerOfCustomer()).length === 3);
    expect((await ledgerOfCustomer())[2]).toMatchObject({ purpose: 'all', state: 'opted_out', source: 'keyword', proof: expect.objectContaining({ text: 'STOP' }) });
    expect((await send('shipping_update')).body.error).toMatchObject({ code: 'contact_opted_out', policy_clause: '3.1' });
    expect((await send('new_collection')).body.error).toMatchObject({ code: 'contact_opted_out', policy_clause: '3.1' });

    // 5. Every refusal is a compliance signal, and the ledger that decided all of this verifies.
    const signals = await t.platform.deps.db.query<{ kind: string }>(sql`
      SELECT kind FROM compliance_signals WHERE org_id = ${tenant.orgId} ORDER BY id`);
    expect(signals.map((s) => s.kind)).toEqual(['send_refused_no_consent', 'send_refused_opted_out', 'send_refused_opted_out', 'send_refused_opted_out']);
    const verified = await t.api('GET', '/v1/consents/verify', { key: tenant.apiKey });
    expect(verified.body).toMatchObject({ ok: true, records: 3 });
  });
});
