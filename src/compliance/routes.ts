import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps.ts';
import { sql } from '../db/sql.ts';
import { authOf, orgOf } from '../http/auth.ts';
import { pageOf, pageQuerySchema, readPage, type PageQuery } from '../http/pagination.ts';
import { errorResponses, idParams } from '../http/schemas.ts';
import { AppError } from '../lib/app-error.ts';
import { forgetScreeningLists, screenOutbound } from './screen-outbound.ts';
import { verdictSchema } from './verdict-schema.ts';
import { registrableDomain } from './screening/score-urls.ts';


const heldSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' }, to: { type: 'string' }, type: { type: 'string' }, content: { type: 'object', additionalProperties: true },
    rendered_text: { type: ['string', 'null'] }, screening: { type: ['object', 'null'], additionalProperties: true },
    created_at: { type: 'string', format: 'date-time' },
  },
} as const;

type HeldRow = { id: string; counterpart: string; type: string; content: object; rendered_text: string | null; screening: object | null; created_at: Date };

/**
 * Content screening for tenants: the dry run (`POST /v1/compliance/screen`), the review queue of held messages
 * with release and reject, and the organization's own allow and deny lists.
 */
export function complianceRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    app.post<{ Body: { text?: string; message?: Record<string, unknown> } }>('/v1/compliance/screen', {
      config: { scope: 'messages:write' },
      schema: {
        tags: ['Compliance'],
        summary: 'Screen a text or a message body without sending it',
        description: 'The verdict the send path would give — allow, hold for review, or block — with the rules that matched. For the composer, for checking a campaign before it goes, and for tests.',
        body: {
          type: 'object', additionalProperties: false, minProperties: 1, maxProperties: 1,
          properties: { text: { type: 'string', maxLength: 65_536 }, message: { type: 'object', additionalProperties: true, description: 'A message object as POST /v1/messages takes it, or a template definition' } },
        },
        response: { 200: verdictSchema, ...errorResponses(400, 401, 403) },
      },
    }, async (request) => {
      const body = request.body.message ?? { type: 'text', text: { body: request.body.text ?? '' } };
      return screenOutbound(deps.db, orgOf(request), deps.config.screening, body, null);
    });

    app.get<{ Querystring: PageQuery }>('/v1/compliance/held', {
      config: { scope: 'messages:read' },
      schema: {
        tags: ['Compliance'],
        summary: 'Messages content screening held for review, newest first',
        querystring: pageQuerySchema,
        response: { 200: { type: 'object', properties: { data: { type: 'array', items: heldSchema }, next_cursor: { type: ['string', 'null'] } } }, ...errorResponses(400, 401, 403) },
      },
    }, async (request) => {
      const page = readPage(request.query);
      const rows = await deps.db.query<HeldRow>(sql`
        SELECT id, counterpart, type, content, rendered_text, screening, created_at FROM messages
        WHERE org_id = ${orgOf(request)} AND status = 'held' AND (${page.before ?? null}::text IS NULL OR id < ${page.before ?? null})
        ORDER BY id DESC LIMIT ${page.limit}`);
      return pageOf(rows, page.limit, (m) => ({ id: m.id, to: m.counterpart, type: m.type, content: m.content, rendered_text: m.rendered_text, screening: m.screening, created_at: m.created_at }));
    });

    app.post<{ Params: { id: string }; Body: { note?: string } }>('/v1/compliance/held/:id/release', {
      config: { scope: 'compliance:review' },
      schema: {
        tags: ['Compliance'],
        summary: 'Release a held message: it is queued and sent',
        description: 'Needs the `compliance:review` scope, which keys do not get unless it is named when they are created.',
        params: idParams,
        body: { type: ['object', 'null'], additionalProperties: false, properties: { note: { type: 'string', maxLength: 1000 } } },
        response: { 200: { type: 'object', properties: { id: { type: 'string' }, status: { type: 'string' } } }, ...errorResponses(401, 403, 404, 409) },
      },
    }, async (request) => {
      const auth = authOf(request);
      const released = await decide(deps, auth.orgId, request.params.id, 'accepted', { by: auth.actor, note: request.body?.note ?? null });
      deps.wakeDispatcher();
      return released;
    });

    app.post<{ Params: { id: string }; Body: { reason: string } }>('/v1/compliance/held/:id/reject', {
      config: { scope: 'compliance:review' },
      schema: {
        tags: ['Compliance'],
        summary: 'Reject a held message: it fails and is never sent',
        params: idParams,
        body: { type: 'object', required: ['reason'], additionalProperties: false, properties: { reason: { type: 'string', minLength: 1, maxLength: 1000 } } },
        response: { 200: { type: 'object', properties: { id: { type: 'string' }, status: { type: 'string' } } }, ...errorResponses(400, 401, 403, 404, 409) },
      },
    }, async (request) => {
      const auth = authOf(request);
      return decide(deps, auth.orgId, request.params.id, 'failed', { by: auth.actor, note: request.body.reason });
    });

    app.get('/v1/compliance/domains', {
      config: { scope: 'messages:read' },
      schema: {
        tags: ['Compliance'],
        summary: 'The organization\'s screening lists',
        response: { 200: { type: 'object', properties: { allow: { type: 'array', items: { type: 'string' } }, deny: { type: 'array', items: { type: 'string' } } } }, ...errorResponses(401, 403) },
      },
    }, async (request) => listsOf(deps, orgOf(request)));

    app.put<{ Body: { allow: string[]; deny: string[] } }>('/v1/compliance/domains', {
      config: { scope: 'compliance:review' },
      schema: {
        tags: ['Compliance'],
        summary: 'Replace the organization\'s screening lists',
        description: 'Registrable domains (shop.example, not www.shop.example). Links to an allowed domain are not scored; a denied domain blocks. The platform\'s own deny list wins over an organization\'s allow.',
        body: {
          type: 'object', required: ['allow', 'deny'], additionalProperties: false,
          properties: {
            allow: { type: 'array', maxItems: 500, items: { type: 'string', minLength: 3, maxLength: 253 } },
            deny: { type: 'array', maxItems: 500, items: { type: 'string', minLength: 3, maxLength: 253 } },
          },
        },
        response: { 200: { type: 'object', properties: { allow: { type: 'array', items: { type: 'string' } }, deny: { type: 'array', items: { type: 'string' } } } }, ...errorResponses(400, 401, 403) },
      },
    }, async (request) => {
      const orgId = orgOf(request);
      const details: { path: string; message: string }[] = [];
      const normalize = (list: 'allow' | 'deny') => request.body[list].map((entry, i) => {
        const domain = registrableDomain(entry.trim().toLowerCase());
        if (!domain || !domain.includes('.')) details.push({ path: `body.${list}[${i}]`, message: 'is not a domain' });
        return domain;
      });
      const allow = [...new Set(normalize('allow'))];
      const deny = [...new Set(normalize('deny'))];
      if (details.length > 0) throw new AppError('validation_failed', { details });
      await deps.db.transaction(async (tx) => {
        await tx.query(sql`DELETE FROM screening_domains WHERE org_id = ${orgId}`);
        await tx.query(sql`
          INSERT INTO screening_domains (org_id, list, domain)
          SELECT ${orgId}, v.list, v.domain FROM unnest(${[...allow.map(() => 'allow'), ...deny.map(() => 'deny')]}::text[], ${[...allow, ...deny]}::text[]) AS v(list, domain)`);
      });
      forgetScreeningLists(orgId);
      return listsOf(deps, orgId);
    });
  };
}

