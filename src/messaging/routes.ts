import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps.ts';
import { authOf, orgOf } from '../http/auth.ts';
import { pageOf, pageQuerySchema, readPage, type PageQuery } from '../http/pagination.ts';
import { violationPath } from '../http/error-handler.ts';
import { errorResponses, idParams } from '../http/schemas.ts';
import { AppError } from '../lib/app-error.ts';
import { messageBody } from './message-schema.ts';
import { acceptedSchema, messageDetailSchema, messageSchema } from './schemas.ts';
import { markRead } from './mark-read.ts';
import { sendBatch } from './send-batch.ts';
import { sendMessage, type SendMessageInput } from './send-message.ts';
import { explainFailure } from './error-reasons.ts';
import { policyDecisionOf } from './policy-decision.ts';
import { OUTBOUND_STATUSES } from './status.ts';
import { findConsentRecord, findMessage, listMessages, statusHistory, templateNameOf, type MessageRow } from './store.ts';

type Detail = { history: Awaited<ReturnType<typeof statusHistory>>; policy: ReturnType<typeof policyDecisionOf> };

function view(m: MessageRow & { template_name?: string | null }, detail?: Detail) {
  const history = detail?.history;
  return {
    id: m.id,
    direction: m.direction,
    from: m.direction === 'outbound' ? m.phone_number_id : m.counterpart,
    to: m.direction === 'outbound' ? m.counterpart : m.phone_number_id,
    type: m.type,
    status: m.status,
    wamid: m.wamid,
    content: m.content,
    metadata: m.metadata,
    rendered_text: m.rendered_text,
    category: m.category,
    consent_record_id: m.consent_record_id,
    screening: m.screening,
    error: m.error,
    pricing: m.pricing,
    conversation: m.conversation,
    created_at: m.created_at,
    updated_at: m.updated_at,
    contact_id: m.contact_id,
    phone_number_id: m.phone_number_id,
    template_name: m.template_name ?? null,
    failure_reason: explainFailure(m.status, m.error),
    ...(history ? { history: history.map((h) => ({ status: h.status, at: h.occurred_at, recorded_at: h.recorded_at, source: h.source, detail: h.detail })) } : {}),
    ...(detail ? { policy: detail.policy } : {}),
  };
}

type ListQuery = PageQuery & {
  status?: string[]; direction?: 'outbound' | 'inbound'; template?: string; phone_number_id?: string; contact_id?: string; from?: string; to?: string;
};

const STATUSES = [...OUTBOUND_STATUSES, 'received'];

