import type { Db } from '../db/db.ts';
import { one } from '../db/db.ts';
import { sql } from '../db/sql.ts';
import { AppError } from '../lib/app-error.ts';
import { newId } from '../lib/ids.ts';
import type { ContactRow } from './contacts-store.ts';
import { checkBodyFilter, findContacts, type Page } from './find-contacts.ts';
import type { Filter } from './filter.ts';

/**
 * Segments: a contact filter kept by name. The filter is stored as checked and normalized; it is resolved
 * whenever it is read, so a segment always means "the contacts that match now".
 */

export type SegmentRow = { id: string; name: string; filter: Filter; created_at: Date; updated_at: Date };
export type SegmentInput = { name?: string; filter?: unknown };

const columns = sql`id, name, filter, created_at, updated_at`;
const notFound = () => new AppError('not_found', { message: 'No such segment.' });
const nameTaken = (name: string) => new AppError('conflict', { message: `A segment named "${name}" already exists.`, details: [{ path: 'body.name', message: 'is taken' }] });

export function createSegment(db: Db, orgId: string, input: { name: string; filter: unknown }): Promise<SegmentRow> {
  const name = input.name.trim();
  return db.transaction(async (tx) => {
    // The definitions it names stay locked until the segment is stored: none can be deleted meanwhile.
    const { filter } = await checkBodyFilter(tx, orgId, input.filter, 'body.filter', true);
    const row = await one<SegmentRow>(tx, sql`
      INSERT INTO segments (org_id, id, name, filter) VALUES (${orgId}, ${newId('segment')}, ${name}, ${JSON.stringify(filter)}::jsonb)
      ON CONFLICT (org_id, name) DO NOTHING RETURNING ${columns}`);
    if (!row) throw nameTaken(name);
    return row;
  });
}

export function listSegments(db: Db, orgId: string, page: Page) {
  return db.query<SegmentRow>(sql`
    SELECT ${columns} FROM segments WHERE org_id = ${orgId} AND (${page.before ?? null}::text IS NULL OR id < ${page.before ?? null}::text)
    ORDER BY id DESC LIMIT ${page.limit}`);
}

export async function findSegment(db: Db, orgId: string, id: string): Promise<SegmentRow> {
  const row = await one<SegmentRow>(db, sql`SELECT ${columns} FROM segments WHERE org_id = ${orgId} AND id = ${id}`);
  if (!row) throw notFound();
  return row;
}

export async function updateSegment(db: Db, orgId: string, id: string, input: SegmentInput): Promise<SegmentRow> {
  const name = input.name?.trim();
  try {
    return await db.transaction(async (tx) => {
      const filter = input.filter === undefined ? null : (await checkBodyFilter(tx, orgId, input.filter, 'body.filter', true)).filter;
      const row = await one<SegmentRow>(tx, sql`
        UPDATE segments SET name = coalesce(${name ?? null}::text, name), filter = coalesce(${filter ? JSON.stringify(filter) : null}::jsonb, filter), updated_at = now()
        WHERE org_id = ${orgId} AND id = ${id} RETURNING ${columns}`);
      if (!row) throw notFound();
      return row;
    });
  } catch (error) {
    if ((error as { code?: string }).code === '23505' && name !== undefined) throw nameTaken(name);
    throw error;
  }
}

export async function deleteSegment(db: Db, orgId: string, id: string): Promise<void> {
  const deleted = await one(db, sql`DELETE FROM segments WHERE org_id = ${orgId} AND id = ${id} RETURNING id`);
  if (!deleted) throw notFound();
}

/**
 * The segment's contacts as of now, newest first, one page (`next` is the `before` of the following page,
 * null after the last). What campaigns and flows call; null when the segment does not exist.
 */
export async function resolveSegment(db: Db, orgId: string, segmentId: string, page: Page): Promise<{ contacts: ContactRow[]; next: string | null } | null> {
  const segment = await one<{ filter: unknown; default_country: string }>(db, sql`
    SELECT s.filter, o.default_country FROM segments s JOIN organizations o ON o.id = s.org_id
    WHERE s.org_id = ${orgId} AND s.id = ${segmentId}`);
  if (!segment) return null;
  const checked = await checkBodyFilter(db, orgId, segment.filter, 'segment.filter');
  const contacts = await findContacts(db, { orgId, defaultCountry: segment.default_country }, checked, page);
  return { contacts, next: contacts.length === page.limit ? contacts[contacts.length - 1]!.id : null };
}
