// The send pipeline: synchronous checks (throughput, shape, template, pair rate), then 200 with a
// wamid, then status webhooks at the configured delays — or an async `failed`, as Meta does for
// problems it only finds after accepting (131026, 131047, 131050).

import { classifyCloudApiError } from '../src/whatsapp/error-codes.ts';
import type { AsyncError, SendMessageRequest, SendMessageResponse } from '../src/whatsapp/types.ts';
import type { DeliveryStatus, Pricing, StatusObject } from '../src/whatsapp/webhook-types.ts';
import { customerOf, digitsOf, isSimulatedCustomer, windowOpen } from './customers.ts';
import { graphError, type GraphFailure } from './graph-errors.ts';
import { newHex, newWamid, unixSeconds } from './ids.ts';
import { takePairRate, takeThroughput } from './rate-limits.ts';
import { schedule, trimMap, type SimPhoneNumber, type SimSend, type SimState } from './state.ts';
import { checkTemplateSend } from './templates.ts';
import { validateSendBody } from './validate-message.ts';
import { statusWebhook } from './webhook-payloads.ts';
import type { WebhookSender } from './webhook-sender.ts';

export type SendContext = { state: SimState; webhooks: WebhookSender };

type Plan = { failWith?: { code: number; details: string }; pricing: Pricing; reachesRead: boolean };

export function acceptSend(ctx: SendContext, number: SimPhoneNumber, body: unknown): SendMessageResponse | GraphFailure {
  const { state } = ctx;
  if (!takeThroughput(state, number.id)) {
    return graphError(130429, 'Message failed to send because there were too many messages sent from this phone number in a short period of time.');
  }
  const violation = validateSendBody(body);
  if (violation) return graphError(violation.code, violation.details);
  const request = body as SendMessageRequest;
  const to = digitsOf(request.to);
  if (to === digitsOf(number.display_phone_number)) return graphError(131021, 'Recipient cannot be the sender.');

  let category = 'service';
  if (request.type === 'template') {
    const waba = state.wabas.get(number.waba_id);
    const checked = waba ? checkTemplateSend(waba, request.template) : { code: 132001 as const, details: 'no templates' };
    if ('code' in checked) return graphError(checked.code, checked.details);
    category = checked.template.category.toLowerCase();
  }
  if (!takePairRate(state, number.id, to)) {
    return graphError(131056, 'Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time.');
  }

  const wamid = newWamid(to);
  const send: SimSend = {
    wamid, phone_number_id: number.id, to, type: request.type, body, time: new Date().toISOString(), statuses: [],
  };
  state.sends.set(wamid, send);
  trimMap(state.sends, state.config.maxLogEntries);
  scheduleStatuses(ctx, number, send, planDelivery(state, number, request, to, category));
  return {
    messaging_product: 'whatsapp',
    contacts: [{ input: request.to, wa_id: to }],
    messages: [{ id: wamid, message_status: 'accepted' }],
  };
}

function planDelivery(state: SimState, number: SimPhoneNumber, request: SendMessageRequest, to: string, category: string): Plan {
  const customer = isSimulatedCustomer(to) ? customerOf(state, to) : undefined;
  const inWindow = customer ? windowOpen(customer, number.id) : false;
  const free = category === 'service' || (category === 'utility' && inWindow);
  const pricing: Pricing = { billable: !free, pricing_model: 'PMP', type: free ? 'free_customer_service' : 'regular', category };
  const plan = (code?: number, details?: string): Plan => ({
    pricing, reachesRead: customer?.auto_read ?? false,
    ...(code ? { failWith: { code, details: details ?? '' } } : {}),
  });
  if (!customer || customer.unreachable || customer.blocked) {
    return plan(131026, 'Message Undeliverable.');
  }
  if (request.type === 'template' && category === 'marketing' && customer.marketing_stopped) {
    return plan(131050, 'Unable to deliver the message. This recipient has chosen to stop receiving marketing messages on WhatsApp from your business.');
  }
  if (request.type !== 'template' && !inWindow) {
    return plan(131047, 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.');
  }
  return plan();
}

function scheduleStatuses(ctx: SendContext, number: SimPhoneNumber, send: SimSend, plan: Plan): void {
  const { statusDelaysMs: delays, statusQuirks: quirks } = ctx.state.config;
  const request = send.body as SendMessageRequest;
  const emit = (status: DeliveryStatus, extra: Partial<StatusObject> = {}) => {
    const object: StatusObject = {
      id: send.wamid, status, timestamp: unixSeconds(), recipient_id: send.to,
      ...(request.biz_opaque_callback_data !== undefined ? { biz_opaque_callback_data: request.biz_opaque_callback_data } : {}),
      ...extra,
    };
    send.statuses.push({ status, at: new Date().toISOString(), ...(extra.errors ? { errors: extra.errors } : {}) });
    ctx.webhooks.send(statusWebhook(number, object), { field: 'messages', event: `status:${status}`, wamid: send.wamid });
  };
  if (plan.failWith) {
    const { code, details } = plan.failWith;
    schedule(ctx.state, delays.sent, () => emit('failed', { errors: [asyncError(code, details)] }));
    return;
  }
  const conversationId = newHex(16);
  const conversation = (first: boolean) => ({
    id: conversationId,
    ...(first ? { expiration_timestamp: unixSeconds(Date.now() + 24 * 3600 * 1000) } : {}),
    origin: { type: plan.pricing.category },
  });
  schedule(ctx.state, delays.sent, () => emit('sent', { conversation: conversation(true), pricing: plan.pricing }));
  const skipDelivered = plan.reachesRead && quirks.read_without_delivered;
  const swap = plan.reachesRead && quirks.out_of_order;
  if (!skipDelivered) {
    schedule(ctx.state, swap ? delays.read : delays.delivered, () => emit('delivered', { conversation: conversation(false), pricing: plan.pricing }));
  }
  if (plan.reachesRead) schedule(ctx.state, swap ? delays.delivered : delays.read, () => emit('read'));
}

export function asyncError(code: number, details: string): AsyncError {
  const title = classifyCloudApiError(code).title;
  return {
    code, title, message: title, error_data: { details },
    href: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/',
  };
}
