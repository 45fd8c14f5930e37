import { recordAudits, type AuditEntry } from '../audit/record-audit.ts';
import type { Deps } from '../deps.ts';
import { newId } from '../lib/ids.ts';
import { hashPassword, randomToken, sha256Hex, verifyPassword } from '../lib/secrets.ts';
import { findUserByEmailUnscoped, membershipsOfUserUnscoped, type Membership } from '../tenancy/store.ts';
import { csrfTokenOf } from './csrf.ts';
import { viewOf, type SessionView } from './describe-session.ts';
import { deleteEndedSessions, insertSession, memberOfTerminatedUnscoped } from './store.ts';
import { AppError } from '../lib/app-error.ts';

export type SignInInput = { email: string; password: string; ip: string; userAgent: string | null; requestId: string };

// Compared against when the email is unknown, so that answer takes as long as a wrong password (no user enumeration).
let dummyHash: Promise<string> | null = null;

/**
 * Signs a user in to the dashboard: checks the password (scrypt), opens a session acting for their first
 * organization that is not terminated (none for an operator without one), and records it. Null for a wrong email or
 * password — the same null, recorded in the operator chain; the caller counts it as a failed authentication.
 */
export async function signIn(deps: Deps, input: SignInInput): Promise<{ token: string; view: SessionView } | null> {
  const user = await findUserByEmailUnscoped(deps.db, input.email);
  dummyHash ??= hashPassword(randomToken(16));
  const valid = await verifyPassword(input.password, user?.password_hash ?? (await dummyHash));
  if (!user || !valid) {
    await recordAudits(deps.db, [{
      orgId: null, action: 'session.sign_in_failed', actor: 'system:unauthenticated', subject: user?.id ?? null,
      detail: { reason: user ? 'wrong_password' : 'unknown_email', address: input.ip }, requestId: input.requestId,
    }]);
    return null;
  }
  const memberships = await membershipsOfUserUnscoped(deps.db, user.id);
  const org = firstOrganization(memberships);
  // Termination refuses logins (AUP 4): a member whose only organizations were terminated is not signed in to an
  // empty dashboard but told why. (An operator still reaches the console; a member of no organization yet signs in.)
  if (!org && !user.is_operator && (await memberOfTerminatedUnscoped(deps.db, user.id))) {
    await recordAudits(deps.db, [{
      orgId: null, action: 'session.sign_in_failed', actor: `user:${user.id}`, subject: user.id,
      detail: { reason: 'organization_terminated', address: input.ip }, requestId: input.requestId,
    }]);
    throw new AppError('account_suspended', {
      message: 'Your organization was terminated under the Acceptable Use Policy: its members can no longer sign in.',
      details: { state: 'terminated', until: null, clause: '4' }, policyClause: '4',
    });
  }
  const token = randomToken(32);
  const now = deps.clock.now();
  const session = { id: newId('session'), expiresAt: new Date(now.getTime() + deps.config.sessions.maxAgeMs) };
  await deps.db.transaction(async (tx) => {
    await deleteEndedSessions(tx, user.id, now, new Date(now.getTime() - deps.config.sessions.idleTimeoutMs));
    await insertSession(tx, {
      id: session.id, tokenHash: sha256Hex(token), userId: user.id, orgId: org?.org_id ?? null, ip: input.ip,
      userAgent: input.userAgent?.slice(0, 512) ?? null, now, expiresAt: session.expiresAt,
    });
    const entry = { action: 'session.signed_in', actor: `user:${user.id}`, subject: session.id, detail: { address: input.ip }, requestId: input.requestId } as const;
    const chains: AuditEntry[] = [];
    if (org) chains.push({ ...entry, orgId: org.org_id });
    if (user.is_operator || !org) chains.push({ ...entry, orgId: null });
    await recordAudits(tx, chains);
  });
  const subject = { userId: user.id, email: user.email, name: user.name, isOperator: user.is_operator, orgId: org?.org_id ?? null, expiresAt: session.expiresAt };
  return { token, view: viewOf(subject, memberships, csrfTokenOf(deps.sealer, token)) };
}

/** An active organization before a suspended one (which can still read its standing and appeal). */
function firstOrganization(memberships: Membership[]): Membership | undefined {
  return memberships.find((m) => m.status === 'active') ?? memberships[0];
}
