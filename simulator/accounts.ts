// Accounts (WABAs and their numbers) and run-time configuration of the simulator.

import { request } from 'undici';
import type { ThroughputLevel } from '../src/whatsapp/account-types.ts';
import { newHex, newNumericId } from './ids.ts';
import { isTakenId, type SimPhoneNumber, type SimState, type SimWaba, type SimulatorConfig } from './state.ts';
import { helloWorld } from './templates.ts';

export type NewPhoneNumber = {
  id?: string;
  display_phone_number?: string;
  verified_name?: string;
  waba_id?: string;
  throughput_level?: ThroughputLevel;
  quality_rating?: SimPhoneNumber['quality_rating'];
  whatsapp_business_manager_messaging_limit?: string;
};

/** A new WABA starts with Meta's APPROVED hello_world template. */
export function addWaba(state: SimState, id?: string): SimWaba {
  const wabaId = id ?? newNumericId((candidate) => isTakenId(state, candidate));
  const waba: SimWaba = { id: wabaId, templates: new Map() };
  state.wabas.set(wabaId, waba);
  const template = helloWorld(wabaId, newNumericId((candidate) => isTakenId(state, candidate)));
  waba.templates.set(template.id, template);
  return waba;
}

/** Adds a number, under a fresh WABA unless `waba_id` names an existing one. */
export function addPhoneNumber(state: SimState, input: NewPhoneNumber): SimPhoneNumber {
  const waba = (input.waba_id ? state.wabas.get(input.waba_id) : undefined) ?? addWaba(state, input.waba_id);
  const id = input.id ?? newNumericId((candidate) => isTakenId(state, candidate));
  const number: SimPhoneNumber = {
    id,
    waba_id: waba.id,
    display_phone_number: input.display_phone_number ?? freshDisplayNumber(state),
    verified_name: input.verified_name ?? `Xpecto Test ${state.phoneNumbers.size + 1}`,
    quality_rating: input.quality_rating ?? 'GREEN',
    code_verification_status: 'VERIFIED',
    platform_type: 'CLOUD_API',
    name_status: 'APPROVED',
    account_mode: 'LIVE',
    status: 'CONNECTED',
    throughput: { level: input.throughput_level ?? 'STANDARD' },
    whatsapp_business_manager_messaging_limit: input.whatsapp_business_manager_messaging_limit ?? 'TIER_2K',
  };
  state.phoneNumbers.set(id, number);
  return number;
}

function freshDisplayNumber(state: SimState): string {
  const taken = new Set([...state.phoneNumbers.values()].map((n) => n.display_phone_number.replace(/\D/g, '')));
  for (let n = 1; ; n++) {
    const line = String(1000 + n).slice(-4);
    const digits = `1555079${line}`;
    if (!taken.has(digits)) return `+1 555-079-${line}`;
  }
}

type Patch = Record<string, unknown>;

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isObj = (v: unknown): v is Patch => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Applies a PUT /_sim/config body; returns a problem description or null. */
export function applyConfigPatch(state: SimState, body: Patch): string | null {
  const config: SimulatorConfig = structuredClone(state.config);
  const url = body.webhookUrl ?? body.webhook_url;
  if (url !== undefined) {
    if (url !== null && (typeof url !== 'string' || !/^https?:\/\//.test(url))) return 'webhookUrl must be an http(s) URL or null';
    config.webhookUrl = url ?? undefined;
  }
  const numbers = (key: string, target: Record<string, number>) => {
    const patch = body[key];
    if (patch === undefined) return null;
    if (!isObj(patch)) return `${key} must be an object`;
    for (const [field, value] of Object.entries(patch)) {
      if (!(field in target)) return `${key}.${field} is not a setting`;
      if (!isNum(value)) return `${key}.${field} must be a non-negative number`;
      target[field] = value;
    }
    return null;
  };
  const problem = numbers('statusDelaysMs', config.statusDelaysMs) ?? numbers('webhookRetry', config.webhookRetry);
  if (problem) return problem;
  if (body.throughput !== undefined) {
    if (body.throughput === false) config.throughput = false;
    else if (isNum(body.throughput)) config.throughput = { STANDARD: body.throughput, HIGH: body.throughput };
    else if (isObj(body.throughput)) {
      const base = config.throughput || { STANDARD: 80, HIGH: 1000 };
      const next = { ...base };
      const p = numbers('throughput', next);
      if (p) return p;
      config.throughput = next;
    } else return 'throughput must be false, a number or {STANDARD, HIGH}';
  }
  if (body.pairRateLimit !== undefined) {
    const p = body.pairRateLimit;
    if (p === false) config.pairRateLimit = false;
    else if (isObj(p) && isNum(p.perSeconds) && p.perSeconds > 0 && isNum(p.burst) && p.burst >= 1) {
      config.pairRateLimit = { perSeconds: p.perSeconds, burst: p.burst };
    } else return 'pairRateLimit must be false or {perSeconds > 0, burst >= 1}';
  }
  if (body.templateReviewDelayMs !== undefined) {
    if (!isNum(body.templateReviewDelayMs)) return 'templateReviewDelayMs must be a non-negative number';
    config.templateReviewDelayMs = body.templateReviewDelayMs;
  }
  if (body.statusQuirks !== undefined) {
    if (!isObj(body.statusQuirks)) return 'statusQuirks must be an object';
    const q = body.statusQuirks;
    if (q.duplicate_rate !== undefined) {
      if (!isNum(q.duplicate_rate) || q.duplicate_rate > 1) return 'statusQuirks.duplicate_rate must be between 0 and 1';
      config.statusQuirks.duplicate_rate = q.duplicate_rate;
    }
    for (const flag of ['read_without_delivered', 'out_of_order'] as const) {
      if (q[flag] !== undefined) {
        if (typeof q[flag] !== 'boolean') return `statusQuirks.${flag} must be a boolean`;
        config.statusQuirks[flag] = q[flag];
      }
    }
  }
  if (body.maxLogEntries !== undefined) {
    if (!isNum(body.maxLogEntries) || body.maxLogEntries < 1) return 'maxLogEntries must be a positive number';
    config.maxLogEntries = body.maxLogEntries;
  }
  state.config = config;
  return null;
}

/** Meta's GET subscription handshake against the configured webhook URL (§3.1). */
export async function checkWebhookHandshake(state: SimState): Promise<{ ok: boolean; http_status?: number; error?: string }> {
  const { webhookUrl, verifyToken } = state.config;
  if (!webhookUrl) return { ok: false, error: 'no webhook URL configured' };
  const challenge = newHex(8);
  const url = new URL(webhookUrl);
  url.searchParams.set('hub.mode', 'subscribe');
  url.searchParams.set('hub.verify_token', verifyToken);
  url.searchParams.set('hub.challenge', challenge);
  try {
    const response = await request(url, { method: 'GET', signal: AbortSignal.timeout(state.config.webhookRetry.timeoutMs) });
    const text = await response.body.text();
    return { ok: response.statusCode === 200 && text === challenge, http_status: response.statusCode };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}
