import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../src/db/sql.ts';
import { appendConsents } from '../../src/contacts/consent-ledger.ts';
import { startTestPlatform, type Tenant, type TestPlatform } from '../helpers/test-platform.ts';

let t: TestPlatform;
let a: Tenant;
let b: Tenant;

beforeAll(async () => {
  t = await startTestPlatform({ workers: false });
  a = await t.createTenant('Contacts A');
  b = await t.createTenant('Contacts B');
  for (const def of [
    { key: 'age', type: 'number' }, { key: 'birthday', type: 'date' }, { key: 'plan', type: 'enum', options: ['free', 'pro'] },
    { key: 'city', type: 'text' }, { key: 'vip', type: 'boolean' },
  ]) expect((await t.api('POST', '/v1/contact-attributes', { key: a.apiKey, body: def })).status).toBe(201);
});
afterAll(async () => t?.close());

const create = (body: unknown, key = a.apiKey) => t.api('POST', '/v1/contacts', { key, body });
const get = (id: string, key = a.apiKey) => t.api('GET', `/v1/contacts/${id}`, { key });
const list = async (query: string, key = a.apiKey) => {
  const r = await t.api('GET', `/v1/contacts?${query.includes('limit=') ? '' : 'limit=200&'}${query}`, { key });
  expect(r.status, r.text).toBe(200);
  return r.body.data.map((c: any) => c.id) as string[];
};
let phoneSeq = 0;
const freshPhone = () => `+1202555${String(2000 + phoneSeq++).padStart(4, '0')}`;

