import { sql } from '../db/sql.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../lib/app-error.ts';
import { emitEvents } from '../webhooks/emit-events.ts';
import type { EditTemplateRequest } from '../whatsapp/account-types.ts';
import { assertValid, optionsOf } from './create-template.ts';
import { approvedEditsSince, findTemplate, lockTemplate, recordEdit, recordTemplateEvent, updateTemplate, type TemplateRow } from './store.ts';
import { accountToken, definitionOf, localStamp, metaRefusal } from './submit-template.ts';
import { LOCAL_RANK, templateStatusPayload } from './template-events.ts';

export type EditTemplateInput = Record<string, unknown> & {
  name?: string; language?: string; category?: string; parameter_format?: string; components?: unknown[];
};

// Meta's rules (§4.4): only these statuses can be edited; approved ones once per 24 hours and 10 times per 30 days.
const EDITABLE = ['APPROVED', 'REJECTED', 'PAUSED'];
const DAY_MS = 24 * 3600 * 1000;
const EDITS_PER_30_DAYS = 10;
// What `POST /{template-id}` accepts; name and language identify the template and never change once submitted.
const META_EDITABLE = new Set(['components', 'category', 'parameter_format', 'message_send_ttl_seconds']);

/**
 * A draft changes freely (and is validated whole again). A submitted template is edited at Meta under Meta's rules,
 * then goes back to review (PENDING) with the new definition.
 */
export async function editTemplate(deps: Deps, orgId: string, id: string, patch: EditTemplateInput): Promise<TemplateRow> {
  const template = await findTemplate(deps.db, orgId, id);
  if (!template) throw new AppError('not_found', { message: 'No such template.' });
  const merged = { ...definitionOf(template), ...patch } as Record<string, unknown>;
  assertValid(merged);
  if (template.status === 'DRAFT') return editDraft(deps, orgId, template, merged);
  assertEditableAtMeta(template, patch);
  const at = await reserveEdit(deps, orgId, template);
  const account = await accountToken(deps, orgId, template.account_id);
  const body = Object.fromEntries(Object.entries(merged).filter(([k]) => META_EDITABLE.has(k) && (k !== 'category' || k in patch))) as EditTemplateRequest;
  try {
    await deps.cloudApi.editTemplate(account.token, template.meta_template_id!, body);
  } catch (err) {
    await deps.db.query(sql`DELETE FROM template_edits WHERE org_id = ${orgId} AND template_id = ${id} AND edited_at = ${at}`);
    throw metaRefusal(err);
  }
  return deps.db.transaction(async (tx) => {
    const row = (await lockTemplate(tx, orgId, id))!;
    // A webhook that came in meanwhile (Meta's review of this very edit) is newer than our PENDING.
    const untouched = row.status === template.status && row.status_at?.getTime() === template.status_at?.getTime();
    const updated = (await updateTemplate(tx, orgId, id, {
      components: merged.components, parameter_format: merged.parameter_format as string | undefined,
      category: typeof patch.category === 'string' ? patch.category : undefined,
      options: optionsOf(merged),
      ...(untouched ? { status: 'PENDING', status_at: localStamp(at), status_rank: LOCAL_RANK, rejected_reason: null, rejection_info: null, status_detail: null } : {}),
    }))!;
    if (untouched) {
      await recordTemplateEvent(tx, orgId, id, {
        kind: 'status', event: 'PENDING', previous: row.status, details: { action: 'edited' }, source: 'api', metaTime: null,
        applied: true, dedupeKey: `api:edit:${at.getTime()}`,
      });
      await emitEvents(tx, orgId, [{
        type: 'template.status', subject: id, payload: templateStatusPayload(updated, { event: 'PENDING', previousStatus: row.status, detail: { action: 'edited' }, at }),
      }]);
    }
    return updated;
  });
}

async function editDraft(deps: Deps, orgId: string, template: TemplateRow, merged: Record<string, unknown>) {
  if (merged.name !== template.name || merged.language !== template.language) {
    const clash = await deps.db.query(sql`
      SELECT 1 FROM templates WHERE org_id = ${orgId} AND account_id = ${template.account_id} AND name = ${merged.name}
        AND language = ${merged.language} AND id <> ${template.id}`);
    if (clash.length > 0) throw new AppError('template_exists');
  }
  const rows = await deps.db.query<TemplateRow>(sql`
    UPDATE templates SET name = ${merged.name}, language = ${merged.language}, category = ${merged.category},
      parameter_format = ${merged.parameter_format ?? 'POSITIONAL'}, components = ${JSON.stringify(merged.components)}::jsonb,
      options = ${JSON.stringify(optionsOf(merged))}::jsonb, updated_at = now()
    WHERE org_id = ${orgId} AND id = ${template.id} AND status = 'DRAFT' RETURNING *`);
  if (!rows[0]) throw new AppError('template_not_editable', { message: 'The draft was submitted meanwhile.' });
  return rows[0];
}

function assertEditableAtMeta(t: TemplateRow, patch: EditTemplateInput) {
  if (!EDITABLE.includes(t.status)) {
    throw new AppError('template_not_editable', { message: `A ${t.status} template cannot be edited; only APPROVED, REJECTED and PAUSED ones can.` });
  }
  for (const field of ['name', 'language'] as const) {
    if (patch[field] !== undefined && patch[field] !== t[field]) {
      throw new AppError('template_not_editable', { message: `The ${field} of a submitted template cannot change.`, details: [{ path: `body.${field}` }] });
    }
  }
  if (t.status === 'APPROVED' && patch.category !== undefined && patch.category !== t.category) {
    throw new AppError('template_not_editable', { message: 'The category of an approved template cannot be edited.', details: [{ path: 'body.category' }] });
  }
}

/**
 * Counts the edit against Meta's limits before Meta sees it, under the template's lock, so two concurrent edits
 * cannot both pass; the reservation is withdrawn if Meta refuses.
 */
async function reserveEdit(deps: Deps, orgId: string, template: TemplateRow): Promise<Date> {
  return deps.db.transaction(async (tx) => {
    const row = (await lockTemplate(tx, orgId, template.id))!;
    const now = deps.clock.now();
    if (row.status === 'APPROVED') {
      const edits = await approvedEditsSince(tx, orgId, template.id, new Date(now.getTime() - 30 * DAY_MS));
      const last = edits[0]?.edited_at;
      const nextAllowed = last && now.getTime() - last.getTime() < DAY_MS
        ? new Date(last.getTime() + DAY_MS)
        : edits.length >= EDITS_PER_30_DAYS ? new Date(edits[EDITS_PER_30_DAYS - 1]!.edited_at.getTime() + 30 * DAY_MS) : null;
      if (nextAllowed) throw new AppError('template_edit_limit_reached', { details: { next_allowed_at: nextAllowed.toISOString(), edits_last_30_days: edits.length } });
    }
    await recordEdit(tx, orgId, template.id, row.status, now);
    return now;
  });
}
