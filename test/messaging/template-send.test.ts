import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../src/db/sql.ts';
import { syncTemplates } from '../../src/templates/sync-templates.ts';
import { SIM, startTestPlatform, type Tenant, type TestPlatform } from '../helpers/test-platform.ts';

// Issue 6, item 5: a template's parameters are checked against it before anything is queued, and the text the
// customer will read is stored with the message.

let t: TestPlatform;
let tenant: Tenant;
const TO = '+12025550160';

async function createApproved(body: object) {
  const res = await fetch(`${t.simUrl}/v26.0/${tenant.wabaId}/message_templates`, {
    method: 'POST', headers: { authorization: `Bearer ${SIM.accessToken}`, 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  const [number] = await t.platform.deps.db.query<{ account_id: string }>(sql`SELECT account_id FROM phone_numbers WHERE org_id = ${tenant.orgId}`);
  const name = (body as { name: string }).name;
  await t.waitFor(`${name} approved`, async () => {
    await syncTemplates(t.platform.deps, tenant.orgId, number!.account_id);
    return (await t.platform.deps.db.query<{ status: string }>(sql`SELECT status FROM templates WHERE org_id = ${tenant.orgId} AND name = ${name}`))[0]?.status === 'APPROVED';
  });
}

const countMessages = async () => (await t.platform.deps.db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM messages WHERE org_id = ${tenant.orgId}`))[0]!.n;

beforeAll(async () => {
  t = await startTestPlatform({ workers: false });
  tenant = await t.createTenant('Params Co');
  await createApproved({
    name: 'order_ready', language: 'en_US', category: 'UTILITY',
    components: [
      { type: 'HEADER', format: 'TEXT', text: 'Order {{1}}', example: { header_text: ['A-1'] } },
      { type: 'BODY', text: 'Hello {{1}}, your order of {{2}} is ready for pickup today.', example: { body_text: [['Ann', '3 items']] } },
    ],
  });
  await createApproved({
    name: 'named_ready', language: 'en_US', category: 'UTILITY', parameter_format: 'NAMED',
    components: [{
      type: 'BODY', text: 'Hello {{first_name}}, your table for tonight is ready now.',
      example: { body_text_named_params: [{ param_name: 'first_name', example: 'Ann' }] },
    }],
  });
}, 60_000);
afterAll(() => t?.close());

describe('template parameters at send time', () => {
  it('refuses a wrong parameter count before anything is queued, naming where', async () => {
    const before = await countMessages();
    const r = await t.api('POST', '/v1/messages', {
      key: tenant.apiKey,
      body: { to: TO, type: 'template', template: { name: 'order_ready', language: { code: 'en_US' }, components: [
        { type: 'header', parameters: [{ type: 'text', text: 'B-7' }] },
        { type: 'body', parameters: [{ type: 'text', text: 'Ann' }] },
      ] } },
    });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('template_parameters_mismatch');
    expect(r.body.error.details[0]).toMatchObject({ path: expect.stringContaining('body.template'), rule: expect.stringContaining('parameter_count') });
    expect(await countMessages()).toBe(before);
  });

  it('refuses positional values for a named template', async () => {
    const r = await t.api('POST', '/v1/messages', {
      key: tenant.apiKey,
      body: { to: TO, type: 'template', template: { name: 'named_ready', language: { code: 'en_US' }, components: [
        { type: 'body', parameters: [{ type: 'text', text: 'Ann' }] },
      ] } },
    });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('template_parameters_mismatch');
  });

  it('stores what the customer will read', async () => {
    const r = await t.api('POST', '/v1/messages', {
      key: tenant.apiKey,
      body: { to: TO, type: 'template', template: { name: 'order_ready', language: { code: 'en_US' }, components: [
        { type: 'header', parameters: [{ type: 'text', text: 'B-7' }] },
        { type: 'body', parameters: [{ type: 'text', text: 'Ravi' }, { type: 'text', text: '2 shirts' }] },
      ] } },
    });
    expect(r.status, r.text).toBe(202);
    const m = await t.api('GET', `/v1/messages/${r.body.id}`, { key: tenant.apiKey });
    expect(m.body.rendered_text).toContain('Order B-7');
    expect(m.body.rendered_text).toContain('Hello Ravi, your order of 2 shirts is ready for pickup today.');
    expect(m.body).toMatchObject({ category: 'utility', consent_record_id: expect.stringMatching(/^cns_/) });

    const named = await t.api('POST', '/v1/messages', {
      key: tenant.apiKey,
      body: { to: TO, type: 'template', template: { name: 'named_ready', language: { code: 'en_US' }, components: [
        { type: 'body', parameters: [{ type: 'text', parameter_name: 'first_name', text: 'Meera' }] },
      ] } },
    });
    expect(named.status, named.text).toBe(202);
    expect((await t.api('GET', `/v1/messages/${named.body.id}`, { key: tenant.apiKey })).body.rendered_text).toContain('Hello Meera, your table');
  });
});
