// The message object of POST /v1/messages: the Cloud API's own shape (§1 of the reference), with Meta's
// limits as JSON Schema so a violation is refused with its path before anything is queued. Rules that
// span fields (unique button ids, rows across sections, …) are in validate-message.ts.

const str = (max: number, min = 1) => ({ type: 'string', minLength: min, maxLength: max }) as const;
const httpUrl = { type: 'string', minLength: 8, maxLength: 2000, pattern: '^https?://' } as const;

const mediaObject = (kind: 'image' | 'video' | 'audio' | 'document' | 'sticker') => ({
  type: 'object',
  additionalProperties: false,
  description: 'Exactly one of `id` (from POST /v1/media) or `link` (a public http(s) URL).',
  properties: {
    id: str(64),
    link: httpUrl,
    ...(kind === 'image' || kind === 'video' || kind === 'document' ? { caption: str(1024) } : {}),
    ...(kind === 'document' ? { filename: str(240) } : {}),
    ...(kind === 'audio' ? { voice: { type: 'boolean' } } : {}),
  },
  oneOf: [{ required: ['id'] }, { required: ['link'] }],
}) as const;

const coordinate = (limit: number) => ({
  anyOf: [{ type: 'number', minimum: -limit, maximum: limit }, { type: 'string', pattern: '^-?\\d{1,3}(\\.\\d+)?$' }],
}) as const;

const contactCard = {
  type: 'object',
  required: ['name'],
  additionalProperties: false,
  properties: {
    name: {
      type: 'object', required: ['formatted_name'], additionalProperties: false,
      properties: { formatted_name: str(256), first_name: str(128), last_name: str(128), middle_name: str(128), suffix: str(32), prefix: str(32) },
    },
    phones: { type: 'array', maxItems: 20, items: { type: 'object', additionalProperties: false, properties: { phone: str(64), type: str(16), wa_id: str(32) } } },
    emails: { type: 'array', maxItems: 20, items: { type: 'object', additionalProperties: false, properties: { email: str(320), type: str(16) } } },
    urls: { type: 'array', maxItems: 20, items: { type: 'object', additionalProperties: false, properties: { url: str(2000), type: str(16) } } },
    addresses: {
      type: 'array', maxItems: 20,
      items: { type: 'object', additionalProperties: false, properties: { street: str(256), city: str(128), state: str(128), zip: str(32), country: str(128), country_code: str(8), type: str(16) } },
    },
    org: { type: 'object', additionalProperties: false, properties: { company: str(256), department: str(256), title: str(256) } },
    birthday: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
  },
} as const;

const interactiveHeader = {
  type: 'object',
  required: ['type'],
  additionalProperties: false,
  properties: {
    type: { enum: ['text', 'image', 'video', 'document'] },
    text: str(60),
    image: mediaObject('image'), video: mediaObject('video'), document: mediaObject('document'),
  },
} as const;

const interactive = {
  type: 'object',
  required: ['type', 'body', 'action'],
  additionalProperties: false,
  properties: {
    type: { enum: ['button', 'list', 'cta_url', 'flow'] },
    header: interactiveHeader,
    body: { type: 'object', required: ['text'], additionalProperties: false, properties: { text: str(1024) } },
    footer: { type: 'object', required: ['text'], additionalProperties: false, properties: { text: str(60) } },
    action: {
      type: 'object',
      additionalProperties: false,
      properties: {
        buttons: {
          type: 'array', minItems: 1, maxItems: 3,
          items: {
            type: 'object', required: ['type', 'reply'], additionalProperties: false,
            properties: {
              type: { const: 'reply' },
              reply: { type: 'object', required: ['id', 'title'], additionalProperties: false, properties: { id: str(256), title: str(20) } },
            },
          },
        },
        button: str(20),
        sections: {
          type: 'array', minItems: 1, maxItems: 10,
          items: {
            type: 'object', required: ['rows'], additionalProperties: false,
            properties: {
              title: str(24),
              rows: {
                type: 'array', minItems: 1, maxItems: 10,
                items: { type: 'object', required: ['id', 'title'], additionalProperties: false, properties: { id: str(200), title: str(24), description: str(72) } },
              },
            },
          },
        },
        name: { enum: ['cta_url', 'flow'] },
        parameters: {
          type: 'object',
          additionalProperties: false,
          properties: {
            display_text: str(20), url: httpUrl,
            flow_message_version: { const: '3' }, flow_id: str(64), flow_name: str(200), flow_cta: str(20), flow_token: str(1024),
            mode: { enum: ['draft', 'published'] }, flow_action: { enum: ['navigate', 'data_exchange'] },
            flow_action_payload: {
              type: 'object', additionalProperties: false,
              properties: { screen: str(200), data: { type: 'object', minProperties: 1 } },
            },
          },
        },
      },
    },
  },
  allOf: [
    { if: { properties: { type: { const: 'button' } } }, then: { properties: { action: { type: 'object', required: ['buttons'] } } } },
    { if: { properties: { type: { const: 'list' } } }, then: { properties: { action: { type: 'object', required: ['button', 'sections'] } } } },
    {
      if: { properties: { type: { const: 'cta_url' } } },
      then: { properties: { action: { type: 'object', required: ['name', 'parameters'], properties: { parameters: { type: 'object', required: ['display_text', 'url'] } } } } },
    },
    {
      if: { properties: { type: { const: 'flow' } } },
      then: { properties: { action: { type: 'object', required: ['name', 'parameters'], properties: { parameters: { type: 'object', required: ['flow_message_version', 'flow_cta'] } } } } },
    },
  ],
} as const;

