import type { Deps } from '../deps.ts';
import { AppError } from '../lib/app-error.ts';
import { newId } from '../lib/ids.ts';
import { eventsInRange, findDelivery, findEndpoint, insertReplays } from './store.ts';

const PAGE = 1000;
/** One request replays at most this many events; the answer says where to continue. */
const MAX_PER_REQUEST = 50_000;

/** Sends one delivery's event again, as a new delivery with the same `webhook-id` and body. */
export async function replayDelivery(deps: Deps, orgId: string, deliveryId: string) {
  const original = await findDelivery(deps.db, orgId, deliveryId);
  if (!original) throw new AppError('not_found', { message: 'No such webhook delivery.' });
  assertWithinWindow(deps, original.event_created_at);
  const endpoint = await findEndpoint(deps.db, orgId, original.endpoint_id);
  if (endpoint?.status !== 'active') throw new AppError('webhook_endpoint_disabled');
  const id = newId('webhookDelivery');
  await insertReplays(deps.db, orgId, [{ id, endpointId: original.endpoint_id, eventId: original.event_id, replayOf: original.id }]);
  return (await findDelivery(deps.db, orgId, id))!;
}

export type ReplayRangeInput = { since: string; until?: string; only_undelivered?: boolean; after_event?: string };

/**
 * Replays every event of [since, until) the endpoint subscribes to, oldest first, each as a new
 * delivery keeping its `webhook-id`: what a receiver that was down, or disabled, missed. A very long
 * range stops after MAX_PER_REQUEST events and answers `after_event`, to pass back to continue.
 */
export async function replayRange(deps: Deps, orgId: string, endpointId: string, input: ReplayRangeInput) {
  const endpoint = await findEndpoint(deps.db, orgId, endpointId);
  if (!endpoint) throw new AppError('not_found', { message: 'No such webhook endpoint.' });
  if (endpoint.status !== 'active') throw new AppError('webhook_endpoint_disabled');
  const since = new Date(input.since);
  const until = input.until ? new Date(input.until) : deps.clock.now();
  assertWithinWindow(deps, since);
  if (!(until > since)) throw new AppError('validation_failed', { details: [{ path: 'body.until', message: 'must be after since' }] });

  const range = { since, until, onlyUndelivered: input.only_undelivered ?? false };
  let afterId: string | null = input.after_event ?? null;
  let replayed = 0;
  for (;;) {
    const page = await eventsInRange(deps.db, orgId, { id: endpoint.id, eventTypes: endpoint.event_types }, range, afterId, PAGE);
    await insertReplays(deps.db, orgId, page.map((e) => ({ id: newId('webhookDelivery'), endpointId, eventId: e.id, replayOf: null })));
    replayed += page.length;
    afterId = page.at(-1)?.id ?? afterId;
    if (page.length < PAGE) return { replayed, complete: true, after_event: null };
    if (replayed >= MAX_PER_REQUEST) return { replayed, complete: false, after_event: afterId };
  }
}

function assertWithinWindow(deps: Deps, at: Date) {
  const oldest = deps.clock.now().getTime() - deps.config.webhooks.retentionDays * 86_400_000;
  if (at.getTime() < oldest) throw new AppError('replay_window_exceeded');
}
