import type { Db } from '../db/db.ts';
import { one } from '../db/db.ts';
import { sql } from '../db/sql.ts';
import { AppError } from '../lib/app-error.ts';

/**
 * Meta's messaging limit, enforced before Meta (AUP 3.3, 3.6): the unique customers a business reaches with
 * business-initiated messages (templates sent outside the customer-service window) in a moving 24 hours, per
 * business portfolio (250 → 2K → 10K → 100K → unlimited; shared by all its numbers since October 2025). One
 * organization is one portfolio here; its limit is the highest its numbers report, as Meta had portfolios inherit.
 * See docs/decisions/0017-messaging-limits.md.
 */

export const WINDOW_MS = 24 * 60 * 60 * 1000;
export const LIMIT_CLAUSE = '3.6';

const TIERS: Record<string, number | null> = {
  TIER_50: 50, TIER_250: 250, TIER_1K: 1000, TIER_2K: 2000, TIER_10K: 10_000, TIER_100K: 100_000, TIER_UNLIMITED: null,
};
/** A portfolio Meta has not rated yet starts at 250 (Meta's starting level). */
const UNKNOWN_TIER_LIMIT = 250;

/** The organization's limit from its numbers' tiers: the highest wins; null means unlimited. */
export function limitOf(tiers: (string | null)[]): number | null {
  let best: number | undefined;
  for (const tier of tiers) {
    const limit = tier && tier in TIERS ? TIERS[tier]! : UNKNOWN_TIER_LIMIT;
    if (limit === null) return null;
    best = best === undefined ? limit : Math.max(best, limit);
  }
  return best ?? UNKNOWN_TIER_LIMIT;
}

/**
 * A recipient's time in the window is kept to the end of the minute of their latest business-initiated message,
 * not to the millisecond: a recipient sent to a thousand times a minute is written once a minute, not a thousand
 * times (each write left a dead row version behind, and sends to the same customers slowed down as they piled up).
 * Rounded up, never down, so a recipient leaves the count at most a minute after Meta would let them, never before:
 * the limit stays safe.
 */
export const REACH_GRANULARITY_MS = 60_000;
export function reachStamp(now: Date): Date {
  return new Date(Math.ceil(now.getTime() / REACH_GRANULARITY_MS) * REACH_GRANULARITY_MS);
}

/** Whether this recipient already counts in the moving window (another template to them costs nothing). */
export function alreadyReached(initiatedAt: Date | null, now: Date): boolean {
  return initiatedAt !== null && now.getTime() - initiatedAt.getTime() < WINDOW_MS;
}

export type Metered = { refused: Set<string>; freesAt: Date | null };

/**
 * Counts these recipients against the organization's limit, inside the caller's transaction (it locks the
 * organization's meter until commit, so concurrent sends cannot pass the limit together). Recipients already
 * counted only have their time refreshed; new ones are admitted while the meter is under the limit. The meter
 * total is an upper bound (expired recipients leave it lazily); at the limit, expired ones are released first,
 * so a refusal is exact.
 */
export async function meterRecipients(tx: Db, orgId: string, contactIds: string[], limit: number, now: Date): Promise<Metered> {
  const ids = [...new Set(contactIds)];
  await tx.query(sql`INSERT INTO messaging_meters (org_id) VALUES (${orgId}) ON CONFLICT (org_id) DO NOTHING`);
  let inWindow = (await one<{ in_window: number }>(tx, sql`SELECT in_window FROM messaging_meters WHERE org_id = ${orgId} FOR UPDATE`))!.in_window;
  const counted = new Set((await tx.query<{ contact_id: string }>(sql`
    SELECT contact_id FROM initiated_recipients WHERE org_id = ${orgId} AND contact_id = ANY(${ids}::text[]) AND counted`)).map((r) => r.contact_id));
  const fresh = ids.filter((id) => !counted.has(id));
  if (inWindow + fresh.length > limit) {
    const released = await tx.query(sql`
      UPDATE initiated_recipients SET counted = false
      WHERE org_id = ${orgId} AND counted AND last_at <= ${new Date(now.getTime() - WINDOW_MS)} AND NOT (contact_id = ANY(${ids}::text[]))
      RETURNING contact_id`);
    inWindow = Math.max(0, inWindow - released.length);
  }
  const admitted = fresh.slice(0, Math.max(0, limit - inWindow));
  const refused = new Set(fresh.slice(admitted.length));
  // Sorted: rows are locked in the order given, the same order refreshReached and the send statement use, so
  // transactions touching the same recipients wait for each other instead of deadlocking.
  const reached = [...counted, ...admitted].sort();
  if (reached.length > 0) {
    // A counted recipient whose stamp still covers now is left as it is (no new row version).
    await tx.query(sql`
      INSERT INTO initiated_recipients (org_id, contact_id, last_at, counted)
      SELECT ${orgId}, c, ${reachStamp(now)}, true FROM unnest(${reached}::text[]) AS c
      ON CONFLICT (org_id, contact_id) DO UPDATE SET last_at = greatest(initiated_recipients.last_at, excluded.last_at), counted = true
      WHERE NOT initiated_recipients.counted OR initiated_recipients.last_at < ${now}`);
  }
  if (admitted.length > 0) await tx.query(sql`UPDATE messaging_meters SET in_window = in_window + ${admitted.length} WHERE org_id = ${orgId}`);
  let freesAt: Date | null = null;
  if (refused.size > 0) {
    const oldest = await one<{ at: Date | null }>(tx, sql`SELECT min(last_at) AS at FROM initiated_recipients WHERE org_id = ${orgId} AND counted`);
    freesAt = oldest?.at ? new Date(new Date(oldest.at).getTime() + WINDOW_MS) : null;
  }
  return { refused, freesAt };
}

/**
 * Recipients already counted in the window got another business-initiated message: their time moves forward
 * (to the end of the minute, as reachStamp), rows locked in one order. No meter lock: the count does not change.
 */
export async function refreshReached(tx: Db, orgId: string, contactIds: string[], now: Date): Promise<void> {
  await tx.query(sql`
    UPDATE initiated_recipients r SET last_at = greatest(r.last_at, ${reachStamp(now)})
    FROM (SELECT contact_id FROM initiated_recipients
          WHERE org_id = ${orgId} AND contact_id = ANY(${[...new Set(contactIds)]}::text[]) AND counted AND last_at < ${now}
          ORDER BY contact_id FOR UPDATE) stale
    WHERE r.org_id = ${orgId} AND r.contact_id = stale.contact_id`);
}

export function limitRefusal(limit: number, freesAt: Date | null): AppError {
  return new AppError('messaging_limit_reached', {
    message: `This business has started conversations with ${limit} customers in the last 24 hours, Meta's messaging limit for it${freesAt ? `; the next one can start after ${freesAt.toISOString()}` : ''}. Replies to customers who wrote in the last 24 hours are not limited.`,
    details: [{ path: 'body.to', limit, window_hours: 24, frees_at: freesAt?.toISOString() ?? null }],
    policyClause: LIMIT_CLAUSE,
  });
}
