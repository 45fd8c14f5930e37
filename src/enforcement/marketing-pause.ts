import { AppError } from '../lib/app-error.ts';

/**
 * A restricted organization's marketing is paused (AUP 4, decision 0022). The standing comes with the API key's
 * authentication (cached per process, forgotten when it changes), so the send path checks it without a query.
 * The refusal is a compliance signal (`send_refused_restricted`): marketing tried while paused still counts.
 */
export function refuseMarketingWhenRestricted(org: { standing?: string }, purpose: string | null, path = 'body.template'): void {
  if (purpose !== 'marketing' || org.standing !== 'restricted') return;
  throw new AppError('account_restricted', { details: [{ path, purpose: 'marketing', standing: 'restricted' }], policyClause: '4' });
}
