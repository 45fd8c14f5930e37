import type { Db } from '../db/db.ts';
import { one } from '../db/db.ts';
import { sql } from '../db/sql.ts';
import type { TemplateRow } from '../templates/store.ts';
import { OUTBOUND_STATUSES } from './status.ts';

const STATUS_ORDER = [...OUTBOUND_STATUSES, 'received'];

export type MessageRow = {
  org_id: string; id: string; direction: 'outbound' | 'inbound'; phone_number_id: string; contact_id: string;
  counterpart: string; type: string; content: Record<string, unknown>; template_id: string | null; status: string;
  wamid: string | null; metadata: Record<string, unknown> | null; error: MessageError | null; attempts: number;
  pricing: Record<string, unknown> | null; conversation: Record<string, unknown> | null;
  created_at: Date; updated_at: Date;
};

export type MessageError = { code: number; title: string; message: string; details?: string; reason?: string };

export type Sender = { id: string; account_id: string };

/**
 * What accepting a send needs to know, in one round trip: the sender numbers matching `from` (all of the
 * organization's when it is absent; two at most are read, enough to tell "several"), the recipient's
 * contact, and the template on the sender's account.
 */
export async function findSendContext(db: Db, orgId: string, q: {
  from: string | null; phoneE164: string; template: { name: string; language: string } | null;
}) {
  const row = await one<{ senders: Sender[] | null; contact: ContactRow | null; template: TemplateRow | null }>(db, sql`
    WITH sender AS (
      SELECT id, account_id FROM phone_numbers
      WHERE org_id = ${orgId} AND (${q.from}::text IS NULL OR id = ${q.from} OR phone_number_id = ${q.from})
      ORDER BY id LIMIT 2)
    SELECT
      (SELECT json_agg(sender) FROM sender) AS senders,
      (SELECT row_to_json(c) FROM (
        SELECT id, (SELECT w.last_inbound_at FROM customer_windows w
                    WHERE w.org_id = ${orgId} AND w.phone_number_id = (SELECT id FROM sender LIMIT 1) AND w.contact_id = contacts.id) AS last_inbound_at
        FROM contacts WHERE org_id = ${orgId} AND phone_e164 = ${q.phoneE164}) c) AS contact,
      (SELECT row_to_json(t) FROM templates t WHERE t.org_id = ${orgId} AND t.account_id = (SELECT account_id FROM sender LIMIT 1)
         AND t.name = ${q.template?.name ?? null} AND t.language = ${q.template?.language ?? null}) AS template`);
  const contact = row?.contact ? { ...row.contact, last_inbound_at: row.contact.last_inbound_at ? new Date(row.contact.last_inbound_at) : null } : null;
  return { senders: row?.senders ?? [], contact, template: row?.template ?? null };
}

/**
 * Stores an accepted message and its first history event in one statement (atomic without a transaction),
 * creating the contact when the recipient is new.
 */
export function insertAcceptedMessage(db: Db, orgId: string, m: {
  id: string; phoneNumberId: string; to: string; type: string; content: object; templateId: string | null;
  metadata: object | null; priority: number; contactId: string | null; newContactId: string;
}) {
  const contact = m.contactId
    ? sql`SELECT ${m.contactId}::text AS id`
    : sql`INSERT INTO contacts (org_id, id, phone_e164) VALUES (${orgId}, ${m.newContactId}, ${m.to})
          ON CONFLICT (org_id, phone_e164) DO UPDATE SET updated_at = contacts.updated_at RETURNING id`;
  return one<MessageRow>(db, sql`
    WITH contact AS (${contact}),
    message AS (
      INSERT INTO messages (org_id, id, direction, phone_number_id, contact_id, counterpart, type, content, template_id, status, metadata, priority)
      SELECT ${orgId}, ${m.id}, 'outbound', ${m.phoneNumberId}, contact.id, ${m.to}, ${m.type},
        ${JSON.stringify(m.content)}::jsonb, ${m.templateId}, 'accepted', ${m.metadata ? JSON.stringify(m.metadata) : null}::jsonb, ${m.priority}
      FROM contact RETURNING *),
    history AS (
      INSERT INTO message_status_events (org_id, message_id, status, occurred_at, source)
      SELECT org_id, id, 'accepted', created_at, 'api' FROM message)
    SELECT * FROM message`);
}

type ContactRow = { id: string; last_inbound_at: Date | null };

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

