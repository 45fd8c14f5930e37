import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps.ts';
import { orgOf } from '../http/auth.ts';
import { errorResponses, idParams } from '../http/schemas.ts';
import { AppError } from '../lib/app-error.ts';
import { rateOf } from '../messaging/dispatch.ts';
import { registerPhoneNumber, type RegisterPhoneNumberInput } from './register-phone-number.ts';
import { findPhoneNumber, listPhoneNumbers, resumePhoneNumber, type PhoneNumberRow } from './store.ts';

const phoneNumberSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    waba_id: { type: 'string' },
    phone_number_id: { type: 'string' },
    display_phone_number: { type: 'string' },
    verified_name: { type: ['string', 'null'] },
    quality_rating: { type: ['string', 'null'], description: 'GREEN, YELLOW, RED or UNKNOWN, as last reported by Meta' },
    messaging_limit_tier: { type: ['string', 'null'], description: 'e.g. TIER_2K' },
    throughput_level: { type: ['string', 'null'], description: 'STANDARD (80 msg/s), HIGH (1,000 msg/s)' },
    send_rate_mps: { type: 'integer', description: 'The rate Xpecto sends at from this number, in messages per second' },
    paused_at: { type: ['string', 'null'], format: 'date-time', description: 'Set when the Cloud API refused the account (e.g. an invalid token); sending waits until resumed' },
    pause_reason: { type: ['object', 'null'], additionalProperties: true },
    status: { type: ['string', 'null'] },
    last_synced_at: { type: ['string', 'null'], format: 'date-time' },
    created_at: { type: 'string', format: 'date-time' },
  },
} as const;

// Credentials go in, never out: this view is the only shape a phone number leaves the platform in.
function view(deps: Deps, n: PhoneNumberRow) {
  return {
    send_rate_mps: rateOf(deps, n), paused_at: n.paused_at, pause_reason: n.pause_reason,
    id: n.id, waba_id: n.waba_id, phone_number_id: n.phone_number_id, display_phone_number: n.display_phone_number,
    verified_name: n.verified_name, quality_rating: n.quality_rating, messaging_limit_tier: n.messaging_limit_tier,
    throughput_level: n.throughput_level, status: n.status, last_synced_at: n.last_synced_at, created_at: n.created_at,
  };
}

const digits = (max: number) => ({ type: 'string', pattern: '^[0-9]+$', minLength: 1, maxLength: max }) as const;

export function phoneNumberRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    app.post<{ Body: RegisterPhoneNumberInput }>('/v1/phone-numbers', {
      config: { scope: 'phone_numbers:write', idempotent: true },
      schema: {
        tags: ['Phone numbers'],
        summary: 'Connect a WhatsApp Business Account phone number',
        description: 'Checks the credentials against the Cloud API, stores them encrypted (never returned), and syncs the account\'s templates.',
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['waba_id', 'phone_number_id', 'access_token', 'app_secret', 'verify_token'],
          properties: {
            waba_id: digits(32),
            phone_number_id: digits(32),
            access_token: { type: 'string', minLength: 8, maxLength: 2048 },
            app_secret: { type: 'string', minLength: 8, maxLength: 256 },
            verify_token: { type: 'string', minLength: 8, maxLength: 256 },
          },
        },
        response: { 201: phoneNumberSchema, ...errorResponses(400, 401, 403, 409, 422, 502) },
      },
    }, async (request, reply) => {
      const number = await registerPhoneNumber(deps, orgOf(request), request.body);
      return reply.status(201).send(view(deps, number));
    });

    app.get('/v1/phone-numbers', {
      config: { scope: 'phone_numbers:read' },
      schema: {
        tags: ['Phone numbers'],
        summary: 'List connected phone numbers',
        response: { 200: { type: 'object', properties: { data: { type: 'array', items: phoneNumberSchema } } }, ...errorResponses(401, 403) },
      },
    }, async (request) => ({ data: (await listPhoneNumbers(deps.db, orgOf(request))).map((n) => view(deps, n)) }));

    app.get<{ Params: { id: string } }>('/v1/phone-numbers/:id', {
      config: { scope: 'phone_numbers:read' },
      schema: {
        tags: ['Phone numbers'],
        summary: 'Get a phone number with its quality rating, messaging limit tier and throughput level',
        params: idParams,
        response: { 200: phoneNumberSchema, ...errorResponses(401, 403, 404) },
      },
    }, async (request) => {
      const number = await findPhoneNumber(deps.db, orgOf(request), request.params.id);
      if (!number) throw new AppError('not_found', { message: 'No such phone number.' });
      return view(deps, number);
    });

    app.post<{ Params: { id: string } }>('/v1/phone-numbers/:id/resume', {
      config: { scope: 'phone_numbers:write' },
      schema: {
        tags: ['Phone numbers'],
        summary: 'Resume sending from a paused number',
        description: 'A number is paused when the Cloud API refuses its account (invalid token, policy block, payment). Fix the cause (e.g. register a new token), then resume: waiting messages go out.',
        params: idParams,
        response: { 200: phoneNumberSchema, ...errorResponses(401, 403, 404) },
      },
    }, async (request) => {
      const orgId = orgOf(request);
      if (!(await resumePhoneNumber(deps.db, orgId, request.params.id))) throw new AppError('not_found', { message: 'No such phone number.' });
      deps.wakeDispatcher();
      return view(deps, (await findPhoneNumber(deps.db, orgId, request.params.id))!);
    });
  };
}
