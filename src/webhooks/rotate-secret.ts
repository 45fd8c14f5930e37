import { recordAudit, type AuditBy } from '../audit/record-audit.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../lib/app-error.ts';
import { sealEndpointSecret } from './endpoint-secret.ts';
import { generateSecret } from './signature.ts';
import { findEndpoint, rotateEndpointSecret } from './store.ts';

/**
 * Replaces an endpoint's secret. Until the overlap ends every delivery carries two signatures (new and
 * old), so the receiver can switch secrets whenever it likes within that time without missing one.
 */
export async function rotateSecret(deps: Deps, orgId: string, endpointId: string, overlapSeconds: number | undefined, by: AuditBy) {
  const overlap = overlapSeconds ?? deps.config.webhooks.rotationOverlapSeconds;
  const secret = generateSecret();
  const endpoint = await deps.db.transaction(async (tx) => {
    const current = await findEndpoint(tx, orgId, endpointId);
    if (!current) throw new AppError('not_found', { message: 'No such webhook endpoint.' });
    const rotated = await rotateEndpointSecret(tx, orgId, endpointId, sealEndpointSecret(deps.sealer, orgId, endpointId, secret), current.secret_enc, overlap);
    await recordAudit(tx, { orgId, action: 'webhook_endpoint.secret_rotated', actor: by.actor, requestId: by.requestId, subject: endpointId, detail: { overlap_seconds: overlap } });
    return rotated;
  });
  return { endpoint: endpoint!, secret };
}
