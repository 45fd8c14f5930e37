import type { Db } from '../../db/db.ts';
import { appendConsents } from '../consent-ledger.ts';
import { renderText, type ConsentSettings } from '../consent-settings.ts';
import { CONFIRM_WORDS, firstMatch } from '../keywords.ts';
import type { InboundConsentMessage } from '../opt-out.ts';
import { queueConsentReply } from './consent-reply.ts';
import { confirmPendingOptIn, findOpenPendingOptIn } from './double-opt-in.ts';

/**
 * A customer's opt-in keyword (START…) or confirming answer (YES…). With a pending double opt-in still open,
 * either confirms it. Otherwise the keyword is an opt-in of its own — the customer wrote to the business
 * themselves, from their own number — recorded with their message and the business's confirmation (which
 * names the business and WhatsApp) as proof; a bare "yes" is only conversation.
 */
export async function answerOptInWords(tx: Db, msg: InboundConsentMessage, settings: ConsentSettings, words: string[]): Promise<boolean> {
  const keyword = firstMatch(words, settings.opt_in_keywords);
  const answer = keyword ?? firstMatch(words, CONFIRM_WORDS);
  if (!answer) return false;
  const pending = await findOpenPendingOptIn(tx, msg.orgId, msg.contactId, msg.at);
  if (pending) {
    await confirmPendingOptIn(tx, msg, settings, pending, answer);
    return true;
  }
  if (!keyword) return false;
  const text = renderText(settings.opt_in_confirmation, settings);
  const replyId = await queueConsentReply(tx, msg.orgId, { numberId: msg.numberId, contactId: msg.contactId, to: msg.phone, text, kind: 'opt_in' });
  await appendConsents(tx, msg.orgId, [{
    contactId: msg.contactId, purpose: 'all', state: 'opted_in', source: 'keyword', actor: 'customer',
    proof: {
      text: keyword.word, keyword: keyword.keyword, wamid: msg.wamid, message_id: msg.messageId,
      confirmation_text: text, confirmation_message_id: replyId,
    },
    capturedAt: msg.at,
  }]);
  return true;
}
