import type { Deps } from '../deps.ts';
import { normalizePhone } from '../contacts/phone.ts';
import { findContactByPhone, findOrCreateContact } from '../contacts/store.ts';
import { AppError } from '../lib/app-error.ts';
import { newId } from '../lib/ids.ts';
import { listPhoneNumbers, type PhoneNumberRow } from '../phone-numbers/store.ts';
import { findOrganization } from '../tenancy/store.ts';
import { checkTemplateParameters } from '../templates/parameters.ts';
import { findTemplateByName } from '../templates/store.ts';
import { insertOutboundMessage, insertStatusEvent } from './store.ts';
import { PRIORITY, priorityOf } from './priority.ts';
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

/** Accepts a message: resolve the sender, recipient and content, then store it in the outbox in one statement. */
export async function sendMessage(deps: Deps, orgId: string, input: SendMessageInput) {
  const org = (await findOrganization(deps.db, orgId))!;
  const sender = await resolveSender(deps, orgId, input.from);
  const to = normalizePhone(input.to, org.default_country);
  if (!to.ok) throw new AppError('invalid_phone_number', { message: to.reason, details: [{ path: 'body.to', message: to.reason }] });
  const known = await findContactByPhone(deps.db, orgId, to.e164);
  const { content, templateId, priority } = await composeContent(deps, orgId, sender, input, known?.last_inbound_at ?? null);

  // Nothing is written until every check has passed: a refused request leaves no contact or message behind.
  const id = newId('message');
  const message = await deps.db.transaction(async (tx) => {
    const contact = known ?? (await findOrCreateContact(tx, orgId, to.e164));
    const row = await insertOutboundMessage(tx, orgId, {
      id, phoneNumberId: sender.id, contactId: contact.id, to: to.e164, type: input.type, content, templateId, priority,
      metadata: input.metadata ?? null,
    });
    await insertStatusEvent(tx, orgId, { messageId: id, status: 'accepted', occurredAt: row!.created_at, source: 'api' });
    return row!;
  });
  deps.wakeDispatcher();
  return message;
}

async function resolveSender(deps: Deps, orgId: string, from: string | undefined): Promise<PhoneNumberRow> {
  const numbers = await listPhoneNumbers(deps.db, orgId);
  if (numbers.length === 0) throw new AppError('no_phone_number');
  if (!from) {
    if (numbers.length > 1) throw new AppError('phone_number_required');
    return numbers[0]!;
  }
  const match = numbers.find((n) => n.id === from || n.phone_number_id === from);
  if (!match) throw new AppError('not_found', { message: 'No such sender phone number.', details: [{ path: 'body.from' }] });
  return match;
}

async function composeContent(deps: Deps, orgId: string, sender: PhoneNumberRow, input: SendMessageInput, lastInboundAt: Date | null) {
  if (input.type === 'text') {
    if (!input.text) throw missing('text');
    // Free-form messages are only allowed inside the 24-hour customer-service window (Meta error 131047).
    if (!isWindowOpen(lastInboundAt, deps.clock.now())) throw new AppError('outside_customer_service_window');
    return { content: { text: input.text }, templateId: null, priority: PRIORITY.service };
  }
  if (!input.template) throw missing('template');
  const template = await findTemplateByName(deps.db, orgId, sender.account_id, input.template.name, input.template.language.code);
  if (!template || template.status !== 'APPROVED') {
    throw new AppError('template_not_approved', {
      message: template
        ? `Template "${input.template.name}" (${input.template.language.code}) is ${template.status}, not APPROVED.`
        : `No template "${input.template.name}" in language ${input.template.language.code} on this WhatsApp account.`,
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
