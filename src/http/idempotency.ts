import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../deps.ts';
import { AppError } from '../lib/app-error.ts';
import { orgOf } from './auth.ts';
import { isFinalOutcome, MAX_KEY_LENGTH, parseIdempotencyKey, requestFingerprint } from './idempotency-key.ts';
import { completeKey, findKey, releaseKey, reserveKey, type IdempotencyKeyRow } from './idempotency-store.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Honour `Idempotency-Key` on this creating POST (docs/decisions/0006-idempotency-keys.md). */
    idempotent?: boolean;
  }
  interface FastifyRequest {
    /** The key this request reserved, until its response is stored or the key released. */
    idempotency: { orgId: string; key: string; token: string } | null;
  }
}

// Headers that belong to the response itself and are replayed with it; the rest (request id, rate
// limits) describe the request being answered now.
const REPLAYED_HEADERS = ['content-type', 'location'];
const REPLAYED_MARK = 'idempotent-replayed';
// The first request usually finishes well within a second; its reservation lapses after inFlightSeconds.
const RETRY_AFTER_SECONDS = '1';

type IdempotencyDeps = Pick<Deps, 'db' | 'sealer' | 'config'>;

/**
 * Adds Idempotency-Key handling to every route whose config says `idempotent: true`. Must be registered
 * before the routes (it hooks them as they are added). Requests without the header cost nothing.
 */
export function registerIdempotency(app: FastifyInstance, deps: IdempotencyDeps): void {
  app.decorateRequest('idempotency', null);
  const reserve = reserveOrAnswer(deps);
  const record = recordOutcome(deps);
  app.addHook('onRoute', (route) => {
    if (!route.config?.idempotent) return;
    if (route.method !== 'POST' || !route.config.scope) {
      throw new Error(`${String(route.method)} ${route.url}: only authenticated POST routes can be idempotent`);
    }
    // Last of the route's hooks: the key is reserved only once the request is authenticated and valid,
    // and the response is stored exactly as every other hook left it.
    route.preHandler = [...hookList(route.preHandler), reserve];
    route.onSend = [...hookList(route.onSend), record];
  });
}

function reserveOrAnswer(deps: IdempotencyDeps) {
  return async function reserveIdempotencyKey(request: FastifyRequest, reply: FastifyReply) {
    const header = request.headers['idempotency-key'];
    if (header === undefined) return;
    const parsed = parseIdempotencyKey(Array.isArray(header) ? header.join(', ') : header);
    if (!parsed.ok) throw new AppError('invalid_idempotency_key', { message: parsed.reason });
    const orgId = orgOf(request);
    const key = parsed.key;
    const fingerprint = requestFingerprint(request.method, request.url, request.body);
    const token = randomUUID();
    const reservation = {
      fingerprint, method: request.method, path: request.url, token,
      ttlHours: deps.config.idempotency.ttlHours, inFlightSeconds: deps.config.idempotency.inFlightSeconds,
    };
    // Twice at most: the row that beat us may be removed (released after a 5xx) before we read it.
    for (let attempt = 0; attempt < 2; attempt++) {
      if (await reserveKey(deps.db, orgId, key, reservation)) {
        request.idempotency = { orgId, key, token };
        return;
      }
      const existing = await findKey(deps.db, orgId, key);
      if (existing) return answerFromExisting(deps, reply, orgId, key, fingerprint, existing);
    }
    reply.header('retry-after', RETRY_AFTER_SECONDS);
    throw new AppError('idempotency_key_in_use');
  };
}

function answerFromExisting(
  deps: IdempotencyDeps, reply: FastifyReply, orgId: string, key: string, fingerprint: string, existing: IdempotencyKeyRow,
) {
  if (existing.fingerprint !== fingerprint) throw new AppError('idempotency_key_reused');
  if (existing.state === 'in_flight' || existing.response_status === null || existing.response_body === null) {
    reply.header('retry-after', RETRY_AFTER_SECONDS);
    throw new AppError('idempotency_key_in_use');
  }
  reply.status(existing.response_status);
  for (const [name, value] of Object.entries(existing.response_headers ?? {})) reply.header(name, value);
  reply.header(REPLAYED_MARK, 'true');
  // A string with a JSON content type is sent as is, byte for byte what the first client received.
  return reply.send(deps.sealer.open(existing.response_body, bodyContext(orgId, key)));
}

function recordOutcome(deps: IdempotencyDeps) {
  return async function storeIdempotentResponse(request: FastifyRequest, reply: FastifyReply, payload: unknown) {
    const held = request.idempotency;
    if (!held) return payload;
    request.idempotency = null;
    const body = payload === null || payload === undefined ? '' : typeof payload === 'string' ? payload : null;
    try {
      if (isFinalOutcome(reply.statusCode) && body !== null) {
        await completeKey(deps.db, held.orgId, held.key, held.token, {
          status: reply.statusCode,
          headers: replayedHeaders(reply),
          sealedBody: deps.sealer.seal(body, bodyContext(held.orgId, held.key)),
        });
      } else {
        if (body === null) request.log.warn({ route: request.url }, 'idempotent route sent a non-string body: not stored for replay');
        await releaseKey(deps.db, held.orgId, held.key, held.token);
      }
    } catch (error) {
      // The work is done and the client should hear how it went; the key stays reserved until its lock
      // lapses, after which a retry runs again. Failing this response instead would help no one.
      request.log.error({ err: error }, 'could not store the idempotent response');
    }
    return payload;
  };
}

function replayedHeaders(reply: FastifyReply): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = reply.getHeader(name);
    if (value !== undefined) headers[name] = String(value);
  }
  return headers;
}

// The associated data binds a sealed body to its organization and key: copied to another row, it fails to open.
const bodyContext = (orgId: string, key: string) => `${orgId}/idempotency_keys/${key}/response_body`;

function hookList<T>(hooks: T | T[] | undefined): T[] {
  return hooks === undefined ? [] : Array.isArray(hooks) ? hooks : [hooks];
}

/**
 * The header and its outcomes in an idempotent route's OpenAPI entry. For the document only (app.ts's
 * swagger transform): as a validation schema the header would answer validation_failed, not our code.
 */
export function documentIdempotency(schema: Record<string, unknown>): Record<string, unknown> {
  const note = `Send \`Idempotency-Key\` (1–${MAX_KEY_LENGTH} printable characters, e.g. a UUID) to make retries safe: ` +
    'the same key and body within the retention window replay the first response (marked `Idempotent-Replayed: true`); ' +
    'the same key with a different body answers 422 `idempotency_key_reused`; while the first is still running, ' +
    '409 `idempotency_key_in_use` with `Retry-After`.';
  const headers = (schema['headers'] ?? { type: 'object', properties: {} }) as { properties?: Record<string, unknown> };
  return {
    ...schema,
    description: [schema['description'], note].filter(Boolean).join('\n\n'),
    headers: {
      ...headers,
      properties: {
        ...headers.properties,
        'idempotency-key': { type: 'string', minLength: 1, maxLength: MAX_KEY_LENGTH, description: 'Makes a retry of this request safe (see above).' },
      },
    },
  };
}
