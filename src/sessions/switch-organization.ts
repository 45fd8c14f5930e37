import { recordAudit } from '../audit/record-audit.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../lib/app-error.ts';
import { membershipsOfUserUnscoped } from '../tenancy/store.ts';
import { setSessionOrganization, type SessionRow } from './store.ts';

/**
 * Makes the session act for another of its user's organizations. One the user is not a member of (or a terminated
 * one) answers as if it did not exist.
 */
export async function switchOrganization(deps: Deps, session: SessionRow, orgId: string, requestId: string): Promise<void> {
  const memberships = await membershipsOfUserUnscoped(deps.db, session.user_id);
  const target = memberships.find((m) => m.org_id === orgId);
  if (!target) throw new AppError('not_found', { message: 'No such organization.' });
  await deps.db.transaction(async (tx) => {
    await setSessionOrganization(tx, session.id, orgId);
    await recordAudit(tx, { orgId, action: 'session.organization_switched', actor: `user:${session.user_id}`, subject: session.id, detail: { role: target.role }, requestId });
  });
}
