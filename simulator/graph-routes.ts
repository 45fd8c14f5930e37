// The Graph API surface under /{version}/…: bearer auth, faults, then the routes of §1, §4, §5, §7.
// Ids are looked up in the simulator's accounts; unknown ones answer like Meta (code 100).

import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createFaultHook, droppedResponses } from './faults.ts';
import { graphError, invalidToken, sendFailure, unknownObject, type GraphFailure } from './graph-errors.ts';
import { downloadMedia, MAX_UPLOAD_BYTES, mediaInfo, mediaOwnedBy, uploadMedia } from './media.ts';
import { acceptSend } from './send-message.ts';
import type { SimPhoneNumber, SimState } from './state.ts';
import { createTemplate, deleteTemplate, editTemplate, findTemplate, listTemplates, projectTemplate, unpauseTemplate } from './template-routes.ts';
import type { WebhookSender } from './webhook-sender.ts';

export type GraphContext = { state: SimState; webhooks: WebhookSender; sleep: (ms: number) => Promise<void> };

type IdParams = { version: string; id: string };

const VERSION = /^v\d+\.\d+$/;
const PHONE_DEFAULT_FIELDS = ['id', 'display_phone_number', 'verified_name', 'quality_rating'];

export async function graphRoutes(app: FastifyInstance, ctx: GraphContext): Promise<void> {
  const { state } = ctx;

  app.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES + 1024 * 1024 },
    (_request, body, done) => done(null, body));

  app.addHook('onRequest', async (request, reply) => {
    const version = (request.params as Partial<IdParams>).version;
    if (version !== undefined && !VERSION.test(version)) {
      return sendFailure(reply, graphError(2500, undefined, { message: 'Unknown path components', httpStatus: 400 }));
    }
    if (!hasValidToken(request, state.config.accessToken)) return sendFailure(reply, invalidToken());
  });
  app.addHook('preHandler', createFaultHook(state, ctx.sleep));

  app.post<{ Params: IdParams }>('/:version/:id/messages', async (request, reply) => {
    const number = state.phoneNumbers.get(request.params.id);
    if (!number) return sendFailure(reply, unknownObject(request.params.id));
    const body = request.body as Record<string, unknown> | undefined;
    if (body && body.status === 'read') return markRead(body, reply);
    const result = acceptSend(ctx, number, body);
    if (droppedResponses.has(request)) {
      // Accepted and on its way to the customer, but the caller never hears so (a reset connection).
      reply.hijack();
      request.raw.socket.destroy();
      return;
    }
    return answer(reply, result);
  });

  app.post<{ Params: IdParams }>('/:version/:id/media', async (request, reply) => {
    const number = state.phoneNumbers.get(request.params.id);
    if (!number) return sendFailure(reply, unknownObject(request.params.id));
    return uploadMedia(state, number, request, reply);
  });

  app.get<{ Params: IdParams }>('/:version/:id/phone_numbers', async (request, reply) => {
    if (!state.wabas.has(request.params.id)) return sendFailure(reply, unknownObject(request.params.id));
    const fields = fieldsOf(request) ?? PHONE_DEFAULT_FIELDS;
    const data = [...state.phoneNumbers.values()].filter((n) => n.waba_id === request.params.id).map((n) => projectNumber(n, fields));
    return { data, paging: { cursors: { before: 'MAZDZD', after: 'MjQZD' } } };
  });

  app.get<{ Params: IdParams }>('/:version/:id/message_templates', async (request, reply) => {
    const waba = state.wabas.get(request.params.id);
    return waba ? listTemplates(waba, request) : sendFailure(reply, unknownObject(request.params.id));
  });

  app.post<{ Params: IdParams }>('/:version/:id/message_templates', async (request, reply) => {
    const waba = state.wabas.get(request.params.id);
    return waba ? createTemplate(ctx, waba, request.body, reply) : sendFailure(reply, unknownObject(request.params.id));
  });

  app.delete<{ Params: IdParams }>('/:version/:id/message_templates', async (request, reply) => {
    const waba = state.wabas.get(request.params.id);
    return waba ? deleteTemplate(ctx, waba, request, reply) : sendFailure(reply, unknownObject(request.params.id));
  });

  // POST /{template-id}: an edit (§4.4); no other object type takes a POST on its bare id here.
  app.post<{ Params: IdParams }>('/:version/:id', async (request, reply) => {
    const template = findTemplate(state, request.params.id);
    return template ? editTemplate(ctx, template, request.body, reply) : sendFailure(reply, unknownObject(request.params.id));
  });

  app.post<{ Params: IdParams }>('/:version/:id/unpause', async (request, reply) => {
    const template = findTemplate(state, request.params.id);
    return template ? unpauseTemplate(ctx, template, reply) : sendFailure(reply, unknownObject(request.params.id));
  });

  // One path serves every object type, as on the Graph API: phone number, media, template, WABA.
  app.get<{ Params: IdParams }>('/:version/:id', async (request, reply) => {
    const { id } = request.params;
    const number = state.phoneNumbers.get(id);
    if (number) return projectNumber(number, fieldsOf(request) ?? PHONE_DEFAULT_FIELDS);
    const media = state.media.get(id);
    if (media) return mediaOwnedBy(media, request.query) ? mediaInfo(state, media, request) : sendFailure(reply, unknownObject(id));
    const waba = state.wabas.get(id);
    if (waba) return { id: waba.id, name: `Simulated WABA ${waba.id}`, currency: 'USD', timezone_id: '1', message_template_namespace: `sim_${waba.id}` };
    for (const w of state.wabas.values()) {
      const template = w.templates.get(id);
      if (template) return projectTemplate(template, fieldsOf(request) ?? ['id', 'name', 'status', 'category', 'language', 'components', 'parameter_format']);
    }
    return sendFailure(reply, unknownObject(id));
  });

  app.delete<{ Params: IdParams }>('/:version/:id', async (request, reply) => {
    const media = state.media.get(request.params.id);
    if (!media || !mediaOwnedBy(media, request.query)) return sendFailure(reply, unknownObject(request.params.id));
    state.media.delete(media.id);
    return { success: true };
  });

  app.get('/_media/download', async (request, reply) => downloadMedia(state, request, reply));
}

