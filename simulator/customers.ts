// Scripted customers: +1 202 555 0100 … 0199. Only they "have WhatsApp"; anything else is
// accepted and then fails with 131026, as an unknown number does on Meta.

import type { InboundMessage } from '../src/whatsapp/webhook-types.ts';
import { newWamid, unixSeconds } from './ids.ts';
import type { SimCustomer, SimState } from './state.ts';

const FIRST = 12025550100;
const LAST = 12025550199;
const WINDOW_MS = 24 * 60 * 60 * 1000;

export function digitsOf(phone: string): string {
  return phone.replace(/\D/g, '');
}

export function isSimulatedCustomer(digits: string): boolean {
  const n = Number(digits);
  return digits.length === 11 && n >= FIRST && n <= LAST;
}

/** The customer record, created with defaults on first use. */
export function customerOf(state: SimState, digits: string): SimCustomer {
  let customer = state.customers.get(digits);
  if (!customer) {
    customer = {
      digits, blocked: false, unreachable: false, marketing_stopped: false, auto_read: true, lastInboundAt: new Map(),
    };
    state.customers.set(digits, customer);
  }
  return customer;
}

/** Whether free-form messages from this number to the customer are allowed (§6.1). */
export function windowOpen(customer: SimCustomer, phoneNumberId: string, now = Date.now()): boolean {
  const last = customer.lastInboundAt.get(phoneNumberId);
  return last !== undefined && now - last < WINDOW_MS;
}

export type InboundInput = {
  type: string;
  context?: { id?: string; from?: string };
  [key: string]: unknown;
};

const INBOUND_TYPES = new Set([
  'text', 'button', 'interactive', 'reaction', 'location', 'contacts', 'image', 'video', 'audio', 'document', 'sticker',
  'order', 'system', 'unsupported', 'request_welcome',
]);

/** Builds the inbound message object Meta would put in `value.messages[]`; throws on a bad shape. */
export function buildInboundMessage(from: string, input: InboundInput, wamid = newWamid(from)): InboundMessage {
  if (!INBOUND_TYPES.has(input.type)) throw new Error(`unsupported inbound type '${input.type}'`);
  const payload = input[input.type];
  if (input.type !== 'unsupported' && input.type !== 'request_welcome' && (typeof payload !== 'object' || payload === null)) {
    throw new Error(`'${input.type}' object is required`);
  }
  const message: Record<string, unknown> = { from, id: wamid, timestamp: unixSeconds(), type: input.type };
  if (input.context) message.context = input.context;
  if (payload !== undefined) message[input.type] = payload;
  if (input.type === 'unsupported') {
    message.errors = [{ code: 131051, title: 'Message type unknown', message: 'Message type unknown', error_data: { details: 'Message type is currently not supported.' } }];
  }
  return message as unknown as InboundMessage;
}
