import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/db.ts';
import type { AuthenticationFailed } from '../http/auth.ts';
import { AppError } from '../lib/app-error.ts';
import { authenticateSession, type SessionDeps } from '../sessions/authenticate-session.ts';
import { sessionCookieOf } from '../sessions/cookie.ts';
import { requireCsrfToken } from '../sessions/csrf.ts';
import { authenticateOperator, type OperatorContext } from './operator-keys.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route is the operators' (`/v1/operator/*`): only an operator key (`xp_op_…`) or an operator's session opens it, never a tenant's. */
    operator?: boolean;
  }
  interface FastifyRequest {
    operator: OperatorContext | null;
  }
}

/**
 * Authenticates `Authorization: Bearer xp_op_…` on every route marked `operator: true`, or without one an operator's
 * dashboard session (decision 0026; its CSRF token on changes). A tenant key, however privileged, is refused like
 * an unknown key, and every failure counts against the address like a tenant's (AUP 3.6: the failed-authentication
 * blocks). A tenant member's session is refused without counting: it is a signed-in user, not a guess.
 */
export function registerOperatorAuth(
  app: FastifyInstance, db: Db, failed: AuthenticationFailed = async () => new AppError('unauthorized'), sessions?: SessionDeps,
): void {
  app.decorateRequest('operator', null);
  app.addHook('onRequest', async (request, reply) => {
    if (!request.routeOptions.config.operator) return;
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    const presented = match?.[1] ?? null;
    const cookie = presented === null && sessions ? sessionCookieOf(request) : null;
    const operator = presented
      ? await authenticateOperator(db, presented)
      : cookie ? await operatorOfSession(request, reply, sessions!, cookie, failed) : null;
    if (!operator) {
      const answer = await failed(request, reply, presented);
      throw answer.code === 'unauthorized' ? new AppError('unauthorized', { message: 'An operator API key (xp_op_…) or an operator\'s session is required.' }) : answer;
    }
    request.operator = operator;
  });
}

async function operatorOfSession(
  request: FastifyRequest, reply: FastifyReply, sessions: SessionDeps, token: string, failed: AuthenticationFailed,
): Promise<OperatorContext> {
  const found = await authenticateSession(sessions, token);
  if (found.state === 'unknown') throw await failed(request, reply, null);
  if (found.state === 'ended') throw new AppError('unauthorized', { message: 'The dashboard session has ended: sign in again.' });
  requireCsrfToken(request, sessions.sealer, token);
  // users.is_operator is read with the session on every request: an operator whose flag is removed stops at once.
  if (!found.session.is_operator) throw new AppError('insufficient_scope', { message: 'Only Xpecto\'s operators may use this route.' });
  return { userId: found.session.user_id, keyId: null, email: found.session.email };
}

/** The operator of an operator route (the hook guarantees one). */
export function operatorOf(request: FastifyRequest): OperatorContext {
  if (!request.operator) throw new AppError('unauthorized');
  return request.operator;
}

export function operatorActor(request: FastifyRequest): string {
  return `operator:${operatorOf(request).userId}`;
}
