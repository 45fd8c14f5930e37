import { LADDER } from '../enforcement/signals.ts';
import { PRIORITIES } from './priority.ts';

// Response shapes of the case routes: they serialize the answers (a property missing here is dropped from the
// answer) and, through /docs/json, type the dashboard's client. Tenant rows (messages, consent records) are
// evidence: their JSON columns pass through whole.

const dateTime = { type: 'string', format: 'date-time' } as const;
const nullableDateTime = { type: ['string', 'null'], format: 'date-time' } as const;
const nullableString = { type: ['string', 'null'] } as const;
const anyObject = { type: 'object', additionalProperties: true } as const;

const caseSummary = {
  type: 'object',
  required: ['id', 'status', 'priority', 'clause', 'category', 'organization', 'report_ids', 'assignee', 'outcome', 'confirmed', 'resolved_by', 'resolved_at', 'created_at'],
  properties: {
    id: { type: 'string' }, status: { type: 'string', enum: ['open', 'resolved'] },
    priority: { type: 'string', enum: [...PRIORITIES], description: 'From the clause and the organization\'s standing now' },
    clause: { type: 'string', description: 'The weightiest clause of its reports' }, category: { type: 'string' },
    organization: {
      type: ['object', 'null'], required: ['id', 'name', 'standing'], description: 'The investigated organization; null when the report names no customer',
      properties: { id: { type: 'string' }, name: { type: 'string' }, standing: { type: 'string', enum: [...LADDER] } },
    },
    report_ids: { type: 'array', items: { type: 'string' } },
    assignee: { ...nullableString, description: 'The operator\'s user id' },
    outcome: nullableString, confirmed: { type: ['boolean', 'null'] }, resolved_by: nullableString, resolved_at: nullableDateTime, created_at: dateTime,
  },
} as const;

const caseEvent = {
  type: 'object', required: ['id', 'kind', 'actor', 'detail', 'created_at'],
  properties: {
    id: { type: 'string' },
    kind: { type: 'string', enum: ['opened', 'report_added', 'assigned', 'note', 'action', 'resolved', 'evidence_exported'] },
    actor: { type: 'string' }, detail: anyObject, created_at: dateTime,
  },
} as const;

export const caseListResponse = {
  type: 'object', required: ['data'],
  properties: { data: { type: 'array', items: caseSummary, description: 'Most urgent first, then oldest first' } },
} as const;

export const caseDetailResponse = {
  type: 'object', required: [...caseSummary.required, 'events'],
  properties: { ...caseSummary.properties, events: { type: 'array', items: caseEvent, description: 'The timeline, oldest first' } },
} as const;

export const assignResponse = {
  type: 'object', required: ['assignee'], properties: { assignee: { type: 'string', description: 'The operator\'s user id' } },
} as const;

export const noteResponse = { type: 'object', required: ['body'], properties: { body: { type: 'string' } } } as const;

export const caseMessagesResponse = {
  type: 'object', required: ['data'],
  properties: {
    data: {
      type: 'array', description: 'Newest first',
      items: {
        type: 'object',
        required: ['id', 'direction', 'counterpart', 'contact_id', 'type', 'content', 'rendered_text', 'template_id', 'status', 'error', 'created_at'],
        properties: {
          id: { type: 'string' }, direction: { type: 'string', enum: ['outbound', 'inbound'] }, counterpart: { type: 'string' },
          contact_id: { type: 'string' }, type: { type: 'string' }, content: anyObject, rendered_text: nullableString, template_id: nullableString,
          status: { type: 'string' }, error: { type: ['object', 'null'], additionalProperties: true }, created_at: dateTime,
        },
      },
    },
  },
} as const;

export const caseConsentRecordsResponse = {
  type: 'object', required: ['data'],
  properties: {
    data: {
      type: 'array', description: 'In ledger order',
      items: {
        type: 'object',
        required: ['seq', 'id', 'contact_id', 'purpose', 'state', 'source', 'proof', 'actor', 'recorded_at', 'prev_hash', 'hash'],
        properties: {
          seq: { type: 'string', description: 'Position in the organization\'s ledger' }, id: { type: 'string' }, contact_id: { type: 'string' },
          purpose: { type: 'string', enum: ['marketing', 'utility', 'authentication', 'all'] }, state: { type: 'string', enum: ['opted_in', 'opted_out', 'erased'] },
          source: { type: 'string' }, proof: anyObject, actor: { type: 'string' }, recorded_at: dateTime, prev_hash: { type: 'string' }, hash: { type: 'string' },
        },
      },
    },
  },
} as const;

export const actionResponse = {
  type: 'object', required: ['change_id', 'from', 'to', 'clause', 'until'],
  properties: {
    change_id: { type: 'string' }, from: { type: 'string', enum: [...LADDER] }, to: { type: 'string', enum: [...LADDER] }, clause: { type: 'string' },
    until: { ...nullableDateTime, description: 'A suspension\'s end' },
  },
} as const;

export const resolveResponse = {
  type: 'object', required: ['outcome', 'confirmed', 'reports_closed'],
  properties: {
    outcome: { type: 'string' }, confirmed: { type: 'boolean' },
    reports_closed: { type: 'array', items: { type: 'string' }, description: 'The reports this resolution closed (their reporters were written to)' },
  },
} as const;

export const evidenceResponse = { description: 'A tar: case.json, the reports and attachments, messages, consent records, audit entries, MANIFEST.sha256', type: 'string', format: 'binary' } as const;
