import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../src/db/sql.ts';
import { createApiKey } from '../../src/tenancy/api-keys.ts';
import { startTestPlatform, type Tenant, type TestPlatform } from '../helpers/test-platform.ts';
import { customerWrites } from '../helpers/dispatch-helpers.ts';

// AUP 3.2 (fraud, phishing) on the send path: what the customer would read is screened before it is queued —
// blocked, held for a reviewer, or let through — and the tenant can dry-run the same verdict.

let t: TestPlatform;
let tenant: Tenant;
let reviewerKey: string;
const CUSTOMER = '+12025550177';

const PHISHING = 'Your SBI account will be blocked today. Update KYC now at http://sbi-kyc-update.xyz/login and share the OTP you receive.';
const SUSPICIOUS = 'Hi, click http://203.0.113.9/offer for your discount';
const text = (body: string) => ({ to: CUSTOMER, type: 'text', text: { body } });
const outboundCount = async () => (await t.platform.deps.db.query<{ n: number }>(sql`
  SELECT count(*)::int AS n FROM messages WHERE org_id = ${tenant.orgId} AND direction = 'outbound'`))[0]!.n;
const sentToCustomer = async () => (await t.sim('GET', `/_sim/sent?to=${encodeURIComponent(CUSTOMER)}`)).data as { body: { text?: { body: string } } }[];

beforeAll(async () => {
  t = await startTestPlatform({ workers: true });
  tenant = await t.createTenant('Screened Co');
  reviewerKey = (await createApiKey(t.platform.deps.db, tenant.orgId, { name: 'reviewer', mode: 'test', scopes: ['compliance:review', 'messages:read'] })).secret;
  // The customer writes first, so free-form replies are allowed and only screening decides.
  await customerWrites(t, tenant, CUSTOMER, 'Hello');
}, 60_000);
afterAll(() => t?.close());

