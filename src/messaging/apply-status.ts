import type { Deps } from '../deps.ts';
import type { WebhookEvent } from '../whatsapp/webhook-events.ts';
import { advanceStatus, type OutboundStatus } from './status.ts';
import { insertStatusEvent, lockMessageByWamid, setStatus, type MessageError } from './store.ts';

type StatusEvent = Extract<WebhookEvent, { kind: 'status' }>;

// How long a status may wait for the send response that tells us its wamid before it is given up.
const UNKNOWN_WAMID_PATIENCE_MS = 15 * 60 * 1000;

export class WamidNotYetKnown extends Error {}

/** Records a status from Meta in the message's history and moves its current status forward, never back. */
export async function applyStatusUpdate(deps: Deps, orgId: string, event: StatusEvent, receivedAt: Date): Promise<void> {
  const applied = await deps.db.transaction(async (tx) => {
    const message = await lockMessageByWamid(tx, orgId, event.wamid);
    if (!message) return false;
    const error: MessageError | null = event.status === 'failed' && event.errors?.[0]
      ? { code: event.errors[0].code, title: event.errors[0].title ?? '', message: event.errors[0].message ?? '', ...(event.errors[0].error_data?.details ? { details: event.errors[0].error_data.details } : {}) }
      : null;
    await insertStatusEvent(tx, orgId, {
      messageId: message.id, status: event.status, occurredAt: event.timestamp, source: 'webhook',
      detail: error ?? (event.pricing ? { pricing: event.pricing } : null),
    });
    const next = advanceStatus(message.status as OutboundStatus, event.status);
    if (next) await setStatus(tx, orgId, message.id, next, error);
    return true;
  });
  if (applied) return;
  if (Date.now() - receivedAt.getTime() < UNKNOWN_WAMID_PATIENCE_MS) {
    // The status overtook our own record of the send; the job retries shortly.
    throw new WamidNotYetKnown(`no message with wamid ${event.wamid} yet`);
  }
  deps.log.warn({ orgId, wamid: event.wamid, status: event.status }, 'status for an unknown message dropped');
}
