import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../deps.ts';
import { errorResponses } from '../http/schemas.ts';
import { AppError } from '../lib/app-error.ts';
import { operatorActor, operatorOf } from '../operators/auth.ts';
import { exportEvidence } from './export-evidence.ts';
import { casePriority, priorityRank, PRIORITIES, type Priority } from './priority.ts';
import * as s from './schemas.ts';
import { findCase, listCaseEvents, listCases, type CaseRow } from './store.ts';
import { readTenantData } from './tenant-data.ts';
import { addNote, assignCase, resolveCase, takeAction, type CaseActor } from './work-case.ts';

const tags = ['Operator: cases'];
const QUEUE_LIMIT = 1000;
const operator = { operator: true } as const;
const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', pattern: '^case_[0-9a-z]{26}$' } } } as const;

const caseView = (c: CaseRow) => ({
  id: c.id, status: c.status, priority: casePriority(c.clause, c.org_standing), clause: c.clause, category: c.category,
  organization: c.org_id ? { id: c.org_id, name: c.org_name, standing: c.org_standing } : null,
  report_ids: c.report_ids, assignee: c.assignee, outcome: c.outcome, confirmed: c.confirmed, resolved_by: c.resolved_by,
  resolved_at: c.resolved_at, created_at: c.created_at,
});
const by = (request: FastifyRequest): CaseActor => ({ actor: operatorActor(request), requestId: request.id });

/**
 * The operators' investigations (AUP 5, decision 0023): only operator keys (`xp_op_…`) open these routes. Every
 * step is audited; every read of a tenant's messages or consent records is audited in that tenant's chain.
 */