async function listsOf(deps: Deps, orgId: string) {
  const rows = await deps.db.query<{ list: string; domain: string }>(sql`SELECT list, domain FROM screening_domains WHERE org_id = ${orgId} ORDER BY domain`);
  return { allow: rows.filter((r) => r.list === 'allow').map((r) => r.domain), deny: rows.filter((r) => r.list === 'deny').map((r) => r.domain) };
}

/** Moves a held message on — to the outbox, or to failed — once; the decision is kept in its history. */
async function decide(deps: Deps, orgId: string, id: string, to: 'accepted' | 'failed', review: { by: string; note: string | null }) {
  return deps.db.transaction(async (tx) => {
    const [row] = await tx.query<{ status: string }>(sql`SELECT status FROM messages WHERE org_id = ${orgId} AND id = ${id} AND direction = 'outbound' FOR UPDATE`);
    if (!row) throw new AppError('not_found', { message: 'No such message.' });
    if (row.status !== 'held') throw new AppError('conflict', { message: `The message is ${row.status}, not held.` });
    const error = to === 'failed' ? { code: 0, title: 'Rejected in review', message: review.note ?? 'Rejected by a reviewer', reason: 'Content screening held this message and a reviewer rejected it.' } : null;
    await tx.query(sql`
      UPDATE messages SET status = ${to}, next_attempt_at = now(), updated_at = now(), error = ${error ? JSON.stringify(error) : null}::jsonb
      WHERE org_id = ${orgId} AND id = ${id}`);
    await tx.query(sql`
      INSERT INTO message_status_events (org_id, message_id, status, occurred_at, source, detail)
      VALUES (${orgId}, ${id}, ${to}, now(), 'review', ${JSON.stringify(review)}::jsonb)
      ON CONFLICT (org_id, message_id, status) DO NOTHING`);
    return { id, status: to };
  });
}
