// Response shapes of the messages API; the request is message-schema.ts.
import { verdictSchema } from '../compliance/verdict-schema.ts';

const messageError = {
  type: ['object', 'null'],
  properties: {
    code: { type: 'integer', description: "Meta's error code (0 when the Cloud API could not be reached)" },
    title: { type: 'string' },
    message: { type: 'string', description: 'What happened, in plain language' },
    details: { type: 'string' },
    reason: { type: 'string', description: "Xpecto's error code when it means the same, e.g. 131047 → outside_customer_service_window" },
  },
} as const;

export const messageSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    direction: { type: 'string', enum: ['outbound', 'inbound'] },
    from: { type: 'string' },
    to: { type: 'string' },
    type: { type: 'string' },
    status: { type: 'string', description: 'accepted → queued → sent → delivered → read (→ played for voice), or failed / deleted (outbound); received (inbound)' },
    wamid: { type: ['string', 'null'] },
    content: { type: 'object', additionalProperties: true },
    metadata: { type: ['object', 'null'], additionalProperties: true },
    rendered_text: { type: ['string', 'null'], description: 'For a template: its text with the parameters filled in, as the customer sees it' },
    category: { type: ['string', 'null'], description: 'For a template: its purpose (marketing, utility, authentication)' },
    consent_record_id: { type: ['string', 'null'], description: 'For a template: the consent record that allowed the send' },
    screening: { type: ['object', 'null'], additionalProperties: true, description: 'Content screening\'s verdict (decision, score, rules) when it had something to say' },
    error: messageError,
    pricing: {
      type: ['object', 'null'], additionalProperties: true,
      description: "Meta's pricing of the message as last reported: category, type (regular, free_customer_service, free_entry_point), pricing_model, billable",
    },
    conversation: { type: ['object', 'null'], additionalProperties: true, description: "Meta's conversation data, when it sends any (legacy)" },
    created_at: { type: 'string', format: 'date-time' },
    updated_at: { type: 'string', format: 'date-time' },
    contact_id: { type: 'string' },
    phone_number_id: { type: 'string', description: 'The business number (pn_…) it was sent from or to' },
    template_name: { type: ['string', 'null'], description: 'For a template: its name' },
    failure_reason: { type: ['string', 'null'], description: 'Why it failed, in one plain sentence (from the error-code table); null unless failed' },
    history: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          status: { type: 'string' },
          at: { type: 'string', format: 'date-time' },
          recorded_at: { type: 'string', format: 'date-time' },
          source: { type: 'string' },
          detail: { type: ['object', 'null'], additionalProperties: true },
        },
      },
    },
  },
} as const;

const policyDecision = {
  type: ['object', 'null'],
  description: 'Why the platform let this outbound message go, held it or refused it; null for a customer\'s message. Sends refused before they were stored left no message: the caller got the error and its clause.',
  properties: {
    decision: { type: 'string', enum: ['allowed', 'held', 'refused'] },
    basis: {
      type: 'string', enum: ['consent', 'customer_service_window', 'consent_exemption'],
      description: 'consent: a template on the contact\'s opt-in; customer_service_window: a reply within 24 hours of the customer\'s message; consent_exemption: the double opt-in confirmation',
    },
    category: { type: ['string', 'null'], description: 'The template\'s purpose: marketing, utility or authentication' },
    consent: {
      type: ['object', 'null'],
      description: 'The consent record the send relied on; its proof is in GET /v1/contacts/{id}/consents',
      properties: {
        record_id: { type: 'string' }, purpose: { type: 'string' }, state: { type: 'string' }, source: { type: 'string' },
        recorded_at: { type: 'string', format: 'date-time' },
      },
    },
    screening: { ...verdictSchema, description: 'Content screening\'s verdict (AUP 3.2, 3.5): allow with no rules when the content was clean' },
    review: {
      type: ['object', 'null'],
      description: 'A reviewer\'s decision on a held message',
      properties: {
        outcome: { type: 'string', enum: ['released', 'rejected'] }, by: { type: ['string', 'null'] }, note: { type: ['string', 'null'] },
        at: { type: 'string', format: 'date-time' },
      },
    },
    clause: { type: ['string', 'null'], description: 'The Acceptable Use Policy clause behind a hold or a refusal' },
    explanation: { type: 'string', description: 'The decision in one plain sentence' },
  },
} as const;

/** One message with its full status history and the policy decision behind it. */
export const messageDetailSchema = {
  ...messageSchema,
  properties: { ...messageSchema.properties, policy: policyDecision },
} as const;

export const acceptedSchema = {
  type: 'object',
  properties: { id: { type: 'string' }, status: { type: 'string', enum: ['accepted', 'held'], description: '`held`: content screening asked for a reviewer; the message waits in the review queue' }, to: { type: 'string' }, created_at: { type: 'string', format: 'date-time' } },
} as const;
