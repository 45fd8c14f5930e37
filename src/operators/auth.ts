import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/db.ts';
import type { AuthenticationFailed } from '../http/auth.ts';
import { AppError } from '../lib/app-error.ts';
import { authenticateOperator, type OperatorContext } from './operator-keys.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route is the operators' (`/v1/operator/*`): only an operator key (`xp_op_…`) opens it, never a tenant's. */
    operator?: boolean;
  }
  interface FastifyRequest {
    operator: OperatorContext | null;
  }
}

/**
 * Authenticates `Authorization: Bearer xp_op_…` on every route marked `operator: true`. A tenant key, however
 * privileged, is refused like an unknown key, and every failure counts against the address like a tenant's
 * (AUP 3.6: the failed-authentication blocks).
 */
export function registerOperatorAuth(app: FastifyInstance, db: Db, failed: AuthenticationFailed = async () => new AppError('unauthorized')): void {
  app.decorateRequest('operator', null);
  app.addHook('onRequest', async (request, reply) => {
    if (!request.routeOptions.config.operator) return;
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    const presented = match?.[1] ?? null;
    const operator = presented ? await authenticateOperator(db, presented) : null;
    if (!operator) {
      const answer = await failed(request, reply, presented);
      throw answer.code === 'unauthorized' ? new AppError('unauthorized', { message: 'An operator API key (xp_op_…) is required.' }) : answer;
    }
    request.operator = operator;
  });
}

/** The operator of an operator route (the hook guarantees one). */
export function operatorOf(request: FastifyRequest): OperatorContext {
  if (!request.operator) throw new AppError('unauthorized');
  return request.operator;
}

export function operatorActor(request: FastifyRequest): string {
  return `operator:${operatorOf(request).userId}`;
}
