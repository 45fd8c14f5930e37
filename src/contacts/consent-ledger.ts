import type { Db } from '../db/db.ts';
import { one } from '../db/db.ts';
import { sql } from '../db/sql.ts';
import { newId } from '../lib/ids.ts';
import { sha256Hex } from '../lib/secrets.ts';

/**
 * The consent ledger: append-only records per contact and purpose, each hash-chained to the previous record
 * of its organization. The chain covers a digest of the proof rather than the proof, so erasing a contact can
 * blank its proof (recording that it did) without breaking the chain. See docs/decisions/0008.
 */

export const PURPOSES = ['marketing', 'utility', 'authentication'] as const;
export type Purpose = (typeof PURPOSES)[number];
/** A record's purpose: one of PURPOSES, or `all` (a full opt-in or opt-out). */
export type RecordPurpose = Purpose | 'all';
export type ConsentState = 'opted_in' | 'opted_out';

export const SOURCES = ['web_form', 'keyword', 'import', 'api', 'click_to_whatsapp', 'agent', 'button', 'meta_error', 'user_preference', 'double_opt_in', 'demo', 'erasure'] as const;
export type Source = (typeof SOURCES)[number];

export type ConsentProof = {
  /** The exact words the customer agreed to or sent. */
  text?: string;
  url?: string;
  ip?: string;
  user_agent?: string;
  import_id?: string;
  import_file?: string;
  import_row?: number;
  message_id?: string;
  wamid?: string;
  error_code?: number;
  [key: string]: unknown;
};

export type NewConsent = {
  contactId: string;
  purpose: RecordPurpose;
  state: ConsentState | 'erased';
  source: Source;
  proof: ConsentProof;
  /** Who recorded it: `api_key:<id>`, `user:<id>`, `customer` (their own message), `system:<what>`. */
  actor: string;
  /** When the consent was given, when that differs from when it is recorded (an import's captured_at). */
  capturedAt?: Date;
};

export type ConsentRecord = {
  org_id: string;
  seq: string;
  id: string;
  contact_id: string;
  purpose: RecordPurpose;
  state: ConsentState | 'erased';
  source: string;
  proof: ConsentProof;
  proof_digest: string;
  actor: string;
  recorded_at: Date;
  prev_hash: string;
  hash: string;
};

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level: the same value always serializes to the same bytes. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function proofDigest(proof: ConsentProof): string {
  return sha256Hex(canonicalJson(proof));
}

type Hashable = Pick<ConsentRecord, 'org_id' | 'id' | 'contact_id' | 'purpose' | 'state' | 'source' | 'proof_digest' | 'actor' | 'prev_hash'> & {
  seq: string | number | bigint;
  recorded_at: Date;
};

export function recordHash(r: Hashable): string {
  return sha256Hex(`${r.prev_hash}\n${canonicalJson({
    org_id: r.org_id, seq: String(r.seq), id: r.id, contact_id: r.contact_id, purpose: r.purpose, state: r.state,
    source: r.source, proof_digest: r.proof_digest, actor: r.actor, recorded_at: r.recorded_at.toISOString(),
  })}`);
}

/**
 * Appends records to the organization's chain, in the given order, and updates the derived current state.
 * Takes the chain head's lock for the rest of the transaction it runs in (it opens one if the caller did not),
 * so concurrent appends of one organization queue up and the chain stays a line.
 */
