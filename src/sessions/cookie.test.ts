import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { sessionCookieOf } from './cookie.ts';

const token = 'a'.repeat(40) + 'B9z';
const withCookie = (cookie: string | undefined) => ({ headers: cookie === undefined ? {} : { cookie } }) as FastifyRequest;

describe('sessionCookieOf', () => {
  it('finds xp_session among other cookies', () => {
    expect(sessionCookieOf(withCookie(`theme=dark; xp_session=${token}; lang=en`))).toBe(token);
    expect(sessionCookieOf(withCookie(`xp_session=${token}`))).toBe(token);
  });

  it('ignores other names, malformed values and a missing header', () => {
    expect(sessionCookieOf(withCookie(undefined))).toBeNull();
    expect(sessionCookieOf(withCookie(`xp_session_old=${token}; other=${token}`))).toBeNull();
    expect(sessionCookieOf(withCookie('xp_session=short'))).toBeNull();
    expect(sessionCookieOf(withCookie(`xp_session=${token.slice(1)}%3B`))).toBeNull();
    expect(sessionCookieOf(withCookie('xp_session='))).toBeNull();
  });
});
