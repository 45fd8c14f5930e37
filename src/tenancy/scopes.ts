// What an API key may do. A key carries a subset; routes name the one they need.
export const SCOPES = [
  'messages:write',
  'messages:read',
  'templates:write',
  'templates:read',
  'contacts:write',
  'contacts:read',
  'phone_numbers:write',
  'phone_numbers:read',
  'webhooks:write',
  'webhooks:read',
  // The organization's audit log and its verification (src/audit/).
  'audit:read',
  // Releasing or rejecting messages content screening held: never given by default, so a key that sends cannot
  // also wave its own held messages through.
  'compliance:review',
  // The organization's API keys: listing them (without secrets) and where each is used from; and changing a key's
  // IP allow-list, never given by default, so a leaked key cannot widen its own allow-list (decision 0021).
  'api_keys:read',
  'api_keys:write',
] as const;

export type Scope = (typeof SCOPES)[number];

/** What a key gets when its scopes are not named: everything but reviewing held content and changing keys. */
export const DEFAULT_SCOPES: readonly Scope[] = SCOPES.filter((s) => s !== 'compliance:review' && s !== 'api_keys:write');

export const ROLES = ['owner', 'admin', 'developer', 'agent', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}

/**
 * What a member's dashboard session may do, by role (decision 0026). Owners and admins everything; developers all but
 * reviewing held content (whoever builds the sending should not wave its own messages through); agents the inbox's
 * work; viewers every `:read` scope.
 */
export const ROLE_SCOPES: Record<Role, readonly Scope[]> = {
  owner: SCOPES,
  admin: SCOPES,
  developer: SCOPES.filter((s) => s !== 'compliance:review'),
  agent: ['messages:read', 'messages:write', 'contacts:read', 'contacts:write', 'templates:read', 'phone_numbers:read'],
  viewer: SCOPES.filter((s) => s.endsWith(':read')),
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
