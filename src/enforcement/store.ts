import type { Db } from '../db/db.ts';
import { sql } from '../db/sql.ts';
import type { Measurement, StandingState } from './signals.ts';

export type OrgStanding = {
  id: string; standing: StandingState; standing_since: Date | null; standing_until: Date | null; standing_clause: string | null;
  signals_since: Date | null; created_at: Date;
};

/**
 * An organization's standing; `lock` holds its row for a transition. `FOR NO KEY UPDATE`, not `FOR UPDATE`: rows
 * inserted meanwhile that reference the organization (a report, a signal, an audit entry) take a key-share lock on
 * it, and must not wait behind a transition that may itself be waiting for their audit head (decision 0023).
 */
export async function findStanding(db: Db, orgId: string, lock = false): Promise<OrgStanding | undefined> {
  const rows = await db.query<OrgStanding>(lock
    ? sql`SELECT id, standing, standing_since, standing_until, standing_clause, signals_since, created_at FROM organizations WHERE id = ${orgId} FOR NO KEY UPDATE`
    : sql`SELECT id, standing, standing_since, standing_until, standing_clause, signals_since, created_at FROM organizations WHERE id = ${orgId}`);
  return rows[0];
}

/**
 * Unscoped: the organizations whose standing may have changed since their last evaluation (decision 0022) — never
 * evaluated; a suspension whose end has come; a warning or restriction a whole window old (it may step down);
 * something new that a signal counts (a message, a compliance signal, a consent record, a quality event, a report);
 * or, every `recheckMs`, one with messages or signals still in its window, whose rates move as they leave it.
 * Each test is an index probe on the organization's key, so the organizations evaluated are the active ones.
 */
export function listEvaluableOrgsUnscoped(db: Db, now: Date, windowMs: number, recheckMs: number) {
  const windowStart = new Date(now.getTime() - windowMs);
  return db.query<{ id: string }>(sql`
    SELECT o.id FROM organizations o LEFT JOIN standing_evaluations e ON e.org_id = o.id
    WHERE o.standing <> 'terminated' AND (
      e.evaluated_at IS NULL
      OR (o.standing = 'suspended' AND o.standing_until <= ${now})
      OR (o.standing IN ('warned', 'restricted') AND o.standing_since <= ${windowStart})
      OR EXISTS (SELECT 1 FROM messages m WHERE m.org_id = o.id AND m.id >= id_floor('msg', e.evaluated_at))
      OR EXISTS (SELECT 1 FROM compliance_signals s WHERE s.org_id = o.id AND s.id >= id_floor('sig', e.evaluated_at))
      OR EXISTS (SELECT 1 FROM account_events a WHERE a.org_id = o.id AND a.id >= id_floor('aev', e.evaluated_at))
      OR (SELECT r.recorded_at FROM consent_records r WHERE r.org_id = o.id ORDER BY r.seq DESC LIMIT 1) >= e.evaluated_at
      OR (SELECT t.recorded_at FROM template_status_events t WHERE t.org_id = o.id ORDER BY t.id DESC LIMIT 1) >= e.evaluated_at
      OR EXISTS (SELECT 1 FROM violation_reports v WHERE v.org_id = o.id AND v.created_at >= e.evaluated_at)
      OR (e.evaluated_at <= ${new Date(now.getTime() - recheckMs)} AND (
        EXISTS (SELECT 1 FROM messages m WHERE m.org_id = o.id AND m.id >= id_floor('msg', ${windowStart}))
        OR EXISTS (SELECT 1 FROM compliance_signals s WHERE s.org_id = o.id AND s.id >= id_floor('sig', ${windowStart}))))
    )
    ORDER BY o.id`);
}

/** The evaluator measured this organization from `at` on: what arrives after it is new at the next round. */
export function markEvaluated(db: Db, orgId: string, at: Date) {
  return db.query(sql`
    INSERT INTO standing_evaluations (org_id, evaluated_at) VALUES (${orgId}, ${at})
    ON CONFLICT (org_id) DO UPDATE SET evaluated_at = greatest(standing_evaluations.evaluated_at, excluded.evaluated_at)`);
}

const CONSENT_KINDS = ['send_refused_no_consent', 'send_refused_opted_out'];
const SCREENING_KINDS = ['screening_block', 'screening_hold'];

/**
 * Every signal of one organization since `since`, in one statement. Attempts are stored messages plus sends refused
 * for consent, screening or limits — not those refused for the organization's own standing, which say nothing about
 * its lists and would dilute the rates that led to it. The marketing baseline is the average per window over the
 * 7 days before the window; marketing refused while restricted still counts as marketing volume.
 */
