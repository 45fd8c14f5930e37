import type { Deps } from '../deps.ts';
import { normalizePhone } from '../contacts/phone.ts';
import { capRefusal, decideConsent, phoneHash, purposeOf, recordSignals, signalOf, type ConsentView, type Signal } from '../contacts/consent-policy.ts';
import { refuseMarketingWhenRestricted } from '../enforcement/marketing-pause.ts';
import { AppError } from '../lib/app-error.ts';
import { newId } from '../lib/ids.ts';
import { mediaResolver } from '../media/resolve-media.ts';
import { blockedError, clauseOf, screenOutbound, storedVerdict } from '../compliance/screen-outbound.ts';
import { compose } from './compose.ts';
import { alreadyReached, limitRefusal } from './messaging-limit.ts';
import { isWindowOpen } from './window.ts';
import type { SendMessageInput } from './send-message.ts';
import { findBatchContext, findWamid, insertAcceptedMessages, type AcceptedRow, type BatchContext } from './store.ts';
import { validateMessage, type Violation } from './validate-message.ts';

export type BatchItemResult =
  | { index: number; id: string; status: 'accepted' | 'held' }
  | { index: number; error: { code: string; message: string; details?: unknown } };

type Checked = { index: number; input: SendMessageInput; to: string };

/**
 * Accepts up to 1,000 messages at once. Each is checked exactly as a single send is and answered on its own;
 * the accepted ones are stored together in one transaction, so a batch is all-or-nothing only for storage.
 * `schemaErrors` are the JSON Schema violations per item, found by the route's validator.
 */
export async function sendBatch(deps: Deps, org: { orgId: string; defaultCountry: string; standing?: string }, items: SendMessageInput[], schemaErrors: (Violation[] | null)[]): Promise<BatchItemResult[]> {
  const results: BatchItemResult[] = [];
  const checked: Checked[] = [];
  items.forEach((input, index) => {
    const base = `body.messages[${index}]`;
    const violations = schemaErrors[index] ?? validateMessage(input as Record<string, unknown>, base);
    if (violations.length > 0) return results.push(refusal(index, new AppError('validation_failed', { details: violations })));
    const to = normalizePhone(input.to, org.defaultCountry);
    if (!to.ok) return results.push(refusal(index, new AppError('invalid_phone_number', { message: to.reason, details: [{ path: `${base}.to`, message: to.reason }] })));
    checked.push({ index, input, to: to.e164 });
  });

  const wanted = new Map(checked.flatMap((c) => (c.input.template ? [[`${c.input.template.name}|${c.input.template.language.code}`, { name: c.input.template.name, language: c.input.template.language.code }] as const] : [])));
  const templates = [...wanted.values()];
  const phones = [...new Set(checked.map((c) => c.to))];
  const hashes = new Map(phones.map((p) => [p, phoneHash(deps.sealer, org.orgId, p)]));
  const context = await findBatchContext(deps.db, org.orgId, phones, [...hashes.values()], templates);
  const now = deps.clock.now();
  const batch: BatchState = { now, hashes, marketingInBatch: new Map(), standing: org.standing };
  const rows: (AcceptedRow & { index: number })[] = [];
  const signals: Signal[] = [];
  for (const item of checked) {
    try {
      rows.push({ index: item.index, ...(await prepare(deps, org.orgId, context, batch, item)) });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push(refusal(item.index, error));
      const contactId = context.contacts.get(item.to)?.id ?? null;
      const signal = signalOf(error, { contactId, template: item.input.template?.name ?? null, purpose: (error.details as { purpose?: string }[] | undefined)?.[0]?.purpose ?? null });
      if (signal) signals.push(signal);
    }
  }
  const { capped, limited, freesAt } = await insertAcceptedMessages(deps.db, org.orgId, rows, () => newId('contact'), {
    marketingCap: context.marketingCap, messagingLimit: context.messagingLimit, now,
  });
  for (const row of rows) {
    if (limited.includes(row)) {
      const error = limitRefusal(context.messagingLimit!, freesAt);
      results.push(refusal(row.index, error));
      signals.push(signalOf(error, { contactId: row.contactId, template: null, purpose: row.category })!);
    } else if (capped.includes(row)) {
      const error = capRefusal({ count: context.marketingCap, oldest: null }, context.marketingCap, now);
      results.push(refusal(row.index, error));
      signals.push(signalOf(error, { contactId: row.contactId, template: null, purpose: 'marketing' })!);
    } else {
      results.push({ index: row.index, id: row.id, status: row.status });
      if (row.status === 'held') {
        signals.push({ kind: 'screening_hold', clause: clauseOf(row.screening), detail: { message_id: row.id, template: null, screening: row.screening } });
      }
    }
  }
  await recordSignals(deps.db, org.orgId, signals, now);
  if (rows.some((r) => r.status === 'accepted' && !capped.includes(r) && !limited.includes(r))) deps.wakeDispatcher();
  return results.sort((a, b) => a.index - b.index);
}

