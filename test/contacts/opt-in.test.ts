import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consentStates, effectiveConsent } from '../../src/contacts/consent-ledger.ts';
import { FORM_ATTEMPTS_PER_HOUR } from '../../src/contacts/opt-in/rate-limit.ts';
import { sql } from '../../src/db/sql.ts';
import { createApiKey } from '../../src/tenancy/api-keys.ts';
import { syncTemplates } from '../../src/templates/sync-templates.ts';
import { SIM, startTestPlatform, type Tenant, type TestPlatform } from '../helpers/test-platform.ts';

let t: TestPlatform;
let tenant: Tenant;
let slug: string;
const BUSINESS = 'Ana\'s Café & <Co>';
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) OptInTest/1.0';

beforeAll(async () => {
  t = await startTestPlatform({ workers: true });
  tenant = await t.createTenant('Opt-in shop', { optIn: false });
  slug = await slugOf(tenant);
});
afterAll(async () => t?.close());

async function slugOf(tn: Tenant) {
  const [org] = await t.platform.deps.db.query<{ slug: string }>(sql`SELECT slug FROM organizations WHERE id = ${tn.orgId}`);
  return org!.slug;
}

type Record_ = { id: string; purpose: string; state: string; source: string; actor: string; proof: Record<string, any> };
async function recordsOf(tn: Tenant, phone: string): Promise<Record_[]> {
  return t.platform.deps.db.query<Record_>(sql`
    SELECT r.id, r.purpose, r.state, r.source, r.actor, r.proof FROM consent_records r
    JOIN contacts c ON c.org_id = r.org_id AND c.id = r.contact_id
    WHERE r.org_id = ${tn.orgId} AND c.phone_e164 = ${phone} ORDER BY r.seq`);
}

const say = async (tn: Tenant, phone: string, body: object) =>
  (await t.sim('POST', `/_sim/customers/${phone}/messages`, { to_phone_number_id: tn.metaPhoneNumberId, ...body })).wamid as string;

async function sentTo(phone: string, type?: string): Promise<{ wamid: string; type: string; body: any }[]> {
  const { data } = await t.sim('GET', `/_sim/sent?to=${encodeURIComponent(phone)}`);
  return data.filter((s: { type: string }) => !type || s.type === type);
}

const unescapeHtml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** Opens the hosted page as a browser would: the form's fields, the text shown, the CSRF cookie. */
async function openForm(pageSlug: string) {
  const res = await fetch(`${t.url}/optin/${pageSlug}`, { headers: { 'user-agent': BROWSER } });
  const html = await res.text();
  const field = (name: string) => unescapeHtml(new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '');
  return {
    res, html,
    csrf: field('csrf_token'),
    version: field('consent_version'),
    consentText: unescapeHtml(/<label for="consent" id="consent-text">([^<]*)<\/label>/.exec(html)?.[1] ?? ''),
    cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]!,
  };
}

async function submit(pageSlug: string, fields: Record<string, string>, cookie?: string) {
  const res = await fetch(`${t.url}/optin/${pageSlug}`, {
    method: 'POST', body: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': BROWSER, ...(cookie ? { cookie } : {}) },
  });
  return { status: res.status, html: await res.text(), headers: res.headers };
}

