import type { Deps } from '../deps.ts';
import { openAccessToken } from '../phone-numbers/credentials.ts';
import { findSendingCredentials } from '../phone-numbers/store.ts';
import { CloudApiError, CloudApiUnreachableError } from '../whatsapp/client.ts';
import { classifyCloudApiError } from '../whatsapp/error-codes.ts';
import {
  claimDueMessagesUnscoped, insertStatusEvent, markQueued, releaseClaim, scheduleRetry, setStatus,
  type ClaimedMessage, type MessageError,
} from './store.ts';

export type Dispatcher = { wake(): void; stop(): Promise<void> };

/**
 * The dispatch loop: claim due outbox rows, hand each to the Cloud API, record what came back.
 * Runs in every process with the worker role; rows are leased, so several loops can share one database.
 */
export function startDispatcher(deps: Deps): Dispatcher {
  let running = true;
  let wakeUp: (() => void) | null = null;
  const sleep = (ms: number) => new Promise<void>((resolve) => {
    const timer = setTimeout(() => { wakeUp = null; resolve(); }, ms);
    wakeUp = () => { clearTimeout(timer); wakeUp = null; resolve(); };
  });

  const loop = (async () => {
    while (running) {
      let claimed: ClaimedMessage[] = [];
      try {
        claimed = await claimDueMessagesUnscoped(deps.db, deps.config.dispatch.batchSize, deps.config.dispatch.leaseSeconds);
        // Sequential within a batch for now; per-number pacing and parallelism come with the dispatch engine.
        for (const [i, message] of claimed.entries()) {
          if (!running) {
            // Stopping: the send in flight has finished; hand the rest back rather than hold them to the lease.
            for (const rest of claimed.slice(i)) await releaseClaim(deps.db, rest.org_id, rest.id);
            break;
          }
          await dispatchMessage(deps, message);
        }
      } catch (error) {
        deps.log.error({ err: error }, 'dispatch loop error');
      }
      if (running && claimed.length < deps.config.dispatch.batchSize) await sleep(deps.config.dispatch.idleMs);
    }
  })();

  return {
    wake: () => wakeUp?.(),
    async stop() {
      running = false;
      wakeUp?.();
      await loop; // the send in flight finishes; the rest of the batch is released
    },
  };
}

export async function dispatchMessage(deps: Deps, message: ClaimedMessage): Promise<void> {
  const { org_id: orgId, id } = message;
  const creds = await findSendingCredentials(deps.db, orgId, message.phone_number_id);
  if (!creds) {
    await fail(deps, message, { code: 0, title: 'Sender removed', message: 'The sending phone number is no longer connected.' });
    return;
  }
  const token = openAccessToken(deps.sealer, orgId, creds.account_id, creds.access_token_enc);
  try {
    const response = await deps.cloudApi.sendMessage(token, creds.phone_number_id, {
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: message.counterpart.replace(/^\+/, ''),
      type: message.type,
      ...message.content,
      // Our id rides along and comes back in every status webhook: the key for reconciling unknown outcomes.
      biz_opaque_callback_data: id,
    } as Parameters<typeof deps.cloudApi.sendMessage>[2]);
    const wamid = response.messages[0]?.id;
    if (!wamid) throw new Error('Cloud API answered without a message id');
    await deps.db.transaction(async (tx) => {
      await markQueued(tx, orgId, id, wamid);
      await insertStatusEvent(tx, orgId, { messageId: id, status: 'queued', occurredAt: deps.clock.now(), source: 'dispatch', detail: { wamid } });
    });
  } catch (error) {
    await handleSendError(deps, message, error);
  }
}

async function handleSendError(deps: Deps, message: ClaimedMessage, error: unknown) {
  if (error instanceof CloudApiError) {
    const rule = classifyCloudApiError(error.code, error.isTransient);
    const detail: MessageError = { code: error.code, title: rule.name, message: rule.explanation, ...(error.details ? { details: error.details } : {}) };
    if ((rule.action === 'retry' || rule.action === 'retry_recipient') && message.attempts < deps.config.dispatch.maxAttempts) {
      await scheduleRetry(deps.db, message.org_id, message.id, backoffMs(message.attempts, rule.action), detail);
      return;
    }
    if (rule.action === 'pause_number') {
      deps.log.error({ orgId: message.org_id, phoneNumberId: message.phone_number_id, code: error.code }, 'account-level Cloud API error');
    }
    await fail(deps, message, detail);
    return;
  }
  if (error instanceof CloudApiUnreachableError && message.attempts < deps.config.dispatch.maxAttempts) {
    // A timeout leaves the outcome unknown and Meta has no idempotency key: a retry may duplicate.
    // Reconciliation through biz_opaque_callback_data arrives with the dispatch engine.
    await scheduleRetry(deps.db, message.org_id, message.id, backoffMs(message.attempts, 'retry'), {
      code: 0, title: 'Cloud API unreachable', message: `The Cloud API did not answer (${error.kind}); retrying.`,
    });
    return;
  }
  deps.log.error({ err: error, orgId: message.org_id, messageId: message.id }, 'dispatch failed unexpectedly');
  await releaseClaim(deps.db, message.org_id, message.id);
}

async function fail(deps: Deps, message: ClaimedMessage, detail: MessageError) {
  await deps.db.transaction(async (tx) => {
    await setStatus(tx, message.org_id, message.id, 'failed', detail);
    await insertStatusEvent(tx, message.org_id, { messageId: message.id, status: 'failed', occurredAt: deps.clock.now(), source: 'dispatch', detail });
  });
}

/** Exponential backoff with full jitter; a recipient's pair limit waits at least Meta's 6 seconds. */
export function backoffMs(attempt: number, action: 'retry' | 'retry_recipient'): number {
  const ceiling = Math.min(300_000, 1000 * 2 ** Math.max(0, attempt - 1));
  const jittered = Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
  return action === 'retry_recipient' ? Math.max(6000, jittered) : jittered;
}
