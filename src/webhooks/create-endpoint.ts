import { recordAudit, urlForAudit, type AuditBy } from '../audit/record-audit.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../lib/app-error.ts';
import { newId } from '../lib/ids.ts';
import { checkOutboundUrl } from '../lib/ssrf.ts';
import { sealEndpointSecret } from './endpoint-secret.ts';
import { generateSecret } from './signature.ts';
import { insertEndpoint } from './store.ts';

export type CreateEndpointInput = { url: string; event_types: string[]; description?: string };

/**
 * Registers a customer endpoint with a fresh `whsec_` secret, returned this once and stored sealed.
 * The URL is checked now (so a mistake shows at once) and again before every request (DNS can change).
 */
export async function createEndpoint(deps: Deps, orgId: string, input: CreateEndpointInput, by: AuditBy) {
  await assertUrlAllowed(deps, input.url);
  const id = newId('webhookEndpoint');
  const secret = generateSecret();
  const endpoint = await deps.db.transaction(async (tx) => {
    const row = (await insertEndpoint(tx, orgId, {
      id,
      url: input.url,
      description: input.description ?? '',
      eventTypes: [...new Set(input.event_types)],
      secretEnc: sealEndpointSecret(deps.sealer, orgId, id, secret),
    }))!;
    // Never the secret; the URL without its query, where receivers sometimes put a token.
    await recordAudit(tx, { orgId, action: 'webhook_endpoint.created', actor: by.actor, requestId: by.requestId, subject: id, detail: { url: urlForAudit(row.url), event_types: row.event_types } });
    return row;
  });
  return { endpoint, secret };
}

export async function assertUrlAllowed(deps: Deps, url: string): Promise<void> {
  const checked = await checkOutboundUrl(url, deps.config.outbound);
  if (!checked.ok) throw new AppError('webhook_url_not_allowed', { details: { reason: checked.reason } });
}
