import type { FastifyInstance } from 'fastify';
import { auditByRequest } from '../audit/record-audit.ts';
import type { Deps } from '../deps.ts';
import { orgOf } from '../http/auth.ts';
import { pageOf, pageQuerySchema, readPage, type PageQuery } from '../http/pagination.ts';
import { errorResponses } from '../http/schemas.ts';
import { AppError } from '../lib/app-error.ts';
import { createEndpoint, type CreateEndpointInput } from './create-endpoint.ts';
import { deleteWebhookEndpoint } from './delete-endpoint.ts';
import { EVENT_TYPES } from './emit-events.ts';
import { replayDelivery, replayRange, type ReplayRangeInput } from './replay.ts';
import { rotateSecret } from './rotate-secret.ts';
import { findDelivery, findEndpoint, listAttempts, listDeliveries, listEndpoints, type DeliveryRow, type EndpointRow } from './store.ts';
import { updateWebhookEndpoint, type UpdateEndpointInput } from './update-endpoint.ts';

const endpointSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    url: { type: 'string' },
    description: { type: 'string' },
    event_types: { type: 'array', items: { type: 'string' } },
    status: { type: 'string', enum: ['active', 'disabled'] },
    disabled_reason: { type: ['string', 'null'], description: '`gone` (the receiver answered 410), `failing` (every attempt failed for 5 days) or `manual`' },
    disabled_at: { type: ['string', 'null'], format: 'date-time' },
    failing_since: { type: ['string', 'null'], format: 'date-time', description: 'Start of the current run of failed attempts' },
    previous_secret_expires_at: { type: ['string', 'null'], format: 'date-time', description: 'Until then deliveries carry a second signature, made with the previous secret' },
    created_at: { type: 'string', format: 'date-time' },
    updated_at: { type: 'string', format: 'date-time' },
  },
} as const;

const withSecret = {
  type: 'object',
  properties: {
    ...endpointSchema.properties,
    secret: { type: 'string', description: 'The signing secret (`whsec_…`). Shown only in this response: store it now.' },
  },
} as const;

const deliverySchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    endpoint_id: { type: 'string' },
    event_id: { type: 'string', description: 'Also the `webhook-id` header: the same on every attempt and replay' },
    event_type: { type: 'string' },
    status: { type: 'string', enum: ['pending', 'succeeded', 'failed', 'cancelled'] },
    attempts: { type: 'integer' },
    next_attempt_at: { type: ['string', 'null'], format: 'date-time' },
    last_attempt_at: { type: ['string', 'null'], format: 'date-time' },
    last_status_code: { type: ['integer', 'null'] },
    last_duration_ms: { type: ['integer', 'null'] },
    last_error: { type: ['string', 'null'] },
    replay_of: { type: ['string', 'null'] },
    created_at: { type: 'string', format: 'date-time' },
    attempt_log: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          attempt: { type: 'integer' }, attempted_at: { type: 'string', format: 'date-time' }, status_code: { type: ['integer', 'null'] },
          duration_ms: { type: 'integer' }, error: { type: ['string', 'null'] }, response: { type: ['string', 'null'], description: 'The first KiB of the response body' },
        },
      },
    },
  },
} as const;

// Secrets never leave in this view; creation and rotation add the new one once.
function endpointView(e: EndpointRow) {
  return {
    id: e.id, url: e.url, description: e.description, event_types: e.event_types, status: e.status,
    disabled_reason: e.disabled_reason, disabled_at: e.disabled_at, failing_since: e.failing_since,
    previous_secret_expires_at: e.previous_secret_expires_at, created_at: e.created_at, updated_at: e.updated_at,
  };
}

function deliveryView(d: DeliveryRow) {
  return { ...d, next_attempt_at: d.status === 'pending' ? d.next_attempt_at : null };
}