export function caseRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    app.get('/v1/operator/cases', {
      config: operator,
      schema: {
        tags, summary: 'The case queue, most urgent first',
        description: 'Priority comes from the clause of the report (3.2 and 3.4 first) and the organization\'s standing now. `assignee`: an operator id, `me`, or `none`.',
        querystring: {
          type: 'object', additionalProperties: false,
          properties: {
            status: { type: 'string', enum: ['open', 'resolved', 'all'], default: 'open' },
            priority: { type: 'string', enum: [...PRIORITIES] },
            assignee: { type: 'string' },
          },
        },
        response: { 200: s.caseListResponse, ...errorResponses(400, 401) },
      },
    }, async (request) => {
      const q = request.query as { status: 'open' | 'resolved' | 'all'; priority?: Priority; assignee?: string };
      const assignee = q.assignee === undefined ? undefined : q.assignee === 'none' ? null : q.assignee === 'me' ? operatorOf(request).userId : q.assignee;
      const rows = await listCases(deps.db, { status: q.status === 'all' ? null : q.status, assignee, limit: QUEUE_LIMIT });
      const cases = rows.map(caseView)
        .filter((c) => !q.priority || c.priority === q.priority)
        .sort((a, b) => priorityRank(a.priority) - priorityRank(b.priority) || a.created_at.getTime() - b.created_at.getTime());
      return { data: cases };
    });

    app.get('/v1/operator/cases/:id', {
      config: operator,
      schema: { tags, summary: 'A case, its reports and its timeline', params: idParams, response: { 200: s.caseDetailResponse, ...errorResponses(400, 401, 404) } },
    }, async (request) => {
      const { id } = request.params as { id: string };
      const c = await findCase(deps.db, id);
      if (!c) throw new AppError('not_found', { message: `No case ${id}.` });
      return { ...caseView(c), events: await listCaseEvents(deps.db, id) };
    });

    app.post('/v1/operator/cases/:id/assign', {
      config: operator,
      schema: {
        tags, summary: 'Assign the case to an operator (id, email, or "me")', params: idParams,
        body: { type: 'object', required: ['assignee'], additionalProperties: false, properties: { assignee: { type: 'string', minLength: 1 } } },
        response: { 200: s.assignResponse, ...errorResponses(400, 401, 404, 409) },
      },
    }, async (request) => {
      const { id } = request.params as { id: string };
      const { assignee } = request.body as { assignee: string };
      return assignCase(deps.db, id, assignee === 'me' ? operatorOf(request).userId : assignee, by(request), deps.clock.now());
    });

    app.post('/v1/operator/cases/:id/notes', {
      config: operator,
      schema: {
        tags, summary: 'Add a note to the case', params: idParams,
        body: { type: 'object', required: ['body'], additionalProperties: false, properties: { body: { type: 'string', minLength: 1 } } },
        response: { 201: s.noteResponse, ...errorResponses(400, 401, 404) },
      },
    }, async (request, reply) => {
      const { id } = request.params as { id: string };
      reply.code(201);
      return addNote(deps.db, id, (request.body as { body: string }).body, by(request), deps.clock.now());
    });

    app.get('/v1/operator/cases/:id/messages', {
      config: operator,
      schema: { tags, summary: 'The organization\'s messages relevant to the case (audited in its chain)', params: idParams, response: { 200: s.caseMessagesResponse, ...errorResponses(400, 401, 404) } },
    }, async (request) => {
      const { id } = request.params as { id: string };
      return { data: (await readTenantData(deps.db, id, 'messages', by(request))).rows };
    });

    app.get('/v1/operator/cases/:id/consent-records', {
      config: operator,
      schema: { tags, summary: 'The consent records of the contacts in those messages (audited in its chain)', params: idParams, response: { 200: s.caseConsentRecordsResponse, ...errorResponses(400, 401, 404) } },
    }, async (request) => {
      const { id } = request.params as { id: string };
      return { data: (await readTenantData(deps.db, id, 'consent_records', by(request))).rows };
    });

    app.post('/v1/operator/cases/:id/actions', {
      config: operator,
      schema: {
        tags, summary: 'Take an enforcement step from the case (any rung of the ladder)', params: idParams,
        body: {
          type: 'object', required: ['state', 'reason', 'clause'], additionalProperties: false,
          properties: {
            state: { type: 'string', enum: ['good', 'warned', 'restricted', 'suspended', 'terminated'] },
            reason: { type: 'string', minLength: 1, maxLength: 2000 }, clause: { type: 'string', pattern: '^[0-9](\\.[0-9]+)?$' },
            until: { type: 'string', format: 'date-time', description: 'A suspension\'s end' },
          },
        },
        response: { 201: s.actionResponse, ...errorResponses(400, 401, 404, 409) },
      },
    }, async (request, reply) => {
      const { id } = request.params as { id: string };
      const b = request.body as { state: string; reason: string; clause: string; until?: string };
      const change = await takeAction(deps.db, id, { state: b.state, reason: b.reason, clause: b.clause, until: b.until ? new Date(b.until) : null }, by(request), deps.clock.now());
      reply.code(201);
      return { change_id: change.id, from: change.from_state, to: change.to_state, clause: change.clause, until: change.until };
    });

    app.post('/v1/operator/cases/:id/resolve', {
      config: operator,
      schema: {
        tags, summary: 'Resolve the case; its open reports get the outcome and their reporters are written to', params: idParams,
        body: {
          type: 'object', required: ['outcome', 'confirmed'], additionalProperties: false,
          properties: { outcome: { type: 'string', minLength: 1, maxLength: 2000 }, confirmed: { type: 'boolean', description: 'The violation is real: it counts in the organization\'s standing' } },
        },
        response: { 200: s.resolveResponse, ...errorResponses(400, 401, 404, 409) },
      },
    }, async (request) => {
      const { id } = request.params as { id: string };
      const b = request.body as { outcome: string; confirmed: boolean };
      return resolveCase(deps.db, id, { ...b, publicUrl: deps.config.publicUrl ?? `${request.protocol}://${request.host}` }, by(request), deps.clock.now());
    });

    app.get('/v1/operator/cases/:id/evidence', {
      config: operator,
      schema: {
        tags, summary: 'The evidence bundle: a tar with MANIFEST.sha256 over every file (audited)', params: idParams,
        response: { 200: s.evidenceResponse, ...errorResponses(400, 401, 404) },
      },
    }, async (request, reply) => {
      const { id } = request.params as { id: string };
      const bundle = await exportEvidence(deps.db, id, by(request), deps.clock.now());
      reply.header('content-type', 'application/x-tar');
      reply.header('content-disposition', `attachment; filename="${bundle.filename}"`);
      reply.header('x-manifest-sha256', bundle.manifestSha256);
      return reply.send(bundle.bytes);
    });
  };
}