export async function measureSignals(db: Db, orgId: string, since: Date, windowMs: number, minVolume: number): Promise<Measurement[]> {
  const baselineFrom = new Date(since.getTime() - 7 * 86_400_000);
  const [r] = await db.query<Record<string, number>>(sql`
    WITH m AS (
      SELECT count(*)::int AS sent,
        count(*) FILTER (WHERE error ->> 'code' = '131049')::int AS f131049,
        count(*) FILTER (WHERE error ->> 'code' = '131026')::int AS f131026,
        count(*) FILTER (WHERE error ->> 'code' = '131050')::int AS f131050,
        count(*) FILTER (WHERE category = 'marketing')::int AS marketing
      FROM messages WHERE org_id = ${orgId} AND direction = 'outbound' AND created_at >= ${since}
    ), s AS (
      SELECT
        count(*) FILTER (WHERE kind = ANY(${CONSENT_KINDS}::text[]))::int AS consent_refusals,
        count(*) FILTER (WHERE kind = 'screening_block' OR kind LIKE 'media_refused%')::int AS refused_by_screening,
        count(*) FILTER (WHERE kind = ANY(${SCREENING_KINDS}::text[]) OR kind LIKE 'media_refused%')::int AS screening,
        count(*) FILTER (WHERE kind = 'send_refused_restricted')::int AS refused_marketing,
        count(*) FILTER (WHERE kind IN ('send_refused_frequency_cap', 'send_refused_messaging_limit'))::int AS refused_other,
        count(*) FILTER (WHERE kind = 'throttled')::int AS throttled,
        count(*) FILTER (WHERE kind = 'credential_sharing')::int AS credential_sharing,
        -- A report counts once an operator confirmed it (detail.confirmed), not when it arrives: anyone can file one.
        count(*) FILTER (WHERE kind = 'violation_report' AND detail ->> 'confirmed' = 'true')::int AS violation_reports
      FROM compliance_signals WHERE org_id = ${orgId} AND occurred_at >= ${since}
    ), o AS (
      SELECT count(DISTINCT contact_id)::int AS opt_outs FROM consent_records
      WHERE org_id = ${orgId} AND state = 'opted_out' AND actor = 'customer' AND recorded_at >= ${since}
    ), q AS (
      SELECT (SELECT count(*) FROM account_events WHERE org_id = ${orgId} AND kind = 'phone_number.quality'
                AND detail ->> 'event' IN ('DOWNGRADE', 'FLAGGED') AND created_at >= ${since})
           + (SELECT count(*) FROM template_status_events WHERE org_id = ${orgId} AND applied AND recorded_at >= ${since}
                AND ((kind = 'status' AND event IN ('PAUSED', 'DISABLED')) OR (kind = 'quality' AND event = 'RED'))) AS quality
    ), b AS (
      SELECT count(*)::int AS marketing_before FROM messages
      WHERE org_id = ${orgId} AND direction = 'outbound' AND category = 'marketing' AND created_at >= ${baselineFrom} AND created_at < ${since}
    )
    SELECT m.*, s.*, o.*, q.quality::int AS quality, b.* FROM m, s, o, q, b`);
  const x = r!;
  const sent = x['sent']!;
  const attempts = sent + x['consent_refusals']! + x['refused_by_screening']! + x['refused_other']!;
  const rate = (n: number, d: number) => (d > 0 ? n / d : 0);
  const marketing = x['marketing']! + x['refused_marketing']!;
  const baseline = Math.max(x['marketing_before']! / ((7 * 86_400_000) / windowMs), minVolume);
  return [
    { id: 'opt_out_rate', value: rate(x['opt_outs']!, sent), volume: sent },
    { id: 'quality_events', value: rate(x['quality']!, sent), volume: sent },
    { id: 'failure_131049', value: rate(x['f131049']!, sent), volume: sent },
    { id: 'failure_131026', value: rate(x['f131026']!, sent), volume: sent },
    { id: 'failure_131050', value: rate(x['f131050']!, sent), volume: sent },
    { id: 'consent_refusals', value: rate(x['consent_refusals']!, attempts), volume: attempts },
    { id: 'screening', value: rate(x['screening']!, attempts), volume: attempts },
    { id: 'marketing_volume_spike', value: marketing / baseline, volume: marketing },
    { id: 'throttling', value: x['throttled']!, volume: x['throttled']! },
    { id: 'credential_sharing', value: x['credential_sharing']!, volume: x['credential_sharing']! },
    { id: 'violation_reports', value: x['violation_reports']!, volume: x['violation_reports']! },
  ];
}

export type StandingChangeRow = {
  id: string; from_state: StandingState; to_state: StandingState; clause: string; reason: string; actor: string;
  risk_score: string | null; evidence: unknown; until: Date | null; created_at: Date;
};

export function listStandingChanges(db: Db, orgId: string, limit = 50) {
  return db.query<StandingChangeRow>(sql`
    SELECT id, from_state, to_state, clause, reason, actor, risk_score, evidence, until, created_at
    FROM standing_changes WHERE org_id = ${orgId} ORDER BY created_at DESC, id DESC LIMIT ${limit}`);
}

export async function findStandingChange(db: Db, orgId: string, id: string) {
  const rows = await db.query<StandingChangeRow>(sql`
    SELECT id, from_state, to_state, clause, reason, actor, risk_score, evidence, until, created_at
    FROM standing_changes WHERE org_id = ${orgId} AND id = ${id}`);
  return rows[0];
}

export function ownersAndAdmins(db: Db, orgId: string) {
  return db.query<{ email: string }>(sql`
    SELECT u.email FROM memberships m JOIN users u ON u.id = m.user_id
    WHERE m.org_id = ${orgId} AND m.role IN ('owner', 'admin') ORDER BY u.email`);
}
