import type { Deps } from '../deps.ts';
import { normalizePhone } from '../contacts/phone.ts';
import { decideConsent, phoneHash, purposeOf, recordSignals, signalOf } from '../contacts/consent-policy.ts';
import { blockedError, screenOutbound, screeningSignal, storedVerdict } from '../compliance/screen-outbound.ts';
import { refuseMarketingWhenRestricted } from '../enforcement/marketing-pause.ts';
import { AppError } from '../lib/app-error.ts';
import { newId } from '../lib/ids.ts';
import type { MessageType } from './message-schema.ts';
import { mediaResolver } from '../media/resolve-media.ts';
import { chooseSender, compose } from './compose.ts';
import { alreadyReached } from './messaging-limit.ts';
import { isWindowOpen } from './window.ts';
import { acceptMessage, findSendContext, findWamid, type MessageRow, type NewOutbound } from './store.ts';
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

export type SendOptions = {
  /**
   * Sends a template without a current opt-in, because the message is itself part of getting one: the
   * double opt-in confirmation. Named, never a bare flag, so every use is findable.
   */
  consentExemption?: 'double_opt_in_confirmation';
};

/**
 * Accepts a message: resolve the sender, the recipient and the content, check the recipient's consent for a
 * business-initiated message, then store it — the row is its own outbox entry. Nothing is written unless
 * every check passed; a send refused for consent is counted as a compliance signal.
 */
export async function sendMessage(deps: Deps, org: { orgId: string; defaultCountry: string; standing?: string }, input: SendMessageInput, options: SendOptions = {}) {
  const violations = validateMessage(input as Record<string, unknown>);
  if (violations.length > 0) throw new AppError('validation_failed', { details: violations });
  const to = normalizePhone(input.to, org.defaultCountry);
  if (!to.ok) throw new AppError('invalid_phone_number', { message: to.reason, details: [{ path: 'body.to', message: to.reason }] });
  const context = await findSendContext(deps.db, org.orgId, {
    from: input.from ?? null, phoneE164: to.e164, phoneHash: phoneHash(deps.sealer, org.orgId, to.e164),
    template: input.template ? { name: input.template.name, language: input.template.language.code } : null,
  });
  const sender = chooseSender(context.senders, input.from);
  const resolveWamid = async (ref: string) => findWamid(deps.db, org.orgId, ref);
  const { content, templateId, templateCategory, priority, renderedText } = await compose(deps, input, context.template, context.contact?.last_inbound_at ?? null, resolveWamid, mediaResolver(deps, org.orgId, sender.id));
  const purpose = templateCategory ? purposeOf(templateCategory) : null;
  // What the customer will read is screened before anything is stored (AUP 3.2, 3.4, 3.5).
  const verdict = await screenOutbound(deps.db, org.orgId, deps.config.screening, input, renderedText);
  const row: NewOutbound = {
    id: newId('message'), phoneNumberId: sender.id, to: to.e164, type: input.type, content, templateId, priority,
    metadata: input.metadata ?? null, contactId: context.contact?.id ?? null, newContactId: newId('contact'),
    category: purpose, consentRecordId: null, renderedText,
    status: verdict.decision === 'hold' ? 'held' : 'accepted', screening: storedVerdict(verdict),
  };
  const now = deps.clock.now();
  // Business-initiated: a template outside the customer-service window, counted against Meta's messaging limit
  // unless the recipient already counts in the moving 24 hours.
  const initiated = purpose !== null && !isWindowOpen(context.contact?.last_inbound_at ?? null, now);
  const reached = initiated && alreadyReached(context.contact?.initiated_at ?? null, now);
  const limit = initiated && !reached ? context.messagingLimit : null;
  let message: MessageRow;
  try {
    refuseMarketingWhenRestricted(org, purpose);
    if (verdict.decision === 'block') throw blockedError(verdict);
    // Only templates are business-initiated here: anything else was refused above outside the window.
    const consent = purpose && !options.consentExemption ? decideConsent(context.consent, purpose, now) : null;
    message = (await acceptMessage(deps.db, org.orgId, { ...row, consentRecordId: consent?.consentRecordId ?? null, refreshReach: reached }, {
      ...(purpose === 'marketing' && consent ? { marketingCap: { cap: context.consent.cap, now } } : {}),
      ...(limit !== null ? { messagingLimit: { limit, now } } : {}),
    }))!;
  } catch (error) {
    const signal = error instanceof AppError ? signalOf(error, { contactId: row.contactId, template: input.template?.name ?? null, purpose }) : null;
    if (signal) await recordSignals(deps.db, org.orgId, [signal], now);
    throw error;
  }
  if (message.status === 'held') {
    await recordSignals(deps.db, org.orgId, [screeningSignal(verdict, { messageId: message.id, template: input.template?.name ?? null })!], now);
  } else {
    deps.wakeDispatcher();
  }
  return message;
}
