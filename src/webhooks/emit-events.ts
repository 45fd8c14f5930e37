import type { Db } from '../db/db.ts';
import { newId } from '../lib/ids.ts';
import { insertEventsAndDeliveries, subscriptions } from './store.ts';

/** Every event type a customer endpoint can subscribe to ('*' subscribes to all, present and future). */
export const EVENT_TYPES = [
  'message.status',
  'message.inbound',
  'template.status',
  'template.quality',
  'template.category',
  'account.standing',
  'phone_number.status',
  'webhook_endpoint.disabled',
  'policy.updated',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

export type NewEvent = {
  type: EventType;
  /** Becomes `data` of the delivered body. */
  payload: Record<string, unknown>;
  /** What the event is about (a message id): events of one subject are numbered 1, 2, 3… in `data.sequence`. */
  subject?: string;
};

export function subscribes(eventTypes: string[], type: string): boolean {
  return eventTypes.includes('*') || eventTypes.includes(type);
}

/**
 * Records events inside the caller's transaction and fans each out to the organization's active
 * endpoints that want it: they exist exactly when the change they describe is committed. An
 * organization without a matching endpoint pays one small read and writes nothing. Events about a
 * subject must be emitted while holding that subject's row lock, in the order they happened.
 */
export async function emitEvents(tx: Db, orgId: string, events: NewEvent[]): Promise<void> {
  if (events.length === 0) return;
  const endpoints = await subscriptions(tx, orgId);
  if (endpoints.length === 0) return;
  // Kept while any endpoint (even a disabled one) wants the type, so it can be replayed once re-enabled.
  const recorded = events.filter((e) => endpoints.some((ep) => subscribes(ep.event_types, e.type)));
  if (recorded.length === 0) return;
  const rows = recorded.map((e) => ({ id: newId('event'), type: e.type, subject: e.subject ?? null, payload: JSON.stringify(e.payload) }));
  const deliveries: { id: string; endpointId: string; eventId: string }[] = [];
  for (const row of rows) {
    for (const ep of endpoints) {
      if (ep.status === 'active' && subscribes(ep.event_types, row.type)) {
        deliveries.push({ id: newId('webhookDelivery'), endpointId: ep.id, eventId: row.id });
      }
    }
  }
  await insertEventsAndDeliveries(tx, orgId, rows, deliveries);
}

export function emitEvent(tx: Db, orgId: string, event: NewEvent): Promise<void> {
  return emitEvents(tx, orgId, [event]);
}
