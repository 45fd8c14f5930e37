import type { Db } from '../db/db.ts';
import { emitEvents, type NewEvent } from '../webhooks/emit-events.ts';

// What customers' webhooks hear about messages. Emitted inside the transaction that changes the message,
// while its row is locked, so each message's events are numbered in the order the changes happened.

/** Where a status stands, for receivers that keep the furthest: terminal states outrank all progress. */
const STATUS_RANK: Record<string, number> = { accepted: 0, queued: 1, sent: 2, delivered: 3, read: 4, played: 5, failed: 6, deleted: 7 };

export type MessageSnapshot = {
  id: string; phone_number_id: string; counterpart: string; wamid: string | null; error: unknown;
  pricing: unknown; conversation: unknown; metadata: unknown;
};

export type AppliedStatus = { messageId: string; status: string; at: Date };

/** One `message.status` event per status change applied, in order, described with the message as it now is. */
export function emitMessageStatusEvents(tx: Db, orgId: string, applied: AppliedStatus[], messages: MessageSnapshot[]): Promise<void> {
  if (applied.length === 0) return Promise.resolve();
  const byId = new Map(messages.map((m) => [m.id, m]));
  const events: NewEvent[] = [];
  for (const change of applied) {
    const m = byId.get(change.messageId);
    if (!m) continue;
    events.push({
      type: 'message.status',
      subject: m.id,
      payload: {
        message_id: m.id,
        status: change.status,
        status_rank: STATUS_RANK[change.status] ?? null,
        status_at: change.at.toISOString(),
        from: m.phone_number_id,
        to: m.counterpart,
        wamid: m.wamid,
        error: change.status === 'failed' ? (m.error ?? null) : null,
        pricing: m.pricing ?? null,
        conversation: m.conversation ?? null,
        metadata: m.metadata ?? null,
      },
    });
  }
  return emitEvents(tx, orgId, events);
}

export type InboundSnapshot = {
  id: string; phoneNumberId: string; contactId: string; from: string; type: string; content: object; wamid: string; receivedAt: Date;
};

/** A customer's message, as stored: one `message.inbound` event. */
export function emitInboundEvent(tx: Db, orgId: string, m: InboundSnapshot): Promise<void> {
  return emitEvents(tx, orgId, [{
    type: 'message.inbound',
    subject: m.id,
    payload: {
      message_id: m.id, from: m.from, to: m.phoneNumberId, contact_id: m.contactId, type: m.type,
      content: m.content, wamid: m.wamid, received_at: m.receivedAt.toISOString(),
    },
  }]);
}
