import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema.d.ts';

export type { components, paths };

/** The session's CSRF token, sent on every request that changes something (decision 0026). */
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when the API says the session is gone (401 on a session route): the app goes back to the login page. */
let onSignedOut: () => void = () => {};
export function whenSignedOut(handler: () => void): void {
  onSignedOut = handler;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const session: Middleware = {
  onRequest({ request }) {
    if (UNSAFE.has(request.method) && csrfToken) request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && !new URL(request.url).pathname.startsWith('/v1/session')) onSignedOut();
    return response;
  },
};

/** The typed client: every path, body and answer comes from the platform's OpenAPI document (`npm run web:api`). */
export const api = createClient<paths>({ baseUrl: window.location.origin, credentials: 'same-origin' });
api.use(session);

/** The API's error body: `{ error: { code, message, details?, policy_clause? } }`. */
export type ApiError = { error: { code: string; message: string; details?: unknown; policy_clause?: string } };

/** A message for the person in front of the screen, from whatever the API answered. */
export function errorMessage(error: unknown): string {
  const body = error as Partial<ApiError> | undefined;
  if (body?.error?.message) return body.error.message;
  if (error instanceof Error) return error.message;
  return 'Something went wrong. Try again, and if it keeps happening, contact support with the time it happened.';
}
