import type { Db } from '../db/db.ts';
import { sql } from '../db/sql.ts';
import { recordAudit, type AuditAction } from '../audit/record-audit.ts';
import { newId } from '../lib/ids.ts';
import { emitEvents } from '../webhooks/emit-events.ts';
import type { Reading, StandingState } from './signals.ts';
import { ownersAndAdmins, type StandingChangeRow } from './store.ts';
import { announceKeyChange } from '../tenancy/key-changes.ts';

export type Transition = {
  to: StandingState;
  clause: string;
  reason: string;
  /** `system:enforcement` for the evaluator, `operator:<id>` or `cli` for people. */
  actor: string;
  until: Date | null;
  /** The readings the step was taken on; an operator's step may carry none. */
  evidence: { score: number | null; signals: Pick<Reading, 'id' | 'clause' | 'value' | 'volume' | 'warn' | 'action' | 'level'>[] };
  resetSignals: boolean;
};

const AUDIT: Record<StandingState, AuditAction> = {
  good: 'enforcement.reinstated', warned: 'enforcement.warned', restricted: 'enforcement.restricted',
  suspended: 'enforcement.suspended', terminated: 'enforcement.terminated',
};
const STATUS: Record<StandingState, 'active' | 'suspended' | 'terminated'> = {
  good: 'active', warned: 'active', restricted: 'active', suspended: 'suspended', terminated: 'terminated',
};

/**
 * Moves an organization on the ladder, inside the caller's transaction with its row locked: the new state (and the
 * organization's status, which the API-key check reads), the history row with clause, evidence and actor, the
 * notices — account event, `account.standing` webhook, email to owners and admins — and the audit entry.
 * Termination also revokes every API key; the data stays.
 */
export async function changeStanding(tx: Db, orgId: string, from: StandingState, t: Transition, now: Date): Promise<StandingChangeRow> {
  const id = newId('standingChange');
  await tx.query(sql`
    UPDATE organizations SET standing = ${t.to}, status = ${STATUS[t.to]}, standing_since = ${now}, standing_until = ${t.until},
      standing_clause = ${t.to === 'good' ? null : t.clause}, signals_since = CASE WHEN ${t.resetSignals} THEN ${now}::timestamptz ELSE signals_since END
    WHERE id = ${orgId}`);
  const evidence = JSON.stringify(t.evidence);
  await tx.query(sql`
    INSERT INTO standing_changes (org_id, id, from_state, to_state, clause, reason, actor, risk_score, evidence, until, created_at)
    VALUES (${orgId}, ${id}, ${from}, ${t.to}, ${t.clause}, ${t.reason}, ${t.actor}, ${t.evidence.score}, ${evidence}::jsonb, ${t.until}, ${now})`);
  if (t.to === 'terminated') await tx.query(sql`UPDATE api_keys SET revoked_at = ${now} WHERE org_id = ${orgId} AND revoked_at IS NULL`);
  // This process's key caches learn of it at commit; others from the database's notification (decision 0024).
  tx.afterCommit(() => announceKeyChange({ org: orgId }));
  const notice = {
    change_id: id, previous: from, state: t.to, clause: t.clause, reason: t.reason, actor: t.actor,
    until: t.until?.toISOString() ?? null, risk_score: t.evidence.score, signals: t.evidence.signals, at: now.toISOString(),
  };
  await tx.query(sql`
    INSERT INTO account_events (org_id, id, kind, subject, detail)
    VALUES (${orgId}, ${newId('accountEvent')}, 'account.standing', ${id}, ${JSON.stringify(notice)}::jsonb)`);
  // One subject per organization (its row is locked here), so its standing events are numbered in order.
  await emitEvents(tx, orgId, [{ type: 'account.standing', subject: orgId, payload: notice }]);
  const recipients = await ownersAndAdmins(tx, orgId);
  if (recipients.length > 0) {
    const subject = `Your Xpecto account is now ${t.to === 'good' ? 'in good standing' : t.to} (AUP ${t.clause})`;
    const body = emailBody(notice);
    await tx.query(sql`
      INSERT INTO email_outbox (id, org_id, to_address, subject, body, kind)
      SELECT v.id, ${orgId}, v.email, ${subject}, ${body}, 'standing_notice'
      FROM unnest(${recipients.map(() => newId('email'))}::text[], ${recipients.map((r) => r.email)}::text[]) AS v(id, email)`);
  }
  await recordAudit(tx, {
    orgId, action: AUDIT[t.to], actor: t.actor, subject: id,
    detail: { from, to: t.to, clause: t.clause, reason: t.reason, until: notice.until, risk_score: t.evidence.score, signals: t.evidence.signals },
    at: now,
  });
  return { id, from_state: from, to_state: t.to, clause: t.clause, reason: t.reason, actor: t.actor, risk_score: t.evidence.score === null ? null : String(t.evidence.score), evidence: t.evidence, until: t.until, created_at: now };
}

function emailBody(n: { state: string; clause: string; reason: string; until: string | null }): string {
  return [
    `Your organization's standing changed to "${n.state}" under clause ${n.clause} of Xpecto's Acceptable Use Policy.`,
    '', n.reason, '',
    ...(n.until ? [`The suspension ends at ${n.until}.`, ''] : []),
    'GET /v1/account/standing shows every signal, its thresholds and what to do. You can appeal with POST /v1/account/appeals.',
  ].join('\n');
}
