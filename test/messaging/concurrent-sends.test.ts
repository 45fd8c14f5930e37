import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../src/db/sql.ts';
import { startTestPlatform, type Tenant, type TestPlatform } from '../helpers/test-platform.ts';
import { customer, helloWorld } from '../helpers/dispatch-helpers.ts';

// Single sends that arrive together are read and stored together, one statement a batch (decision 0029). Each
// must still come out as if it had been alone: its own answer, its own row and history, the right contact.

let t: TestPlatform;
let first: Tenant;
let second: Tenant;

beforeAll(async () => {
  t = await startTestPlatform({ workers: false });
  first = await t.createTenant('Together One');
  second = await t.createTenant('Together Two');
}, 60_000);
afterAll(() => t?.close());

describe('concurrent single sends', () => {
  it('are each answered and stored on their own, each to its organization\'s contact', async () => {
    // 20 opted-in customers, each sent to twice by each organization at the same moment, and a refused send among them.
    const numbers = Array.from({ length: 20 }, (_, i) => customer(i));
    // A first send to each reaches the customer (Meta's messaging limit meters first contacts one by one, under a
    // lock); the sends after it to a reached customer are the ones that go together.
    for (const tenant of [first, second]) {
      for (const to of numbers) expect((await t.api('POST', '/v1/messages', { key: tenant.apiKey, body: helloWorld(to) })).status).toBe(202);
    }
    const before = new Set((await t.platform.deps.db.query<{ id: string }>(sql`SELECT id FROM messages`)).map((r) => r.id));
    const sends = [first, second].flatMap((tenant) => numbers.flatMap((to) => [helloWorld(to), helloWorld(to)].map((body) => ({ tenant, body }))));
    sends.splice(37, 0, { tenant: first, body: { to: customer(399), type: 'template', template: { name: 'no_such_template', language: { code: 'en_US' } } } });
    const answers = await Promise.all(sends.map(({ tenant, body }) => t.api('POST', '/v1/messages', { key: tenant.apiKey, body })));

    expect(answers[37]!.status).toBe(422);
    expect(answers[37]!.body.error.code).toBe('template_not_approved');
    const accepted = answers.filter((_, i) => i !== 37);
    for (const a of accepted) expect(a.status, JSON.stringify(a.body)).toBe(202);
    expect(new Set(accepted.map((a) => a.body.id)).size).toBe(80);

    for (const tenant of [first, second]) {
      const own = sends.flatMap((s, i) => (s.tenant === tenant && i !== 37 ? [answers[i]!.body] : []));
      const rows = (await t.platform.deps.db.query<{ id: string; counterpart: string; contact_phone: string; status: string; events: string[] | null; created_at: Date }>(sql`
        SELECT m.id, m.counterpart, c.phone_e164 AS contact_phone, m.status, m.created_at,
          (SELECT array_agg(e.status) FROM message_status_events e WHERE e.org_id = m.org_id AND e.message_id = m.id) AS events
        FROM messages m JOIN contacts c ON c.org_id = m.org_id AND c.id = m.contact_id
        WHERE m.org_id = ${tenant.orgId}`)).filter((r) => !before.has(r.id));
      // Exactly the accepted ones, each to its number's contact in this organization, each with its first event.
      expect(rows.map((r) => r.id).sort()).toEqual(own.map((a) => a.id).sort());
      const answered = new Map(own.map((a) => [a.id, a.to]));
      for (const row of rows) {
        expect(row.counterpart).toBe(answered.get(row.id));
        expect(row.contact_phone).toBe(row.counterpart);
        expect(row.status).toBe('accepted');
        expect(row.events).toEqual(['accepted']);
      }
      const contacts = await t.platform.deps.db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM contacts WHERE org_id = ${tenant.orgId}`);
      expect(contacts[0]!.n).toBe(100); // the opted-in customers, none made twice
    }

    // On PostgreSQL they were stored together: one statement gives its rows one transaction time. (On PGlite
    // this test's requests, made from the server's own event loop, reach it one turn apart, so each goes alone.)
    if (t.platform.deps.db.kind !== 'postgres') return;
    const shared = await t.platform.deps.db.query<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM messages WHERE org_id IN (${first.orgId}, ${second.orgId}) AND NOT id = ANY(${[...before]}::text[]) GROUP BY created_at ORDER BY n DESC LIMIT 1`);
    expect(shared[0]!.n).toBeGreaterThan(1);
  });

  it('refresh the same customers\' place in Meta\'s window beside concurrent batches without failing', async () => {
    // Customers reached 23 hours ago: every send below moves their time forward, single sends in their shared
    // statement and batches in their transactions, all at once — rows locked in one order, none may deadlock.
    const numbers = Array.from({ length: 20 }, (_, i) => customer(i));
    await t.platform.deps.db.query(sql`
      UPDATE initiated_recipients SET last_at = now() - interval '23 hours'
      WHERE org_id = ${first.orgId} AND contact_id IN (SELECT id FROM contacts WHERE org_id = ${first.orgId} AND phone_e164 = ANY(${numbers}::text[]))`);
    const batches = Array.from({ length: 4 }, (_, b) => t.api('POST', '/v1/messages/batch', {
      key: first.apiKey, body: { messages: numbers.map((_, i) => helloWorld(numbers[(i + 5 * b) % 20]!)) },
    }));
    const singles = numbers.flatMap((to) => [to, to]).map((to) => t.api('POST', '/v1/messages', { key: first.apiKey, body: helloWorld(to) }));
    const [batchAnswers, singleAnswers] = await Promise.all([Promise.all(batches), Promise.all(singles)]);
    for (const b of batchAnswers) {
      expect(b.status, JSON.stringify(b.body).slice(0, 300)).toBe(200);
      expect(b.body).toMatchObject({ accepted: 20, refused: 0 });
    }
    for (const a of singleAnswers) expect(a.status, JSON.stringify(a.body)).toBe(202);
    const stale = await t.platform.deps.db.query<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM initiated_recipients
      WHERE org_id = ${first.orgId} AND counted AND last_at < now() - interval '1 hour'
        AND contact_id IN (SELECT id FROM contacts WHERE org_id = ${first.orgId} AND phone_e164 = ANY(${numbers}::text[]))`);
    expect(stale[0]!.n).toBe(0);
  });
});
