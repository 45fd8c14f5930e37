// The development-only control API under /_sim/: play customers, inject faults, add numbers,
// change timing, and read back what "Meta" accepted and delivered. No auth: never expose it.

import type { FastifyInstance, FastifyReply } from 'fastify';
import { buildInboundMessage, customerOf, digitsOf, isSimulatedCustomer, type InboundInput } from './customers.ts';
import { addFault, validateFault, type FaultInput } from './faults.ts';
import { newHex } from './ids.ts';
import { storeMedia } from './media.ts';
import { addPhoneNumber, applyConfigPatch, checkWebhookHandshake } from './accounts.ts';
import { resetState, type SimState } from './state.ts';
import { setTemplateStatus } from './template-routes.ts';
import type { WebhookEnvelope } from '../src/whatsapp/webhook-types.ts';
import { inboundWebhook, preferenceChangedMessage, userPreferencesWebhook } from './webhook-payloads.ts';
import type { WebhookSender } from './webhook-sender.ts';

export type ControlContext = { state: SimState; webhooks: WebhookSender };

type PhoneParams = { phone: string };

const PREFERENCE_NOTICES = ['user_preferences', 'system_message', 'both', 'none'];

const DEFAULT_MEDIA_MIME: Record<string, string> = {
  image: 'image/jpeg', video: 'video/mp4', audio: 'audio/ogg', document: 'application/pdf', sticker: 'image/webp',
};

function badRequest(reply: FastifyReply, message: string, status = 400) {
  return reply.code(status).send({ error: { message } });
}

