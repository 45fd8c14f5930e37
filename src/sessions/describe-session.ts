import type { Db } from '../db/db.ts';
import type { Sealer } from '../lib/secrets.ts';
import { ROLE_SCOPES, type Role, type Scope } from '../tenancy/scopes.ts';
import { membershipsOfUserUnscoped, type Membership } from '../tenancy/store.ts';
import { csrfTokenOf } from './csrf.ts';

type OrganizationView = { id: string; name: string; slug: string; status: string; role: Role };

/** What the dashboard knows of its session: GET /v1/session, and the answer to signing in or switching. */
export type SessionView = {
  user: { id: string; email: string; name: string };
  organization: (OrganizationView & { scopes: Scope[] }) | null;
  organizations: OrganizationView[];
  operator: boolean;
  csrf_token: string;
  expires_at: Date;
};

export type SessionSubject = { userId: string; email: string; name: string; isOperator: boolean; orgId: string | null; expiresAt: Date };

export async function describeSession(deps: { db: Db; sealer: Sealer }, subject: SessionSubject, token: string): Promise<SessionView> {
  const memberships = await membershipsOfUserUnscoped(deps.db, subject.userId);
  return viewOf(subject, memberships, csrfTokenOf(deps.sealer, token));
}

/** The session's organization shows only while the user is still its member and it is not terminated. */
export function viewOf(subject: SessionSubject, memberships: Membership[], csrfToken: string): SessionView {
  const organizations = memberships.map((m) => ({ id: m.org_id, name: m.name, slug: m.slug, status: m.status, role: m.role }));
  const current = organizations.find((o) => o.id === subject.orgId);
  return {
    user: { id: subject.userId, email: subject.email, name: subject.name },
    organization: current ? { ...current, scopes: [...ROLE_SCOPES[current.role]] } : null,
    organizations,
    operator: subject.isOperator,
    csrf_token: csrfToken,
    expires_at: subject.expiresAt,
  };
}
