import { LADDER } from '../enforcement/signals.ts';
import { policyDocumentSchema } from '../policy/document.ts';

// JSON Schemas of the operator console's routes: they validate requests, shape responses and, through /docs/json,
// generate the dashboard's client. Shared pieces first, then one body or response per route.

const dateTime = { type: 'string', format: 'date-time' } as const;
const nullableDateTime = { type: ['string', 'null'], format: 'date-time' } as const;
const nullableString = { type: ['string', 'null'] } as const;

export const ORG_ID = '^org_[0-9a-z]{26}$';
export const orgIdParams = { type: 'object', required: ['id'], additionalProperties: false, properties: { id: { type: 'string', pattern: ORG_ID } } } as const;
export const appealParams = {
  type: 'object', required: ['org_id', 'id'], additionalProperties: false,
  properties: { org_id: { type: 'string', pattern: ORG_ID }, id: { type: 'string', pattern: '^apl_[0-9a-z]{26}$' } },
} as const;

export const pageQuery = {
  limit: { type: 'integer', minimum: 1, maximum: 100, default: 25 },
  cursor: { type: 'string', maxLength: 200, description: 'next_cursor of the previous page' },
} as const;

const standingSchema = {
  type: 'object', required: ['state', 'since', 'until', 'clause'],
  properties: { state: { type: 'string', enum: [...LADDER] }, since: nullableDateTime, until: nullableDateTime, clause: nullableString },
} as const;

/** A signal as the list shows it: only those at their warn or action level. */
const flaggedSignalSchema = {
  type: 'object', required: ['id', 'clause', 'unit', 'value', 'volume', 'level', 'warn', 'action'],
  properties: {
    id: { type: 'string' }, clause: { type: 'string' }, unit: { type: 'string', enum: ['rate', 'ratio', 'count'] },
    value: { type: 'number' }, volume: { type: 'integer' }, level: { type: 'string', enum: ['warn', 'action'] },
    warn: { type: 'number' }, action: { type: 'number' },
  },
} as const;

/** Every signal, as `GET /v1/account/standing` shows it to the organization. */
const signalSchema = {
  type: 'object', required: ['id', 'clause', 'unit', 'value', 'volume', 'counts', 'level', 'warn', 'action', 'score'],
  properties: {
    id: { type: 'string' }, clause: { type: 'string' }, unit: { type: 'string', enum: ['rate', 'ratio', 'count'] }, value: { type: 'number' },
    volume: { type: 'integer' }, counts: { type: 'boolean', description: 'false while a rate is below the minimum volume' },
    level: { type: 'string', enum: ['ok', 'warn', 'action'] }, warn: { type: 'number' }, action: { type: 'number' },
    score: { type: 'number', description: 'This signal\'s part of the risk score' }, description: { type: 'string' }, what_to_do: { type: 'string' },
  },
} as const;

const organizationSummary = {
  type: 'object',
  required: ['id', 'name', 'slug', 'status', 'plan', 'created_at', 'standing', 'risk_score', 'signals', 'open_cases'],
  properties: {
    id: { type: 'string' }, name: { type: 'string' }, slug: { type: 'string' },
    status: { type: 'string', enum: ['active', 'suspended', 'terminated'] }, plan: { type: 'string' }, created_at: dateTime,
    standing: standingSchema,
    risk_score: { type: 'number', description: '0–100: 50 × Σ min(value ÷ action level, 1) over the signals that count' },
    signals: { type: 'array', items: flaggedSignalSchema, description: 'Signals at their warn or action level' },
    open_cases: { type: 'integer' },
  },
} as const;

export const changeSchema = {
  type: 'object', required: ['id', 'from', 'to', 'clause', 'reason', 'actor', 'until', 'at'],
  properties: {
    id: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, clause: { type: 'string' }, reason: { type: 'string' },
    actor: { type: 'string' }, risk_score: { type: ['number', 'null'] }, until: nullableDateTime,
    evidence: { type: 'object', additionalProperties: true }, at: dateTime,
  },
} as const;

const appealSchema = {
  type: 'object', required: ['id', 'org_id', 'change_id', 'message', 'status', 'created_at'],
  properties: {
    id: { type: 'string' }, org_id: { type: 'string' }, change_id: { type: 'string' }, message: { type: 'string' },
    status: { type: 'string', enum: ['pending', 'upheld', 'overturned'] }, actor: { type: 'string' },
    decided_by: nullableString, decision_reason: nullableString, created_at: dateTime, decided_at: nullableDateTime,
  },
} as const;

const phoneNumberSchema = {
  type: 'object', required: ['id', 'display_phone_number'],
  properties: {
    id: { type: 'string' }, display_phone_number: { type: 'string' }, verified_name: nullableString, waba_id: { type: 'string' },
    quality_rating: nullableString, messaging_limit_tier: nullableString, throughput_level: nullableString, status: nullableString,
    paused_at: nullableDateTime, created_at: dateTime,
  },
} as const;

export const organizationListResponse = {
  type: 'object', required: ['data', 'next_cursor'],
  properties: { data: { type: 'array', items: organizationSummary }, next_cursor: nullableString },
} as const;

