import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps.ts';
import { authOf, orgOf } from '../http/auth.ts';
import { errorResponses, idParams } from '../http/schemas.ts';
import { AppError } from '../lib/app-error.ts';
import { one } from '../db/db.ts';
import { sql } from '../db/sql.ts';
import { consentHistory, consentStates, effectiveConsent, PURPOSES, verifyLedger, type ConsentRecord } from './consent-ledger.ts';
import { loadConsentSettings } from './consent-settings.ts';
import { startDoubleOptIn } from './opt-in/double-opt-in.ts';
import { normalizePhone } from './phone.ts';
import { API_SOURCES, proofViolations, recordConsents, type ConsentInput } from './record-consent.ts';

const recordSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    seq: { type: 'string', description: 'Position in the organization\'s ledger' },
    contact_id: { type: 'string' },
    purpose: { type: 'string', enum: ['marketing', 'utility', 'authentication', 'all'] },
    state: { type: 'string', enum: ['opted_in', 'opted_out', 'erased'] },
    source: { type: 'string' },
    proof: { type: 'object', additionalProperties: true },
    actor: { type: 'string' },
    recorded_at: { type: 'string', format: 'date-time' },
    prev_hash: { type: 'string' },
    hash: { type: 'string', description: 'SHA-256 over the previous hash and this record (proof by digest)' },
  },
} as const;

const consentInputProperties = {
  purpose: { type: 'string', enum: ['marketing', 'utility', 'authentication', 'all'], description: '`all` opts in or out of every purpose at once' },
  state: { type: 'string', enum: ['opted_in', 'opted_out'] },
  source: { type: 'string', enum: [...API_SOURCES] },
  proof: {
    type: 'object',
    additionalProperties: false,
    description: 'For an opt-in to a shown text (web_form, api, agent, import): `text` is required and must name the business and WhatsApp',
    properties: {
      text: { type: 'string', maxLength: 4000 },
      url: { type: 'string', maxLength: 2000 },
      ip: { type: 'string', maxLength: 64 },
      user_agent: { type: 'string', maxLength: 1000 },
      wamid: { type: 'string', maxLength: 200 },
      message_id: { type: 'string', maxLength: 64 },
      import_file: { type: 'string', maxLength: 300 },
      import_row: { type: 'integer', minimum: 1 },
      note: { type: 'string', maxLength: 2000 },
    },
  },
  captured_at: { type: 'string', format: 'date-time', description: 'When the customer gave it, if earlier than now' },
} as const;

const currentSchema = {
  type: 'object',
  description: 'The consent that governs each purpose now: the latest record for the purpose or for `all`',
  properties: Object.fromEntries(PURPOSES.map((p) => [p, {
    type: 'object',
    properties: { state: { type: 'string', enum: ['opted_in', 'opted_out', 'none'] }, record_id: { type: ['string', 'null'] }, recorded_at: { type: ['string', 'null'], format: 'date-time' } },
  }])),
} as const;

function view(r: ConsentRecord) {
  return {
    id: r.id, seq: r.seq, contact_id: r.contact_id, purpose: r.purpose, state: r.state, source: r.source, proof: r.proof,
    actor: r.actor, recorded_at: r.recorded_at, prev_hash: r.prev_hash, hash: r.hash,
  };
}

export async function currentConsent(deps: Deps, orgId: string, contactId: string) {
  const states = await consentStates(deps.db, orgId, contactId);
  return Object.fromEntries(PURPOSES.map((p) => {
    const s = effectiveConsent(states, p);
    return [p, { state: s?.state ?? 'none', record_id: s?.record_id ?? null, recorded_at: s?.recorded_at ?? null }];
  }));
}

function actorOf(request: Parameters<typeof authOf>[0]) {
  return authOf(request).actor;
}

