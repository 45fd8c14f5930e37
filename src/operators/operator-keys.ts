import { recordAudit } from '../audit/record-audit.ts';
import type { Db } from '../db/db.ts';
import { one } from '../db/db.ts';
import { sql } from '../db/sql.ts';
import { AppError } from '../lib/app-error.ts';
import { newId } from '../lib/ids.ts';
import { randomToken, sha256Hex } from '../lib/secrets.ts';
import { findUserByEmailUnscoped } from '../tenancy/store.ts';

/** Operator keys have their own prefix, so a tenant key can never be mistaken for one (and the reverse). */
export const OPERATOR_KEY_PATTERN = /^xp_op_[0-9A-Za-z]{43}$/;

/** `keyId` is the operator key's; null when the operator's dashboard session authenticated (decision 0026). */
export type OperatorContext = { userId: string; keyId: string | null; email: string };

/**
 * A key for the operator API (`/v1/operator/*`), for an operator account (`xpecto admin create`). The secret is
 * returned once; only its SHA-256 is kept (~190 bits of entropy, as tenants' keys). Recorded in the operator chain.
 */
export async function createOperatorKey(db: Db, input: { email: string; name: string; actor: string }) {
  const user = await findUserByEmailUnscoped(db, input.email);
  if (!user) throw new AppError('not_found', { message: `No user "${input.email}": operator keys are for operator accounts (xpecto admin create).` });
  if (!user.is_operator) throw new AppError('validation_failed', { message: `"${input.email}" is not a platform operator: operator keys are for operator accounts (xpecto admin create).` });
  const secret = `xp_op_${randomToken(32)}`;
  const key = { id: newId('operatorKey'), hint: `xp_op_…${secret.slice(-4)}` };
  await db.transaction(async (tx) => {
    await tx.query(sql`
      INSERT INTO operator_api_keys (id, user_id, name, key_hash, hint) VALUES (${key.id}, ${user.id}, ${input.name}, ${sha256Hex(secret)}, ${key.hint})`);
    await recordAudit(tx, { orgId: null, action: 'api_key.created', actor: input.actor, subject: key.id, detail: { kind: 'operator', operator_id: user.id, name: input.name, hint: key.hint } });
  });
  return { id: key.id, userId: user.id, hint: key.hint, secret };
}

export async function revokeOperatorKey(db: Db, keyId: string, actor: string) {
  return db.transaction(async (tx) => {
    const row = await one<{ id: string; user_id: string }>(tx, sql`
      UPDATE operator_api_keys SET revoked_at = coalesce(revoked_at, now()) WHERE id = ${keyId} RETURNING id, user_id`);
    if (!row) throw new AppError('not_found', { message: 'No such operator key.' });
    await recordAudit(tx, { orgId: null, action: 'api_key.revoked', actor, subject: keyId, detail: { kind: 'operator', operator_id: row.user_id } });
    return row;
  });
}

/**
 * The operator behind a presented key, or null. Read from the database on every request: operator calls are few,
 * and a revoked key or an operator whose flag was removed must stop at once (no cache to invalidate).
 */
export async function authenticateOperator(db: Db, presented: string): Promise<OperatorContext | null> {
  if (!OPERATOR_KEY_PATTERN.test(presented)) return null;
  const row = await one<{ id: string; user_id: string; email: string }>(db, sql`
    UPDATE operator_api_keys k SET last_used_at = now() FROM users u
    WHERE k.key_hash = ${sha256Hex(presented)} AND k.revoked_at IS NULL AND u.id = k.user_id AND u.is_operator
    RETURNING k.id, k.user_id, u.email`);
  return row ? { userId: row.user_id, keyId: row.id, email: row.email } : null;
}
