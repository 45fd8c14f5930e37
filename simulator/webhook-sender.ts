// Delivers Meta-style webhooks: serialised with non-ASCII escaped as \uXXXX (as Meta does), signed
// over those exact bytes, retried on non-2xx or connection errors with a compressed backoff.

import { request } from 'undici';
import { signPayload } from '../src/whatsapp/verify-signature.ts';
import type { WebhookEnvelope } from '../src/whatsapp/webhook-types.ts';
import { newHex } from './ids.ts';
import { schedule, type SimState, type WebhookLogEntry } from './state.ts';

export type Logger = {
  debug: (obj: object, msg?: string) => void;
  warn: (obj: object, msg?: string) => void;
};

export type WebhookLabel = { field: string; event: string; wamid?: string };

export type WebhookSender = {
  /** Queues one envelope; resolves once delivered or given up (tests rarely need to await it). */
  send(envelope: WebhookEnvelope, label: WebhookLabel): void;
};

/** JSON with every non-ASCII UTF-16 unit escaped, the way Meta's payloads arrive. */
export function serialiseLikeMeta(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (ch) => '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0'));
}

export function createWebhookSender(state: SimState, logger: Logger): WebhookSender {
  function send(envelope: WebhookEnvelope, label: WebhookLabel): void {
    deliver(envelope, label);
    if (Math.random() < state.config.statusQuirks.duplicate_rate) {
      schedule(state, 5, () => deliver(envelope, label));
    }
  }

  function deliver(envelope: WebhookEnvelope, label: WebhookLabel): void {
    const entry: WebhookLogEntry = {
      id: newHex(8), ...label, attempts: 0, delivered: false, created_at: new Date().toISOString(), payload: envelope,
    };
    state.webhookLog.push(entry);
    if (state.webhookLog.length > state.config.maxLogEntries) state.webhookLog.shift();
    const bytes = Buffer.from(serialiseLikeMeta(envelope), 'utf8');
    void attempt(entry, bytes);
  }

  async function attempt(entry: WebhookLogEntry, bytes: Buffer): Promise<void> {
    const { webhookUrl, appSecret, webhookRetry } = state.config;
    entry.attempts += 1;
    try {
      if (!webhookUrl) throw new Error('no webhook URL configured');
      const response = await request(webhookUrl, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Hub-Signature-256': signPayload(bytes, appSecret),
          'User-Agent': 'facebookexternalua',
        },
        body: bytes,
        signal: AbortSignal.timeout(webhookRetry.timeoutMs),
      });
      await response.body.dump();
      entry.last_http_status = response.statusCode;
      entry.last_error = undefined;
      if (response.statusCode >= 200 && response.statusCode < 300) {
        entry.delivered = true;
        return;
      }
    } catch (err) {
      entry.last_error = err instanceof Error ? err.message : String(err);
    }
    if (entry.attempts >= webhookRetry.attempts) {
      logger.warn({ webhook: entry.id, event: entry.event, attempts: entry.attempts }, 'webhook delivery abandoned');
      return;
    }
    const delay = webhookRetry.baseDelayMs * 2 ** (entry.attempts - 1);
    logger.debug({ webhook: entry.id, status: entry.last_http_status, error: entry.last_error, delay }, 'webhook retry scheduled');
    schedule(state, delay, () => void attempt(entry, bytes));
  }

  return { send };
}
