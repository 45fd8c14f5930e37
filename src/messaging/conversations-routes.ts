import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps.ts';
import { orgOf } from '../http/auth.ts';
import { pageOf, pageQuerySchema, readPage, type PageQuery } from '../http/pagination.ts';
import { errorResponses } from '../http/schemas.ts';
import { AppError } from '../lib/app-error.ts';
import { conversationView, threadMessageView } from './conversations.ts';
import { findConversationContact, listContactMessages, listConversations } from './conversations-store.ts';

const tags = ['Conversations'];
const dateTime = { type: 'string', format: 'date-time' } as const;
const nullableDateTime = { type: ['string', 'null'], format: 'date-time' } as const;

const conversationSchema = {
  type: 'object',
  properties: {
    contact: { type: 'object', properties: { id: { type: 'string' }, phone: { type: 'string' }, name: { type: ['string', 'null'] } } },
    last_message: {
      type: 'object',
      properties: {
        id: { type: 'string' },
        direction: { type: 'string', enum: ['outbound', 'inbound'] },
        type: { type: 'string' },
        text: { type: 'string', description: 'One line of what it says (at most 160 characters), or its type in brackets, e.g. "[sticker]"' },
        status: { type: 'string' },
        phone_number_id: { type: 'string', description: 'The business number (pn_…) it was sent from or to' },
        at: dateTime,
      },
    },
    unanswered_count: { type: 'integer', description: 'Customer messages since the business last wrote to this contact (reading is not recorded, so this stands in for unread)' },
    last_inbound_at: { ...nullableDateTime, description: 'When the customer last wrote, to any of the organization\'s numbers' },
    window_expires_at: { ...nullableDateTime, description: 'When the 24-hour customer-service window of that last message ends (past when closed); null: the customer never wrote' },
    window_open: { type: 'boolean', description: 'Whether anything but a template can be sent now, from window_phone_number_id' },
    window_phone_number_id: { type: ['string', 'null'], description: 'The number (pn_…) the customer last wrote to: the window is per number' },
  },
} as const;

export const threadMessageSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    direction: { type: 'string', enum: ['outbound', 'inbound'] },
    type: { type: 'string' },
    text: { type: ['string', 'null'], description: 'Its words: the text, a template as the customer read it, a caption, the button picked; null when it has none' },
    content: { type: 'object', additionalProperties: true },
    rendered_text: { type: ['string', 'null'] },
    status: { type: 'string', description: 'accepted → queued → sent → delivered → read, or held / failed (outbound); received (inbound)' },
    phone_number_id: { type: 'string' },
    error: {
      type: ['object', 'null'],
      properties: { code: { type: 'integer' }, title: { type: 'string' }, message: { type: 'string' }, details: { type: 'string' }, reason: { type: 'string' } },
    },
    failure_reason: { type: ['string', 'null'], description: 'Why it failed, in one plain sentence; null unless failed' },
    created_at: dateTime,
    updated_at: dateTime,
  },
} as const;

const listOf = (items: object) => ({
  type: 'object',
  properties: { data: { type: 'array', items }, next_cursor: { type: ['string', 'null'], description: 'Pass as `cursor` for the next page; null on the last' } },
});

/** The dashboard's inbox (issue 9): conversations, and one contact's thread. */
export function conversationRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    app.get<{ Querystring: PageQuery }>('/v1/conversations', {
      config: { scope: 'messages:read' },
      schema: {
        tags, summary: 'Conversations: one per contact with messages, the latest message first',
        description: 'Each with its last message, the customer messages waiting for an answer, and the 24-hour customer-service window.',
        querystring: pageQuerySchema,
        response: { 200: listOf(conversationSchema), ...errorResponses(400, 401, 403) },
      },
    }, async (request) => {
      const page = readPage(request.query);
      const rows = await listConversations(deps.db, orgOf(request), page);
      const now = deps.clock.now();
      return pageOf(rows.map((r) => ({ ...r, id: r.last_message.id })), page.limit, (r) => conversationView(r, now));
    });

    app.get<{ Params: { contact_id: string }; Querystring: PageQuery }>('/v1/conversations/:contact_id/messages', {
      config: { scope: 'messages:read' },
      schema: {
        tags, summary: 'A contact\'s messages, newest first',
        description: 'Both directions, each with its status and, when it failed, why in plain words. Pages go back in time: show them in reverse for a chat.',
        params: { type: 'object', required: ['contact_id'], properties: { contact_id: { type: 'string', maxLength: 64 } } },
        querystring: pageQuerySchema,
        response: { 200: listOf(threadMessageSchema), ...errorResponses(400, 401, 403, 404) },
      },
    }, async (request) => {
      const orgId = orgOf(request);
      const page = readPage(request.query);
      if (!(await findConversationContact(deps.db, orgId, request.params.contact_id))) throw new AppError('not_found', { message: 'No such contact.' });
      return pageOf(await listContactMessages(deps.db, orgId, request.params.contact_id, page), page.limit, threadMessageView);
    });
  };
}
