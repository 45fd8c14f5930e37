import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIM, startTestPlatform, type Tenant, type TestPlatform } from '../helpers/test-platform.ts';
import { approvedTemplate, getTemplate, orderShipped, postMetaWebhook, uniqueName, waitForStatus } from './template-helpers.ts';

let t: TestPlatform;
let tenant: Tenant;

beforeAll(async () => {
  t = await startTestPlatform({ workers: true });
  tenant = await t.createTenant('Template edits');
});
afterAll(async () => t?.close());

const graph = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(`${t.simUrl}/v26.0/${path}`, {
    method, headers: { authorization: `Bearer ${SIM.accessToken}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: await res.json() as any };
};

const newBody = (text: string) => [{ type: 'BODY', text, example: { body_text: [['Ana', 'A-1001']] } }];

describe('editing', () => {
  it('changes a draft freely, re-validating it whole', async () => {
    const draft = (await t.api('POST', '/v1/templates', { key: tenant.apiKey, body: orderShipped(uniqueName('draft')) })).body;
    const renamed = uniqueName('renamed');
    const r = await t.api('PATCH', `/v1/templates/${draft.id}`, { key: tenant.apiKey, body: { name: renamed, category: 'MARKETING' } });
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ name: renamed, category: 'MARKETING', status: 'DRAFT' });
    const bad = await t.api('PATCH', `/v1/templates/${draft.id}`, { key: tenant.apiKey, body: { components: [] } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toMatch(/^body\.components/);
    expect((await getTemplate(t, tenant, draft.id)).name).toBe(renamed);
  });

  it('follows Meta\'s rules for an approved template: no category change, back to review, once per 24 hours', async () => {
    const approved = await approvedTemplate(t, tenant, orderShipped(uniqueName('edited')));
    const category = await t.api('PATCH', `/v1/templates/${approved.id}`, { key: tenant.apiKey, body: { category: 'MARKETING' } });
    expect(category.status).toBe(409);
    expect(category.body.error.code).toBe('template_not_editable');
    const renamed = await t.api('PATCH', `/v1/templates/${approved.id}`, { key: tenant.apiKey, body: { name: 'other_name' } });
    expect(renamed.status).toBe(409);

    const text = 'Hi {{1}}, good news: your order {{2}} is on its way to you today.';
    const edit = await t.api('PATCH', `/v1/templates/${approved.id}`, { key: tenant.apiKey, body: { components: newBody(text) } });
    expect(edit.status, edit.text).toBe(200);
    expect(edit.body.status).toBe('PENDING');
    const atMeta = await graph('GET', `${approved.meta_template_id}?fields=components,status`);
    expect(atMeta.body.components[0].text).toBe(text);

    const reapproved = await waitForStatus(t, tenant, approved.id, 'APPROVED');
    expect(reapproved.components[0].text).toBe(text);
    // Meta's components webhook is followed by reading the template back.
    await t.waitFor('components event', async () => (await getTemplate(t, tenant, approved.id)).history.find((h: any) => h.kind === 'components' && h.applied));

    const second = await t.api('PATCH', `/v1/templates/${approved.id}`, { key: tenant.apiKey, body: { components: newBody('Hello {{1}}, your order {{2}} left our warehouse this morning.') } });
    expect(second.status).toBe(422);
    expect(second.body.error.code).toBe('template_edit_limit_reached');
    expect(new Date(second.body.error.details.next_allowed_at).getTime() - Date.now()).toBeGreaterThan(23 * 3600 * 1000);
  });

  it('edits a rejected template back into review; an edit Meta refuses leaves it as it was', async () => {
    const created = await t.api('POST', '/v1/templates', {
      key: tenant.apiKey, body: { ...orderShipped(uniqueName('fixme'), { components: newBody('Hi {{1}}, your order {{2}} ships today, 50% off your next sale order too.') }), submit: true },
    });
    const rejected = await waitForStatus(t, tenant, created.body.id, 'REJECTED');
    await t.sim('POST', '/_sim/faults', { match: { path: `/${rejected.meta_template_id}` }, error_code: 100, count: 1 });
    const refused = await t.api('PATCH', `/v1/templates/${rejected.id}`, { key: tenant.apiKey, body: { components: newBody('Hi {{1}}, your order {{2}} ships today from our warehouse.') } });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'template_refused_by_meta', details: { meta_code: 100 } });
    const after = await getTemplate(t, tenant, rejected.id);
    expect(after).toMatchObject({ status: 'REJECTED', rejected_reason: 'INCORRECT_CATEGORY', components: rejected.components });

    const fixed = await t.api('PATCH', `/v1/templates/${rejected.id}`, { key: tenant.apiKey, body: { components: newBody('Hi {{1}}, your order {{2}} ships today from our warehouse.') } });
    expect(fixed.status, fixed.text).toBe(200);
    const approved = await waitForStatus(t, tenant, rejected.id, 'APPROVED');
    expect(approved.rejected_reason).toBeNull();
  });

  it('refuses to edit a template under review', async () => {
    const created = await t.api('POST', '/v1/templates', { key: tenant.apiKey, body: { ...orderShipped(uniqueName('pending')), submit: true } });
    // Hold Meta's review: the status stays PENDING at the simulator while the edit comes in.
    const pending = created.body;
    if ((await getTemplate(t, tenant, pending.id)).status === 'PENDING') {
      const r = await t.api('PATCH', `/v1/templates/${pending.id}`, { key: tenant.apiKey, body: { components: newBody('Hi {{1}}, order {{2}} is packed and ready to ship today.') } });
      expect([409, 200]).toContain(r.status); // 200 only if the review finished between the two calls
      if (r.status === 409) expect(r.body.error.code).toBe('template_not_editable');
    }
    const rejectedEdit = await t.api('PATCH', `/v1/templates/${pending.id}`, { key: tenant.apiKey, body: { language: 'fr' } });
    expect(rejectedEdit.status).toBe(409);
  });
});

describe('deleting', () => {
  it('removes a draft, and deletes a submitted template at Meta while keeping its history', async () => {
    const draft = (await t.api('POST', '/v1/templates', { key: tenant.apiKey, body: orderShipped(uniqueName('gone')) })).body;
    expect((await t.api('DELETE', `/v1/templates/${draft.id}`, { key: tenant.apiKey })).status).toBe(204);
    expect((await t.api('GET', `/v1/templates/${draft.id}`, { key: tenant.apiKey })).status).toBe(404);

    const approved = await approvedTemplate(t, tenant, orderShipped(uniqueName('gone')));
    // Another language of the same name must survive: deletion is by hsm_id, never by name alone.
    const sibling = await approvedTemplate(t, tenant, orderShipped(approved.name, { language: 'es' }));
    expect((await t.api('DELETE', `/v1/templates/${approved.id}`, { key: tenant.apiKey })).status).toBe(204);
    const gone = await getTemplate(t, tenant, approved.id);
    expect(gone.status).toBe('DELETED');
    // Our delete and Meta's DELETED webhook race; whichever lands first is applied, once.
    const deletions = gone.history.filter((h: any) => h.event === 'DELETED' && h.applied);
    expect(deletions).toHaveLength(1);
    expect(deletions[0].previous).toBe('APPROVED');
    expect((await graph('GET', approved.meta_template_id)).status).toBe(400);
    expect((await graph('GET', sibling.meta_template_id)).body.status).toBe('APPROVED');
    // Meta's DELETED webhook arrives afterwards and changes nothing.
    await t.waitFor('DELETED webhook recorded', async () => (await getTemplate(t, tenant, approved.id)).history.some((h: any) => h.source === 'webhook' && h.event === 'DELETED'));
    expect((await getTemplate(t, tenant, approved.id)).status).toBe('DELETED');
    expect((await t.api('DELETE', `/v1/templates/${approved.id}`, { key: tenant.apiKey })).status).toBe(204);
  });
});

describe('sync', () => {
  it('pulls a template created in Meta\'s manager, with its current state', async () => {
    const name = uniqueName('external');
    const made = await graph('POST', `${tenant.wabaId}/message_templates`, orderShipped(name));
    expect(made.status).toBe(200);
    await t.waitFor('approved at Meta', async () => (await graph('GET', `${made.body.id}?fields=status`)).body.status === 'APPROVED');
    expect((await t.api('GET', `/v1/templates?name=${name}`, { key: tenant.apiKey })).body.data).toEqual([]);

    const synced = await t.api('POST', '/v1/templates/sync', { key: tenant.apiKey, body: {} });
    expect(synced.status, synced.text).toBe(200);
    expect(synced.body.created).toBeGreaterThanOrEqual(1);
    const listed = (await t.api('GET', `/v1/templates?name=${name}`, { key: tenant.apiKey })).body.data;
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ status: 'APPROVED', meta_template_id: made.body.id, category: 'UTILITY' });
    const again = await t.api('POST', '/v1/templates/sync', { key: tenant.apiKey, body: {} });
    expect(again.body).toMatchObject({ created: 0, changed: 0 });

    // Later webhooks about it now apply.
    await t.sim('POST', `/_sim/templates/${made.body.id}/pause`);
    await waitForStatus(t, tenant, listed[0].id, 'PAUSED');
  });
});

describe('Meta\'s webhooks redelivered and shuffled', () => {
  it('end in the same state whatever the order, and a late PENDING never undoes a review', async () => {
    const [a, b, c] = [
      await approvedTemplate(t, tenant, orderShipped(uniqueName('order_a'))),
      await approvedTemplate(t, tenant, orderShipped(uniqueName('order_b'))),
      await approvedTemplate(t, tenant, orderShipped(uniqueName('order_c'))),
    ];
    const base = Math.floor(Date.now() / 1000) + 10; // after the real approval
    const events = (tpl: any) => {
      const ids = { message_template_id: Number(tpl.meta_template_id), message_template_name: tpl.name, message_template_language: 'en-US' };
      const status = (event: string, dt: number, extra = {}) => ({ field: 'message_template_status_update', time: base + dt, value: { event, ...ids, reason: 'NONE', ...extra } });
      return [
        status('APPROVED', 1),
        status('PENDING', 1), // the same second as the approval: Meta's review result wins
        { field: 'message_template_quality_update', time: base + 2, value: { ...ids, previous_quality_score: 'GREEN', new_quality_score: 'YELLOW' } },
        status('FLAGGED', 2),
        { field: 'message_template_quality_update', time: base + 3, value: { ...ids, previous_quality_score: 'YELLOW', new_quality_score: 'RED' } },
        status('PAUSED', 3, { other_info: { title: 'FIRST_PAUSE', description: 'Paused for 3 hours.' } }),
        status('REINSTATED', 4, { other_info: { title: 'UNPAUSE', description: 'Unpaused.' } }),
        status('PENDING', 0), // an old one, delivered late
        { field: 'template_category_update', time: base + 5, value: { ...ids, previous_category: 'UTILITY', new_category: 'MARKETING' } },
      ];
    };
    for (const e of events(a)) await postMetaWebhook(t, tenant.wabaId, [e]);
    const shuffledB = [...events(b)].reverse();
    for (const e of shuffledB) await postMetaWebhook(t, tenant.wabaId, [e]);
    for (const e of shuffledB.slice(0, 4)) await postMetaWebhook(t, tenant.wabaId, [e]); // byte-identical redeliveries
    const listC = events(c);
    const order = [4, 8, 1, 6, 0, 3, 7, 2, 5];
    // Redelivered inside another envelope (other bytes, same events): deduplicated by the history, not by the raw body.
    await postMetaWebhook(t, tenant.wabaId, order.map((i) => listC[i]!));
    await postMetaWebhook(t, tenant.wabaId, [...order].reverse().map((i) => listC[i]!));

    // Byte-identical redeliveries are dropped when stored (B keeps 9 events); the same events in other envelopes are
    // kept in the history once per delivery (C: 18) but applied once.
    const final = async (tpl: any, expected: number) => t.waitFor(`${tpl.name} settled`, async () => {
      const got = await getTemplate(t, tenant, tpl.id);
      const webhookEvents = got.history.filter((h: any) => h.source === 'webhook' && h.meta_time && new Date(h.meta_time).getTime() >= base * 1000);
      return webhookEvents.length === expected ? got : null;
    });
    const states = [await final(a, 9), await final(b, 9), await final(c, 18)];
    const appliedC = states[2]!.history.filter((h: any) => h.source === 'webhook' && h.applied && new Date(h.meta_time).getTime() >= base * 1000);
    expect(appliedC.length).toBeLessThanOrEqual(9);
    for (const s of states) {
      expect({ status: s.status, quality: s.quality_score, category: s.category, previous: s.previous_category, detail: s.status_detail })
        .toEqual({ status: 'APPROVED', quality: 'RED', category: 'MARKETING', previous: 'UTILITY', detail: { other_info: { title: 'UNPAUSE', description: 'Unpaused.' } } });
    }
    // In order, both PENDINGs come after a review result of the same or a later second: kept in the history, not applied.
    const pendings = states[0]!.history.filter((h: any) => h.source === 'webhook' && h.event === 'PENDING');
    expect(pendings.map((h: any) => h.applied)).toEqual([false, false]);
  });
});
