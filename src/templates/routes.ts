import type { FastifyInstance } from 'fastify';
import { auditByRequest } from '../audit/record-audit.ts';
import type { Deps } from '../deps.ts';
import { orgOf } from '../http/auth.ts';
import { pageOf, pageQuerySchema, readPage, type PageQuery } from '../http/pagination.ts';
import { errorResponses, idParams } from '../http/schemas.ts';
import { AppError } from '../lib/app-error.ts';
import { createTemplate, type CreateTemplateInput } from './create-template.ts';
import { deleteTemplate } from './delete-template.ts';
import { editTemplate, type EditTemplateInput } from './edit-template.ts';
import { findTemplate, listAccounts, listTemplateEvents, listTemplates, type TemplateEventRow, type TemplateFilters, type TemplateRow } from './store.ts';
import { metaRefusal, submitTemplate } from './submit-template.ts';
import { syncTemplates } from './sync-templates.ts';
import { TEMPLATE_STATUSES } from './template-events.ts';

const CATEGORIES = ['MARKETING', 'UTILITY', 'AUTHENTICATION'] as const;
const tags = ['Templates'];

const templateSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    account_id: { type: 'string', description: 'The WhatsApp Business Account (ours, `waba_…`) the template belongs to' },
    name: { type: 'string' },
    language: { type: 'string' },
    category: { type: 'string', enum: CATEGORIES },
    previous_category: { type: ['string', 'null'], description: 'Set when Meta re-categorised the template' },
    status: {
      type: 'string', enum: TEMPLATE_STATUSES,
      description: '`DRAFT` (ours, not at Meta yet) or Meta\'s status. Only APPROVED templates can be sent; PAUSED (low quality) and DISABLED are refused.',
    },
    parameter_format: { type: 'string', enum: ['POSITIONAL', 'NAMED'] },
    components: { type: 'array', items: { type: 'object', additionalProperties: true } },
    options: { type: 'object', additionalProperties: true, description: 'Other create fields: allow_category_change, message_send_ttl_seconds…' },
    quality_score: { type: ['string', 'null'], description: 'GREEN, YELLOW, RED or UNKNOWN' },
    rejected_reason: { type: ['string', 'null'], description: 'Meta\'s reason: PROMOTIONAL, ABUSIVE_CONTENT, INCORRECT_CATEGORY, INVALID_FORMAT, SCAM…' },
    rejection_info: { type: ['object', 'null'], additionalProperties: true, description: '{reason, recommendation} in Meta\'s words' },
    status_detail: { type: ['object', 'null'], additionalProperties: true, description: 'Meta\'s other_info (FIRST_PAUSE, SECOND_PAUSE…) or disable date' },
    meta_template_id: { type: ['string', 'null'] },
    submitted_at: { type: ['string', 'null'], format: 'date-time' },
    created_at: { type: 'string', format: 'date-time' },
    updated_at: { type: 'string', format: 'date-time' },
  },
} as const;

const historySchema = {
  type: 'array',
  description: 'Every status, quality and category event, applied or not (a late or repeated webhook is kept with applied false)',
  items: {
    type: 'object',
    properties: {
      kind: { type: 'string', enum: ['status', 'quality', 'category', 'components'] },
      event: { type: 'string' }, previous: { type: ['string', 'null'] }, reason: { type: ['string', 'null'] },
      details: { type: 'object', additionalProperties: true }, source: { type: 'string', enum: ['api', 'webhook', 'sync'] },
      meta_time: { type: ['string', 'null'], format: 'date-time' }, applied: { type: 'boolean' }, recorded_at: { type: 'string', format: 'date-time' },
    },
  },
} as const;

const withHistory = { type: 'object', properties: { ...templateSchema.properties, history: historySchema } } as const;

// The template body itself is checked by validateTemplate (every violation with its path and rule), not by the schema.
const definitionBody = {
  type: 'object',
  required: ['name', 'language', 'category', 'components'],
  properties: {
    name: { type: 'string' }, language: { type: 'string' }, category: { type: 'string' },
    parameter_format: { type: 'string' }, components: { type: 'array' },
    account_id: { type: 'string', description: 'Which WhatsApp account; needed only when the organization has several' },
    submit: { type: 'boolean', default: false, description: 'Submit to Meta for review right away' },
  },
  additionalProperties: true,
} as const;

const listQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    ...pageQuerySchema.properties,
    status: { type: 'string', enum: TEMPLATE_STATUSES }, category: { type: 'string', enum: CATEGORIES },
    language: { type: 'string', maxLength: 20 }, name: { type: 'string', maxLength: 512 },
  },
} as const;

function view(t: TemplateRow) {
  return {
    id: t.id, account_id: t.account_id, name: t.name, language: t.language, category: t.category, previous_category: t.previous_category,
    status: t.status, parameter_format: t.parameter_format, components: t.components, options: t.options,
    quality_score: t.quality_score, rejected_reason: t.rejected_reason, rejection_info: t.rejection_info, status_detail: t.status_detail,
    meta_template_id: t.meta_template_id, submitted_at: t.submitted_at, created_at: t.created_at, updated_at: t.updated_at,
  };
}

const historyView = (e: TemplateEventRow) => e;
const notFound = () => new AppError('not_found', { message: 'No such template.' });

