import type { Db } from '../db/db.ts';
import { one } from '../db/db.ts';
import { join, sql, unsafeRaw } from '../db/sql.ts';

export type TemplateRow = {
  org_id: string; id: string; account_id: string; meta_template_id: string | null; name: string; language: string;
  category: string; status: string; parameter_format: string; components: TemplateComponent[];
  quality_score: string | null; rejected_reason: string | null; created_at: Date; updated_at: Date;
  options: Record<string, unknown>; previous_category: string | null; rejection_info: Record<string, unknown> | null;
  status_detail: Record<string, unknown> | null; status_at: Date | null; status_rank: number;
  quality_at: Date | null; category_at: Date | null; submitted_at: Date | null;
};

export type TemplateComponent = {
  type: string; format?: string; text?: string; buttons?: { type: string; text?: string; url?: string }[]; [key: string]: unknown;
};

export type TemplateEventRow = {
  kind: 'status' | 'quality' | 'category' | 'components'; event: string; previous: string | null; reason: string | null;
  details: Record<string, unknown>; source: 'api' | 'webhook' | 'sync'; meta_time: Date | null; applied: boolean; recorded_at: Date;
};

export type TemplateFilters = { status?: string; category?: string; language?: string; name?: string };

export function insertDraft(db: Db, orgId: string, t: {
  id: string; accountId: string; name: string; language: string; category: string; parameterFormat: string;
  components: unknown; options: Record<string, unknown>;
}) {
  return one<TemplateRow>(db, sql`
    INSERT INTO templates (org_id, id, account_id, name, language, category, status, parameter_format, components, options)
    VALUES (${orgId}, ${t.id}, ${t.accountId}, ${t.name}, ${t.language}, ${t.category}, 'DRAFT', ${t.parameterFormat},
      ${JSON.stringify(t.components)}::jsonb, ${JSON.stringify(t.options)}::jsonb)
    ON CONFLICT (org_id, account_id, name, language) DO NOTHING
    RETURNING *`);
}

/** A template pulled from the Cloud API: new ones are inserted, known ones take Meta's current state. */
export function upsertSyncedTemplate(db: Db, orgId: string, t: {
  id: string; accountId: string; metaTemplateId: string; name: string; language: string; category: string; status: string;
  parameterFormat: string; components: unknown; qualityScore: string | null; rejectedReason: string | null;
  previousCategory: string | null; statusAt: Date;
}) {
  return one<TemplateRow & { inserted: boolean; old_status: string | null }>(db, sql`
    WITH old AS (SELECT status FROM templates WHERE org_id = ${orgId} AND account_id = ${t.accountId}
                   AND name = ${t.name} AND language = ${t.language})
    INSERT INTO templates AS t (org_id, id, account_id, meta_template_id, name, language, category, status, parameter_format,
      components, quality_score, rejected_reason, previous_category, status_at, status_rank, quality_at, category_at)
    VALUES (${orgId}, ${t.id}, ${t.accountId}, ${t.metaTemplateId}, ${t.name}, ${t.language}, ${t.category}, ${t.status},
      ${t.parameterFormat}, ${JSON.stringify(t.components)}::jsonb, ${t.qualityScore}, ${t.rejectedReason},
      ${t.previousCategory}, ${t.statusAt}, 0, ${t.statusAt}, ${t.statusAt})
    ON CONFLICT (org_id, account_id, name, language) DO UPDATE SET
      meta_template_id = excluded.meta_template_id, category = excluded.category, status = excluded.status,
      parameter_format = excluded.parameter_format, components = excluded.components,
      quality_score = excluded.quality_score, rejected_reason = excluded.rejected_reason,
      previous_category = coalesce(excluded.previous_category, t.previous_category),
      status_at = excluded.status_at, status_rank = 0, quality_at = excluded.quality_at, category_at = excluded.category_at,
      updated_at = now()
    RETURNING t.*, (xmax = 0) AS inserted, (SELECT status FROM old) AS old_status`);
}

export function listTemplates(db: Db, orgId: string, page: { limit: number; before?: string | undefined }, filters: TemplateFilters = {}) {
  const where = [sql`org_id = ${orgId}`];
  if (page.before) where.push(sql`id < ${page.before}`);
  if (filters.status) where.push(sql`status = ${filters.status}`);
  if (filters.category) where.push(sql`category = ${filters.category}`);
  if (filters.language) where.push(sql`language = ${filters.language}`);
  if (filters.name) where.push(sql`name = ${filters.name}`);
  return db.query<TemplateRow>(sql`SELECT * FROM templates WHERE ${join(where, ' AND ')} ORDER BY id DESC LIMIT ${page.limit}`);
}

export function findTemplate(db: Db, orgId: string, id: string) {
  return one<TemplateRow>(db, sql`SELECT * FROM templates WHERE org_id = ${orgId} AND id = ${id}`);
}

/** Locks the template for the caller's transaction: its changes and their events are then one line. */
export function lockTemplate(tx: Db, orgId: string, id: string) {
  return one<TemplateRow>(tx, sql`SELECT * FROM templates WHERE org_id = ${orgId} AND id = ${id} FOR UPDATE`);
}

/**
 * Meta's webhooks name the template by its id. A template being submitted has no id yet (Meta's review can answer
 * before Meta's response to the create reaches us), so a submitted one without an id is found by name and language.
 */
