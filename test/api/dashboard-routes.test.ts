import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../src/db/sql.ts';
import { recordQueued } from '../../src/messaging/outbox-store.ts';
import { createApiKey } from '../../src/tenancy/api-keys.ts';
import { addNumber, addTemplate, customer, helloWorld } from '../helpers/dispatch-helpers.ts';
import { startTestPlatform, type Tenant, type TestPlatform } from '../helpers/test-platform.ts';

// The routes the dashboard's views read (issue 9), over HTTP against the real platform and the simulator.

let t: TestPlatform;
let a: Tenant;
let b: Tenant;

beforeAll(async () => {
  t = await startTestPlatform();
  a = await t.createTenant('Dashboard A');
  b = await t.createTenant('Dashboard B');
});
afterAll(async () => t?.close());

const keyWith = async (tenant: Tenant, scopes: string[]) =>
  (await createApiKey(t.platform.deps.db, tenant.orgId, { name: `scopes ${scopes.join(' ')}`, mode: 'test', scopes })).secret;

const auditCount = async (orgId: string, action: string) => (await t.platform.deps.db.query<{ n: number }>(sql`
  SELECT count(*)::int AS n FROM audit_log WHERE org_id = ${orgId} AND action = ${action}`))[0]!.n;

const keyCount = async (orgId: string) => (await t.platform.deps.db.query<{ n: number }>(sql`
  SELECT count(*)::int AS n FROM api_keys WHERE org_id = ${orgId}`))[0]!.n;

/** Sends, and waits until the message settles in `status` (through the simulator's webhooks). */
async function sendAndSettle(tenant: Tenant, body: object, status: string): Promise<string> {
  const sent = await t.api('POST', '/v1/messages', { key: tenant.apiKey, body });
  expect(sent.status, sent.text).toBe(202);
  await t.waitFor(`${sent.body.id} ${status}`, async () => (await t.api('GET', `/v1/messages/${sent.body.id}`, { key: tenant.apiKey })).body.status === status);
  return sent.body.id;
}

