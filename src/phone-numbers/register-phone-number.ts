import type { Deps } from '../deps.ts';
import { AppError } from '../lib/app-error.ts';
import { newId } from '../lib/ids.ts';
import { sha256Hex } from '../lib/secrets.ts';
import { syncTemplates } from '../templates/sync-templates.ts';
import { CloudApiError, CloudApiUnreachableError } from '../whatsapp/client.ts';
import { sealAccessToken, sealAppSecret } from './credentials.ts';
import {
  findAccountByWabaUnscoped, findPhoneNumber, insertAccount, insertPhoneNumber, phoneNumberIdTakenUnscoped,
  updateAccountCredentials,
} from './store.ts';

export type RegisterPhoneNumberInput = {
  waba_id: string;
  phone_number_id: string;
  access_token: string;
  app_secret: string;
  verify_token: string;
};

const INFO_FIELDS = [
  'id', 'display_phone_number', 'verified_name', 'quality_rating', 'throughput',
  'whatsapp_business_manager_messaging_limit', 'status',
];

/**
 * Connects a tenant's WABA phone number: proves the credentials against the Cloud API, stores them
 * sealed, records what Meta says of the number, then pulls the account's templates.
 */
export async function registerPhoneNumber(deps: Deps, orgId: string, input: RegisterPhoneNumberInput) {
  const info = await fetchNumberInfo(deps, input);
  const numberId = newId('phoneNumber');
  const accountId = await deps.db.transaction(async (tx) => {
    const existing = await findAccountByWabaUnscoped(tx, input.waba_id);
    if (existing && existing.org_id !== orgId) {
      throw new AppError('conflict', { message: 'This WhatsApp Business Account is connected to another organization.' });
    }
    if (await phoneNumberIdTakenUnscoped(tx, input.phone_number_id)) {
      throw new AppError('conflict', { message: 'This phone number is already connected.' });
    }
    const id = existing?.id ?? newId('account');
    const creds = {
      accessTokenEnc: sealAccessToken(deps.sealer, orgId, id, input.access_token),
      appSecretEnc: sealAppSecret(deps.sealer, orgId, id, input.app_secret),
      verifyTokenHash: sha256Hex(input.verify_token),
    };
    if (existing) await updateAccountCredentials(tx, orgId, id, creds);
    else await insertAccount(tx, orgId, { id, wabaId: input.waba_id, ...creds });
    await insertPhoneNumber(tx, orgId, {
      id: numberId,
      accountId: id,
      phoneNumberId: input.phone_number_id,
      displayPhoneNumber: info.display_phone_number ?? input.phone_number_id,
      verifiedName: info.verified_name ?? null,
      qualityRating: info.quality_rating ?? null,
      messagingLimitTier: info.whatsapp_business_manager_messaging_limit ?? null,
      throughputLevel: info.throughput?.level ?? null,
      status: info.status ?? null,
    });
    return id;
  });
  try {
    await syncTemplates(deps, orgId, accountId);
  } catch (error) {
    // The number is usable without its templates; a later sync (or the next registration) fills them in.
    deps.log.warn({ err: error, orgId, accountId }, 'template sync after registration failed');
  }
  return (await findPhoneNumber(deps.db, orgId, numberId))!;
}

async function fetchNumberInfo(deps: Deps, input: RegisterPhoneNumberInput) {
  try {
    return await deps.cloudApi.getPhoneNumber(input.access_token, input.phone_number_id, INFO_FIELDS.join(','));
  } catch (error) {
    if (error instanceof CloudApiError) {
      throw new AppError('whatsapp_credentials_rejected', {
        message: `The Cloud API refused these credentials for this phone number (code ${error.code}).`,
        details: { cloud_api_code: error.code },
      });
    }
    if (error instanceof CloudApiUnreachableError) throw new AppError('upstream_unavailable');
    throw error;
  }
}
