import { createHash } from 'node:crypto';
import type { Db } from '../db/db.ts';
import type { Deps } from '../deps.ts';
import { openAccessToken } from '../phone-numbers/credentials.ts';
import { findAccountCredentials, findAccountsByWabaIdsUnscoped } from '../phone-numbers/store.ts';
import { emitEvents } from '../webhooks/emit-events.ts';
import { CloudApiError } from '../whatsapp/client.ts';
import type {
  TemplateCategoryEvent, TemplateComponentsEvent, TemplateQualityEvent, TemplateStatusUpdateEvent,
} from '../whatsapp/webhook-events.ts';
import { lockTemplateByMetaId, recordTemplateEvent, statusBeforeArchive, updateTemplate, type TemplateRow } from './store.ts';
import {
  decideChange, decideStatus, templateCategoryPayload, templateQualityPayload, templateStatusPayload, wholeSeconds,
} from './template-events.ts';

export type TemplateWebhookEvent = TemplateStatusUpdateEvent | TemplateQualityEvent | TemplateCategoryEvent | TemplateComponentsEvent;

const CATEGORIES = ['MARKETING', 'UTILITY', 'AUTHENTICATION'];

/**
 * Applies Meta's template webhooks (status, quality, category, components), each in its own transaction under the
 * template's row lock. Every event lands in the template's history once per delivery (a delivery processed again after
 * a crash adds nothing); only the ones newer than the stored state change it and reach customers' webhooks, so
 * redelivered or shuffled webhooks end in the same state. Two identical events in different deliveries are both kept:
 * Meta's whole-second times cannot tell a second approval (after an edit) from a repeat of the first. Throws only for what is worth retrying (the database, the Cloud API unreachable).
 */
export async function applyTemplateWebhooks(deps: Deps, events: TemplateWebhookEvent[], deliveryId: string): Promise<void> {
  if (events.length === 0) return;
  const accounts = await findAccountsByWabaIdsUnscoped(deps.db, [...new Set(events.map((e) => e.wabaId))]);
  for (const event of events) {
    const account = accounts.find((a) => a.waba_id === event.wabaId);
    if (!account) {
      deps.log.warn({ wabaId: event.wabaId, kind: event.kind }, 'template webhook for a WABA no organization has connected');
      continue;
    }
    const fetched = event.kind === 'template_components' ? await fetchComponents(deps, account.org_id, account.id, event.templateId) : undefined;
    await deps.db.transaction(async (tx) => {
      const template = await lockTemplateByMetaId(tx, account.org_id, account.id, { metaTemplateId: event.templateId, name: event.name, language: event.language });
      if (!template) {
        // Made elsewhere (Meta's manager) and not synced yet: POST /v1/templates/sync brings it in with its current state.
        deps.log.info({ orgId: account.org_id, metaTemplateId: event.templateId, kind: event.kind }, 'template webhook for a template not known here');
        return;
      }
      const key = `${deliveryId}:${contentKey(event)}`;
      if (event.kind === 'template_status') await applyStatus(tx, template, event, key);
      else if (event.kind === 'template_quality') await applyQuality(tx, template, event, key);
      else if (event.kind === 'template_category') await applyCategory(tx, template, event, key);
      else await applyComponents(tx, template, event, fetched ?? null, key);
    });
  }
}

async function applyStatus(tx: Db, t: TemplateRow, e: TemplateStatusUpdateEvent, dedupeKey: string) {
  const beforeArchive = e.event === 'UNARCHIVED' ? await statusBeforeArchive(tx, t.org_id, t.id) : null;
  const decision = decideStatus(t, { event: e.event, time: e.time }, beforeArchive);
  const detail = e.otherInfo || e.disableDate ? { ...(e.otherInfo ? { other_info: e.otherInfo } : {}), ...(e.disableDate ? { disable_date: e.disableDate } : {}) } : null;
  const fresh = await recordTemplateEvent(tx, t.org_id, t.id, {
    kind: 'status', event: e.event, previous: decision.apply ? t.status : null, reason: e.reason ?? null,
    details: { ...(e.rejectionInfo ? { rejection_info: e.rejectionInfo } : {}), ...(detail ?? {}), ...(e.category ? { category: e.category } : {}) },
    source: 'webhook', metaTime: e.time ?? null, applied: decision.apply,
    dedupeKey,
  });
  if (!fresh || !decision.apply) return;
  const rejected = decision.status === 'REJECTED';
  const recategorised = e.category && CATEGORIES.includes(e.category) && e.category !== t.category ? e.category : undefined;
  const updated = await updateTemplate(tx, t.org_id, t.id, {
    meta_template_id: e.templateId,
    status: decision.status, status_at: decision.at, status_rank: decision.rank,
    rejected_reason: rejected ? (e.reason ?? 'NONE') : decision.status === 'APPROVED' ? null : undefined,
    rejection_info: rejected ? (e.rejectionInfo ?? null) : decision.status === 'APPROVED' ? null : undefined,
    status_detail: detail,
    // The review can file the template under another category; the status event names the one it holds now.
    category: recategorised, previous_category: recategorised ? t.category : undefined,
    category_at: recategorised && e.time ? wholeSeconds(e.time) : undefined,
  });
  // Whichever webhook reveals a re-categorisation first (this one or template_category_update) tells it; the other is then a no-op.
  await emitEvents(tx, t.org_id, [
    ...(recategorised ? [{ type: 'template.category' as const, subject: t.id, payload: templateCategoryPayload(updated!, { previous: t.category, at: e.time ?? null }) }] : []),
    {
      type: 'template.status', subject: t.id,
      payload: templateStatusPayload(updated!, { event: e.event, previousStatus: t.status, reason: e.reason, rejectionInfo: e.rejectionInfo, detail, at: e.time ?? null }),
    },
  ]);
}

