import type { Deps } from '../deps.ts';
import { normalizePhone } from '../contacts/phone.ts';
import { AppError } from '../lib/app-error.ts';
import { newId } from '../lib/ids.ts';
import { mediaResolver } from '../media/resolve-media.ts';
import { compose } from './compose.ts';
import type { SendMessageInput } from './send-message.ts';
import { findBatchContext, findWamid, insertAcceptedMessages, type AcceptedRow, type BatchContext } from './store.ts';
import { validateMessage, type Violation } from './validate-message.ts';

export type BatchItemResult =
  | { index: number; id: string; status: 'accepted' }
  | { index: number; error: { code: string; message: string; details?: unknown } };

type Checked = { index: number; input: SendMessageInput; to: string };

/**
 * Accepts up to 1,000 messages at once. Each is checked exactly as a single send is and answered on its own;
 * the accepted ones are stored together in one transaction, so a batch is all-or-nothing only for storage.
 * `schemaErrors` are the JSON Schema violations per item, found by the route's validator.
 */
export async function sendBatch(deps: Deps, org: { orgId: string; defaultCountry: string }, items: SendMessageInput[], schemaErrors: (Violation[] | null)[]): Promise<BatchItemResult[]> {
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
  const context = await findBatchContext(deps.db, org.orgId, [...new Set(checked.map((c) => c.to))], templates);
  const rows: (AcceptedRow & { index: number })[] = [];
  for (const item of checked) {
    try {
      rows.push({ index: item.index, ...(await prepare(deps, org.orgId, context, item)) });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push(refusal(item.index, error));
    }
  }
  await insertAcceptedMessages(deps.db, org.orgId, rows, () => newId('contact'));
  for (const row of rows) results.push({ index: row.index, id: row.id, status: 'accepted' });
  if (rows.length > 0) deps.wakeDispatcher();
  return results.sort((a, b) => a.index - b.index);
}

async function prepare(deps: Deps, orgId: string, context: BatchContext, item: Checked): Promise<AcceptedRow> {
  const sender = pickSender(context, item.input.from);
  const contact = context.contacts.get(item.to);
  const template = item.input.template
    ? context.templates.find((t) => t.account_id === sender.account_id && t.name === item.input.template!.name && t.language === item.input.template!.language.code) ?? null
    : null;
  const lastInbound = contact?.windows[sender.id];
  const composed = await compose(deps, item.input, template, lastInbound ? new Date(lastInbound) : null, (ref) => findWamid(deps.db, orgId, ref), mediaResolver(deps, orgId, sender.id));
  return {
    id: newId('message'), phoneNumberId: sender.id, to: item.to, type: item.input.type, content: composed.content,
    templateId: composed.templateId, priority: composed.priority, metadata: item.input.metadata ?? null, contactId: contact?.id ?? null,
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
