import type { Db } from '../db/db.ts';
import { sql } from '../db/sql.ts';
import { AppError } from '../lib/app-error.ts';
import { newId } from '../lib/ids.ts';
import type { Sealer } from '../lib/secrets.ts';
import { effectiveConsent, type Purpose, type StateRow } from './consent-ledger.ts';

/**
 * AUP 3.1 on the send path: a business-initiated message (any template) needs a current opt-in for its
 * purpose, and marketing is capped per contact per rolling 24 hours. Pure decisions over what the send path
 * already read in its one query; the caller stores the message with the record that allowed it.
 */

export const DEFAULT_MARKETING_CAP = 2;
export const CAP_WINDOW_MS = 24 * 60 * 60 * 1000;
export const CONSENT_CLAUSE = '3.1';

/** What the send path knows about the recipient when it decides. */
export type ConsentView = {
  contactId: string | null;
  states: StateRow[];
  /** When the number went on the suppression list (an erased contact that had opted out), if it is there. */
  suppressedAt: Date | null;
  /** Marketing messages accepted for this contact in the last 24 hours (not failed). */
  marketingRecent: { count: number; oldest: Date | null };
  cap: number;
};

export type ConsentDecision = { category: Purpose; consentRecordId: string };

export function purposeOf(templateCategory: string): Purpose {
  const category = templateCategory.toLowerCase();
  return category === 'marketing' || category === 'authentication' ? category : 'utility';
}

/** Allows the send (naming the record that allows it) or throws the refusal a client sees. */
export function decideConsent(view: ConsentView, purpose: Purpose, now: Date): ConsentDecision {
  const current = effectiveConsent(view.states, purpose);
  const optedInAfterSuppression = current?.state === 'opted_in' && (!view.suppressedAt || new Date(current.recorded_at) > view.suppressedAt);
  if (current?.state === 'opted_out' || (view.suppressedAt && !optedInAfterSuppression)) {
    throw new AppError('contact_opted_out', {
      message: `The contact opted out of ${purpose === 'marketing' ? 'marketing' : 'all business-initiated'} messages${current ? ` on ${new Date(current.recorded_at).toISOString()}` : ''}.`,
      details: [{ path: 'body.to', purpose, ...(current ? { consent_record_id: current.record_id } : {}) }],
      policyClause: CONSENT_CLAUSE,
    });
  }
  if (!current) {
    throw new AppError('consent_required', {
      message: `The contact has no recorded opt-in for ${purpose} messages: record it (POST /v1/contacts/{id}/consents) before sending a template.`,
      details: [{ path: 'body.to', purpose }],
      policyClause: CONSENT_CLAUSE,
    });
  }
  if (purpose === 'marketing') checkMarketingCap(view.marketingRecent, view.cap, now);
  return { category: purpose, consentRecordId: current.record_id };
}

export function checkMarketingCap(recent: { count: number; oldest: Date | null }, cap: number, now: Date): void {
  if (recent.count >= cap) throw capRefusal(recent, cap, now);
}

export function capRefusal(recent: { count: number; oldest: Date | null }, cap: number, now: Date): AppError {
  const nextAllowed = recent.oldest ? new Date(recent.oldest.getTime() + CAP_WINDOW_MS) : new Date(now.getTime() + CAP_WINDOW_MS);
  return new AppError('marketing_frequency_cap', {
    message: `This contact has received ${recent.count} marketing messages in the last 24 hours (the cap is ${cap}); the next may be sent after ${nextAllowed.toISOString()}.`,
    details: [{ path: 'body.to', purpose: 'marketing', cap, window_hours: 24, next_allowed_at: nextAllowed.toISOString() }],
    policyClause: CONSENT_CLAUSE,
  });
}

/** The suppression list's key for a number: keyed per organization, so the database alone cannot reverse it. */
export function phoneHash(sealer: Sealer, orgId: string, phoneE164: string): string {
  return sealer.digest(phoneE164, `suppression:${orgId}`);
}

export type Signal = { kind: string; clause: string; detail: Record<string, unknown> };

export const REFUSAL_SIGNALS: Partial<Record<string, string>> = {
  consent_required: 'send_refused_no_consent',
  contact_opted_out: 'send_refused_opted_out',
  marketing_frequency_cap: 'send_refused_frequency_cap',
  messaging_limit_reached: 'send_refused_messaging_limit',
  content_blocked: 'screening_block',
  account_restricted: 'send_refused_restricted',
};

/** A refused send as a compliance signal: what the abuse-detection issue counts against the organization. */
export function signalOf(error: AppError, context: { contactId: string | null; template: string | null; purpose: string | null }): Signal | null {
  const kind = REFUSAL_SIGNALS[error.code];
  if (!kind) return null;
  const rules = error.code === 'content_blocked' ? { rules: (error.details as { rule: string }[]).map((d) => d.rule) } : {};
  return { kind, clause: error.policyClause ?? CONSENT_CLAUSE, detail: { contact_id: context.contactId, template: context.template, purpose: context.purpose, ...rules } };
}

export async function recordSignals(db: Db, orgId: string, signals: Signal[], at: Date): Promise<void> {
  if (signals.length === 0) return;
  await db.query(sql`
    INSERT INTO compliance_signals (org_id, id, kind, clause, detail, occurred_at)
    SELECT ${orgId}, v.id, v.kind, v.clause, v.detail::jsonb, ${at}
    FROM unnest(${signals.map(() => newId('complianceSignal'))}::text[], ${signals.map((s) => s.kind)}::text[],
      ${signals.map((s) => s.clause)}::text[], ${signals.map((s) => JSON.stringify(s.detail))}::text[]) AS v(id, kind, clause, detail)`);
}
