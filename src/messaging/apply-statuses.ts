import type { Deps } from '../deps.ts';
import { MARKETING_STOPPED_ERROR, recordMarketingStops, type MarketingStop } from '../contacts/opt-out.ts';
import { sql } from '../db/sql.ts';
import type { StatusEvent } from '../whatsapp/webhook-events.ts';
import { withReason } from './error-reasons.ts';
import { emitMessageStatusEvents, type AppliedStatus, type MessageSnapshot } from './message-events.ts';
import { advanceStatus, type OutboundStatus } from './status.ts';

type Target = { id: string; status: OutboundStatus; wamid: string | null };
type Change = Target & { pricing: unknown; conversation: unknown; error: unknown; touched: boolean };

/**
 * Applies a batch of Meta's statuses for one organization in one transaction: the messages are locked
 * together, each status moves its message forward only (status.ts), every status is kept in the history,
 * and all writes go out as two statements. A status whose wamid is unknown is matched by the id we sent
 * as biz_opaque_callback_data (a send whose response was lost); one that matches nothing is returned.
 */
export async function applyStatusUpdates(deps: Deps, orgId: string, events: StatusEvent[]): Promise<StatusEvent[]> {
  return deps.db.transaction(async (tx) => {
    const wamids = [...new Set(events.map((e) => e.wamid))];
    const byWamid = new Map<string, Change>();
    for (const row of await tx.query<Target>(sql`
      SELECT id, status, wamid FROM messages WHERE org_id = ${orgId} AND wamid = ANY(${wamids}) ORDER BY id FOR UPDATE`)) {
      byWamid.set(row.wamid!, { ...row, pricing: null, conversation: null, error: null, touched: false });
    }
    const orphanIds = [...new Set(events.filter((e) => !byWamid.has(e.wamid) && e.bizOpaqueCallbackData?.startsWith('msg_')).map((e) => e.bizOpaqueCallbackData!))];
    const byId = new Map<string, Change>();
    if (orphanIds.length > 0) {
      for (const row of await tx.query<Target>(sql`
        SELECT id, status, wamid FROM messages WHERE org_id = ${orgId} AND id = ANY(${orphanIds}) AND direction = 'outbound' ORDER BY id FOR UPDATE`)) {
        byId.set(row.id, { ...row, pricing: null, conversation: null, error: null, touched: false });
      }
    }

    const unresolved: StatusEvent[] = [];
    const history: { id: string; status: string; at: Date; detail: string | null }[] = [];
    const applied: AppliedStatus[] = [];
    const stops: MarketingStop[] = [];
    for (const event of events) {
      const message = byWamid.get(event.wamid) ?? (event.bizOpaqueCallbackData ? byId.get(event.bizOpaqueCallbackData) : undefined);
      if (!message) {
        unresolved.push(event);
        continue;
      }
      if (message.wamid === null) {
        message.wamid = event.wamid; // reconciled: the send went out although its response never reached us
        message.touched = true;
        // The Cloud API did accept it: the history says so, with the webhook that proved it as the source.
        history.push({ id: message.id, status: 'queued', at: event.timestamp, detail: JSON.stringify({ wamid: event.wamid, reconciled: true }) });
      } else if (message.wamid !== event.wamid) {
        deps.log.warn({ orgId, messageId: message.id, wamid: event.wamid }, 'status for a second copy of a message (a duplicate send)');
        continue;
      }
      const error = event.status === 'failed' && event.errors?.[0]
        ? withReason({ code: event.errors[0].code, title: event.errors[0].title ?? '', message: event.errors[0].message ?? '', ...(event.errors[0].error_data?.details ? { details: event.errors[0].error_data.details } : {}) })
        : null;
      history.push({ id: message.id, status: event.status, at: event.timestamp, detail: error ? JSON.stringify(error) : event.pricing ? JSON.stringify({ pricing: event.pricing }) : null });
      const next = advanceStatus(message.status, event.status);
      if (next) {
        message.status = next;
        if (error) message.error = error;
        message.touched = true;
        applied.push({ messageId: message.id, status: next, at: event.timestamp });
        if (next === 'failed' && error?.code === MARKETING_STOPPED_ERROR) stops.push({ messageId: message.id, wamid: event.wamid, at: event.timestamp, error });
      }
      if (event.pricing) { message.pricing = event.pricing; message.touched = true; }
      if (event.conversation) { message.conversation = event.conversation; message.touched = true; }
    }

    const changed = [...byWamid.values(), ...byId.values()].filter((m) => m.touched);
    if (changed.length > 0) {
      const json = (v: unknown) => (v === null ? null : JSON.stringify(v));
      const updated = await tx.query<MessageSnapshot>(sql`
        UPDATE messages m SET status = v.status, wamid = v.wamid, updated_at = now(),
          pricing = coalesce(v.pricing::jsonb, m.pricing), conversation = coalesce(v.conversation::jsonb, m.conversation),
          error = coalesce(v.error::jsonb, m.error),
          dispatch_started_at = CASE WHEN v.status = 'accepted' THEN m.dispatch_started_at END,
          claimed_until = CASE WHEN v.status = 'accepted' THEN m.claimed_until END
        FROM unnest(${changed.map((m) => m.id)}::text[], ${changed.map((m) => m.status)}::text[], ${changed.map((m) => m.wamid)}::text[],
          ${changed.map((m) => json(m.pricing))}::text[], ${changed.map((m) => json(m.conversation))}::text[], ${changed.map((m) => json(m.error))}::text[])
          AS v(id, status, wamid, pricing, conversation, error)
        WHERE m.org_id = ${orgId} AND m.id = v.id
        RETURNING m.id, m.phone_number_id, m.counterpart, m.wamid, m.error, m.pricing, m.conversation, m.metadata`);
      await emitMessageStatusEvents(tx, orgId, applied, updated);
    }
    if (history.length > 0) {
      await tx.query(sql`
        INSERT INTO message_status_events (org_id, message_id, status, occurred_at, source, detail)
        SELECT ${orgId}, v.id, v.status, v.at, 'webhook', v.detail::jsonb
        FROM unnest(${history.map((h) => h.id)}::text[], ${history.map((h) => h.status)}::text[],
          ${history.map((h) => h.at.toISOString())}::timestamptz[], ${history.map((h) => h.detail)}::text[]) AS v(id, status, at, detail)
        ON CONFLICT (org_id, message_id, status) DO NOTHING`);
    }
    // The customer stopped marketing from this business in WhatsApp: recorded with the status that told us, once.
    await recordMarketingStops(tx, orgId, stops);
    return unresolved;
  });
}
