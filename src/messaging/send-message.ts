import type { Deps } from '../deps.ts';
import { normalizePhone } from '../contacts/phone.ts';
import { AppError } from '../lib/app-error.ts';
import { newId } from '../lib/ids.ts';
import { checkTemplateParameters } from '../templates/parameters.ts';
import type { TemplateRow } from '../templates/store.ts';
import { PRIORITY, priorityOf } from './priority.ts';
import { findSendContext, insertAcceptedMessage, type Sender } from './store.ts';
import { isWindowOpen } from './window.ts';

export type TemplateContent = {
  name: string;
  language: { code: string; policy?: string };
  components?: { type: string; sub_type?: string; index?: string | number; parameters?: unknown[] }[];
};

export type SendMessageInput = {
  to: string;
  from?: string;
  type: 'template' | 'text';
  template?: TemplateContent;
  text?: { body: string; preview_url?: boolean };
  metadata?: Record<string, unknown>;
};

/**
 * Accepts a message: resolve the sender, the recipient and the content, then store it — the row is its
 * own outbox entry — in one statement. Nothing is written unless every check passed.
 */
export async function sendMessage(deps: Deps, org: { orgId: string; defaultCountry: string }, input: SendMessageInput) {
  const to = normalizePhone(input.to, org.defaultCountry);
  if (!to.ok) throw new AppError('invalid_phone_number', { message: to.reason, details: [{ path: 'body.to', message: to.reason }] });
  const context = await findSendContext(deps.db, org.orgId, {
    from: input.from ?? null, phoneE164: to.e164,
    template: input.template ? { name: input.template.name, language: input.template.language.code } : null,
  });
  const sender = chooseSender(context.senders, input.from);
  const { content, templateId, priority } = compose(deps, input, context.template, context.contact?.last_inbound_at ?? null);
  const message = (await insertAcceptedMessage(deps.db, org.orgId, {
    id: newId('message'), phoneNumberId: sender.id, to: to.e164, type: input.type, content, templateId, priority,
    metadata: input.metadata ?? null, contactId: context.contact?.id ?? null, newContactId: newId('contact'),
  }))!;
  deps.wakeDispatcher();
  return message;
}

function chooseSender(senders: Sender[], from: string | undefined): Sender {
  if (from) {
    if (senders.length === 0) throw new AppError('not_found', { message: 'No such sender phone number.', details: [{ path: 'body.from' }] });
    return senders[0]!;
  }
  if (senders.length === 0) throw new AppError('no_phone_number');
  if (senders.length > 1) throw new AppError('phone_number_required');
  return senders[0]!;
}

function compose(deps: Deps, input: SendMessageInput, template: TemplateRow | null, lastInboundAt: Date | null) {
  if (input.type === 'text') {
    if (!input.text) throw missing('text');
    // Free-form messages are only allowed inside the 24-hour customer-service window (Meta error 131047).
    if (!isWindowOpen(lastInboundAt, deps.clock.now())) throw new AppError('outside_customer_service_window');
    return { content: { text: input.text }, templateId: null, priority: PRIORITY.service };
  }
  if (!input.template) throw missing('template');
  const { name, language } = input.template;
  if (!template || template.status !== 'APPROVED') {
    throw new AppError('template_not_approved', {
      message: template
        ? `Template "${name}" (${language.code}) is ${template.status}, not APPROVED.`
        : `No template "${name}" in language ${language.code} on this WhatsApp account.`,
    });
  }
  const mismatches = checkTemplateParameters(template.components, input.template.components);
  if (mismatches.length > 0) {
    throw new AppError('template_parameters_mismatch', {
      details: mismatches.map((m) => ({ path: `body.${m.path}`, message: `expected ${m.expected} parameters, got ${m.given}` })),
    });
  }
  return { content: { template: input.template }, templateId: template.id, priority: priorityOf(template.category) };
}

function missing(field: string) {
  return new AppError('validation_failed', { details: [{ path: `body.${field}`, message: `is required when type is "${field}"` }] });
}
