import type { Db } from '../db/db.ts';
import type { Deps } from '../deps.ts';
import { appendConsents, consentStates } from '../contacts/consent-ledger.ts';
import { findOrCreateContact } from '../contacts/store.ts';
import { randomToken } from '../lib/secrets.ts';
import { registerPhoneNumber } from '../phone-numbers/register-phone-number.ts';
import { listPhoneNumbers } from '../phone-numbers/store.ts';
import { createApiKey } from '../tenancy/api-keys.ts';
import { addMember, createOrganization, createUser } from '../tenancy/create-organization.ts';
import { findOrganizationBySlugUnscoped, findUserByEmailUnscoped, readPlatformSecret, writePlatformSecret } from '../tenancy/store.ts';
import { syncTemplates } from '../templates/sync-templates.ts';

export type DemoConnection = { wabaId: string; phoneNumberId: string; accessToken: string; appSecret: string; verifyToken: string };
export type DemoCredentials = {
  orgId: string; apiKey: string; ownerEmail: string; ownerPassword: string; operatorEmail: string; operatorPassword: string;
};

const DEMO_SLUG = 'demo';
const OWNER_EMAIL = 'owner@demo.xpecto.test';
// Xpecto's own trust-and-safety operator, for the dashboard's operator console: a member of no organization.
const OPERATOR_EMAIL = 'operator@xpecto.test';
// The first twenty of the simulator's customers, +1 202 555 0100 … 0119.
const DEMO_CUSTOMERS = Array.from({ length: 20 }, (_, i) => `+1202555${String(100 + i).padStart(4, '0')}`);

/**
 * The demo organization of `npm start`: a simulated number with its templates, twenty opted-in contacts,
 * a test key and an owner; and an operator. Made once; later starts read the same credentials back (kept sealed).
 */
export async function ensureDemo(deps: Deps, connection: DemoConnection): Promise<DemoCredentials> {
  const organization = (await readDemo(deps)) ?? (await createDemoOrganization(deps));
  const credentials = { ...organization, ...(await ensureDemoOperator(deps)) };
  const numbers = await listPhoneNumbers(deps.db, credentials.orgId);
  if (numbers.length === 0) {
    await registerPhoneNumber(deps, credentials.orgId, {
      waba_id: connection.wabaId, phone_number_id: connection.phoneNumberId, access_token: connection.accessToken,
      app_secret: connection.appSecret, verify_token: connection.verifyToken,
    });
  } else {
    await refreshTemplates(deps, credentials.orgId);
  }
  await ensureDemoContacts(deps, credentials.orgId);
  return credentials;
}

type DemoOrganization = Omit<DemoCredentials, 'operatorEmail' | 'operatorPassword'>;

async function readDemo(deps: Deps): Promise<DemoOrganization | null> {
  const org = await findOrganizationBySlugUnscoped(deps.db, DEMO_SLUG);
  if (!org) return null;
  return { orgId: org.id, ownerEmail: OWNER_EMAIL, apiKey: await readSecret(deps, 'demo.api_key'), ownerPassword: await readSecret(deps, 'demo.owner_password') };
}

// One transaction: a start interrupted halfway leaves no organization without its key.
function createDemoOrganization(deps: Deps): Promise<DemoOrganization> {
  return deps.db.transaction(async (tx) => {
    const org = await createOrganization(tx, { name: 'Demo Company', slug: DEMO_SLUG, acceptedBy: 'system:demo' });
    const ownerPassword = randomToken(16);
    const owner = await createUser(tx, { email: OWNER_EMAIL, password: ownerPassword, name: 'Demo Owner' });
    await addMember(tx, org.id, owner.id, 'owner', { actor: 'system:demo' });
    const { secret } = await createApiKey(tx, org.id, { name: 'Demo key', mode: 'test', createdBy: owner.id, by: { actor: 'system:demo' } });
    await writeSecret(deps, tx, 'demo.api_key', secret);
    await writeSecret(deps, tx, 'demo.owner_password', ownerPassword);
    return { orgId: org.id, apiKey: secret, ownerEmail: OWNER_EMAIL, ownerPassword };
  });
}

/** Its own step, so a data directory made before the operator existed gets one at its next start. */
async function ensureDemoOperator(deps: Deps): Promise<{ operatorEmail: string; operatorPassword: string }> {
  if (await findUserByEmailUnscoped(deps.db, OPERATOR_EMAIL)) {
    return { operatorEmail: OPERATOR_EMAIL, operatorPassword: await readSecret(deps, 'demo.operator_password') };
  }
  return deps.db.transaction(async (tx) => {
    const operatorPassword = randomToken(16);
    await createUser(tx, { email: OPERATOR_EMAIL, password: operatorPassword, name: 'Demo Operator', isOperator: true, by: { actor: 'system:demo' } });
    await writeSecret(deps, tx, 'demo.operator_password', operatorPassword);
    return { operatorEmail: OPERATOR_EMAIL, operatorPassword };
  });
}

async function ensureDemoContacts(deps: Deps, orgId: string) {
  for (const phone of DEMO_CUSTOMERS) {
    await deps.db.transaction(async (tx) => {
      const contact = await findOrCreateContact(tx, orgId, phone, { waId: phone.slice(1) });
      if ((await consentStates(tx, orgId, contact.id)).length > 0) return;
      await appendConsents(tx, orgId, [{
        contactId: contact.id, purpose: 'all', state: 'opted_in', source: 'demo', actor: 'system:demo',
        proof: { text: 'I agree that Demo Company may send me messages on WhatsApp. (A simulated customer, created by the demo.)' },
      }], deps.clock.now());
    });
  }
}

async function refreshTemplates(deps: Deps, orgId: string) {
  // The simulator keeps its state in memory; a re-sync keeps the demo's templates true after a restart.
  for (const number of await listPhoneNumbers(deps.db, orgId)) {
    await syncTemplates(deps, orgId, number.account_id).catch((err) => deps.log.warn({ err }, 'demo template sync failed'));
  }
}

async function readSecret(deps: Deps, name: string): Promise<string> {
  const row = await readPlatformSecret(deps.db, name);
  if (!row) throw new Error(`demo secret ${name} is missing; delete the data directory to recreate the demo`);
  return deps.sealer.open(row.value_enc, `platform_secrets/${name}`);
}

async function writeSecret(deps: Deps, db: Db, name: string, value: string) {
  await writePlatformSecret(db, name, deps.sealer.seal(value, `platform_secrets/${name}`));
}
