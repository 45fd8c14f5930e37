import { sql } from '../../src/db/sql.ts';
import { syncTemplates } from '../../src/templates/sync-templates.ts';
import { SIM, type Tenant, type TestPlatform } from './test-platform.ts';

export const helloWorld = (to: string) => ({ to, type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } });

/** The simulated customers, +1 202 555 0100 … 0199. */
export const customer = (i: number) => `+1202555${String(100 + (i % 100)).padStart(4, '0')}`;

/** A simulated customer writes to the tenant's number; resolves once the customer-service window is open. */
export async function customerWrites(t: TestPlatform, tenant: Tenant, phone: string, text = 'Hello'): Promise<void> {
  await t.sim('POST', `/_sim/customers/${phone.replace(/^\+/, '')}/messages`, { to_phone_number_id: tenant.metaPhoneNumberId, type: 'text', text: { body: text } });
  await t.waitFor('the window open', async () => (await t.platform.deps.db.query(sql`
    SELECT 1 FROM customer_windows w JOIN contacts c ON c.org_id = w.org_id AND c.id = w.contact_id
    WHERE w.org_id = ${tenant.orgId} AND c.phone_e164 = ${phone}`)).length > 0);
}

export async function setRate(t: TestPlatform, tenant: Tenant, mps: number) {
  await t.platform.deps.db.query(sql`UPDATE phone_numbers SET throughput_mps = ${mps} WHERE org_id = ${tenant.orgId} AND id = ${tenant.phoneNumberId}`);
}

export async function sendMany(t: TestPlatform, tenant: Tenant, bodies: object[]): Promise<string[]> {
  const ids: string[] = [];
  for (const body of bodies) {
    const r = await t.api('POST', '/v1/messages', { key: tenant.apiKey, body });
    if (r.status !== 202) throw new Error(`send refused: ${r.status} ${r.text}`);
    ids.push(r.body.id);
  }
  return ids;
}

export type SimSend = { wamid: string; to: string; time: string; body: { biz_opaque_callback_data?: string; template?: { name: string } } };

export async function simSends(t: TestPlatform, tenant: Tenant): Promise<SimSend[]> {
  const r = await t.sim('GET', `/_sim/sent?phone_number_id=${tenant.metaPhoneNumberId}`);
  const list: SimSend[] = Array.isArray(r) ? r : r.data;
  return [...list].sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
}

export async function statusCounts(t: TestPlatform, tenant: Tenant) {
  const rows = await t.platform.deps.db.query<{ status: string; n: number }>(sql`
    SELECT status, count(*)::int AS n FROM messages WHERE org_id = ${tenant.orgId} AND direction = 'outbound' GROUP BY status`);
  return Object.fromEntries(rows.map((r) => [r.status, r.n])) as Record<string, number>;
}

/** The most sends that reached the Cloud API in any one-second window. */
export function maxPerSecond(sends: SimSend[]): number {
  const times = sends.map((s) => Date.parse(s.time)).sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i]! - times[j]! >= 1000) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

/** Creates an approved template on the tenant's simulated WABA and pulls it into the platform. */
export async function addTemplate(t: TestPlatform, tenant: Tenant, name: string, category: 'MARKETING' | 'UTILITY', text: string, extra: object[] = []) {
  const res = await fetch(`${t.simUrl}/v26.0/${tenant.wabaId}/message_templates`, {
    method: 'POST',
    headers: { authorization: `Bearer ${SIM.accessToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      name, language: 'en_US', category,
      // Meta's order: header, body, footer, buttons.
      components: [...extra.filter((c) => (c as { type: string }).type === 'HEADER'), { type: 'BODY', text }, ...extra.filter((c) => (c as { type: string }).type !== 'HEADER')],
    }),
  });
  if (!res.ok) throw new Error(`template create failed: ${await res.text()}`);
  const { id } = (await res.json()) as { id: string };
  const [account] = await t.platform.deps.db.query<{ account_id: string }>(sql`
    SELECT account_id FROM phone_numbers WHERE org_id = ${tenant.orgId} AND id = ${tenant.phoneNumberId}`);
  await t.waitFor(`template ${name} approved`, async () => {
    await syncTemplates(t.platform.deps, tenant.orgId, account!.account_id);
    const list = await t.api('GET', '/v1/templates?limit=200', { key: tenant.apiKey });
    return list.body.data.find((x: any) => x.meta_template_id === id && x.status === 'APPROVED');
  });
}

/** Connects a second simulated number of the same WABA to the tenant; returns its id (pn_…). */
export async function addNumber(t: TestPlatform, tenant: Tenant): Promise<string> {
  const number = await t.sim('POST', '/_sim/phone-numbers', { waba_id: tenant.wabaId });
  const r = await t.api('POST', '/v1/phone-numbers', {
    key: tenant.apiKey,
    body: { waba_id: tenant.wabaId, phone_number_id: number.id, access_token: SIM.accessToken, app_secret: SIM.appSecret, verify_token: SIM.verifyToken },
  });
  if (r.status !== 201) throw new Error(`second number refused: ${r.text}`);
  return r.body.id;
}

/** Queues many messages in one request (the batch API), so a backlog exists at once, whatever the machine's speed. */
export async function sendBatch(t: TestPlatform, tenant: Tenant, bodies: object[]): Promise<string[]> {
  const r = await t.api('POST', '/v1/messages/batch', { key: tenant.apiKey, body: { messages: bodies } });
  if (r.status !== 200 || r.body.refused > 0) throw new Error(`batch refused: ${r.status} ${r.text}`);
  return r.body.data.map((d: { id: string }) => d.id);
}
