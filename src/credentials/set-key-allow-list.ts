import { recordAudit, type AuditBy } from '../audit/record-audit.ts';
import type { Db } from '../db/db.ts';
import { AppError } from '../lib/app-error.ts';
import { parseCidrList } from './network.ts';
import { setAllowedCidrsRow } from './store.ts';

const MAX_CIDRS = 100;

/**
 * Sets a key's IP allow-list (CIDRs or single addresses; null or empty: any source). The key caches of every
 * process forget the key on the update's notification (migration 0019), so the list applies within milliseconds.
 */
export async function setKeyAllowList(db: Db, orgId: string, keyId: string, input: string[] | null, by: AuditBy) {
  const { cidrs, invalid } = parseCidrList(input ?? []);
  if (invalid.length > 0) {
    throw new AppError('validation_failed', { message: 'allowed_cidrs must list IPv4 or IPv6 CIDRs (or addresses).', details: invalid.map((value) => ({ path: 'body.allowed_cidrs', message: `"${value}" is not a CIDR` })) });
  }
  if (cidrs.length > MAX_CIDRS) throw new AppError('validation_failed', { message: `At most ${MAX_CIDRS} CIDRs per key.` });
  const allowed = cidrs.length > 0 ? cidrs : null;
  return db.transaction(async (tx) => {
    const row = await setAllowedCidrsRow(tx, orgId, keyId, allowed);
    if (!row) throw new AppError('not_found', { message: 'No such API key.' });
    await recordAudit(tx, { orgId, action: 'api_key.allow_list_changed', actor: by.actor, requestId: by.requestId, subject: keyId, detail: { name: row.name, allowed_cidrs: allowed } });
    return row;
  });
}
