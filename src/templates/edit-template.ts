import { recordAudit, type AuditBy } from '../audit/record-audit.ts';
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
export async function editTemplate(deps: Deps, orgId: string, id: string, patch: EditTemplateInput, by: AuditBy): Promise<TemplateRow> {
  const template = await findTemplate(deps.db, orgId, id);
  if (!template) throw new AppError('not_found', { message: 'No such template.' });
  const merged = { ...definitionOf(template), ...patch } as Record<string, unknown>;
  assertValid(merged);
  if (template.status === 'DRAFT') return editDraft(deps, orgId, template, merged, by);
  assertEditableAtMeta(template, patch);
  const account = await accountToken(deps, orgId, template.account_id);
  const { at, before, updated } = await sendToReview(deps, orgId, template, patch, merged, by);
  const body = Object.fromEntries(Object.entries(merged).filter(([k]) => META_EDITABLE.has(k) && (k !== 'category' || k in patch))) as EditTemplateRequest;
  try {
    await deps.cloudApi.editTemplate(account.token, template.meta_template_id!, body);
  } catch (err) {
    await undoEdit(deps, orgId, before, at, by);
    throw metaRefusal(err);
  }
  return updated;
}

/**
 * Counts the edit against Meta's limits and moves the template to PENDING with its new definition, under the
 * template's lock and before Meta is called: two concurrent edits cannot both pass, and Meta's review of this edit
 * (which may come back before Meta's answer to us) is compared with PENDING, not with the approval it replaces.
 */
async function sendToReview(deps: Deps, orgId: string, template: TemplateRow, patch: EditTemplateInput, merged: Record<string, unknown>, by: AuditBy) {
  return deps.db.transaction(async (tx) => {
    const before = (await lockTemplate(tx, orgId, template.id))!;
    const at = deps.clock.now();
    if (before.status === 'APPROVED') assertWithinEditLimits(await approvedEditsSince(tx, orgId, template.id, new Date(at.getTime() - 30 * DAY_MS)), at);
    await recordEdit(tx, orgId, template.id, before.status, at);
    const updated = (await updateTemplate(tx, orgId, template.id, {
      components: merged.components, parameter_format: merged.parameter_format as string | undefined,
      category: typeof patch.category === 'string' ? patch.category : undefined, options: optionsOf(merged),
      status: 'PENDING', status_at: localStamp(at), status_rank: LOCAL_RANK, rejected_reason: null, rejection_info: null, status_detail: null,
    }))!;
    await recordTemplateEvent(tx, orgId, template.id, {
      kind: 'status', event: 'PENDING', previous: before.status, details: { action: 'edited' }, source: 'api', metaTime: null,
      applied: true, dedupeKey: `api:edit:${at.getTime()}`,
    });
    await emitEvents(tx, orgId, [{
      type: 'template.status', subject: template.id, payload: templateStatusPayload(updated, { event: 'PENDING', previousStatus: before.status, detail: { action: 'edited' }, at }),
    }]);
    await recordAudit(tx, { orgId, action: 'template.edited', actor: by.actor, requestId: by.requestId, at, subject: template.id, detail: { name: template.name, language: template.language, fields: Object.keys(patch).sort(), previous_status: before.status } });
    return { at, before, updated };
  });
}

function assertWithinEditLimits(edits: { edited_at: Date }[], now: Date) {
  const last = edits[0]?.edited_at;
  const nextAllowed = last && now.getTime() - last.getTime() < DAY_MS
    ? new Date(last.getTime() + DAY_MS)
    : edits.length >= EDITS_PER_30_DAYS ? new Date(edits[EDITS_PER_30_DAYS - 1]!.edited_at.getTime() + 30 * DAY_MS) : null;
  if (nextAllowed) throw new AppError('template_edit_limit_reached', { details: { next_allowed_at: nextAllowed.toISOString(), edits_last_30_days: edits.length } });
}

/** Meta refused the edit: the template is as it was (unless a webhook moved it meanwhile), and the edit does not count. */
async function undoEdit(deps: Deps, orgId: string, before: TemplateRow, at: Date, by: AuditBy) {
  await deps.db.transaction(async (tx) => {
    await tx.query(sql`DELETE FROM template_edits WHERE org_id = ${orgId} AND template_id = ${before.id} AND edited_at = ${at}`);
    const row = (await lockTemplate(tx, orgId, before.id))!;
    if (row.status !== 'PENDING' || row.status_rank !== LOCAL_RANK || row.status_at?.getTime() !== localStamp(at).getTime()) return;
    const restored = (await updateTemplate(tx, orgId, before.id, {
      components: before.components, parameter_format: before.parameter_format, category: before.category, options: before.options,
      status: before.status, status_at: before.status_at, status_rank: before.status_rank, rejected_reason: before.rejected_reason,
      rejection_info: before.rejection_info, status_detail: before.status_detail,
    }))!;
    await recordTemplateEvent(tx, orgId, before.id, {
      kind: 'status', event: before.status, previous: 'PENDING', details: { action: 'edit_refused' }, source: 'api', metaTime: null,
      applied: true, dedupeKey: `api:edit_refused:${at.getTime()}`,
    });
    await emitEvents(tx, orgId, [{
      type: 'template.status', subject: before.id, payload: templateStatusPayload(restored, { event: before.status, previousStatus: 'PENDING', detail: { action: 'edit_refused' }, at: deps.clock.now() }),
    }]);
    await recordAudit(tx, { orgId, action: 'template.edit_refused', actor: by.actor, requestId: by.requestId, subject: before.id, detail: { name: before.name, language: before.language, restored_status: before.status } });
  });
}

async function editDraft(deps: Deps, orgId: string, template: TemplateRow, merged: Record<string, unknown>, by: AuditBy) {
  if (merged.name !== template.name || merged.language !== template.language) {
    const clash = await deps.db.query(sql`
      SELECT 1 FROM templates WHERE org_id = ${orgId} AND account_id = ${template.account_id} AND name = ${merged.name}
        AND language = ${merged.language} AND id <> ${template.id}`);
    if (clash.length > 0) throw new AppError('template_exists');
  }
  return deps.db.transaction(async (tx) => {
    const rows = await tx.query<TemplateRow>(sql`
      UPDATE templates SET name = ${merged.name}, language = ${merged.language}, category = ${merged.category},
        parameter_format = ${merged.parameter_format ?? 'POSITIONAL'}, components = ${JSON.stringify(merged.components)}::jsonb,
        options = ${JSON.stringify(optionsOf(merged))}::jsonb, updated_at = now()
      WHERE org_id = ${orgId} AND id = ${template.id} AND status = 'DRAFT' RETURNING *`);
    if (!rows[0]) throw new AppError('template_not_editable', { message: 'The draft was submitted meanwhile.' });
    await recordAudit(tx, { orgId, action: 'template.edited', actor: by.actor, requestId: by.requestId, subject: template.id, detail: { name: rows[0].name, language: rows[0].language, previous_status: 'DRAFT' } });
    return rows[0];
  });
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