export function messageRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    app.post<{ Body: SendMessageInput }>('/v1/messages', {
      config: { scope: 'messages:write', idempotent: true },
      schema: {
        tags: ['Messages'],
        summary: 'Send a message',
        description: 'Takes the Cloud API message object (plus optional `from` and `metadata`), validates it, and queues it for dispatch. 202 means accepted, not delivered: follow the status with GET /v1/messages/{id} or webhooks.',
        body: messageBody,
        response: { 202: acceptedSchema, ...errorResponses(400, 401, 403, 404, 413, 422) },
      },
    }, async (request, reply) => {
      const message = await sendMessage(deps, authOf(request), request.body);
      return reply.status(202).send({ id: message.id, status: message.status, to: message.counterpart, created_at: message.created_at });
    });

    app.post<{ Body: { messages: SendMessageInput[] } }>('/v1/messages/batch', {
      config: { scope: 'messages:write', idempotent: true },
      bodyLimit: 16 * 1024 * 1024,
      schema: {
        tags: ['Messages'],
        summary: 'Send up to 1,000 messages at once',
        description: 'Each item is a message as for POST /v1/messages and is answered on its own, in order: accepted with its id, or refused with the error a single send would get. The accepted ones are stored together.',
        body: {
          type: 'object', additionalProperties: false, required: ['messages'],
          properties: { messages: { type: 'array', minItems: 1, maxItems: 1000, items: { type: 'object' } } },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              accepted: { type: 'integer' },
              refused: { type: 'integer' },
              data: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    index: { type: 'integer' }, id: { type: 'string' }, status: { type: 'string' },
                    error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} } },
                  },
                },
              },
            },
          },
          ...errorResponses(400, 401, 403, 413),
        },
      },
    }, async (request) => {
      const validate = request.compileValidationSchema(messageBody);
      const schemaErrors = request.body.messages.map((item, index) => (validate(item) ? null : (validate.errors ?? []).map((e) => ({
        path: violationPath(`body.messages[${index}]`, e.instancePath, e.params as Record<string, unknown>),
        message: e.message ?? 'is invalid',
      }))));
      const data = await sendBatch(deps, authOf(request), request.body.messages, schemaErrors);
      const accepted = data.filter((d) => 'id' in d).length;
      return { accepted, refused: data.length - accepted, data };
    });

    app.post<{ Params: { id: string }; Body: { typing_indicator?: boolean } }>('/v1/messages/:id/read', {
      config: { scope: 'messages:write' },
      schema: {
        tags: ['Messages'],
        summary: 'Mark a customer\'s message read, optionally showing the typing indicator',
        params: idParams,
        body: { type: ['object', 'null'], additionalProperties: false, properties: { typing_indicator: { type: 'boolean', description: 'Show "typing…" until you reply or for 25 s; only when you will reply' } } },
        response: {
          200: { type: 'object', properties: { id: { type: 'string' }, read: { type: 'boolean' }, typing_indicator: { type: 'boolean' } } },
          ...errorResponses(400, 401, 403, 404, 502),
        },
      },
    }, async (request) => markRead(deps, orgOf(request), request.params.id, { typing: request.body?.typing_indicator ?? false }));

    app.get<{ Querystring: ListQuery }>('/v1/messages', {
      config: { scope: 'messages:read' },
      schema: {
        tags: ['Messages'],
        summary: 'List messages, newest first, filtered',
        description: 'Every given filter must hold; `status` repeats (any of them).',
        querystring: {
          type: 'object', additionalProperties: false,
          properties: {
            ...pageQuerySchema.properties,
            status: { type: 'array', maxItems: STATUSES.length, items: { type: 'string', enum: STATUSES } },
            direction: { type: 'string', enum: ['outbound', 'inbound'] },
            template: { type: 'string', minLength: 1, maxLength: 512, description: 'The template\'s name (any language)' },
            phone_number_id: { type: 'string', minLength: 1, maxLength: 64, description: 'The business number: its id (pn_…) or Meta\'s phone number id' },
            contact_id: { type: 'string', minLength: 1, maxLength: 64 },
            from: { type: 'string', format: 'date-time', description: 'Created at or after this instant' },
            to: { type: 'string', format: 'date-time', description: 'Created before this instant' },
          },
        },
        response: {
          200: { type: 'object', properties: { data: { type: 'array', items: messageSchema }, next_cursor: { type: ['string', 'null'] } } },
          ...errorResponses(400, 401, 403),
        },
      },
    }, async (request) => {
      const { limit, cursor, status, direction, template, phone_number_id: phoneNumber, contact_id: contactId, from, to } = request.query;
      const page = readPage({ limit, cursor });
      const range = { from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined };
      if (range.from && range.to && range.from >= range.to) {
        throw new AppError('validation_failed', { message: '"from" must be before "to".', details: [{ path: 'querystring.to', message: 'must be after from' }] });
      }
      const rows = await listMessages(deps.db, orgOf(request), page, { statuses: status, direction, template, phoneNumber, contactId, ...range });
      return pageOf(rows, page.limit, (m) => view(m));
    });

    app.get<{ Params: { id: string } }>('/v1/messages/:id', {
      config: { scope: 'messages:read' },
      schema: {
        tags: ['Messages'],
        summary: 'Get a message with its status history and the policy decision behind it',
        params: idParams,
        response: { 200: messageDetailSchema, ...errorResponses(401, 403, 404) },
      },
    }, async (request) => {
      const orgId = orgOf(request);
      const message = await findMessage(deps.db, orgId, request.params.id);
      if (!message) throw new AppError('not_found', { message: 'No such message.' });
      const [history, consent, template] = await Promise.all([
        statusHistory(deps.db, orgId, message.id),
        message.consent_record_id ? findConsentRecord(deps.db, orgId, message.consent_record_id) : undefined,
        message.template_id ? templateNameOf(deps.db, orgId, message.template_id) : undefined,
      ]);
      return view({ ...message, template_name: template?.name ?? null }, { history, policy: policyDecisionOf(message, history, consent ?? null) });
    });
  };
}