describe('creating a contact', () => {
  it('normalizes the number from common formats, reading national numbers in the organization\'s country', async () => {
    for (const [input, e164] of [['(202) 555-0343', '+12025550343'], ['+44 20 7946 0958', '+442079460958'], ['011 49 30 901820', '+4930901820'], ['12025550344', '+12025550344']]) {
      const r = await create({ phone: input });
      expect(r.status, `${input}: ${r.text}`).toBe(201);
      expect(r.body.phone).toBe(e164);
      expect(r.body.id).toMatch(/^ct_/);
    }
  });

  it('refuses an invalid number with the reason and its path', async () => {
    const r = await create({ phone: '12345', name: 'Shorty' });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('invalid_phone_number');
    expect(r.body.error.message).toMatch(/short|length|not valid/i);
    expect(r.body.error.details).toContainEqual({ path: 'body.phone', message: r.body.error.message });
    expect(await list('q=Shorty')).toEqual([]);
  });

  it('normalizes name, language, time zone and tags, and shows no consent yet', async () => {
    const r = await create({ phone: freshPhone(), name: '  Ana Souza ', language: 'pt_br', time_zone: 'america/sao_paulo', tags: ['  VIP ', 'vip', 'New   Customer'] });
    expect(r.status, r.text).toBe(201);
    expect(r.body).toMatchObject({ name: 'Ana Souza', language: 'pt-BR', time_zone: 'America/Sao_Paulo', tags: ['vip', 'new customer'], attributes: {} });
    expect(r.body.consent.marketing).toEqual({ state: 'none', record_id: null, recorded_at: null });
  });

  it('checks attributes against the definitions, reporting every field with its path, and writes nothing', async () => {
    const phone = freshPhone();
    const r = await create({
      phone, language: 'not a language', time_zone: 'Mars/Olympus', tags: ['ok', '', 'x'.repeat(65)],
      attributes: { age: '30', birthday: '2024-02-30', plan: 'gold', city: 'Lisbon', shoe_size: 42 },
    });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('validation_failed');
    const paths = r.body.error.details.map((d: any) => d.path).sort();
    expect(paths).toEqual(['body.attributes.age', 'body.attributes.birthday', 'body.attributes.plan', 'body.attributes.shoe_size',
      'body.language', 'body.tags.1', 'body.tags.2', 'body.time_zone']);
    expect(r.body.error.details.find((d: any) => d.path === 'body.attributes.plan').message).toContain('"pro"');
    // Nothing half-written: the number is still free.
    expect((await create({ phone })).status).toBe(201);
  });

  it('stores typed attributes', async () => {
    const r = await create({ phone: freshPhone(), attributes: { age: 41, birthday: '1983-07-09', plan: 'pro', city: 'Pune', vip: true } });
    expect(r.status, r.text).toBe(201);
    expect(r.body.attributes).toEqual({ age: 41, birthday: '1983-07-09', plan: 'pro', city: 'Pune', vip: true });
  });

  it('answers 409 with the existing contact\'s id for a number already held, however it is written', async () => {
    const first = await create({ phone: '+1 202 555 0377' });
    const again = await create({ phone: '(202) 555-0377', name: 'Twin' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('contact_already_exists');
    expect(again.body.error.details.contact_id).toBe(first.body.id);
    expect((await get(first.body.id)).body.name).toBeNull();
  });

  it('replays a retried create with the same Idempotency-Key instead of answering 409', async () => {
    const body = { phone: freshPhone(), name: 'Once' };
    const headers = { 'idempotency-key': `contact-${body.phone}` };
    const first = await t.api('POST', '/v1/contacts', { key: a.apiKey, body, headers });
    const retry = await t.api('POST', '/v1/contacts', { key: a.apiKey, body, headers });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
  });

  it('limits tags per contact', async () => {
    const r = await create({ phone: freshPhone(), tags: Array.from({ length: 51 }, (_, i) => `t${i}`) });
    expect(r.status).toBe(400);
    expect(r.body.error.details).toContainEqual({ path: 'body.tags', message: 'must hold at most 50 distinct tags' });
  });
});

describe('reading a contact', () => {
  it('shows the current consent per purpose, a full opt-in narrowed by a later marketing opt-out', async () => {
    const c = (await create({ phone: freshPhone() })).body;
    const [all, marketing] = await appendConsents(t.platform.deps.db, a.orgId, [
      { contactId: c.id, purpose: 'all', state: 'opted_in', source: 'api', proof: { text: 'Yes to WhatsApp from Contacts A' }, actor: 'test' },
      { contactId: c.id, purpose: 'marketing', state: 'opted_out', source: 'keyword', proof: { text: 'STOP promotions' }, actor: 'customer' },
    ]);
    const r = await get(c.id);
    expect(r.status).toBe(200);
    expect(r.body.consent.marketing).toMatchObject({ state: 'opted_out', record_id: marketing!.id });
    expect(r.body.consent.utility).toMatchObject({ state: 'opted_in', record_id: all!.id });
    expect(r.body.consent.authentication).toMatchObject({ state: 'opted_in', record_id: all!.id });
  });

  it('answers 404 for an unknown id, another tenant\'s contact and an erased contact', async () => {
    const mine = (await create({ phone: freshPhone() })).body;
    expect((await get('ct_00000000000000000000000000')).status).toBe(404);
    const cross = await get(mine.id, b.apiKey);
    expect(cross.status).toBe(404);
    expect(cross.body.error.code).toBe('not_found');
    expect((await t.api('PATCH', `/v1/contacts/${mine.id}`, { key: b.apiKey, body: { name: 'hijack' } })).status).toBe(404);
    expect((await get(mine.id)).body.name).toBeNull();
    await t.platform.deps.db.query(sql`UPDATE contacts SET erased_at = now() WHERE org_id = ${a.orgId} AND id = ${mine.id}`);
    expect((await get(mine.id)).status).toBe(404);
    expect(await list('limit=200')).not.toContain(mine.id);
  });
});

describe('changing a contact', () => {
  it('merges attributes (null removes one), replaces tags, clears fields with null', async () => {
    const c = (await create({ phone: freshPhone(), name: 'Bo', language: 'en', attributes: { age: 30, city: 'Oslo' }, tags: ['a', 'b'] })).body;
    const r = await t.api('PATCH', `/v1/contacts/${c.id}`, { key: a.apiKey, body: { attributes: { age: 31, city: null, vip: false }, tags: ['C'], language: null } });
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ name: 'Bo', language: null, attributes: { age: 31, vip: false }, tags: ['c'] });
    expect(r.body.attributes).not.toHaveProperty('city');
  });

  it('re-normalizes a new number and keeps numbers unique', async () => {
    const c = (await create({ phone: freshPhone() })).body;
    const other = (await create({ phone: freshPhone() })).body;
    const moved = await t.api('PATCH', `/v1/contacts/${c.id}`, { key: a.apiKey, body: { phone: '(202) 555-0388' } });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.body.phone).toBe('+12025550388');
    const clash = await t.api('PATCH', `/v1/contacts/${c.id}`, { key: a.apiKey, body: { phone: other.phone } });
    expect(clash.status).toBe(409);
    expect(clash.body.error.details.contact_id).toBe(other.id);
    const bad = await t.api('PATCH', `/v1/contacts/${c.id}`, { key: a.apiKey, body: { phone: 'call me' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_phone_number');
  });

  it('refuses a new number once consent was recorded for the old one', async () => {
    const c = (await create({ phone: freshPhone() })).body;
    await appendConsents(t.platform.deps.db, a.orgId, [{ contactId: c.id, purpose: 'marketing', state: 'opted_in', source: 'api', proof: { text: 'ok' }, actor: 'test' }]);
    const r = await t.api('PATCH', `/v1/contacts/${c.id}`, { key: a.apiKey, body: { phone: freshPhone() } });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('phone_change_not_allowed');
    expect((await get(c.id)).body.phone).toBe(c.phone);
  });

  it('writes nothing when one field is bad', async () => {
    const c = (await create({ phone: freshPhone(), name: 'Kept', attributes: { age: 5 } })).body;
    const r = await t.api('PATCH', `/v1/contacts/${c.id}`, { key: a.apiKey, body: { name: 'Changed', attributes: { age: 6, plan: 'gold' } } });
    expect(r.status).toBe(400);
    expect(r.body.error.details).toEqual([{ path: 'body.attributes.plan', message: 'must be one of "free", "pro"' }]);
    expect((await get(c.id)).body).toMatchObject({ name: 'Kept', attributes: { age: 5 } });
  });
});

describe('listing and filtering', () => {
  let ids: { zoe: string; yan: string; xia: string };
  beforeAll(async () => {
    const db = t.platform.deps.db;
    const make = async (name: string, body: Record<string, unknown>) => (await create({ phone: freshPhone(), name, ...body })).body.id as string;
    ids = {
      zoe: await make('Zoe Filter', { tags: ['lf', 'gold'], language: 'en-GB', attributes: { age: 25, birthday: '1999-01-01', plan: 'pro' } }),
      yan: await make('Yan Filter', { tags: ['lf'], language: 'en', attributes: { age: 40, plan: 'free' } }),
      xia: await make('Xia Filter', { tags: ['lf', 'gold'], language: 'pt-BR', attributes: { age: 60, birthday: '1964-05-05' } }),
    };
    await db.query(sql`UPDATE contacts SET last_inbound_at = '2026-01-10T00:00:00Z' WHERE org_id = ${a.orgId} AND id = ${ids.zoe}`);
    await db.query(sql`UPDATE contacts SET last_inbound_at = '2026-03-10T00:00:00Z' WHERE org_id = ${a.orgId} AND id = ${ids.yan}`);
    await appendConsents(db, a.orgId, [
      { contactId: ids.zoe, purpose: 'marketing', state: 'opted_in', source: 'api', proof: {}, actor: 'test' },
      { contactId: ids.yan, purpose: 'all', state: 'opted_in', source: 'api', proof: {}, actor: 'test' },
      { contactId: ids.yan, purpose: 'all', state: 'opted_out', source: 'keyword', proof: {}, actor: 'customer' },
    ]);
  });
  const only = (found: string[]) => found.filter((id) => Object.values(ids).includes(id)).sort();
  const named = (...names: (keyof typeof ids)[]) => names.map((n) => ids[n]).sort();

  it('filters by name and number (international and national prefix)', async () => {
    expect(only(await list('q=filter'))).toEqual(named('zoe', 'yan', 'xia'));
    expect(only(await list('q=zoe'))).toEqual(named('zoe'));
    const zoe = (await get(ids.zoe)).body.phone as string;
    expect(only(await list(`q=${encodeURIComponent(zoe)}`))).toEqual(named('zoe'));
    expect(only(await list(`q=${encodeURIComponent(`(${zoe.slice(2, 5)}) ${zoe.slice(5, 8)}-${zoe.slice(8)}`)}`))).toEqual(named('zoe'));
    expect(await list('q=%25')).toEqual([]);
  });

  it('filters by tags (all must match), language, consent with the `all` rule, last inbound and attributes', async () => {
    expect(only(await list('tag=LF&tag=gold'))).toEqual(named('zoe', 'xia'));
    expect(only(await list('tag=lf&language=en'))).toEqual(named('zoe', 'yan'));
    expect(only(await list('tag=lf&consent=marketing:opted_in'))).toEqual(named('zoe'));
    expect(only(await list('tag=lf&consent=marketing:opted_out'))).toEqual(named('yan'));
    expect(only(await list('tag=lf&consent=marketing:none'))).toEqual(named('xia'));
    expect(only(await list('tag=lf&consent=utility:none'))).toEqual(named('zoe', 'xia'));
    expect(only(await list('tag=lf&last_inbound_after=2026-02-01T00:00:00Z'))).toEqual(named('yan'));
    expect(only(await list('tag=lf&last_inbound_before=2026-02-01'))).toEqual(named('zoe'));
    expect(only(await list('tag=lf&attr.plan=pro'))).toEqual(named('zoe'));
    expect(only(await list('tag=lf&attr.age.gte=40'))).toEqual(named('yan', 'xia'));
    expect(only(await list('tag=lf&attr.age.gt=25&attr.age.lt=60'))).toEqual(named('yan'));
    expect(only(await list('tag=lf&attr.birthday.lt=1990-01-01'))).toEqual(named('xia'));
    expect(only(await list('tag=lf&attr.plan.ne=pro'))).toEqual(named('yan'));
  });

  it('refuses bad filters with the parameter\'s path', async () => {
    const r = await t.api('GET', '/v1/contacts?attr.shoe=4&attr.age.gt=old&attr.vip=yes', { key: a.apiKey });
    expect(r.status).toBe(400);
    expect(r.body.error.details.map((d: any) => d.path).sort()).toEqual(['querystring.attr.age.gt', 'querystring.attr.shoe', 'querystring.attr.vip']);
    const schema = await t.api('GET', '/v1/contacts?consent=marketing:maybe&colour=red', { key: a.apiKey });
    expect(schema.status).toBe(400);
    expect(schema.body.error.details.map((d: any) => d.path).sort()).toEqual(['querystring.colour', 'querystring.consent.0']);
    const r2 = await t.api('GET', '/v1/contacts?attr.plan.gt=pro&last_inbound_after=yesterday', { key: a.apiKey });
    expect(r2.body.error.details.map((d: any) => d.path).sort()).toEqual(['querystring.attr.plan.gt', 'querystring.last_inbound_after']);
  });

  it('searches with a JSON filter of and/or/not', async () => {
    const search = async (filter: unknown) => {
      const r = await t.api('POST', '/v1/contacts/search', { key: a.apiKey, body: { filter, limit: 200 } });
      expect(r.status, r.text).toBe(200);
      return only(r.body.data.map((c: any) => c.id));
    };
    expect(await search({ and: [{ tag: 'lf' }, { or: [{ attribute: 'age', op: 'lt', value: 30 }, { language: 'pt' }] }] })).toEqual(named('zoe', 'xia'));
    expect(await search({ and: [{ tag: 'lf' }, { not: { attribute: 'plan', op: 'eq', value: 'pro' } }] })).toEqual(named('yan', 'xia'));
    expect(await search({ and: [{ tag: 'lf' }, { attribute: 'plan', op: 'in', value: ['free', 'pro'] }] })).toEqual(named('zoe', 'yan'));
    expect(await search({ and: [{ tag: 'lf' }, { last_inbound: { exists: false } }] })).toEqual(named('xia'));
    const bad = await t.api('POST', '/v1/contacts/search', { key: a.apiKey, body: { filter: { and: [{ tag: 'lf' }, { or: [{ attribute: 'city', op: 'gt', value: 'A' }, { colour: 'red' }] }] } } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: any) => d.path)).toEqual(['body.filter.and.1.or.0.op', 'body.filter.and.1.or.1']);
  });

  it('pages newest first without gaps or repeats', async () => {
    const all = await list('limit=200');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const r: any = await t.api('GET', `/v1/contacts?limit=3${cursor ? `&cursor=${cursor}` : ''}`, { key: a.apiKey });
      expect(r.status).toBe(200);
      seen.push(...r.body.data.map((c: any) => c.id));
      cursor = r.body.next_cursor;
    } while (cursor);
    expect(seen).toEqual(all);
    expect([...seen].sort().reverse()).toEqual(seen);
    expect(seen.length).toBeGreaterThan(10);
  });

  it('never lists another tenant\'s contacts', async () => {
    const theirs = (await create({ phone: freshPhone(), name: 'Filter of B', tags: ['lf'] }, b.apiKey)).body.id;
    expect(await list('tag=lf')).not.toContain(theirs);
    expect(await list('tag=lf', b.apiKey)).toEqual([theirs]);
  });
});