/** The wamid of one of the organization's messages, named by our id or by its wamid (for replies and reactions). */
export async function findWamid(db: Db, orgId: string, ref: string): Promise<string | null> {
  if (!ref.startsWith('msg_')) return ref;
  const row = await one<{ wamid: string | null }>(db, sql`SELECT wamid FROM messages WHERE org_id = ${orgId} AND id = ${ref}`);
  return row?.wamid ?? null;
}

export type BatchContext = {
  senders: (Sender & { phone_number_id: string })[];
  contacts: Map<string, { id: string; windows: Record<string, string> }>;
  templates: TemplateRow[];
};

/** What a batch of sends needs, in three queries whatever its size: numbers, contacts with their windows, templates. */
export async function findBatchContext(db: Db, orgId: string, phones: string[], templates: { name: string; language: string }[]): Promise<BatchContext> {
  const senders = await db.query<Sender & { phone_number_id: string }>(sql`
    SELECT id, account_id, phone_number_id FROM phone_numbers WHERE org_id = ${orgId} ORDER BY id`);
  const contacts = await db.query<{ id: string; phone_e164: string; windows: Record<string, string> | null }>(sql`
    SELECT c.id, c.phone_e164,
      (SELECT json_object_agg(w.phone_number_id, w.last_inbound_at) FROM customer_windows w WHERE w.org_id = c.org_id AND w.contact_id = c.id) AS windows
    FROM contacts c WHERE c.org_id = ${orgId} AND c.phone_e164 = ANY(${phones}::text[])`);
  const found = templates.length === 0 ? [] : await db.query<TemplateRow>(sql`
    SELECT t.* FROM templates t
    JOIN unnest(${templates.map((x) => x.name)}::text[], ${templates.map((x) => x.language)}::text[]) AS q(name, language)
      ON t.name = q.name AND t.language = q.language
    WHERE t.org_id = ${orgId}`);
  return { senders, contacts: new Map(contacts.map((c) => [c.phone_e164, { id: c.id, windows: c.windows ?? {} }])), templates: found };
}

export type AcceptedRow = {
  id: string; phoneNumberId: string; to: string; type: string; content: object; templateId: string | null;
  metadata: object | null; priority: number; contactId: string | null;
};

/** Stores many accepted messages in one transaction: new contacts, the messages, and their first history events. */
export async function insertAcceptedMessages(db: Db, orgId: string, rows: AcceptedRow[], newContactId: () => string) {
  if (rows.length === 0) return [];
  return db.transaction(async (tx) => {
    const newPhones = [...new Set(rows.filter((r) => !r.contactId).map((r) => r.to))];
    const contactIds = new Map<string, string>();
    if (newPhones.length > 0) {
      for (const c of await tx.query<{ id: string; phone_e164: string }>(sql`
        INSERT INTO contacts (org_id, id, phone_e164)
        SELECT ${orgId}, id, phone FROM unnest(${newPhones.map(() => newContactId())}::text[], ${newPhones}::text[]) AS v(id, phone)
        ON CONFLICT (org_id, phone_e164) DO UPDATE SET updated_at = contacts.updated_at RETURNING id, phone_e164`)) {
        contactIds.set(c.phone_e164, c.id);
      }
    }
    const col = <T>(f: (r: AcceptedRow) => T) => rows.map(f);
    const inserted = await tx.query<{ id: string; created_at: Date }>(sql`
      INSERT INTO messages (org_id, id, direction, phone_number_id, contact_id, counterpart, type, content, template_id, status, metadata, priority)
      SELECT ${orgId}, v.id, 'outbound', v.number_id, v.contact_id, v.recipient, v.type, v.content::jsonb, v.template_id, 'accepted', v.metadata::jsonb, v.priority
      FROM unnest(${col((r) => r.id)}::text[], ${col((r) => r.phoneNumberId)}::text[], ${col((r) => r.contactId ?? contactIds.get(r.to)!)}::text[],
        ${col((r) => r.to)}::text[], ${col((r) => r.type)}::text[], ${col((r) => JSON.stringify(r.content))}::text[],
        ${col((r) => r.templateId)}::text[], ${col((r) => (r.metadata ? JSON.stringify(r.metadata) : null))}::text[], ${col((r) => r.priority)}::int[])
        AS v(id, number_id, contact_id, recipient, type, content, template_id, metadata, priority)
      RETURNING id, created_at`);
    await tx.query(sql`
      INSERT INTO message_status_events (org_id, message_id, status, occurred_at, source)
      SELECT ${orgId}, v.id, 'accepted', v.at, 'api' FROM unnest(${inserted.map((m) => m.id)}::text[], ${inserted.map((m) => m.created_at.toISOString())}::timestamptz[]) AS v(id, at)`);
    return inserted;
  });
}
