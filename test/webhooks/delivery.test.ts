import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhook } from '../../src/webhooks/signature.ts';
import { startTestPlatform, type Tenant, type TestPlatform } from '../helpers/test-platform.ts';
import { independentlyVerify, startReceiver, type Received } from '../helpers/webhook-receiver.ts';

let t: TestPlatform;
let tenant: Tenant;
const receivers: Awaited<ReturnType<typeof startReceiver>>[] = [];

beforeAll(async () => {
  t = await startTestPlatform({
    env: {
      OUTBOUND_ALLOW_LOOPBACK: 'true', WEBHOOK_RETRY_BASE_MS: '100', WEBHOOK_RETRY_MAX_MS: '400', WEBHOOK_IDLE_MS: '25',
      WEBHOOK_RETRY_WINDOW_SECONDS: '600',
    },
  });
  tenant = await t.createTenant('Receiver');
});
afterAll(async () => {
  for (const r of receivers) await r.close();
  await t?.close();
});

async function receiver(respond?: Parameters<typeof startReceiver>[0]) {
  const r = await startReceiver(respond);
  receivers.push(r);
  return r;
}

async function endpoint(url: string, eventTypes: string[] = ['message.status', 'message.inbound']) {
  const created = await t.api('POST', '/v1/webhook-endpoints', { key: tenant.apiKey, body: { url, event_types: eventTypes } });
  expect(created.status).toBe(201);
  return created.body as { id: string; secret: string };
}

const send = async (to: string, metadata?: object) => {
  const r = await t.api('POST', '/v1/messages', {
    key: tenant.apiKey, body: { to, type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } }, ...(metadata ? { metadata } : {}) },
  });
  expect(r.status).toBe(202);
  return r.body.id as string;
};

const parsed = (r: Received) => JSON.parse(r.body) as { id: string; type: string; timestamp: string; data: any };

async function allDeliveries(endpointId: string) {
  const r = await t.api('GET', `/v1/webhook-endpoints/${endpointId}/deliveries?limit=200`, { key: tenant.apiKey });
  expect(r.status).toBe(200);
  return r.body.data as any[];
}

