import type { Db } from '../db/db.ts';
import { sql } from '../db/sql.ts';
import { emitMessageStatusEvents, type MessageSnapshot } from './message-events.ts';
import type { MessageError } from './store.ts';

// The dispatch engine's SQL: lanes per sender number claim, pace, start, and record outcomes in batches.

export type LaneNumber = {
  org_id: string; id: string; phone_number_id: string; throughput_mps: number | null; throughput_level: string | null;
  is_coexistence: boolean; account_id: string; access_token_enc: string;
};

export type OutboxMessage = {
  org_id: string; id: string; phone_number_id: string; counterpart: string; type: string;
  content: Record<string, unknown>; attempts: number; priority: number; dispatch_started_at: Date | null;
};

/** Unscoped: the dispatcher serves every tenant. Numbers that are not paused, of active organizations, with a message due. */
export function dueNumbersUnscoped(db: Db) {
  return db.query<LaneNumber>(sql`
    SELECT p.org_id, p.id, p.phone_number_id, p.throughput_mps, p.throughput_level, p.is_coexistence,
      a.id AS account_id, a.access_token_enc
    FROM phone_numbers p JOIN whatsapp_accounts a ON a.org_id = p.org_id AND a.id = p.account_id
    WHERE p.paused_at IS NULL
      -- A suspended (or terminated) organization's messages wait; they go when it is active again (decision 0022).
      AND EXISTS (SELECT 1 FROM organizations o WHERE o.id = p.org_id AND o.status = 'active')
      AND EXISTS (
      SELECT 1 FROM messages m
      WHERE m.org_id = p.org_id AND m.phone_number_id = p.id AND m.status = 'accepted' AND m.next_attempt_at <= now()
        AND (m.claimed_until IS NULL OR m.claimed_until < now()))`);
}

/**
 * Claims the next messages of one number: highest priority first, then oldest; skipping recipients the
 * pair rate limit still holds back. SKIP LOCKED lets other workers claim the rows beside these.
 */
export function claimForNumber(db: Db, orgId: string, numberId: string, limit: number, leaseSeconds: number) {
  return db.query<OutboxMessage>(sql`
    WITH picked AS (
      SELECT m.org_id, m.id FROM messages m
      WHERE m.org_id = ${orgId} AND m.phone_number_id = ${numberId} AND m.status = 'accepted'
        -- A number paused by another worker (or an operator) stops here too, not only at discovery.
        AND (SELECT p.paused_at FROM phone_numbers p WHERE p.org_id = m.org_id AND p.id = m.phone_number_id) IS NULL
        AND (SELECT o.status FROM organizations o WHERE o.id = m.org_id) = 'active'
        AND m.next_attempt_at <= now() AND (m.claimed_until IS NULL OR m.claimed_until < now())
        AND NOT EXISTS (
          SELECT 1 FROM recipient_pacing r
          WHERE r.org_id = m.org_id AND r.phone_number_id = m.phone_number_id AND r.recipient = m.counterpart
            AND r.next_allowed_at > now())
      ORDER BY m.priority, m.next_attempt_at, m.id
      LIMIT ${limit}
      FOR UPDATE OF m SKIP LOCKED)
    UPDATE messages m SET claimed_until = now() + make_interval(secs => ${leaseSeconds})
    FROM picked WHERE m.org_id = picked.org_id AND m.id = picked.id
    RETURNING m.org_id, m.id, m.phone_number_id, m.counterpart, m.type, m.content, m.attempts, m.priority, m.dispatch_started_at`);
}

/** Hands claimed rows back, due again after `delayMs`; `sendNotStarted` also clears a start that never happened. */
export function releaseMessages(db: Db, orgId: string, ids: string[], delayMs: number, options: { sendNotStarted?: boolean } = {}) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.query(sql`
    UPDATE messages SET claimed_until = NULL,
      next_attempt_at = greatest(next_attempt_at, now() + make_interval(secs => ${delayMs / 1000})),
      dispatch_started_at = CASE WHEN ${options.sendNotStarted ?? false} THEN NULL ELSE dispatch_started_at END,
      dispatch_count = dispatch_count - CASE WHEN ${options.sendNotStarted ?? false} AND dispatch_started_at IS NOT NULL THEN 1 ELSE 0 END,
      attempts = attempts - CASE WHEN ${options.sendNotStarted ?? false} AND dispatch_started_at IS NOT NULL THEN 1 ELSE 0 END
    WHERE org_id = ${orgId} AND id = ANY(${ids}) AND status = 'accepted'`);
}

/** Holds each recipient for Meta's pair interval from now. */
export function paceRecipients(db: Db, orgId: string, numberId: string, recipients: string[], intervalMs: number) {
  if (recipients.length === 0) return Promise.resolve([]);
  return db.query(sql`
    INSERT INTO recipient_pacing (org_id, phone_number_id, recipient, next_allowed_at)
    SELECT ${orgId}, ${numberId}, r, now() + make_interval(secs => ${intervalMs / 1000}) FROM unnest(${recipients}::text[]) AS r
    ON CONFLICT (org_id, phone_number_id, recipient) DO UPDATE SET next_allowed_at = excluded.next_allowed_at`);
}

/**
 * Written before the requests go out: from here on, a crash leaves these rows with an unknown outcome,
 * which the status webhooks (they echo our id) resolve rather than a blind resend.
 */
export function markDispatchStarted(db: Db, orgId: string, ids: string[]) {
  return db.query(sql`
    UPDATE messages SET dispatch_started_at = now(), dispatch_count = dispatch_count + 1, attempts = attempts + 1
    WHERE org_id = ${orgId} AND id = ANY(${ids})`);
}

