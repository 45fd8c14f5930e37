import type { Db } from '../../db/db.ts';
import { one } from '../../db/db.ts';
import { sql } from '../../db/sql.ts';
import { newId } from '../../lib/ids.ts';
import type { AttributeDef, ColumnMapping, ConsentMapping } from './mapping.ts';
import type { ImportedContact, Rejection } from './rows.ts';

export type ImportStatus = 'uploading' | 'queued' | 'processing' | 'completed' | 'failed';

export type ImportRow = {
  org_id: string;
  id: string;
  status: ImportStatus;
  filename: string | null;
  size_bytes: number;
  chunk_bytes: number;
  chunk_count: number;
  header: string[] | null;
  mapping: ColumnMapping | null;
  consent: ConsentMapping | null;
  actor: string;
  next_offset: number;
  next_row: number;
  rows_read: number;
  created: number;
  updated: number;
  rejected: number;
  duplicates: number;
  consents: number;
  error: { message: string; row?: number } | null;
  attempts: number;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
};

const columns = sql`org_id, id, status, filename, size_bytes, chunk_bytes, chunk_count, header, mapping, consent, actor, next_offset, next_row,
  rows_read, created, updated, rejected, duplicates, consents, error, attempts, created_at, started_at, finished_at`;

export async function insertImport(db: Db, orgId: string, input: { id: string; filename: string | null; actor: string; chunkBytes: number }) {
  await db.query(sql`
    INSERT INTO contact_imports (org_id, id, status, filename, actor, chunk_bytes)
    VALUES (${orgId}, ${input.id}, 'uploading', ${input.filename}, ${input.actor}, ${input.chunkBytes})`);
}

export async function insertChunk(db: Db, orgId: string, importId: string, seq: number, bytes: Buffer) {
  await db.query(sql`INSERT INTO contact_import_chunks (org_id, import_id, seq, bytes) VALUES (${orgId}, ${importId}, ${seq}, ${bytes})`);
}

export async function readChunk(db: Db, orgId: string, importId: string, seq: number): Promise<Buffer | undefined> {
  const row = await one<{ bytes: Uint8Array }>(db, sql`SELECT bytes FROM contact_import_chunks WHERE org_id = ${orgId} AND import_id = ${importId} AND seq = ${seq}`);
  return row ? Buffer.from(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength) : undefined;
}

/** The upload is complete and its mapping checked: the import waits for a worker. */
export function queueImport(db: Db, orgId: string, id: string, input: {
  header: string[]; dataOffset: number; sizeBytes: number; chunkCount: number; mapping: ColumnMapping; consent: ConsentMapping | null;
}) {
  return one<ImportRow>(db, sql`
    UPDATE contact_imports SET status = 'queued', header = ${input.header}::text[], next_offset = ${input.dataOffset}, size_bytes = ${input.sizeBytes},
      chunk_count = ${input.chunkCount}, mapping = ${JSON.stringify(input.mapping)}::jsonb, consent = ${input.consent ? JSON.stringify(input.consent) : null}::jsonb
    WHERE org_id = ${orgId} AND id = ${id} AND status = 'uploading'
    RETURNING ${columns}`);
}

export async function deleteImport(db: Db, orgId: string, id: string) {
  await db.query(sql`DELETE FROM contact_imports WHERE org_id = ${orgId} AND id = ${id}`);
}

export function findImport(db: Db, orgId: string, id: string) {
  return one<ImportRow>(db, sql`SELECT ${columns} FROM contact_imports WHERE org_id = ${orgId} AND id = ${id} AND status <> 'uploading'`);
}

export function listImports(db: Db, orgId: string, page: { limit: number; before: string | undefined }) {
  return db.query<ImportRow>(sql`
    SELECT ${columns} FROM contact_imports
    WHERE org_id = ${orgId} AND status <> 'uploading' AND (${page.before ?? null}::text IS NULL OR id < ${page.before ?? null})
    ORDER BY id DESC LIMIT ${page.limit}`);
}

