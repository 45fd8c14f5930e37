import type { Db } from '../../db/db.ts';
import { newId } from '../../lib/ids.ts';
import { PRIORITY } from '../../messaging/priority.ts';
import { insertAcceptedMessage } from '../../messaging/store.ts';

export type ConsentReplyKind = 'opt_out' | 'marketing_opt_out' | 'opt_in';

/**
 * Queues the one confirmation text that answers a customer's opt-out or opt-in, inside the transaction that
 * records it: stored together or not at all, so a redelivered webhook never confirms twice and a crash never
 * records without confirming. It is a reply in the customer-service window the customer's own message just
 * opened — not business-initiated, so it needs no consent (an opted-out customer still gets it).
 * The caller wakes the dispatcher once the transaction has committed.
 */
export async function queueConsentReply(tx: Db, orgId: string, r: {
  numberId: string; contactId: string; to: string; text: string; kind: ConsentReplyKind;
}): Promise<string> {
  const row = {
    id: newId('message'), phoneNumberId: r.numberId, to: r.to, type: 'text', content: { text: { body: r.text } },
    templateId: null, priority: PRIORITY.service, contactId: r.contactId, newContactId: newId('contact'),
    // Echoed in the organization's webhooks, so its systems can tell the platform's confirmations from their own sends.
    metadata: { xpecto_consent_confirmation: r.kind },
    category: null, consentRecordId: null, renderedText: null,
  };
  const message = await insertAcceptedMessage(tx, orgId, row);
  return message!.id;
}
