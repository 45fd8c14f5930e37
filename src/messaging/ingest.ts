import type { Deps } from '../deps.ts';
import { applyUserPreference } from '../contacts/opt-out.ts';
import { applyPhoneNumberQuality } from '../phone-numbers/apply-number-webhooks.ts';
import { applyTemplateWebhooks } from '../templates/apply-template-webhooks.ts';
import { startPollLoop } from '../lib/poll-loop.ts';
import { sql } from '../db/sql.ts';
import { parseWebhook, type StatusEvent, type WebhookEvent } from '../whatsapp/webhook-events.ts';
import { applyStatusUpdates } from './apply-statuses.ts';
import { receiveInboundMessage } from './receive-inbound.ts';
import { claimWebhookEventsUnscoped, markWebhookEventsProcessedUnscoped, retryWebhookEventUnscoped, type PendingWebhookEvent } from './webhook-store.ts';

export type Ingester = { wake(): void; stop(): Promise<void> };

// How long a status may wait for the message it names (its send not yet recorded) before it is dropped.
const UNKNOWN_MESSAGE_PATIENCE_MS = 15 * 60 * 1000;

/**
 * Processes Meta's stored deliveries in batches: every status of the batch is applied per organization in
 * one transaction (Meta sends about three per outbound message), inbound messages one by one. Each step is
 * idempotent, so a delivery processed twice (a crash, a redelivery) changes nothing the second time.
 */
export function startIngester(deps: Deps): Ingester {
  return startPollLoop({
    idleMs: deps.config.ingest.idleMs,
    onError: (err) => deps.log.error({ err }, 'webhook processing failed; the batch is retried when its lease ends'),
    step: async () => {
      const batch = await claimWebhookEventsUnscoped(deps.db, deps.config.ingest.batchSize, 30);
      if (batch.length > 0) await processBatch(deps, batch);
      return batch.length === deps.config.ingest.batchSize;
    },
  });
}

export async function processBatch(deps: Deps, batch: PendingWebhookEvent[]): Promise<void> {
  const items: { source: PendingWebhookEvent; event: WebhookEvent }[] = [];
  const poisoned: string[] = [];
  for (const source of batch) {
    try {
      for (const event of parseWebhook(JSON.parse(source.raw_body))) items.push({ source, event });
    } catch {
      poisoned.push(source.id); // signed by Meta but unreadable: kept for inspection, never retried
    }
  }
  await markWebhookEventsProcessedUnscoped(deps.db, poisoned, 'unparseable body');

  const numbers = await numbersByMetaId(deps, items.map((i) => i.event));
  const statusesByOrg = new Map<string, { source: PendingWebhookEvent; event: StatusEvent }[]>();
  const retry = new Map<string, string>();
  for (const { source, event } of items) {
    const number = 'phoneNumberId' in event ? numbers.get(event.phoneNumberId) : undefined;
    if (event.kind === 'status' && number) {
      const list = statusesByOrg.get(number.org_id) ?? [];
      list.push({ source, event });
      statusesByOrg.set(number.org_id, list);
    } else if (event.kind === 'message' && number) {
      try {
        await receiveInboundMessage(deps, number.org_id, number.id, event);
      } catch (error) {
        retry.set(source.id, error instanceof Error ? error.message : String(error));
      }
    } else if (event.kind === 'user_preferences' && number) {
      try {
        await applyUserPreference(deps, number.org_id, event);
      } catch (error) {
        retry.set(source.id, error instanceof Error ? error.message : String(error));
      }
    } else if (event.kind === 'template_status' || event.kind === 'template_quality' || event.kind === 'template_category' || event.kind === 'template_components') {
      try {
        await applyTemplateWebhooks(deps, [event], source.id);
      } catch (error) {
        retry.set(source.id, error instanceof Error ? error.message : String(error));
      }
    } else if (event.kind === 'phone_number_quality') {
      try {
        await applyPhoneNumberQuality(deps, event);
      } catch (error) {
        retry.set(source.id, error instanceof Error ? error.message : String(error));
      }
    } else if (event.kind === 'status' || event.kind === 'message' || event.kind === 'user_preferences') {
      deps.log.warn({ phoneNumberId: event.phoneNumberId }, 'webhook for a phone number no organization has connected');
    } else {
      deps.log.info({ kind: event.kind }, 'webhook event kind not handled yet');
    }
  }
  for (const [orgId, list] of statusesByOrg) {
    const unresolved = new Set(await applyStatusUpdates(deps, orgId, list.map((l) => l.event)));
    for (const { source, event } of list) {
      if (unresolved.has(event) && Date.now() - source.received_at.getTime() < UNKNOWN_MESSAGE_PATIENCE_MS) {
        retry.set(source.id, `no message with wamid ${event.wamid} yet`);
      }
    }
  }
  for (const source of batch) {
    const error = retry.get(source.id);
    if (error) await retryWebhookEventUnscoped(deps.db, source.id, Math.min(60_000, 250 * 2 ** source.attempts), error);
  }
  await markWebhookEventsProcessedUnscoped(deps.db, batch.filter((s) => !retry.has(s.id) && !poisoned.includes(s.id)).map((s) => s.id));
}

/** Unscoped: Meta names its phone_number_id; this is how each item finds its organization. */
async function numbersByMetaId(deps: Deps, events: WebhookEvent[]) {
  const ids = [...new Set(events.flatMap((e) => ('phoneNumberId' in e ? [e.phoneNumberId] : [])))];
  const rows = ids.length === 0 ? [] : await deps.db.query<{ org_id: string; id: string; phone_number_id: string }>(sql`
    SELECT org_id, id, phone_number_id FROM phone_numbers WHERE phone_number_id = ANY(${ids})`);
  return new Map(rows.map((r) => [r.phone_number_id, r]));
}