/** Records the Cloud API's acceptance of many messages at once: status queued, wamid, history. */
export function recordQueued(db: Db, accepted: { orgId: string; id: string; wamid: string }[]) {
  if (accepted.length === 0) return Promise.resolve();
  const orgs = accepted.map((a) => a.orgId);
  const ids = accepted.map((a) => a.id);
  const wamids = accepted.map((a) => a.wamid);
  return db.transaction(async (tx) => {
    // A status webhook may have overtaken this (and set the wamid and a later status): keep what it set — a
    // failure's error too (Meta fails an undeliverable message within milliseconds); otherwise the earlier
    // attempts' errors are cleared.
    const updated = await tx.query<MessageSnapshot & { org_id: string; status: string }>(sql`
      UPDATE messages m SET status = CASE WHEN m.status = 'accepted' THEN 'queued' ELSE m.status END,
        wamid = coalesce(m.wamid, v.wamid), dispatch_started_at = NULL, claimed_until = NULL,
        error = CASE WHEN m.status = 'failed' THEN m.error END, updated_at = now()
      FROM unnest(${orgs}::text[], ${ids}::text[], ${wamids}::text[]) AS v(org_id, id, wamid)
      WHERE m.org_id = v.org_id AND m.id = v.id
      RETURNING m.org_id, m.id, m.status, m.phone_number_id, m.counterpart, m.wamid, m.error, m.pricing, m.conversation, m.metadata`);
    await emitQueuedEvents(tx, updated.filter((m) => m.status === 'queued'));
    await tx.query(sql`
      INSERT INTO message_status_events (org_id, message_id, status, occurred_at, source, detail)
      SELECT v.org_id, v.id, 'queued', now(), 'dispatch', jsonb_build_object('wamid', v.wamid)
      FROM unnest(${orgs}::text[], ${ids}::text[], ${wamids}::text[]) AS v(org_id, id, wamid)
      ON CONFLICT (org_id, message_id, status) DO NOTHING`);
  });
}

/** One batch of events per organization (a lane's batch is one number's, so usually one). */
async function emitQueuedEvents(tx: Db, queued: (MessageSnapshot & { org_id: string })[]) {
  const at = new Date();
  for (const orgId of new Set(queued.map((m) => m.org_id))) {
    const ofOrg = queued.filter((m) => m.org_id === orgId);
    await emitMessageStatusEvents(tx, orgId, ofOrg.map((m) => ({ messageId: m.id, status: 'queued', at })), ofOrg);
  }
}

/** The Cloud API refused the send for now: try again after `delayMs` (the outcome is known: nothing went out). */
export function scheduleRetry(db: Db, orgId: string, id: string, delayMs: number, error: MessageError) {
  return db.query(sql`
    UPDATE messages SET next_attempt_at = now() + make_interval(secs => ${delayMs / 1000}), claimed_until = NULL,
      dispatch_started_at = NULL, error = ${JSON.stringify(error)}::jsonb, updated_at = now()
    WHERE org_id = ${orgId} AND id = ${id} AND status = 'accepted'`);
}

/** No answer from the Cloud API: the message may have gone out. Wait for its status webhook until the deadline. */
export function markOutcomeUnknown(db: Db, orgId: string, id: string, windowMs: number, error: MessageError) {
  return db.query(sql`
    UPDATE messages SET claimed_until = NULL, error = ${JSON.stringify(error)}::jsonb, updated_at = now(),
      next_attempt_at = coalesce(dispatch_started_at, now()) + make_interval(secs => ${windowMs / 1000})
    WHERE org_id = ${orgId} AND id = ${id} AND status = 'accepted'`);
}

export function failMessage(db: Db, orgId: string, id: string, error: MessageError) {
  return db.transaction(async (tx) => {
    const updated = await tx.query<MessageSnapshot>(sql`
      UPDATE messages SET status = 'failed', error = ${JSON.stringify(error)}::jsonb, claimed_until = NULL,
        dispatch_started_at = NULL, updated_at = now()
      WHERE org_id = ${orgId} AND id = ${id} AND status = 'accepted'
      RETURNING id, phone_number_id, counterpart, wamid, error, pricing, conversation, metadata`);
    if (updated.length === 0) return;
    await emitMessageStatusEvents(tx, orgId, [{ messageId: id, status: 'failed', at: new Date() }], updated);
    await tx.query(sql`
      INSERT INTO message_status_events (org_id, message_id, status, occurred_at, source, detail)
      VALUES (${orgId}, ${id}, 'failed', now(), 'dispatch', ${JSON.stringify(error)}::jsonb)
      ON CONFLICT (org_id, message_id, status) DO NOTHING`);
  });
}

/** Stops a number after an account-level refusal and tells its organization why. */
export function pauseNumber(db: Db, orgId: string, numberId: string, reason: MessageError, eventId: string) {
  return db.transaction(async (tx) => {
    const paused = await tx.query(sql`
      UPDATE phone_numbers SET paused_at = now(), pause_reason = ${JSON.stringify(reason)}::jsonb
      WHERE org_id = ${orgId} AND id = ${numberId} AND paused_at IS NULL RETURNING id`);
    if (paused.length === 0) return false;
    await tx.query(sql`
      INSERT INTO account_events (org_id, id, kind, subject, detail)
      VALUES (${orgId}, ${eventId}, 'phone_number.paused', ${numberId}, ${JSON.stringify(reason)}::jsonb)`);
    return true;
  });
}
