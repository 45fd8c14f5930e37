import type { Db } from '../db/db.ts';
import { sql } from '../db/sql.ts';
import type { Deps } from '../deps.ts';
import type { UserPreferencesEvent } from '../whatsapp/webhook-events.ts';
import { appendConsents, GENESIS_HASH, type ConsentProof, type Source } from './consent-ledger.ts';
import { loadConsentSettings, renderText, type ConsentSettings } from './consent-settings.ts';
import { firstMatch, wordsOf, type KeywordMatch } from './keywords.ts';
import { queueConsentReply } from './opt-in/consent-reply.ts';
import { answerOptInWords } from './opt-in/keyword-opt-in.ts';
import { normalizePhone } from './phone.ts';
import { findOrCreateContact } from './store.ts';

/**
 * Opt-outs, automatic (docs/decisions/0011). A customer's own words — a STOP-like keyword, the marketing
 * template's "Stop promotions" quick reply — are recorded with their message as proof and answered with one
 * confirmation. What Meta reports — a failed send with 131050, a user_preferences webhook — is recorded
 * without a reply: the customer acted in WhatsApp itself, and Meta already blocks the marketing.
 */

/** A customer's message as the inbound path stored it, once (the wamid is unique). */
export type InboundConsentMessage = {
  orgId: string; numberId: string; contactId: string; phone: string;
  messageId: string; wamid: string; type: string; content: Record<string, unknown>; at: Date;
};

/**
 * Acts on a customer's message if it is a consent keyword or answer; called in the transaction that stored
 * it, so a redelivery (which stores nothing) acts on nothing. True when a confirmation was queued.
 */
export async function handleConsentMessage(tx: Db, msg: InboundConsentMessage): Promise<boolean> {
  if (msg.type === 'system') {
    await applyPreferenceChangeMessage(tx, msg);
    return false;
  }
  const words = wordsOf(msg.type, msg.content);
  if (words.length === 0) return false;
  const settings = await loadConsentSettings(tx, msg.orgId);
  // The marketing list first: "Stop promotions" must not read as a full opt-out in an organization that adds "STOP PROMOTIONS" to both.
  const marketing = firstMatch(words, settings.marketing_opt_out_keywords);
  if (marketing) return optOutByMessage(tx, msg, settings, 'marketing', marketing);
  const full = firstMatch(words, settings.opt_out_keywords);
  if (full) return optOutByMessage(tx, msg, settings, 'all', full);
  return answerOptInWords(tx, msg, settings, words);
}

async function optOutByMessage(tx: Db, msg: InboundConsentMessage, settings: ConsentSettings, purpose: 'all' | 'marketing', match: KeywordMatch) {
  const text = renderText(purpose === 'marketing' ? settings.marketing_opt_out_confirmation : settings.opt_out_confirmation, settings);
  const replyId = await queueConsentReply(tx, msg.orgId, {
    numberId: msg.numberId, contactId: msg.contactId, to: msg.phone, text, kind: purpose === 'marketing' ? 'marketing_opt_out' : 'opt_out',
  });
  await appendConsents(tx, msg.orgId, [{
    contactId: msg.contactId, purpose, state: 'opted_out', source: msg.type === 'text' ? 'keyword' : 'button', actor: 'customer',
    proof: {
      text: match.word, keyword: match.keyword, wamid: msg.wamid, message_id: msg.messageId,
      confirmation_text: text, confirmation_message_id: replyId,
    },
    capturedAt: msg.at,
  }]);
  return true;
}

/** Failed sends Meta refused with 131050: the customer stopped marketing messages from this business in WhatsApp. */
export const MARKETING_STOPPED_ERROR = 131050;

export type MarketingStop = { messageId: string; wamid: string; at: Date; error: { code: number; title?: string; message?: string } };

/**
 * Records a marketing opt-out for the recipient of each message that failed with 131050, in the transaction
 * that applied the failure (a status moves to failed once, so a redelivered status records nothing).
 */
export async function recordMarketingStops(tx: Db, orgId: string, stops: MarketingStop[]): Promise<void> {
  if (stops.length === 0) return;
  const contacts = await tx.query<{ id: string; contact_id: string }>(sql`
    SELECT id, contact_id FROM messages WHERE org_id = ${orgId} AND id = ANY(${stops.map((s) => s.messageId)}::text[])`);
  const contactOf = new Map(contacts.map((c) => [c.id, c.contact_id]));
  for (const stop of stops) {
    const contactId = contactOf.get(stop.messageId);
    if (!contactId) continue;
    await applyMarketingPreference(tx, orgId, contactId, 'stop', 'meta_error', {
      text: stop.error.message || stop.error.title || 'User stopped marketing messages from this business',
      error_code: stop.error.code, message_id: stop.messageId, wamid: stop.wamid, event_key: `131050:${stop.wamid}`,
    }, stop.at);
  }
}

