// The simulator's in-memory world. It stands in for Meta, so it keeps Meta's state (accounts,
// templates, media, what was accepted) and the scripted customers — never the platform's data.

import type { MessageTemplate, PhoneNumberInfo, ThroughputLevel } from '../src/whatsapp/account-types.ts';
import type { AsyncError } from '../src/whatsapp/types.ts';
import type { DeliveryStatus } from '../src/whatsapp/webhook-types.ts';

export type StatusDelays = { sent: number; delivered: number; read: number };

/** Delivery quirks Meta is known for (§3.5, §3.7), off by default. */
export type StatusQuirks = {
  /** Probability 0..1 that a webhook is delivered twice. */
  duplicate_rate: number;
  /** Send `read` without `delivered`, as Meta does when both happen at once. */
  read_without_delivered: boolean;
  /** Send `read` before `delivered`. */
  out_of_order: boolean;
};

export type SimulatorConfig = {
  accessToken: string;
  appSecret: string;
  verifyToken: string;
  webhookUrl: string | undefined;
  apiVersion: string;
  statusDelaysMs: StatusDelays;
  webhookRetry: { baseDelayMs: number; attempts: number; timeoutMs: number };
  /** Messages per second per number by throughput level; false disables the bucket. */
  throughput: { STANDARD: number; HIGH: number } | false;
  /** Business number → same customer: one message per `perSeconds`, `burst` in a row; false disables. */
  pairRateLimit: { perSeconds: number; burst: number } | false;
  templateReviewDelayMs: number;
  statusQuirks: StatusQuirks;
  /** Oldest sends and webhook log entries are dropped beyond this, so load tests stay bounded. */
  maxLogEntries: number;
};

export type SimPhoneNumber = Required<Pick<PhoneNumberInfo,
  'id' | 'display_phone_number' | 'verified_name' | 'quality_rating' | 'code_verification_status' | 'platform_type' |
  'name_status' | 'account_mode' | 'status' | 'whatsapp_business_manager_messaging_limit'>> & {
  throughput: { level: ThroughputLevel };
  waba_id: string;
};

export type SimTemplate = MessageTemplate & {
  waba_id: string;
  created_at: number;
  /** The author let the review re-file it under the right category instead of rejecting it. */
  allow_category_change?: boolean;
  /** Pauses for low quality so far: the first pauses 3 h, the second 6 h, the third disables (§4.6). */
  pause_count?: number;
  /** Times (ms) of edits made while approved: once per 24 h, 10 per 30 days (§4.4). */
  edits?: number[];
  /** The second (Unix) of the last status webhook about it. */
  last_status_second?: number;
};

export type SimWaba = { id: string; templates: Map<string, SimTemplate> };

export type SimCustomer = {
  digits: string;
  blocked: boolean;
  unreachable: boolean;
  marketing_stopped: boolean;
  auto_read: boolean;
  /** phone_number_id → time (ms) of the customer's last inbound message: the 24 h window. */
  lastInboundAt: Map<string, number>;
};

export type EmittedStatus = { status: DeliveryStatus; at: string; errors?: AsyncError[] };

export type SimSend = {
  wamid: string;
  phone_number_id: string;
  to: string;
  type: string;
  body: unknown;
  time: string;
  statuses: EmittedStatus[];
};

export type SimMedia = {
  id: string;
  phone_number_id: string;
  mime_type: string;
  sha256: string;
  bytes: Buffer;
  filename: string;
  created_at: number;
};

export type SimFault = {
  id: string;
  match: { path?: string; phone_number_id?: string };
  latency_ms?: number;
  http_status?: number;
  error_code?: number;
  timeout?: boolean;
  drop_response?: boolean;
  rate: number;
  /** Remaining applications; undefined = forever. */
  count?: number;
  applied: number;
};

export type WebhookLogEntry = {
  id: string;
  field: string;
  event: string;
  wamid?: string;
  attempts: number;
  last_http_status?: number;
  last_error?: string;
  delivered: boolean;
  created_at: string;
  payload: unknown;
};

export type TokenBucket = { tokens: number; updatedAt: number };

export type SimState = {
  config: SimulatorConfig;
  wabas: Map<string, SimWaba>;
  phoneNumbers: Map<string, SimPhoneNumber>;
  customers: Map<string, SimCustomer>;
  sends: Map<string, SimSend>;
  media: Map<string, SimMedia>;
  faults: SimFault[];
  webhookLog: WebhookLogEntry[];
  throughputBuckets: Map<string, TokenBucket>;
  pairBuckets: Map<string, TokenBucket>;
  timers: Set<NodeJS.Timeout>;
  defaultPhoneNumberId: string;
};

export function isTakenId(state: SimState, id: string): boolean {
  if (state.wabas.has(id) || state.phoneNumbers.has(id) || state.media.has(id)) return true;
  for (const waba of state.wabas.values()) if (waba.templates.has(id)) return true;
  return false;
}

/** setTimeout that reset() and stop() can cancel. */
export function schedule(state: SimState, delayMs: number, run: () => void): void {
  const timer = setTimeout(() => {
    state.timers.delete(timer);
    run();
  }, Math.max(0, delayMs));
  state.timers.add(timer);
}

export function clearTimers(state: SimState): void {
  for (const timer of state.timers) clearTimeout(timer);
  state.timers.clear();
}

/** Keeps a Map or array within `max` entries by dropping the oldest. */
export function trimMap<K, V>(map: Map<K, V>, max: number): void {
  while (map.size > max) {
    const oldest = map.keys().next();
    if (oldest.done) return;
    map.delete(oldest.value);
  }
}

/** Forgets customers, sends, media URLs, faults and the webhook log; accounts and templates stay. */
export function resetState(state: SimState): void {
  clearTimers(state);
  state.customers.clear();
  state.sends.clear();
  state.faults.length = 0;
  state.webhookLog.length = 0;
  state.throughputBuckets.clear();
  state.pairBuckets.clear();
}