export async function controlRoutes(app: FastifyInstance, ctx: ControlContext): Promise<void> {
  const { state, webhooks } = ctx;

  app.get('/_sim/health', async () => ({ ok: true }));

  app.get('/_sim/config', async () => state.config);

  app.put('/_sim/config', async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const problem = applyConfigPatch(state, body);
    if (problem) return badRequest(reply, problem);
    const verification = body.verify_webhook === true ? await checkWebhookHandshake(state) : undefined;
    return { config: state.config, ...(verification ? { verification } : {}) };
  });

  app.get('/_sim/phone-numbers', async () => ({ data: [...state.phoneNumbers.values()] }));

  app.post('/_sim/phone-numbers', async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (typeof body.waba_id === 'string' && !state.wabas.has(body.waba_id)) return badRequest(reply, `unknown waba_id ${body.waba_id}`, 404);
    const number = addPhoneNumber(state, {
      display_phone_number: str(body.display_phone_number), verified_name: str(body.verified_name),
      waba_id: str(body.waba_id), throughput_level: body.throughput_level === 'HIGH' ? 'HIGH' : 'STANDARD',
    });
    return reply.code(201).send({ id: number.id, waba_id: number.waba_id, display_phone_number: number.display_phone_number });
  });

  app.post<{ Params: PhoneParams }>('/_sim/customers/:phone/messages', async (request, reply) => {
    const from = digitsOf(request.params.phone);
    if (!isSimulatedCustomer(from)) return badRequest(reply, 'customers are +1 202 555 0100 … 0199', 404);
    const body = (request.body ?? {}) as InboundInput & { to_phone_number_id?: string };
    const number = state.phoneNumbers.get(body.to_phone_number_id ?? state.defaultPhoneNumberId);
    if (!number) return badRequest(reply, `unknown phone number ${body.to_phone_number_id}`, 404);
    const { to_phone_number_id: _to, ...input } = body;
    if (input.context?.id && !input.context.from) input.context = { from: digitsOf(number.display_phone_number), ...input.context };
    attachInboundMedia(state, number.id, input);
    let message;
    try {
      message = buildInboundMessage(from, { ...input, type: input.type ?? 'text' });
    } catch (err) {
      return badRequest(reply, (err as Error).message);
    }
    customerOf(state, from).lastInboundAt.set(number.id, Date.now());
    webhooks.send(inboundWebhook(number, message, from), { field: 'messages', event: `message:${message.type}`, wamid: message.id });
    return { wamid: message.id };
  });

  app.post<{ Params: PhoneParams }>('/_sim/customers/:phone/state', async (request, reply) => {
    const digits = digitsOf(request.params.phone);
    if (!isSimulatedCustomer(digits)) return badRequest(reply, 'customers are +1 202 555 0100 … 0199', 404);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const customer = customerOf(state, digits);
    for (const key of ['blocked', 'unreachable', 'auto_read'] as const) {
      if (typeof body[key] === 'boolean') customer[key] = body[key];
    }
    const notify = body.notify ?? 'user_preferences';
    if (typeof notify !== 'string' || !PREFERENCE_NOTICES.includes(notify)) return badRequest(reply, `notify must be one of ${PREFERENCE_NOTICES.join(', ')}`);
    if (typeof body.marketing_stopped === 'boolean' && body.marketing_stopped !== customer.marketing_stopped) {
      customer.marketing_stopped = body.marketing_stopped;
      const number = state.phoneNumbers.get(str(body.phone_number_id) ?? state.defaultPhoneNumberId);
      if (number) {
        const value = customer.marketing_stopped ? 'stop' : 'resume';
        // Meta reports the change as a user_preferences webhook, as a `system` message, or (before the app subscribed) not at all.
        if (notify === 'user_preferences' || notify === 'both') {
          webhooks.send(userPreferencesWebhook(number, digits, value), { field: 'user_preferences', event: value });
        }
        if (notify === 'system_message' || notify === 'both') {
          const message = preferenceChangedMessage(digits, value);
          webhooks.send(inboundWebhook(number, message, digits), { field: 'messages', event: 'message:system', wamid: message.id });
        }
      }
    }
    const { lastInboundAt, ...view } = customer;
    return { ...view, windows: Object.fromEntries([...lastInboundAt].map(([id, at]) => [id, new Date(at).toISOString()])) };
  });

  app.post('/_sim/faults', async (request, reply) => {
    const problem = validateFault(request.body);
    if (problem) return badRequest(reply, problem);
    return reply.code(201).send({ id: addFault(state, request.body as FaultInput).id });
  });
  app.get('/_sim/faults', async () => ({ data: state.faults }));
  app.delete('/_sim/faults', async () => {
    state.faults.length = 0;
    return { success: true };
  });

  app.post<{ Params: { id: string } }>('/_sim/templates/:id/status', async (request, reply) => {
    const body = (request.body ?? {}) as { status?: string; reason?: string; title?: string };
    const allowed = ['APPROVED', 'REJECTED', 'PAUSED', 'DISABLED', 'FLAGGED', 'REINSTATED'];
    if (!body.status || !allowed.includes(body.status)) return badRequest(reply, `status must be one of ${allowed.join(', ')}`);
    for (const waba of state.wabas.values()) {
      const template = waba.templates.get(request.params.id);
      if (!template) continue;
      setTemplateStatus(ctx, template, body.status as 'APPROVED', {
        ...(body.reason ? { reason: body.reason } : {}),
        ...(body.status === 'PAUSED' ? { other_info: { title: body.title ?? 'FIRST_PAUSE', description: 'Paused by the simulator control API.' } } : {}),
      });
      return { id: template.id, status: template.status };
    }
    return badRequest(reply, `unknown template ${request.params.id}`, 404);
  });

  app.get('/_sim/sent', async (request) => {
    const q = request.query as { phone_number_id?: string; to?: string };
    const to = q.to ? digitsOf(q.to) : undefined;
    const data = [...state.sends.values()].filter((s) =>
      (!q.phone_number_id || s.phone_number_id === q.phone_number_id) && (!to || s.to === to));
    return { data };
  });

  // Meta delivers at least once: the same envelope, byte for byte, again (as after a lost 200).
  app.post<{ Params: { id: string } }>('/_sim/webhooks/:id/redeliver', async (request, reply) => {
    const entry = state.webhookLog.find((w) => w.id === request.params.id);
    if (!entry) return badRequest(reply, `unknown webhook ${request.params.id}`, 404);
    webhooks.send(entry.payload as WebhookEnvelope, { field: entry.field, event: entry.event, ...(entry.wamid ? { wamid: entry.wamid } : {}) });
    return { redelivered: entry.id };
  });

  app.get('/_sim/webhooks', async (request) => {
    const q = request.query as { wamid?: string; event?: string };
    return { data: state.webhookLog.filter((w) => (!q.wamid || w.wamid === q.wamid) && (!q.event || w.event === q.event)) };
  });

  app.post('/_sim/reset', async () => {
    resetState(state);
    return { success: true };
  });
}

/** A customer "sending" a photo or file: store bytes so the platform can fetch them through §7. */
function attachInboundMedia(state: SimState, phoneNumberId: string, input: InboundInput): void {
  const mime = DEFAULT_MEDIA_MIME[input.type];
  if (!mime) return;
  const payload = (input[input.type] ?? {}) as Record<string, unknown>;
  if (typeof payload.id === 'string') return;
  const bytes = typeof payload.data_base64 === 'string' ? Buffer.from(payload.data_base64, 'base64') : Buffer.from(`simulated ${input.type} ${newHex(4)}`);
  const mimeType = typeof payload.mime_type === 'string' ? payload.mime_type : mime;
  const media = storeMedia(state, phoneNumberId, bytes, mimeType, typeof payload.filename === 'string' ? payload.filename : `${input.type}.bin`);
  const { data_base64: _data, ...rest } = payload;
  input[input.type] = { ...rest, id: media.id, mime_type: mimeType, sha256: media.sha256 };
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
