import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { KeyUsage } from '../credentials/key-usage.ts';
import type { Db } from '../db/db.ts';
import { AppError } from '../lib/app-error.ts';
import { authenticateSession, type SessionDeps } from '../sessions/authenticate-session.ts';
import { sessionCookieOf } from '../sessions/cookie.ts';
import { requireCsrfToken } from '../sessions/csrf.ts';
import { createApiKeyAuthenticator, suspendedError } from '../tenancy/api-key-cache.ts';
import type { AuthContext } from '../tenancy/api-keys.ts';
import { ROLE_SCOPES, type Scope } from '../tenancy/scopes.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The scope an API key needs for this route; `authenticated` takes any valid key (what every key may read,
     * such as the policy in force); routes without one are public.
     */
    scope?: Scope | 'authenticated';
    /** A suspended organization's keys still pass here: reading its standing and appealing (AUP 4). */
    allowSuspended?: boolean;
  }
  interface FastifyRequest {
    auth: AuthContext | null;
  }
}

/** What answers a failed authentication: the throttle counts it, may slow it down, and may answer 429 instead (AUP 3.6). */
export type AuthenticationFailed = (request: FastifyRequest, reply: FastifyReply, presented: string | null) => Promise<AppError>;

/**
 * Authenticates `Authorization: Bearer xp_…` on every route that declares a scope, before its body is read; without
 * one, a dashboard session's cookie (`sessions`, decision 0026). `usage` counts where each key is used from
 * (decision 0021).
 */
export function registerApiKeyAuth(
  app: FastifyInstance, db: Db, log: Logger, failed: AuthenticationFailed = async () => new AppError('unauthorized'), usage?: KeyUsage,
  sessions?: SessionDeps,
): void {
  const keys = createApiKeyAuthenticator(db, log, usage);
  app.addHook('onClose', () => keys.stop());
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request, reply) => {
    const scope = request.routeOptions.config.scope;
    if (!scope) return;
    const allowSuspended = request.routeOptions.config.allowSuspended === true;
    const presented = bearerToken(request);
    const cookie = presented === null && sessions ? sessionCookieOf(request) : null;
    let auth;
    try {
      auth = presented
        ? await keys.authenticate(presented, request.ip, (err) => request.log.warn({ err }, 'could not record key use'), { allowSuspended })
        : cookie ? await authenticateBySession(request, reply, sessions!, cookie, failed, allowSuspended) : null;
    } catch (error) {
      // Outside the key's allow-list: counted like a failed authentication, so hammering from outside is blocked too.
      if (!(error instanceof AppError) || error.code !== 'ip_not_allowed') throw error;
      const answer = await failed(request, reply, presented);
      throw answer.code === 'too_many_failed_authentications' ? answer : error;
    }
    if (!auth) throw await failed(request, reply, presented);
    if (scope !== 'authenticated' && !auth.scopes.includes(scope)) {
      const message = auth.keyId ? `This API key lacks the "${scope}" scope.` : `Your role in this organization does not give the "${scope}" scope.`;
      throw new AppError('insufficient_scope', { message, details: { required: scope } });
    }
    request.auth = auth;
  });
}

/**
 * A session acts for its organization with its member's role's scopes. A cookie no session ever had counts as a
 * failed authentication; an ended one does not — a tab left open past the idle timeout must not block its office's
 * address — and a guess at a ~190-bit token is hopeless anyway.
 */
async function authenticateBySession(
  request: FastifyRequest, reply: FastifyReply, sessions: SessionDeps, token: string, failed: AuthenticationFailed, allowSuspended: boolean,
): Promise<AuthContext> {
  const found = await authenticateSession(sessions, token);
  if (found.state === 'unknown') throw await failed(request, reply, null);
  if (found.state === 'ended') throw new AppError('unauthorized', { message: 'The dashboard session has ended: sign in again.' });
  const session = found.session;
  requireCsrfToken(request, sessions.sealer, token);
  if (!session.org_id) throw new AppError('unauthorized', { message: 'This session acts for no organization: choose one with POST /v1/session/organization.' });
  if (!session.role) throw new AppError('unauthorized', { message: 'You are no longer a member of this organization: choose another with POST /v1/session/organization.' });
  // As for keys: a suspended organization reads its standing and appeals; a terminated one nothing (AUP 4).
  if (session.org_status !== 'active' && !(allowSuspended && session.org_status === 'suspended')) {
    throw suspendedError({ org_status: session.org_status!, standing_until: session.standing_until, standing_clause: session.standing_clause });
  }
  return {
    orgId: session.org_id, keyId: null, userId: session.user_id, actor: `user:${session.user_id}`, mode: 'live',
    scopes: [...ROLE_SCOPES[session.role]], defaultCountry: session.default_country!, plan: session.plan!, standing: session.standing!,
  };
}

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1] ?? null;
}

/** The authenticated organization of a scoped route (the hook guarantees it is there). */
export function orgOf(request: FastifyRequest): string {
  return authOf(request).orgId;
}

export function authOf(request: FastifyRequest): AuthContext {
  if (!request.auth) throw new AppError('unauthorized');
  return request.auth;
}
