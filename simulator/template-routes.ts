// GET/POST/DELETE /{version}/{waba-id}/message_templates (§4.1, §4.3, §4.5) and the review that
// follows a create: PENDING now, APPROVED or REJECTED after templateReviewDelayMs, with webhooks.

import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CreateTemplateRequest, MessageTemplate } from '../src/whatsapp/account-types.ts';
import type { TemplateStatusEvent } from '../src/whatsapp/webhook-types.ts';
import { graphError, sendFailure } from './graph-errors.ts';
import { newNumericId } from './ids.ts';
import { isTakenId, schedule, type SimState, type SimTemplate, type SimWaba } from './state.ts';
import { checkCreateRequest, newTemplate, reviewTemplate } from './templates.ts';
import { templateStatusWebhook } from './webhook-payloads.ts';
import type { WebhookSender } from './webhook-sender.ts';

export type TemplateContext = { state: SimState; webhooks: WebhookSender };

const DEFAULT_FIELDS = ['id', 'name', 'status', 'category', 'language', 'components', 'parameter_format'];

type ListQuery = {
  fields?: string; limit?: string; after?: string; before?: string;
  name?: string; status?: string; category?: string; language?: string;
};

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
  const problem = checkCreateRequest(waba, body);
  if (problem) {
    return sendFailure(reply, graphError(100, problem.details, {
      plainErrorData: true,
      ...(problem.subcode !== undefined ? { subcode: problem.subcode } : {}),
      userTitle: problem.userTitle ?? 'Invalid template', userMessage: problem.details,
    }));
  }
  const template = newTemplate(waba.id, newNumericId((id) => isTakenId(ctx.state, id)), body as CreateTemplateRequest);
  waba.templates.set(template.id, template);
  schedule(ctx.state, ctx.state.config.templateReviewDelayMs, () => {
    if (waba.templates.get(template.id) !== template || template.status !== 'PENDING') return;
    const result = reviewTemplate(template);
    if (result.status === 'APPROVED') {
      setTemplateStatus(ctx, template, 'APPROVED');
    } else {
      template.rejected_reason = result.reason;
      setTemplateStatus(ctx, template, 'REJECTED', { reason: result.reason, rejection_info: result.rejection_info });
    }
  });
  return { id: template.id, status: template.status, category: template.category };
}

/** Changes a template's status and tells the platform, as Meta's review and quality system do. */
export function setTemplateStatus(
  ctx: TemplateContext, template: SimTemplate, event: TemplateStatusEvent,
  extra: { reason?: string; rejection_info?: { reason: string; recommendation: string }; other_info?: { title: string; description?: string } } = {},
): void {
  const stored = ['APPROVED', 'PENDING', 'REJECTED', 'PAUSED', 'DISABLED', 'IN_APPEAL', 'PENDING_DELETION', 'DELETED', 'LIMIT_EXCEEDED', 'ARCHIVED'];
  if (stored.includes(event)) template.status = event as SimTemplate['status'];
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
