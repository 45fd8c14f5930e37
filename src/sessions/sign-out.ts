import { recordAudit } from '../audit/record-audit.ts';
import type { Deps } from '../deps.ts';
import type { SessionRow } from './store.ts';
import { revokeSessionRow } from './store.ts';

/** Ends a session: its cookie is refused from the next request on, in every process (sessions are not cached). */
export async function signOut(deps: Deps, session: SessionRow, requestId: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    await revokeSessionRow(tx, session.id, deps.clock.now());
    await recordAudit(tx, { orgId: session.role ? session.org_id : null, action: 'session.signed_out', actor: `user:${session.user_id}`, subject: session.id, requestId });
  });
}
