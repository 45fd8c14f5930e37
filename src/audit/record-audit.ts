import type { FastifyRequest } from 'fastify';
import { canonicalJson, GENESIS_HASH } from '../contacts/consent-ledger.ts';
import type { Db } from '../db/db.ts';
import { sql } from '../db/sql.ts';
import { sha256Hex } from '../lib/secrets.ts';

/**
 * The audit log: who changed what, append-only and hash-chained per organization and for the platform's
 * operators (AUP 4, 5 and 7; issue 8 item 7). The chain design is the consent ledger's (decision 0008): each
 * chain has a head row that an append locks for the rest of its transaction, seq has no gaps, and the hash covers
 * a digest of the detail. See docs/decisions/0018-audit-log.md.
 */

/** Every action the log knows, and what it means. Enforcement and case actions are the ones issue 8 will use. */
export const AUDIT_ACTIONS = {
  'organization.created': 'an organization signed up',
  'user.added': 'a user became a member of the organization (detail: role)',
  'operator.created': 'a platform operator account was created (operator chain)',
  'api_key.created': 'an API key was created (detail: name, mode, scopes, hint — never the key or its hash)',
  'api_key.revoked': 'an API key was revoked',
  'api_key.allow_list_changed': 'an API key\'s IP allow-list was set or cleared (detail: the CIDRs, or null for any source)',
  'policy.accepted': 'the organization accepted a version of the Acceptable Use Policy (explicitly, or by continued use)',
  'policy.published': 'an operator published a policy version (operator chain); the organization was told of it (its chain)',
  'consent.recorded': 'consent records were appended through the API: one entry per call, with counts and contact ids',
  'contact.erased': 'a contact\'s personal data was erased',
  'template.created': 'a template was created (as a draft)',
  'template.submitted': 'a template was sent to Meta for review',
  'template.edited': 'a template was changed (a draft, or a submitted one sent back to review)',
  'template.edit_refused': 'Meta refused an edit, which was undone',
  'template.deleted': 'a template was deleted (or a draft whose submission Meta refused was removed)',
  'webhook_endpoint.created': 'a webhook endpoint was registered (detail: URL without query or credentials, event types)',
  'webhook_endpoint.secret_rotated': 'a webhook endpoint\'s signing secret was replaced',
  'webhook_endpoint.deleted': 'a webhook endpoint was deleted',
  // The enforcement ladder (AUP 4): each transition, in the organization's chain, actor `system:enforcement` or an operator.
  'enforcement.warned': 'the organization was warned (detail: clause, signals, thresholds)',
  'enforcement.restricted': 'the organization was restricted',
  'enforcement.suspended': 'the organization was suspended (detail: until, clause)',
  'enforcement.reinstated': 'a restriction or suspension ended (lifted by an operator, by an appeal, or when it expired)',
  'enforcement.terminated': 'the organization was terminated',
  'enforcement.appealed': 'the organization appealed an enforcement step',
  'enforcement.appeal_decided': 'an operator decided an appeal (detail: upheld or overturned, reason)',
  // Violation reports and investigations (AUP 5): in the reported organization's chain and the operator chain.
  'report.received': 'a violation report was filed (detail: report id, category, clause — nothing of the reporter); operator chain, and the reported organization\'s',
  'report.outcome_recorded': 'an operator recorded a report\'s outcome and the reporter was written to (the outcome text only in the operator chain)',
  'case.opened': 'a case was opened (from a report, a signal, or by an operator)',
  'case.report_added': 'a further report about the same organization or number joined its open case (decision 0025)',
  'case.assigned': 'a case was assigned to an operator',
  'case.note_added': 'an operator added a note to a case',
  'case.action_taken': 'an operator took an enforcement step from a case',
  'case.resolved': 'a case was resolved (detail: outcome)',
  'case.evidence_exported': 'an evidence bundle was exported (detail: manifest digest)',
  'operator.accessed_tenant_data': 'an operator read tenant data (detail: what, why — the case id)',
  // Dashboard sessions (decision 0026): in the chain of the organization the session acts for (the operator chain for
  // an operator's, or when there is none); failed sign-ins in the operator chain, never with what was typed.
  'session.signed_in': 'a user signed in to the dashboard (detail: address)',
  'session.sign_in_failed': 'a dashboard sign-in was refused: unknown email or wrong password (operator chain; detail: reason, address)',
  'session.signed_out': 'a user signed out of the dashboard',
  'session.organization_switched': 'a dashboard session switched to act for this organization',
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

/** The operator chain's key: entries about the platform itself (org_id NULL). */
export const OPERATOR_CHAIN = 'operator';

/** Who acted, and under which request: what a use case is given so its entry names them. */
export type AuditBy = { actor: string; requestId?: string | undefined };

export type AuditEntry = {
  /** The organization whose chain records it; null for the operator chain. */
  orgId: string | null;
  action: AuditAction;
  /** `api_key:<id>`, `user:<id>`, `operator:<id>`, `system:<what>`, `cli`. */
  actor: string;
  /** The resource acted on (a key id, a template id, `policy:v2`…). */
  subject?: string | null;
  /** What changed, as JSON: ids, counts, names — never a secret, a key hash or a token (refused). */
  detail?: Record<string, unknown>;
  requestId?: string | null | undefined;
  at?: Date;
};

export type AuditRow = {
  chain: string;
  seq: string;
  org_id: string | null;
  action: string;
  actor: string;
  subject: string | null;
  detail: Record<string, unknown>;
  detail_digest: string;
  request_id: string | null;
  recorded_at: Date;
  prev_hash: string;
  hash: string;
};

const ACTOR = /^(?:(?:api_key|user|operator|system):[A-Za-z0-9_.:-]+|cli|customer)$/;
// Belt and braces behind "never pass a secret": field names that hold secrets, and values shaped like our secrets
// (API keys, webhook signing secrets, password hashes). A hit is a bug at the call site, so it throws.
const SECRET_FIELD = /^(?:secret|password|token|key_hash|api_key|authorization|access_token|app_secret|verify_token|.*_secret|.*_token|.*password.*)$/i;
const SECRET_VALUE = /xp_(?:live|test)_[0-9A-Za-z]{20,}|whsec_[A-Za-z0-9+/=]{16,}|scrypt\$\d+\$/;

export function chainOf(orgId: string | null): string {
  return orgId ?? OPERATOR_CHAIN;
}

export function detailDigest(detail: Record<string, unknown>): string {
  return sha256Hex(canonicalJson(detail));
}

type Hashable = Pick<AuditRow, 'chain' | 'org_id' | 'action' | 'actor' | 'subject' | 'detail_digest' | 'request_id' | 'prev_hash'> & {
  seq: string | number | bigint;
  recorded_at: Date;
};

export function auditHash(r: Hashable): string {
  return sha256Hex(`${r.prev_hash}\n${canonicalJson({
    chain: r.chain, org_id: r.org_id, seq: String(r.seq), action: r.action, actor: r.actor, subject: r.subject,
    detail_digest: r.detail_digest, request_id: r.request_id, recorded_at: r.recorded_at.toISOString(),
  })}`);
}

/**
 * Appends one entry to its chain, in the transaction `tx` (it opens one if given the pool). Call it last in the
 * transaction that makes the change: the entry commits with the change or not at all, and the chain head stays
 * locked only until that commit — taking it last keeps the lock order the same for every writer.
 */
export async function recordAudit(tx: Db, entry: AuditEntry): Promise<AuditRow> {
  return (await recordAudits(tx, [entry]))[0]!;
}

/** Several entries, possibly in several chains, in one transaction: heads locked in chain order (no deadlock between two batches). */
export function recordAudits(db: Db, entries: AuditEntry[]): Promise<AuditRow[]> {
  if (entries.length === 0) return Promise.resolve([]);
  for (const e of entries) assertRecordable(e);
  return db.transaction(async (tx) => {
    const heads = await lockAuditChains(tx, entries.map((e) => e.orgId));
    const rows = entries.map((e): AuditRow => {
      const chain = chainOf(e.orgId);
      const head = heads.get(chain)!;
      head.seq += 1n;
      const detail = e.detail ?? {};
      const row: AuditRow = {
        chain, seq: String(head.seq), org_id: e.orgId, action: e.action, actor: e.actor, subject: e.subject ?? null, detail,
        detail_digest: detailDigest(detail), request_id: e.requestId ?? null,
        // Milliseconds: what a timestamptz keeps of a JavaScript date exactly, so the hash reads back the same.
        recorded_at: new Date(Math.floor((e.at ?? new Date()).getTime())), prev_hash: head.hash, hash: '',
      };
      row.hash = auditHash(row);
      head.hash = row.hash;
      return row;
    });
    const col = <K extends keyof AuditRow>(k: K) => rows.map((r) => r[k]);
    await tx.query(sql`
      INSERT INTO audit_log (chain, seq, org_id, action, actor, subject, detail, detail_digest, request_id, recorded_at, prev_hash, hash)
      SELECT v.chain, v.seq, v.org_id, v.action, v.actor, v.subject, v.detail::jsonb, v.detail_digest, v.request_id, v.recorded_at, v.prev_hash, v.hash
      FROM unnest(${col('chain')}::text[], ${col('seq')}::bigint[], ${col('org_id')}::text[], ${col('action')}::text[], ${col('actor')}::text[],
        ${col('subject')}::text[], ${rows.map((r) => JSON.stringify(r.detail))}::text[], ${col('detail_digest')}::text[], ${col('request_id')}::text[],
        ${rows.map((r) => r.recorded_at.toISOString())}::timestamptz[], ${col('prev_hash')}::text[], ${col('hash')}::text[])
        AS v(chain, seq, org_id, action, actor, subject, detail, detail_digest, request_id, recorded_at, prev_hash, hash)`);
    const moved = [...heads.entries()];
    await tx.query(sql`
      UPDATE audit_chain_heads h SET seq = v.seq, hash = v.hash
      FROM unnest(${moved.map(([c]) => c)}::text[], ${moved.map(([, h]) => String(h.seq))}::bigint[], ${moved.map(([, h]) => h.hash)}::text[]) AS v(chain, seq, hash)
      WHERE h.chain = v.chain`);
    return rows;
  });
}

/**
 * Locks the heads of these chains (null: the operator chain) until the transaction ends, in the one order every
 * writer keeps: the operator chain first, then organizations' chains by id (decision 0023). recordAudits takes
 * its heads this way; a transaction that appends to several chains in separate steps — a case action, whose
 * transition appends to the organization's chain before the case's own entries — calls it first, so it never
 * holds an organization's head while waiting for the operator's.
 */
export async function lockAuditChains(tx: Db, orgIds: (string | null)[]): Promise<Map<string, { seq: bigint; hash: string }>> {
  const chains = [...new Set(orgIds.map(chainOf))].sort(compareChains);
  await tx.query(sql`
    INSERT INTO audit_chain_heads (chain, seq, hash) SELECT c, 0, ${GENESIS_HASH} FROM unnest(${chains}::text[]) AS c
    ON CONFLICT (chain) DO NOTHING`);
  const heads = new Map<string, { seq: bigint; hash: string }>();
  // One statement per head, in order: a single `FOR UPDATE` over several rows does not promise the order it locks them in.
  for (const chain of chains) {
    const [h] = await tx.query<{ seq: string; hash: string }>(sql`SELECT seq::text AS seq, hash FROM audit_chain_heads WHERE chain = ${chain} FOR UPDATE`);
    heads.set(chain, { seq: BigInt(h!.seq), hash: h!.hash });
  }
  return heads;
}

/** The operator chain before every organization's, organizations' chains by id. */
export function compareChains(a: string, b: string): number {
  if (a === b) return 0;
  if (a === OPERATOR_CHAIN) return -1;
  if (b === OPERATOR_CHAIN) return 1;
  return a < b ? -1 : 1;
}

function assertRecordable(e: AuditEntry): void {
  if (!ACTOR.test(e.actor)) throw new Error(`audit: "${e.actor}" is not an actor (api_key:<id>, user:<id>, operator:<id>, system:<what>, cli)`);
  if (!(e.action in AUDIT_ACTIONS)) throw new Error(`audit: unknown action "${e.action}"`);
  const found = secretIn(e.detail ?? {}, 'detail');
  if (found) throw new Error(`audit: ${found} looks like a secret; audit entries never carry one`);
}

function secretIn(value: unknown, path: string): string | null {
  if (typeof value === 'string') return SECRET_VALUE.test(value) ? path : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [k, v] of Object.entries(value)) {
    if (!Array.isArray(value) && SECRET_FIELD.test(k)) return `${path}.${k}`;
    const inner = secretIn(v, `${path}.${k}`);
    if (inner) return inner;
  }
  return null;
}

/** The actor and request of an API call: its key, or the member whose dashboard session made it. */
export function auditByRequest(request: FastifyRequest): AuditBy {
  return { actor: request.auth?.actor ?? 'system:unauthenticated', requestId: request.id };
}

/** A URL as the log keeps it: no credentials, query or fragment (where people put tokens). */
export function urlForAudit(url: string): string {
  if (!URL.canParse(url)) return '(not a URL)';
  const u = new URL(url);
  return `${u.protocol}//${u.host}${u.pathname}`;
}
