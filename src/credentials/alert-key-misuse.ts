import { recordSignals } from '../contacts/consent-policy.ts';
import type { Db } from '../db/db.ts';
import { sql } from '../db/sql.ts';
import { newId } from '../lib/ids.ts';
import type { Finding } from './detect-misuse.ts';
import { claimKeyAlert, ownerEmails } from './store.ts';

const EVENT_KINDS = { credential_sharing: 'api_key.sharing_suspected', revoked_key_used: 'api_key.revoked_key_used' } as const;

/**
 * A finding becomes, once per key, kind and window: a compliance signal naming its clause, an account event, and
 * an email to the organization's owners and admins — in one transaction with the claim, so an alert is never half
 * sent and never sent twice. Returns whether this call alerted.
 */
export async function alertKeyMisuse(
  db: Db, key: { orgId: string; keyId: string; name: string; hint: string }, finding: Finding, at: Date, windowMs: number,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    if (!(await claimKeyAlert(tx, key.orgId, key.keyId, finding.kind, at, windowMs))) return false;
    const detail = { key_id: key.keyId, key_hint: key.hint, ...(finding.kind === 'credential_sharing' ? { reasons: finding.reasons } : {}), ...finding.detail };
    await recordSignals(tx, key.orgId, [{ kind: finding.kind, clause: finding.clause, detail }], at);
    await tx.query(sql`
      INSERT INTO account_events (org_id, id, kind, subject, detail, created_at)
      VALUES (${key.orgId}, ${newId('accountEvent')}, ${EVENT_KINDS[finding.kind]}, ${key.keyId}, ${JSON.stringify({ ...detail, policy_clause: finding.clause })}::jsonb, ${at})`);
    const recipients = await ownerEmails(tx, key.orgId);
    if (recipients.length > 0) {
      const { subject, body } = message(key, finding);
      await tx.query(sql`
        INSERT INTO email_outbox (id, org_id, to_address, subject, body, kind)
        SELECT v.id, ${key.orgId}, v.email, ${subject}, ${body}, 'credential_alert'
        FROM unnest(${recipients.map(() => newId('email'))}::text[], ${recipients}::text[]) AS v (id, email)`);
    }
    return true;
  });
}

function message(key: { keyId: string; name: string; hint: string }, finding: Finding): { subject: string; body: string } {
  const named = `"${key.name}" (${key.hint}, ${key.keyId})`;
  if (finding.kind === 'revoked_key_used') {
    return {
      subject: `A revoked Xpecto API key is still being used`,
      body: [
        `Someone tried to use the revoked API key ${named} ${String(finding.detail['attempts'])} time(s), from ${list(finding.detail['networks'])}.`,
        'The requests were refused. If one of your deployments still holds the old key, give it the new one; if not, the key left your hands.',
        'Acceptable Use Policy 3.4 (security).',
      ].join('\n\n'),
    };
  }
  const why: Record<string, string> = {
    many_networks: `it was used from ${String(finding.detail['network_count'])} networks in ${String(finding.detail['window_hours'])} hours (${list(finding.detail['networks'])})`,
    impossible_travel: 'it was used from two distant networks in different countries within minutes',
    new_network_after_rotation: 'right after it replaced a revoked key, it was used from a network none of your keys had used',
  };
  return {
    subject: `Your Xpecto API key ${key.hint} may be shared`,
    body: [
      `Your API key ${named} looks shared: ${finding.reasons.map((r) => why[r]).join('; ')}.`,
      'Sharing API credentials with third parties is not allowed (Acceptable Use Policy 3.6). If this is not you, revoke the key and create a new one; to bind a key to your own networks, set its IP allow-list (PATCH /v1/api-keys/{id} or xpecto keys allow-ips).',
      'This is a notice: nothing was blocked. It is recorded as a compliance signal of your organization.',
    ].join('\n\n'),
  };
}

function list(value: unknown): string {
  return Array.isArray(value) ? value.join(', ') : 'unknown networks';
}