async function applyQuality(tx: Db, t: TemplateRow, e: TemplateQualityEvent, dedupeKey: string) {
  const apply = decideChange({ value: t.quality_score, at: t.quality_at }, { previous: e.previousScore, next: e.newScore, time: e.time });
  const fresh = await recordTemplateEvent(tx, t.org_id, t.id, {
    kind: 'quality', event: e.newScore, previous: t.quality_score, details: e.previousScore ? { previous_quality_score: e.previousScore } : {},
    source: 'webhook', metaTime: e.time ?? null, applied: apply, dedupeKey,
  });
  if (!fresh || !apply) return;
  const updated = await updateTemplate(tx, t.org_id, t.id, { quality_score: e.newScore, quality_at: e.time ? wholeSeconds(e.time) : undefined });
  await emitEvents(tx, t.org_id, [{ type: 'template.quality', subject: t.id, payload: templateQualityPayload(updated!, t.quality_score, e.time ?? null) }]);
}

async function applyCategory(tx: Db, t: TemplateRow, e: TemplateCategoryEvent, dedupeKey: string) {
  // An announcement (correct_category: the category it will have) is kept and told, not applied: Meta sends the change itself later.
  const announced = e.correctCategory !== undefined;
  const apply = !announced && CATEGORIES.includes(e.newCategory)
    && decideChange({ value: t.category, at: t.category_at }, { previous: e.previousCategory, next: e.newCategory, time: e.time });
  const fresh = await recordTemplateEvent(tx, t.org_id, t.id, {
    kind: 'category', event: announced ? e.correctCategory! : e.newCategory, previous: t.category,
    details: { ...(e.previousCategory ? { previous_category: e.previousCategory } : {}), ...(announced ? { announced: true } : {}) },
    source: 'webhook', metaTime: e.time ?? null, applied: apply,
    dedupeKey,
  });
  if (!fresh || (!apply && !announced)) return;
  const updated = apply
    ? await updateTemplate(tx, t.org_id, t.id, { category: e.newCategory, previous_category: t.category, category_at: e.time ? wholeSeconds(e.time) : undefined })
    : t;
  await emitEvents(tx, t.org_id, [{
    type: 'template.category', subject: t.id,
    payload: templateCategoryPayload(updated!, { previous: apply ? t.category : (e.previousCategory ?? null), correctCategory: e.correctCategory, at: e.time ?? null }),
  }]);
}

/** After an edit (ours or in Meta's manager) the webhook names the new texts; the components are read back whole from the Cloud API. */
async function applyComponents(tx: Db, t: TemplateRow, e: TemplateComponentsEvent, fetched: { components: unknown; parameter_format?: string | undefined } | null, dedupeKey: string) {
  const fresh = await recordTemplateEvent(tx, t.org_id, t.id, {
    kind: 'components', event: 'UPDATED', previous: null, details: e.value, source: 'webhook', metaTime: e.time ?? null,
    applied: fetched !== null, dedupeKey,
  });
  if (!fresh || !fetched) return;
  await updateTemplate(tx, t.org_id, t.id, { components: fetched.components, parameter_format: fetched.parameter_format });
}

function contentKey(event: TemplateWebhookEvent): string {
  return createHash('sha256').update(JSON.stringify(event)).digest('base64url').slice(0, 22);
}

async function fetchComponents(deps: Deps, orgId: string, accountId: string, metaTemplateId: string) {
  const account = await findAccountCredentials(deps.db, orgId, accountId);
  if (!account) return null;
  const token = openAccessToken(deps.sealer, orgId, accountId, account.access_token_enc);
  try {
    const t = await deps.cloudApi.getTemplate(token, metaTemplateId, 'id,components,parameter_format');
    return { components: t.components, parameter_format: t.parameter_format };
  } catch (err) {
    if (err instanceof CloudApiError && !err.isTransient) return null; // gone at Meta: nothing to read back
    throw err;
  }
}
