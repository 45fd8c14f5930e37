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

/** Unscoped: the evaluator's walk over every organization that can still change standing. */
export function listEvaluableOrgsUnscoped(db: Db) {
  return db.query<{ id: string }>(sql`SELECT id FROM organizations WHERE standing <> 'terminated' ORDER BY id`);
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