describe('API keys: create and revoke', () => {
  let admin: string;
  beforeAll(async () => {
    admin = await keyWith(a, ['api_keys:read', 'api_keys:write', 'messages:read', 'messages:write']);
  });

  it('shows the secret once, lists only its hint, works, and is refused once revoked', async () => {
    const created = await t.api('POST', '/v1/api-keys', { key: admin, body: { name: 'CRM sync', mode: 'live', scopes: ['messages:read'] } });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ name: 'CRM sync', mode: 'live', scopes: ['messages:read'], revoked_at: null, allowed_cidrs: null });
    expect(created.body.secret).toMatch(/^xp_live_[0-9A-Za-z]{43}$/);
    expect(created.body.hint).toBe(`xp_live_…${created.body.secret.slice(-4)}`);

    const listed = await t.api('GET', '/v1/api-keys', { key: admin });
    const row = listed.body.data.find((k: any) => k.id === created.body.id);
    expect(row).toMatchObject({ hint: created.body.hint, scopes: ['messages:read'] });
    expect(row.secret).toBeUndefined();
    expect(listed.text).not.toContain(created.body.secret);

    const secret = created.body.secret;
    expect((await t.api('GET', '/v1/messages', { key: secret })).status).toBe(200);
    expect((await t.api('POST', '/v1/messages', { key: secret, body: helloWorld(customer(0)) })).status).toBe(403);

    const revoked = await t.api('DELETE', `/v1/api-keys/${created.body.id}`, { key: admin });
    expect(revoked.status, revoked.text).toBe(200);
    expect(revoked.body.revoked_at).toEqual(expect.any(String));
    expect((await t.api('GET', '/v1/messages', { key: secret })).status).toBe(401);
    expect(await auditCount(a.orgId, 'api_key.created')).toBeGreaterThanOrEqual(1);
    const [entry] = await t.platform.deps.db.query<{ actor: string }>(sql`
      SELECT actor FROM audit_log WHERE org_id = ${a.orgId} AND action = 'api_key.revoked' AND subject = ${created.body.id}`);
    expect(entry!.actor).toMatch(/^api_key:key_/);
  });

  it('without scopes, gives the default scopes the creating key holds', async () => {
    const created = await t.api('POST', '/v1/api-keys', { key: admin, body: { name: 'defaults', mode: 'test' } });
    expect(created.status, created.text).toBe(201);
    expect(created.body.scopes.sort()).toEqual(['api_keys:read', 'messages:read', 'messages:write']);
  });

  it('a key without api_keys:write cannot create or revoke, and nothing is written', async () => {
    const before = [await keyCount(a.orgId), await auditCount(a.orgId, 'api_key.created')];
    const r = await t.api('POST', '/v1/api-keys', { key: a.apiKey, body: { name: 'nope', mode: 'test' } });
    expect(r.status).toBe(403);
    expect(r.body.error).toMatchObject({ code: 'insufficient_scope', details: { required: 'api_keys:write' } });
    const victim = (await createApiKey(t.platform.deps.db, a.orgId, { name: 'victim', mode: 'test' })).key.id;
    expect((await t.api('DELETE', `/v1/api-keys/${victim}`, { key: a.apiKey })).status).toBe(403);
    expect([await keyCount(a.orgId) - 1, await auditCount(a.orgId, 'api_key.created') - 1]).toEqual(before);
  });

  it('a key cannot give a scope it lacks', async () => {
    const before = await keyCount(a.orgId);
    const r = await t.api('POST', '/v1/api-keys', { key: admin, body: { name: 'escalate', mode: 'live', scopes: ['messages:read', 'compliance:review', 'audit:read'] } });
    expect(r.status).toBe(403);
    expect(r.body.error).toMatchObject({ code: 'insufficient_scope', details: { not_held: ['compliance:review', 'audit:read'] } });
    expect(await keyCount(a.orgId)).toBe(before);
  });

  it('refuses bad input with the path, and revokes only its own organization\'s keys', async () => {
    for (const body of [{ name: '', mode: 'test' }, { name: 'x', mode: 'prod' }, { name: 'x', mode: 'test', scopes: ['everything'] }, { name: 'x', mode: 'test', extra: 1 }]) {
      const r = await t.api('POST', '/v1/api-keys', { key: admin, body });
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error.code).toBe('validation_failed');
    }
    const other = (await createApiKey(t.platform.deps.db, b.orgId, { name: 'B key', mode: 'test' })).key.id;
    expect((await t.api('DELETE', `/v1/api-keys/${other}`, { key: admin })).status).toBe(404);
    const [row] = await t.platform.deps.db.query<{ revoked_at: Date | null }>(sql`SELECT revoked_at FROM api_keys WHERE org_id = ${b.orgId} AND id = ${other}`);
    expect(row!.revoked_at).toBeNull();
  });
});

