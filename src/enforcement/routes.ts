import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps.ts';
import { authOf, orgOf } from '../http/auth.ts';
import { errorResponses } from '../http/schemas.ts';
import { AppError } from '../lib/app-error.ts';
import { fileAppeal, listAppeals, type AppealRow } from './appeals.ts';
import { scoreOrganization, signalsSince } from './evaluate-standing.ts';
import { SCORE_BANDS } from './signals.ts';
import { findStanding, listStandingChanges, type StandingChangeRow } from './store.ts';

const tags = ['Standing'];

const signalSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' }, clause: { type: 'string', description: 'The AUP clause the signal measures' },
    unit: { type: 'string', enum: ['rate', 'ratio', 'count'] }, value: { type: 'number' },
    volume: { type: 'integer', description: 'What the rate is taken over (messages or attempts); for a count, the count' },
    counts: { type: 'boolean', description: 'false while a rate is below the minimum volume' },
    level: { type: 'string', enum: ['ok', 'warn', 'action'] }, warn: { type: 'number' }, action: { type: 'number' },
    score: { type: 'number', description: 'This signal\'s part of the risk score' },
    description: { type: 'string' }, what_to_do: { type: 'string' },
  },
} as const;

const changeSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, clause: { type: 'string' }, reason: { type: 'string' },
    actor: { type: 'string' }, risk_score: { type: ['number', 'null'] }, until: { type: ['string', 'null'], format: 'date-time' },
    evidence: { type: 'object', additionalProperties: true }, at: { type: 'string', format: 'date-time' },
  },
} as const;

const appealSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' }, change_id: { type: 'string' }, message: { type: 'string' }, status: { type: 'string', enum: ['pending', 'upheld', 'overturned'] },
    decision_reason: { type: ['string', 'null'] }, created_at: { type: 'string', format: 'date-time' }, decided_at: { type: ['string', 'null'], format: 'date-time' },
  },
} as const;

const changeView = (c: StandingChangeRow) => ({
  id: c.id, from: c.from_state, to: c.to_state, clause: c.clause, reason: c.reason, actor: c.actor,
  risk_score: c.risk_score === null ? null : Number(c.risk_score), until: c.until, evidence: c.evidence, at: c.created_at,
});
const appealView = (a: AppealRow) => ({
  id: a.id, change_id: a.change_id, message: a.message, status: a.status, decision_reason: a.decision_reason, created_at: a.created_at, decided_at: a.decided_at,
});

/** The organization's own standing, in the open: every signal with its thresholds before anything happens (AUP 4). */
export function enforcementRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    app.get('/v1/account/standing', {
      config: { scope: 'authenticated', allowSuspended: true },
      schema: {
        tags,
        summary: 'The organization\'s standing: state, signals, thresholds, history',
        description: 'Signals over the rolling window (rates count from the minimum volume), each with its AUP clause, warn and action levels, and what to do. The risk score is 50 × Σ min(value ÷ action level, 1): warned from a third of one action level, restricted (marketing paused) from one signal at its action level, suspended from two.',
        response: {
          200: {
            type: 'object',
            properties: {
              state: { type: 'string', enum: ['good', 'warned', 'restricted', 'suspended', 'terminated'] },
              since: { type: ['string', 'null'], format: 'date-time' }, until: { type: ['string', 'null'], format: 'date-time' },
              clause: { type: ['string', 'null'] }, risk_score: { type: 'number' },
              score_bands: { type: 'object', properties: { warned: { type: 'number' }, restricted: { type: 'number' }, suspended: { type: 'number' } } },
              window: { type: 'object', properties: { seconds: { type: 'integer' }, since: { type: 'string', format: 'date-time' }, min_volume: { type: 'integer' } } },
              signals: { type: 'array', items: signalSchema },
              what_to_do: { type: 'array', items: { type: 'string' } },
              history: { type: 'array', items: changeSchema },
              appeals: { type: 'array', items: appealSchema },
            },
          },
          ...errorResponses(401, 403),
        },
      },
    }, async (request) => {
      const orgId = orgOf(request);
      const cfg = deps.config.enforcement;
      const org = (await findStanding(deps.db, orgId))!;
      const now = deps.clock.now();
      const scored = await scoreOrganization(deps.db, org, now, cfg);
      const signals = scored.readings.map((r) => ({
        id: r.id, clause: r.clause, unit: r.unit, value: r.value, volume: r.volume, counts: r.counts, level: r.level,
        warn: r.warn, action: r.action, score: Math.round(r.score * 10) / 10, description: r.description, what_to_do: r.advice,
      }));
      const flagged = scored.readings.filter((r) => r.level !== 'ok');
      return {
        state: org.standing, since: org.standing_since, until: org.standing_until, clause: org.standing_clause,
        risk_score: Math.round(scored.score * 10) / 10, score_bands: SCORE_BANDS,
        window: { seconds: cfg.windowSeconds, since: signalsSince(org, now, cfg), min_volume: cfg.minVolume },
        signals,
        what_to_do: flagged.length > 0 ? flagged.map((r) => `${r.id} (AUP ${r.clause}): ${r.advice}`) : ['Nothing: every signal is under its warn level.'],
        history: (await listStandingChanges(deps.db, orgId)).map(changeView),
        appeals: (await listAppeals(deps.db, orgId)).map(appealView),
      };
    });

    app.post<{ Body: { message: string; change_id?: string } }>('/v1/account/appeals', {
      config: { scope: 'authenticated', allowSuspended: true },
      schema: {
        tags,
        summary: 'Appeal an enforcement step',
        description: 'Appeals the latest step (or `change_id`) with a message; an operator decides, and the decision shows in the standing\'s `appeals`. A suspended organization\'s keys may still call this (and read the standing), nothing else.',
        body: {
          type: 'object', additionalProperties: false, required: ['message'],
          properties: { message: { type: 'string', minLength: 1, maxLength: 5000 }, change_id: { type: 'string', maxLength: 64 } },
        },
        response: { 201: appealSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    }, async (request, reply) => {
      const auth = authOf(request);
      if (!request.body.message.trim()) throw new AppError('validation_failed', { details: [{ path: 'body.message', message: 'must not be blank' }] });
      const appeal = await fileAppeal(deps.db, auth.orgId, { message: request.body.message, changeId: request.body.change_id, actor: auth.actor }, deps.clock.now());
      return reply.code(201).send(appealView(appeal));
    });
  };
}