/** A `user_preferences` webhook (§3.6): the customer stopped or resumed marketing messages in WhatsApp's settings. */
export async function applyUserPreference(deps: Deps, orgId: string, event: UserPreferencesEvent): Promise<void> {
  if (event.category !== 'marketing_messages' || (event.value !== 'stop' && event.value !== 'resume')) return;
  const phone = event.waId ? normalizePhone(`+${event.waId}`, undefined) : null;
  if (!phone?.ok) {
    deps.log.warn({ orgId }, 'user_preferences webhook without a readable wa_id; nothing recorded');
    return;
  }
  await deps.db.transaction(async (tx) => {
    const contact = await findOrCreateContact(tx, orgId, phone.e164, { waId: event.waId! });
    await applyMarketingPreference(tx, orgId, contact.id, event.value as 'stop' | 'resume', 'user_preference', {
      text: event.detail ?? `User requested to ${event.value} marketing messages`, wa_id: event.waId, value: event.value,
      // Meta redelivers webhooks: the same stop or resume at the same second is the same event.
      event_key: `${event.value}:${event.waId}:${Math.floor(event.timestamp.getTime() / 1000)}`,
    }, event.timestamp);
  });
}

/** The same preference change as a `system` message (`user_preference_changed`) in the messages field. */
async function applyPreferenceChangeMessage(tx: Db, msg: InboundConsentMessage) {
  const system = msg.content['system'] as { type?: string; marketing?: string; body?: string } | undefined;
  if (system?.type !== 'user_preference_changed' || (system.marketing !== 'stop' && system.marketing !== 'resume')) return;
  await applyMarketingPreference(tx, msg.orgId, msg.contactId, system.marketing, 'user_preference', {
    text: system.body ?? `User requested to ${system.marketing} marketing messages`, value: system.marketing,
    wamid: msg.wamid, message_id: msg.messageId, event_key: `message:${msg.wamid}`,
  }, msg.at);
}

// Opt-outs Meta enforces itself, which its `resume` lifts.
const META_SOURCES: readonly string[] = ['user_preference', 'meta_error'];

type HistoryRow = { id: string; seq: string; state: string; source: string; event_key: string | null };

/**
 * stop: a marketing opt-out, unless marketing is already opted out (Meta reports one stop several ways: the
 * webhook, the system message, every 131050). resume: WhatsApp's "resume" only lifts Meta's own block, so it
 * restores a marketing opt-in the customer had given before that block — it never creates consent, and it
 * never overrides an opt-out the customer sent the business (STOP).
 */
async function applyMarketingPreference(
  tx: Db, orgId: string, contactId: string, value: 'stop' | 'resume', source: Source, proof: ConsentProof & { event_key: string }, at: Date,
) {
  await lockConsentChain(tx, orgId);
  const history = await tx.query<HistoryRow>(sql`
    SELECT id, seq::text AS seq, state, source, proof->>'event_key' AS event_key FROM consent_records
    WHERE org_id = ${orgId} AND contact_id = ${contactId} AND purpose IN ('marketing', 'all') AND state <> 'erased'
    ORDER BY consent_records.seq DESC LIMIT 50`);
  if (history.some((h) => h.event_key === proof.event_key)) return;
  const current = history[0];
  if (value === 'stop') {
    if (current?.state === 'opted_out') return;
    await appendConsents(tx, orgId, [{ contactId, purpose: 'marketing', state: 'opted_out', source, proof, actor: 'customer', capturedAt: at }]);
    return;
  }
  if (current?.state !== 'opted_out' || !META_SOURCES.includes(current.source)) return;
  const before = history.find((h) => !META_SOURCES.includes(h.source));
  if (before?.state !== 'opted_in') return;
  await appendConsents(tx, orgId, [{
    contactId, purpose: 'marketing', state: 'opted_in', source, proof: { ...proof, restores: before.id }, actor: 'customer', capturedAt: at,
  }]);
}

/** The organization's ledger lock (the one appendConsents takes): a check-then-append stays one step. */
async function lockConsentChain(tx: Db, orgId: string) {
  await tx.query(sql`INSERT INTO consent_chain_heads (org_id, seq, hash) VALUES (${orgId}, 0, ${GENESIS_HASH}) ON CONFLICT (org_id) DO NOTHING`);
  await tx.query(sql`SELECT 1 FROM consent_chain_heads WHERE org_id = ${orgId} FOR UPDATE`);
}
