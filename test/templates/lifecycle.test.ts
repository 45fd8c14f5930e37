import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIM, startTestPlatform, type Tenant, type TestPlatform } from '../helpers/test-platform.ts';
import { startReceiver } from '../helpers/webhook-receiver.ts';
import { approvedTemplate, bodyOnly, getTemplate, orderShipped, uniqueName, waitForStatus } from './template-helpers.ts';

let t: TestPlatform;
let tenant: Tenant;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  t = await startTestPlatform({
    workers: true,
    env: { OUTBOUND_ALLOW_LOOPBACK: 'true', WEBHOOK_RETRY_BASE_MS: '100', WEBHOOK_RETRY_MAX_MS: '400', WEBHOOK_IDLE_MS: '25' },
  });
  tenant = await t.createTenant('Templates');
  receiver = await startReceiver();
  const ep = await t.api('POST', '/v1/webhook-endpoints', { key: tenant.apiKey, body: { url: receiver.url, event_types: ['template.status', 'template.quality', 'template.category'] } });
  expect(ep.status).toBe(201);
});
afterAll(async () => {
  await receiver?.close();
  await t?.close();
});

const customerEvents = (templateId: string) => receiver.accepted().map((r) => JSON.parse(r.body)).filter((e) => e.data.template_id === templateId);

describe('creating a template', () => {
  it('refuses a definition that breaks Meta\'s rules with every violation\'s path and rule, writing nothing', async () => {
    const name = uniqueName('bad');
    const r = await t.api('POST', '/v1/templates', {
      key: tenant.apiKey,
      body: { name: name.toUpperCase(), language: 'en_US', category: 'PROMO', components: [{ type: 'FOOTER', text: 'x'.repeat(61) }] },
    });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('validation_failed');
    const paths = r.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['body.name', 'body.category', 'body.components']));
    for (const d of r.body.error.details) expect(d.rule).toEqual(expect.any(String));
    const listed = await t.api('GET', `/v1/templates?name=${name.toUpperCase()}`, { key: tenant.apiKey });
    expect(listed.body.data).toEqual([]);
  });

  it('stores a draft that Meta has not seen, then submits it', async () => {
    const name = uniqueName('draft');
    const created = await t.api('POST', '/v1/templates', { key: tenant.apiKey, body: orderShipped(name) });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'DRAFT', meta_template_id: null, name, category: 'UTILITY' });
    const atMeta = await (await fetch(`${t.simUrl}/v26.0/${tenant.wabaId}/message_templates?name=${name}`, { headers: { authorization: `Bearer ${SIM.accessToken}` } })).json() as { data: unknown[] };
    expect(atMeta.data).toEqual([]);
    const submitted = await t.api('POST', `/v1/templates/${created.body.id}/submit`, { key: tenant.apiKey });
    expect(submitted.status).toBe(200);
    expect(submitted.body.meta_template_id).toMatch(/^\d+$/);
    const again = await t.api('POST', `/v1/templates/${created.body.id}/submit`, { key: tenant.apiKey });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('template_not_submittable');
  });
});