export const organizationDetailResponse = {
  type: 'object',
  required: [...organizationSummary.required, 'all_signals', 'score_bands', 'window', 'history', 'pending_appeals', 'phone_numbers', 'open_case_list'],
  properties: {
    ...organizationSummary.properties,
    all_signals: { type: 'array', items: signalSchema, description: 'Every signal with its value, volume and thresholds' },
    score_bands: { type: 'object', properties: { warned: { type: 'number' }, restricted: { type: 'number' }, suspended: { type: 'number' } } },
    window: { type: 'object', properties: { seconds: { type: 'integer' }, since: dateTime, min_volume: { type: 'integer' } } },
    history: { type: 'array', items: changeSchema, description: 'Enforcement steps, newest first (the last 50)' },
    pending_appeals: { type: 'array', items: appealSchema },
    phone_numbers: { type: 'array', items: phoneNumberSchema },
    open_case_list: {
      type: 'array',
      items: { type: 'object', properties: { id: { type: 'string' }, clause: { type: 'string' }, category: { type: 'string' }, assignee: nullableString, created_at: dateTime } },
    },
  },
} as const;

export const standingBody = {
  type: 'object', required: ['state', 'reason', 'clause'], additionalProperties: false,
  properties: {
    state: { type: 'string', enum: [...LADDER] },
    reason: { type: 'string', minLength: 1, maxLength: 2000, description: 'Sent to the organization with the notice' },
    clause: { type: 'string', pattern: '^[0-9]{1,2}(\\.[0-9]{1,2})?$', description: 'A section or clause of the policy in force' },
    until: { ...dateTime, description: 'A suspension\'s end (required for, and only for, `suspended`)' },
  },
} as const;

export const standingChangeResponse = {
  type: 'object', required: ['change_id', 'org_id', 'from', 'to', 'clause', 'reason', 'actor', 'until', 'at'],
  properties: {
    change_id: { type: 'string' }, org_id: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, clause: { type: 'string' },
    reason: { type: 'string' }, actor: { type: 'string' }, until: nullableDateTime, at: dateTime,
  },
} as const;

export const appealListResponse = {
  type: 'object', required: ['data', 'total'],
  properties: {
    data: {
      type: 'array',
      items: {
        ...appealSchema,
        properties: {
          ...appealSchema.properties,
          organization: { type: ['object', 'null'], properties: { id: { type: 'string' }, name: { type: 'string' }, slug: { type: 'string' }, standing: { type: 'string' } } },
          appealed_change: {
            type: ['object', 'null'],
            properties: { id: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, clause: { type: 'string' }, reason: { type: 'string' }, actor: { type: 'string' }, at: dateTime },
          },
        },
      },
    },
    total: { type: 'integer', description: 'Pending appeals in all; data holds the oldest `limit`' },
  },
} as const;

export const decisionBody = {
  type: 'object', required: ['outcome', 'reason'], additionalProperties: false,
  properties: { outcome: { type: 'string', enum: ['upheld', 'overturned'] }, reason: { type: 'string', minLength: 1, maxLength: 2000 } },
} as const;

export const decisionResponse = {
  type: 'object', required: ['appeal', 'standing'],
  properties: { appeal: appealSchema, standing: standingSchema },
} as const;

const policyVersionSchema = {
  type: 'object', required: ['version', 'title', 'summary', 'effective_at', 'published_at', 'published_by', 'state', 'document', 'acceptances'],
  properties: {
    version: { type: 'integer' }, title: { type: 'string' }, summary: { type: 'string' }, effective_at: dateTime, published_at: dateTime,
    published_by: { type: 'string' }, state: { type: 'string', enum: ['superseded', 'in_force', 'upcoming'] }, url: { type: 'string' },
    document: { ...policyDocumentSchema, description: 'The version\'s structured text, as published: a starting point for the next one' },
    acceptances: {
      type: 'object', required: ['total', 'explicit', 'continued_use'],
      properties: { total: { type: 'integer' }, explicit: { type: 'integer' }, continued_use: { type: 'integer' } },
    },
  },
} as const;

export const policyListResponse = {
  type: 'object', required: ['data', 'organizations'],
  properties: {
    data: { type: 'array', items: policyVersionSchema, description: 'Every version, oldest first' },
    organizations: { type: 'integer', description: 'Organizations not terminated: those that can accept' },
  },
} as const;

export const publishBody = {
  type: 'object', required: ['document', 'summary', 'effective_at'], additionalProperties: false,
  properties: {
    document: policyDocumentSchema,
    summary: { type: 'string', minLength: 1, maxLength: 2000, description: 'What changed, told to every organization' },
    effective_at: { ...dateTime, description: 'In the future, at least POLICY_MIN_NOTICE_HOURS (168 by default) from now' },
  },
} as const;

export const publishResponse = policyVersionSchema;

export const reportListResponse = {
  type: 'object', required: ['data', 'next_cursor'],
  properties: {
    data: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string' }, status: { type: 'string', enum: ['received', 'closed'] }, category: { type: 'string' }, clause: { type: 'string' },
          organization: { type: ['object', 'null'], properties: { id: { type: 'string' }, name: { type: 'string' } } },
          case: {
            type: ['object', 'null'], description: 'The case investigating the report: GET /v1/operator/cases/{id}',
            properties: { id: { type: 'string' }, status: { type: 'string' }, url: { type: 'string' } },
          },
          reported_business: nullableString, reported_phone: nullableString, description: { type: 'string' },
          source: { type: 'string', enum: ['form', 'api'] }, evidence_count: { type: 'integer' },
          outcome: nullableString, outcome_by: nullableString, outcome_at: nullableDateTime, created_at: dateTime,
        },
      },
    },
    next_cursor: nullableString,
  },
} as const;
