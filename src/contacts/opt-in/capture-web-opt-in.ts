import type { Deps } from '../../deps.ts';
import { appendConsents } from '../consent-ledger.ts';
import type { ConsentSettings } from '../consent-settings.ts';
import { findOrCreateContact } from '../store.ts';
import { startDoubleOptIn } from './double-opt-in.ts';

export type WebOptInProof = { text: string; url: string; ip: string; user_agent: string };

/**
 * A person opted in on the hosted page (phone already normalized, checkbox ticked, CSRF checked): a full
 * opt-in with the exact text shown, the page's URL, their address and browser as proof — or, with double
 * opt-in on, a pending opt-in and the confirmation template. The person acted themselves: actor `customer`.
 */
export async function captureWebOptIn(deps: Deps, org: { orgId: string; defaultCountry: string }, settings: ConsentSettings, input: {
  phone: string; proof: WebOptInProof;
}): Promise<{ pending: boolean }> {
  if (settings.double_opt_in) {
    await startDoubleOptIn(deps, org, settings, { phone: input.phone, purpose: 'all', source: 'web_form', proof: input.proof, actor: 'customer' });
    return { pending: true };
  }
  await deps.db.transaction(async (tx) => {
    const contact = await findOrCreateContact(tx, org.orgId, input.phone);
    await appendConsents(tx, org.orgId, [{ contactId: contact.id, purpose: 'all', state: 'opted_in', source: 'web_form', proof: input.proof, actor: 'customer' }], deps.clock.now());
  });
  return { pending: false };
}
