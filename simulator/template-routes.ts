// GET/POST/DELETE /{version}/{waba-id}/message_templates (§4.1, §4.3, §4.5), edit and unpause (§4.4), and the
// review that follows a create or an edit: PENDING now, APPROVED or REJECTED after templateReviewDelayMs, with
// webhooks. Quality drops and Meta's pause ladder (§4.6) are played here too.

import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CreateTemplateRequest, EditTemplateRequest, MessageTemplate, TemplateCategory } from '../src/whatsapp/account-types.ts';
import type { QualityScore, TemplateComponentsValue, TemplateStatusEvent } from '../src/whatsapp/webhook-types.ts';
import { graphError, sendFailure } from './graph-errors.ts';
import { newNumericId } from './ids.ts';
import { isTakenId, schedule, type SimState, type SimTemplate, type SimWaba } from './state.ts';
import { checkDefinition, checkDuplicate, reviewTemplate, type CreateProblem } from './template-review.ts';
import { newTemplate } from './templates.ts';
import { envelope, templateStatusWebhook } from './webhook-payloads.ts';
import type { WebhookSender } from './webhook-sender.ts';

export type TemplateContext = { state: SimState; webhooks: WebhookSender };

const DEFAULT_FIELDS = ['id', 'name', 'status', 'category', 'language', 'components', 'parameter_format'];

type ListQuery = {
  fields?: string; limit?: string; after?: string; before?: string;
  name?: string; status?: string; category?: string; language?: string;
};

export function findTemplate(state: SimState, id: string): SimTemplate | undefined {
  for (const waba of state.wabas.values()) {
    const template = waba.templates.get(id);
    if (template) return template;
  }
  return undefined;
}

export function listTemplates(waba: SimWaba, request: FastifyRequest) {
  const q = request.query as ListQuery;
  const matching = [...waba.templates.values()].filter((t) =>
    (!q.name || t.name === q.name) && (!q.status || t.status === q.status) &&
    (!q.category || t.category === q.category) && (!q.language || t.language === q.language));
  const limit = Math.min(Math.max(Number(q.limit) || 25, 1), 100);
  const start = q.after ? decodeCursor(q.after) + 1 : 0;
  const page = matching.slice(start, start + limit);
  const fields = q.fields ? q.fields.split(',').map((f) => f.trim()) : DEFAULT_FIELDS;
  const data = page.map((t) => projectTemplate(t, fields));
  if (page.length === 0) return { data };
  const after = encodeCursor(start + page.length - 1);
  const paging: Record<string, unknown> = { cursors: { before: encodeCursor(start), after } };
  if (start + page.length < matching.length) {
    const next = new URL(request.url, `${request.protocol}://${request.host}`);
    next.searchParams.set('after', after);
    next.searchParams.set('limit', String(limit));
    paging.next = next.toString();
  }
  return { data, paging };
}

export function projectTemplate(t: SimTemplate, fields: string[]): Partial<MessageTemplate> {
  const view: Record<string, unknown> = {
    id: t.id, name: t.name, status: t.status, category: t.category, language: t.language, components: t.components,
    parameter_format: t.parameter_format, quality_score: t.quality_score ?? { score: 'UNKNOWN' },
    rejected_reason: t.rejected_reason ?? 'NONE', sub_category: t.sub_category, previous_category: t.previous_category,
  };
  const out: Record<string, unknown> = { id: t.id };
  for (const f of fields) if (view[f] !== undefined) out[f] = view[f];
  return out as Partial<MessageTemplate>;
}

export function createTemplate(ctx: TemplateContext, waba: SimWaba, body: unknown, reply: FastifyReply) {
  const b = body as Partial<CreateTemplateRequest> | null;
  const problem = checkDefinition(body) ?? checkDuplicate(waba, b?.name, b?.language);
  if (problem) return refuse(reply, problem);
  const template = newTemplate(waba.id, newNumericId((id) => isTakenId(ctx.state, id)), body as CreateTemplateRequest);
  waba.templates.set(template.id, template);
  scheduleReview(ctx, template);
  return { id: template.id, status: template.status, category: template.category };
}

function refuse(reply: FastifyReply, problem: CreateProblem) {
  return sendFailure(reply, graphError(100, problem.details, {
    plainErrorData: true,
    ...(problem.subcode !== undefined ? { subcode: problem.subcode } : {}),
    userTitle: problem.userTitle ?? 'Invalid template', userMessage: problem.details,
  }));
}