describe('AUP 3.2: content screening on the send path', () => {
  it('blocks a phishing message before anything is stored, naming the rules and the clause', async () => {
    const before = await outboundCount();
    const r = await t.api('POST', '/v1/messages', { key: tenant.apiKey, body: text(PHISHING) });
    expect(r.status).toBe(422);
    expect(r.body.error).toMatchObject({ code: 'content_blocked', policy_clause: '3.2' });
    expect(r.body.error.details.map((d: { rule: string }) => d.rule)).toEqual(expect.arrayContaining(['text.otp_request', 'url.brand_in_domain']));
    expect(await outboundCount()).toBe(before);
    const [signal] = await t.platform.deps.db.query<{ kind: string; clause: string }>(sql`
      SELECT kind, clause FROM compliance_signals WHERE org_id = ${tenant.orgId} ORDER BY id DESC LIMIT 1`);
    expect(signal).toEqual({ kind: 'screening_block', clause: '3.2' });
  });

  it('lets ordinary messages through, and blocks the same way in a batch', async () => {
    const ok = await t.api('POST', '/v1/messages', { key: tenant.apiKey, body: text('Your OTP is 482913. Do not share it with anyone.') });
    expect(ok.status).toBe(202);
    expect(ok.body.status).toBe('accepted');
    const batch = await t.api('POST', '/v1/messages/batch', { key: tenant.apiKey, body: { messages: [text('Your order has shipped.'), text(PHISHING)] } });
    expect(batch.body.data[0].status).toBe('accepted');
    expect(batch.body.data[1].error.code).toBe('content_blocked');
  });

  it('holds a suspicious message for review: not sent until a reviewer releases it; a rejected one never goes', async () => {
    const held = await t.api('POST', '/v1/messages', { key: tenant.apiKey, body: text(SUSPICIOUS) });
    expect(held.status).toBe(202);
    expect(held.body.status).toBe('held');
    const message = await t.api('GET', `/v1/messages/${held.body.id}`, { key: tenant.apiKey });
    expect(message.body.screening).toMatchObject({ decision: 'hold', rules: [expect.objectContaining({ id: 'url.ip_host' })] });
    const queue = await t.api('GET', '/v1/compliance/held', { key: tenant.apiKey });
    expect(queue.body.data.map((m: { id: string }) => m.id)).toContain(held.body.id);

    // The sending key cannot wave its own message through.
    expect((await t.api('POST', `/v1/compliance/held/${held.body.id}/release`, { key: tenant.apiKey, body: {} })).status).toBe(403);
    expect((await sentToCustomer()).some((s) => s.body.text?.body === SUSPICIOUS)).toBe(false);

    const released = await t.api('POST', `/v1/compliance/held/${held.body.id}/release`, { key: reviewerKey, body: { note: 'our own promo server' } });
    expect(released.body).toEqual({ id: held.body.id, status: 'accepted' });
    await t.waitFor('the released message sent', async () => (await sentToCustomer()).some((s) => s.body.text?.body === SUSPICIOUS));
    expect((await t.api('POST', `/v1/compliance/held/${held.body.id}/release`, { key: reviewerKey, body: {} })).status).toBe(409);
    const history = (await t.api('GET', `/v1/messages/${held.body.id}`, { key: tenant.apiKey })).body.history.map((h: { status: string }) => h.status);
    expect(history.slice(0, 2)).toEqual(['held', 'accepted']);

    const second = await t.api('POST', '/v1/messages', { key: tenant.apiKey, body: text(`${SUSPICIOUS} today`) });
    expect(second.body.status).toBe('held');
    const rejected = await t.api('POST', `/v1/compliance/held/${second.body.id}/reject`, { key: reviewerKey, body: { reason: 'not ours' } });
    expect(rejected.body.status).toBe('failed');
    const failed = await t.api('GET', `/v1/messages/${second.body.id}`, { key: tenant.apiKey });
    expect(failed.body.status).toBe('failed');
    expect(failed.body.error.message).toBe('not ours');
    expect((await sentToCustomer()).some((s) => s.body.text?.body === `${SUSPICIOUS} today`)).toBe(false);
  });

  it('screens a template\'s parameters, not only its approved text', async () => {
    const r = await t.api('POST', '/v1/messages', {
      key: tenant.apiKey,
      body: { to: CUSTOMER, type: 'interactive', interactive: { type: 'cta_url', body: { text: 'Your account is blocked. Verify your card CVV now.' },
        action: { name: 'cta_url', parameters: { display_text: 'hdfcbank.com', url: 'http://hdfc-secure-verify.top/login' } } } },
    });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('content_blocked');
  });

  it('gives the same verdict as a dry run, and applies the organization\'s deny list', async () => {
    const dry = await t.api('POST', '/v1/compliance/screen', { key: tenant.apiKey, body: { text: PHISHING } });
    expect(dry.status).toBe(200);
    expect(dry.body.decision).toBe('block');
    expect((await t.api('POST', '/v1/compliance/screen', { key: tenant.apiKey, body: { message: text('See you at 5pm at the store.') } })).body).toMatchObject({ decision: 'allow', rules: [] });

    const lists = await t.api('PUT', '/v1/compliance/domains', { key: reviewerKey, body: { allow: [], deny: ['www.rival-shop.example'] } });
    expect(lists.body).toEqual({ allow: [], deny: ['rival-shop.example'] });
    const denied = await t.api('POST', '/v1/messages', { key: tenant.apiKey, body: text('Compare prices at https://deals.rival-shop.example/today') });
    expect(denied.body.error.code).toBe('content_blocked');
    expect((await t.api('PUT', '/v1/compliance/domains', { key: reviewerKey, body: { allow: ['not a domain'], deny: [] } })).status).toBe(400);
  });

  it('screens a template before it is submitted to Meta', async () => {
    const draft = await t.api('POST', '/v1/templates', {
      key: tenant.apiKey,
      body: { name: 'account_notice', language: 'en_US', category: 'UTILITY', components: [{
        type: 'BODY', text: 'Dear customer {{1}}, your SBI account will be blocked today. Share the OTP you receive to keep it active.',
        example: { body_text: [['Ravi']] },
      }] },
    });
    expect(draft.status, draft.text).toBe(201);
    const submitted = await t.api('POST', `/v1/templates/${draft.body.id}/submit`, { key: tenant.apiKey });
    expect(submitted.status).toBe(422);
    expect(submitted.body.error).toMatchObject({ code: 'content_blocked', policy_clause: '3.2' });
    expect((await t.api('GET', `/v1/templates/${draft.body.id}`, { key: tenant.apiKey })).body.status).toBe('DRAFT');
  });
});
