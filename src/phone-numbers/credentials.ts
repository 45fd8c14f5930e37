import type { Sealer } from '../lib/secrets.ts';

// The associated data binds each sealed secret to its row: copied elsewhere, it no longer opens.
const context = (orgId: string, accountId: string, column: string) => `${orgId}/whatsapp_accounts/${accountId}/${column}`;

export function sealAccessToken(sealer: Sealer, orgId: string, accountId: string, token: string) {
  return sealer.seal(token, context(orgId, accountId, 'access_token'));
}

export function openAccessToken(sealer: Sealer, orgId: string, accountId: string, sealed: string) {
  return sealer.open(sealed, context(orgId, accountId, 'access_token'));
}

export function sealAppSecret(sealer: Sealer, orgId: string, accountId: string, secret: string) {
  return sealer.seal(secret, context(orgId, accountId, 'app_secret'));
}

export function openAppSecret(sealer: Sealer, orgId: string, accountId: string, sealed: string) {
  return sealer.open(sealed, context(orgId, accountId, 'app_secret'));
}