function markRead(body: Record<string, unknown>, reply: FastifyReply) {
  if (body.messaging_product !== 'whatsapp') return sendFailure(reply, graphError(131008, 'messaging_product is required.'));
  if (typeof body.message_id !== 'string' || body.message_id === '') return sendFailure(reply, graphError(131008, 'message_id is required.'));
  const typing = body.typing_indicator as { type?: unknown } | undefined;
  if (typing !== undefined && typing?.type !== 'text') return sendFailure(reply, graphError(131009, "typing_indicator.type must be 'text'."));
  return { success: true };
}

function answer(reply: FastifyReply, result: object | GraphFailure) {
  return 'httpStatus' in result && 'body' in result ? sendFailure(reply, result as GraphFailure) : result;
}

function hasValidToken(request: FastifyRequest, expected: string): boolean {
  const header = request.headers.authorization;
  const fromHeader = typeof header === 'string' && /^Bearer\s+/i.test(header) ? header.replace(/^Bearer\s+/i, '').trim() : undefined;
  const fromQuery = (request.query as { access_token?: unknown } | undefined)?.access_token;
  const token = fromHeader ?? (typeof fromQuery === 'string' ? fromQuery : undefined);
  if (!token) return false;
  const a = Buffer.from(token);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function fieldsOf(request: FastifyRequest): string[] | undefined {
  const fields = (request.query as { fields?: unknown } | undefined)?.fields;
  return typeof fields === 'string' && fields.trim() ? fields.split(',').map((f) => f.trim()) : undefined;
}

/** Honours `fields` loosely: unknown names are ignored and `id` is always present. */
function projectNumber(number: SimPhoneNumber, fields: string[]): Record<string, unknown> {
  const { waba_id: _waba, ...view } = number;
  const out: Record<string, unknown> = { id: number.id };
  for (const f of fields) {
    const value = (view as Record<string, unknown>)[f];
    if (value !== undefined) out[f] = value;
  }
  return out;
}
