import { parseArgs } from 'node:util';
import type { Db } from '../db/db.ts';
import { AppError } from '../lib/app-error.ts';
import { findOrganization, findOrganizationBySlugUnscoped, findUserByEmailUnscoped } from '../tenancy/store.ts';
import { decideAppeal, listPendingAppealsUnscoped } from './appeals.ts';
import { setStanding } from './set-standing.ts';

/**
 * The operators' enforcement commands until the operator console exists: a manual step on the ladder, the
 * appeals waiting for a decision, and deciding one. `--by` names the operator (an operator account's email).
 */
export async function enforcementCommand(db: Db, sub: string, argv: string[]): Promise<number> {
  switch (sub) {
    case 'set': {
      const { values } = parseArgs({ args: argv, options: {
        org: { type: 'string' }, state: { type: 'string' }, reason: { type: 'string' }, clause: { type: 'string' }, until: { type: 'string' }, by: { type: 'string' },
      } });
      if (!values.state || !values.reason || !values.clause) throw new AppError('validation_failed', { message: '--state, --reason and --clause are required' });
      const until = values.until ? new Date(values.until) : null;
      if (until && Number.isNaN(until.getTime())) throw new AppError('validation_failed', { message: '--until must be an ISO date-time' });
      const change = await setStanding(db, await orgOf(db, values.org), { state: values.state, reason: values.reason, clause: values.clause, until, actor: await actorOf(db, values.by) }, new Date());
      console.log([change.id, change.from_state, change.to_state, change.clause, change.until?.toISOString() ?? ''].join('\t'));
      return 0;
    }
    case 'appeals': {
      for (const a of await listPendingAppealsUnscoped(db)) console.log([a.org_id, a.id, a.change_id, a.created_at.toISOString(), JSON.stringify(a.message)].join('\t'));
      return 0;
    }
    case 'decide-appeal': {
      const { values } = parseArgs({ args: argv, options: { org: { type: 'string' }, id: { type: 'string' }, outcome: { type: 'string' }, reason: { type: 'string' }, by: { type: 'string' } } });
      if (!values.id || !values.reason || (values.outcome !== 'upheld' && values.outcome !== 'overturned')) {
        throw new AppError('validation_failed', { message: '--id, --outcome upheld|overturned and --reason are required' });
      }
      const appeal = await decideAppeal(db, await orgOf(db, values.org), values.id, { outcome: values.outcome, reason: values.reason, actor: await actorOf(db, values.by) }, new Date());
      console.log([appeal.id, appeal.status].join('\t'));
      return 0;
    }
    default:
      return 2;
  }
}

async function orgOf(db: Db, ref: string | undefined): Promise<string> {
  if (!ref) throw new AppError('validation_failed', { message: '--org is required (slug or id)' });
  const org = ref.startsWith('org_') ? await findOrganization(db, ref) : await findOrganizationBySlugUnscoped(db, ref);
  if (!org) throw new AppError('not_found', { message: `No organization "${ref}".` });
  return org.id;
}

/** `operator:<id>` when --by names an operator account, else `cli`. */
async function actorOf(db: Db, email: string | undefined): Promise<string> {
  if (!email) return 'cli';
  const user = await findUserByEmailUnscoped(db, email);
  if (!user?.is_operator) throw new AppError('validation_failed', { message: `--by: no operator account "${email}"` });
  return `operator:${user.id}`;
}
