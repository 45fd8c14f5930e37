import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuditBy } from '../audit/record-audit.ts';
import type { Deps } from '../deps.ts';
import { listAppeals, listPendingAppealsUnscoped, type AppealRow } from '../enforcement/appeals.ts';
import { scoreOrganization, signalsSince } from '../enforcement/evaluate-standing.ts';
import { SCORE_BANDS, type Reading, type StandingState } from '../enforcement/signals.ts';
import { findStanding, listStandingChanges, type StandingChangeRow } from '../enforcement/store.ts';
import { errorResponses } from '../http/schemas.ts';
import { AppError } from '../lib/app-error.ts';
import { listPhoneNumbers } from '../phone-numbers/store.ts';
import { clauseIds } from '../policy/document.ts';
import type { PolicyState } from '../policy/policy-state.ts';
import { publishPolicy } from '../policy/publish-policy.ts';
import { versionInForce, type PolicyVersion } from '../policy/store.ts';
import { operatorActor } from './auth.ts';
import { operatorAuditRoutes } from './console-audit-routes.ts';
import { decideAppealByOperator, setStandingByOperator } from './console-actions.ts';
import * as s from './console-schemas.ts';
import {
  appealContext, decodeCursor, encodeCursor, findOrganizationRow, listOpenCasesOf, listOrganizationsPage, listReportsPage,
  policyAcceptanceCounts, type OrgRow,
} from './console-store.ts';

const operator = { operator: true } as const;
const by = (request: FastifyRequest): AuditBy => ({ actor: operatorActor(request), requestId: request.id });
const round = (n: number) => Math.round(n * 10) / 10;

const standingOf = (o: Pick<OrgRow, 'standing' | 'standing_since' | 'standing_until' | 'standing_clause'>) =>
  ({ state: o.standing, since: o.standing_since, until: o.standing_until, clause: o.standing_clause });
const changeView = (c: StandingChangeRow) => ({
  id: c.id, from: c.from_state, to: c.to_state, clause: c.clause, reason: c.reason, actor: c.actor,
  risk_score: c.risk_score === null ? null : Number(c.risk_score), until: c.until, evidence: c.evidence, at: c.created_at,
});
const appealView = (orgId: string, a: AppealRow) => ({ org_id: orgId, ...a });

function summaryOf(o: OrgRow, scored: { readings: Reading[]; score: number }) {
  return {
    id: o.id, name: o.name, slug: o.slug, status: o.status, plan: o.plan, created_at: o.created_at, standing: standingOf(o),
    risk_score: round(scored.score),
    signals: scored.readings.filter((r) => r.level !== 'ok')
      .map((r) => ({ id: r.id, clause: r.clause, unit: r.unit, value: r.value, volume: r.volume, level: r.level, warn: r.warn, action: r.action })),
    open_cases: o.open_cases,
  };
}

function policyView(v: PolicyVersion, now: Date, inForce: number | undefined, counts: { explicit: number; continued_use: number } | undefined) {
  const state = v.version === inForce ? 'in_force' : v.effective_at.getTime() > now.getTime() ? 'upcoming' : 'superseded';
  const explicit = counts?.explicit ?? 0;
  const continuedUse = counts?.continued_use ?? 0;
  return {
    version: v.version, title: v.title, summary: v.summary, effective_at: v.effective_at, published_at: v.published_at, published_by: v.published_by,
    state, url: `/legal/aup/v${v.version}`, document: v.document, acceptances: { total: explicit + continuedUse, explicit, continued_use: continuedUse },
  };
}

/**
 * The operator console's API (issue 9 item 8; AUP 4, 5 and 7): organizations with their risk and standing, steps on
 * the enforcement ladder, appeals, policy versions and the report queue. Only operator keys open it; every change
 * is recorded in the operator chain with the operator as actor. Reads show the platform's own records (standing,
 * signals, reports) and no messages or consent records, so, like the case queue, they are not audited.
 */
