import type { FastifyInstance } from 'fastify';
import { AUDIT_ACTIONS, OPERATOR_CHAIN, type AuditRow } from '../audit/record-audit.ts';
import { listAuditEntries } from '../audit/store.ts';
import { verifyAuditChain } from '../audit/verify-audit.ts';
import type { Deps } from '../deps.ts';
import { errorResponses } from '../http/schemas.ts';
import { decodeCursor, encodeCursor } from './console-store.ts';

const tags = ['Operator: audit'];
const operator = { operator: true } as const;

const entrySchema = {
  type: 'object', required: ['seq', 'org_id', 'action', 'actor', 'subject', 'detail', 'recorded_at', 'prev_hash', 'hash'],
  properties: {
    seq: { type: 'string' }, org_id: { type: ['string', 'null'] }, action: { type: 'string' },
    actor: { type: 'string', description: '`operator:<user id>`, `system:<what>` or `cli`' }, subject: { type: ['string', 'null'] },
    detail: { type: 'object', additionalProperties: true }, detail_digest: { type: 'string' }, request_id: { type: ['string', 'null'] },
    recorded_at: { type: 'string', format: 'date-time' }, prev_hash: { type: 'string' }, hash: { type: 'string' },
  },
} as const;

const verificationSchema = {
  type: 'object', required: ['ok', 'entries', 'head', 'broken', 'verified_at'],
  properties: {
    ok: { type: 'boolean' }, entries: { type: 'integer' },
    head: { type: 'object', properties: { seq: { type: 'string' }, hash: { type: 'string' } } },
    broken: { type: ['object', 'null'], properties: { seq: { type: 'string' }, reason: { type: 'string' } } },
    verified_at: { type: 'string', format: 'date-time' },
  },
} as const;

const view = (r: AuditRow) => ({
  seq: r.seq, org_id: r.org_id, action: r.action, actor: r.actor, subject: r.subject, detail: r.detail, detail_digest: r.detail_digest,
  request_id: r.request_id, recorded_at: r.recorded_at, prev_hash: r.prev_hash, hash: r.hash,
});

/** The operator chain (decision 0018): what operators and the platform did, and proof that nobody altered it. */
export function operatorAuditRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    app.get('/v1/operator/audit', {
      config: operator,
      schema: {
        tags, summary: 'The operator audit chain, newest first',
        description: `Filter by \`action\` (exact, or a family such as \`enforcement.*\`) and \`actor\`. Actions: ${Object.keys(AUDIT_ACTIONS).map((a) => `\`${a}\``).join(', ')}.`,
        querystring: {
          type: 'object', additionalProperties: false,
          properties: {
            limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 }, cursor: { type: 'string', maxLength: 80 },
            action: { type: 'string', maxLength: 100 }, actor: { type: 'string', maxLength: 200 },
          },
        },
        response: { 200: { type: 'object', required: ['data', 'next_cursor'], properties: { data: { type: 'array', items: entrySchema }, next_cursor: { type: ['string', 'null'] } } }, ...errorResponses(400, 401) },
      },
    }, async (request) => {
      const q = request.query as { limit: number; cursor?: string; action?: string; actor?: string };
      const rows = await listAuditEntries(deps.db, OPERATOR_CHAIN, { action: q.action, actor: q.actor, beforeSeq: q.cursor ? decodeCursor('audit', q.cursor, '[0-9]{1,19}') : undefined }, q.limit);
      const last = rows.length === q.limit ? rows[rows.length - 1] : undefined;
      return { data: rows.map(view), next_cursor: last ? encodeCursor('audit', last.seq) : null };
    });

    app.get('/v1/operator/audit/verify', {
      config: operator,
      schema: {
        tags, summary: 'Prove the operator chain untouched',
        description: 'Recomputes every link from the first entry (as `GET /v1/audit/verify` does for an organization). Pass a head kept earlier as `seq` and `hash` to prove the chain still passes through it.',
        querystring: {
          type: 'object', additionalProperties: false,
          properties: { seq: { type: 'string', pattern: '^[0-9]{1,19}$' }, hash: { type: 'string', pattern: '^[0-9a-f]{64}$' } },
          dependencies: { seq: ['hash'], hash: ['seq'] },
        },
        response: { 200: verificationSchema, ...errorResponses(400, 401) },
      },
    }, async (request) => {
      const { seq, hash } = request.query as { seq?: string; hash?: string };
      return verifyAuditChain(deps.db, OPERATOR_CHAIN, seq && hash ? { seq, hash } : undefined);
    });
  };
}
