import type { Db } from '../db/db.ts';
import { one } from '../db/db.ts';
import { sql } from '../db/sql.ts';

export type PhoneNumberRow = {
  org_id: string; id: string; account_id: string; phone_number_id: string; display_phone_number: string;
  verified_name: string | null; quality_rating: string | null; messaging_limit_tier: string | null;
  throughput_level: string | null; status: string | null; last_synced_at: Date | null; created_at: Date; waba_id: string;
  throughput_mps: number | null; is_coexistence: boolean; paused_at: Date | null; pause_reason: Record<string, unknown> | null;
};

const numberColumns = sql`p.org_id, p.id, p.account_id, p.phone_number_id, p.display_phone_number, p.verified_name,
  p.quality_rating, p.messaging_limit_tier, p.throughput_level, p.status, p.last_synced_at, p.created_at, a.waba_id,
  p.throughput_mps, p.is_coexistence, p.paused_at, p.pause_reason`;

/** Unscoped: registering a WABA must see whether another organization holds it already. */
export function findAccountByWabaUnscoped(db: Db, wabaId: string) {
  return one<{ org_id: string; id: string; app_secret_enc: string }>(db, sql`
    SELECT org_id, id, app_secret_enc FROM whatsapp_accounts WHERE waba_id = ${wabaId}`);
}

/** Unscoped: Meta's webhook names WABAs, not tenants; their app secrets verify its signature. */
export function findAccountsByWabaIdsUnscoped(db: Db, wabaIds: string[]) {
  return db.query<{ org_id: string; id: string; waba_id: string; app_secret_enc: string }>(sql`
    SELECT org_id, id, waba_id, app_secret_enc FROM whatsapp_accounts WHERE waba_id = ANY(${wabaIds})`);
}

/** Unscoped: Meta's verification handshake carries only the verify token. */
export function verifyTokenKnownUnscoped(db: Db, tokenHash: string) {
  return one(db, sql`SELECT 1 FROM whatsapp_accounts WHERE verify_token_hash = ${tokenHash} LIMIT 1`);
}

export function insertAccount(db: Db, orgId: string, account: {
  id: string; wabaId: string; accessTokenEnc: string; appSecretEnc: string; verifyTokenHash: string;
}) {
  return db.query(sql`
    INSERT INTO whatsapp_accounts (org_id, id, waba_id, access_token_enc, app_secret_enc, verify_token_hash)
    VALUES (${orgId}, ${account.id}, ${account.wabaId}, ${account.accessTokenEnc}, ${account.appSecretEnc}, ${account.verifyTokenHash})`);
}

export function updateAccountCredentials(db: Db, orgId: string, accountId: string, creds: {
  accessTokenEnc: string; appSecretEnc: string; verifyTokenHash: string;
}) {
  return db.query(sql`
    UPDATE whatsapp_accounts SET access_token_enc = ${creds.accessTokenEnc}, app_secret_enc = ${creds.appSecretEnc},
      verify_token_hash = ${creds.verifyTokenHash}, updated_at = now()
    WHERE org_id = ${orgId} AND id = ${accountId}`);
}

export function findAccountCredentials(db: Db, orgId: string, accountId: string) {
  return one<{ id: string; waba_id: string; access_token_enc: string }>(db, sql`
    SELECT id, waba_id, access_token_enc FROM whatsapp_accounts WHERE org_id = ${orgId} AND id = ${accountId}`);
}

/** Unscoped: a phone number id is unique across the platform, like Meta's. */
export function phoneNumberIdTakenUnscoped(db: Db, phoneNumberId: string) {
  return one(db, sql`SELECT 1 FROM phone_numbers WHERE phone_number_id = ${phoneNumberId}`);
}

export function insertPhoneNumber(db: Db, orgId: string, n: {
  id: string; accountId: string; phoneNumberId: string; displayPhoneNumber: string; verifiedName: string | null;
  qualityRating: string | null; messagingLimitTier: string | null; throughputLevel: string | null; status: string | null;
}) {
  return db.query(sql`
    INSERT INTO phone_numbers (org_id, id, account_id, phone_number_id, display_phone_number, verified_name,
      quality_rating, messaging_limit_tier, throughput_level, status, last_synced_at)
    VALUES (${orgId}, ${n.id}, ${n.accountId}, ${n.phoneNumberId}, ${n.displayPhoneNumber}, ${n.verifiedName},
      ${n.qualityRating}, ${n.messagingLimitTier}, ${n.throughputLevel}, ${n.status}, now())`);
}

export function listPhoneNumbers(db: Db, orgId: string) {
  return db.query<PhoneNumberRow>(sql`
    SELECT ${numberColumns} FROM phone_numbers p JOIN whatsapp_accounts a ON a.org_id = p.org_id AND a.id = p.account_id
    WHERE p.org_id = ${orgId} ORDER BY p.id`);
}

export function findPhoneNumber(db: Db, orgId: string, id: string) {
  return one<PhoneNumberRow>(db, sql`
    SELECT ${numberColumns} FROM phone_numbers p JOIN whatsapp_accounts a ON a.org_id = p.org_id AND a.id = p.account_id
    WHERE p.org_id = ${orgId} AND p.id = ${id}`);
}

/** Unscoped: an inbound webhook names Meta's phone_number_id; this is how its organization is found. */
export function findNumberByMetaIdUnscoped(db: Db, phoneNumberId: string) {
  return one<{ org_id: string; id: string; account_id: string }>(db, sql`
    SELECT org_id, id, account_id FROM phone_numbers WHERE phone_number_id = ${phoneNumberId}`);
}

export function findSendingCredentials(db: Db, orgId: string, numberId: string) {
  return one<{ phone_number_id: string; access_token_enc: string; account_id: string }>(db, sql`
    SELECT p.phone_number_id, a.access_token_enc, a.id AS account_id
    FROM phone_numbers p JOIN whatsapp_accounts a ON a.org_id = p.org_id AND a.id = p.account_id
    WHERE p.org_id = ${orgId} AND p.id = ${numberId}`);
}

export function resumePhoneNumber(db: Db, orgId: string, id: string) {
  return one<{ id: string }>(db, sql`
    UPDATE phone_numbers SET paused_at = NULL, pause_reason = NULL WHERE org_id = ${orgId} AND id = ${id} RETURNING id`);
}
