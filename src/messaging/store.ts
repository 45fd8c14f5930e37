import type { Db } from '../db/db.ts';
import { one } from '../db/db.ts';
import { join, sql, unsafeRaw, type Sql } from '../db/sql.ts';
import type { TemplateRow } from '../templates/store.ts';
import type { StateRow } from '../contacts/consent-ledger.ts';
import { checkMarketingCap, DEFAULT_MARKETING_CAP, type ConsentView } from '../contacts/consent-policy.ts';
import { limitOf, limitRefusal, meterRecipients, reachStamp, refreshReached } from './messaging-limit.ts';
import { OUTBOUND_STATUSES } from './status.ts';
import { aloneOnFailure, perDatabase } from '../lib/coalesce.ts';

const STATUS_ORDER = [...OUTBOUND_STATUSES, 'received'];

export type MessageRow = {
  org_id: string; id: string; direction: 'outbound' | 'inbound'; phone_number_id: string; contact_id: string;
  counterpart: string; type: string; content: Record<string, unknown>; template_id: string | null; status: string;
  wamid: string | null; metadata: Record<string, unknown> | null; error: MessageError | null; attempts: number;
  pricing: Record<string, unknown> | null; conversation: Record<string, unknown> | null;
  rendered_text: string | null; category: string | null; consent_record_id: string | null; screening: Record<string, unknown> | null;
  created_at: Date; updated_at: Date;
};

export type MessageError = { code: number; title: string; message: string; details?: string; reason?: string };

export type Sender = { id: string; account_id: string };

/** One send's question for the send context (see findSendContext). */
type ContextQuery = { orgId: string; from: string | null; phoneE164: string; phoneHash: string; template: { name: string; language: string } | null };

type ContextRow = {
  senders: Sender[] | null; contact: ContactJson | null; template: TemplateRow | null; suppressed_at: string | null;
  marketing_cap: number | null; tiers: (string | null)[] | null;
};

/** Concurrent sends read their contexts together, one statement a batch (decision 0029). */
const contextReader = perDatabase(readSendContexts, 100);

/**
 * What accepting a send needs to know, in one round trip: the sender numbers matching `from` (all of the
 * organization's when it is absent; two at most are read, enough to tell "several"), the recipient's
 * contact, and the template on the sender's account. Sends arriving together share the round trip.
 */
export async function findSendContext(db: Db, orgId: string, q: Omit<ContextQuery, 'orgId'>) {
  const row = await contextReader(db).submit({ orgId, ...q });
  const c = row.contact;
  const contact = c ? {
    id: c.id, last_inbound_at: c.last_inbound_at ? new Date(c.last_inbound_at) : null, initiated_at: c.initiated_at ? new Date(c.initiated_at) : null,
  } : null;
  const consent: ConsentView = {
    contactId: c?.id ?? null,
    states: c?.consent ?? [],
    suppressedAt: row.suppressed_at ? new Date(row.suppressed_at) : null,
    marketingRecent: { count: c?.marketing_recent?.count ?? 0, oldest: c?.marketing_recent?.oldest ? new Date(c.marketing_recent.oldest) : null },
    cap: row.marketing_cap ?? DEFAULT_MARKETING_CAP,
  };
  return { senders: row.senders ?? [], contact, template: row.template ?? null, consent, messagingLimit: limitOf(row.tiers ?? []) };
}

