import type { Sealer } from '../lib/secrets.ts';

// Sealed with the endpoint as associated data: a secret copied onto another endpoint's row does not open.
// The previous secret keeps its ciphertext when a rotation moves it aside, so both share one context.
const context = (orgId: string, endpointId: string) => `${orgId}/webhook_endpoints/${endpointId}/secret`;

export function sealEndpointSecret(sealer: Sealer, orgId: string, endpointId: string, secret: string): string {
  return sealer.seal(secret, context(orgId, endpointId));
}

export function openEndpointSecret(sealer: Sealer, orgId: string, endpointId: string, sealed: string): string {
  return sealer.open(sealed, context(orgId, endpointId));
}