export function lockTemplateByMetaId(tx: Db, orgId: string, accountId: string, ref: { metaTemplateId: string; name: string; language: string }) {
  return one<TemplateRow>(tx, sql`
    SELECT * FROM templates WHERE org_id = ${orgId} AND account_id = ${accountId}
      AND (meta_template_id = ${ref.metaTemplateId} OR (meta_template_id IS NULL AND submitted_at IS NOT NULL AND name = ${ref.name} AND language = ${ref.language}))
    ORDER BY meta_template_id NULLS LAST LIMIT 1 FOR UPDATE`);
}

export function updateTemplate(tx: Db, orgId: string, id: string, set: Partial<{
  meta_template_id: string; category: string; status: string; components: unknown; parameter_format: string;
  options: Record<string, unknown>; quality_score: string | null; rejected_reason: string | null; previous_category: string | null;
  rejection_info: unknown; status_detail: unknown; status_at: Date | null; status_rank: number; quality_at: Date; category_at: Date;
  submitted_at: Date;
}>) {
  const json = new Set(['components', 'options', 'rejection_info', 'status_detail']);
  const assignments = Object.entries(set).filter(([, v]) => v !== undefined).map(([column, value]) =>
    json.has(column)
      ? sql`${columnName(column)} = ${value === null ? null : JSON.stringify(value)}::jsonb`
      : sql`${columnName(column)} = ${value}`);
  return one<TemplateRow>(tx, sql`
    UPDATE templates SET ${join([...assignments, sql`updated_at = now()`], ', ')}
    WHERE org_id = ${orgId} AND id = ${id} RETURNING *`);
}

const COLUMNS = new Set([
  'meta_template_id', 'category', 'status', 'components', 'parameter_format', 'options', 'quality_score', 'rejected_reason',
  'previous_category', 'rejection_info', 'status_detail', 'status_at', 'status_rank', 'quality_at', 'category_at', 'submitted_at',
]);

function columnName(column: string) {
  if (!COLUMNS.has(column)) throw new Error(`not a template column: ${column}`);
  return unsafeRaw(column); // one of the names above, chosen by code
}

/** Marks a draft as on its way to Meta; false when it is not a draft or another submit is already sending it. */
export async function markSubmitting(db: Db, orgId: string, id: string, at: Date): Promise<boolean> {
  const rows = await db.query(sql`
    UPDATE templates SET submitted_at = ${at} WHERE org_id = ${orgId} AND id = ${id} AND status = 'DRAFT' AND submitted_at IS NULL RETURNING id`);
  return rows.length > 0;
}

export function clearSubmitting(db: Db, orgId: string, id: string) {
  return db.query(sql`UPDATE templates SET submitted_at = NULL WHERE org_id = ${orgId} AND id = ${id} AND status = 'DRAFT'`);
}

export function deleteDraft(db: Db, orgId: string, id: string) {
  return db.query(sql`DELETE FROM templates WHERE org_id = ${orgId} AND id = ${id} AND status = 'DRAFT' RETURNING id`);
}

/** Records one event of a template's history; false when the same event (by its dedupe key) is already there. */
export async function recordTemplateEvent(tx: Db, orgId: string, templateId: string, e: {
  kind: TemplateEventRow['kind']; event: string; previous: string | null; reason?: string | null; details?: Record<string, unknown>;
  source: TemplateEventRow['source']; metaTime: Date | null; applied: boolean; dedupeKey: string;
}): Promise<boolean> {
  const rows = await tx.query(sql`
    INSERT INTO template_status_events (org_id, template_id, kind, event, previous, reason, details, source, meta_time, applied, dedupe_key)
    VALUES (${orgId}, ${templateId}, ${e.kind}, ${e.event}, ${e.previous}, ${e.reason ?? null}, ${JSON.stringify(e.details ?? {})}::jsonb,
      ${e.source}, ${e.metaTime}, ${e.applied}, ${e.dedupeKey})
    ON CONFLICT (org_id, template_id, dedupe_key) DO NOTHING RETURNING id`);
  return rows.length > 0;
}

export function listTemplateEvents(db: Db, orgId: string, templateId: string) {
  return db.query<TemplateEventRow>(sql`
    SELECT kind, event, previous, reason, details, source, meta_time, applied, recorded_at FROM template_status_events
    WHERE org_id = ${orgId} AND template_id = ${templateId} ORDER BY id`);
}

/** The status a template had before it was archived: unarchiving restores it. */
export async function statusBeforeArchive(tx: Db, orgId: string, templateId: string): Promise<string | null> {
  const row = await one<{ previous: string | null }>(tx, sql`
    SELECT previous FROM template_status_events WHERE org_id = ${orgId} AND template_id = ${templateId}
      AND kind = 'status' AND event = 'ARCHIVED' AND applied ORDER BY id DESC LIMIT 1`);
  return row?.previous ?? null;
}

export function recordEdit(tx: Db, orgId: string, templateId: string, fromStatus: string, at: Date) {
  return tx.query(sql`INSERT INTO template_edits (org_id, template_id, edited_at, from_status) VALUES (${orgId}, ${templateId}, ${at}, ${fromStatus})`);
}

/** Edits made while the template was approved, newest first, within the last 30 days of `now`. */
export function approvedEditsSince(db: Db, orgId: string, templateId: string, since: Date) {
  return db.query<{ edited_at: Date }>(sql`
    SELECT edited_at FROM template_edits WHERE org_id = ${orgId} AND template_id = ${templateId}
      AND from_status = 'APPROVED' AND edited_at > ${since} ORDER BY edited_at DESC`);
}

export function listAccounts(db: Db, orgId: string) {
  return db.query<{ id: string; waba_id: string }>(sql`SELECT id, waba_id FROM whatsapp_accounts WHERE org_id = ${orgId} ORDER BY id`);
}
