import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendConsents, type NewConsent } from '../../src/contacts/consent-ledger.ts';
import { resolveSegment } from '../../src/contacts/segments.ts';
import { sql } from '../../src/db/sql.ts';
import { startTestPlatform, type Tenant, type TestPlatform } from '../helpers/test-platform.ts';

let t: TestPlatform;
let a: Tenant;
let b: Tenant;

beforeAll(async () => {
  t = await startTestPlatform({ workers: false });
  a = await t.createTenant('Segments A');
  b = await t.createTenant('Segments B');
  for (const def of [
    { key: 'age', type: 'number' }, { key: 'since', type: 'date' }, { key: 'plan', type: 'enum', options: ['free', 'pro', 'team'] },
    { key: 'city', type: 'text' }, { key: 'vip', type: 'boolean' },
  ]) expect((await t.api('POST', '/v1/contact-attributes', { key: a.apiKey, body: def })).status).toBe(201);
});
afterAll(async () => t?.close());

let phoneSeq = 0;
const freshPhone = () => `+1202555${String(3000 + phoneSeq++).padStart(4, '0')}`;
const create = async (body: Record<string, unknown>, key = a.apiKey) => {
  const r = await t.api('POST', '/v1/contacts', { key, body: { phone: freshPhone(), ...body } });
  expect(r.status, r.text).toBe(201);
  return r.body.id as string;
};
const members = async (segmentId: string, key = a.apiKey) => {
  const r = await t.api('GET', `/v1/segments/${segmentId}/contacts?limit=200`, { key });
  expect(r.status, r.text).toBe(200);
  return r.body.data.map((c: any) => c.id) as string[];
};

