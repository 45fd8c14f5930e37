import type { FastifyInstance } from 'fastify';
import { auditByRequest } from '../audit/record-audit.ts';
import type { Deps } from '../deps.ts';
import { orgOf } from '../http/auth.ts';
import { errorResponses, idParams } from '../http/schemas.ts';
import { AppError } from '../lib/app-error.ts';
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
