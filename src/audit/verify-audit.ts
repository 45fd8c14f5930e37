import { GENESIS_HASH } from '../contacts/consent-ledger.ts';
import type { Db } from '../db/db.ts';
import { one } from '../db/db.ts';
import { sql } from '../db/sql.ts';
import { auditHash, detailDigest, type AuditRow } from './record-audit.ts';

export type AuditHead = { chain: string; seq: string; hash: string };

export type AuditVerification = {
  ok: boolean;
  chain: string;
  entries: number;
  /** The chain's latest seq and hash: keep them elsewhere, and pass them back as `anchor` later. */
  head: { seq: string; hash: string };
  /** The first entry that does not hold, and why. */
  broken: { seq: string; reason: string } | null;
  verified_at: string;
};

const VERIFY_BATCH = 5000;

/** The head as the database records it (seq 0 and the genesis hash before the first entry). */
export async function auditHead(db: Db, chain: string): Promise<AuditHead> {
  const head = await one<{ seq: string; hash: string }>(db, sql`SELECT seq::text AS seq, hash FROM audit_chain_heads WHERE chain = ${chain}`);
  return { chain, ...(head ?? { seq: '0', hash: GENESIS_HASH }) };
}

/**
 * Walks a chain from its first entry and recomputes every link: seq without gaps, each prev_hash against the entry
 * before, each hash from the entry's fields, each detail against its digest, and the last entry against the head.
 * With an `anchor` (a head kept outside the database earlier), the chain must also pass through it: that catches
 * a rewrite of the whole chain and its head from some entry on, which the chain alone cannot.
 */
export async function verifyAuditChain(db: Db, chain: string, anchor?: { seq: string; hash: string }): Promise<AuditVerification> {
  const { seq: headSeq, hash: headHash } = await auditHead(db, chain);
  const result = (broken: AuditVerification['broken'], entries: number): AuditVerification =>
    ({ ok: broken === null, chain, entries, head: { seq: headSeq, hash: headHash }, broken, verified_at: new Date().toISOString() });

  let expected = 1n;
  let prev = GENESIS_HASH;
  let anchorSeen = !anchor || anchor.seq === '0';
  if (anchor?.seq === '0' && anchor.hash !== GENESIS_HASH) return result({ seq: '0', reason: 'the kept head is not this chain\'s start' }, 0);
  for (;;) {
    const batch = await db.query<AuditRow>(sql`
      SELECT chain, seq::text AS seq, org_id, action, actor, subject, detail, detail_digest, request_id, recorded_at, prev_hash, hash
      FROM audit_log WHERE chain = ${chain} AND seq >= ${String(expected)}::bigint ORDER BY audit_log.seq LIMIT ${VERIFY_BATCH}`);
    for (const r of batch) {
      const count = Number(expected - 1n);
      if (BigInt(r.seq) !== expected) return result({ seq: String(expected), reason: `entry ${expected} is missing` }, count);
      if (r.prev_hash !== prev) return result({ seq: r.seq, reason: 'its link to the previous entry does not match' }, count);
      if (auditHash(r) !== r.hash) return result({ seq: r.seq, reason: 'its content does not match its hash' }, count);
      if (detailDigest(r.detail) !== r.detail_digest) return result({ seq: r.seq, reason: 'its detail does not match the digest in the chain' }, count);
      if (anchor && r.seq === anchor.seq) {
        if (r.hash !== anchor.hash) return result({ seq: r.seq, reason: 'the chain no longer passes through the kept head (rewritten from here or earlier)' }, count);
        anchorSeen = true;
      }
      prev = r.hash;
      expected += 1n;
    }
    if (batch.length < VERIFY_BATCH) break;
  }
  const count = Number(expected - 1n);
  const last = String(expected - 1n);
  if (BigInt(last) < BigInt(headSeq)) return result({ seq: headSeq, reason: `the chain ends at entry ${last}, before its recorded head (entries were removed)` }, count);
  if (BigInt(last) > BigInt(headSeq)) return result({ seq: last, reason: `the chain runs past its recorded head ${headSeq} (entries were added outside the log)` }, count);
  if (prev !== headHash) return result({ seq: headSeq, reason: 'the last entry does not match the recorded head' }, count);
  if (!anchorSeen) return result({ seq: anchor!.seq, reason: 'the chain is shorter than the kept head (entries were removed)' }, count);
  return result(null, count);
}