describe('segments', () => {
  it('are saved with their filter normalized, read, renamed, refiltered and deleted', async () => {
    const created = await t.api('POST', '/v1/segments', { key: a.apiKey, body: { name: 'Gold in Lisbon', filter: { and: [{ tag: '  GOLD ' }, { language: 'pt_pt' }] } } });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ name: 'Gold in Lisbon', filter: { and: [{ tag: 'gold' }, { language: ['pt-PT'] }] } });
    const id = created.body.id as string;
    expect(id).toMatch(/^seg_/);
    expect((await t.api('GET', `/v1/segments/${id}`, { key: a.apiKey })).body.name).toBe('Gold in Lisbon');
    expect((await t.api('GET', '/v1/segments', { key: a.apiKey })).body.data.map((s: any) => s.id)).toContain(id);

    const dup = await t.api('POST', '/v1/segments', { key: a.apiKey, body: { name: 'Gold in Lisbon', filter: { tag: 'x' } } });
    expect(dup.status).toBe(409);
    const renamed = await t.api('PATCH', `/v1/segments/${id}`, { key: a.apiKey, body: { name: 'Gold', filter: { tag: 'gold' } } });
    expect(renamed.status, renamed.text).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Gold', filter: { tag: 'gold' } });
    const other = (await t.api('POST', '/v1/segments', { key: a.apiKey, body: { name: 'Other', filter: { tag: 'x' } } })).body.id;
    const clash = await t.api('PATCH', `/v1/segments/${other}`, { key: a.apiKey, body: { name: 'Gold' } });
    expect(clash.status).toBe(409);
    expect((await t.api('GET', `/v1/segments/${other}`, { key: a.apiKey })).body.name).toBe('Other');

    expect((await t.api('DELETE', `/v1/segments/${id}`, { key: a.apiKey })).status).toBe(204);
    expect((await t.api('GET', `/v1/segments/${id}`, { key: a.apiKey })).status).toBe(404);
    expect((await t.api('DELETE', `/v1/segments/${id}`, { key: a.apiKey })).status).toBe(404);
  });

  it('refuse a bad filter with every violation\'s path and store nothing', async () => {
    const r = await t.api('POST', '/v1/segments', {
      key: a.apiKey,
      body: { name: 'Broken', filter: { or: [{ attribute: 'shoe', op: 'eq', value: 1 }, { attribute: 'age', op: 'gt', value: 'old' }, { not: { consent: 'sales', state: 'opted_in' } }, { created_at: { after: 'monday' } }] } },
    });
    expect(r.status).toBe(400);
    expect(r.body.error.details.map((d: any) => d.path)).toEqual([
      'body.filter.or.0.attribute', 'body.filter.or.1.value', 'body.filter.or.2.not.consent', 'body.filter.or.3.created_at.after',
    ]);
    const deep = await t.api('POST', '/v1/segments', { key: a.apiKey, body: { name: 'Deep', filter: [1, 2, 3, 4, 5, 6, 7, 8, 9].reduce((f: any) => ({ not: f }), { tag: 'x' }) } });
    expect(deep.status).toBe(400);
    expect(deep.body.error.details[0].message).toContain('deeper');
    const names = (await t.api('GET', '/v1/segments?limit=200', { key: a.apiKey })).body.data.map((s: any) => s.name);
    expect(names).not.toContain('Broken');
    expect(names).not.toContain('Deep');
  });

  it('resolve to the contacts that match now, page by page, also through resolveSegment', async () => {
    const ids = [await create({ tags: ['seg-now'] }), await create({ tags: ['seg-now'] }), await create({ tags: ['seg-now'] })];
    const segment = (await t.api('POST', '/v1/segments', { key: a.apiKey, body: { name: 'Now', filter: { tag: 'seg-now' } } })).body.id;
    expect(await members(segment)).toEqual([...ids].reverse());
    await t.api('PATCH', `/v1/contacts/${ids[1]}`, { key: a.apiKey, body: { tags: [] } });
    expect(await members(segment)).toEqual([ids[2], ids[0]]);

    const first = await resolveSegment(t.platform.deps.db, a.orgId, segment, { limit: 1 });
    expect(first!.contacts.map((c) => c.id)).toEqual([ids[2]]);
    const second = await resolveSegment(t.platform.deps.db, a.orgId, segment, { limit: 1, before: first!.next! });
    expect(second!.contacts.map((c) => c.id)).toEqual([ids[0]]);
    expect(await resolveSegment(t.platform.deps.db, b.orgId, segment, { limit: 10 })).toBeNull();

    const page = await t.api('GET', `/v1/segments/${segment}/contacts?limit=1`, { key: a.apiKey });
    const next = await t.api('GET', `/v1/segments/${segment}/contacts?limit=1&cursor=${page.body.next_cursor}`, { key: a.apiKey });
    expect([page.body.data[0].id, next.body.data[0].id]).toEqual([ids[2], ids[0]]);
  });

  it('keep an attribute they filter on from being deleted', async () => {
    const segment = (await t.api('POST', '/v1/segments', { key: a.apiKey, body: { name: 'Vips', filter: { or: [{ tag: 'x' }, { not: { attribute: 'vip', op: 'exists' } }] } } })).body;
    const refused = await t.api('DELETE', '/v1/contact-attributes/vip', { key: a.apiKey });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('attribute_in_use');
    expect(refused.body.error.details.segments).toEqual([{ id: segment.id, name: 'Vips' }]);
    expect((await t.api('GET', '/v1/contact-attributes', { key: a.apiKey })).body.data.map((d: any) => d.key)).toContain('vip');
  });

  it('belong to their organization alone', async () => {
    const segment = (await t.api('POST', '/v1/segments', { key: a.apiKey, body: { name: 'Private', filter: { and: [] } } })).body.id;
    for (const [method, path] of [['GET', `/v1/segments/${segment}`], ['GET', `/v1/segments/${segment}/contacts`], ['PATCH', `/v1/segments/${segment}`], ['DELETE', `/v1/segments/${segment}`]] as const) {
      const r = await t.api(method, path, { key: b.apiKey, ...(method === 'PATCH' ? { body: { name: 'mine now' } } : {}) });
      expect(r.status, `${method} ${path}`).toBe(404);
    }
    expect((await t.api('GET', '/v1/segments', { key: b.apiKey })).body.data).toEqual([]);
    expect((await t.api('GET', `/v1/segments/${segment}`, { key: a.apiKey })).body.name).toBe('Private');
    // B's contacts never resolve into A's segment of every contact.
    const theirs = await create({}, b.apiKey);
    expect(await members(segment)).not.toContain(theirs);
  });
});

