import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps.ts';
import { sendHtmlPage } from '../http/html-page.ts';
import { orgOf } from '../http/auth.ts';
import { errorResponses } from '../http/schemas.ts';
import { AppError } from '../lib/app-error.ts';
import { CLAUSE_MAP } from './clause-map.ts';
import { diffDocuments } from './document.ts';
import type { PolicyState } from './policy-state.ts';
import { renderPolicyPage } from './policy-page.ts';
import { acceptancesOf, upcomingVersions, type PolicyVersion } from './store.ts';

export const POLICY_HEADER = 'xpecto-policy-version';

const versionSummary = {
  type: 'object',
  properties: {
    version: { type: 'integer' }, title: { type: 'string' }, summary: { type: 'string' },
    effective_at: { type: 'string', format: 'date-time' }, published_at: { type: 'string', format: 'date-time' },
    url: { type: 'string' },
  },
} as const;

function summaryOf(v: PolicyVersion) {
  return { version: v.version, title: v.title, summary: v.summary, effective_at: v.effective_at, published_at: v.published_at, url: `/legal/aup/v${v.version}` };
}

/**
 * The policy as the platform serves it: the version in force on every API response (a header), the policy and
 * the organization's acceptance (`GET /v1/policy`), the clause map (`GET /v1/policy/enforcement`), the public
 * page (`/legal/aup`), and acceptance by continued use recorded on the first authenticated request under a
 * version the organization has not yet accepted.
 */
export function policyRoutes(deps: Deps, policy: PolicyState) {
  return async (app: FastifyInstance) => {
    app.get('/v1/policy', {
      // A suspended organization may still read the policy it is held to, as it reads its standing (AUP 4).
      config: { scope: 'authenticated', allowSuspended: true },
      schema: {
        tags: ['Policy'],
        summary: 'The Acceptable Use Policy in force, the versions to come, and this organization\'s acceptance',
        description: 'Open to a suspended organization too: it can read the policy it is held to.',
        response: {
          200: {
            type: 'object',
            properties: {
              in_force: { ...versionSummary, properties: { ...versionSummary.properties, document: { type: 'object', additionalProperties: true } } },
              upcoming: { type: 'array', items: { ...versionSummary, properties: { ...versionSummary.properties, changes: { type: 'array', items: { type: 'object', additionalProperties: true } } } } },
              acceptances: {
                type: 'array',
                items: { type: 'object', properties: { version: { type: 'integer' }, accepted_at: { type: 'string', format: 'date-time' }, method: { type: 'string', enum: ['explicit', 'continued_use'] }, actor: { type: 'string' } } },
              },
            },
          },
          ...errorResponses(401),
        },
      },
    }, async (request) => {
      const versions = await policy.versions();
      const current = await policy.inForce();
      return {
        in_force: { ...summaryOf(current), document: current.document },
        upcoming: upcomingVersions(versions, deps.clock.now()).map((v) => ({ ...summaryOf(v), changes: diffDocuments(current.document, v.document) })),
        acceptances: await acceptancesOf(deps.db, orgOf(request)),
      };
    });

    app.get('/v1/policy/enforcement', {
      config: { scope: 'authenticated' },
      schema: {
        tags: ['Policy'],
        summary: 'Which checks enforce each clause of the policy',
        description: 'Each clause id with the checks behind it: what they do (prevent, detect, record), the error code a refusal carries, the code and the tests. `planned` checks name the work that will bring them.',
        response: { 200: { type: 'object', properties: { version: { type: 'integer' }, clauses: { type: 'array', items: { type: 'object', additionalProperties: true } } } }, ...errorResponses(401) },
      },
    }, async () => ({ version: (await policy.inForce()).version, clauses: CLAUSE_MAP }));

    app.get('/legal/aup', { schema: { hide: true } }, async (_request, reply) => {
      const versions = await policy.versions();
      return sendPage(reply, renderPolicyPage({ versions, shown: await policy.inForce(), now: deps.clock.now() }));
    });

    app.get<{ Params: { version: string } }>('/legal/aup/v:version', { schema: { hide: true } }, async (request, reply) => {
      const versions = await policy.versions();
      const shown = versions.find((v) => String(v.version) === request.params.version);
      if (!shown) throw new AppError('not_found', { message: 'No such version of the policy.' });
      return sendPage(reply, renderPolicyPage({ versions, shown, now: deps.clock.now() }));
    });
  };
}

function sendPage(reply: import('fastify').FastifyReply, html: string) {
  return sendHtmlPage(reply, html, { csp: "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'" });
}

/** The version header on every response, and acceptance by continued use on every authenticated request. */
declare module 'fastify' {
  interface FastifyRequest {
    /** The policy version in force when this authenticated request was accepted (set by the policy hook). */
    policyVersion: number | null;
  }
}

export function registerPolicyHooks(app: FastifyInstance, deps: Deps, policy: PolicyState): void {
  app.decorateRequest('policyVersion', null);
  app.addHook('onRequest', async (request) => {
    if (!request.auth) return;
    // The header then names the version this request was accepted under, even when a new one came into force while
    // it ran (the next request records that one).
    request.policyVersion = await policy.noteUse(request.auth.orgId, request.auth.actor);
  });
  app.addHook('onSend', async (request, reply) => {
    try {
      reply.header(POLICY_HEADER, String(request.policyVersion ?? (await policy.inForce()).version));
    } catch (err) {
      // The header is information; a response must not fail for it (the database may be down: the 503 still goes).
      deps.log.debug({ err }, 'policy version unknown for the header');
    }
  });
}
