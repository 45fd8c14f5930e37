import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../src/db/sql.ts';
import { startTestPlatform, type Tenant, type TestPlatform } from '../helpers/test-platform.ts';

let t: TestPlatform;
let tenant: Tenant;

beforeAll(async () => {
  t = await startTestPlatform({ workers: false });
  tenant = await t.createTenant('Fuzz');
});
afterAll(async () => t?.close());

const TYPES = ['text', 'image', 'video', 'audio', 'document', 'sticker', 'location', 'contacts', 'reaction', 'interactive', 'template', 'carrier_pigeon'];

// Bodies near the real shape (a type and a payload object of arbitrary JSON) find more than random JSON alone.
const nearlyValid = fc.record({
  to: fc.oneof(fc.constant('+12025550100'), fc.string({ maxLength: 20 }), fc.integer()),
  type: fc.constantFrom(...TYPES),
  payload: fc.jsonValue({ maxDepth: 4 }),
  extra: fc.option(fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 })),
}).map(({ to, type, payload, extra }) => ({ to, type, [type]: payload, ...(extra ?? {}) }));

const counts = async () => {
  const [row] = await t.platform.deps.db.query<{ messages: number; contacts: number; events: number }>(sql`
    SELECT (SELECT count(*)::int FROM messages WHERE org_id = ${tenant.orgId}) AS messages,
           (SELECT count(*)::int FROM contacts WHERE org_id = ${tenant.orgId}) AS contacts,
           (SELECT count(*)::int FROM message_status_events WHERE org_id = ${tenant.orgId}) AS events`);
  return row!;
};

describe('POST /v1/messages with arbitrary input', () => {
  it('never answers 5xx, and stores exactly the messages it accepted, each with its history', async () => {
    let accepted = 0;
    const before = await counts();
    await fc.assert(fc.asyncProperty(fc.oneof(nearlyValid, fc.jsonValue({ maxDepth: 4 })), async (body) => {
      const r = await t.api('POST', '/v1/messages', { key: tenant.apiKey, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
      expect([202, 400, 404, 422], `${r.status} for ${JSON.stringify(body)}: ${r.text}`).toContain(r.status);
      if (r.status === 202) accepted++;
      else expect(r.body.error.code).toMatch(/^[a-z_]+$/);
    }), { numRuns: 300 });
    const after = await counts();
    expect(after.messages - before.messages).toBe(accepted);
    expect(after.events - before.events).toBe(accepted);
    expect(after.contacts - before.contacts).toBeLessThanOrEqual(accepted);
  });
});