const idParams = { type: 'object', properties: { id: { type: 'string', maxLength: 64 } }, required: ['id'] } as const;
const eventTypes = {
  type: 'array', minItems: 1, maxItems: 50, uniqueItems: true,
  items: { type: 'string', enum: ['*', ...EVENT_TYPES] },
  description: `Event types to deliver, or \`*\` for all: ${EVENT_TYPES.map((t) => `\`${t}\``).join(', ')}`,
} as const;
const url = { type: 'string', minLength: 8, maxLength: 2048, description: 'http(s) URL reaching a public address' } as const;
const notFound = () => new AppError('not_found', { message: 'No such webhook endpoint.' });
const tags = ['Webhooks'];

export function webhookRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    app.post<{ Body: CreateEndpointInput }>('/v1/webhook-endpoints', {
      config: { scope: 'webhooks:write' },
      schema: {
        tags,
        summary: 'Register an endpoint for webhooks to your systems',
        description: 'Deliveries follow Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). The signing secret is in this response only.',
        body: { type: 'object', additionalProperties: false, required: ['url', 'event_types'], properties: { url, event_types: eventTypes, description: { type: 'string', maxLength: 500 } } },
        response: { 201: withSecret, ...errorResponses(400, 401, 403, 422) },
      },
    }, async (request, reply) => {
      const { endpoint, secret } = await createEndpoint(deps, orgOf(request), request.body, auditByRequest(request));
      return reply.status(201).send({ ...endpointView(endpoint), secret });
    });

    app.get<{ Querystring: PageQuery }>('/v1/webhook-endpoints', {
      config: { scope: 'webhooks:read' },
      schema: {
        tags, summary: 'List webhook endpoints, newest first', querystring: pageQuerySchema,
        response: { 200: { type: 'object', properties: { data: { type: 'array', items: endpointSchema }, next_cursor: { type: ['string', 'null'] } } }, ...errorResponses(400, 401, 403) },
      },
    }, async (request) => {
      const page = readPage(request.query);
      return pageOf(await listEndpoints(deps.db, orgOf(request), page.limit, page.before), page.limit, endpointView);
    });

    app.get<{ Params: { id: string } }>('/v1/webhook-endpoints/:id', {
      config: { scope: 'webhooks:read' },
      schema: { tags, summary: 'Get a webhook endpoint', params: idParams, response: { 200: endpointSchema, ...errorResponses(401, 403, 404) } },
    }, async (request) => {
      const endpoint = await findEndpoint(deps.db, orgOf(request), request.params.id);
      if (!endpoint) throw notFound();
      return endpointView(endpoint);
    });

    app.patch<{ Params: { id: string }; Body: UpdateEndpointInput }>('/v1/webhook-endpoints/:id', {
      config: { scope: 'webhooks:write' },
      schema: {
        tags, summary: 'Change a webhook endpoint, or enable / disable it',
        description: '`status: active` re-enables an endpoint that was disabled; replay what it missed with POST /v1/webhook-endpoints/{id}/replay.',
        params: idParams,
        body: {
          type: 'object', additionalProperties: false, minProperties: 1,
          properties: { url, event_types: eventTypes, description: { type: 'string', maxLength: 500 }, status: { type: 'string', enum: ['active', 'disabled'] } },
        },
        response: { 200: endpointSchema, ...errorResponses(400, 401, 403, 404, 422) },
      },
    }, async (request) => endpointView(await updateWebhookEndpoint(deps, orgOf(request), request.params.id, request.body)));

    app.delete<{ Params: { id: string } }>('/v1/webhook-endpoints/:id', {
      config: { scope: 'webhooks:write' },
      schema: { tags, summary: 'Delete a webhook endpoint and its delivery log', params: idParams, response: { 204: { type: 'null' }, ...errorResponses(401, 403, 404) } },
    }, async (request, reply) => {
      if (!(await deleteWebhookEndpoint(deps, orgOf(request), request.params.id, auditByRequest(request)))) throw notFound();
      return reply.status(204).send();
    });

    app.post<{ Params: { id: string }; Body: { overlap_seconds?: number } | undefined }>('/v1/webhook-endpoints/:id/rotate-secret', {
      config: { scope: 'webhooks:write' },
      schema: {
        tags, summary: 'Rotate the signing secret',
        description: 'Returns the new secret once. The previous secret keeps signing beside it (two signatures in `webhook-signature`) for `overlap_seconds` (default 24 h; 0 ends it now).',
        params: idParams,
        body: { type: ['object', 'null'], additionalProperties: false, properties: { overlap_seconds: { type: 'integer', minimum: 0, maximum: 7 * 86_400 } } },
        response: { 200: withSecret, ...errorResponses(400, 401, 403, 404) },
      },
    }, async (request) => {
      const { endpoint, secret } = await rotateSecret(deps, orgOf(request), request.params.id, request.body?.overlap_seconds, auditByRequest(request));
      return { ...endpointView(endpoint), secret };
    });

    app.get<{ Params: { id: string }; Querystring: PageQuery & { status?: string } }>('/v1/webhook-endpoints/:id/deliveries', {
      config: { scope: 'webhooks:read' },
      schema: {
        tags, summary: 'The delivery log of an endpoint, newest first (30 days)',
        params: idParams,
        querystring: { ...pageQuerySchema, properties: { ...pageQuerySchema.properties, status: { type: 'string', enum: ['pending', 'succeeded', 'failed', 'cancelled'] } } },
        response: { 200: { type: 'object', properties: { data: { type: 'array', items: deliverySchema }, next_cursor: { type: ['string', 'null'] } } }, ...errorResponses(400, 401, 403, 404) },
      },
    }, async (request) => {
      const orgId = orgOf(request);
      if (!(await findEndpoint(deps.db, orgId, request.params.id))) throw notFound();
      const page = readPage(request.query);
      return pageOf(await listDeliveries(deps.db, orgId, request.params.id, page.limit, page.before, request.query.status), page.limit, deliveryView);
    });

    app.post<{ Params: { id: string }; Body: ReplayRangeInput }>('/v1/webhook-endpoints/:id/replay', {
      config: { scope: 'webhooks:write' },
      schema: {
        tags, summary: 'Replay the events of a time range to this endpoint',
        description: 'Each event of [since, until) the endpoint subscribes to is delivered again with its original `webhook-id`. Up to 30 days back. `only_undelivered` skips events this endpoint already acknowledged.',
        params: idParams,
        body: {
          type: 'object', additionalProperties: false, required: ['since'],
          properties: {
            since: { type: 'string', format: 'date-time' }, until: { type: 'string', format: 'date-time' },
            only_undelivered: { type: 'boolean' }, after_event: { type: 'string', maxLength: 64, description: 'Continue a replay that answered `complete: false`' },
          },
        },
        response: {
          202: { type: 'object', properties: { replayed: { type: 'integer' }, complete: { type: 'boolean' }, after_event: { type: ['string', 'null'] } } },
          ...errorResponses(400, 401, 403, 404, 409, 422),
        },
      },
    }, async (request, reply) => reply.status(202).send(await replayRange(deps, orgOf(request), request.params.id, request.body)));

    app.get<{ Params: { id: string } }>('/v1/webhook-deliveries/:id', {
      config: { scope: 'webhooks:read' },
      schema: { tags, summary: 'A delivery with every attempt: status code, timing, error', params: idParams, response: { 200: deliverySchema, ...errorResponses(401, 403, 404) } },
    }, async (request) => {
      const orgId = orgOf(request);
      const delivery = await findDelivery(deps.db, orgId, request.params.id);
      if (!delivery) throw new AppError('not_found', { message: 'No such webhook delivery.' });
      return { ...deliveryView(delivery), attempt_log: await listAttempts(deps.db, orgId, delivery.id) };
    });

    app.post<{ Params: { id: string } }>('/v1/webhook-deliveries/:id/replay', {
      config: { scope: 'webhooks:write' },
      schema: {
        tags, summary: 'Deliver one delivery\'s event again', description: 'A new delivery with the same `webhook-id` and body. Up to 30 days back.',
        params: idParams, response: { 202: deliverySchema, ...errorResponses(401, 403, 404, 409, 422) },
      },
    }, async (request, reply) => reply.status(202).send(deliveryView(await replayDelivery(deps, orgOf(request), request.params.id))));
  };
}
