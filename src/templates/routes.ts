import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps.ts';
import { orgOf } from '../http/auth.ts';
import { pageOf, pageQuerySchema, readPage, type PageQuery } from '../http/pagination.ts';
import { errorResponses, idParams } from '../http/schemas.ts';
import { AppError } from '../lib/app-error.ts';
import { findTemplate, listTemplates, type TemplateRow } from './store.ts';

const templateSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    language: { type: 'string' },
    category: { type: 'string', enum: ['MARKETING', 'UTILITY', 'AUTHENTICATION'] },
    status: { type: 'string' },
    parameter_format: { type: 'string', enum: ['POSITIONAL', 'NAMED'] },
    components: { type: 'array', items: { type: 'object', additionalProperties: true } },
    quality_score: { type: ['string', 'null'] },
    rejected_reason: { type: ['string', 'null'] },
    meta_template_id: { type: ['string', 'null'] },
    updated_at: { type: 'string', format: 'date-time' },
  },
} as const;

function view(t: TemplateRow) {
  return {
    id: t.id, name: t.name, language: t.language, category: t.category, status: t.status, parameter_format: t.parameter_format,
    components: t.components, quality_score: t.quality_score, rejected_reason: t.rejected_reason,
    meta_template_id: t.meta_template_id, updated_at: t.updated_at,
  };
}

export function templateRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    app.get<{ Querystring: PageQuery }>('/v1/templates', {
      config: { scope: 'templates:read' },
      schema: {
        tags: ['Templates'],
        summary: 'List message templates, newest first',
        querystring: pageQuerySchema,
        response: {
          200: { type: 'object', properties: { data: { type: 'array', items: templateSchema }, next_cursor: { type: ['string', 'null'] } } },
          ...errorResponses(400, 401, 403),
        },
      },
    }, async (request) => {
      const page = readPage(request.query);
      return pageOf(await listTemplates(deps.db, orgOf(request), page), page.limit, view);
    });

    app.get<{ Params: { id: string } }>('/v1/templates/:id', {
      config: { scope: 'templates:read' },
      schema: {
        tags: ['Templates'],
        summary: 'Get a template',
        params: idParams,
        response: { 200: templateSchema, ...errorResponses(401, 403, 404) },
      },
    }, async (request) => {
      const template = await findTemplate(deps.db, orgOf(request), request.params.id);
      if (!template) throw new AppError('not_found', { message: 'No such template.' });
      return view(template);
    });
  };
}