describe('bulk tagging', () => {
  it('adds and removes tags on named contacts in one go, counting only real changes', async () => {
    const one = (await create({ phone: freshPhone(), tags: ['keep', 'old'] })).body.id;
    const two = (await create({ phone: freshPhone(), tags: ['keep', 'new'] })).body.id;
    const theirs = (await create({ phone: freshPhone(), tags: ['old'] }, b.apiKey)).body.id;
    const r = await t.api('POST', '/v1/contacts/tags', { key: a.apiKey, body: { contact_ids: [one, two, theirs], add: ['NEW'], remove: ['old'] } });
    expect(r.status, r.text).toBe(200);
    expect(r.body).toEqual({ matched: 2, changed: 1 });
    expect((await get(one)).body.tags).toEqual(['keep', 'new']);
    expect((await get(two)).body.tags).toEqual(['keep', 'new']);
    expect((await get(theirs, b.apiKey)).body.tags).toEqual(['old']);
    const again = await t.api('POST', '/v1/contacts/tags', { key: a.apiKey, body: { contact_ids: [one, two], add: ['new'] } });
    expect(again.body).toEqual({ matched: 2, changed: 0 });
  });

  it('tags every contact a filter matches', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await create({ phone: freshPhone(), tags: ['bulkf'], attributes: { age: 10 + i } })).body.id);
    const r = await t.api('POST', '/v1/contacts/tags', { key: a.apiKey, body: { filter: { and: [{ tag: 'bulkf' }, { attribute: 'age', op: 'gte', value: 11 }] }, add: ['teen'] } });
    expect(r.body).toEqual({ matched: 2, changed: 2 });
    expect(await list('tag=teen')).toEqual([ids[2], ids[1]]);
  });

  it('loses no tag when many bulk changes hit the same contacts at once', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push((await create({ phone: freshPhone(), tags: ['base'] })).body.id);
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) =>
      t.api('POST', '/v1/contacts/tags', { key: a.apiKey, body: { contact_ids: ids, add: [`par${i}`] } })));
    expect(results.map((r) => r.body)).toEqual(Array.from({ length: 8 }, () => ({ matched: 4, changed: 4 })));
    for (const id of ids) expect([...(await get(id)).body.tags].sort()).toEqual(['base', ...Array.from({ length: 8 }, (_, i) => `par${i}`)].sort());
  });

  it('lets one of several simultaneous creates of a number win; the others name it', async () => {
    const phone = freshPhone();
    const results = await Promise.all(Array.from({ length: 6 }, () => create({ phone })));
    const won = results.filter((r) => r.status === 201);
    expect(won).toHaveLength(1);
    for (const r of results.filter((x) => x.status !== 201)) {
      expect(r.status).toBe(409);
      expect(r.body.error.details.contact_id).toBe(won[0]!.body.id);
    }
  });

  it('changes nothing when one contact would pass the tag limit', async () => {
    const full = (await create({ phone: freshPhone(), tags: Array.from({ length: 50 }, (_, i) => `f${i}`) })).body.id;
    const light = (await create({ phone: freshPhone(), tags: ['f1'] })).body.id;
    const r = await t.api('POST', '/v1/contacts/tags', { key: a.apiKey, body: { contact_ids: [full, light], add: ['extra'] } });
    expect(r.status).toBe(422);
    expect(r.body.error).toMatchObject({ code: 'tag_limit_exceeded', details: { contacts_over_limit: 1, max_tags: 50 } });
    expect((await get(light)).body.tags).toEqual(['f1']);
  });

  it('refuses a request without a target or change, or adding and removing one tag', async () => {
    for (const body of [{ add: ['x'] }, { contact_ids: ['ct_x'] }, { contact_ids: ['ct_x'], filter: { tag: 'x' }, add: ['x'] }, { contact_ids: ['ct_x'], add: ['X '], remove: ['x'] }]) {
      const r = await t.api('POST', '/v1/contacts/tags', { key: a.apiKey, body });
      expect(r.status, JSON.stringify(body)).toBe(400);
    }
  });
});

