import { recordAudit, type AuditBy } from '../audit/record-audit.ts';
import { blockedError, clauseOf, screenOutbound, screeningSignal } from '../compliance/screen-outbound.ts';
import { recordSignals } from '../contacts/consent-policy.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../lib/app-error.ts';
import { openAccessToken } from '../phone-numbers/credentials.ts';
import { findAccountCredentials } from '../phone-numbers/store.ts';
import { emitEvents } from '../webhooks/emit-events.ts';
import type { CreateTemplateRequest } from '../whatsapp/account-types.ts';
import { CloudApiError, CloudApiUnreachableError } from '../whatsapp/client.ts';
import { clearSubmitting, findTemplate, lockTemplate, markSubmitting, recordTemplateEvent, updateTemplate, type TemplateRow } from './store.ts';
import { LOCAL_RANK, templateStatusPayload, wholeSeconds } from './template-events.ts';

// Our own PENDING (after a submit or an edit) is stamped this much before the request left, so that Meta's review
// result is never older than it even if Meta's clock is a little behind ours (decision 0013).
const CLOCK_SKEW_MS = 5_000;

/**
 * Sends a draft to the Cloud API for review (`POST /{waba}/message_templates`). The template is PENDING afterwards —
 * unless Meta's review webhook already came back while we waited for the answer, in which case Meta's word stands.
 */
export async function submitTemplate(deps: Deps, orgId: string, id: string, by: AuditBy): Promise<TemplateRow> {
  const template = await findTemplate(deps.db, orgId, id);
  if (!template) throw new AppError('not_found', { message: 'No such template.' });
  if (template.status !== 'DRAFT') throw new AppError('template_not_submittable', { message: `The template is ${template.status}, not a draft.` });
  // The one text every recipient of a campaign reads: screened before Meta sees it (AUP 3.2, 3.5; decision 0019).
  const verdict = await screenOutbound(deps.db, orgId, deps.config.screening, definitionOf(template), null);
  if (verdict.decision !== 'allow') {
    await recordSignals(deps.db, orgId, [screeningSignal(verdict, { messageId: null, template: template.name })!], deps.clock.now());
    if (verdict.decision === 'block') throw blockedError(verdict);
    throw new AppError('content_needs_review', {
      message: `Content screening holds this template for review: ${verdict.rules.map((r) => r.id).join(', ')}. Change the text or ask support to review it.`,
      details: verdict.rules.map((r) => ({ path: 'body', rule: r.id, clause: r.clause, evidence: r.evidence })), policyClause: clauseOf(verdict),
    });
  }
  const account = await accountToken(deps, orgId, template.account_id);
  const started = deps.clock.now();
  if (!await markSubmitting(deps.db, orgId, id, started)) throw new AppError('template_not_submittable', { message: 'The template is already being submitted.' });
  const created = await deps.cloudApi.createTemplate(account.token, account.wabaId, definitionOf(template)).catch(async (err: unknown) => {
    await clearSubmitting(deps.db, orgId, id);
    throw metaRefusal(err);
  });
  return deps.db.transaction(async (tx) => {
    const row = (await lockTemplate(tx, orgId, id))!;
    const untouched = row.status === 'DRAFT';
    const updated = (await updateTemplate(tx, orgId, id, {
      meta_template_id: String(created.id), submitted_at: started,
      ...(untouched ? { status: created.status, status_at: localStamp(started), status_rank: LOCAL_RANK, category: created.category ?? row.category } : {}),
    }))!;
    if (untouched) {
      await recordTemplateEvent(tx, orgId, id, {
        kind: 'status', event: created.status, previous: 'DRAFT', details: { action: 'submitted' }, source: 'api', metaTime: null,
        applied: true, dedupeKey: `api:submit:${started.getTime()}`,
      });
      await emitEvents(tx, orgId, [{
        type: 'template.status', subject: id,
        payload: templateStatusPayload(updated, { event: created.status, previousStatus: 'DRAFT', at: started }),
      }]);
    }
    await recordAudit(tx, { orgId, action: 'template.submitted', actor: by.actor, requestId: by.requestId, subject: id, detail: { name: updated.name, language: updated.language, category: updated.category, status: updated.status, meta_template_id: updated.meta_template_id } });
    return updated;
  });
}

/** The create body Meta receives: the stored definition and the extra create fields it was written with. */
export function definitionOf(t: TemplateRow): CreateTemplateRequest {
  return {
    name: t.name, language: t.language, category: t.category as CreateTemplateRequest['category'],
    parameter_format: t.parameter_format as CreateTemplateRequest['parameter_format'],
    components: t.components as CreateTemplateRequest['components'], ...t.options,
  };
}

export function localStamp(at: Date): Date {
  return wholeSeconds(new Date(at.getTime() - CLOCK_SKEW_MS));
}

export async function accountToken(deps: Deps, orgId: string, accountId: string) {
  const account = await findAccountCredentials(deps.db, orgId, accountId);
  if (!account) throw new AppError('not_found', { message: 'The template\'s WhatsApp account is no longer connected.' });
  return { token: openAccessToken(deps.sealer, orgId, accountId, account.access_token_enc), wabaId: account.waba_id };
}

/**
 * Meta's refusal as our error, keeping what a business needs to fix it: Meta's code and subcode (2388040 a field too
 * long, 2388293 too many variables for the text, 2388299 a variable at the body's edge, 2388019 the account's template
 * limit, 2388024 the name exists in that language…) and Meta's own title and explanation.
 */
export function metaRefusal(err: unknown): Error {
  if (err instanceof CloudApiUnreachableError) return new AppError('upstream_unavailable');
  if (!(err instanceof CloudApiError)) return err instanceof Error ? err : new Error(String(err));
  const details = {
    meta_code: err.code, meta_subcode: err.subcode ?? null, title: err.userTitle ?? null,
    message: err.userMessage ?? err.details ?? err.message,
  };
  if (err.isTransient || err.httpStatus >= 500) return new AppError('upstream_unavailable', { details });
  if (err.subcode === 2388024) return new AppError('template_exists', { message: 'Meta already has this template name in this language.', details });
  if (err.subcode === 2388039) return new AppError('template_not_editable', { message: 'Meta does not allow this template to be edited now.', details });
  return new AppError('template_refused_by_meta', { message: `The Cloud API refused the template: ${details.message}`, details });
}
