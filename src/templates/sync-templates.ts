import { randomUUID } from 'node:crypto';
import { sql } from '../db/sql.ts';
import type { Deps } from '../deps.ts';
import { newId } from '../lib/ids.ts';
import { emitEvents } from '../webhooks/emit-events.ts';
import { normaliseLanguage } from '../whatsapp/webhook-events.ts';
import { recordTemplateEvent, updateTemplate, upsertSyncedTemplate, type TemplateRow } from './store.ts';
import { accountToken } from './submit-template.ts';
import { templateStatusPayload, wholeSeconds } from './template-events.ts';

const FIELDS = ['id', 'name', 'language', 'status', 'category', 'components', 'parameter_format', 'quality_score', 'rejected_reason', 'previous_category'];

export type SyncResult = { total: number; created: number; changed: number; deleted: number };

/**
 * Pulls every template of a WABA from the Cloud API, including ones made elsewhere (Meta's own manager): new ones
 * are added, known ones take Meta's current state (newer than any webhook still on its way), and templates Meta no
 * longer has are marked DELETED. Each status change it reveals is kept in the history and told to customers.
 */
export async function syncTemplates(deps: Deps, orgId: string, accountId: string): Promise<SyncResult> {
  const account = await accountToken(deps, orgId, accountId);
  // Meta's state as of the second the request left: a webhook of that second or later is newer (decision 0013).
  const now = wholeSeconds(deps.clock.now());
  const templates = await deps.cloudApi.listTemplates(account.token, account.wabaId, { fields: FIELDS.join(',') });
  const result: SyncResult = { total: templates.length, created: 0, changed: 0, deleted: 0 };
  for (const t of templates) {
    await deps.db.transaction(async (tx) => {
      const row = (await upsertSyncedTemplate(tx, orgId, {
        id: newId('template'), accountId, metaTemplateId: String(t.id), name: t.name, language: normaliseLanguage(t.language),
        category: t.category, status: t.status, parameterFormat: t.parameter_format ?? 'POSITIONAL', components: t.components ?? [],
        qualityScore: t.quality_score?.score ?? null, rejectedReason: t.rejected_reason && t.rejected_reason !== 'NONE' ? t.rejected_reason : null,
        previousCategory: t.previous_category ?? null, statusAt: now,
      }))!;
      if (row.inserted) result.created += 1;
      if (row.old_status !== row.status) {
        if (!row.inserted) result.changed += 1;
        await recordSyncedStatus(tx, row, row.old_status, now);
      }
    });
  }
  result.deleted = await markMissingDeleted(deps, orgId, accountId, new Set(templates.map((t) => String(t.id))), now);
  return result;
}

async function recordSyncedStatus(tx: Deps['db'], row: TemplateRow, previous: string | null, now: Date) {
  await recordTemplateEvent(tx, row.org_id, row.id, {
    kind: 'status', event: row.status, previous, details: { action: 'synced' }, source: 'sync', metaTime: null, applied: true,
    dedupeKey: `sync:${randomUUID()}`,
  });
  await emitEvents(tx, row.org_id, [{ type: 'template.status', subject: row.id, payload: templateStatusPayload(row, { event: row.status, previousStatus: previous, detail: { action: 'synced' }, at: now }) }]);
}

async function markMissingDeleted(deps: Deps, orgId: string, accountId: string, present: Set<string>, now: Date): Promise<number> {
  const known = await deps.db.query<{ id: string; meta_template_id: string }>(sql`
    SELECT id, meta_template_id FROM templates WHERE org_id = ${orgId} AND account_id = ${accountId}
      AND meta_template_id IS NOT NULL AND status <> 'DELETED'`);
  let deleted = 0;
  for (const gone of known.filter((k) => !present.has(k.meta_template_id))) {
    await deps.db.transaction(async (tx) => {
      const row = await tx.query<TemplateRow>(sql`SELECT * FROM templates WHERE org_id = ${orgId} AND id = ${gone.id} AND status <> 'DELETED' FOR UPDATE`);
      if (!row[0]) return;
      const updated = (await updateTemplate(tx, orgId, gone.id, { status: 'DELETED', status_at: now, status_rank: 99 }))!;
      await recordSyncedStatus(tx, updated, row[0].status, now);
      deleted += 1;
    });
  }
  return deleted;
}
