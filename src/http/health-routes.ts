import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps.ts';
import { sql } from '../db/sql.ts';

export type ReadinessCheck = { name: string; check(): Promise<void> };

/** /healthz: the process is alive. /readyz: it can serve, i.e. its database (and Redis, when used) answer. */
export function healthRoutes(deps: Deps, extraChecks: ReadinessCheck[]) {
  return async (app: FastifyInstance) => {
    app.get('/healthz', { schema: { tags: ['Operations'], summary: 'Liveness' } }, async () => ({ status: 'ok' }));
    app.get('/readyz', { schema: { tags: ['Operations'], summary: 'Readiness: database and Redis reachable' } }, async (_request, reply) => {
      const checks = [{ name: 'database', check: async () => { await deps.db.query(sql`SELECT 1`); } }, ...extraChecks];
      const results = await Promise.all(checks.map(async (c) => {
        try {
          await c.check();
          return [c.name, 'ok'] as const;
        } catch {
          return [c.name, 'unavailable'] as const;
        }
      }));
      const ready = results.every(([, state]) => state === 'ok');
      return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'unavailable', checks: Object.fromEntries(results) });
    });
  };
}
