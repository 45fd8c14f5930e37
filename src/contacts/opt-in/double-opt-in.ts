import type { Db } from '../../db/db.ts';
import { one } from '../../db/db.ts';
import { sql } from '../../db/sql.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../lib/app-error.ts';
import { newId } from '../../lib/ids.ts';
import { sendMessage } from '../../messaging/send-message.ts';
import { appendConsents, type ConsentProof, type RecordPurpose, type Source } from '../consent-ledger.ts';
import { renderText, type ConsentSettings } from '../consent-settings.ts';
import type { KeywordMatch } from '../keywords.ts';
import type { InboundConsentMessage } from '../opt-out.ts';
import { findOrCreateContact } from '../store.ts';
import { queueConsentReply } from './consent-reply.ts';

/**
 * Double opt-in: an opt-in given somewhere the number's owner was not proven (the hosted page, an API call
 * with double_opt_in) becomes a pending opt-in, and the organization's confirmation template goes to the
 * number. Consent counts only once the customer answers it (a confirming quick reply or the opt-in keyword)
 * before it expires; the opted_in record then carries the pending one's proof and links it.
 */
export const PENDING_OPT_IN_HOURS = 24;

export type PendingOptIn = {
  id: string; contact_id: string; purpose: RecordPurpose; source: string; proof: ConsentProof; actor: string;
  message_id: string | null; created_at: Date; expires_at: Date;
};

export type StartedOptIn = { pendingOptInId: string; messageId: string | null; reused: boolean };

/**
 * Sends the confirmation template and keeps the opt-in pending. A number with an open pending opt-in gets no
 * second template (a form submitted again, or abused to message a stranger, sends at most one per expiry).
 */
export async function startDoubleOptIn(deps: Deps, org: { orgId: string; defaultCountry: string }, settings: ConsentSettings, input: {
  phone: string; purpose: RecordPurpose; source: Source; proof: ConsentProof; actor: string;
}): Promise<StartedOptIn> {
  const template = settings.double_opt_in_template;
  if (!template) throw new AppError('validation_failed', { message: 'Double opt-in needs a confirmation template in the consent settings.' });
  const now = deps.clock.now();
  const contact = await findOrCreateContact(deps.db, org.orgId, input.phone);
  const open = await findOpenPendingOptIn(deps.db, org.orgId, contact.id, now);
  if (open?.message_id) return { pendingOptInId: open.id, messageId: open.message_id, reused: true };
  // The pending opt-in is written before its template goes, so a crash in between leaves one without a
  // message, which the next attempt completes — never a template the customer could answer to no effect.
  const id = open?.id ?? newId('pendingOptIn');
  if (!open) {
    await deps.db.query(sql`
      INSERT INTO pending_opt_ins (org_id, id, contact_id, purpose, source, proof, actor, created_at, expires_at)
      VALUES (${org.orgId}, ${id}, ${contact.id}, ${input.purpose}, ${input.source}, ${JSON.stringify(input.proof)}::jsonb, ${input.actor},
        ${now}, ${new Date(now.getTime() + PENDING_OPT_IN_HOURS * 3600_000)})`);
  }
  let message;
  try {
    // The one send that may go to a number without consent: it asks for it (send-message.ts names the exemption).
    message = await sendMessage(deps, org, { to: input.phone, type: 'template', template: template as never }, { consentExemption: 'double_opt_in_confirmation' });
  } catch (error) {
    await deps.db.query(sql`DELETE FROM pending_opt_ins WHERE org_id = ${org.orgId} AND id = ${id} AND message_id IS NULL`);
    throw error;
  }
  await deps.db.query(sql`UPDATE pending_opt_ins SET message_id = ${message.id} WHERE org_id = ${org.orgId} AND id = ${id}`);
  return { pendingOptInId: id, messageId: message.id, reused: Boolean(open) };
}

/** The contact's latest unconfirmed pending opt-in that is still open at `at`, locked for the rest of the transaction. */
export function findOpenPendingOptIn(db: Db, orgId: string, contactId: string, at: Date) {
  return one<PendingOptIn>(db, sql`
    SELECT id, contact_id, purpose, source, proof, actor, message_id, created_at, expires_at FROM pending_opt_ins
    WHERE org_id = ${orgId} AND contact_id = ${contactId} AND confirmed_at IS NULL AND expires_at >= ${at}
    ORDER BY created_at DESC LIMIT 1 FOR UPDATE`);
}

export async function confirmPendingOptIn(tx: Db, msg: InboundConsentMessage, settings: ConsentSettings, pending: PendingOptIn, answer: KeywordMatch) {
  await tx.query(sql`UPDATE pending_opt_ins SET confirmed_at = ${msg.at} WHERE org_id = ${msg.orgId} AND id = ${pending.id}`);
  const text = renderText(settings.opt_in_confirmation, settings);
  const replyId = await queueConsentReply(tx, msg.orgId, { numberId: msg.numberId, contactId: msg.contactId, to: msg.phone, text, kind: 'opt_in' });
  await appendConsents(tx, msg.orgId, [{
    contactId: msg.contactId, purpose: pending.purpose, state: 'opted_in', source: 'double_opt_in', actor: 'customer',
    proof: {
      ...pending.proof,
      pending_opt_in_id: pending.id, pending_source: pending.source, requested_by: pending.actor,
      requested_at: new Date(pending.created_at).toISOString(), confirmation_request_message_id: pending.message_id,
      confirmed_with: { text: answer.word, wamid: msg.wamid, message_id: msg.messageId },
      confirmation_text: text, confirmation_message_id: replyId,
    },
    capturedAt: msg.at,
  }]);
}
