import { MAX_FILTER_DEPTH, MAX_FILTER_NODES } from './filter.ts';

// The contacts' shared OpenAPI pieces: the contact, the filter language, a page of results.

const consentSchema = {
  type: 'object',
  properties: {
    state: { type: 'string', enum: ['opted_in', 'opted_out', 'none'] },
    record_id: { type: ['string', 'null'], description: 'The ledger record that set this state' },
    recorded_at: { type: ['string', 'null'], format: 'date-time' },
  },
} as const;

export const contactSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    phone: { type: 'string', description: 'E.164' },
    wa_id: { type: ['string', 'null'], description: 'The WhatsApp id, once the customer wrote' },
    name: { type: ['string', 'null'] },
    language: { type: ['string', 'null'], description: 'BCP-47, canonical form' },
    time_zone: { type: ['string', 'null'], description: 'IANA time zone' },
    attributes: { type: 'object', additionalProperties: true },
    tags: { type: 'array', items: { type: 'string' } },
    consent: {
      type: 'object',
      description: 'Current consent per purpose: the latest record for the purpose or for all purposes',
      properties: { marketing: consentSchema, utility: consentSchema, authentication: consentSchema },
    },
    last_inbound_at: { type: ['string', 'null'], format: 'date-time' },
    created_at: { type: 'string', format: 'date-time' },
    updated_at: { type: 'string', format: 'date-time' },
  },
} as const;


export const FILTER_DOC = `A filter is a JSON tree (docs/decisions/0009-contacts-filter-language.md):

- \`{"and": [F, …]}\` all hold (\`{"and": []}\` is every contact) · \`{"or": [F, …]}\` one holds · \`{"not": F}\`
- \`{"tag": "vip"}\` the contact has the tag (compared normalized: trimmed, lower case)
- \`{"attribute": "age", "op": "gt", "value": 30}\`: op \`eq\`, \`ne\`, \`in\` (value a list), \`exists\` (no value) for every type;
  \`gt\`, \`gte\`, \`lt\`, \`lte\` for number and date attributes (dates "YYYY-MM-DD"). A contact without the value matches
  no comparison (not even \`ne\`); use \`{"not": …}\` to include it.
- \`{"consent": "marketing", "state": "opted_in" | "opted_out" | "none"}\`: the current consent for the purpose
  (the latest record for it or for all purposes)
- \`{"last_inbound": {"after": t, "before": t, "exists": bool}}\` and \`{"created_at": {"after": t, "before": t}}\`:
  ISO 8601 date-times (or dates), \`after\` inclusive, \`before\` exclusive
- \`{"language": "en"}\` or a list: "en" matches en, en-US, en-GB…
- \`{"q": "ann"}\`: the name contains it, or the number starts with these digits

At most ${MAX_FILTER_NODES} conditions, nested ${MAX_FILTER_DEPTH} deep. Attribute keys must be defined. Erased contacts never match.`;

export const filterSchema = { type: 'object', additionalProperties: true, description: 'A contact filter (see the operation\'s description)' } as const;

export function listOf<S>(item: S) {
  return { type: 'object', properties: { data: { type: 'array', items: item }, next_cursor: { type: ['string', 'null'] } } } as const;
}