// The filter language against a plain JavaScript reading of the same rules, over random contacts.
describe('the filter compiler agrees with an evaluation in JavaScript', () => {
  const TAGS = ['a', 'b', 'c'];
  const DATES = ['2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z', '2026-03-01T12:30:00.000Z'];
  type View = { id: string; phone: string; name: string | null; language: string | null; tags: string[]; attributes: Record<string, unknown>;
    consent: Record<string, { state: string }>; last_inbound_at: string | null; created_at: string };
  let contacts: View[] = [];

  beforeAll(async () => {
    const contactArb = fc.record({
      name: fc.constantFrom(null, 'Ana', 'anabel', 'Bob', '50%_off'),
      language: fc.constantFrom(null, 'en', 'en-GB', 'pt-BR', 'hi'),
      tags: fc.subarray(TAGS),
      attributes: fc.record({
        age: fc.constantFrom(-1.5, 0, 18, 30, 65), since: fc.constantFrom('2020-02-29', '2024-12-31', '2025-01-01'),
        plan: fc.constantFrom('free', 'pro', 'team'), city: fc.constantFrom('Pune', 'pune', 'Lisbon'), vip: fc.boolean(),
      }, { requiredKeys: [] }),
      lastInbound: fc.constantFrom(null, ...DATES),
      consents: fc.array(fc.record({ purpose: fc.constantFrom('marketing', 'utility', 'authentication', 'all'), state: fc.constantFrom('opted_in', 'opted_out') }), { maxLength: 3 }),
    });
    const db = t.platform.deps.db;
    const records: NewConsent[] = [];
    for (const c of fc.sample(contactArb, { numRuns: 40, seed: 5 })) {
      const id = await create({ name: c.name, language: c.language, tags: c.tags, attributes: c.attributes });
      if (c.lastInbound) await db.query(sql`UPDATE contacts SET last_inbound_at = ${c.lastInbound}::timestamptz WHERE org_id = ${a.orgId} AND id = ${id}`);
      for (const r of c.consents) records.push({ contactId: id, purpose: r.purpose as NewConsent['purpose'], state: r.state as 'opted_in', source: 'api', proof: {}, actor: 'test' });
    }
    await appendConsents(db, a.orgId, records);
    const all = await t.api('POST', '/v1/contacts/search', { key: a.apiKey, body: { limit: 200 } });
    expect(all.body.next_cursor).toBeNull();
    contacts = all.body.data;
    expect(contacts.length).toBeGreaterThan(40);
  });

  const evaluate = (f: any, c: View): boolean => {
    if ('and' in f) return f.and.every((x: any) => evaluate(x, c));
    if ('or' in f) return f.or.some((x: any) => evaluate(x, c));
    if ('not' in f) return !evaluate(f.not, c);
    if ('tag' in f) return c.tags.includes(f.tag.trim().toLowerCase());
    if ('consent' in f) return c.consent[f.consent]!.state === f.state;
    if ('language' in f) {
      const l = c.language?.toLowerCase();
      return !!l && [f.language].flat().some((v: string) => l === v.toLowerCase() || l.startsWith(`${v.toLowerCase()}-`));
    }
    if ('last_inbound' in f || 'created_at' in f) {
      const range = f.last_inbound ?? f.created_at;
      const at = 'last_inbound' in f ? c.last_inbound_at : c.created_at;
      if (range.exists === false) return at === null;
      if (at === null) return false;
      return (!range.after || Date.parse(at) >= Date.parse(range.after)) && (!range.before || Date.parse(at) < Date.parse(range.before));
    }
    if ('q' in f) {
      if (c.name?.toLowerCase().includes(f.q.toLowerCase())) return true;
      const compact = f.q.replace(/[\s().-]/g, '');
      if (!/^\+?\d{1,15}$/.test(compact)) return false;
      const digits = compact.replace(/^\+/, '');
      const national = digits.replace(/^0+/, '');
      return c.phone.startsWith(`+${digits}`) || (!compact.startsWith('+') && national !== '' && c.phone.startsWith(`+1${national}`));
    }
    const v = c.attributes[f.attribute] as any;
    if (v === undefined) return false;
    switch (f.op) {
      case 'exists': return true;
      case 'eq': return v === f.value;
      case 'ne': return v !== f.value;
      case 'in': return f.value.includes(v);
      case 'gt': return v > f.value;
      case 'gte': return v >= f.value;
      case 'lt': return v < f.value;
      case 'lte': return v <= f.value;
    }
    throw new Error(`unknown filter ${JSON.stringify(f)}`);
  };

  const createdBounds = () => [...new Set(contacts.map((c) => c.created_at))];
  const filterArb = () => {
    const ordered = (key: string, values: unknown[]) => fc.record({
      attribute: fc.constant(key), op: fc.constantFrom('eq', 'ne', 'gt', 'gte', 'lt', 'lte'), value: fc.constantFrom(...values),
    });
    const unordered = (key: string, values: unknown[]) => fc.oneof(
      fc.record({ attribute: fc.constant(key), op: fc.constantFrom('eq', 'ne'), value: fc.constantFrom(...values) }),
      fc.record({ attribute: fc.constant(key), op: fc.constant('in'), value: fc.subarray(values, { minLength: 1 }) }),
    );
    const range = (dates: string[], mayBeAbsent: boolean) => fc.record(
      { after: fc.constantFrom(...dates), before: fc.constantFrom(...dates), ...(mayBeAbsent ? { exists: fc.boolean() } : {}) },
      { requiredKeys: [] },
    ).filter((r: any) => Object.keys(r).length > 0 && !(r.exists === false && (r.after || r.before)));
    const leaf = fc.oneof(
      fc.record({ tag: fc.constantFrom(...TAGS, 'B ', 'zz') }),
      ordered('age', [-1.5, 0, 17.9, 18, 30, 100]),
      ordered('since', ['2020-02-29', '2024-12-31', '2025-01-01', '2019-01-01']),
      unordered('plan', ['free', 'pro', 'team']),
      unordered('city', ['Pune', 'pune', 'Lisbon', 'Oslo']),
      unordered('vip', [true, false]).filter((f: any) => f.op !== 'in'),
      fc.record({ attribute: fc.constantFrom('age', 'since', 'plan', 'city', 'vip'), op: fc.constant('exists') }),
      fc.record({ consent: fc.constantFrom('marketing', 'utility', 'authentication'), state: fc.constantFrom('opted_in', 'opted_out', 'none') }),
      fc.record({ last_inbound: range(['2025-12-31T00:00:00Z', ...DATES], true) }),
      fc.record({ created_at: range(createdBounds(), false) }),
      fc.record({ language: fc.constantFrom('en', 'EN-gb', 'pt', 'hi', 'fr') }),
      fc.record({ q: fc.constantFrom('an', 'AN', '50%', '_', 'bob', '202555', '+1202555', '(202) 555-30') }),
    );
    return fc.letrec<{ filter: unknown }>((tie) => ({
      filter: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf,
        fc.record({ and: fc.array(tie('filter'), { maxLength: 3 }) }),
        fc.record({ or: fc.array(tie('filter'), { minLength: 1, maxLength: 3 }) }),
        fc.record({ not: tie('filter') })),
    })).filter;
  };

  it('for any filter tree, search returns exactly the contacts the rules select', async () => {
    await fc.assert(fc.asyncProperty(filterArb(), async (filter) => {
      const r = await t.api('POST', '/v1/contacts/search', { key: a.apiKey, body: { filter, limit: 200 } });
      expect(r.status, `${JSON.stringify(filter)} → ${r.text}`).toBe(200);
      const expected = contacts.filter((c) => evaluate(filter, c)).map((c) => c.id);
      expect(r.body.data.map((c: any) => c.id), JSON.stringify(filter)).toEqual(expected);
    }), { numRuns: 200, seed: 20261126 });
  });
});
