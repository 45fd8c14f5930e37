import { parseArgs } from 'node:util';
import type { Config } from '../config.ts';
import type { Db } from '../db/db.ts';
import { AppError } from '../lib/app-error.ts';
import { findUserByEmailUnscoped } from '../tenancy/store.ts';
import { recordReportOutcome } from './record-outcome.ts';
import { listReports } from './store.ts';

/**
 * The operators' report commands until the operator console exists: `xpecto reports list` and
 * `xpecto reports outcome`. Printed for a person at a terminal; tab-separated so it also greps and cuts.
 */
export async function reportsListCommand(db: Db, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { status: { type: 'string' }, limit: { type: 'string' } } });
  if (values.status !== undefined && values.status !== 'received' && values.status !== 'closed') throw new AppError('validation_failed', { message: '--status is received or closed' });
  const limit = values.limit === undefined ? 50 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new AppError('validation_failed', { message: '--limit is 1 to 1000' });
  for (const r of await listReports(db, { limit, ...(values.status ? { status: values.status } : {}) })) {
    console.log([
      r.reference, r.created_at.toISOString(), r.status, r.clause, r.category, r.org_id ?? 'unlinked',
      r.reported_phone ?? '-', r.reported_business ?? '-', `${r.evidence_count} files`, r.reporter_email ?? r.reporter_phone ?? '-',
    ].join('\t'));
  }
  return 0;
}

export async function reportsOutcomeCommand(db: Db, config: Config, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { ref: { type: 'string' }, outcome: { type: 'string' }, by: { type: 'string' }, confirmed: { type: 'boolean' } } });
  if (!values.ref || values.outcome === undefined) throw new AppError('validation_failed', { message: '--ref and --outcome are required' });
  let actor = 'cli';
  if (values.by) {
    const operator = await findUserByEmailUnscoped(db, values.by);
    if (!operator?.is_operator) throw new AppError('validation_failed', { message: `"${values.by}" is not a platform operator (xpecto admin create)` });
    actor = `user:${operator.id}`;
  }
  const done = await recordReportOutcome(db, { reference: values.ref, outcome: values.outcome, actor, now: new Date(), publicUrl: config.publicUrl, confirmed: values.confirmed ?? false });
  console.log(`${done.reference}\tclosed${values.confirmed ? ' (violation confirmed)' : ''}\t${done.emailed ? 'reporter emailed' : 'no email to write to'}`);
  return 0;
}