describe('the simulator reviews, the platform follows', () => {
  it('approves a submitted template by webhook, and the template can then be sent', async () => {
    const name = uniqueName('shipped');
    const approved = await approvedTemplate(t, tenant, orderShipped(name));
    const history = approved.history.filter((h: any) => h.kind === 'status');
    expect(history.map((h: any) => [h.event, h.source])).toEqual([['PENDING', 'api'], ['APPROVED', 'webhook']]);
    expect(history[1]).toMatchObject({ previous: 'PENDING', applied: true });

    const sent = await t.api('POST', '/v1/messages', {
      key: tenant.apiKey,
      body: { to: '+12025550100', type: 'template', template: { name, language: { code: 'en_US' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'Ana' }, { type: 'text', text: 'A-7' }] }] } },
    });
    expect(sent.status, sent.text).toBe(202);
    const delivered = await t.waitFor('delivered', async () => {
      const m = await t.api('GET', `/v1/messages/${sent.body.id}`, { key: tenant.apiKey });
      return ['delivered', 'read'].includes(m.body.status) ? m.body : null;
    });
    const atMeta = (await t.sim('GET', `/_sim/sent?to=12025550100`)).data.find((s: any) => s.wamid === delivered.wamid);
    expect(atMeta.body.template.name).toBe(name);

    const events = await t.waitFor('template.status events', async () => {
      const list = customerEvents(approved.id);
      return list.some((e) => e.data.status === 'APPROVED') ? list : null;
    });
    expect(events.map((e) => e.data.status)).toEqual(['PENDING', 'APPROVED']);
    expect(events.map((e) => e.data.sequence)).toEqual([1, 2]);
  });

  it('rejects a prohibited phrase, and the reason reaches the customer\'s webhook', async () => {
    const created = await t.api('POST', '/v1/templates', {
      key: tenant.apiKey,
      // Gambling: our own screening lets it through (it is not fraud), Meta's review does not. (A guaranteed-income
      // pitch would not reach Meta at all: content screening holds it, test/compliance/send-path-screening.test.ts.)
      body: { ...bodyOnly(uniqueName('casino'), 'MARKETING', 'Our online casino has new tables tonight, come and play with friends.'), submit: true },
    });
    expect(created.status).toBe(201);
    const rejected = await waitForStatus(t, tenant, created.body.id, 'REJECTED');
    expect(rejected.rejected_reason).toBe('ABUSIVE_CONTENT');
    expect(rejected.rejection_info.reason).toMatch(/gambling/i);
    const event = await t.waitFor('REJECTED event', async () => customerEvents(created.body.id).find((e) => e.data.status === 'REJECTED'));
    expect(event.type).toBe('template.status');
    expect(event.data).toMatchObject({ event: 'REJECTED', reason: 'ABUSIVE_CONTENT', previous_status: 'PENDING', name: created.body.name });
    expect(event.data.rejection_info.recommendation).toEqual(expect.any(String));
  });

  it('rejects a promotional UTILITY template, or re-files it as MARKETING when allowed', async () => {
    const text = 'Hello there, our summer sale is on now with a big discount on every order.';
    const strict = await t.api('POST', '/v1/templates', { key: tenant.apiKey, body: { ...bodyOnly(uniqueName('promo'), 'UTILITY', text), submit: true } });
    const rejected = await waitForStatus(t, tenant, strict.body.id, 'REJECTED');
    expect(rejected.rejected_reason).toBe('INCORRECT_CATEGORY');

    const lenient = await t.api('POST', '/v1/templates', {
      key: tenant.apiKey, body: { ...bodyOnly(uniqueName('promo'), 'UTILITY', text, { allow_category_change: true }), submit: true },
    });
    expect(lenient.body.options).toEqual({ allow_category_change: true });
    const approved = await waitForStatus(t, tenant, lenient.body.id, 'APPROVED');
    expect(approved).toMatchObject({ category: 'MARKETING', previous_category: 'UTILITY' });
    const categoryEvent = await t.waitFor('template.category', async () => customerEvents(approved.id).find((e) => e.type === 'template.category'));
    expect(categoryEvent.data).toMatchObject({ category: 'MARKETING', previous_category: 'UTILITY' });
  });

  it('pauses a template whose quality fell, and sending it is refused as paused; a disabled one is refused as disabled', async () => {
    const name = uniqueName('quality');
    const approved = await approvedTemplate(t, tenant, orderShipped(name));
    await t.sim('POST', `/_sim/templates/${approved.meta_template_id}/quality`, { score: 'RED' });
    // Two webhooks (quality, then status) that may be processed in either order.
    const paused = await t.waitFor('paused with quality RED', async () => {
      const got = await getTemplate(t, tenant, approved.id);
      return got.status === 'PAUSED' && got.quality_score === 'RED' ? got : null;
    });
    expect(paused.status_detail.other_info.title).toBe('FIRST_PAUSE');
    const quality = await t.waitFor('template.quality', async () => customerEvents(approved.id).find((e) => e.type === 'template.quality'));
    expect(quality.data).toMatchObject({ quality_score: 'RED', previous_quality_score: null });

    const send = () => t.api('POST', '/v1/messages', {
      key: tenant.apiKey,
      body: { to: '+12025550101', type: 'template', template: { name, language: { code: 'en_US' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'A' }, { type: 'text', text: 'B' }] }] } },
    });
    const refused = await send();
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('template_not_approved');
    expect(refused.body.error.message).toMatch(/paused/i);

    await t.sim('POST', `/_sim/templates/${approved.meta_template_id}/disable`);
    await waitForStatus(t, tenant, approved.id, 'DISABLED');
    const disabled = await send();
    expect(disabled.status).toBe(422);
    expect(disabled.body.error.message).toMatch(/disabled/i);
    const del = await t.api('DELETE', `/v1/templates/${approved.id}`, { key: tenant.apiKey });
    expect(del.status).toBe(409);
    expect(del.body.error.code).toBe('template_not_deletable');
  });

  it('maps Meta\'s refusal with its subcode, and `submit: true` then leaves nothing behind', async () => {
    const name = uniqueName('taken');
    // Created "in Meta's manager": straight at the Graph API, not through the platform.
    const res = await fetch(`${t.simUrl}/v26.0/${tenant.wabaId}/message_templates`, {
      method: 'POST', headers: { authorization: `Bearer ${SIM.accessToken}`, 'content-type': 'application/json' }, body: JSON.stringify(orderShipped(name)),
    });
    expect(res.status).toBe(200);
    const made = await res.json() as { id: string };
    await t.waitFor('approved at Meta', async () => (await t.sim('GET', '/_sim/webhooks?event=APPROVED')).data.some((w: any) => String(w.payload.entry[0].changes[0].value.message_template_id) === made.id && w.delivered));
    const r = await t.api('POST', '/v1/templates', { key: tenant.apiKey, body: { ...orderShipped(name), submit: true } });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('template_exists');
    expect(r.body.error.details).toMatchObject({ meta_code: 100, meta_subcode: 2388024 });
    const listed = await t.api('GET', `/v1/templates?name=${name}`, { key: tenant.apiKey });
    expect(listed.body.data).toEqual([]);
  });
});

describe('listing', () => {
  it('filters by status, category, language and name', async () => {
    const name = uniqueName('listed');
    const draft = await t.api('POST', '/v1/templates', { key: tenant.apiKey, body: orderShipped(name, { language: 'pt_BR' }) });
    expect(draft.status).toBe(201);
    const byName = await t.api('GET', `/v1/templates?name=${name}&language=pt_BR&status=DRAFT&category=UTILITY`, { key: tenant.apiKey });
    expect(byName.body.data.map((x: any) => x.id)).toEqual([draft.body.id]);
    const wrongStatus = await t.api('GET', `/v1/templates?name=${name}&status=APPROVED`, { key: tenant.apiKey });
    expect(wrongStatus.body.data).toEqual([]);
    const got = await getTemplate(t, tenant, draft.body.id);
    expect(got.history).toEqual([]);
  });
});