/**
 * Takes the oldest import no live worker holds — waiting, or abandoned by a worker whose lease ran out —
 * before its organization is known (any worker serves every organization).
 */
export function claimImportUnscoped(db: Db, token: string, leaseSeconds: number) {
  return one<ImportRow>(db, sql`
    UPDATE contact_imports SET status = 'processing', lease_token = ${token}, lease_until = now() + make_interval(secs => ${leaseSeconds}),
      attempts = attempts + 1, started_at = coalesce(started_at, now())
    WHERE (org_id, id) = (
      SELECT org_id, id FROM contact_imports
      WHERE status IN ('queued', 'processing') AND (lease_until IS NULL OR lease_until < now())
      ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
    RETURNING ${columns}`);
}

export async function releaseLease(db: Db, orgId: string, id: string, token: string) {
  await db.query(sql`UPDATE contact_imports SET lease_until = NULL, lease_token = NULL WHERE org_id = ${orgId} AND id = ${id} AND lease_token = ${token}`);
}

export type Progress = { nextOffset: number; nextRow: number; read: number; created: number; updated: number; rejected: number; duplicates: number; consents: number };

/**
 * Moves the import past a batch and renews the lease, only if this worker still holds the lease and the import
 * stands where the batch starts (the batch before it committed); false otherwise, and the caller rolls back.
 */
export async function recordProgress(tx: Db, orgId: string, id: string, lease: { token: string; seconds: number }, from: number, p: Progress) {
  const moved = await one(tx, sql`
    UPDATE contact_imports SET next_offset = ${p.nextOffset}, next_row = ${p.nextRow}, rows_read = rows_read + ${p.read},
      created = created + ${p.created}, updated = updated + ${p.updated}, rejected = rejected + ${p.rejected},
      duplicates = duplicates + ${p.duplicates}, consents = consents + ${p.consents}, attempts = 0,
      lease_until = now() + make_interval(secs => ${lease.seconds})
    WHERE org_id = ${orgId} AND id = ${id} AND lease_token = ${lease.token} AND status = 'processing' AND next_offset = ${from}
    RETURNING id`);
  return moved !== undefined;
}

/** The file is no longer needed once every row is in; the rejections stay for the report. */
export async function finishImport(db: Db, orgId: string, id: string, token: string, outcome: { error: ImportRow['error'] }) {
  await db.transaction(async (tx) => {
    const done = await one(tx, sql`
      UPDATE contact_imports SET status = ${outcome.error ? 'failed' : 'completed'}, error = ${outcome.error ? JSON.stringify(outcome.error) : null}::jsonb,
        finished_at = now(), lease_token = NULL, lease_until = NULL
      WHERE org_id = ${orgId} AND id = ${id} AND lease_token = ${token} RETURNING id`);
    if (done) await tx.query(sql`DELETE FROM contact_import_chunks WHERE org_id = ${orgId} AND import_id = ${id}`);
  });
}

/**
 * Inserts new numbers and applies the mapped fields to existing ones (a field left empty in the file keeps
 * its value; tags are added, attributes merged). One statement per batch; returns each row's contact id.
 */
export function upsertContacts(tx: Db, orgId: string, contacts: ImportedContact[]) {
  const col = <T>(f: (c: ImportedContact) => T) => contacts.map(f);
  return tx.query<{ id: string; phone_e164: string; inserted: boolean }>(sql`
    INSERT INTO contacts AS c (org_id, id, phone_e164, name, language, time_zone, attributes, tags)
    SELECT ${orgId}, v.id, v.phone, v.name, v.language, v.time_zone, v.attributes::jsonb,
      CASE WHEN v.tags = '' THEN '{}'::text[] ELSE string_to_array(v.tags, E'\\x1f') END
    FROM unnest(${col(() => newId('contact'))}::text[], ${col((c) => c.phone)}::text[], ${col((c) => c.name)}::text[],
      ${col((c) => c.language)}::text[], ${col((c) => c.timeZone)}::text[], ${col((c) => c.attributes)}::text[],
      ${col((c) => c.tags.join('\x1f'))}::text[]) AS v(id, phone, name, language, time_zone, attributes, tags)
    ON CONFLICT (org_id, phone_e164) DO UPDATE SET
      name = coalesce(excluded.name, c.name),
      language = coalesce(excluded.language, c.language),
      time_zone = coalesce(excluded.time_zone, c.time_zone),
      attributes = CASE WHEN excluded.attributes = '{}'::jsonb THEN c.attributes ELSE c.attributes || excluded.attributes END,
      tags = CASE WHEN cardinality(excluded.tags) = 0 THEN c.tags
        ELSE c.tags || ARRAY(SELECT t FROM unnest(excluded.tags) AS t WHERE NOT t = ANY(c.tags)) END,
      updated_at = now()
    RETURNING c.id, c.phone_e164, (c.xmax = 0) AS inserted`);
}