describe('GET /v1/stats/overview', () => {
  it('counts what the simulator sent, delivered, read and failed today, and replies; other days are zero', async () => {
    await t.sim('POST', `/_sim/customers/${customer(11)}/state`, { auto_read: false });
    await t.sim('POST', `/_sim/customers/${customer(12)}/state`, { unreachable: true });
    const readId = await sendAndSettle(a, helloWorld(customer(10)), 'read');
    await sendAndSettle(a, helloWorld(customer(10)), 'read');
    await sendAndSettle(a, helloWorld(customer(11)), 'delivered');
    await sendAndSettle(a, helloWorld(customer(12)), 'failed');
    await t.sim('POST', `/_sim/customers/${customer(13)}/messages`, { to_phone_number_id: a.metaPhoneNumberId, type: 'text', text: { body: 'hello' } });
    await t.waitFor('the reply stored', async () => (await t.platform.deps.db.query(sql`
      SELECT 1 FROM messages WHERE org_id = ${a.orgId} AND direction = 'inbound' AND counterpart = ${customer(13)}`)).length > 0);
    // B's traffic never shows in A's numbers.
    await sendAndSettle(b, helloWorld(customer(10)), 'read');
    // One of A's read messages, moved three days back, counts on that day.
    await t.platform.deps.db.query(sql`UPDATE messages SET created_at = now() - interval '3 days' WHERE org_id = ${a.orgId} AND id = ${readId}`);

    const r = await t.api('GET', '/v1/stats/overview?days=7&tz=UTC', { key: a.apiKey });
    expect(r.status, r.text).toBe(200);
    expect(r.body.time_zone).toBe('UTC');
    expect(r.body.series).toHaveLength(7);
    // The days A's messages were created on (UTC), read back: a run crossing midnight splits today's across two.
    const busy = new Set((await t.platform.deps.db.query<{ date: string }>(sql`
      SELECT DISTINCT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS date FROM messages WHERE org_id = ${a.orgId}`)).map((x) => x.date));
    const threeDaysAgo = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
    expect(r.body.today.date).toBe(new Date().toISOString().slice(0, 10));
    expect(r.body.series.at(-1)).toEqual(r.body.today);
    const total = (k: string) => r.body.series.reduce((n: number, day: any) => n + day[k], 0);
    expect({ sent: total('sent'), delivered: total('delivered'), read: total('read'), failed: total('failed'), replied: total('replied') })
      .toEqual({ sent: 3, delivered: 3, read: 2, failed: 1, replied: 1 });
    expect(r.body.series.find((day: any) => day.date === threeDaysAgo)).toEqual({ date: threeDaysAgo, sent: 1, delivered: 1, read: 1, failed: 0, replied: 0 });
    for (const day of r.body.series.filter((x: any) => !busy.has(x.date))) {
      expect(day, day.date).toEqual({ date: day.date, sent: 0, delivered: 0, read: 0, failed: 0, replied: 0 });
    }
    expect(r.body.series.filter((x: any) => !busy.has(x.date)).length).toBeGreaterThanOrEqual(4);
    if (busy.size === 2) expect(r.body.today).toEqual({ date: r.body.today.date, sent: 2, delivered: 2, read: 1, failed: 1, replied: 1 });
    expect(r.body.series.map((d: any) => d.date)).toEqual([...r.body.series.map((d: any) => d.date)].sort());
    expect(r.body.phone_numbers).toEqual([expect.objectContaining({ id: a.phoneNumberId, send_rate_mps: expect.any(Number) })]);
    expect(r.body.phone_numbers[0]).toHaveProperty('quality_rating');
    expect(r.body.phone_numbers[0]).toHaveProperty('messaging_limit_tier');

    const other = await t.api('GET', '/v1/stats/overview', { key: b.apiKey });
    expect(other.body.series).toHaveLength(14);
    const otherTotal = (k: string) => other.body.series.reduce((n: number, day: any) => n + day[k], 0);
    expect([otherTotal('sent'), otherTotal('read'), otherTotal('failed'), otherTotal('replied')]).toEqual([1, 1, 0, 0]);
    expect(other.body.phone_numbers.map((n: any) => n.id)).toEqual([b.phoneNumberId]);
  });

  it('refuses days out of 1–90 and unknown time zones with the parameter named', async () => {
    for (const query of ['days=0', 'days=91', 'days=abc', 'tz=Not/AZone', 'tz=%2B05:30', 'tz=', 'extra=1']) {
      const r = await t.api('GET', `/v1/stats/overview?${query}`, { key: a.apiKey });
      expect(r.status, query).toBe(400);
      expect(r.body.error.code, query).toBe('validation_failed');
      expect(JSON.stringify(r.body.error.details), query).toMatch(/querystring/);
    }
    const zoned = await t.api('GET', '/v1/stats/overview?days=1&tz=Asia/Kolkata', { key: a.apiKey });
    expect(zoned.status).toBe(200);
    expect(zoned.body.series).toHaveLength(1);
  });

  it('needs messages:read', async () => {
    const r = await t.api('GET', '/v1/stats/overview', { key: await keyWith(a, ['contacts:read']) });
    expect(r.status).toBe(403);
  });
});

