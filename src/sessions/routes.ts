import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../deps.ts';
import type { AuthenticationFailed } from '../http/auth.ts';
import { errorResponses } from '../http/schemas.ts';
import { AppError } from '../lib/app-error.ts';
import { ROLES, SCOPES } from '../tenancy/scopes.ts';
import { authenticateSession } from './authenticate-session.ts';
import { clearSessionCookie, SESSION_COOKIE, sessionCookieOf, setSessionCookie } from './cookie.ts';
import { CSRF_HEADER, requireCsrfToken } from './csrf.ts';
import { describeSession } from './describe-session.ts';
import { signIn } from './sign-in.ts';
import { signOut } from './sign-out.ts';
import type { SessionRow } from './store.ts';
import { switchOrganization } from './switch-organization.ts';

const tags = ['Session'];

const organizationSchema = {
  type: 'object',
  required: ['id', 'name', 'slug', 'status', 'role'],
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    slug: { type: 'string' },
    status: { type: 'string', enum: ['active', 'suspended'], description: 'A suspended organization can read its standing and appeal, nothing else' },
    role: { type: 'string', enum: ROLES },
  },
} as const;

const sessionSchema = {
  type: 'object',
  required: ['user', 'organization', 'organizations', 'operator', 'csrf_token', 'expires_at'],
  properties: {
    user: { type: 'object', required: ['id', 'email', 'name'], properties: { id: { type: 'string' }, email: { type: 'string' }, name: { type: 'string' } } },
    organization: {
      description: 'The organization the session acts for, with the scopes its role gives; null when it acts for none (an operator without one)',
      oneOf: [
        {
          type: 'object',
          required: [...organizationSchema.required, 'scopes'],
          properties: { ...organizationSchema.properties, scopes: { type: 'array', items: { type: 'string', enum: SCOPES } } },
        },
        { type: 'null' },
      ],
    },
    organizations: { type: 'array', items: organizationSchema, description: 'Every organization the user may switch to (POST /v1/session/organization)' },
    operator: { type: 'boolean', description: 'The user is one of Xpecto\'s operators: the session also opens /v1/operator/*' },
    csrf_token: { type: 'string', description: `Send it as \`${CSRF_HEADER}\` with every POST, PUT, PATCH and DELETE made with the session cookie` },
    expires_at: { type: 'string', format: 'date-time', description: 'The session\'s absolute end; it also ends after the idle timeout without use' },
  },
} as const;

const cookieDescription = `Sets the \`${SESSION_COOKIE}\` cookie (HttpOnly; Secure; SameSite=Strict; Path=/)`;

/**
 * Dashboard sign-in (decision 0026): email and password for a session cookie, the session itself, sign-out, and
 * switching organization. `failed` is the throttle's: a wrong email or password counts as a failed authentication
 * (AUP 3.6), so guessing passwords is slowed, then blocked, like guessing keys.
 */
export function sessionRoutes(deps: Deps, failed: AuthenticationFailed) {
  const activeSession = async (request: FastifyRequest) => {
    const token = sessionCookieOf(request);
    const found = token ? await authenticateSession(deps, token) : null;
    if (!token || found?.state !== 'active') throw new AppError('unauthorized', { message: 'Not signed in, or the session has ended: sign in again.' });
    return { token, session: found.session };
  };

  return async (app: FastifyInstance) => {
    app.post<{ Body: { email: string; password: string } }>('/v1/session', {
      schema: {
        tags,
        summary: 'Sign in to the dashboard with email and password',
        description: `${cookieDescription}. A wrong email and a wrong password get the same 401 \`invalid_credentials\`; repeated failures are slowed, then blocked (429).`,
        body: {
          type: 'object',
          required: ['email', 'password'],
          additionalProperties: false,
          properties: { email: { type: 'string', minLength: 1, maxLength: 320 }, password: { type: 'string', minLength: 1, maxLength: 1024 } },
        },
        response: { 200: sessionSchema, ...errorResponses(400), 401: { description: 'Wrong email or password', $ref: 'Error#' } },
      },
    }, async (request, reply) => {
      const signedIn = await signIn(deps, {
        email: request.body.email, password: request.body.password, ip: request.ip, userAgent: request.headers['user-agent'] ?? null, requestId: request.id,
      });
      if (!signedIn) {
        const answer = await failed(request, reply, null);
        throw answer.code === 'unauthorized' ? new AppError('invalid_credentials') : answer;
      }
      setSessionCookie(reply, signedIn.token, Math.floor(deps.config.sessions.maxAgeMs / 1000));
      return signedIn.view;
    });

    app.get('/v1/session', {
      schema: {
        tags,
        summary: 'The current dashboard session: user, organization, role and CSRF token',
        response: { 200: sessionSchema, 401: { description: 'Not signed in, or the session has ended', $ref: 'Error#' } },
      },
    }, async (request) => {
      const { token, session } = await activeSession(request);
      return describeSession(deps, subjectOf(session), token);
    });

    app.delete('/v1/session', {
      schema: {
        tags,
        summary: 'Sign out',
        description: `Ends the session and clears its cookie; needs \`${CSRF_HEADER}\`. Without a live session it only clears the cookie.`,
        response: { 204: { description: 'Signed out', type: 'null' }, ...errorResponses(403) },
      },
    }, async (request, reply) => {
      const token = sessionCookieOf(request);
      const found = token ? await authenticateSession(deps, token) : null;
      if (token && found?.state === 'active') {
        requireCsrfToken(request, deps.sealer, token);
        await signOut(deps, found.session, request.id);
      }
      clearSessionCookie(reply);
      return reply.code(204).send();
    });

    app.post<{ Body: { org_id: string } }>('/v1/session/organization', {
      schema: {
        tags,
        summary: 'Make the session act for another of the user\'s organizations',
        description: `Needs \`${CSRF_HEADER}\`. An organization the user is not a member of answers 404.`,
        body: { type: 'object', required: ['org_id'], additionalProperties: false, properties: { org_id: { type: 'string', minLength: 1, maxLength: 64 } } },
        response: { 200: sessionSchema, ...errorResponses(400, 401, 403, 404) },
      },
    }, async (request) => {
      const { token, session } = await activeSession(request);
      requireCsrfToken(request, deps.sealer, token);
      await switchOrganization(deps, session, request.body.org_id, request.id);
      return describeSession(deps, { ...subjectOf(session), orgId: request.body.org_id }, token);
    });
  };
}

function subjectOf(session: SessionRow) {
  return { userId: session.user_id, email: session.email, name: session.user_name, isOperator: session.is_operator, orgId: session.org_id, expiresAt: session.expires_at };
}