describe('attribute definitions', () => {
  it('lists, refuses duplicates and enums without options', async () => {
    const defs = await t.api('GET', '/v1/contact-attributes', { key: a.apiKey });
    expect(defs.body.data.map((d: any) => d.key)).toEqual(['age', 'birthday', 'city', 'plan', 'vip']);
    expect((await t.api('GET', '/v1/contact-attributes', { key: b.apiKey })).body.data).toEqual([]);
    expect((await t.api('POST', '/v1/contact-attributes', { key: a.apiKey, body: { key: 'age', type: 'text' } })).status).toBe(409);
    const noOptions = await t.api('POST', '/v1/contact-attributes', { key: a.apiKey, body: { key: 'tier', type: 'enum' } });
    expect(noOptions.body.error.details).toEqual([{ path: 'body.options', message: 'is required for an enum attribute' }]);
    const badKey = await t.api('POST', '/v1/contact-attributes', { key: a.apiKey, body: { key: 'Tier-1', type: 'text' } });
    expect(badKey.status).toBe(400);
  });

  it('deletes a definition with every stored value, so a new one of another type starts empty', async () => {
    expect((await t.api('POST', '/v1/contact-attributes', { key: a.apiKey, body: { key: 'shoe', type: 'text' } })).status).toBe(201);
    const c = (await create({ phone: freshPhone(), attributes: { shoe: 'large', age: 3 } })).body.id;
    const del = await t.api('DELETE', '/v1/contact-attributes/shoe', { key: a.apiKey });
    expect(del.status).toBe(200);
    expect(del.body.contacts_cleared).toBe(1);
    expect((await get(c)).body.attributes).toEqual({ age: 3 });
    expect((await t.api('DELETE', '/v1/contact-attributes/shoe', { key: a.apiKey })).status).toBe(404);
    expect((await t.api('POST', '/v1/contact-attributes', { key: a.apiKey, body: { key: 'shoe', type: 'number' } })).status).toBe(201);
    expect(only(await list('attr.shoe.gt=1'), c)).toEqual([]);
  });

  it('cannot delete another tenant\'s definition', async () => {
    expect((await t.api('DELETE', '/v1/contact-attributes/age', { key: b.apiKey })).status).toBe(404);
    expect((await t.api('GET', '/v1/contact-attributes', { key: a.apiKey })).body.data.map((d: any) => d.key)).toContain('age');
  });
});

describe('the API document', () => {
  it('describes every contacts route with its scope and the new error codes', async () => {
    const doc = (await t.api('GET', '/docs/json')).body;
    for (const path of ['/v1/contacts', '/v1/contacts/search', '/v1/contacts/tags', '/v1/contacts/{id}', '/v1/contact-attributes', '/v1/contact-attributes/{key}', '/v1/segments', '/v1/segments/{id}', '/v1/segments/{id}/contacts']) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(doc.paths['/v1/contacts/search'].post.description).toContain('contacts:read');
    expect(JSON.stringify(doc)).toContain('tag_limit_exceeded');
  });
});

function only(found: string[], id: string) {
  return found.filter((x) => x === id);
}
