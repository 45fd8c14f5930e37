import type { Deps } from '../deps.ts';
import { safeFetch } from '../lib/ssrf.ts';
import { recordAttempt, type AttemptRecord, type DueDelivery } from './delivery-store.ts';
import { disableEndpointAndNotify } from './disable-endpoint.ts';
import { openEndpointSecret } from './endpoint-secret.ts';
import { classifyStatus, retryDelayMs, shouldRetry, type AttemptOutcome } from './retry-schedule.ts';
import { signatureHeader } from './signature.ts';

const RESPONSE_EXCERPT_BYTES = 1024;

/** The delivered body: the same bytes on every attempt and replay, so `webhook-id` stays a true idempotency key. */
export function deliveryBody(d: Pick<DueDelivery, 'event_id' | 'event_type' | 'event_created_at' | 'payload' | 'sequence'>): string {
  const data = d.sequence === null ? d.payload : { ...d.payload, sequence: d.sequence };
  return JSON.stringify({ id: d.event_id, type: d.event_type, timestamp: d.event_created_at.toISOString(), data });
}

/** Secrets that sign now: the current one, and the previous one while its rotation overlap lasts. */
function signingSecrets(deps: Deps, d: DueDelivery, now: Date): string[] {
  const secrets = [openEndpointSecret(deps.sealer, d.org_id, d.endpoint_id, d.secret_enc)];
  if (d.previous_secret_enc && d.previous_secret_expires_at && d.previous_secret_expires_at > now) {
    secrets.push(openEndpointSecret(deps.sealer, d.org_id, d.endpoint_id, d.previous_secret_enc));
  }
  return secrets;
}

/**
 * One attempt of one delivery: sign, POST through the SSRF guard to the checked address, and record the
 * outcome with its timing. 2xx succeeds; 410 disables the endpoint; anything else (3xx included, since
 * redirects are never followed) is retried with backoff until the retry window has passed.
 */
export async function deliverOnce(deps: Deps, d: DueDelivery): Promise<void> {
  const config = deps.config.webhooks;
  if (d.endpoint_status !== 'active') {
    await record(deps, d, { statusCode: null, durationMs: 0, error: 'endpoint disabled', response: null, status: 'cancelled', nextAttemptAt: null, endpointOutcome: 'none' });
    return;
  }
  const now = deps.clock.now();
  const body = deliveryBody(d);
  const timestamp = Math.floor(now.getTime() / 1000);
  const started = performance.now();
  const result = await safeFetch(d.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'Xpecto-Webhooks/1',
      'webhook-id': d.event_id,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': signatureHeader(signingSecrets(deps, d, now), d.event_id, timestamp, body),
    },
    body,
    connectTimeoutMs: deps.config.outbound.connectTimeoutMs,
    timeoutMs: deps.config.outbound.timeoutMs,
    maxResponseBytes: RESPONSE_EXCERPT_BYTES,
  }, deps.config.outbound);
  const durationMs = Math.round(performance.now() - started);

  const outcome: AttemptOutcome = result.ok
    ? classifyStatus(result.status, headerOf(result.headers['retry-after']), now)
    : { kind: 'failure', retryAfterMs: null };
  const statusCode = result.ok ? result.status : null;
  const error = result.ok
    ? (outcome.kind === 'success' ? null : result.status >= 300 && result.status < 400 ? `redirect (${result.status}) not followed` : `HTTP ${result.status}`)
    : `${result.kind}: ${result.reason}`;
  // PostgreSQL text cannot hold NUL; a receiver's answer may.
  const response = result.ok ? result.body.toString('utf8').slice(0, RESPONSE_EXCERPT_BYTES).replaceAll('\u0000', '') : null;

  if (outcome.kind === 'success') {
    await record(deps, d, { statusCode, durationMs, error, response, status: 'succeeded', nextAttemptAt: null, endpointOutcome: 'success' });
    return;
  }
  if (outcome.kind === 'gone') {
    await record(deps, d, { statusCode, durationMs, error: 'HTTP 410: endpoint gone', response, status: 'failed', nextAttemptAt: null, endpointOutcome: 'failure' });
    await disableEndpointAndNotify(deps, d.org_id, d.endpoint_id, 'gone', { status_code: 410, delivery_id: d.id });
    return;
  }
  const retry = shouldRetry(d.created_at, now, config);
  const nextAttemptAt = retry ? new Date(now.getTime() + retryDelayMs(d.attempts, config, outcome.retryAfterMs)) : null;
  const failingSince = await record(deps, d, {
    statusCode, durationMs, error, response, status: retry ? 'pending' : 'failed', nextAttemptAt, endpointOutcome: 'failure',
  });
  if (failingSince && now.getTime() - failingSince.getTime() >= config.disableAfterSeconds * 1000) {
    await disableEndpointAndNotify(deps, d.org_id, d.endpoint_id, 'failing', { failing_since: failingSince.toISOString(), last_error: error });
  }
}

function record(deps: Deps, d: DueDelivery, r: Omit<AttemptRecord, 'attempt'>) {
  return recordAttempt(deps.db, d.org_id, d.id, d.endpoint_id, { ...r, attempt: d.attempts });
}

function headerOf(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
