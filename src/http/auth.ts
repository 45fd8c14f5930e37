import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { KeyUsage } from '../credentials/key-usage.ts';
import type { Db } from '../db/db.ts';
import { AppError } from '../lib/app-error.ts';
import { createApiKeyAuthenticator } from '../tenancy/api-key-cache.ts';
import type { AuthContext } from '../tenancy/api-keys.ts';
import type { Scope } from '../tenancy/scopes.ts';

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
 * Authenticates `Authorization: Bearer xp_…` on every route that declares a scope, before its body is read.
 * `usage` counts where each key is used from (decision 0021).
 */
export function registerApiKeyAuth(
  app: FastifyInstance, db: Db, log: Logger, failed: AuthenticationFailed = async () => new AppError('unauthorized'), usage?: KeyUsage,
): void {
  const keys = createApiKeyAuthenticator(db, log, usage);
  app.addHook('onClose', () => keys.stop());
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request, reply) => {
    const scope = request.routeOptions.config.scope;
    if (!scope) return;
    const presented = bearerToken(request);
    let auth;
    try {
      auth = presented
        ? await keys.authenticate(presented, request.ip, (err) => request.log.warn({ err }, 'could not record key use'), { allowSuspended: request.routeOptions.config.allowSuspended === true })
        : null;
    } catch (error) {
      // Outside the key's allow-list: counted like a failed authentication, so hammering from outside is blocked too.
      if (!(error instanceof AppError) || error.code !== 'ip_not_allowed') throw error;
      const answer = await failed(request, reply, presented);
      throw answer.code === 'too_many_failed_authentications' ? answer : error;
    }
    if (!auth) throw await failed(request, reply, presented);
    if (scope !== 'authenticated' && !auth.scopes.includes(scope)) {
      throw new AppError('insufficient_scope', { message: `This API key lacks the "${scope}" scope.`, details: { required: scope } });
    }
    request.auth = auth;
  });
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
