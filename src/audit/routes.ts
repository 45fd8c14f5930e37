import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps.ts';
import { orgOf } from '../http/auth.ts';
import { errorResponses } from '../http/schemas.ts';
import { AppError } from '../lib/app-error.ts';
import { AUDIT_ACTIONS, type AuditRow } from './record-audit.ts';
import { listAuditEntries } from './store.ts';
import { verifyAuditChain } from './verify-audit.ts';

const tags = ['Audit'];

const entrySchema = {
  type: 'object',
  properties: {
    seq: { type: 'string', description: 'Position in the organization\'s audit chain' },
    action: { type: 'string' },
    actor: { type: 'string', description: '`api_key:<id>`, `user:<id>`, `operator:<id>`, `system:<what>` or `cli`' },
    subject: { type: ['string', 'null'] },
    detail: { type: 'object', additionalProperties: true },
    detail_digest: { type: 'string', description: 'SHA-256 of the canonical detail, which the hash covers' },
    request_id: { type: ['string', 'null'] },
    recorded_at: { type: 'string', format: 'date-time' },
    prev_hash: { type: 'string' },
    hash: { type: 'string' },
  },
} as const;

const verificationSchema = {
  type: 'object',
  properties: {
    ok: { type: 'boolean' },
    entries: { type: 'integer' },
    head: { type: 'object', properties: { seq: { type: 'string' }, hash: { type: 'string' } } },
    broken: { type: ['object', 'null'], properties: { seq: { type: 'string' }, reason: { type: 'string' } } },
    verified_at: { type: 'string', format: 'date-time' },
  },
} as const;

type ListQuery = { limit?: number; cursor?: string; action?: string; actor?: string; since?: string; until?: string };

function view(r: AuditRow) {
  return {
    seq: r.seq, action: r.action, actor: r.actor, subject: r.subject, detail: r.detail, detail_digest: r.detail_digest,
    request_id: r.request_id, recorded_at: r.recorded_at, prev_hash: r.prev_hash, hash: r.hash,
  };
}

/** The organization's own audit chain: its entries, and proof that nobody altered or removed one. */
export function auditRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    app.get<{ Querystring: ListQuery }>('/v1/audit', {
      config: { scope: 'audit:read' },
      schema: {
        tags,
        summary: 'The organization\'s audit log, newest first',
        description: `Who changed what: keys, members, policy acceptance, consent recorded through the API, erasures, templates, webhook endpoints, enforcement and cases. Filter by \`action\` (exact, or a family such as \`template.*\`), \`actor\` and time. Actions: ${Object.keys(AUDIT_ACTIONS).map((a) => `\`${a}\``).join(', ')}.`,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
            cursor: { type: 'string', maxLength: 40 },
            action: { type: 'string', maxLength: 100 },
            actor: { type: 'string', maxLength: 200 },
            since: { type: 'string', format: 'date-time' },
            until: { type: 'string', format: 'date-time' },
          },
        },
        response: { 200: { type: 'object', properties: { data: { type: 'array', items: entrySchema }, next_cursor: { type: ['string', 'null'] } } }, ...errorResponses(400, 401, 403) },
      },
    }, async (request) => {
      const q = request.query;
      const limit = q.limit ?? 50;
      const rows = await listAuditEntries(deps.db, orgOf(request), {
        action: q.action, actor: q.actor, beforeSeq: q.cursor ? seqOfCursor(q.cursor) : undefined,
        since: q.since ? new Date(q.since) : undefined, until: q.until ? new Date(q.until) : undefined,
      }, limit);
      const last = rows.length === limit ? rows[rows.length - 1] : undefined;
      return { data: rows.map(view), next_cursor: last ? Buffer.from(`audit:${last.seq}`).toString('base64url') : null };
    });

    app.get<{ Querystring: { seq?: string; hash?: string } }>('/v1/audit/verify', {
      config: { scope: 'audit:read' },
      schema: {
        tags,
        summary: 'Prove the audit log untouched',
        description: 'Recomputes every link of the organization\'s audit chain from the first entry: the sequence without gaps, each link, each entry against its hash, each detail against its digest, and the head. `broken` names the first entry that does not hold. Keep the returned `head` elsewhere; pass it back as `seq` and `hash` to also prove the chain still passes through it (a rewrite of the chain and its head shows then).',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { seq: { type: 'string', pattern: '^[0-9]{1,19}$' }, hash: { type: 'string', pattern: '^[0-9a-f]{64}$' } },
          dependencies: { seq: ['hash'], hash: ['seq'] },
        },
        response: { 200: verificationSchema, ...errorResponses(400, 401, 403) },
      },
    }, async (request) => {
      const { seq, hash } = request.query;
      return verifyAuditChain(deps.db, orgOf(request), seq && hash ? { seq, hash } : undefined);
    });
  };
}

function seqOfCursor(cursor: string): string {
  const match = /^audit:([0-9]{1,19})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw new AppError('validation_failed', { details: [{ path: 'querystring.cursor', message: 'is not a cursor this API issued' }] });
  return match[1]!;
}