describe('consent settings', () => {
  it('shows the defaults: the organization\'s name, keywords in four languages, a marketing cap of 2', async () => {
    const r = await t.api('GET', '/v1/consent/settings', { key: tenant.apiKey });
    expect(r.status).toBe(200);
    const [org] = await t.platform.deps.db.query<{ name: string }>(sql`SELECT name FROM organizations WHERE id = ${tenant.orgId}`);
    expect(r.body.business_name).toBe(org!.name);
    expect(r.body.opt_out_keywords).toEqual(expect.arrayContaining(['STOP', 'UNSUBSCRIBE', 'band karo', 'बंद करो', 'रोकें', 'BAJA', 'PARAR', 'SAIR']));
    expect(r.body.opt_in_keywords).toContain('START');
    expect(r.body.marketing_cap_per_24h).toBe(2);
    expect(r.body.double_opt_in).toBe(false);
  });

  it('changes with contacts:write only, refuses a keyword in two lists and a confirmation that does not name the business', async () => {
    const { secret: readOnly } = await createApiKey(t.platform.deps.db, tenant.orgId, { name: 'reader', mode: 'test', scopes: ['contacts:read'] });
    expect((await t.api('GET', '/v1/consent/settings', { key: readOnly })).status).toBe(200);
    expect((await t.api('PATCH', '/v1/consent/settings', { key: readOnly, body: { business_name: 'X' } })).status).toBe(403);
    const clash = await t.api('PATCH', '/v1/consent/settings', { key: tenant.apiKey, body: { opt_in_keywords: ['START', 'stop!'] } });
    expect(clash.status).toBe(400);
    expect(JSON.stringify(clash.body.error.details)).toContain('opt_in_keywords');
    const vague = await t.api('PATCH', '/v1/consent/settings', { key: tenant.apiKey, body: { opt_in_confirmation: 'Thanks, you are in.' } });
    expect(vague.status).toBe(400);
    const noTemplate = await t.api('PATCH', '/v1/consent/settings', { key: tenant.apiKey, body: { double_opt_in: true } });
    expect(noTemplate.status).toBe(400);
    const unknownTemplate = await t.api('PATCH', '/v1/consent/settings', {
      key: tenant.apiKey, body: { double_opt_in: true, double_opt_in_template: { name: 'no_such_template', language: { code: 'en_US' } } },
    });
    expect(unknownTemplate.status).toBe(422);
    const ok = await t.api('PATCH', '/v1/consent/settings', { key: tenant.apiKey, body: { business_name: BUSINESS, marketing_cap_per_24h: 3 } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ business_name: BUSINESS, marketing_cap_per_24h: 3, double_opt_in: false });
    expect((await t.api('GET', '/v1/consent/settings', { key: tenant.apiKey })).body.business_name).toBe(BUSINESS);
  });
});

describe('keyword opt-in', () => {
  it('START opts the customer in, with their message and the business\'s confirmation as proof, confirmed once', async () => {
    const phone = '+12025550130';
    const wamid = await say(tenant, phone, { type: 'text', text: { body: 'Start' } });
    const [record] = await t.waitFor('the opt-in', async () => {
      const r = await recordsOf(tenant, phone);
      return r.length > 0 ? r : null;
    });
    expect(record).toMatchObject({ purpose: 'all', state: 'opted_in', source: 'keyword', actor: 'customer' });
    expect(record!.proof).toMatchObject({ text: 'Start', wamid });
    expect(record!.proof.confirmation_text).toBe(`You are now subscribed to messages from ${BUSINESS} on WhatsApp. Reply STOP at any time to unsubscribe.`);
    const texts = await t.waitFor('the confirmation', async () => {
      const s = await sentTo(phone, 'text');
      return s.length > 0 ? s : null;
    });
    expect(texts).toHaveLength(1);
    expect(texts[0]!.body.text.body).toBe(record!.proof.confirmation_text);
  });

  it('a "yes" with nothing pending is conversation', async () => {
    const phone = '+12025550131';
    const wamid = await say(tenant, phone, { type: 'text', text: { body: 'yes' } });
    await t.waitFor('stored', async () => (await t.platform.deps.db.query(sql`SELECT 1 FROM messages WHERE org_id = ${tenant.orgId} AND wamid = ${wamid}`)).length > 0);
    expect(await recordsOf(tenant, phone)).toEqual([]);
  });
});