describe('the inbox: GET /v1/conversations and a contact\'s thread', () => {
  let c: Tenant;
  beforeAll(async () => {
    c = await t.createTenant('Inbox');
  });

  it('lists one row per contact, latest first, with the window after an inbound message', async () => {
    await t.sim('POST', `/_sim/customers/${customer(21)}/state`, { unreachable: true });
    await sendAndSettle(c, helloWorld(customer(20)), 'read');
    const failed = await sendAndSettle(c, helloWorld(customer(21)), 'failed');
    await sendAndSettle(c, helloWorld(customer(20)), 'read');
    const { wamid } = await t.sim('POST', `/_sim/customers/${customer(22)}/messages`, { to_phone_number_id: c.metaPhoneNumberId, type: 'text', text: { body: 'Is my order on its way?' } });
    await t.waitFor('the inbound message', async () => (await t.api('GET', '/v1/messages', { key: c.apiKey })).body.data.some((m: any) => m.wamid === wamid));
    await t.sim('POST', `/_sim/customers/${customer(22)}/messages`, { to_phone_number_id: c.metaPhoneNumberId, type: 'text', text: { body: 'Hello?' } });
    await t.waitFor('the second inbound message', async () => (await t.api('GET', '/v1/conversations', { key: c.apiKey })).body.data[0]?.unanswered_count === 2);

    const r = await t.api('GET', '/v1/conversations', { key: c.apiKey });
    expect(r.status, r.text).toBe(200);
    expect(r.body.data.map((x: any) => x.contact.phone)).toEqual([customer(22), customer(20), customer(21)]);
    const [inbound, read, failedRow] = r.body.data;
    expect(inbound.last_message).toMatchObject({ direction: 'inbound', type: 'text', text: 'Hello?', status: 'received', phone_number_id: c.phoneNumberId });
    expect(inbound.window_open).toBe(true);
    expect(inbound.window_phone_number_id).toBe(c.phoneNumberId);
    expect(Date.parse(inbound.window_expires_at) - Date.parse(inbound.last_inbound_at)).toBe(24 * 3600_000);
    expect(Date.parse(inbound.window_expires_at)).toBeGreaterThan(Date.now());
    expect(read.last_message).toMatchObject({ direction: 'outbound', type: 'template', status: 'read' });
    expect(read.last_message.text).toMatch(/hello/i);
    expect(read).toMatchObject({ unanswered_count: 0, window_expires_at: null, window_open: false, last_inbound_at: null });
    expect(failedRow.last_message).toMatchObject({ id: failed, status: 'failed' });

    // A reply closes the count; the conversation stays on top.
    await sendAndSettle(c, { to: customer(22), type: 'text', text: { body: 'Yes, tomorrow.' } }, 'read');
    const after = (await t.api('GET', '/v1/conversations', { key: c.apiKey })).body.data[0];
    expect(after).toMatchObject({ contact: { phone: customer(22) }, unanswered_count: 0, window_open: true, last_message: { direction: 'outbound', text: 'Yes, tomorrow.' } });

    // Pages: one row each, then the end.
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: any = await t.api('GET', `/v1/conversations?limit=1${cursor ? `&cursor=${cursor}` : ''}`, { key: c.apiKey });
      expect(page.status).toBe(200);
      seen.push(...page.body.data.map((x: any) => x.contact.phone));
      cursor = page.body.next_cursor;
    }
    expect(seen).toEqual([customer(22), customer(20), customer(21)]);
  });

  it('shows a contact\'s messages newest first, with a plain failure reason, and pages back', async () => {
    const list = (await t.api('GET', '/v1/conversations', { key: c.apiKey })).body.data;
    const byPhone = (phone: string) => list.find((x: any) => x.contact.phone === phone).contact.id;
    const thread = await t.api('GET', `/v1/conversations/${byPhone(customer(22))}/messages`, { key: c.apiKey });
    expect(thread.status, thread.text).toBe(200);
    expect(thread.body.data.map((m: any) => [m.direction, m.text, m.status])).toEqual([
      ['outbound', 'Yes, tomorrow.', 'read'], ['inbound', 'Hello?', 'received'], ['inbound', 'Is my order on its way?', 'received'],
    ]);
    expect(thread.body.data.every((m: any) => m.failure_reason === null)).toBe(true);

    const failedThread = await t.api('GET', `/v1/conversations/${byPhone(customer(21))}/messages`, { key: c.apiKey });
    const [failed] = failedThread.body.data;
    expect(failed.status).toBe('failed');
    expect(failed.error.code).toBe(131026);
    expect(failed.failure_reason).toBe('The recipient is not on WhatsApp, has not accepted its terms, or uses an outdated app.');

    const first = await t.api('GET', `/v1/conversations/${byPhone(customer(22))}/messages?limit=2`, { key: c.apiKey });
    const rest = await t.api('GET', `/v1/conversations/${byPhone(customer(22))}/messages?limit=2&cursor=${first.body.next_cursor}`, { key: c.apiKey });
    expect([...first.body.data, ...rest.body.data].map((m: any) => m.id)).toEqual(thread.body.data.map((m: any) => m.id));
    expect(rest.body.next_cursor).toBeNull();
  });

  it('never shows another organization\'s conversations, and refuses a bad cursor', async () => {
    const mine = (await t.api('GET', '/v1/conversations', { key: c.apiKey })).body.data.map((x: any) => x.contact.id);
    const theirs = (await t.api('GET', '/v1/conversations?limit=200', { key: a.apiKey })).body.data.map((x: any) => x.contact.id);
    expect(theirs.filter((id: string) => mine.includes(id))).toEqual([]);
    const cross = await t.api('GET', `/v1/conversations/${mine[0]}/messages`, { key: a.apiKey });
    expect(cross.status).toBe(404);
    expect(cross.body.error.code).toBe('not_found');
    for (const path of ['/v1/conversations?cursor=bm90LWEtY3Vyc29y', `/v1/conversations/${mine[0]}/messages?cursor=%25%25`, '/v1/conversations?limit=0']) {
      const r = await t.api('GET', path, { key: c.apiKey });
      expect(r.status, path).toBe(400);
      expect(r.body.error.code).toBe('validation_failed');
    }
  });
});

