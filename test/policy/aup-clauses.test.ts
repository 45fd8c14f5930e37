import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../src/db/sql.ts';
import { customer, customerWrites } from '../helpers/dispatch-helpers.ts';
import { startTestPlatform, type Tenant, type TestPlatform } from '../helpers/test-platform.ts';

// Clauses of the Acceptable Use Policy whose prevention is not already walked through in a test of its own
// (3.1: test/contacts/aup-3.1-walkthrough.test.ts; 3.2: test/compliance/send-path-screening.test.ts; 3.4:
// test/messaging/media-screening.test.ts; 3.6: test/api/throttling.test.ts and test/messaging/messaging-limit.test.ts).

let t: TestPlatform;
let tenant: Tenant;

beforeAll(async () => {
  t = await startTestPlatform({ workers: true });
  tenant = await t.createTenant('Clauses Co');
}, 60_000);
afterAll(() => t?.close());

describe('AUP 3.3 — no circumventing WhatsApp\'s restrictions', () => {
  it('refuses free-form messages outside the customer-service window and unapproved templates, naming the clause', async () => {
    const text = await t.api('POST', '/v1/messages', { key: tenant.apiKey, body: { to: customer(30), type: 'text', text: { body: 'Hello again!' } } });
    expect(text.status).toBe(422);
    expect(text.body.error).toMatchObject({ code: 'outside_customer_service_window', policy_clause: '3.3' });
    const unknown = await t.api('POST', '/v1/messages', { key: tenant.apiKey, body: { to: customer(30), type: 'template', template: { name: 'never_reviewed', language: { code: 'en_US' } } } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error).toMatchObject({ code: 'template_not_approved', policy_clause: '3.3' });
  });
  // Throughput never above Meta's level: test/dispatch/pacing.test.ts (judged at the simulator, with its slack).
});

describe('AUP 3.5 — no infringing on others\' trademarks', () => {
  it('blocks messages that send customers to lookalikes of well-known brands, citing the clause', async () => {
    await customerWrites(t, tenant, customer(40), 'Hi');
    const r = await t.api('POST', '/v1/messages', { key: tenant.apiKey, body: { to: customer(40), type: 'text', text: { body: 'Visit https://paypa1.com/account to see your statement' } } });
    expect(r.status).toBe(422);
    expect(r.body.error).toMatchObject({ code: 'content_blocked', policy_clause: '3.5' });
    expect(r.body.error.details[0]).toMatchObject({ rule: 'url.lookalike', clause: '3.5' });
    // The same brand's real domain is fine.
    const real = await t.api('POST', '/v1/messages', { key: tenant.apiKey, body: { to: customer(40), type: 'text', text: { body: 'Your receipt is on https://www.paypal.com/activity' } } });
    expect(real.status).toBe(202);
  });

  it('lists every clause 3.1 to 3.6 with enforced checks and their tests', async () => {
    const map = await t.api('GET', '/v1/policy/enforcement', { key: tenant.apiKey });
    for (const clause of ['3.1', '3.2', '3.3', '3.4', '3.5', '3.6']) {
      const entry = map.body.clauses.find((c: { clause: string }) => c.clause === clause);
      const enforced = entry.checks.filter((c: { status: string }) => c.status === 'enforced');
      expect(enforced.length, clause).toBeGreaterThan(0);
      expect(enforced.every((c: { tests: string[] }) => c.tests.length > 0), clause).toBe(true);
    }
  });
});