describe('the hosted opt-in page', () => {
  it('serves a form with the consent text naming the business and WhatsApp, an unticked box, a CSRF token and a strict CSP', async () => {
    const form = await openForm(slug);
    expect(form.res.status).toBe(200);
    expect(form.res.headers.get('content-type')).toContain('text/html');
    const csp = form.res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(form.consentText).toContain(BUSINESS);
    expect(form.consentText).toContain('WhatsApp');
    expect(form.html).not.toContain('<Co>'); // escaped
    expect(/<input type="checkbox"[^>]*>/.exec(form.html)![0]).not.toContain('checked');
    expect(form.csrf).toMatch(/^\d+\.[\w-]+\.[0-9a-f]{64}$/);
    expect(form.cookie).toMatch(/^xp_optin_csrf=[\w-]+$/);
    expect(form.res.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
    expect((await fetch(`${t.url}/optin/no-such-business`)).status).toBe(404);
  });

  it('refuses a submission without its CSRF token or cookie, without the ticked box, or with an invalid number; records nothing', async () => {
    const phone = '+12025550132';
    const form = await openForm(slug);
    const fields = { phone, consent: 'yes', csrf_token: form.csrf, consent_version: form.version };
    expect((await submit(slug, { ...fields, csrf_token: '' }, form.cookie)).status).toBe(403);
    expect((await submit(slug, fields)).status).toBe(403);
    const other = await openForm(slug);
    expect((await submit(slug, fields, other.cookie)).status).toBe(403); // another page's cookie
    const unticked = await submit(slug, { phone, csrf_token: form.csrf, consent_version: form.version }, form.cookie);
    expect(unticked.status).toBe(400);
    expect(unticked.html).toContain('Tick the box');
    const invalid = await submit(slug, { ...fields, phone: '12345' }, form.cookie);
    expect(invalid.status).toBe(400);
    expect(invalid.html).toMatch(/class="error"/);
    expect(await recordsOf(tenant, phone)).toEqual([]);
  });

  it('records an opt-in with the exact text shown, the page URL, the address and the browser as proof', async () => {
    const form = await openForm(slug);
    // A national number, read in the organization's country (US).
    const done = await submit(slug, { phone: '(202) 555-0133', consent: 'yes', csrf_token: form.csrf, consent_version: form.version }, form.cookie);
    expect(done.status, done.html).toBe(200);
    expect(done.html).toContain('Thank you');
    const [record] = await recordsOf(tenant, '+12025550133');
    expect(record).toMatchObject({ purpose: 'all', state: 'opted_in', source: 'web_form', actor: 'customer' });
    expect(record!.proof).toEqual({ text: form.consentText, url: `${t.url}/optin/${slug}`, ip: '127.0.0.1', user_agent: BROWSER });
  });

  it('asks again when the wording changed after the page was served', async () => {
    const form = await openForm(slug);
    await t.api('PATCH', '/v1/consent/settings', { key: tenant.apiKey, body: { business_name: 'Ana Renamed' } });
    const r = await submit(slug, { phone: '+12025550134', consent: 'yes', csrf_token: form.csrf, consent_version: form.version }, form.cookie);
    expect(r.status).toBe(409);
    expect(r.html).toContain('Ana Renamed');
    expect(await recordsOf(tenant, '+12025550134')).toEqual([]);
    await t.api('PATCH', '/v1/consent/settings', { key: tenant.apiKey, body: { business_name: BUSINESS } });
  });

  it(`takes at most ${FORM_ATTEMPTS_PER_HOUR} submissions an hour from one address`, async () => {
    const other = await t.createTenant('Rate limited', { optIn: false });
    const otherSlug = await slugOf(other);
    for (let i = 0; i < FORM_ATTEMPTS_PER_HOUR; i++) expect((await submit(otherSlug, { phone: '+12025550135' })).status).toBe(403);
    const limited = await submit(otherSlug, { phone: '+12025550135' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Counted per organization: this organization's page still answers the same address.
    expect((await submit(slug, { phone: '+12025550135' })).status).toBe(403);
  });

  it('is linked from an embeddable snippet and a wa.me link with the opt-in keyword', async () => {
    const r = await t.api('GET', '/v1/consent/opt-in-link', { key: tenant.apiKey });
    expect(r.status).toBe(200);
    expect(r.body.page_url).toBe(`${t.url}/optin/${slug}`);
    expect(r.body.html).toContain(`href="${t.url}/optin/${slug}"`);
    expect(r.body.html).toContain('Ana&#39;s Café &amp; &lt;Co&gt;');
    expect(r.body.keyword).toBe('START');
    const [number] = await t.platform.deps.db.query<{ display_phone_number: string }>(sql`SELECT display_phone_number FROM phone_numbers WHERE org_id = ${tenant.orgId}`);
    expect(r.body.whatsapp_links).toEqual([{
      phone_number_id: tenant.phoneNumberId, display_phone_number: number!.display_phone_number,
      url: `https://wa.me/${number!.display_phone_number.replace(/\D/g, '')}?text=START`,
    }]);
  });
});

describe('double opt-in', () => {
  let doi: Tenant;
  let doiSlug: string;
  beforeAll(async () => {
    doi = await t.createTenant('Double', { optIn: false });
    doiSlug = await slugOf(doi);
    await createTemplate(doi, 'confirm_subscription', 'UTILITY', [
      { type: 'BODY', text: 'Please confirm that you want to receive messages from us on WhatsApp.' },
      { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Yes' }, { type: 'QUICK_REPLY', text: 'No' }] },
    ]);
    const r = await t.api('PATCH', '/v1/consent/settings', {
      key: doi.apiKey, body: { double_opt_in: true, double_opt_in_template: { name: 'confirm_subscription', language: { code: 'en_US' } } },
    });
    expect(r.status, r.text).toBe(200);
  });

  const pendingOf = (phone: string) => t.platform.deps.db.query<{ id: string; message_id: string; confirmed_at: Date | null }>(sql`
    SELECT p.id, p.message_id, p.confirmed_at FROM pending_opt_ins p JOIN contacts c ON c.org_id = p.org_id AND c.id = p.contact_id
    WHERE p.org_id = ${doi.orgId} AND c.phone_e164 = ${phone}`);

  async function submitted(phone: string) {
    const form = await openForm(doiSlug);
    const r = await submit(doiSlug, { phone, consent: 'yes', csrf_token: form.csrf, consent_version: form.version }, form.cookie);
    expect(r.status, r.html).toBe(200);
    expect(r.html).toContain('We have sent a message to your WhatsApp');
    const [request] = await t.waitFor('the confirmation template sent', async () => {
      const s = await sentTo(phone, 'template');
      return s.length > 0 ? s : null;
    });
    return { form, request: request! };
  }

  it('consent counts only once the customer confirms; the opt-in then carries the form\'s proof and links the pending one', async () => {
    const phone = '+12025550140';
    const { form, request } = await submitted(phone);
    expect(request.body.template.name).toBe('confirm_subscription');
    const [pending] = await pendingOf(phone);
    expect(pending!.confirmed_at).toBeNull();
    expect(await recordsOf(doi, phone)).toEqual([]);
    // Submitting again while it is open sends no second template.
    const again = await openForm(doiSlug);
    expect((await submit(doiSlug, { phone, consent: 'yes', csrf_token: again.csrf, consent_version: again.version }, again.cookie)).status).toBe(200);
    expect(await pendingOf(phone)).toHaveLength(1);

    const wamid = await say(doi, phone, { type: 'button', button: { text: 'Yes', payload: 'Yes' }, context: { id: request.wamid } });
    const [record] = await t.waitFor('the confirmed opt-in', async () => {
      const r = await recordsOf(doi, phone);
      return r.length > 0 ? r : null;
    });
    expect(record).toMatchObject({ purpose: 'all', state: 'opted_in', source: 'double_opt_in', actor: 'customer' });
    expect(record!.proof).toMatchObject({
      text: form.consentText, url: `${t.url}/optin/${doiSlug}`, ip: '127.0.0.1', user_agent: BROWSER,
      pending_opt_in_id: pending!.id, confirmation_request_message_id: pending!.message_id,
      confirmed_with: { text: 'Yes', wamid },
    });
    expect((await pendingOf(phone))[0]!.confirmed_at).not.toBeNull();
    const [contact] = await t.platform.deps.db.query<{ id: string }>(sql`SELECT id FROM contacts WHERE org_id = ${doi.orgId} AND phone_e164 = ${phone}`);
    expect(effectiveConsent(await consentStates(t.platform.deps.db, doi.orgId, contact!.id), 'marketing')?.state).toBe('opted_in');
    await t.waitFor('the opt-in confirmation text', async () => (await sentTo(phone, 'text')).length === 1);
    expect(await sentTo(phone, 'template')).toHaveLength(1);
  });

  it('through the API: the proof is checked, one template goes, and consent counts once the customer confirms', async () => {
    const phone = '+12025550142';
    const bad = await t.api('POST', '/v1/consents/double-opt-in', { key: doi.apiKey, body: { phone, purpose: 'marketing', source: 'api', proof: { text: 'Send me deals' } } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).toContain('body.proof.text');
    expect(await pendingOf(phone)).toEqual([]);
    expect(await sentTo(phone)).toEqual([]);

    const text = `I would like deals from ${(await t.api('GET', '/v1/consent/settings', { key: doi.apiKey })).body.business_name} on WhatsApp.`;
    const r = await t.api('POST', '/v1/consents/double-opt-in', { key: doi.apiKey, body: { phone, purpose: 'marketing', source: 'api', proof: { text, ip: '198.51.100.4' } } });
    expect(r.status, r.text).toBe(202);
    expect(r.body.reused).toBe(false);
    const again = await t.api('POST', '/v1/consents/double-opt-in', { key: doi.apiKey, body: { phone, purpose: 'marketing', source: 'api', proof: { text } } });
    expect(again.body).toMatchObject({ pending_opt_in_id: r.body.pending_opt_in_id, reused: true });
    const [request] = await t.waitFor('the confirmation template sent', async () => {
      const s = await sentTo(phone, 'template');
      return s.length > 0 ? s : null;
    });
    expect(await recordsOf(doi, phone)).toEqual([]);
    await say(doi, phone, { type: 'button', button: { text: 'Yes', payload: 'Yes' }, context: { id: request!.wamid } });
    const [record] = await t.waitFor('the confirmed opt-in', async () => {
      const rows = await recordsOf(doi, phone);
      return rows.length > 0 ? rows : null;
    });
    expect(record).toMatchObject({ purpose: 'marketing', state: 'opted_in', source: 'double_opt_in' });
    expect(record!.proof).toMatchObject({ text, ip: '198.51.100.4', pending_opt_in_id: r.body.pending_opt_in_id });
    expect(await sentTo(phone, 'template')).toHaveLength(1);
  });

  it('an answer after the pending opt-in expired records nothing', async () => {
    const phone = '+12025550141';
    await submitted(phone);
    await t.platform.deps.db.query(sql`
      UPDATE pending_opt_ins SET expires_at = now() - interval '1 minute'
      WHERE org_id = ${doi.orgId} AND contact_id = (SELECT id FROM contacts WHERE org_id = ${doi.orgId} AND phone_e164 = ${phone})`);
    const wamid = await say(doi, phone, { type: 'text', text: { body: 'YES' } });
    await t.waitFor('stored', async () => (await t.platform.deps.db.query(sql`SELECT 1 FROM messages WHERE org_id = ${doi.orgId} AND wamid = ${wamid}`)).length > 0);
    expect(await recordsOf(doi, phone)).toEqual([]);
    expect((await pendingOf(phone))[0]!.confirmed_at).toBeNull();
    expect(await sentTo(phone, 'text')).toEqual([]);
  });
});

async function createTemplate(tn: Tenant, name: string, category: string, components: object[]) {
  const res = await fetch(`${t.simUrl}/v26.0/${tn.wabaId}/message_templates`, {
    method: 'POST', headers: { authorization: `Bearer ${SIM.accessToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name, language: 'en_US', category, components }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  const [number] = await t.platform.deps.db.query<{ account_id: string }>(sql`SELECT account_id FROM phone_numbers WHERE org_id = ${tn.orgId}`);
  await t.waitFor(`${name} approved`, async () => {
    await syncTemplates(t.platform.deps, tn.orgId, number!.account_id);
    const rows = await t.platform.deps.db.query<{ status: string }>(sql`SELECT status FROM templates WHERE org_id = ${tn.orgId} AND name = ${name}`);
    return rows[0]?.status === 'APPROVED';
  });
}
