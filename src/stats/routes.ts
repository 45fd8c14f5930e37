import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps.ts';
import { orgOf } from '../http/auth.ts';
import { errorResponses } from '../http/schemas.ts';
import { AppError } from '../lib/app-error.ts';
import { isTimeZone } from './local-days.ts';
import { overview } from './overview.ts';

const counts = {
  sent: { type: 'integer', description: 'Outbound messages that reached WhatsApp (sent, delivered or read)' },
  delivered: { type: 'integer', description: 'Outbound messages delivered to the phone (delivered or read)' },
  read: { type: 'integer', description: 'Outbound messages the customer read' },
  failed: { type: 'integer', description: 'Outbound messages that failed' },
  replied: { type: 'integer', description: 'Messages customers sent' },
} as const;

const dayCounts = {
  type: 'object',
  required: ['date', ...Object.keys(counts)],
  properties: { date: { type: 'string', format: 'date', description: 'The local calendar day' }, ...counts },
} as const;

const overviewSchema = {
  type: 'object',
  required: ['time_zone', 'generated_at', 'today', 'series', 'phone_numbers'],
  properties: {
    time_zone: { type: 'string' },
    generated_at: { type: 'string', format: 'date-time' },
    today: dayCounts,
    series: { type: 'array', items: dayCounts, description: 'One entry per day, oldest first, ending with today; days without messages are zeros' },
    phone_numbers: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          display_phone_number: { type: 'string' },
          verified_name: { type: ['string', 'null'] },
          quality_rating: { type: ['string', 'null'], description: 'GREEN, YELLOW, RED or UNKNOWN, as last reported by Meta' },
          messaging_limit_tier: { type: ['string', 'null'], description: 'e.g. TIER_2K' },
          throughput_level: { type: ['string', 'null'], description: 'STANDARD or HIGH' },
          send_rate_mps: { type: 'integer', description: 'The rate Xpecto sends at from this number, in messages per second' },
          status: { type: ['string', 'null'] },
          paused_at: { type: ['string', 'null'], format: 'date-time', description: 'Set while sending from the number is paused (GET /v1/phone-numbers/{id} says why)' },
        },
      },
    },
  },
} as const;

type OverviewQuery = { days: number; tz: string };

/** Aggregates for the dashboard (issue 9): what the Overview view shows. */
export function statsRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    app.get<{ Querystring: OverviewQuery }>('/v1/stats/overview', {
      config: { scope: 'messages:read' },
      schema: {
        tags: ['Stats'],
        summary: 'Today\'s message counts, a per-day series, and each phone number\'s quality, tier and throughput',
        description: 'Counts messages by the day they were created, in the time zone `tz`. Outbound counts are by how far each message got: a read message counts as sent, delivered and read.',
        querystring: {
          type: 'object', additionalProperties: false,
          properties: {
            days: { type: 'integer', minimum: 1, maximum: 90, default: 14, description: 'How many days, today included' },
            tz: { type: 'string', minLength: 1, maxLength: 64, default: 'UTC', description: 'IANA time zone, e.g. "Europe/Berlin"' },
          },
        },
        response: { 200: overviewSchema, ...errorResponses(400, 401, 403) },
      },
    }, async (request) => {
      const { days, tz } = request.query;
      if (!isTimeZone(tz)) {
        throw new AppError('validation_failed', { message: `"${tz}" is not a time zone.`, details: [{ path: 'querystring.tz', message: 'is not an IANA time zone name such as "Europe/Berlin"' }] });
      }
      return overview(deps, orgOf(request), { days, tz });
    });
  };
}
