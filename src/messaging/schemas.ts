// Request and response shapes of the messages API. The request follows the Cloud API's own message object.
const parameter = {
  type: 'object',
  required: ['type'],
  properties: {
    type: { type: 'string', enum: ['text', 'currency', 'date_time', 'image', 'video', 'document', 'location', 'payload', 'coupon_code', 'action'] },
    parameter_name: { type: 'string', pattern: '^[a-z0-9_]+$', maxLength: 64 },
    text: { type: 'string', minLength: 1, maxLength: 32768 },
  },
} as const;

export const sendMessageBody = {
  type: 'object',
  additionalProperties: false,
  required: ['to', 'type'],
  properties: {
    messaging_product: { type: 'string', const: 'whatsapp' },
    recipient_type: { type: 'string', const: 'individual' },
    to: { type: 'string', minLength: 3, maxLength: 32, description: 'Recipient phone number, E.164 or national format' },
    from: { type: 'string', maxLength: 64, description: 'Sender: a phone number id (pn_…) or Meta phone_number_id; optional with one number' },
    type: { type: 'string', enum: ['template', 'text'] },
    template: {
      type: 'object',
      additionalProperties: false,
      required: ['name', 'language'],
      properties: {
        name: { type: 'string', pattern: '^[a-z0-9_]+$', minLength: 1, maxLength: 512 },
        language: {
          type: 'object',
          additionalProperties: false,
          required: ['code'],
          properties: { code: { type: 'string', pattern: '^[a-z]{2,3}(_[A-Za-z]{2,4})?$' }, policy: { type: 'string', const: 'deterministic' } },
        },
        components: {
          type: 'array',
          maxItems: 13,
          items: {
            type: 'object',
            required: ['type'],
            properties: {
              type: { type: 'string', enum: ['header', 'body', 'button'] },
              sub_type: { type: 'string', enum: ['quick_reply', 'url', 'copy_code', 'flow', 'catalog', 'mpm', 'voice_call'] },
              index: { anyOf: [{ type: 'string', pattern: '^[0-9]$' }, { type: 'integer', minimum: 0, maximum: 9 }] },
              parameters: { type: 'array', maxItems: 100, items: parameter },
            },
          },
        },
      },
    },
    text: {
      type: 'object',
      additionalProperties: false,
      required: ['body'],
      properties: { body: { type: 'string', minLength: 1, maxLength: 4096 }, preview_url: { type: 'boolean' } },
    },
    metadata: { type: 'object', maxProperties: 20, description: 'Your own data, echoed back with the message' },
  },
} as const;

const messageError = {
  type: ['object', 'null'],
  properties: { code: { type: 'integer' }, title: { type: 'string' }, message: { type: 'string' }, details: { type: 'string' } },
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
  properties: { id: { type: 'string' }, status: { type: 'string', const: 'accepted' }, to: { type: 'string' }, created_at: { type: 'string', format: 'date-time' } },
} as const;
