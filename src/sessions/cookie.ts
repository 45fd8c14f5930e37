import type { FastifyReply, FastifyRequest } from 'fastify';

/** The dashboard's session cookie (decision 0026). */
export const SESSION_COOKIE = 'xp_session';
// What randomToken(32) makes: anything else is not one of ours and costs no database lookup.
const TOKEN = /^[0-9A-Za-z]{43}$/;

/** The session token the request carries, or null. A malformed value counts as none. */
export function sessionCookieOf(request: FastifyRequest): string | null {
  const header = request.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at < 0 || part.slice(0, at).trim() !== SESSION_COOKIE) continue;
    const value = part.slice(at + 1).trim();
    return TOKEN.test(value) ? value : null;
  }
  return null;
}

/**
 * HttpOnly: no script reads it (an injected one cannot steal it); Secure: never over plain http (browsers count
 * localhost as secure, so `npm start` works); SameSite=Strict: no other site's page makes the browser send it.
 */
export function setSessionCookie(reply: FastifyReply, token: string, maxAgeSeconds: number): void {
  reply.header('set-cookie', `${SESSION_COOKIE}=${token}; Path=/; Max-Age=${maxAgeSeconds}; HttpOnly; Secure; SameSite=Strict`);
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.header('set-cookie', `${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Strict`);
}
