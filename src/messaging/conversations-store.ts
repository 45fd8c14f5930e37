import type { Db } from '../db/db.ts';
import { one } from '../db/db.ts';
import { sql } from '../db/sql.ts';
import type { MessageRow } from './store.ts';

export type ConversationRow = {
  contact_id: string; phone_e164: string; name: string | null;
  last_message: Pick<MessageRow, 'id' | 'direction' | 'type' | 'content' | 'rendered_text' | 'status' | 'phone_number_id' | 'created_at'>;
  window_phone_number_id: string | null; last_inbound_at: Date | null; unanswered: number;
};

/**
 * One row per contact with messages, the one with the latest message first. It walks the organization's messages
 * newest first (the primary key, read backwards) and keeps those with no newer message of their contact (messages_contact,
 * migration 0023), so a page costs about the messages of the contacts on it, whatever the organization's size.
 * The cursor is the last row's message id: a contact whose latest message is older comes on a later page.
 */
export async function listConversations(db: Db, orgId: string, page: { limit: number; before?: string | undefined }): Promise<ConversationRow[]> {
  const rows = await db.query<Omit<ConversationRow, 'last_message'> & { id: string } & ConversationRow['last_message']>(sql`
    SELECT m.id, m.direction, m.type, m.content, m.rendered_text, m.status, m.phone_number_id, m.created_at,
      c.id AS contact_id, c.phone_e164, c.name,
      w.phone_number_id AS window_phone_number_id, w.last_inbound_at,
      (SELECT count(*)::int FROM messages i
         WHERE i.org_id = m.org_id AND i.contact_id = m.contact_id AND i.direction = 'inbound'
           AND i.id > coalesce((SELECT o.id FROM messages o WHERE o.org_id = m.org_id AND o.contact_id = m.contact_id AND o.direction = 'outbound'
                                ORDER BY o.id DESC LIMIT 1), '')) AS unanswered
    FROM messages m
    JOIN contacts c ON c.org_id = m.org_id AND c.id = m.contact_id AND c.erased_at IS NULL
    LEFT JOIN LATERAL (SELECT cw.phone_number_id, cw.last_inbound_at FROM customer_windows cw
                       WHERE cw.org_id = m.org_id AND cw.contact_id = m.contact_id ORDER BY cw.last_inbound_at DESC LIMIT 1) w ON true
    WHERE m.org_id = ${orgId} ${page.before ? sql`AND m.id < ${page.before}` : sql``}
      AND NOT EXISTS (SELECT 1 FROM messages n WHERE n.org_id = m.org_id AND n.contact_id = m.contact_id AND n.id > m.id)
    ORDER BY m.id DESC
    LIMIT ${page.limit}`);
  return rows.map((r) => ({
    contact_id: r.contact_id, phone_e164: r.phone_e164, name: r.name,
    last_message: { id: r.id, direction: r.direction, type: r.type, content: r.content, rendered_text: r.rendered_text, status: r.status, phone_number_id: r.phone_number_id, created_at: r.created_at },
    window_phone_number_id: r.window_phone_number_id, last_inbound_at: r.last_inbound_at, unanswered: r.unanswered,
  }));
}

/** A contact the inbox can show: not another organization's, not erased. */
export function findConversationContact(db: Db, orgId: string, contactId: string) {
  return one<{ id: string; phone_e164: string; name: string | null }>(db, sql`
    SELECT id, phone_e164, name FROM contacts WHERE org_id = ${orgId} AND id = ${contactId} AND erased_at IS NULL`);
}

/** One contact's messages, newest first (messages_contact, migration 0023). */
export function listContactMessages(db: Db, orgId: string, contactId: string, page: { limit: number; before?: string | undefined }) {
  return db.query<MessageRow>(sql`
    SELECT * FROM messages WHERE org_id = ${orgId} AND contact_id = ${contactId} ${page.before ? sql`AND id < ${page.before}` : sql``}
    ORDER BY id DESC LIMIT ${page.limit}`);
}
