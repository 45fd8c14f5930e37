import type { Db } from '../db/db.ts';
import { one } from '../db/db.ts';
import { sql } from '../db/sql.ts';

export type MediaRow = {
  org_id: string; id: string; source: 'upload' | 'inbound'; kind: string; mime_type: string; size_bytes: number | null;
  sha256: string | null; filename: string | null; phone_number_id: string | null; meta_media_id: string | null; created_at: Date;
};

const columns = sql`org_id, id, source, kind, mime_type, size_bytes, sha256, filename, phone_number_id, meta_media_id, created_at`;

export function insertMedia(db: Db, orgId: string, m: {
  id: string; source: 'upload' | 'inbound'; kind: string; mimeType: string; sizeBytes: number | null; sha256: string | null;
  filename: string | null; bytes: Buffer | null; phoneNumberId: string | null; metaMediaId: string | null;
}) {
  return one<MediaRow>(db, sql`
    INSERT INTO media (org_id, id, source, kind, mime_type, size_bytes, sha256, filename, bytes, phone_number_id, meta_media_id)
    VALUES (${orgId}, ${m.id}, ${m.source}, ${m.kind}, ${m.mimeType}, ${m.sizeBytes}, ${m.sha256}, ${m.filename}, ${m.bytes},
      ${m.phoneNumberId}, ${m.metaMediaId})
    RETURNING ${columns}`);
}

export function findMedia(db: Db, orgId: string, id: string) {
  return one<MediaRow>(db, sql`SELECT ${columns} FROM media WHERE org_id = ${orgId} AND id = ${id}`);
}

export function readMediaBytes(db: Db, orgId: string, id: string) {
  return one<{ bytes: Buffer | Uint8Array | null }>(db, sql`SELECT bytes FROM media WHERE org_id = ${orgId} AND id = ${id}`);
}

export function storeMediaBytes(db: Db, orgId: string, id: string, bytes: Buffer, sha256: string) {
  return db.query(sql`UPDATE media SET bytes = ${bytes}, size_bytes = ${bytes.length}, sha256 = coalesce(sha256, ${sha256}) WHERE org_id = ${orgId} AND id = ${id}`);
}

/** The inbound media row for a Cloud API media id, if it was fetched before. */
export function findInboundMedia(db: Db, orgId: string, metaMediaId: string) {
  return one<MediaRow>(db, sql`SELECT ${columns} FROM media WHERE org_id = ${orgId} AND source = 'inbound' AND meta_media_id = ${metaMediaId}`);
}

export function findUpload(db: Db, orgId: string, mediaId: string, numberId: string) {
  return one<{ meta_media_id: string; uploaded_at: Date }>(db, sql`
    SELECT meta_media_id, uploaded_at FROM media_uploads WHERE org_id = ${orgId} AND media_id = ${mediaId} AND phone_number_id = ${numberId}`);
}

export function recordUpload(db: Db, orgId: string, mediaId: string, numberId: string, metaMediaId: string) {
  return db.query(sql`
    INSERT INTO media_uploads (org_id, media_id, phone_number_id, meta_media_id) VALUES (${orgId}, ${mediaId}, ${numberId}, ${metaMediaId})
    ON CONFLICT (org_id, media_id, phone_number_id) DO UPDATE SET meta_media_id = excluded.meta_media_id, uploaded_at = now()`);
}
