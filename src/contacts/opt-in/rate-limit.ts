import type { Db } from '../../db/db.ts';
import { one } from '../../db/db.ts';
import { sql } from '../../db/sql.ts';

/**
 * Submissions of one organization's hosted form from one address: at most FORM_ATTEMPTS_PER_HOUR per fixed
 * one-hour window, counted in the database (every API process sees the same count). A public form that
 * writes consent and can send a template must not be a free way to message strangers.
 */
export const FORM_ATTEMPTS_PER_HOUR = 10;
const WINDOW_MS = 60 * 60 * 1000;

/** Counts this attempt; answers whether it is within the limit, and when the window ends. */
export async function countFormAttempt(db: Db, orgId: string, ip: string, now: Date): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const windowStart = new Date(now.getTime() - WINDOW_MS);
  const row = (await one<{ attempts: number; window_start: Date }>(db, sql`
    INSERT INTO opt_in_form_attempts (org_id, ip, window_start, attempts) VALUES (${orgId}, ${ip}, ${now}, 1)
    ON CONFLICT (org_id, ip) DO UPDATE SET
      attempts = CASE WHEN opt_in_form_attempts.window_start <= ${windowStart}::timestamptz THEN 1 ELSE opt_in_form_attempts.attempts + 1 END,
      window_start = CASE WHEN opt_in_form_attempts.window_start <= ${windowStart}::timestamptz THEN ${now}::timestamptz ELSE opt_in_form_attempts.window_start END
    RETURNING attempts, window_start`))!;
  const ends = new Date(row.window_start).getTime() + WINDOW_MS;
  return { allowed: row.attempts <= FORM_ATTEMPTS_PER_HOUR, retryAfterSeconds: Math.max(1, Math.ceil((ends - now.getTime()) / 1000)) };
}