/** The send contexts of several sends (of any organizations), one row each, in their order. */
async function readSendContexts(db: Db, qs: ContextQuery[]): Promise<ContextRow[]> {
  const col = <T>(f: (q: ContextQuery) => T) => qs.map(f);
  const rows = await db.query<ContextRow & { n: string }>(sql`
    SELECT q.n,
      s.senders,
      (SELECT row_to_json(c) FROM (
        SELECT id, (SELECT w.last_inbound_at FROM customer_windows w
                    WHERE w.org_id = q.org_id AND w.phone_number_id = s.first_id AND w.contact_id = contacts.id) AS last_inbound_at,
          ${consentStatesOf(unsafeRaw('contacts'))} AS consent,
          (SELECT json_build_object('count', count(*), 'oldest', min(m.created_at)) FROM messages m
             WHERE m.org_id = q.org_id AND m.contact_id = contacts.id AND m.category = 'marketing'
               AND m.created_at > now() - interval '24 hours' AND m.status <> 'failed') AS marketing_recent,
          (SELECT r.last_at FROM initiated_recipients r WHERE r.org_id = q.org_id AND r.contact_id = contacts.id AND r.counted) AS initiated_at
        FROM contacts WHERE org_id = q.org_id AND phone_e164 = q.phone) c) AS contact,
      (SELECT row_to_json(t) FROM templates t WHERE t.org_id = q.org_id AND t.account_id = s.first_account
         AND t.name = q.template_name AND t.language = q.template_language) AS template,
      (SELECT created_at FROM suppressed_numbers WHERE org_id = q.org_id AND phone_hash = q.phone_hash) AS suppressed_at,
      (SELECT marketing_cap_per_24h FROM consent_settings WHERE org_id = q.org_id) AS marketing_cap,
      (SELECT json_agg(messaging_limit_tier) FROM phone_numbers WHERE org_id = q.org_id) AS tiers
    FROM unnest(${col((q) => q.orgId)}::text[], ${col((q) => q.from)}::text[], ${col((q) => q.phoneE164)}::text[], ${col((q) => q.phoneHash)}::text[],
        ${col((q) => q.template?.name ?? null)}::text[], ${col((q) => q.template?.language ?? null)}::text[])
      WITH ORDINALITY AS q(org_id, sender_ref, phone, phone_hash, template_name, template_language, n)
    CROSS JOIN LATERAL (
      SELECT json_agg(p) AS senders, (array_agg(p.id))[1] AS first_id, (array_agg(p.account_id))[1] AS first_account
      FROM (SELECT id, account_id FROM phone_numbers
            WHERE org_id = q.org_id AND (q.sender_ref IS NULL OR id = q.sender_ref OR phone_number_id = q.sender_ref)
            ORDER BY id LIMIT 2) p) s
    ORDER BY q.n`);
  if (rows.length !== qs.length) throw new Error(`send contexts: ${rows.length} rows for ${qs.length} sends`);
  return rows;
}

type ContactJson = {
  id: string; last_inbound_at: string | null; consent: StateRow[] | null;
  marketing_recent: { count: number; oldest: string | null } | null;
  initiated_at: string | null;
};

export type NewOutbound = {
  id: string; phoneNumberId: string; to: string; type: string; content: object; templateId: string | null;
  metadata: object | null; priority: number; contactId: string | null; newContactId: string;
  /** For business-initiated messages: the template's purpose and the consent record that allowed the send. */
  category: string | null; consentRecordId: string | null;
  /** For a template: what the customer will read. */
  renderedText: string | null;
  /** A business-initiated message to a recipient already counted in Meta's window: its time moves forward. */
  refreshReach?: boolean;
  /** `held` when content screening asks for a reviewer: stored, but not in the outbox. */
  status?: 'accepted' | 'held';
  /** The screening verdict, when it had something to say. */
  screening?: object | null;
};

export type SendGuards = {
  /** A marketing template: the contact's 24-hour marketing count is taken again under its lock. */
  marketingCap?: { cap: number; now: Date };
  /** A business-initiated message to a recipient not yet reached in the window: metered against Meta's limit. */
  messagingLimit?: { limit: number; now: Date };
};

/**
 * Stores an accepted message and its first history event in one statement (atomic without a transaction),
 * creating the contact when the recipient is new. With guards, the store happens in a transaction that takes
 * them again under locks — the contact's for the marketing cap, the organization's meter for Meta's messaging
 * limit — so concurrent sends cannot pass either together. `db` may be a transaction.
 */