export function appendConsents(db: Db, orgId: string, records: NewConsent[], now: Date = new Date()): Promise<ConsentRecord[]> {
  if (records.length === 0) return Promise.resolve([]);
  return db.transaction(async (tx) => {
    await tx.query(sql`INSERT INTO consent_chain_heads (org_id, seq, hash) VALUES (${orgId}, 0, ${GENESIS_HASH}) ON CONFLICT (org_id) DO NOTHING`);
    const head = (await one<{ seq: string; hash: string }>(tx, sql`SELECT seq::text AS seq, hash FROM consent_chain_heads WHERE org_id = ${orgId} FOR UPDATE`))!;
    // Milliseconds: what a timestamptz keeps of a JavaScript date exactly, so the hash reads back the same.
    const recordedAt = new Date(Math.floor(now.getTime()));
    let seq = BigInt(head.seq);
    let prev = head.hash;
    const rows: ConsentRecord[] = records.map((r) => {
      seq += 1n;
      const proof = r.capturedAt ? { ...r.proof, captured_at: r.capturedAt.toISOString() } : r.proof;
      const row = {
        org_id: orgId, seq: String(seq), id: newId('consent'), contact_id: r.contactId, purpose: r.purpose, state: r.state,
        source: r.source, proof, proof_digest: proofDigest(proof), actor: r.actor, recorded_at: recordedAt, prev_hash: prev, hash: '',
      };
      row.hash = recordHash(row);
      prev = row.hash;
      return row;
    });
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) await insertRecords(tx, orgId, rows.slice(i, i + INSERT_CHUNK));
    await tx.query(sql`UPDATE consent_chain_heads SET seq = ${String(seq)}::bigint, hash = ${prev} WHERE org_id = ${orgId}`);
    return rows;
  });
}

const INSERT_CHUNK = 5000;

async function insertRecords(tx: Db, orgId: string, rows: ConsentRecord[]) {
  const col = <K extends keyof ConsentRecord>(k: K) => rows.map((r) => r[k]);
  await tx.query(sql`
    INSERT INTO consent_records (org_id, seq, id, contact_id, purpose, state, source, proof, proof_digest, actor, recorded_at, prev_hash, hash)
    SELECT ${orgId}, v.seq, v.id, v.contact_id, v.purpose, v.state, v.source, v.proof::jsonb, v.proof_digest, v.actor, v.recorded_at, v.prev_hash, v.hash
    FROM unnest(${col('seq')}::bigint[], ${col('id')}::text[], ${col('contact_id')}::text[], ${col('purpose')}::text[], ${col('state')}::text[],
      ${col('source')}::text[], ${rows.map((r) => JSON.stringify(r.proof))}::text[], ${col('proof_digest')}::text[], ${col('actor')}::text[],
      ${rows.map((r) => r.recorded_at.toISOString())}::timestamptz[], ${col('prev_hash')}::text[], ${col('hash')}::text[])
      AS v(seq, id, contact_id, purpose, state, source, proof, proof_digest, actor, recorded_at, prev_hash, hash)`);
  // The derived state: the latest opt-in or opt-out per contact and purpose (an erasure is not a state).
  const latest = new Map<string, ConsentRecord>();
  for (const r of rows) if (r.state !== 'erased') latest.set(`${r.contact_id}\u0000${r.purpose}`, r);
  const states = [...latest.values()];
  if (states.length === 0) return;
  const s = <K extends keyof ConsentRecord>(k: K) => states.map((r) => r[k]);
  await tx.query(sql`
    INSERT INTO consent_state (org_id, contact_id, purpose, state, record_id, seq, recorded_at)
    SELECT ${orgId}, v.contact_id, v.purpose, v.state, v.record_id, v.seq, v.recorded_at
    FROM unnest(${s('contact_id')}::text[], ${s('purpose')}::text[], ${s('state')}::text[], ${s('id')}::text[], ${s('seq')}::bigint[],
      ${states.map((r) => r.recorded_at.toISOString())}::timestamptz[]) AS v(contact_id, purpose, state, record_id, seq, recorded_at)
    ON CONFLICT (org_id, contact_id, purpose) DO UPDATE SET
      state = excluded.state, record_id = excluded.record_id, seq = excluded.seq, recorded_at = excluded.recorded_at
    WHERE consent_state.seq < excluded.seq`);
}

export type StateRow = { purpose: RecordPurpose; state: ConsentState; record_id: string; seq: string; recorded_at: Date };

/**
 * The consent that governs a message of this purpose: the latest record for the purpose itself or for `all`.
 * A marketing opt-out after a full opt-in blocks marketing only; a full opt-out after anything blocks all.
 */
