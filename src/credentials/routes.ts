import type { FastifyInstance } from 'fastify';
import { auditByRequest } from '../audit/record-audit.ts';
import type { Deps } from '../deps.ts';
import { authOf, orgOf } from '../http/auth.ts';
import { errorResponses, idParams } from '../http/schemas.ts';
import { AppError } from '../lib/app-error.ts';
import { createApiKey, revokeApiKey } from '../tenancy/api-keys.ts';
import { DEFAULT_SCOPES, SCOPES } from '../tenancy/scopes.ts';
import { setKeyAllowList } from './set-key-allow-list.ts';
import { keyNetworks, listKeysWithAllowList, type KeyView } from './store.ts';

const tags = ['API keys'];

const keySchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    mode: { type: 'string', enum: ['live', 'test'] },
    hint: { type: 'string', description: 'The key\'s mode and last four characters; the key itself is never shown again' },
    scopes: { type: 'array', items: { type: 'string' } },
    allowed_cidrs: { type: ['array', 'null'], items: { type: 'string' }, description: 'Source networks the key may be used from; null: any' },
    created_at: { type: 'string', format: 'date-time' },
    revoked_at: { type: ['string', 'null'], format: 'date-time' },
    last_used_at: { type: ['string', 'null'], format: 'date-time' },
  },
} as const;

const networkSchema = {
  type: 'object',
  properties: {
    network: { type: 'string', description: 'IPv4 /24 or IPv6 /48' },
    country: { type: ['string', 'null'], description: 'ISO 3166-1 alpha-2, when the platform has a country mapping' },
    first_seen_at: { type: 'string', format: 'date-time' },
    last_seen_at: { type: 'string', format: 'date-time' },
    requests: { type: 'integer' },
    revoked_requests: { type: 'integer', description: 'Attempts after the key was revoked' },
  },
} as const;

const createdKeySchema = {
  type: 'object',
  properties: {
    ...keySchema.properties,
    secret: { type: 'string', description: 'The key itself (`xp_live_…` / `xp_test_…`). Shown in this response only: only its hash is stored' },
  },
} as const;

function view(k: KeyView) {
  return { id: k.id, name: k.name, mode: k.mode, hint: k.hint, scopes: k.scopes, allowed_cidrs: k.allowed_cidrs, created_at: k.created_at, revoked_at: k.revoked_at, last_used_at: k.last_used_at };
}

