import { recordAudit, type AuditBy } from '../audit/record-audit.ts';
import type { Db } from '../db/db.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../lib/app-error.ts';
import { emitEvents } from '../webhooks/emit-events.ts';
import { CloudApiError } from '../whatsapp/client.ts';
import { deleteDraft, findTemplate, lockTemplate, recordTemplateEvent, updateTemplate } from './store.ts';
import { accountToken, metaRefusal } from './submit-template.ts';
import { templateStatusPayload } from './template-events.ts';

// Meta's answer when the template is already gone there (deleted in Meta's manager, say).
const NOT_FOUND_AT_META = 2593002;

/**
 * A draft is removed; a submitted template is deleted at Meta by hsm_id and name (one language only, never every
 * language of the name) and kept here as DELETED with its history. Disabled templates cannot be deleted (Meta's rule).
 */
export async function deleteTemplate(deps: Deps, orgId: string, id: string, by: AuditBy): Promise<void> {
  const template = await findTemplate(deps.db, orgId, id);
  if (!template) throw new AppError('not_found', { message: 'No such template.' });
  const audit = (tx: Db, status: string) => recordAudit(tx, { orgId, action: 'template.deleted', actor: by.actor, requestId: by.requestId, subject: id, detail: { name: template.name, language: template.language, status } });
  if (template.status === 'DRAFT') {
    await deps.db.transaction(async (tx) => {
      if ((await deleteDraft(tx, orgId, id)).length > 0) await audit(tx, 'DRAFT');
    });
    return;
  }
  if (template.status === 'DELETED') return;
  if (template.status === 'DISABLED') throw new AppError('template_not_deletable');
  const account = await accountToken(deps, orgId, template.account_id);
  try {
    await deps.cloudApi.deleteTemplate(account.token, account.wabaId, { name: template.name, hsmId: template.meta_template_id ?? undefined });
  } catch (err) {
    if (!(err instanceof CloudApiError && err.subcode === NOT_FOUND_AT_META)) throw metaRefusal(err);
  }
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const row = (await lockTemplate(tx, orgId, id))!;
    if (row.status === 'DELETED') return;
    const updated = (await updateTemplate(tx, orgId, id, { status: 'DELETED', status_at: now, status_rank: 99 }))!;
    await recordTemplateEvent(tx, orgId, id, {
      kind: 'status', event: 'DELETED', previous: row.status, details: { action: 'deleted' }, source: 'api', metaTime: null, applied: true,
      dedupeKey: `api:delete:${now.getTime()}`,
    });
    await emitEvents(tx, orgId, [{ type: 'template.status', subject: id, payload: templateStatusPayload(updated, { event: 'DELETED', previousStatus: row.status, at: now }) }]);
    await audit(tx, row.status);
  });
}
