import type { Db } from '../db/db.ts';
import { one } from '../db/db.ts';
import { sql, type Sql } from '../db/sql.ts';
import type { StateRow } from './consent-ledger.ts';
import type { AttributeValue } from './attributes.ts';

// The contacts' own SQL. Every statement is scoped by org_id and leaves erased contacts out:
// to the API an erased contact no longer exists.

export type ContactRow = {
  id: string; phone_e164: string; wa_id: string | null; name: string | null; language: string | null; time_zone: string | null;
  attributes: Record<string, AttributeValue>; tags: string[]; last_inbound_at: Date | null; created_at: Date; updated_at: Date;
};

export type ContactFields = {
  phone_e164: string; name: string | null; language: string | null; time_zone: string | null;
  attributes: Record<string, AttributeValue>; tags: string[];
};

const columns = sql`c.id, c.phone_e164, c.wa_id, c.name, c.language, c.time_zone, c.attributes, c.tags, c.last_inbound_at, c.created_at, c.updated_at`;

/** Inserts the contact unless its number is taken (then returns nothing). */
export function insertContact(db: Db, orgId: string, id: string, f: ContactFields) {
  return one<ContactRow>(db, sql`
    INSERT INTO contacts AS c (org_id, id, phone_e164, name, language, time_zone, attributes, tags)
    VALUES (${orgId}, ${id}, ${f.phone_e164}, ${f.name}, ${f.language}, ${f.time_zone}, ${JSON.stringify(f.attributes)}::jsonb, ${f.tags}::text[])
    ON CONFLICT (org_id, phone_e164) DO NOTHING
    RETURNING ${columns}`);
}

export function findContact(db: Db, orgId: string, id: string) {
  return one<ContactRow>(db, sql`SELECT ${columns} FROM contacts c WHERE c.org_id = ${orgId} AND c.id = ${id} AND c.erased_at IS NULL`);
}

/** The contact, row-locked for the rest of the caller's transaction. */
export function lockContact(tx: Db, orgId: string, id: string) {
  return one<ContactRow>(tx, sql`SELECT ${columns} FROM contacts c WHERE c.org_id = ${orgId} AND c.id = ${id} AND c.erased_at IS NULL FOR UPDATE`);
}

/** Who holds this number: a contact's id, and whether it was erased (an erased contact is not shown). */
export function findPhoneHolder(db: Db, orgId: string, phoneE164: string) {
  return one<{ id: string; erased: boolean }>(db, sql`
    SELECT id, erased_at IS NOT NULL AS erased FROM contacts WHERE org_id = ${orgId} AND phone_e164 = ${phoneE164}`);
}

export function updateContactRow(tx: Db, orgId: string, id: string, f: ContactFields & { wa_id: string | null }) {
  return one<ContactRow>(tx, sql`
    UPDATE contacts AS c SET phone_e164 = ${f.phone_e164}, wa_id = ${f.wa_id}, name = ${f.name}, language = ${f.language},
      time_zone = ${f.time_zone}, attributes = ${JSON.stringify(f.attributes)}::jsonb, tags = ${f.tags}::text[], updated_at = now()
    WHERE c.org_id = ${orgId} AND c.id = ${id}
    RETURNING ${columns}`);
}

/** Whether the ledger holds anything about this contact (its consent was given for its current number). */
export async function hasConsentRecords(db: Db, orgId: string, contactId: string): Promise<boolean> {
  return !!(await one(db, sql`SELECT 1 FROM consent_records WHERE org_id = ${orgId} AND contact_id = ${contactId} LIMIT 1`));
}

/** A page of the contacts matching `where` (a compiled filter over `c`), newest first. */
export function listContacts(db: Db, orgId: string, where: Sql, page: { limit: number; before?: string | undefined }) {
  return db.query<ContactRow>(sql`
    SELECT ${columns} FROM contacts c
    WHERE c.org_id = ${orgId} AND c.erased_at IS NULL AND (${page.before ?? null}::text IS NULL OR c.id < ${page.before ?? null}::text)
      AND ${where}
    ORDER BY c.id DESC LIMIT ${page.limit}`);
}

/** The derived consent rows of several contacts, for their views. */
export async function consentStatesOf(db: Db, orgId: string, contactIds: string[]): Promise<Map<string, StateRow[]>> {
  const byContact = new Map<string, StateRow[]>(contactIds.map((id) => [id, []]));
  if (contactIds.length === 0) return byContact;
  const rows = await db.query<StateRow & { contact_id: string }>(sql`
    SELECT contact_id, purpose, state, record_id, seq::text AS seq, recorded_at FROM consent_state
    WHERE org_id = ${orgId} AND contact_id = ANY(${contactIds}::text[])`);
  for (const { contact_id, ...row } of rows) byContact.get(contact_id)?.push(row);
  return byContact;
}

/**
 * Adds and removes tags on every contact matching `where`, in one statement: tags keep their order, added
 * ones go last, nothing is written when any contact would pass `maxTags` (all or nothing).
 * The matched rows are locked first, so the new tags are computed from their latest version.
 */
export async function retagContacts(db: Db, orgId: string, where: Sql, change: { add: string[]; remove: string[] }, maxTags: number) {
  const row = await one<{ matched: number; changed: number; over_limit: number }>(db, sql`
    WITH target AS (
      SELECT c.id, c.tags AS old_tags,
        ARRAY(SELECT u.t FROM unnest(c.tags || ${change.add}::text[]) WITH ORDINALITY AS u(t, n)
              WHERE u.t <> ALL(${change.remove}::text[]) GROUP BY u.t ORDER BY min(u.n)) AS new_tags
      FROM contacts c
      WHERE c.org_id = ${orgId} AND c.erased_at IS NULL AND ${where}
      FOR UPDATE OF c
    ), over_limit AS (
      SELECT count(*)::int AS n FROM target
      WHERE cardinality(new_tags) > ${maxTags}::int AND cardinality(new_tags) > cardinality(old_tags)
    ), updated AS (
      UPDATE contacts c SET tags = target.new_tags, updated_at = now()
      FROM target
      WHERE c.org_id = ${orgId} AND c.id = target.id AND target.new_tags <> target.old_tags AND (SELECT n FROM over_limit) = 0
      RETURNING 1
    )
    SELECT (SELECT count(*)::int FROM target) AS matched, (SELECT count(*)::int FROM updated) AS changed, (SELECT n FROM over_limit) AS over_limit`);
  return row!;
}