/** The organization's API keys (never their secrets), where each is used from, and its IP allow-list (decision 0021). */
export function credentialRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    app.get('/v1/api-keys', {
      config: { scope: 'api_keys:read' },
      schema: { tags, summary: 'The organization\'s API keys, newest first', response: { 200: { type: 'object', properties: { data: { type: 'array', items: keySchema } } }, ...errorResponses(401, 403) } },
    }, async (request) => ({ data: (await listKeysWithAllowList(deps.db, orgOf(request))).map(view) }));

    // Not idempotent on purpose: a replay would show the secret a second time (and keep it, sealed, for 24 hours).
    // A retried creation makes a second key; the listing shows both and the spare can be revoked.
    app.post<{ Body: { name: string; mode: 'live' | 'test'; scopes?: string[] } }>('/v1/api-keys', {
      config: { scope: 'api_keys:write' },
      schema: {
        tags, summary: 'Create an API key; its secret is shown once',
        description: 'A key can only give what it holds: naming a scope the calling key lacks answers `403 insufficient_scope` (`details.not_held`) and creates nothing. '
          + 'Without `scopes`, the new key gets the default scopes (every scope but `compliance:review` and `api_keys:write`) that the calling key holds. '
          + 'The secret is in this response only; GET /v1/api-keys shows its hint. The creation is in the audit log.',
        body: {
          type: 'object', additionalProperties: false, required: ['name', 'mode'],
          properties: {
            name: { type: 'string', minLength: 1, maxLength: 100, pattern: '\\S', description: 'What the key is for, e.g. "CRM sync"' },
            mode: { type: 'string', enum: ['live', 'test'] },
            scopes: { type: 'array', minItems: 1, maxItems: SCOPES.length, uniqueItems: true, items: { type: 'string', enum: SCOPES } },
          },
        },
        response: { 201: createdKeySchema, ...errorResponses(400, 401, 403) },
      },
    }, async (request, reply) => {
      const auth = authOf(request);
      const held = new Set<string>(auth.scopes);
      const scopes = request.body.scopes ?? DEFAULT_SCOPES.filter((s) => held.has(s));
      const notHeld = scopes.filter((s) => !held.has(s));
      if (notHeld.length > 0) {
        throw new AppError('insufficient_scope', { message: `A new key can only have scopes the caller holds; it lacks: ${notHeld.join(', ')}.`, details: { not_held: notHeld } });
      }
      const { key, secret } = await createApiKey(deps.db, auth.orgId, { name: request.body.name.trim(), mode: request.body.mode, scopes, createdBy: auth.userId, by: auditByRequest(request) });
      return reply.status(201).send({ ...view({ ...key, allowed_cidrs: null }), secret });
    });

    app.delete<{ Params: { id: string } }>('/v1/api-keys/:id', {
      config: { scope: 'api_keys:write' },
      schema: {
        tags, summary: 'Revoke an API key',
        description: 'The key is refused (401) from its next request, in every API process. Revoking a revoked key keeps its first revocation time and answers the same. The revocation is in the audit log.',
        params: idParams,
        response: { 200: keySchema, ...errorResponses(401, 403, 404) },
      },
    }, async (request) => {
      const orgId = orgOf(request);
      await revokeApiKey(deps.db, orgId, request.params.id, auditByRequest(request));
      return view((await listKeysWithAllowList(deps.db, orgId)).find((k) => k.id === request.params.id)!);
    });

    app.get<{ Params: { id: string } }>('/v1/api-keys/:id/networks', {
      config: { scope: 'api_keys:read' },
      schema: {
        tags, summary: 'Where a key was used from, most recent first (30 days)',
        description: 'The networks (IPv4 /24, IPv6 /48) each key was used from, what credential-sharing detection reads (AUP 3.6).',
        params: idParams,
        response: { 200: { type: 'object', properties: { data: { type: 'array', items: networkSchema } } }, ...errorResponses(401, 403, 404) },
      },
    }, async (request) => {
      const orgId = orgOf(request);
      if (!(await listKeysWithAllowList(deps.db, orgId)).some((k) => k.id === request.params.id)) throw new AppError('not_found', { message: 'No such API key.' });
      const rows = await keyNetworks(deps.db, orgId, request.params.id, 200);
      return { data: rows.map((r) => ({ ...r, requests: Number(r.requests), revoked_requests: Number(r.revoked_requests) })) };
    });

    app.patch<{ Params: { id: string }; Body: { allowed_cidrs: string[] | null } }>('/v1/api-keys/:id', {
      config: { scope: 'api_keys:write' },
      schema: {
        tags, summary: 'Set or clear a key\'s IP allow-list',
        description: 'Requests with the key from outside these CIDRs are refused with `403 ip_not_allowed`. `null` or `[]`: any source. Applies within milliseconds in every API process. The scope is never given by default, so a leaked key cannot change its own list.',
        params: idParams,
        body: {
          type: 'object', additionalProperties: false, required: ['allowed_cidrs'],
          properties: { allowed_cidrs: { type: ['array', 'null'], maxItems: 100, items: { type: 'string', maxLength: 64 } } },
        },
        response: { 200: keySchema, ...errorResponses(400, 401, 403, 404) },
      },
    }, async (request) => view(await setKeyAllowList(deps.db, orgOf(request), request.params.id, request.body.allowed_cidrs, auditByRequest(request))));
  };
}
