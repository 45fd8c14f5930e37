import type { Db } from '../db/db.ts';
import { one } from '../db/db.ts';
import { sql } from '../db/sql.ts';
import { OUTBOUND_STATUSES, type OutboundStatus } from './status.ts';

const STATUS_ORDER = [...OUTBOUND_STATUSES, 'received'];

export type MessageRow = {
  org_id: string; id: string; direction: 'outbound' | 'inbound'; phone_number_id: string; contact_id: string;
  counterpart: string; type: string; content: Record<string, unknown>; template_id: string | null; status: string;
  wamid: string | null; metadata: Record<string, unknown> | null; error: MessageError | null; attempts: number;
  created_at: Date; updated_at: Date;
};

export type MessageError = { code: number; title: string; message: string; details?: string };

export function insertOutboundMessage(db: Db, orgId: string, m: {
  id: string; phoneNumberId: string; contactId: string; to: string; type: string; content: object;
  templateId: string | null; metadata: object | null; priority: number;
}) {
  return one<MessageRow>(db, sql`
    INSERT INTO messages (org_id, id, direction, phone_number_id, contact_id, counterpart, type, content, template_id, status, metadata, priority)
    VALUES (${orgId}, ${m.id}, 'outbound', ${m.phoneNumberId}, ${m.contactId}, ${m.to}, ${m.type},
      ${JSON.stringify(m.content)}::jsonb, ${m.templateId}, 'accepted', ${m.metadata ? JSON.stringify(m.metadata) : null}::jsonb, ${m.priority})
    RETURNING *`);
}

/** Inserts an inbound message once: Meta redelivers webhooks, and the wamid is the key. */
export function insertInboundMessage(db: Db, orgId: string, m: {
  id: string; phoneNumberId: string; contactId: string; from: string; type: string; content: object; wamid: string; receivedAt: Date;
}) {
  return one<{ id: string }>(db, sql`
    INSERT INTO messages (org_id, id, direction, phone_number_id, contact_id, counterpart, type, content, status, wamid, created_at)
    VALUES (${orgId}, ${m.id}, 'inbound', ${m.phoneNumberId}, ${m.contactId}, ${m.from}, ${m.type},
      ${JSON.stringify(m.content)}::jsonb, 'received', ${m.wamid}, ${m.receivedAt})
    ON CONFLICT (org_id, wamid) DO NOTHING RETURNING id`);
}

export function insertStatusEvent(db: Db, orgId: string, e: {
  messageId: string; status: string; occurredAt: Date; source: 'api' | 'dispatch' | 'webhook'; detail?: object | null;
}) {
  return db.query(sql`
    INSERT INTO message_status_events (org_id, message_id, status, occurred_at, source, detail)
    VALUES (${orgId}, ${e.messageId}, ${e.status}, ${e.occurredAt}, ${e.source}, ${e.detail ? JSON.stringify(e.detail) : null}::jsonb)
    ON CONFLICT (org_id, message_id, status) DO NOTHING`);
}

export function findMessage(db: Db, orgId: string, id: string) {
  return one<MessageRow>(db, sql`SELECT * FROM messages WHERE org_id = ${orgId} AND id = ${id}`);
}

export function findMessageByWamid(db: Db, orgId: string, wamid: string) {
  return one<MessageRow>(db, sql`SELECT * FROM messages WHERE org_id = ${orgId} AND wamid = ${wamid}`);
}

export function listMessages(db: Db, orgId: string, page: { limit: number; before?: string | undefined }) {
  return db.query<MessageRow>(sql`
    SELECT * FROM messages WHERE org_id = ${orgId} ${page.before ? sql`AND id < ${page.before}` : sql``}
    ORDER BY id DESC LIMIT ${page.limit}`);
}

export function statusHistory(db: Db, orgId: string, messageId: string) {
  return db.query<{ status: string; occurred_at: Date; recorded_at: Date; source: string; detail: object | null }>(sql`
    SELECT status, occurred_at, recorded_at, source, detail FROM message_status_events
    WHERE org_id = ${orgId} AND message_id = ${messageId}
    -- Meta's timestamps have whole seconds, so time alone would put "sent" before our own "accepted".
    ORDER BY array_position(${STATUS_ORDER}::text[], status), occurred_at`);
}