type BatchState = { now: Date; hashes: Map<string, string>; marketingInBatch: Map<string, number>; standing: string | undefined };



async function prepare(deps: Deps, orgId: string, context: BatchContext, batch: BatchState, item: Checked): Promise<AcceptedRow> {
  const sender = pickSender(context, item.input.from);
  const contact = context.contacts.get(item.to);
  const template = item.input.template
    ? context.templates.find((t) => t.account_id === sender.account_id && t.name === item.input.template!.name && t.language === item.input.template!.language.code) ?? null
    : null;
  const lastInbound = contact?.windows[sender.id];
  const composed = await compose(deps, item.input, template, lastInbound ? new Date(lastInbound) : null, (ref) => findWamid(deps.db, orgId, ref), mediaResolver(deps, orgId, sender.id));
  const purpose = composed.templateCategory ? purposeOf(composed.templateCategory) : null;
  refuseMarketingWhenRestricted(batch, purpose);
  const verdict = await screenOutbound(deps.db, orgId, deps.config.screening, item.input, composed.renderedText);
  if (verdict.decision === 'block') throw blockedError(verdict);
  let consentRecordId: string | null = null;
  if (purpose) {
    // Marketing sends earlier in this batch count toward the cap like those already stored.
    const earlier = contact ? batch.marketingInBatch.get(contact.id) ?? 0 : 0;
    const view: ConsentView = {
      contactId: contact?.id ?? null, states: contact?.consent ?? [], suppressedAt: context.suppressed.get(batch.hashes.get(item.to)!) ?? null,
      marketingRecent: { count: (contact?.marketingRecent.count ?? 0) + earlier, oldest: contact?.marketingRecent.oldest ?? null },
      cap: context.marketingCap,
    };
    consentRecordId = decideConsent(view, purpose, batch.now).consentRecordId;
    if (purpose === 'marketing' && contact) batch.marketingInBatch.set(contact.id, earlier + 1);
  }
  const initiated = purpose !== null && !isWindowOpen(lastInbound ? new Date(lastInbound) : null, batch.now);
  const reached = initiated && alreadyReached(contact?.initiatedAt ?? null, batch.now);
  return {
    id: newId('message'), phoneNumberId: sender.id, to: item.to, type: item.input.type, content: composed.content,
    templateId: composed.templateId, priority: composed.priority, metadata: item.input.metadata ?? null, contactId: contact?.id ?? null,
    category: purpose, consentRecordId, renderedText: composed.renderedText,
    status: verdict.decision === 'hold' ? 'held' : 'accepted', screening: storedVerdict(verdict),
    // Business-initiated: metered unless the recipient already counts in Meta's window (then only refreshed).
    initiated: initiated && !reached, refreshReach: reached,
  };
}

function pickSender(context: BatchContext, from: string | undefined) {
  if (!from) {
    if (context.senders.length === 0) throw new AppError('no_phone_number');
    if (context.senders.length > 1) throw new AppError('phone_number_required');
    return context.senders[0]!;
  }
  const sender = context.senders.find((s) => s.id === from || s.phone_number_id === from);
  if (!sender) throw new AppError('not_found', { message: 'No such sender phone number.' });
  return sender;
}

function refusal(index: number, error: AppError): BatchItemResult {
  return { index, error: { code: error.code, message: error.message, ...(error.details !== undefined ? { details: error.details } : {}) } };
}
