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
    await tx.query(sql`
      INSERT INTO policy_acceptances (org_id, version, accepted_at, method, actor)
      SELECT ${org.id}, max(version), now(), 'explicit', ${input.acceptedBy ?? 'system:signup'} FROM policy_versions WHERE effective_at <= now()`);
    return org;
  });
}

/** Creates a user (or an operator, who belongs to no organization and administers the platform). */
export async function createUser(db: Db, input: { email: string; password: string; name?: string; isOperator?: boolean }) {
  if (!/^[^@\s]+@[^@\s]+$/.test(input.email)) throw new AppError('validation_failed', { message: 'Not an email address.' });
  if (input.password.length < 12) throw new AppError('validation_failed', { message: 'Passwords have at least 12 characters.' });
  if (await findUserByEmailUnscoped(db, input.email)) throw new AppError('conflict', { message: 'A user with this email exists.' });
  return (await insertUser(db, {
    id: newId('user'), email: input.email, name: input.name ?? '', passwordHash: await hashPassword(input.password),
    isOperator: input.isOperator ?? false,
  }))!;
}

export async function addMember(db: Db, orgId: string, userId: string, role: Role) {
  await insertMembership(db, orgId, userId, role);
}