describe('the message log: filters, status history and the policy decision', () => {
  let d: Tenant;
  let second: string;
  const ids: Record<string, string> = {};
  const list = async (query: string, key = d.apiKey) => {
    const r = await t.api('GET', `/v1/messages?limit=200&${query}`, { key });
    expect(r.status, `${query}: ${r.text}`).toBe(200);
    return r.body.data.map((m: any) => m.id).sort();
  };

  beforeAll(async () => {
    d = await t.createTenant('Log');
    second = await addNumber(t, d);
    await addTemplate(t, d, 'order_update', 'UTILITY', 'Your order has shipped.');
    await t.sim('POST', `/_sim/customers/${customer(32)}/state`, { unreachable: true });
    ids.hello = await sendAndSettle(d, { ...helloWorld(customer(30)), from: d.phoneNumberId }, 'read');
    ids.order = await sendAndSettle(d, { to: customer(31), from: second, type: 'template', template: { name: 'order_update', language: { code: 'en_US' } } }, 'read');
    ids.failed = await sendAndSettle(d, { ...helloWorld(customer(32)), from: d.phoneNumberId }, 'failed');
    const { wamid } = await t.sim('POST', `/_sim/customers/${customer(33)}/messages`, { to_phone_number_id: d.metaPhoneNumberId, type: 'text', text: { body: 'Hi there' } });
    ids.inbound = await t.waitFor('the inbound message', async () => (await t.api('GET', '/v1/messages', { key: d.apiKey })).body.data.find((m: any) => m.wamid === wamid)?.id);
    ids.reply = await sendAndSettle(d, { to: customer(33), from: d.phoneNumberId, type: 'text', text: { body: 'Hello, how can we help?' } }, 'read');
    // The first send, moved two days back, for the date filters.
    await t.platform.deps.db.query(sql`UPDATE messages SET created_at = now() - interval '2 days' WHERE org_id = ${d.orgId} AND id = ${ids.hello}`);
  });

  it('filters by status, direction, template, number, contact and dates', async () => {
    const all = Object.values(ids).sort();
    expect(await list('')).toEqual(all);
    expect(await list('status=failed')).toEqual([ids.failed]);
    expect(await list('status=read&status=failed')).toEqual([ids.hello, ids.order, ids.failed, ids.reply].sort());
    expect(await list('status=received')).toEqual([ids.inbound]);
    expect(await list('direction=inbound')).toEqual([ids.inbound]);
    expect(await list('template=hello_world')).toEqual([ids.hello, ids.failed].sort());
    expect(await list('template=order_update')).toEqual([ids.order]);
    expect(await list('template=no_such_template')).toEqual([]);
    expect(await list(`phone_number_id=${second}`)).toEqual([ids.order]);
    const meta = (await t.api('GET', `/v1/phone-numbers/${second}`, { key: d.apiKey })).body.phone_number_id;
    expect(await list(`phone_number_id=${meta}`)).toEqual([ids.order]);
    expect(await list(`phone_number_id=${d.phoneNumberId}&status=read&template=hello_world`)).toEqual([ids.hello]);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    expect(await list(`from=${yesterday}`)).toEqual(all.filter((id) => id !== ids.hello));
    expect(await list(`to=${yesterday}`)).toEqual([ids.hello]);
    expect(await list(`from=${new Date(Date.now() - 3 * 86_400_000).toISOString()}&to=${yesterday}&status=read`)).toEqual([ids.hello]);
    const row = (await t.api('GET', `/v1/messages?template=order_update`, { key: d.apiKey })).body.data[0];
    expect(row).toMatchObject({ template_name: 'order_update', phone_number_id: second, failure_reason: null, contact_id: expect.stringMatching(/^ct_/) });
    expect(await list(`contact_id=${row.contact_id}`)).toEqual([ids.order]);
    // Another organization's filters find nothing of D's.
    expect(await list('template=hello_world', a.apiKey)).not.toContain(ids.hello);
    expect(await list(`phone_number_id=${second}`, a.apiKey)).toEqual([]);
  });

  it('refuses bad filters, naming them', async () => {
    for (const query of ['status=sending', 'direction=sideways', 'from=yesterday', 'to=2026-13-01T00:00:00Z', 'cursor=bm90LWEtY3Vyc29y', 'sort=asc',
      `from=${new Date().toISOString()}&to=${new Date(Date.now() - 1000).toISOString()}`]) {
      const r = await t.api('GET', `/v1/messages?${query}`, { key: d.apiKey });
      expect(r.status, query).toBe(400);
      expect(r.body.error.code, query).toBe('validation_failed');
      expect(JSON.stringify(r.body.error.details), query).toMatch(/querystring/);
    }
  });

  it('shows every status with its time, and the consent that allowed a template', async () => {
    const r = await t.api('GET', `/v1/messages/${ids.order}`, { key: d.apiKey });
    expect(r.status).toBe(200);
    expect(r.body.history.map((h: any) => h.status)).toEqual(['accepted', 'queued', 'sent', 'delivered', 'read']);
    for (const h of r.body.history) expect(Date.parse(h.at), h.status).not.toBeNaN();
    expect(r.body.template_name).toBe('order_update');
    expect(r.body.policy).toMatchObject({
      decision: 'allowed', basis: 'consent', category: 'utility', clause: null, review: null,
      consent: { record_id: r.body.consent_record_id, state: 'opted_in', source: 'web_form' },
      screening: { decision: 'allow', rules: [] },
    });
    expect(r.body.policy.consent.purpose).toMatch(/^(all|utility)$/);
    expect(r.body.consent_record_id).toEqual(expect.any(String));
  });

  it('explains a failure in plain words, and a reply by the customer-service window', async () => {
    const failed = (await t.api('GET', `/v1/messages/${ids.failed}`, { key: d.apiKey })).body;
    expect(failed.history.map((h: any) => h.status)).toContain('failed');
    expect(failed.failure_reason).toBe('The recipient is not on WhatsApp, has not accepted its terms, or uses an outdated app.');
    expect(failed.error.code).toBe(131026);
    // Meta's failure can overtake the dispatcher's write of the send's acceptance; that late write keeps the error.
    await recordQueued(t.platform.deps.db, [{ orgId: d.orgId, id: ids.failed!, wamid: failed.wamid }]);
    const again = (await t.api('GET', `/v1/messages/${ids.failed}`, { key: d.apiKey })).body;
    expect(again).toMatchObject({ status: 'failed', error: { code: 131026 }, failure_reason: failed.failure_reason });
    const reply = (await t.api('GET', `/v1/messages/${ids.reply}`, { key: d.apiKey })).body;
    expect(reply.policy).toMatchObject({ decision: 'allowed', basis: 'customer_service_window', consent: null });
    const inbound = (await t.api('GET', `/v1/messages/${ids.inbound}`, { key: d.apiKey })).body;
    expect(inbound.policy).toBeNull();
    expect(inbound.history.map((h: any) => h.status)).toEqual([]);
  });

  it('shows a held message\'s verdict and clause, and the reviewer\'s refusal', async () => {
    const held = await t.api('POST', '/v1/messages', { key: d.apiKey, body: { to: customer(33), from: d.phoneNumberId, type: 'text', text: { body: 'Hi, click http://203.0.113.9/offer for your discount' } } });
    expect(held.body.status).toBe('held');
    const before = (await t.api('GET', `/v1/messages/${held.body.id}`, { key: d.apiKey })).body.policy;
    expect(before).toMatchObject({ decision: 'held', clause: expect.stringMatching(/^3\./), screening: { decision: 'hold', rules: [expect.objectContaining({ id: 'url.ip_host' })] } });
    const reviewer = await keyWith(d, ['compliance:review']);
    expect((await t.api('POST', `/v1/compliance/held/${held.body.id}/reject`, { key: reviewer, body: { reason: 'not ours' } })).status).toBe(200);
    const after = (await t.api('GET', `/v1/messages/${held.body.id}`, { key: d.apiKey })).body;
    expect(after.status).toBe('failed');
    expect(after.policy).toMatchObject({ decision: 'refused', clause: before.clause, review: { outcome: 'rejected', by: expect.stringMatching(/^api_key:/) } });
    expect(after.failure_reason).toBe('Content screening held this message and a reviewer rejected it.');
    expect(after.history.map((h: any) => h.status)).toEqual(['held', 'failed']);
  });

  it('answers 404 for another organization\'s message', async () => {
    const r = await t.api('GET', `/v1/messages/${ids.order}`, { key: a.apiKey });
    expect(r.status).toBe(404);
  });
});