export function operatorConsoleRoutes(deps: Deps, policy: PolicyState) {
  const cfg = deps.config.enforcement;
  return async (app: FastifyInstance) => {
    await app.register(operatorAuditRoutes(deps));

    app.get('/v1/operator/organizations', {
      config: operator,
      schema: {
        tags: ['Operator: organizations'], summary: 'Organizations with their standing, risk score and flagged signals, newest first',
        description: '`q` matches a name or slug (substring) or an id. Each organization\'s signals are measured when read (one statement each).',
        querystring: {
          type: 'object', additionalProperties: false,
          properties: { standing: { type: 'string', enum: [...s.standingBody.properties.state.enum] }, q: { type: 'string', minLength: 1, maxLength: 200 }, ...s.pageQuery },
        },
        response: { 200: s.organizationListResponse, ...errorResponses(400, 401) },
      },
    }, async (request) => {
      const q = request.query as { standing?: StandingState; q?: string; limit: number; cursor?: string };
      const rows = await listOrganizationsPage(deps.db, { standing: q.standing, q: q.q?.trim() || undefined, beforeId: q.cursor ? decodeCursor('org', q.cursor) : undefined, limit: q.limit });
      const page = rows.slice(0, q.limit);
      const now = deps.clock.now();
      const data = await Promise.all(page.map(async (o) => summaryOf(o, await scoreOrganization(deps.db, o, now, cfg))));
      return { data, next_cursor: rows.length > q.limit ? encodeCursor('org', page[page.length - 1]!.id) : null };
    });

    app.get('/v1/operator/organizations/:id', {
      config: operator,
      schema: {
        tags: ['Operator: organizations'], summary: 'One organization: every signal with its thresholds, enforcement history, pending appeals, phone numbers',
        params: s.orgIdParams, response: { 200: s.organizationDetailResponse, ...errorResponses(400, 401, 404) },
      },
    }, async (request) => {
      const { id } = request.params as { id: string };
      const o = await findOrganizationRow(deps.db, id);
      if (!o) throw new AppError('not_found', { message: `No organization ${id}.` });
      const now = deps.clock.now();
      const scored = await scoreOrganization(deps.db, o, now, cfg);
      return {
        ...summaryOf(o, scored),
        all_signals: scored.readings.map((r) => ({
          id: r.id, clause: r.clause, unit: r.unit, value: r.value, volume: r.volume, counts: r.counts, level: r.level,
          warn: r.warn, action: r.action, score: round(r.score), description: r.description, what_to_do: r.advice,
        })),
        score_bands: SCORE_BANDS,
        window: { seconds: cfg.windowSeconds, since: signalsSince(o, now, cfg), min_volume: cfg.minVolume },
        history: (await listStandingChanges(deps.db, id)).map(changeView),
        pending_appeals: (await listAppeals(deps.db, id)).filter((a) => a.status === 'pending').map((a) => appealView(id, a)),
        phone_numbers: await listPhoneNumbers(deps.db, id),
        open_case_list: await listOpenCasesOf(deps.db, id),
      };
    });

    app.post('/v1/operator/organizations/:id/standing', {
      config: operator,
      schema: {
        tags: ['Operator: organizations'], summary: 'Move an organization on the enforcement ladder (any rung), with a reason and a clause',
        description: 'The organization is told (account event, `account.standing` webhook, email) and may appeal. A suspension needs `until`; termination revokes every key and is final (409 afterwards).',
        params: s.orgIdParams, body: s.standingBody, response: { 201: s.standingChangeResponse, ...errorResponses(400, 401, 404, 409) },
      },
    }, async (request, reply) => {
      const { id } = request.params as { id: string };
      const b = request.body as { state: StandingState; reason: string; clause: string; until?: string };
      const reason = b.reason.trim();
      const problems: { path: string; message: string }[] = [];
      if (!reason) problems.push({ path: 'body.reason', message: 'must not be blank' });
      if (!clauseIds((await policy.inForce()).document).includes(b.clause)) problems.push({ path: 'body.clause', message: 'is not a section or clause of the policy in force' });
      const now = deps.clock.now();
      const until = b.until ? new Date(b.until) : null;
      if (b.state === 'suspended' && !(until && until > now)) problems.push({ path: 'body.until', message: 'a suspension needs an end in the future' });
      if (b.state !== 'suspended' && until) problems.push({ path: 'body.until', message: 'only a suspension has an end' });
      if (problems.length > 0) throw new AppError('validation_failed', { details: problems });
      const change = await setStandingByOperator(deps.db, id, { state: b.state, reason, clause: b.clause, until }, by(request), now);
      reply.code(201);
      return {
        change_id: change.id, org_id: id, from: change.from_state, to: change.to_state, clause: change.clause, reason: change.reason,
        actor: change.actor, until: change.until, at: change.created_at,
      };
    });

    app.get('/v1/operator/appeals', {
      config: operator,
      schema: {
        tags: ['Operator: appeals'], summary: 'Appeals waiting for a decision, across organizations, oldest first',
        querystring: { type: 'object', additionalProperties: false, properties: { limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 } } },
        response: { 200: s.appealListResponse, ...errorResponses(400, 401) },
      },
    }, async (request) => {
      const { limit } = request.query as { limit: number };
      const pending = await listPendingAppealsUnscoped(deps.db);
      const shown = pending.slice(0, limit);
      const context = await appealContext(deps.db, shown);
      const data = shown.map((a) => {
        const change = context.changes.get(`${a.org_id}/${a.change_id}`);
        return {
          ...a, organization: context.orgs.get(a.org_id) ? { id: a.org_id, ...context.orgs.get(a.org_id)! } : null,
          appealed_change: change ? { id: change.id, from: change.from_state, to: change.to_state, clause: change.clause, reason: change.reason, actor: change.actor, at: change.created_at } : null,
        };
      });
      return { data, total: pending.length };
    });

    app.post('/v1/operator/appeals/:org_id/:id/decision', {
      config: operator,
      schema: {
        tags: ['Operator: appeals'], summary: 'Decide an appeal: upheld (nothing moves) or overturned (the organization goes back to where the step found it)',
        params: s.appealParams, body: s.decisionBody, response: { 200: s.decisionResponse, ...errorResponses(400, 401, 404, 409) },
      },
    }, async (request) => {
      const { org_id: orgId, id } = request.params as { org_id: string; id: string };
      const b = request.body as { outcome: 'upheld' | 'overturned'; reason: string };
      const reason = b.reason.trim();
      if (!reason) throw new AppError('validation_failed', { details: [{ path: 'body.reason', message: 'must not be blank' }] });
      const appeal = await decideAppealByOperator(deps.db, orgId, id, { outcome: b.outcome, reason }, by(request), deps.clock.now());
      return { appeal: appealView(orgId, appeal), standing: standingOf((await findStanding(deps.db, orgId))!) };
    });

    app.get('/v1/operator/policy', {
      config: operator,
      schema: {
        tags: ['Operator: policy'], summary: 'Every version of the Acceptable Use Policy with its document, effective date and acceptances',
        response: { 200: s.policyListResponse, ...errorResponses(401) },
      },
    }, async () => {
      const versions = await policy.versions();
      const now = deps.clock.now();
      const counts = await policyAcceptanceCounts(deps.db);
      const inForce = versionInForce(versions, now)?.version;
      return { data: versions.map((v) => policyView(v, now, inForce, counts.byVersion.get(v.version))), organizations: counts.organizations };
    });

    app.post('/v1/operator/policy', {
      config: operator,
      schema: {
        tags: ['Operator: policy'], summary: 'Publish a new version of the policy, effective at a future date',
        description: 'Every organization is told at once (account event, `policy.updated` webhook, email); continued use after `effective_at` is acceptance (AUP 7). The same as `xpecto policy publish`.',
        body: s.publishBody, response: { 201: s.publishResponse, ...errorResponses(400, 401) },
      },
    }, async (request, reply) => {
      const b = request.body as { document: unknown; summary: string; effective_at: string };
      const now = deps.clock.now();
      const published = await publishPolicy(
        { db: deps.db, now, publicUrl: deps.config.publicUrl, minNoticeMs: deps.config.policyMinNoticeMs },
        { document: b.document, summary: b.summary.trim(), effectiveAt: new Date(b.effective_at), publishedBy: operatorActor(request) },
      );
      // The notification reaches every process; this one need not wait for it.
      policy.invalidate();
      reply.code(201);
      return policyView(published, now, undefined, undefined);
    });

    app.get('/v1/operator/reports', {
      config: operator,
      schema: {
        tags: ['Operator: reports'], summary: 'Violation reports, newest first, each with the case that investigates it',
        description: 'Work a report through its case (`/v1/operator/cases/{id}`): notes, actions, resolution and the outcome sent to the reporter. The reporter\'s contact is in the case\'s evidence bundle, not here.',
        querystring: {
          type: 'object', additionalProperties: false,
          properties: { status: { type: 'string', enum: ['received', 'closed', 'all'], default: 'received' }, ...s.pageQuery },
        },
        response: { 200: s.reportListResponse, ...errorResponses(400, 401) },
      },
    }, async (request) => {
      const q = request.query as { status: 'received' | 'closed' | 'all'; limit: number; cursor?: string };
      const rows = await listReportsPage(deps.db, { status: q.status === 'all' ? undefined : q.status, beforeId: q.cursor ? decodeCursor('rpt', q.cursor) : undefined, limit: q.limit });
      const page = rows.slice(0, q.limit);
      return {
        data: page.map((r) => ({
          id: r.id, status: r.status, category: r.category, clause: r.clause,
          organization: r.org_id ? { id: r.org_id, name: r.org_name } : null,
          case: r.case_id ? { id: r.case_id, status: r.case_status, url: `/v1/operator/cases/${r.case_id}` } : null,
          reported_business: r.reported_business, reported_phone: r.reported_phone, description: r.description, source: r.source,
          evidence_count: r.evidence_count, outcome: r.outcome, outcome_by: r.outcome_by, outcome_at: r.outcome_at, created_at: r.created_at,
        })),
        next_cursor: rows.length > q.limit ? encodeCursor('rpt', page[page.length - 1]!.id) : null,
      };
    });
  };
}
