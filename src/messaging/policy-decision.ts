import { clauseOf } from '../compliance/screen-outbound.ts';
import type { MessageRow } from './store.ts';

type HistoryEvent = { status: string; occurred_at: Date; source: string; detail: object | null };
type ConsentRecord = { id: string; purpose: string; state: string; source: string; recorded_at: Date };
type StoredVerdict = { decision: string; score: number; rules: { id: string; clause: string; weight: number; evidence?: string }[] };

/**
 * Why the platform let an outbound message go, held it, or refused it: what the send path recorded on the row
 * (the consent record it used, content screening's verdict) and a reviewer's decision from its history. Sends
 * refused before they were stored (no consent, outside the window, blocked content) answered the caller with the
 * error and its clause and left no message; they are compliance signals (GET /v1/account/standing).
 */
export function policyDecisionOf(m: MessageRow, history: HistoryEvent[], consent: ConsentRecord | null) {
  if (m.direction !== 'outbound') return null;
  const verdict = m.screening as StoredVerdict | null;
  const reviewEvent = history.find((h) => h.source === 'review');
  const reviewDetail = (reviewEvent?.detail ?? {}) as { by?: string; note?: string | null };
  const review = reviewEvent ? {
    outcome: reviewEvent.status === 'failed' ? 'rejected' as const : 'released' as const,
    by: reviewDetail.by ?? null, note: reviewDetail.note ?? null, at: reviewEvent.occurred_at,
  } : null;
  const basis = m.type !== 'template' ? 'customer_service_window' as const : m.consent_record_id ? 'consent' as const : 'consent_exemption' as const;
  const decision = m.status === 'held' ? 'held' as const : review?.outcome === 'rejected' ? 'refused' as const : 'allowed' as const;
  return {
    decision,
    basis,
    category: m.category,
    consent: consent ? { record_id: consent.id, purpose: consent.purpose, state: consent.state, source: consent.source, recorded_at: consent.recorded_at } : null,
    screening: verdict ? { decision: verdict.decision, score: verdict.score, rules: verdict.rules } : { decision: 'allow', score: 0, rules: [] },
    review,
    clause: decision === 'allowed' ? null : clauseOf(verdict),
    explanation: explanationOf(decision, basis, m.category, review),
  };
}

function explanationOf(decision: 'allowed' | 'held' | 'refused', basis: string, category: string | null, review: { outcome: string } | null): string {
  if (decision === 'held') return 'Content screening held this message for a reviewer; it waits in /v1/compliance/held.';
  if (decision === 'refused') return 'Content screening held this message and a reviewer rejected it; it was never sent.';
  const released = review ? ' Content screening held it first; a reviewer released it.' : '';
  if (basis === 'customer_service_window') return `A reply inside the 24-hour customer-service window: no opt-in is needed.${released}`;
  if (basis === 'consent') return `A ${category ?? 'business-initiated'} template, sent on the contact's opt-in for it (consent.record_id).${released}`;
  return `A template sent without a consent record: only the double opt-in confirmation, which asks for consent, is sent so.${released}`;
}
