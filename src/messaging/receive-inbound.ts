import type { Deps } from '../deps.ts';
import { normalizePhone } from '../contacts/phone.ts';
import { handleConsentMessage } from '../contacts/opt-out.ts';
import { findOrCreateContact, recordInbound } from '../contacts/store.ts';
import { newId } from '../lib/ids.ts';
import type { WebhookEvent } from '../whatsapp/webhook-events.ts';
import { emitInboundEvent } from './message-events.ts';
import { insertInboundMessage } from './store.ts';

type MessageEvent = Extract<WebhookEvent, { kind: 'message' }>;

/** Stores a customer's message once, attaches it to the contact, and opens the 24-hour window. */
export async function receiveInboundMessage(deps: Deps, orgId: string, numberId: string, event: MessageEvent): Promise<void> {
  if (!event.from) {
    deps.log.warn({ orgId, wamid: event.wamid }, 'inbound message without a phone number (username-only user); not stored yet');
    return;
  }
  const phone = normalizePhone(`+${event.from}`, undefined);
  if (!phone.ok) {
    deps.log.warn({ orgId, wamid: event.wamid }, 'inbound message from an unparseable number');
    return;
  }
  const replied = await deps.db.transaction(async (tx) => {
    const contact = await findOrCreateContact(tx, orgId, phone.e164, { waId: event.from, ...(event.profileName ? { name: event.profileName } : {}) });
    const message = {
      id: newId('message'), phoneNumberId: numberId, contactId: contact.id, from: phone.e164, type: event.type,
      content: event.message as object, wamid: event.wamid, receivedAt: event.timestamp,
    };
    const inserted = await insertInboundMessage(tx, orgId, message);
    if (!inserted) return false;
    await recordInbound(tx, orgId, numberId, contact.id, event.timestamp);
    await emitInboundEvent(tx, orgId, message);
    // Opt-out and opt-in keywords, answered in this transaction: a redelivery (not inserted) never acts twice.
    return handleConsentMessage(tx, {
      orgId, numberId, contactId: contact.id, phone: phone.e164, messageId: message.id, wamid: event.wamid,
      type: event.type, content: event.message as unknown as Record<string, unknown>, at: event.timestamp,
    });
  });
  if (replied) deps.wakeDispatcher();
}