describe('delivery to a customer endpoint', () => {
  it('delivers every event to an endpoint that was down at first, signed, in a recoverable order', async () => {
    const down = await receiver((n) => (n <= 8 ? 503 : 200));
    const ep = await endpoint(down.url);
    const ids = [await send('+12025550120', { order: 'A-1' }), await send('+12025550121'), await send('+12025550122')];
    const { wamid } = await t.sim('POST', '/_sim/customers/+12025550123/messages', { to_phone_number_id: tenant.metaPhoneNumberId, type: 'text', text: { body: 'hello' } });

    // Every message reaches "read", and every event recorded for this endpoint is eventually acknowledged.
    for (const id of ids) {
      await t.waitFor(`${id} read`, async () => (await t.api('GET', `/v1/messages/${id}`, { key: tenant.apiKey })).body.status === 'read');
    }
    await t.waitFor('read events and the inbound message received', async () => {
      const got = down.accepted().map(parsed);
      return ids.every((id) => got.some((e) => e.data.message_id === id && e.data.status === 'read'))
        && got.some((e) => e.type === 'message.inbound' && e.data.wamid === wamid);
    });
    const deliveries = await t.waitFor('all deliveries succeeded', async () => {
      const list = await allDeliveries(ep.id);
      return list.length > 0 && list.every((d) => d.status === 'succeeded') ? list : null;
    });
    expect(down.received.filter((r) => r.answered === 503)).toHaveLength(8);
    expect(deliveries.some((d) => d.attempts > 1)).toBe(true);
    const accepted = down.accepted();
    expect(new Set(accepted.map((r) => r.headers['webhook-id']))).toEqual(new Set(deliveries.map((d) => d.event_id)));

    // Every request, retries included, carries a valid signature; the webhook-id is the event id.
    for (const r of down.received) {
      expect(verifyWebhook(ep.secret, r.headers as any, r.body).ok).toBe(true);
      expect(independentlyVerify(ep.secret, r.headers, r.body)).toBe(true);
      expect(parsed(r).id).toBe(r.headers['webhook-id']);
    }
    // Retries of one event carry the same bytes.
    const bodiesById = new Map<string, Set<string>>();
    for (const r of down.received) bodiesById.set(String(r.headers['webhook-id']), (bodiesById.get(String(r.headers['webhook-id'])) ?? new Set()).add(r.body));
    for (const bodies of bodiesById.values()) expect(bodies.size).toBe(1);

    // Arrival order is scrambled by the retries; the sequence restores each message's order.
    for (const id of ids) {
      const events = accepted.map(parsed).filter((e) => e.type === 'message.status' && e.data.message_id === id);
      const ordered = [...events].sort((x, y) => x.data.sequence - y.data.sequence);
      expect(ordered.map((e) => e.data.sequence)).toEqual(ordered.map((_, i) => i + 1));
      const ranks = ordered.map((e) => e.data.status_rank);
      expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
      // Statuses that Meta's webhooks deliver late (read before delivered) are not applied, so not sent.
      expect(ordered.at(-1)!.data.status).toBe('read');
    }
    const first = accepted.map(parsed).find((e) => e.data.message_id === ids[0] && e.data.status === 'read')!;
    expect(first.data).toMatchObject({ metadata: { order: 'A-1' }, to: '+12025550120', from: tenant.phoneNumberId });
    expect(first.data.wamid).toMatch(/^wamid\./);
    expect(first.data.pricing).toBeTruthy();

    // The log keeps each attempt's status code and timing.
    const retried = deliveries.find((d) => d.attempts > 1)!;
    const detail = await t.api('GET', `/v1/webhook-deliveries/${retried.id}`, { key: tenant.apiKey });
    expect(detail.body.attempt_log[0]).toMatchObject({ attempt: 1, status_code: 503, error: 'HTTP 503' });
    expect(detail.body.attempt_log.at(-1)).toMatchObject({ status_code: 200, error: null });
    expect(detail.body.attempt_log.every((a: any) => Number.isInteger(a.duration_ms))).toBe(true);
    await t.api('DELETE', `/v1/webhook-endpoints/${ep.id}`, { key: tenant.apiKey });
  });

  it('disables an endpoint that answers 410 and tells the owner', async () => {
    const gone = await receiver(() => 410);
    const ep = await endpoint(gone.url, ['message.status']);
    await send('+12025550124');
    const disabled = await t.waitFor('endpoint disabled', async () => {
      const r = await t.api('GET', `/v1/webhook-endpoints/${ep.id}`, { key: tenant.apiKey });
      return r.body.status === 'disabled' ? r.body : null;
    });
    expect(disabled.disabled_reason).toBe('gone');
    const notices = await t.platform.deps.db.queryRaw(`SELECT kind, subject, detail FROM account_events WHERE org_id = $1 AND kind = 'webhook_endpoint.disabled'`, [tenant.orgId]);
    expect(notices.rows).toEqual([expect.objectContaining({ subject: ep.id, detail: expect.objectContaining({ reason: 'gone' }) })]);
    const replay = await t.api('POST', `/v1/webhook-endpoints/${ep.id}/replay`, { key: tenant.apiKey, body: { since: new Date(Date.now() - 60_000).toISOString() } });
    expect(replay.status).toBe(409);
    // Nothing more is sent to it.
    const count = gone.received.length;
    await send('+12025550125');
    const other = await receiver();
    const watcher = await endpoint(other.url, ['message.status']);
    const later = await send('+12025550126');
    await t.waitFor('events reach the other endpoint', async () => other.accepted().some((r) => parsed(r).data.message_id === later));
    expect(gone.received.length).toBe(count);
    await t.api('DELETE', `/v1/webhook-endpoints/${watcher.id}`, { key: tenant.apiKey });
  });

  it('signs with both secrets during a rotation\'s overlap, then with the new one only', async () => {
    const r = await receiver();
    const ep = await endpoint(r.url, ['message.status']);
    const rotated = (await t.api('POST', `/v1/webhook-endpoints/${ep.id}/rotate-secret`, { key: tenant.apiKey, body: { overlap_seconds: 3600 } })).body;
    const first = await send('+12025550127');
    const during = await t.waitFor('event during overlap', async () => r.accepted().find((x) => parsed(x).data.message_id === first));
    expect(String(during.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(independentlyVerify(ep.secret, during.headers, during.body)).toBe(true);
    expect(independentlyVerify(rotated.secret, during.headers, during.body)).toBe(true);

    const again = (await t.api('POST', `/v1/webhook-endpoints/${ep.id}/rotate-secret`, { key: tenant.apiKey, body: { overlap_seconds: 0 } })).body;
    const second = await send('+12025550128');
    const after = await t.waitFor('event after the overlap', async () => r.accepted().find((x) => parsed(x).data.message_id === second));
    expect(String(after.headers['webhook-signature']).split(' ')).toHaveLength(1);
    expect(independentlyVerify(again.secret, after.headers, after.body)).toBe(true);
    expect(independentlyVerify(rotated.secret, after.headers, after.body)).toBe(false);
    await t.api('DELETE', `/v1/webhook-endpoints/${ep.id}`, { key: tenant.apiKey });
  });

  it('replays one delivery, and a time range, with the original webhook-id', async () => {
    const r = await receiver();
    const ep = await endpoint(r.url, ['message.status']);
    const since = new Date(Date.now() - 1000).toISOString();
    const id = await send('+12025550129');
    await t.waitFor('read delivered', async () => r.accepted().some((x) => parsed(x).data.message_id === id && parsed(x).data.status === 'read'));
    const log = await t.waitFor('deliveries settled', async () => {
      const list = await allDeliveries(ep.id);
      return list.every((d) => d.status === 'succeeded') ? list : null;
    });

    const original = log[0];
    const firstCopy = r.received.find((x) => x.headers['webhook-id'] === original.event_id)!;
    const replayed = await t.api('POST', `/v1/webhook-deliveries/${original.id}/replay`, { key: tenant.apiKey });
    expect(replayed.status).toBe(202);
    expect(replayed.body).toMatchObject({ event_id: original.event_id, replay_of: original.id });
    const copies = await t.waitFor('replayed copy', async () => {
      const got = r.received.filter((x) => x.headers['webhook-id'] === original.event_id);
      return got.length === 2 ? got : null;
    });
    expect(copies[1]!.body).toBe(firstCopy.body);
    expect(independentlyVerify(ep.secret, copies[1]!.headers, copies[1]!.body)).toBe(true);

    // A range replays the organization's events of the endpoint's types, including this endpoint's own.
    const before = r.received.length;
    const until = new Date().toISOString();
    const inRange = (await t.platform.deps.db.queryRaw<{ id: string }>(
      `SELECT id FROM events WHERE org_id = $1 AND type = 'message.status' AND created_at >= $2 AND created_at < $3`, [tenant.orgId, since, until])).rows;
    const range = await t.api('POST', `/v1/webhook-endpoints/${ep.id}/replay`, { key: tenant.apiKey, body: { since, until } });
    expect(range.status).toBe(202);
    expect(range.body).toMatchObject({ replayed: inRange.length, complete: true });
    await t.waitFor('range replayed', async () => r.received.length >= before + inRange.length);
    const replayedIds = new Set(r.received.slice(before).map((x) => x.headers['webhook-id']));
    expect(replayedIds).toEqual(new Set(inRange.map((e) => e.id)));
    for (const d of log) expect(replayedIds.has(d.event_id)).toBe(true);

    const old = await t.api('POST', `/v1/webhook-endpoints/${ep.id}/replay`, { key: tenant.apiKey, body: { since: new Date(Date.now() - 31 * 86_400_000).toISOString() } });
    expect(old.status).toBe(422);
    expect(old.body.error.code).toBe('replay_window_exceeded');
    await t.api('DELETE', `/v1/webhook-endpoints/${ep.id}`, { key: tenant.apiKey });
  });

  it('treats a redirect as a failure and never follows it', async () => {
    const target = await receiver();
    const redirecting = await receiver(() => ({ status: 302, headers: { location: target.url } }));
    const ep = await endpoint(redirecting.url, ['message.status']);
    await send('+12025550130');
    const delivery = await t.waitFor('a failed attempt', async () => (await allDeliveries(ep.id)).find((d) => d.attempts >= 2));
    expect(delivery).toMatchObject({ status: 'pending', last_status_code: 302 });
    expect(delivery.last_error).toMatch(/redirect/);
    expect(target.received).toHaveLength(0);
    await t.api('DELETE', `/v1/webhook-endpoints/${ep.id}`, { key: tenant.apiKey });
  });
});
