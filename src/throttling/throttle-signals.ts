import type { Logger } from 'pino';
import type { Db } from '../db/db.ts';
import { sql } from '../db/sql.ts';
import { newId } from '../lib/ids.ts';

/**
 * Refused requests as compliance signals (`throttled`, clause 3.6) for the abuse detection that reads them: one
 * row per API key per minute, with the count. Counted in memory and written every flush interval in one
 * statement, so a client hammering a spent budget costs the database nothing per request; processes writing the
 * same key and minute add their counts (the unique index of migration 0014).
 */
export type ThrottleSignals = {
  count(refusal: { orgId: string; keyId: string; plan: string; limits: string[] }): void;
  /** Writes what was counted; the tests call it rather than wait for the interval. */
  flush(): Promise<void>;
  stop(): Promise<void>;
};

type Pending = { orgId: string; keyId: string; plan: string; minute: number; count: number; limits: Set<string>; lastAt: number };

const MINUTE_MS = 60_000;

export function createThrottleSignals(db: Db, log: Logger, flushMs: number): ThrottleSignals {
  let pending = new Map<string, Pending>();
  let flushing: Promise<void> = Promise.resolve();

  const write = async (batch: Pending[]) => {
    if (batch.length === 0) return;
    const detail = (p: Pending) => JSON.stringify({
      key_id: p.keyId, plan: p.plan, count: p.count, limits: [...p.limits].sort(), last_at: new Date(p.lastAt).toISOString(),
    });
    await db.query(sql`
      INSERT INTO compliance_signals AS s (org_id, id, kind, clause, detail, occurred_at)
      SELECT v.org_id, v.id, 'throttled', '3.6', v.detail::jsonb, v.minute
      FROM unnest(${batch.map((p) => p.orgId)}::text[], ${batch.map(() => newId('complianceSignal'))}::text[],
        ${batch.map(detail)}::text[], ${batch.map((p) => new Date(p.minute).toISOString())}::timestamptz[]) AS v (org_id, id, detail, minute)
      ON CONFLICT (org_id, (detail ->> 'key_id'), occurred_at) WHERE kind = 'throttled' DO UPDATE SET detail = s.detail || jsonb_build_object(
        'count', (s.detail ->> 'count')::int + (excluded.detail ->> 'count')::int,
        'limits', (SELECT jsonb_agg(DISTINCT l ORDER BY l) FROM jsonb_array_elements_text((s.detail -> 'limits') || (excluded.detail -> 'limits')) AS l),
        'last_at', greatest(s.detail ->> 'last_at', excluded.detail ->> 'last_at'))`);
  };
  const flush = () => {
    const batch = [...pending.values()];
    pending = new Map();
    flushing = flushing.then(() => write(batch)).catch((err: unknown) => {
      log.warn({ err, signals: batch.length }, 'could not record throttled requests as compliance signals');
    });
    return flushing;
  };
  const timer = setInterval(() => void flush(), flushMs);
  timer.unref();

  return {
    count({ orgId, keyId, plan, limits }) {
      const now = Date.now();
      const minute = now - (now % MINUTE_MS);
      const id = `${orgId} ${keyId} ${minute}`;
      let entry = pending.get(id);
      if (!entry) {
        entry = { orgId, keyId, plan, minute, count: 0, limits: new Set(), lastAt: now };
        pending.set(id, entry);
      }
      entry.count++;
      entry.lastAt = now;
      for (const limit of limits) entry.limits.add(limit);
    },
    flush,
    async stop() {
      clearInterval(timer);
      await flush();
    },
  };
}
