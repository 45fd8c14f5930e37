import type { Db } from '../db/db.ts';
import { sql } from '../db/sql.ts';
import { AppError } from '../lib/app-error.ts';
import type { Signal } from '../contacts/consent-policy.ts';
import { messageTexts } from './screening/screen-message.ts';
import { screenText, type ScreenContext, type Verdict } from './screening/screen-text.ts';

/**
 * Content screening on the send path (AUP 3.2, 3.4, 3.5): everything the customer will read — text, captions,
 * interactive parts, a template's rendered text and its parameters — is screened before the message is queued.
 * allow: it goes; hold: it is stored as `held` for a reviewer; block: it is refused. The organization's allow and
 * deny lists (and the platform's, from the environment) take part. See docs/decisions/0019-screening-on-the-send-path.md.
 */

const LIST_TTL_MS = 30_000;
// One context object per organization, kept while fresh: the engine caches its prepared lists per context object.
const contexts = new Map<string, { at: number; context: ScreenContext }>();

export type ScreeningLists = { platformAllowDomains: string[]; platformDenyDomains: string[] };

async function contextOf(db: Db, orgId: string, platform: ScreeningLists, now: number): Promise<ScreenContext> {
  const cached = contexts.get(orgId);
  if (cached && now - cached.at <= LIST_TTL_MS) return cached.context;
  const rows = await db.query<{ list: 'allow' | 'deny'; domain: string }>(sql`SELECT list, domain FROM screening_domains WHERE org_id = ${orgId}`);
  const context: ScreenContext = {
    allowDomains: rows.filter((r) => r.list === 'allow').map((r) => r.domain), denyDomains: rows.filter((r) => r.list === 'deny').map((r) => r.domain),
    platformAllowDomains: platform.platformAllowDomains, platformDenyDomains: platform.platformDenyDomains,
  };
  if (contexts.size > 10_000) contexts.clear();
  contexts.set(orgId, { at: now, context });
  return context;
}

/** After a list changes in this process; other processes see it within LIST_TTL_MS. */
export function forgetScreeningLists(orgId: string): void {
  contexts.delete(orgId);
}

/** The verdict on what the customer of this message will read (a message object; for a template, also its rendered text). */
export async function screenOutbound(db: Db, orgId: string, platform: ScreeningLists, message: object, renderedText: string | null): Promise<Verdict> {
  const context = await contextOf(db, orgId, platform, Date.now());
  const text = [...(renderedText ? [renderedText] : []), ...messageTexts(message)].join('\n');
  // A campaign sends one text to thousands: the verdict is a pure function of the text and the context, so it is
  // remembered per context (a changed list makes a new context, and with it a new memory).
  let memo = verdicts.get(context);
  if (!memo) {
    memo = new Map();
    verdicts.set(context, memo);
  }
  const known = memo.get(text);
  if (known) return known;
  const verdict = screenText(text, context);
  if (text.length <= MEMO_TEXT_MAX) {
    if (memo.size >= VERDICT_MEMO_SIZE) memo.clear();
    memo.set(text, verdict);
  }
  return verdict;
}

const VERDICT_MEMO_SIZE = 2000;
// A WhatsApp text holds at most 4,096 characters; longer inputs are rare and not worth keeping.
const MEMO_TEXT_MAX = 4096;
const verdicts = new WeakMap<ScreenContext, Map<string, Verdict>>();

/** The clause a verdict mostly rests on: that of its heaviest rule. */
export function clauseOf(verdict: { rules?: { clause: string; weight: number }[] } | null): string {
  const top = [...(verdict?.rules ?? [])].sort((a, b) => b.weight - a.weight)[0];
  return top?.clause ?? '3.2';
}

/** What is kept with the message: nothing for a clean allow. */
export function storedVerdict(verdict: Verdict): object | null {
  return verdict.rules.length === 0 ? null : { decision: verdict.decision, score: verdict.score, rules: verdict.rules };
}

export function blockedError(verdict: Verdict): AppError {
  return new AppError('content_blocked', {
    message: `The message was blocked by content screening: ${verdict.rules.map((r) => r.id).join(', ')}.`,
    details: verdict.rules.map((r) => ({ path: 'body', rule: r.id, clause: r.clause, weight: r.weight, evidence: r.evidence })),
    policyClause: clauseOf(verdict),
  });
}

export function screeningSignal(verdict: Verdict, context: { messageId: string | null; template: string | null }): Signal | null {
  if (verdict.decision === 'allow') return null;
  return {
    kind: verdict.decision === 'block' ? 'screening_block' : 'screening_hold', clause: clauseOf(verdict),
    detail: { message_id: context.messageId, template: context.template, score: verdict.score, rules: verdict.rules.map((r) => r.id) },
  };
}