const templateParameter = {
  type: 'object',
  required: ['type'],
  additionalProperties: false,
  properties: {
    type: { enum: ['text', 'currency', 'date_time', 'image', 'video', 'document', 'location', 'payload', 'coupon_code', 'action'] },
    parameter_name: { type: 'string', pattern: '^[a-z0-9_]+$', maxLength: 64 },
    text: str(32768),
    currency: {
      type: 'object', required: ['fallback_value', 'code', 'amount_1000'], additionalProperties: false,
      properties: { fallback_value: str(256), code: { type: 'string', pattern: '^[A-Z]{3}$' }, amount_1000: { type: 'integer' } },
    },
    date_time: { type: 'object', required: ['fallback_value'], additionalProperties: true, properties: { fallback_value: str(256) } },
    image: mediaObject('image'), video: mediaObject('video'), document: mediaObject('document'),
    location: {
      type: 'object', required: ['latitude', 'longitude'], additionalProperties: false,
      properties: { latitude: coordinate(90), longitude: coordinate(180), name: str(1000), address: str(1000) },
    },
    payload: str(1000),
    coupon_code: str(20),
    action: { type: 'object', additionalProperties: true },
  },
  allOf: ['text', 'currency', 'date_time', 'image', 'video', 'document', 'location', 'payload', 'coupon_code', 'action'].map((kind) => ({
    if: { properties: { type: { const: kind } } }, then: { required: [kind] },
  })),
} as const;

const template = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'language'],
  properties: {
    name: { type: 'string', pattern: '^[a-z0-9_]+$', minLength: 1, maxLength: 512 },
    language: {
      type: 'object', additionalProperties: false, required: ['code'],
      properties: { code: { type: 'string', pattern: '^[a-z]{2,3}(_[A-Za-z]{2,4})?$' }, policy: { const: 'deterministic' } },
    },
    components: {
      type: 'array',
      maxItems: 13,
      items: {
        type: 'object',
        required: ['type'],
        additionalProperties: false,
        properties: {
          type: { enum: ['header', 'body', 'button'] },
          sub_type: { enum: ['quick_reply', 'url', 'copy_code', 'flow', 'catalog', 'mpm', 'voice_call'] },
          index: { anyOf: [{ type: 'string', pattern: '^[0-9]$' }, { type: 'integer', minimum: 0, maximum: 9 }] },
          parameters: { type: 'array', maxItems: 100, items: templateParameter },
        },
        if: { properties: { type: { const: 'button' } } },
        then: { required: ['sub_type', 'index'] },
      },
    },
  },
} as const;

export const MESSAGE_TYPES = ['text', 'image', 'video', 'audio', 'document', 'sticker', 'location', 'contacts', 'reaction', 'interactive', 'template'] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

/** The body of POST /v1/messages (and each item of a batch). */
export const messageBody = {
  type: 'object',
  additionalProperties: false,
  required: ['to', 'type'],
  properties: {
    messaging_product: { const: 'whatsapp' },
    recipient_type: { const: 'individual' },
    to: { type: 'string', minLength: 3, maxLength: 32, description: 'Recipient phone number, E.164 or national format' },
    from: { type: 'string', maxLength: 64, description: 'Sender: a phone number id (pn_…) or Meta phone_number_id; optional with one number' },
    type: { enum: MESSAGE_TYPES },
    context: {
      type: 'object', additionalProperties: false, required: ['message_id'],
      description: 'Reply to (quote) an earlier message: its id (msg_…) or wamid',
      properties: { message_id: str(256) },
    },
    text: { type: 'object', additionalProperties: false, required: ['body'], properties: { body: str(4096), preview_url: { type: 'boolean' } } },
    image: mediaObject('image'),
    video: mediaObject('video'),
    audio: mediaObject('audio'),
    document: mediaObject('document'),
    sticker: mediaObject('sticker'),
    location: {
      type: 'object', required: ['latitude', 'longitude'], additionalProperties: false,
      properties: { latitude: coordinate(90), longitude: coordinate(180), name: str(1000), address: str(1000) },
    },
    contacts: { type: 'array', minItems: 1, maxItems: 5, items: contactCard },
    reaction: {
      type: 'object', required: ['message_id', 'emoji'], additionalProperties: false,
      description: 'A reaction to a message (its id msg_… or wamid); an empty emoji removes it',
      properties: { message_id: str(256), emoji: { type: 'string', maxLength: 32 } },
    },
    interactive,
    template,
    metadata: { type: 'object', maxProperties: 20, description: 'Your own data, echoed back with the message and its webhooks' },
  },
  allOf: MESSAGE_TYPES.map((kind) => ({ if: { properties: { type: { const: kind } } }, then: { required: [kind] } })),
} as const;
