import { recordAudit, urlForAudit, type AuditBy } from '../audit/record-audit.ts';
import type { Deps } from '../deps.ts';
import { deleteEndpoint, findEndpoint } from './store.ts';

/** Deletes an endpoint and its delivery log, and audits it; false when there is no such endpoint. */
export function deleteWebhookEndpoint(deps: Deps, orgId: string, id: string, by: AuditBy): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    const endpoint = await findEndpoint(tx, orgId, id);
    if (!endpoint || !(await deleteEndpoint(tx, orgId, id))) return false;
    await recordAudit(tx, { orgId, action: 'webhook_endpoint.deleted', actor: by.actor, requestId: by.requestId, subject: id, detail: { url: urlForAudit(endpoint.url) } });
    return true;
  });
}
