import type { Deps } from '../deps.ts';
import { normalizePhone } from '../contacts/phone.ts';
import { AppError } from '../lib/app-error.ts';
import { newId } from '../lib/ids.ts';
import type { MessageType } from './message-schema.ts';
import { mediaResolver } from '../media/resolve-media.ts';
import { chooseSender, compose } from './compose.ts';
import { findSendContext, findWamid, insertAcceptedMessage } from './store.ts';
import { validateMessage } from './validate-message.ts';

export type TemplateContent = {
  name: string;
  language: { code: string; policy?: string };
  components?: { type: string; sub_type?: string; index?: string | number; parameters?: { type: string; parameter_name?: string }[] }[];
};

/** The Cloud API message object (validated by message-schema.ts), plus Xpecto's `from` and `metadata`. */
export type SendMessageInput = {
  to: string;
  from?: string;
  type: MessageType;
  template?: TemplateContent;
  context?: { message_id: string };
  metadata?: Record<string, unknown>;
} & { [K in Exclude<MessageType, 'template'>]?: Record<string, unknown> | Record<string, unknown>[] };

/**
 * Accepts a message: resolve the sender, the recipient and the content, then store it — the row is its
 * own outbox entry — in one statement. Nothing is written unless every check passed.
 */
export async function sendMessage(deps: Deps, org: { orgId: string; defaultCountry: string }, input: SendMessageInput) {
  const violations = validateMessage(input as Record<string, unknown>);
  if (violations.length > 0) throw new AppError('validation_failed', { details: violations });
  const to = normalizePhone(input.to, org.defaultCountry);
  if (!to.ok) throw new AppError('invalid_phone_number', { message: to.reason, details: [{ path: 'body.to', message: to.reason }] });
  const context = await findSendContext(deps.db, org.orgId, {
    from: input.from ?? null, phoneE164: to.e164,
    template: input.template ? { name: input.template.name, language: input.template.language.code } : null,
  });
  const sender = chooseSender(context.senders, input.from);
  const resolveWamid = async (ref: string) => findWamid(deps.db, org.orgId, ref);
  const { content, templateId, priority } = await compose(deps, input, context.template, context.contact?.last_inbound_at ?? null, resolveWamid, mediaResolver(deps, org.orgId, sender.id));
  const message = (await insertAcceptedMessage(deps.db, org.orgId, {
    id: newId('message'), phoneNumberId: sender.id, to: to.e164, type: input.type, content, templateId, priority,
    metadata: input.metadata ?? null, contactId: context.contact?.id ?? null, newContactId: newId('contact'),
  }))!;
  deps.wakeDispatcher();
  return message;
}
