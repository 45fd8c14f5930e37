// Response shapes of the messages API; the request is message-schema.ts.
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

export const acceptedSchema = {
  type: 'object',
  properties: { id: { type: 'string' }, status: { type: 'string', enum: ['accepted', 'held'], description: '`held`: content screening asked for a reviewer; the message waits in the review queue' }, to: { type: 'string' }, created_at: { type: 'string', format: 'date-time' } },
} as const;
