import type { Db } from '../db/db.ts';
import { one } from '../db/db.ts';
import { sql } from '../db/sql.ts';

export type TemplateRow = {
  org_id: string; id: string; account_id: string; meta_template_id: string | null; name: string; language: string;
  category: string; status: string; parameter_format: string; components: TemplateComponent[];
  quality_score: string | null; rejected_reason: string | null; created_at: Date; updated_at: Date;
};

export type TemplateComponent = {
  type: string; format?: string; text?: string; buttons?: { type: string; text?: string; url?: string }[]; [key: string]: unknown;
};

export function upsertSyncedTemplate(db: Db, orgId: string, t: {
  id: string; accountId: string; metaTemplateId: string; name: string; language: string; category: string; status: string;
  parameterFormat: string; components: unknown; qualityScore: string | null; rejectedReason: string | null;
}) {
  return db.query(sql`
    INSERT INTO templates (org_id, id, account_id, meta_template_id, name, language, category, status, parameter_format,
      components, quality_score, rejected_reason)
    VALUES (${orgId}, ${t.id}, ${t.accountId}, ${t.metaTemplateId}, ${t.name}, ${t.language}, ${t.category}, ${t.status},
      ${t.parameterFormat}, ${JSON.stringify(t.components)}::jsonb, ${t.qualityScore}, ${t.rejectedReason})
    ON CONFLICT (org_id, account_id, name, language) DO UPDATE SET
      meta_template_id = excluded.meta_template_id, category = excluded.category, status = excluded.status,
      parameter_format = excluded.parameter_format, components = excluded.components,
      quality_score = excluded.quality_score, rejected_reason = excluded.rejected_reason, updated_at = now()`);
}

export function listTemplates(db: Db, orgId: string, page: { limit: number; before?: string | undefined }) {
  return db.query<TemplateRow>(sql`
    SELECT * FROM templates WHERE org_id = ${orgId} ${page.before ? sql`AND id < ${page.before}` : sql``}
    ORDER BY id DESC LIMIT ${page.limit}`);
}

export function findTemplate(db: Db, orgId: string, id: string) {
  return one<TemplateRow>(db, sql`SELECT * FROM templates WHERE org_id = ${orgId} AND id = ${id}`);
}