export function templateRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    app.post<{ Body: CreateTemplateInput }>('/v1/templates', {
      config: { scope: 'templates:write', idempotent: true },
      schema: {
        tags, summary: 'Create a template (a draft), optionally submitting it',
        description: 'The body is Meta\'s create body (`name`, `language`, `category`, `parameter_format`, `components`, …). '
          + 'It is checked against every rule Meta reviews on; a violation answers 400 with each one\'s path and rule, and nothing is written.',
        body: definitionBody,
        response: { 201: templateSchema, ...errorResponses(400, 401, 403, 404, 409, 422, 502) },
      },
    }, async (request, reply) => reply.status(201).send(view(await createTemplate(deps, orgOf(request), request.body, auditByRequest(request)))));

    app.get<{ Querystring: PageQuery & TemplateFilters }>('/v1/templates', {
      config: { scope: 'templates:read' },
      schema: {
        tags, summary: 'List templates, newest first', querystring: listQuery,
        response: { 200: { type: 'object', properties: { data: { type: 'array', items: templateSchema }, next_cursor: { type: ['string', 'null'] } } }, ...errorResponses(400, 401, 403) },
      },
    }, async (request) => {
      const page = readPage(request.query);
      const { status, category, language, name } = request.query;
      return pageOf(await listTemplates(deps.db, orgOf(request), page, { status, category, language, name }), page.limit, view);
    });

    app.post<{ Body: { account_id?: string } }>('/v1/templates/sync', {
      config: { scope: 'templates:write' },
      schema: {
        tags, summary: 'Pull templates from the Cloud API',
        description: 'Brings in templates created elsewhere (e.g. Meta\'s WhatsApp Manager) and takes Meta\'s current state for known ones.',
        body: { type: ['object', 'null'], additionalProperties: false, properties: { account_id: { type: 'string' } } },
        response: {
          200: { type: 'object', properties: { total: { type: 'integer' }, created: { type: 'integer' }, changed: { type: 'integer' }, deleted: { type: 'integer' } } },
          ...errorResponses(401, 403, 404, 502),
        },
      },
    }, async (request) => {
      const orgId = orgOf(request);
      const ref = request.body?.account_id;
      const accounts = (await listAccounts(deps.db, orgId)).filter((a) => !ref || a.id === ref || a.waba_id === ref);
      if (ref && accounts.length === 0) throw new AppError('not_found', { message: 'No such WhatsApp account.' });
      const total = { total: 0, created: 0, changed: 0, deleted: 0 };
      for (const account of accounts) {
        const r = await syncTemplates(deps, orgId, account.id).catch((err: unknown) => { throw err instanceof AppError ? err : metaRefusal(err); });
        for (const key of Object.keys(total) as (keyof typeof total)[]) total[key] += r[key];
      }
      return total;
    });

    app.get<{ Params: { id: string } }>('/v1/templates/:id', {
      config: { scope: 'templates:read' },
      schema: { tags, summary: 'Get a template with its status history', params: idParams, response: { 200: withHistory, ...errorResponses(401, 403, 404) } },
    }, async (request) => {
      const orgId = orgOf(request);
      const template = await findTemplate(deps.db, orgId, request.params.id);
      if (!template) throw notFound();
      return { ...view(template), history: (await listTemplateEvents(deps.db, orgId, template.id)).map(historyView) };
    });

    app.patch<{ Params: { id: string }; Body: EditTemplateInput }>('/v1/templates/:id', {
      config: { scope: 'templates:write' },
      schema: {
        tags, summary: 'Edit a template',
        description: 'A draft changes freely. APPROVED, REJECTED and PAUSED templates are edited at Meta (`components`, `parameter_format`, '
          + '`message_send_ttl_seconds`, and `category` unless approved) and go back to review; an approved one at most once per 24 hours and 10 times per 30 days.',
        params: idParams,
        body: { type: 'object', minProperties: 1, additionalProperties: true, properties: { components: { type: 'array' }, category: { type: 'string' } } },
        response: { 200: templateSchema, ...errorResponses(400, 401, 403, 404, 409, 422, 502) },
      },
    }, async (request) => view(await editTemplate(deps, orgOf(request), request.params.id, request.body, auditByRequest(request))));

    app.post<{ Params: { id: string } }>('/v1/templates/:id/submit', {
      config: { scope: 'templates:write' },
      schema: {
        tags, summary: 'Submit a draft to Meta for review',
        description: 'The template is PENDING afterwards; Meta\'s decision arrives by webhook (`template.status`).',
        params: idParams, response: { 200: templateSchema, ...errorResponses(401, 403, 404, 409, 422, 502) },
      },
    }, async (request) => view(await submitTemplate(deps, orgOf(request), request.params.id, auditByRequest(request))));

    app.delete<{ Params: { id: string } }>('/v1/templates/:id', {
      config: { scope: 'templates:write' },
      schema: {
        tags, summary: 'Delete a template',
        description: 'A draft is removed. A submitted template is deleted at Meta (this language only) and kept here as DELETED. Disabled templates cannot be deleted.',
        params: idParams, response: { 204: { type: 'null', description: 'Deleted' }, ...errorResponses(401, 403, 404, 409, 502) },
      },
    }, async (request, reply) => {
      await deleteTemplate(deps, orgOf(request), request.params.id, auditByRequest(request));
      return reply.status(204).send();
    });
  };
}