/** After the review delay: APPROVED (perhaps re-filed under MARKETING) or REJECTED with Meta's reason. */
function scheduleReview(ctx: TemplateContext, template: SimTemplate): void {
  const version = template.components;
  // Webhook times are whole seconds: a second review decided in the same second as the first would be byte for byte
  // the same webhook, which a receiver rightly drops as a redelivery. Meta's reviews take longer than that anyway.
  const nextSecond = ((template.last_status_second ?? 0) + 1) * 1000;
  schedule(ctx.state, Math.max(ctx.state.config.templateReviewDelayMs, nextSecond - Date.now()), () => {
    // Deleted, edited again or decided meanwhile: this review is moot.
    if (!isCurrent(template) || template.components !== version || template.status !== 'PENDING') return;
    const result = reviewTemplate(template);
    if (result.status === 'REJECTED') {
      template.rejected_reason = result.reason;
      setTemplateStatus(ctx, template, 'REJECTED', { reason: result.reason, rejection_info: result.rejection_info });
      return;
    }
    if (result.recategorised) recategorise(ctx, template, result.recategorised.to);
    template.rejected_reason = 'NONE';
    setTemplateStatus(ctx, template, 'APPROVED');
  });
  const isCurrent = (t: SimTemplate) => ctx.state.wabas.get(t.waba_id)?.templates.get(t.id) === t;
}

function recategorise(ctx: TemplateContext, template: SimTemplate, to: TemplateCategory): void {
  const from = template.category;
  template.previous_category = from;
  template.category = to;
  ctx.webhooks.send(envelope(template.waba_id, {
    field: 'template_category_update',
    value: { ...ids(template), previous_category: from, new_category: to },
  }, true), { field: 'template_category_update', event: to });
}

const EDITABLE = ['APPROVED', 'REJECTED', 'PAUSED'];
const DAY_MS = 24 * 3600 * 1000;

/** POST /{template-id} (§4.4): new components (and category while not approved), back to review. */
export function editTemplate(ctx: TemplateContext, template: SimTemplate, body: unknown, reply: FastifyReply) {
  const b = (body ?? {}) as Partial<EditTemplateRequest>;
  const cannot = (details: string) => refuse(reply, { details, subcode: 2388039, userTitle: 'Template cannot be edited' });
  if (!EDITABLE.includes(template.status)) return cannot(`A template in status ${template.status} cannot be edited.`);
  if (b.category !== undefined && b.category !== template.category && template.status === 'APPROVED') {
    return cannot('The category of an approved template cannot be edited.');
  }
  const now = Date.now();
  const edits = (template.edits ?? []).filter((at) => now - at < 30 * DAY_MS);
  if (template.status === 'APPROVED' && (edits.some((at) => now - at < DAY_MS) || edits.length >= 10)) {
    return cannot('An approved template can be edited once per 24 hours and 10 times per 30 days.');
  }
  const next = {
    name: template.name, language: template.language, category: b.category ?? template.category,
    parameter_format: b.parameter_format ?? template.parameter_format, components: b.components ?? template.components,
  };
  const problem = checkDefinition(next);
  if (problem) return refuse(reply, problem);
  if (template.status === 'APPROVED') template.edits = [...edits, now];
  template.category = next.category as TemplateCategory;
  template.parameter_format = next.parameter_format;
  template.components = next.components as SimTemplate['components'];
  template.status = 'PENDING';
  ctx.webhooks.send(envelope(template.waba_id, { field: 'message_template_components_update', value: componentsValue(template) }, true),
    { field: 'message_template_components_update', event: 'UPDATED' });
  scheduleReview(ctx, template);
  return { success: true };
}

/** POST /{template-id}/unpause: a template paused for quality comes back (Meta asks to wait 5 minutes; not enforced here). */
export function unpauseTemplate(ctx: TemplateContext, template: SimTemplate, reply: FastifyReply) {
  if (template.status !== 'PAUSED') return refuse(reply, { details: 'Only a paused template can be unpaused.' });
  setTemplateStatus(ctx, template, 'REINSTATED', { other_info: { title: 'UNPAUSE', description: 'The template was unpaused.' } });
  template.status = 'APPROVED';
  return { success: true };
}

/** A quality change (§4.6): the webhook, and when it falls to RED the pause ladder (unless told not to). */
export function setTemplateQuality(ctx: TemplateContext, template: SimTemplate, score: QualityScore, pause = true): void {
  const previous = template.quality_score?.score ?? 'UNKNOWN';
  template.quality_score = { score, date: Math.floor(Date.now() / 1000) };
  ctx.webhooks.send(envelope(template.waba_id, {
    field: 'message_template_quality_update',
    value: { ...ids(template), previous_quality_score: previous, new_quality_score: score },
  }, true), { field: 'message_template_quality_update', event: score });
  if (score === 'RED' && pause && template.status === 'APPROVED') pauseTemplate(ctx, template);
}

