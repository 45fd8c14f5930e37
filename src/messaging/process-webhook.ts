import type { Deps } from '../deps.ts';
import { findNumberByMetaIdUnscoped } from '../phone-numbers/store.ts';
import { parseWebhook, type WebhookEvent } from '../whatsapp/webhook-events.ts';
import { applyStatusUpdate } from './apply-status.ts';
import { receiveInboundMessage } from './receive-inbound.ts';
import { findWebhookEventUnscoped, markWebhookEventProcessedUnscoped, recordWebhookEventErrorUnscoped } from './webhook-store.ts';

/**
 * Applies one stored delivery from Meta. Every step is idempotent, so the job can run again after a
 * partial failure (or a redelivery) without doubling anything.
 */
export async function processWebhookEvent(deps: Deps, eventId: string): Promise<void> {
  const stored = await findWebhookEventUnscoped(deps.db, eventId);
  if (!stored || stored.processed_at) return;
  try {
    for (const event of parseWebhook(JSON.parse(stored.raw_body))) await applyEvent(deps, event, stored.received_at);
    await markWebhookEventProcessedUnscoped(deps.db, eventId);
  } catch (error) {
    await recordWebhookEventErrorUnscoped(deps.db, eventId, error instanceof Error ? error.message : String(error));
    throw error;
  }
}

async function applyEvent(deps: Deps, event: WebhookEvent, receivedAt: Date): Promise<void> {
  if (event.kind !== 'status' && event.kind !== 'message') {
    deps.log.info({ kind: event.kind }, 'webhook event kind not handled yet');
    return;
  }
  const number = await findNumberByMetaIdUnscoped(deps.db, event.phoneNumberId);
  if (!number) {
    deps.log.warn({ phoneNumberId: event.phoneNumberId }, 'webhook for a phone number no organization has connected');
    return;
  }
  if (event.kind === 'status') await applyStatusUpdate(deps, number.org_id, event, receivedAt);
  else await receiveInboundMessage(deps, number.org_id, number.id, event);
}
