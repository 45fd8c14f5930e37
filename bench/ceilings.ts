// The floor under each figure: a bare Fastify server in the same process, on the same database,
// with nothing of the platform on its routes. What it does in a second, the platform cannot beat.

import Fastify, { type FastifyInstance } from 'fastify';
import type { Db } from '../src/db/db.ts';

/**
 * The send route's request-body schema, wherever this version of the platform keeps it (it moved between
 * versions), so the ceiling validates exactly what POST /v1/messages validates.
 */
async function sendRouteBodySchema(): Promise<object> {
  const candidates: [string, string][] = [['../src/messaging/message-schema.ts', 'messageBody'], ['../src/messaging/schemas.ts', 'sendMessageBody']];
  for (const [path, name] of candidates) {
    try {
      const module = (await import(new URL(path, import.meta.url).href)) as Record<string, unknown>;
      if (module[name] && typeof module[name] === 'object') return module[name];
    } catch { /* not in this version */ }
  }
  throw new Error('the send route\'s body schema was not found (bench/ceilings.ts looks in src/messaging)');
}

export type CeilingServer = { url: string; app: FastifyInstance; stop(): Promise<void> };

/**
 * POST /echo            — the send route's JSON schema, echoes the body.
 * POST /insert          — the same, plus one INSERT into the platform's database (same Db, same pool).
 * POST /select-insert   — the same, but a SELECT by primary key first: two round trips, as a send makes once its
 *                         API key is cached (the send context, then the insert).
 * POST /raw             — raw-bytes body (as the webhook route reads it), answers {received: true}.
 */
export async function startCeilingServer(db: Db): Promise<CeilingServer> {
  await db.exec(`CREATE TABLE IF NOT EXISTS bench_ceiling (id bigserial PRIMARY KEY, body jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);
  const sendMessageBody = await sendRouteBodySchema();
  const app = Fastify({ logger: false });
  app.post('/echo', { schema: { body: sendMessageBody } }, async (request) => request.body);
  app.post('/insert', { schema: { body: sendMessageBody } }, async (request, reply) => {
    await db.queryRaw('INSERT INTO bench_ceiling (body) VALUES ($1::jsonb)', [JSON.stringify(request.body)]);
    return reply.status(202).send(request.body);
  });
  app.post('/select-insert', { schema: { body: sendMessageBody } }, async (request, reply) => {
    await db.queryRaw('SELECT id FROM bench_ceiling WHERE id = $1', [Math.floor(Math.random() * 1e6)]);
    await db.queryRaw('INSERT INTO bench_ceiling (body) VALUES ($1::jsonb)', [JSON.stringify(request.body)]);
    return reply.status(202).send(request.body);
  });
  await app.register(async (scope) => {
    scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    scope.post('/raw', async () => ({ received: true }));
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url, app, stop: () => app.close() };
}