/** Meta's ladder: the first pause lasts 3 hours, the second 6, the third disables the template for good. */
export function pauseTemplate(ctx: TemplateContext, template: SimTemplate): void {
  const count = (template.pause_count ?? 0) + 1;
  template.pause_count = count;
  if (count >= 3) {
    setTemplateStatus(ctx, template, 'DISABLED', { other_info: { title: 'DISABLED', description: 'Paused too often for low quality.' } });
    return;
  }
  const [title, hours] = count === 1 ? ['FIRST_PAUSE', 3] : ['SECOND_PAUSE', 6];
  setTemplateStatus(ctx, template, 'PAUSED', { other_info: { title, description: `Paused for ${hours} hours because of low quality.` } });
}

function ids(template: SimTemplate) {
  return { message_template_id: Number(template.id), message_template_name: template.name, message_template_language: template.language };
}

function componentsValue(template: SimTemplate): TemplateComponentsValue {
  const text = (type: string) => {
    const c = template.components.find((x) => x.type === type);
    return c && 'text' in c && typeof c.text === 'string' ? c.text : undefined;
  };
  const buttons = template.components.find((c) => c.type === 'BUTTONS');
  const value: TemplateComponentsValue = { ...ids(template) };
  const element = text('BODY');
  const title = text('HEADER');
  const footer = text('FOOTER');
  if (element !== undefined) value.message_template_element = element;
  if (title !== undefined) value.message_template_title = title;
  if (footer !== undefined) value.message_template_footer = footer;
  if (buttons?.type === 'BUTTONS') {
    value.message_template_buttons = (buttons.buttons as Record<string, unknown>[]).map((btn) => ({
      message_template_button_type: String(btn.type), message_template_button_text: typeof btn.text === 'string' ? btn.text : '',
      ...(typeof btn.url === 'string' ? { message_template_button_url: btn.url } : {}),
      ...(typeof btn.phone_number === 'string' ? { message_template_button_phone_number: btn.phone_number } : {}),
    }));
  }
  return value;
}

/** Changes a template's status and tells the platform, as Meta's review and quality system do. */
export function setTemplateStatus(
  ctx: TemplateContext, template: SimTemplate, event: TemplateStatusEvent,
  extra: { reason?: string; rejection_info?: { reason: string; recommendation: string }; other_info?: { title: string; description?: string } } = {},
): void {
  const stored = ['APPROVED', 'PENDING', 'REJECTED', 'PAUSED', 'DISABLED', 'IN_APPEAL', 'PENDING_DELETION', 'DELETED', 'LIMIT_EXCEEDED', 'ARCHIVED'];
  if (stored.includes(event)) template.status = event as SimTemplate['status'];
  template.last_status_second = Math.floor(Date.now() / 1000);
  ctx.webhooks.send(templateStatusWebhook(template.waba_id, {
    event,
    message_template_id: Number(template.id),
    message_template_name: template.name,
    message_template_language: template.language,
    message_template_category: template.category,
    reason: (extra.reason ?? 'NONE') as 'NONE',
    ...(extra.rejection_info ? { rejection_info: extra.rejection_info } : {}),
    ...(extra.other_info ? { other_info: extra.other_info } : {}),
    ...(event === 'DISABLED' ? { disable_info: { disable_date: Math.floor(Date.now() / 1000) } } : {}),
  }), { field: 'message_template_status_update', event });
}

export function deleteTemplate(ctx: TemplateContext, waba: SimWaba, request: FastifyRequest, reply: FastifyReply) {
  const q = request.query as { name?: string; hsm_id?: string };
  if (!q.name) return sendFailure(reply, graphError(100, 'The parameter name is required.', { plainErrorData: true }));
  const doomed = [...waba.templates.values()].filter((t) => t.name === q.name && (!q.hsm_id || t.id === q.hsm_id));
  if (doomed.length === 0) {
    return sendFailure(reply, graphError(100, `Message template "${q.name}" not found.`, { plainErrorData: true, subcode: 2593002 }));
  }
  if (doomed.some((t) => t.status === 'DISABLED')) {
    return sendFailure(reply, graphError(100, 'Disabled templates cannot be deleted.', { plainErrorData: true }));
  }
  for (const t of doomed) {
    waba.templates.delete(t.id);
    setTemplateStatus(ctx, t, 'DELETED');
  }
  return { success: true };
}

function encodeCursor(index: number): string {
  return Buffer.from(String(index)).toString('base64url');
}

function decodeCursor(cursor: string): number {
  const n = Number(Buffer.from(cursor, 'base64url').toString());
  return Number.isInteger(n) && n >= 0 ? n : -1;
}
