import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps.ts';
import { sql } from '../db/sql.ts';
import { clamdPing } from '../media/clamd.ts';

/** A check passes by returning, fails by throwing; 'disabled' names a dependency this deployment does not use. */
export type ReadinessCheck = { name: string; check(): Promise<void | 'disabled'> };

/**
 * /healthz: the process is alive. /readyz: it can serve, i.e. its database (and Redis, when used) answer, and
 * the malware scanner when one is configured: uploads are refused without it (decision 0016).
 */
export function healthRoutes(deps: Deps, extraChecks: ReadinessCheck[]) {
  const clamd = deps.config.clamd;
  return async (app: FastifyInstance) => {
    app.get('/healthz', { schema: { tags: ['Operations'], summary: 'Liveness' } }, async () => ({ status: 'ok' }));
    app.get('/readyz', { schema: { tags: ['Operations'], summary: 'Readiness: database, Redis (when used) and the malware scanner ("disabled" when not configured) reachable' } }, async (_request, reply) => {
      const checks: ReadinessCheck[] = [
        { name: 'database', check: async () => { await deps.db.query(sql`SELECT 1`); } },
        { name: 'malware_scanner', check: async () => (clamd ? clamdPing(clamd.target, clamd.pingTimeoutMs) : 'disabled') },
        ...extraChecks,
      ];
      const results = await Promise.all(checks.map(async (c) => {
        try {
          return [c.name, (await c.check()) ?? 'ok'] as const;
        } catch {
          return [c.name, 'unavailable'] as const;
        }
      }));
      const ready = results.every(([, state]) => state !== 'unavailable');
      return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'unavailable', checks: Object.fromEntries(results) });
    });
  };
}
