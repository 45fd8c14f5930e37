import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps.ts';
import { orgOf } from '../http/auth.ts';
import { pageOf, pageQuerySchema, readPage, type PageQuery } from '../http/pagination.ts';
import { errorResponses, idParams } from '../http/schemas.ts';
import { AppError } from '../lib/app-error.ts';
import { viewsOf } from './find-contacts.ts';
import { contactSchema, FILTER_DOC, filterSchema, listOf } from './schemas.ts';
import { createSegment, deleteSegment, findSegment, listSegments, resolveSegment, updateSegment, type SegmentInput, type SegmentRow } from './segments.ts';

const segmentSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    filter: { type: 'object', additionalProperties: true, description: 'The filter as stored: tags, languages and times normalized' },
    created_at: { type: 'string', format: 'date-time' },
    updated_at: { type: 'string', format: 'date-time' },
  },
} as const;

const name = { type: 'string', minLength: 1, maxLength: 100, pattern: '\\S' } as const;
const tags = ['Segments'];
const view = (s: SegmentRow) => ({ id: s.id, name: s.name, filter: s.filter, created_at: s.created_at, updated_at: s.updated_at });

export function segmentRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    app.post<{ Body: { name: string; filter: unknown } }>('/v1/segments', {
      config: { scope: 'contacts:write', idempotent: true },
      schema: {
        tags, summary: 'Save a contact filter as a segment', description: `Resolved whenever it is read (GET /v1/segments/{id}/contacts, campaigns). ${FILTER_DOC}`,
        body: { type: 'object', additionalProperties: false, required: ['name', 'filter'], properties: { name, filter: filterSchema } },
        response: { 201: segmentSchema, ...errorResponses(400, 401, 403, 409) },
      },
    }, async (request, reply) => reply.status(201).send(view(await createSegment(deps.db, orgOf(request), request.body))));

    app.get<{ Querystring: PageQuery }>('/v1/segments', {
      config: { scope: 'contacts:read' },
      schema: { tags, summary: 'List segments, newest first', querystring: pageQuerySchema, response: { 200: listOf(segmentSchema), ...errorResponses(400, 401, 403) } },
    }, async (request) => {
      const page = readPage(request.query);
      return pageOf(await listSegments(deps.db, orgOf(request), page), page.limit, view);
    });

    app.get<{ Params: { id: string } }>('/v1/segments/:id', {
      config: { scope: 'contacts:read' },
      schema: { tags, summary: 'Get a segment', params: idParams, response: { 200: segmentSchema, ...errorResponses(401, 403, 404) } },
    }, async (request) => view(await findSegment(deps.db, orgOf(request), request.params.id)));

    app.patch<{ Params: { id: string }; Body: SegmentInput }>('/v1/segments/:id', {
      config: { scope: 'contacts:write' },
      schema: {
        tags, summary: 'Rename a segment or change its filter', params: idParams,
        body: { type: 'object', additionalProperties: false, minProperties: 1, properties: { name, filter: filterSchema } },
        response: { 200: segmentSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    }, async (request) => view(await updateSegment(deps.db, orgOf(request), request.params.id, request.body)));

    app.delete<{ Params: { id: string } }>('/v1/segments/:id', {
      config: { scope: 'contacts:write' },
      schema: { tags, summary: 'Delete a segment', params: idParams, response: { 204: { type: 'null' }, ...errorResponses(401, 403, 404) } },
    }, async (request, reply) => {
      await deleteSegment(deps.db, orgOf(request), request.params.id);
      return reply.status(204).send();
    });

    app.get<{ Params: { id: string }; Querystring: PageQuery }>('/v1/segments/:id/contacts', {
      config: { scope: 'contacts:read' },
      schema: {
        tags, summary: 'The contacts a segment matches now, newest first', params: idParams, querystring: pageQuerySchema,
        response: { 200: listOf(contactSchema), ...errorResponses(400, 401, 403, 404) },
      },
    }, async (request) => {
      const orgId = orgOf(request);
      const page = readPage(request.query);
      const resolved = await resolveSegment(deps.db, orgId, request.params.id, page);
      if (!resolved) throw new AppError('not_found', { message: 'No such segment.' });
      return pageOf(await viewsOf(deps.db, orgId, resolved.contacts), page.limit, (v) => v);
    });
  };
}