export function consentRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    app.post<{ Body: { records: ConsentInput[] } }>('/v1/consents', {
      config: { scope: 'contacts:write', idempotent: true },
      schema: {
        tags: ['Consent'],
        summary: 'Record consent for up to 1,000 contacts at once',
        description: 'Appends opt-ins and opt-outs to the consent ledger, naming each contact by `contact_id` or by `phone` (a contact is created for a new number). Every record is checked first; none is written unless all pass. Records cannot be edited or deleted: a correction is a new record.',
        body: {
          type: 'object', required: ['records'], additionalProperties: false,
          properties: {
            records: {
              type: 'array', minItems: 1, maxItems: 1000,
              items: {
                type: 'object', required: ['purpose', 'state', 'source'], additionalProperties: false,
                properties: { contact_id: { type: 'string', maxLength: 64 }, phone: { type: 'string', maxLength: 40 }, ...consentInputProperties },
              },
            },
          },
        },
        response: { 201: { type: 'object', properties: { data: { type: 'array', items: recordSchema } } }, ...errorResponses(400, 401, 403, 404) },
      },
    }, async (request, reply) => {
      const auth = authOf(request);
      const records = await recordConsents(deps.db, auth, request.body.records, actorOf(request), deps.clock.now(), (i) => `body.records[${i}]`, request.id);
      return reply.status(201).send({ data: records.map(view) });
    });

    app.post<{ Params: { id: string }; Body: Omit<ConsentInput, 'contact_id' | 'phone'> }>('/v1/contacts/:id/consents', {
      config: { scope: 'contacts:write', idempotent: true },
      schema: {
        tags: ['Consent'],
        summary: 'Record a contact\'s opt-in or opt-out',
        params: idParams,
        body: { type: 'object', required: ['purpose', 'state', 'source'], additionalProperties: false, properties: consentInputProperties },
        response: { 201: recordSchema, ...errorResponses(400, 401, 403, 404) },
      },
    }, async (request, reply) => {
      const auth = authOf(request);
      const [record] = await recordConsents(deps.db, auth, [{ ...request.body, contact_id: request.params.id }], actorOf(request), deps.clock.now(), () => 'body', request.id);
      return reply.status(201).send(view(record!));
    });

    app.get<{ Params: { id: string }; Querystring: { limit?: number; before_seq?: string } }>('/v1/contacts/:id/consents', {
      config: { scope: 'contacts:read' },
      schema: {
        tags: ['Consent'],
        summary: 'A contact\'s current consent per purpose and its full history, newest first',
        params: idParams,
        querystring: {
          type: 'object', additionalProperties: false,
          properties: { limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 }, before_seq: { type: 'string', pattern: '^[0-9]{1,18}$' } },
        },
        response: {
          200: { type: 'object', properties: { current: currentSchema, history: { type: 'array', items: recordSchema }, next_before_seq: { type: ['string', 'null'] } } },
          ...errorResponses(400, 401, 403, 404),
        },
      },
    }, async (request) => {
      const orgId = orgOf(request);
      const contact = await one(deps.db, sql`SELECT id FROM contacts WHERE org_id = ${orgId} AND id = ${request.params.id}`);
      if (!contact) throw new AppError('not_found', { message: 'No such contact.' });
      const limit = request.query.limit ?? 50;
      const history = await consentHistory(deps.db, orgId, request.params.id, { limit, ...(request.query.before_seq ? { afterSeq: request.query.before_seq } : {}) });
      return {
        current: await currentConsent(deps, orgId, request.params.id),
        history: history.map(view),
        next_before_seq: history.length === limit ? history[history.length - 1]!.seq : null,
      };
    });

    app.post<{ Body: { phone: string; purpose: ConsentInput['purpose']; source: ConsentInput['source']; proof: NonNullable<ConsentInput['proof']> } }>('/v1/consents/double-opt-in', {
      config: { scope: 'contacts:write', idempotent: true },
      schema: {
        tags: ['Consent'],
        summary: 'Ask a number to confirm an opt-in (double opt-in)',
        description: 'For an opt-in given where the number\'s owner was not proven (a form on your own site, a call): sends the confirmation template of the consent settings and keeps the opt-in pending. It counts — an `opted_in` record with this proof, source `double_opt_in` — only once the customer answers it (a confirming quick reply or the opt-in keyword) within 24 hours. A number with an open request gets no second template.',
        body: {
          type: 'object', required: ['phone', 'purpose', 'source', 'proof'], additionalProperties: false,
          properties: { phone: { type: 'string', maxLength: 40 }, purpose: consentInputProperties.purpose, source: consentInputProperties.source, proof: consentInputProperties.proof },
        },
        response: {
          202: { type: 'object', properties: { pending_opt_in_id: { type: 'string' }, message_id: { type: ['string', 'null'] }, reused: { type: 'boolean' } } },
          ...errorResponses(400, 401, 403, 422),
        },
      },
    }, async (request, reply) => {
      const auth = authOf(request);
      const settings = await loadConsentSettings(deps.db, auth.orgId);
      const phone = normalizePhone(request.body.phone, auth.defaultCountry);
      const violations = [
        ...(phone.ok ? [] : [{ path: 'body.phone', message: phone.reason }]),
        ...proofViolations(request.body, settings.business_name, 'body.proof'),
      ];
      if (violations.length > 0) throw new AppError('validation_failed', { details: violations });
      const started = await startDoubleOptIn(deps, auth, settings, {
        phone: (phone as { e164: string }).e164, purpose: request.body.purpose, source: request.body.source, proof: request.body.proof, actor: actorOf(request),
      });
      return reply.status(202).send({ pending_opt_in_id: started.pendingOptInId, message_id: started.messageId, reused: started.reused });
    });

    app.get('/v1/consents/verify', {
      config: { scope: 'contacts:read' },
      schema: {
        tags: ['Consent'],
        summary: 'Prove the consent ledger untouched',
        description: 'Recomputes every link of the organization\'s hash chain from the first record: each record against its hash, each link against the record before, the sequence without gaps, each proof against its digest, and the head. `broken` names the first record that does not hold. Keep the returned head hash: a later verification whose chain no longer passes through it shows a rewrite.',
        response: {
          200: {
            type: 'object',
            properties: {
              ok: { type: 'boolean' },
              records: { type: 'integer' },
              head: { type: 'object', properties: { seq: { type: 'string' }, hash: { type: 'string' } } },
              broken: { type: ['object', 'null'], properties: { seq: { type: 'string' }, id: { type: ['string', 'null'] }, reason: { type: 'string' } } },
              verified_at: { type: 'string', format: 'date-time' },
            },
          },
          ...errorResponses(401, 403),
        },
      },
    }, async (request) => verifyLedger(deps.db, orgOf(request)));
  };
}
