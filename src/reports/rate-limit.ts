import type { Db } from '../db/db.ts';
import { one } from '../db/db.ts';
import { sql } from '../db/sql.ts';
import type { Sealer } from '../lib/secrets.ts';
import { clientAddressKey } from '../throttling/client-address.ts';

/**
 * Report submissions from one source address (an IPv4 address or an IPv6 /64): at most REPORT_ATTEMPTS_PER_HOUR
 * per fixed one-hour window, every attempt counted (refused ones too), in the database so that every API process
 * sees one count. The address is kept only as a keyed digest: the table exists to count, not to know who.
 */
export const REPORT_ATTEMPTS_PER_HOUR = 10;
const WINDOW_MS = 60 * 60 * 1000;

export async function countReportAttempt(db: Db, sealer: Sealer, ip: string, now: Date): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const address = sealer.digest(clientAddressKey(ip), 'report-attempts');
  const windowStart = new Date(now.getTime() - WINDOW_MS);
  const row = (await one<{ attempts: number; window_start: Date }>(db, sql`
    INSERT INTO report_attempts (address_digest, window_start, attempts) VALUES (${address}, ${now}, 1)
    ON CONFLICT (address_digest) DO UPDATE SET
      attempts = CASE WHEN report_attempts.window_start <= ${windowStart}::timestamptz THEN 1 ELSE report_attempts.attempts + 1 END,
      window_start = CASE WHEN report_attempts.window_start <= ${windowStart}::timestamptz THEN ${now}::timestamptz ELSE report_attempts.window_start END
    RETURNING attempts, window_start`))!;
  const ends = new Date(row.window_start).getTime() + WINDOW_MS;
  return { allowed: row.attempts <= REPORT_ATTEMPTS_PER_HOUR, retryAfterSeconds: Math.max(1, Math.ceil((ends - now.getTime()) / 1000)) };
}