export function insertAcceptedMessage(db: Db, orgId: string, m: NewOutbound, guards: SendGuards = {}): Promise<MessageRow> {
  if (!guarded(m, guards)) return insertOutbound(db, orgId, m);
  const contactId = m.contactId!; // guarded: a known contact
  return db.transaction(async (tx) => {
    if (guards.marketingCap) {
      await tx.query(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`${orgId}:${contactId}`}, 0))`);
      const recent = (await one<{ count: number; oldest: Date | null }>(tx, sql`
        SELECT count(*)::int AS count, min(created_at) AS oldest FROM messages
        WHERE org_id = ${orgId} AND contact_id = ${contactId} AND category = 'marketing'
          AND created_at > now() - interval '24 hours' AND status <> 'failed'`))!;
      checkMarketingCap(recent, guards.marketingCap.cap, guards.marketingCap.now);
    }
    if (guards.messagingLimit) {
      const { limit, now } = guards.messagingLimit;
      const metered = await meterRecipients(tx, orgId, [contactId], limit, now);
      if (metered.refused.size > 0) throw limitRefusal(limit, metered.freesAt);
    }
    return insertOutbound(tx, orgId, m);
  });
}

/** The guards apply to a known contact; a new one is created by the insert itself. */
const guarded = (m: NewOutbound, guards: SendGuards) => Boolean((guards.marketingCap || guards.messagingLimit) && m.contactId);

type OrgOutbound = NewOutbound & { orgId: string };
const outboundWriter = perDatabase(aloneOnFailure(insertOutbounds), 100);

/**
 * insertAcceptedMessage for a send outside any transaction: without guards, sends arriving together are stored by
 * one statement — one commit for all of them (decision 0029).
 */
export function acceptMessage(db: Db, orgId: string, m: NewOutbound, guards: SendGuards = {}): Promise<MessageRow> {
  if (guarded(m, guards)) return insertAcceptedMessage(db, orgId, m, guards);
  return outboundWriter(db).submit({ ...m, orgId });
}

async function insertOutbound(db: Db, orgId: string, m: NewOutbound): Promise<MessageRow> {
  return (await insertOutbounds(db, [{ ...m, orgId }]))[0]!;
}

/** Stores outbound messages (of any organizations) with their first history events and new contacts, in one statement. */
async function insertOutbounds(db: Db, ms: OrgOutbound[]): Promise<MessageRow[]> {
  const col = <T>(f: (m: OrgOutbound) => T) => ms.map(f);
  const json = (value: object | null | undefined) => (value ? JSON.stringify(value) : null);
  const rows = await db.query<MessageRow>(sql`
    WITH v AS (
      SELECT * FROM unnest(${col((m) => m.orgId)}::text[], ${col((m) => m.id)}::text[], ${col((m) => m.phoneNumberId)}::text[],
        ${col((m) => m.contactId)}::text[], ${col((m) => m.newContactId)}::text[], ${col((m) => m.to)}::text[], ${col((m) => m.type)}::text[],
        ${col((m) => JSON.stringify(m.content))}::text[], ${col((m) => m.templateId)}::text[], ${col((m) => m.status ?? 'accepted')}::text[],
        ${col((m) => json(m.metadata))}::text[], ${col((m) => m.priority)}::int[], ${col((m) => m.category)}::text[],
        ${col((m) => m.consentRecordId)}::text[], ${col((m) => m.renderedText)}::text[], ${col((m) => json(m.screening))}::text[],
        ${col((m) => m.refreshReach ?? false)}::boolean[])
        AS v(org_id, id, number_id, contact_id, new_contact_id, recipient, type, content, template_id, status, metadata, priority,
             category, consent_record_id, rendered_text, screening, refresh_reach)),
    new_contact AS (
      INSERT INTO contacts (org_id, id, phone_e164)
      -- One row per new number, in one order for every batch: two batches racing for the same new numbers wait
      -- for each other instead of deadlocking.
      SELECT DISTINCT ON (org_id, recipient) org_id, new_contact_id, recipient FROM v WHERE contact_id IS NULL ORDER BY org_id, recipient
      ON CONFLICT (org_id, phone_e164) DO UPDATE SET updated_at = contacts.updated_at RETURNING org_id, id, phone_e164),
    message AS (
      INSERT INTO messages (org_id, id, direction, phone_number_id, contact_id, counterpart, type, content, template_id, status, metadata, priority,
        category, consent_record_id, rendered_text, screening)
      SELECT v.org_id, v.id, 'outbound', v.number_id, coalesce(v.contact_id, c.id), v.recipient, v.type, v.content::jsonb, v.template_id, v.status,
        v.metadata::jsonb, v.priority, v.category, v.consent_record_id, v.rendered_text, v.screening::jsonb
      FROM v LEFT JOIN new_contact c ON v.contact_id IS NULL AND c.org_id = v.org_id AND c.phone_e164 = v.recipient
      RETURNING *),
    history AS (
      INSERT INTO message_status_events (org_id, message_id, status, occurred_at, source)
      SELECT org_id, id, status, created_at, 'api' FROM message),
    stale_reach AS (
      SELECT r.org_id, r.contact_id FROM initiated_recipients r JOIN message ON r.org_id = message.org_id AND r.contact_id = message.contact_id
      JOIN v ON v.id = message.id
      WHERE v.refresh_reach AND r.last_at < message.created_at
      ORDER BY r.org_id, r.contact_id FOR UPDATE OF r),
    reach AS (
      UPDATE initiated_recipients r SET last_at = greatest(r.last_at, ${reachStamp(new Date())}) FROM stale_reach s
      WHERE r.org_id = s.org_id AND r.contact_id = s.contact_id)
    SELECT * FROM message`);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ms.map((m) => {
    const row = byId.get(m.id);
    if (!row) throw new Error(`message ${m.id} was not stored`);
    return row;
  });
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

/** What the message log filters on; every given filter must hold. */
export type MessageFilters = {
  statuses?: string[] | undefined; direction?: 'outbound' | 'inbound' | undefined; template?: string | undefined;
  /** Our id (pn_…) or Meta's phone number id. */
  phoneNumber?: string | undefined; contactId?: string | undefined; from?: Date | undefined; to?: Date | undefined;
};

export function listMessages(db: Db, orgId: string, page: { limit: number; before?: string | undefined }, f: MessageFilters = {}) {
  const where = [
    page.before ? sql`AND m.id < ${page.before}` : null,
    f.statuses?.length ? sql`AND m.status = ANY(${f.statuses}::text[])` : null,
    f.direction ? sql`AND m.direction = ${f.direction}` : null,
    f.template ? sql`AND m.template_id IN (SELECT t.id FROM templates t WHERE t.org_id = ${orgId} AND t.name = ${f.template})` : null,
    f.phoneNumber ? sql`AND m.phone_number_id IN (SELECT p.id FROM phone_numbers p WHERE p.org_id = ${orgId} AND (p.id = ${f.phoneNumber} OR p.phone_number_id = ${f.phoneNumber}))` : null,
    f.contactId ? sql`AND m.contact_id = ${f.contactId}` : null,
    f.from ? sql`AND m.created_at >= ${f.from}` : null,
    f.to ? sql`AND m.created_at < ${f.to}` : null,
  ].filter((x) => x !== null);
  return db.query<MessageRow & { template_name: string | null }>(sql`
    SELECT m.*, (SELECT t.name FROM templates t WHERE t.org_id = m.org_id AND t.id = m.template_id) AS template_name
    FROM messages m WHERE m.org_id = ${orgId} ${join(where, ' ')}
    ORDER BY m.id DESC LIMIT ${page.limit}`);
}

/** The consent record a business-initiated message was sent on (its proof stays with the contact's consents). */
export function findConsentRecord(db: Db, orgId: string, recordId: string) {
  return one<{ id: string; contact_id: string; purpose: string; state: string; source: string; recorded_at: Date }>(db, sql`
    SELECT id, contact_id, purpose, state, source, recorded_at FROM consent_records WHERE org_id = ${orgId} AND id = ${recordId}`);
}

export function templateNameOf(db: Db, orgId: string, templateId: string) {
  return one<{ name: string; language: string }>(db, sql`SELECT name, language FROM templates WHERE org_id = ${orgId} AND id = ${templateId}`);
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

/** A contact's derived consent states as JSON (StateRow[]), for the send path's one query; `contact` names the row. */
function consentStatesOf(contact: Sql) {
  return sql`(SELECT json_agg(json_build_object('purpose', s.purpose, 'state', s.state, 'record_id', s.record_id, 'seq', s.seq::text, 'recorded_at', s.recorded_at))
    FROM consent_state s WHERE s.org_id = ${contact}.org_id AND s.contact_id = ${contact}.id)`;
}

export type BatchContext = {
  senders: (Sender & { phone_number_id: string })[];
  contacts: Map<string, {
    id: string; windows: Record<string, string>; consent: StateRow[]; marketingRecent: { count: number; oldest: Date | null };
    /** When the contact was last counted in Meta's messaging-limit window (null: not counted). */
    initiatedAt: Date | null;
  }>;
  templates: TemplateRow[];
  /** Suppressed numbers among the recipients, by their keyed hash, with when they were suppressed. */
  suppressed: Map<string, Date>;
  marketingCap: number;
  /** Meta's messaging limit of the organization (null: unlimited). */
  messagingLimit: number | null;
};

/** What a batch of sends needs, in four queries whatever its size: numbers, contacts with their windows and consent, templates, suppressions. */
export async function findBatchContext(db: Db, orgId: string, phones: string[], phoneHashes: string[], templates: { name: string; language: string }[]): Promise<BatchContext> {
  const senders = await db.query<Sender & { phone_number_id: string }>(sql`
    SELECT id, account_id, phone_number_id FROM phone_numbers WHERE org_id = ${orgId} ORDER BY id`);
  const contacts = await db.query<{ id: string; phone_e164: string; windows: Record<string, string> | null; consent: StateRow[] | null; recent_count: number; recent_oldest: Date | null; initiated_at: Date | null }>(sql`
    SELECT c.id, c.phone_e164,
      (SELECT r.last_at FROM initiated_recipients r WHERE r.org_id = c.org_id AND r.contact_id = c.id AND r.counted) AS initiated_at,
      (SELECT json_object_agg(w.phone_number_id, w.last_inbound_at) FROM customer_windows w WHERE w.org_id = c.org_id AND w.contact_id = c.id) AS windows,
      ${consentStatesOf(unsafeRaw('c'))} AS consent,
      r.count AS recent_count, r.oldest AS recent_oldest
    FROM contacts c
    CROSS JOIN LATERAL (SELECT count(*)::int AS count, min(m.created_at) AS oldest FROM messages m
      WHERE m.org_id = c.org_id AND m.contact_id = c.id AND m.category = 'marketing'
        AND m.created_at > now() - interval '24 hours' AND m.status <> 'failed') r
    WHERE c.org_id = ${orgId} AND c.phone_e164 = ANY(${phones}::text[])`);
  const found = templates.length === 0 ? [] : await db.query<TemplateRow>(sql`
    SELECT t.* FROM templates t
    JOIN unnest(${templates.map((x) => x.name)}::text[], ${templates.map((x) => x.language)}::text[]) AS q(name, language)
      ON t.name = q.name AND t.language = q.language
    WHERE t.org_id = ${orgId}`);
  const policy = (await one<{ suppressed: { phone_hash: string; created_at: string }[] | null; cap: number | null; tiers: (string | null)[] | null }>(db, sql`
    SELECT (SELECT json_agg(json_build_object('phone_hash', phone_hash, 'created_at', created_at)) FROM suppressed_numbers
              WHERE org_id = ${orgId} AND phone_hash = ANY(${phoneHashes}::text[])) AS suppressed,
           (SELECT marketing_cap_per_24h FROM consent_settings WHERE org_id = ${orgId}) AS cap,
           (SELECT json_agg(messaging_limit_tier) FROM phone_numbers WHERE org_id = ${orgId}) AS tiers`))!;
  return {
    senders,
    contacts: new Map(contacts.map((c) => [c.phone_e164, {
      id: c.id, windows: c.windows ?? {}, consent: c.consent ?? [], marketingRecent: { count: c.recent_count, oldest: c.recent_oldest },
      initiatedAt: c.initiated_at,
    }])),
    templates: found,
    suppressed: new Map((policy.suppressed ?? []).map((x) => [x.phone_hash, new Date(x.created_at)])),
    marketingCap: policy.cap ?? DEFAULT_MARKETING_CAP,
    messagingLimit: limitOf(policy.tiers ?? []),
  };
}

export type AcceptedRow = {
  id: string; phoneNumberId: string; to: string; type: string; content: object; templateId: string | null;
  metadata: object | null; priority: number; contactId: string | null; category: string | null; consentRecordId: string | null;
  renderedText: string | null;
  /** Business-initiated (a template outside the window) to a recipient not yet counted: metered against Meta's messaging limit. */
  initiated: boolean;
  /** Business-initiated to a recipient already counted in the window: not metered, their time moves forward. */
  refreshReach?: boolean;
  status: 'accepted' | 'held';
  screening: object | null;
};

/**
 * Stores many accepted messages in one transaction: new contacts, the messages, and their first history events.
 * Marketing messages are counted again under locks on their contacts (taken in one order, so batches cannot
 * deadlock each other); those a concurrent send pushed over the cap come back in `capped`, not stored. Only
 * recipients not yet counted in Meta's window are metered, under the organization's meter lock; those already
 * counted have their time moved forward without it, so concurrent batches of one organization do not queue.
 */
export async function insertAcceptedMessages(
  db: Db, orgId: string, all: AcceptedRow[], newContactId: () => string, guards: { marketingCap: number; messagingLimit: number | null; now: Date },
) {
  if (all.length === 0) return { inserted: [], capped: [], limited: [], freesAt: null };
  return db.transaction(async (tx) => {
    const capped = await overMarketingCap(tx, orgId, all, guards.marketingCap);
    let rows = capped.length === 0 ? all : all.filter((r) => !capped.includes(r));
    let limited: AcceptedRow[] = [];
    let freesAt: Date | null = null;
    const initiated = rows.filter((r) => r.initiated && r.contactId);
    if (guards.messagingLimit !== null && initiated.length > 0) {
      const metered = await meterRecipients(tx, orgId, initiated.map((r) => r.contactId!), guards.messagingLimit, guards.now);
      limited = initiated.filter((r) => metered.refused.has(r.contactId!));
      freesAt = metered.freesAt;
      if (limited.length > 0) rows = rows.filter((r) => !limited.includes(r));
    }
    if (rows.length === 0) return { inserted: [], capped, limited, freesAt };
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
    const inserted = await tx.query<{ id: string; status: string; created_at: Date }>(sql`
      INSERT INTO messages (org_id, id, direction, phone_number_id, contact_id, counterpart, type, content, template_id, status, metadata, priority,
        category, consent_record_id, rendered_text, screening)
      SELECT ${orgId}, v.id, 'outbound', v.number_id, v.contact_id, v.recipient, v.type, v.content::jsonb, v.template_id, v.status, v.metadata::jsonb, v.priority,
        v.category, v.consent_record_id, v.rendered_text, v.screening::jsonb
      FROM unnest(${col((r) => r.id)}::text[], ${col((r) => r.phoneNumberId)}::text[], ${col((r) => r.contactId ?? contactIds.get(r.to)!)}::text[],
        ${col((r) => r.to)}::text[], ${col((r) => r.type)}::text[], ${col((r) => JSON.stringify(r.content))}::text[],
        ${col((r) => r.templateId)}::text[], ${col((r) => (r.metadata ? JSON.stringify(r.metadata) : null))}::text[], ${col((r) => r.priority)}::int[],
        ${col((r) => r.category)}::text[], ${col((r) => r.consentRecordId)}::text[], ${col((r) => r.renderedText)}::text[],
        ${col((r) => r.status)}::text[], ${col((r) => (r.screening ? JSON.stringify(r.screening) : null))}::text[])
        AS v(id, number_id, contact_id, recipient, type, content, template_id, metadata, priority, category, consent_record_id, rendered_text, status, screening)
      RETURNING id, status, created_at`);
    await tx.query(sql`
      INSERT INTO message_status_events (org_id, message_id, status, occurred_at, source)
      SELECT ${orgId}, v.id, v.status, v.at, 'api'
      FROM unnest(${inserted.map((m) => m.id)}::text[], ${inserted.map((m) => m.status)}::text[], ${inserted.map((m) => m.created_at.toISOString())}::timestamptz[]) AS v(id, status, at)`);
    const reached = rows.filter((r) => r.refreshReach && r.contactId).map((r) => r.contactId!);
    if (reached.length > 0) await refreshReached(tx, orgId, reached, guards.now);
    return { inserted, capped, limited, freesAt };
  });
}

async function overMarketingCap(tx: Db, orgId: string, rows: AcceptedRow[], cap: number): Promise<AcceptedRow[]> {
  const marketing = rows.filter((r) => r.category === 'marketing' && r.contactId);
  if (marketing.length === 0) return [];
  const ids = [...new Set(marketing.map((r) => r.contactId!))].sort();
  await tx.query(sql`
    SELECT pg_advisory_xact_lock(hashtextextended(${orgId} || ':' || id, 0)) FROM (SELECT id FROM unnest(${ids}::text[]) AS id ORDER BY id) AS ordered`);
  const counts = new Map((await tx.query<{ contact_id: string; n: number }>(sql`
    SELECT contact_id, count(*)::int AS n FROM messages
    WHERE org_id = ${orgId} AND contact_id = ANY(${ids}::text[]) AND category = 'marketing'
      AND created_at > now() - interval '24 hours' AND status <> 'failed'
    GROUP BY contact_id`)).map((r) => [r.contact_id, r.n]));
  return marketing.filter((r) => {
    const n = counts.get(r.contactId!) ?? 0;
    counts.set(r.contactId!, n + 1);
    return n >= cap;
  });
}