export function effectiveConsent(states: StateRow[], purpose: Purpose): StateRow | null {
  let best: StateRow | null = null;
  for (const s of states) {
    if (s.purpose !== purpose && s.purpose !== 'all') continue;
    if (!best || BigInt(s.seq) > BigInt(best.seq)) best = s;
  }
  return best;
}

export function consentStates(db: Db, orgId: string, contactId: string) {
  return db.query<StateRow>(sql`
    SELECT purpose, state, record_id, seq::text AS seq, recorded_at FROM consent_state
    WHERE org_id = ${orgId} AND contact_id = ${contactId} ORDER BY purpose`);
}

export function consentHistory(db: Db, orgId: string, contactId: string, page: { limit: number; afterSeq?: string }) {
  return db.query<ConsentRecord>(sql`
    SELECT org_id, seq::text AS seq, id, contact_id, purpose, state, source, proof, proof_digest, actor, recorded_at, prev_hash, hash
    FROM consent_records WHERE org_id = ${orgId} AND contact_id = ${contactId}
      AND (${page.afterSeq ?? null}::bigint IS NULL OR seq < ${page.afterSeq ?? null}::bigint)
    ORDER BY consent_records.seq DESC LIMIT ${page.limit}`);
}

export type Verification = {
  ok: boolean;
  records: number;
  head: { seq: string; hash: string };
  /** The first record that does not hold, and why. */
  broken: { seq: string; id: string | null; reason: string } | null;
  verified_at: string;
};

const VERIFY_BATCH = 5000;

/**
 * Walks the organization's chain from the start and recomputes every link: each record's hash from its
 * fields, each prev_hash from the record before, the sequence without gaps, each proof against its digest
 * (unless the contact was erased later in the chain), and the head against the last record.
 */
export async function verifyLedger(db: Db, orgId: string): Promise<Verification> {
  const head = await one<{ seq: string; hash: string }>(db, sql`SELECT seq::text AS seq, hash FROM consent_chain_heads WHERE org_id = ${orgId}`)
    ?? { seq: '0', hash: GENESIS_HASH };
  const erased = new Map((await db.query<{ contact_id: string; seq: string }>(sql`
    SELECT contact_id, max(seq)::text AS seq FROM consent_records WHERE org_id = ${orgId} AND state = 'erased' GROUP BY contact_id`))
    .map((r) => [r.contact_id, BigInt(r.seq)]));
  const result = (broken: Verification['broken'], records: number): Verification =>
    ({ ok: broken === null, records, head, broken, verified_at: new Date().toISOString() });

  let expectedSeq = 1n;
  let prev = GENESIS_HASH;
  let count = 0;
  for (;;) {
    const batch = await db.query<ConsentRecord>(sql`
      SELECT org_id, seq::text AS seq, id, contact_id, purpose, state, source, proof, proof_digest, actor, recorded_at, prev_hash, hash
      FROM consent_records WHERE org_id = ${orgId} AND seq >= ${String(expectedSeq)}::bigint ORDER BY consent_records.seq LIMIT ${VERIFY_BATCH}`);
    for (const r of batch) {
      const at = { seq: r.seq, id: r.id };
      if (BigInt(r.seq) !== expectedSeq) return result({ seq: String(expectedSeq), id: null, reason: `record ${expectedSeq} is missing` }, count);
      if (r.prev_hash !== prev) return result({ ...at, reason: 'its link to the previous record does not match' }, count);
      if (recordHash(r) !== r.hash) return result({ ...at, reason: 'its content does not match its hash' }, count);
      const erasedAt = erased.get(r.contact_id);
      const proofKept = erasedAt === undefined || erasedAt < BigInt(r.seq);
      if (proofKept && proofDigest(r.proof) !== r.proof_digest) return result({ ...at, reason: 'its proof does not match the digest in the chain' }, count);
      prev = r.hash;
      expectedSeq += 1n;
      count += 1;
    }
    if (batch.length < VERIFY_BATCH) break;
  }
  if (String(expectedSeq - 1n) !== head.seq || prev !== head.hash) {
    return result({ seq: head.seq, id: null, reason: 'the chain ends before its recorded head (records were removed)' }, count);
  }
  return result(null, count);
}
