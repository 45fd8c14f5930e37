// Token buckets for the two send limits Meta enforces synchronously: the number's throughput
// (130429) and the business→customer pair rate (131056). Both are per process, like Meta's answer.

import type { SimState, TokenBucket } from './state.ts';

/** Takes one token if available; refills `perSecond` tokens a second up to `capacity`. */
function take(buckets: Map<string, TokenBucket>, key: string, capacity: number, perSecond: number, now: number): boolean {
  const bucket = buckets.get(key) ?? { tokens: capacity, updatedAt: now };
  bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.updatedAt) / 1000) * perSecond);
  bucket.updatedAt = now;
  buckets.set(key, bucket);
  if (bucket.tokens < 1) return false;
  bucket.tokens -= 1;
  return true;
}

export function takeThroughput(state: SimState, phoneNumberId: string, now = Date.now()): boolean {
  const limits = state.config.throughput;
  const number = state.phoneNumbers.get(phoneNumberId);
  if (!limits || !number) return true;
  const mps = number.throughput.level === 'HIGH' ? limits.HIGH : limits.STANDARD;
  return take(state.throughputBuckets, phoneNumberId, mps, mps, now);
}

export function takePairRate(state: SimState, phoneNumberId: string, to: string, now = Date.now()): boolean {
  const limit = state.config.pairRateLimit;
  if (!limit) return true;
  return take(state.pairBuckets, `${phoneNumberId}:${to}`, limit.burst, 1 / limit.perSeconds, now);
}
