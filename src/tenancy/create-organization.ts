import { recordAudit, recordAudits, type AuditBy } from '../audit/record-audit.ts';
import type { Db } from '../db/db.ts';
import { sql } from '../db/sql.ts';
import { AppError } from '../lib/app-error.ts';
import { newId } from '../lib/ids.ts';
import { hashPassword } from '../lib/secrets.ts';
import type { Role } from './scopes.ts';
import { findOrganizationBySlugUnscoped, findUserByEmailUnscoped, insertMembership, insertOrganization, insertUser } from './store.ts';

/**
 * Signs an organization up. Signing up is explicit acceptance of the Acceptable Use Policy in force, recorded with
 * who signed up (`acceptedBy`: a user, the CLI, the demo).
 */
export async function createOrganization(db: Db, input: { name: string; slug?: string; defaultCountry?: string; acceptedBy?: string }) {
  const slug = input.slug ?? input.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  if (!/^[a-z0-9][a-z0-9-]{1,62}$/.test(slug)) throw new AppError('validation_failed', { message: `"${slug}" is not a valid slug.` });
  if (await findOrganizationBySlugUnscoped(db, slug)) throw new AppError('conflict', { message: `Organization "${slug}" exists.` });
  return db.transaction(async (tx) => {
    const org = (await insertOrganization(tx, { id: newId('org'), name: input.name, slug, defaultCountry: input.defaultCountry ?? 'US' }))!;
    const actor = input.acceptedBy ?? 'system:signup';
    const [accepted] = await tx.query<{ version: number }>(sql`
      INSERT INTO policy_acceptances (org_id, version, accepted_at, method, actor)
      SELECT ${org.id}, max(version), now(), 'explicit', ${actor} FROM policy_versions WHERE effective_at <= now()
      RETURNING version`);
    await recordAudits(tx, [
      { orgId: org.id, action: 'organization.created', actor, subject: org.id, detail: { name: org.name, slug: org.slug, default_country: org.default_country } },
      { orgId: org.id, action: 'policy.accepted', actor, subject: `policy:v${accepted!.version}`, detail: { version: accepted!.version, method: 'explicit' } },
    ]);
    return org;
  });
}

/** Creates a user (or an operator, who belongs to no organization and administers the platform). */
export async function createUser(db: Db, input: { email: string; password: string; name?: string; isOperator?: boolean; by?: AuditBy }) {
  if (!/^[^@\s]+@[^@\s]+$/.test(input.email)) throw new AppError('validation_failed', { message: 'Not an email address.' });
  if (input.password.length < 12) throw new AppError('validation_failed', { message: 'Passwords have at least 12 characters.' });
  if (await findUserByEmailUnscoped(db, input.email)) throw new AppError('conflict', { message: 'A user with this email exists.' });
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const user = (await insertUser(tx, {
      id: newId('user'), email: input.email, name: input.name ?? '', passwordHash, isOperator: input.isOperator ?? false,
    }))!;
    // A user joins an organization's chain when added to it (user.added); an operator is the platform's own.
    if (input.isOperator) {
      const by = input.by ?? { actor: 'system:unattributed' };
      await recordAudit(tx, { orgId: null, action: 'operator.created', actor: by.actor, requestId: by.requestId, subject: user.id, detail: { email: user.email } });
    }
    return user;
  });
}

export async function addMember(db: Db, orgId: string, userId: string, role: Role, by: AuditBy = { actor: 'system:unattributed' }) {
  await db.transaction(async (tx) => {
    await insertMembership(tx, orgId, userId, role);
    await recordAudit(tx, { orgId, action: 'user.added', actor: by.actor, requestId: by.requestId, subject: userId, detail: { role } });
  });
}
