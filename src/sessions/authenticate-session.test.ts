import { describe, expect, it } from 'vitest';
import { ROLE_SCOPES, SCOPES } from '../tenancy/scopes.ts';
import { sessionEnded } from './authenticate-session.ts';

const HOUR = 3_600_000;
const signedIn = new Date('2026-01-05T09:00:00Z');
const session = (lastSeenHoursAgo: number, overrides: { revoked?: boolean; expiresInHours?: number } = {}) => {
  const now = new Date(signedIn.getTime() + 24 * HOUR);
  return {
    now,
    row: {
      revoked_at: overrides.revoked ? signedIn : null,
      last_seen_at: new Date(now.getTime() - lastSeenHoursAgo * HOUR),
      expires_at: new Date(now.getTime() + (overrides.expiresInHours ?? 24) * HOUR),
    },
  };
};

describe('sessionEnded', () => {
  it('keeps a session used within the idle timeout, before its absolute end', () => {
    const { row, now } = session(11.9);
    expect(sessionEnded(row, now, 12 * HOUR)).toBe(false);
  });

  it('ends it once idle for the timeout, at its absolute end however recent its use, and when revoked', () => {
    const idle = session(12);
    expect(sessionEnded(idle.row, idle.now, 12 * HOUR)).toBe(true);
    const atEnd = session(0, { expiresInHours: 0 });
    expect(sessionEnded(atEnd.row, atEnd.now, 12 * HOUR)).toBe(true);
    const revoked = session(0, { revoked: true });
    expect(sessionEnded(revoked.row, revoked.now, 12 * HOUR)).toBe(true);
  });
});

describe('ROLE_SCOPES', () => {
  it('gives owners and admins everything, developers all but review, agents the inbox, viewers only reads', () => {
    expect(ROLE_SCOPES.owner).toEqual(SCOPES);
    expect(ROLE_SCOPES.admin).toEqual(SCOPES);
    expect(ROLE_SCOPES.developer).toEqual(SCOPES.filter((s) => s !== 'compliance:review'));
    expect([...ROLE_SCOPES.agent].sort()).toEqual(['contacts:read', 'contacts:write', 'messages:read', 'messages:write', 'phone_numbers:read', 'templates:read']);
    expect(ROLE_SCOPES.viewer.length).toBeGreaterThan(0);
    expect(ROLE_SCOPES.viewer.every((s) => s.endsWith(':read'))).toBe(true);
    expect(SCOPES.filter((s) => s.endsWith(':read')).every((s) => ROLE_SCOPES.viewer.includes(s))).toBe(true);
  });
});
