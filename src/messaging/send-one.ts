import type { Deps } from '../deps.ts';
import { newId } from '../lib/ids.ts';
import { CloudApiError, CloudApiUnreachableError } from '../whatsapp/client.ts';
import { classifyCloudApiError } from '../whatsapp/error-codes.ts';
import type { SendMessageRequest } from '../whatsapp/types.ts';
import { breakerRecord } from './circuit-breaker.ts';
import { withReason } from './error-reasons.ts';
import { backoffMs, breakerOf, type DispatchContext } from './dispatch.ts';
import { failMessage, markOutcomeUnknown, pauseNumber, recordQueued, releaseMessages, scheduleRetry, type LaneNumber, type OutboxMessage } from './outbox-store.ts';

export type QueuedFlusher = { add(orgId: string, id: string, wamid: string): void; flush(): Promise<void> };
export type LaneState = { number: LaneNumber; token: string; paused: boolean; queued: QueuedFlusher };

// Upstream trouble that says nothing about the message: counts toward the circuit breaker.
const UPSTREAM_FAILURE_CODES = new Set([1, 2, 131000, 131016, 131057]);

/** Sends one message and records what came of it. Never throws: every outcome lands on the message. */
export async function sendOne(ctx: DispatchContext, lane: LaneState, message: OutboxMessage): Promise<void> {
  const { deps } = ctx;
  try {
    const response = await deps.cloudApi.sendMessage(lane.token, lane.number.phone_number_id, cloudApiBody(message));
    recordBreaker(ctx, lane.number.id, 'success');
    const wamid = response.messages[0]?.id;
    if (!wamid) throw new Error('the Cloud API answered 200 without a message id');
    lane.queued.add(message.org_id, message.id, wamid);
  } catch (error) {
    try {
      await recordFailure(ctx, lane, message, error);
    } catch (recordError) {
      // The lease runs out and another claim takes the message up again; its start stays recorded.
      deps.log.error({ err: recordError, messageId: message.id }, 'could not record a dispatch outcome');
    }
  }
}

/** The message as the Cloud API takes it; our id rides along as biz_opaque_callback_data for reconciliation. */
function cloudApiBody(message: OutboxMessage): SendMessageRequest {
  return {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to: message.counterpart.replace(/^\+/, ''),
    type: message.type,
    ...message.content,
    biz_opaque_callback_data: message.id,
  } as SendMessageRequest;
}

async function recordFailure(ctx: DispatchContext, lane: LaneState, message: OutboxMessage, error: unknown): Promise<void> {
  const { deps } = ctx;
  const config = deps.config.dispatch;
  const orgId = message.org_id;
  const attempts = message.attempts + 1;
  if (error instanceof CloudApiUnreachableError) {
    recordBreaker(ctx, lane.number.id, 'failure');
    const detail = { code: 0, title: 'Cloud API unreachable', message: `The Cloud API did not answer (${error.kind}).` };
    if (error.maybeDelivered) {
      // Meta has no idempotency key: resending now could deliver twice. The status webhook decides.
      await markOutcomeUnknown(deps.db, orgId, message.id, config.reconcileWindowMs, detail);
    } else {
      await scheduleRetry(deps.db, orgId, message.id, backoffMs(attempts, 'retry', config.pairIntervalMs), detail);
    }
    return;
  }
  if (!(error instanceof CloudApiError)) {
    deps.log.error({ err: error, messageId: message.id }, 'unexpected dispatch error');
    await markOutcomeUnknown(deps.db, orgId, message.id, config.reconcileWindowMs, { code: 0, title: 'Internal error', message: 'Dispatch failed unexpectedly; retrying.' });
    return;
  }
  const rule = classifyCloudApiError(error.code, error.isTransient);
  recordBreaker(ctx, lane.number.id, error.httpStatus >= 500 || UPSTREAM_FAILURE_CODES.has(error.code) ? 'failure' : 'success');
  const detail = withReason({ code: error.code, title: rule.name, message: rule.explanation, ...(error.details ? { details: error.details } : {}) });
  switch (rule.action) {
    case 'retry':
    case 'retry_recipient':
      if (attempts < config.maxAttempts) {
        await scheduleRetry(deps.db, orgId, message.id, backoffMs(attempts, rule.action, config.pairIntervalMs), detail);
        return;
      }
      await failMessage(deps.db, orgId, message.id, detail);
      return;
    case 'pause_number':
      // The account, not the message, is at fault: the message waits for the number to be fixed.
      lane.paused = true;
      await scheduleRetry(deps.db, orgId, message.id, 60_000, detail);
      if (await pauseNumber(deps.db, orgId, lane.number.id, detail, newId('accountEvent'))) {
        deps.log.warn({ orgId, numberId: lane.number.id, code: error.code }, 'phone number paused after an account-level Cloud API error');
      }
      return;
    case 'fail':
      await failMessage(deps.db, orgId, message.id, detail);
      return;
  }
}

function recordBreaker(ctx: DispatchContext, numberId: string, outcome: 'success' | 'failure') {
  ctx.breakers.set(numberId, breakerRecord(breakerOf(ctx, numberId), outcome, Date.now(), ctx.deps.config.dispatch.breaker));
}

/** Collects Cloud API acceptances and writes them in batches (every 25 ms or 200 messages). */
export function createQueuedFlusher(deps: Deps): QueuedFlusher {
  let pending: { orgId: string; id: string; wamid: string }[] = [];
  let timer: NodeJS.Timeout | null = null;
  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    if (timer) { clearTimeout(timer); timer = null; }
    const batch = pending;
    pending = [];
    writing = writing.then(() => recordQueued(deps.db, batch)).catch(async (err) => {
      deps.log.error({ err, count: batch.length }, 'could not record queued messages; they are resolved by their status webhooks');
      await Promise.all(batch.map((b) => releaseMessages(deps.db, b.orgId, [b.id], deps.config.dispatch.reconcileWindowMs).catch(() => undefined)));
    });
    await writing;
  };
  return {
    add(orgId, id, wamid) {
      pending.push({ orgId, id, wamid });
      if (pending.length >= 200) void flush();
      else timer ??= setTimeout(() => void flush(), 25);
    },
    flush,
  };
}
