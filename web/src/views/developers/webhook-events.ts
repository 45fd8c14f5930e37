import type { paths } from '../../api/client.ts';

type Endpoint = paths['/v1/webhook-endpoints']['post']['requestBody']['content']['application/json'];
export type EventType = Endpoint['event_types'][number];

/** The events an endpoint can subscribe to, in words. The check below fails the build when the API adds one. */
export const WEBHOOK_EVENTS = [
  { id: 'message.status', label: 'Message status (sent, delivered, read, failed)' },
  { id: 'message.inbound', label: 'Inbound messages' },
  { id: 'template.status', label: 'Template review status' },
  { id: 'template.quality', label: 'Template quality' },
  { id: 'template.category', label: 'Template category changes' },
  { id: 'account.standing', label: 'Account standing' },
  { id: 'phone_number.status', label: 'Phone number status' },
  { id: 'webhook_endpoint.disabled', label: 'Webhook endpoint disabled' },
  { id: 'policy.updated', label: 'Acceptable Use Policy updated' },
] as const satisfies readonly { id: Exclude<EventType, '*'>; label: string }[];

type Unlisted = Exclude<EventType, '*' | (typeof WEBHOOK_EVENTS)[number]['id']>;
const everyEventListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyEventListed;