/** Whether any contact of the organization is currently opted out of one of these purposes (usually few are). */
export async function anyOptedOut(tx: Db, orgId: string, purposes: string[]): Promise<boolean> {
  const row = await one<{ found: boolean }>(tx, sql`
    SELECT EXISTS (SELECT 1 FROM consent_state WHERE org_id = ${orgId} AND purpose = ANY(${purposes}::text[]) AND state = 'opted_out') AS found`);
  return row?.found === true;
}

/** The current consent of these numbers' contacts, for the purposes an import's opt-in would touch. */
export function consentStatesByPhone(tx: Db, orgId: string, phones: string[]) {
  return tx.query<{ phone_e164: string; purpose: string; state: string; seq: string; recorded_at: Date }>(sql`
    SELECT c.phone_e164, s.purpose, s.state, s.seq::text AS seq, s.recorded_at
    FROM contacts c JOIN consent_state s ON s.org_id = c.org_id AND s.contact_id = c.id
    WHERE c.org_id = ${orgId} AND c.phone_e164 = ANY(${phones}::text[])`);
}

export async function insertRejections(tx: Db, orgId: string, importId: string, rejections: Rejection[]) {
  if (rejections.length === 0) return;
  // Replayed after a crash, a batch writes the same rows again: the first write stands.
  await tx.query(sql`
    INSERT INTO contact_import_rejections (org_id, import_id, row_number, reason, cells)
    SELECT ${orgId}, ${importId}, v.row_number, v.reason, v.cells::jsonb
    FROM unnest(${rejections.map((r) => r.row)}::bigint[], ${rejections.map((r) => r.reason)}::text[],
      ${rejections.map((r) => JSON.stringify(r.cells))}::text[]) AS v(row_number, reason, cells)
    ON CONFLICT DO NOTHING`);
}

export function rejectionsPage(db: Db, orgId: string, importId: string, afterRow: number, limit: number) {
  return db.query<{ row_number: number; reason: string; cells: string[] }>(sql`
    SELECT row_number, reason, cells FROM contact_import_rejections
    WHERE org_id = ${orgId} AND import_id = ${importId} AND row_number > ${afterRow} ORDER BY row_number LIMIT ${limit}`);
}

/** Uploads whose API process died mid-stream never reach "queued": their chunks are removed after a while. */
export async function deleteAbandonedUploadsUnscoped(db: Db, olderThanSeconds: number) {
  await db.query(sql`DELETE FROM contact_imports WHERE status = 'uploading' AND created_at < now() - make_interval(secs => ${olderThanSeconds})`);
}

export function attributeDefinitions(db: Db, orgId: string) {
  return db.query<AttributeDef>(sql`SELECT key, type, options FROM contact_attributes WHERE org_id = ${orgId}`);
}

/** The organization's country and the name its customers know it by (the consent settings' business name, else its own). */
export function importContext(db: Db, orgId: string) {
  return one<{ business_name: string; default_country: string }>(db, sql`
    SELECT coalesce(nullif(s.business_name, ''), o.name) AS business_name, o.default_country
    FROM organizations o LEFT JOIN consent_settings s ON s.org_id = o.id WHERE o.id = ${orgId}`);
}
