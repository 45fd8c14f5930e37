import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError, ERRORS } from '../lib/app-error.ts';

type Violation = { path: string; message: string };

/** One error shape everywhere: {error:{code, message, details?, policy_clause?}}; internals hidden on 5xx. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.status).send({
        error: {
          code: error.code,
          message: error.message,
          ...(error.details !== undefined ? { details: error.details } : {}),
          ...(error.policyClause ? { policy_clause: error.policyClause } : {}),
        },
      });
    }
    if (error.validation) {
      const details: Violation[] = error.validation.map((v) => ({
        path: violationPath(error.validationContext ?? 'body', v.instancePath, v.params),
        message: v.message ?? 'is invalid',
      }));
      return reply.status(400).send({ error: { code: 'validation_failed', message: ERRORS.validation_failed.message, details } });
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.status(413).send({ error: { code: 'payload_too_large', message: ERRORS.payload_too_large.message } });
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.status(415).send({ error: { code: 'unsupported_media_type', message: ERRORS.unsupported_media_type.message } });
    }
    if (error.statusCode === 400) {
      // Malformed JSON and similar parser errors: the message is Fastify's own and safe to show.
      return reply.status(400).send({ error: { code: 'validation_failed', message: error.message } });
    }
    if (isDatabaseDown(error)) {
      request.log.error({ err: error }, 'database unavailable');
      return reply.status(503).header('retry-after', '5').send({ error: { code: 'service_unavailable', message: ERRORS.service_unavailable.message } });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'internal_error', message: ERRORS.internal_error.message } });
  });

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({ error: { code: 'not_found', message: `No route for ${request.method} ${request.url.split('?')[0]}` } });
  });
}

export function violationPath(context: string, instancePath: string, params: Record<string, unknown>): string {
  const base = context + instancePath.replace(/\//g, '.');
  const missing = params['missingProperty'] ?? params['additionalProperty'];
  return typeof missing === 'string' ? `${base}.${missing}` : base;
}

// Connection refused or reset, the server shutting down or starting up, a connection lost mid-query.
const DATABASE_DOWN_CODES = ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08003', '08006', '08001'];
const DATABASE_DOWN_MESSAGES = /Connection terminated|terminating connection|Client has encountered a connection error|the database system is (starting up|shutting down)/;

function isDatabaseDown(error: { code?: string; message?: string }): boolean {
  return DATABASE_DOWN_CODES.includes(error.code ?? '') || DATABASE_DOWN_MESSAGES.test(error.message ?? '');
}