describe('the OpenAPI document the dashboard\'s client is generated from', () => {
  it('types every new route\'s input and answer', async () => {
    const doc = (await t.api('GET', '/docs/json')).body;
    const op = (path: string, method: string) => doc.paths[path]?.[method];
    const answer = (path: string, method: string, status: string) => op(path, method)?.responses?.[status]?.content?.['application/json']?.schema;
    expect(answer('/v1/api-keys', 'post', '201').properties).toHaveProperty('secret');
    expect(op('/v1/api-keys', 'post').requestBody.content['application/json'].schema.required).toEqual(['name', 'mode']);
    expect(answer('/v1/api-keys/{id}', 'delete', '200').properties).toHaveProperty('revoked_at');
    expect(answer('/v1/stats/overview', 'get', '200').properties.series.items.properties).toHaveProperty('replied');
    expect(op('/v1/stats/overview', 'get').parameters.map((p: any) => p.name).sort()).toEqual(['days', 'tz']);
    expect(answer('/v1/conversations', 'get', '200').properties.data.items.properties).toHaveProperty('window_expires_at');
    expect(answer('/v1/conversations/{contact_id}/messages', 'get', '200').properties.data.items.properties).toHaveProperty('failure_reason');
    expect(answer('/v1/messages/{id}', 'get', '200').properties.policy.properties).toHaveProperty('consent');
    expect(op('/v1/messages', 'get').parameters.map((p: any) => p.name)).toEqual(expect.arrayContaining(['status', 'template', 'phone_number_id', 'from', 'to']));
  });
});
