import { createHash, randomBytes } from 'node:crypto';
import type { Sealer } from '../lib/secrets.ts';
import { constantTimeEqual } from '../lib/secrets.ts';

/**
 * Proof of work against floods of reports (decision 0020): the platform hands out a signed challenge —
 * `expiry.bits.nonce.signature`, HMAC'd under a key derived from the master key — and a report must bring a
 * counter such that sha256(challenge + counter) starts with `bits` zero bits. Issuing costs one HMAC and no
 * storage; checking costs one HMAC and one hash; finding a counter costs the sender 2^bits hashes on average.
 * Each challenge buys one report (spent in the database, see store.ts).
 */
export const POW_BITS = 18;
export const CHALLENGE_TTL_MS = 2 * 60 * 60 * 1000;
const CONTEXT = 'violation-report-pow';
const COUNTER = /^\d{1,15}$/;

export type Challenge = { challenge: string; bits: number; expiresAt: Date };

export function issueChallenge(sealer: Sealer, now: Date, bits = POW_BITS): Challenge {
  const expiresAt = new Date(now.getTime() + CHALLENGE_TTL_MS);
  const head = `${Math.floor(expiresAt.getTime() / 1000)}.${bits}.${randomBytes(16).toString('base64url')}`;
  return { challenge: `${head}.${sealer.digest(head, CONTEXT)}`, bits, expiresAt };
}

export type ProofCheck =
  | { ok: true; nonce: string; expiresAt: Date }
  | { ok: false; reason: 'missing' | 'malformed' | 'forged' | 'expired' | 'too_easy' | 'insufficient' };

/** Checks a challenge and its counter; spending it (one report per challenge) is the caller's, in its transaction. */
export function checkProofOfWork(sealer: Sealer, challenge: unknown, counter: unknown, now: Date): ProofCheck {
  if (challenge === undefined || challenge === null || challenge === '' || counter === undefined || counter === null || counter === '') return { ok: false, reason: 'missing' };
  if (typeof challenge !== 'string' || challenge.length > 200 || typeof counter !== 'string' || !COUNTER.test(counter)) return { ok: false, reason: 'malformed' };
  const parts = challenge.split('.');
  if (parts.length !== 4 || !/^\d{1,12}$/.test(parts[0]!) || !/^\d{1,2}$/.test(parts[1]!)) return { ok: false, reason: 'malformed' };
  const [expiry, bits, nonce, signature] = parts as [string, string, string, string];
  if (!constantTimeEqual(signature, sealer.digest(`${expiry}.${bits}.${nonce}`, CONTEXT))) return { ok: false, reason: 'forged' };
  const expiresAt = new Date(Number(expiry) * 1000);
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
  // Only challenges at the current difficulty: lowering POW_BITS is a deploy, not something a client can ask for.
  if (Number(bits) < POW_BITS) return { ok: false, reason: 'too_easy' };
  if (leadingZeroBits(createHash('sha256').update(challenge + counter).digest()) < Number(bits)) return { ok: false, reason: 'insufficient' };
  return { ok: true, nonce, expiresAt };
}

export function leadingZeroBits(digest: Uint8Array): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

/** What a client does (documented with the challenge endpoint; the tests file reports with it). */
export function solveChallenge(challenge: string, bits: number): string {
  for (let counter = 0; ; counter++) {
    if (leadingZeroBits(createHash('sha256').update(challenge + counter).digest()) >= bits) return String(counter);
  }
}
