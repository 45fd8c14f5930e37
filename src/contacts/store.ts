import type { Db } from '../db/db.ts';
import { one } from '../db/db.ts';
import { sql } from '../db/sql.ts';
import { newId } from '../lib/ids.ts';

export type ContactRow = { org_id: string; id: string; phone_e164: string; wa_id: string | null; name: string | null; last_inbound_at: Date | null };

/** Finds the contact with this number, creating it if there is none (race-safe through the unique key). */
export async function findOrCreateContact(db: Db, orgId: string, phoneE164: string, fields: { waId?: string; name?: string } = {}) {
  const inserted = await one<ContactRow>(db, sql`
    INSERT INTO contacts (org_id, id, phone_e164, wa_id, name)
    VALUES (${orgId}, ${newId('contact')}, ${phoneE164}, ${fields.waId ?? null}, ${fields.name ?? null})
    ON CONFLICT (org_id, phone_e164) DO UPDATE SET
      wa_id = coalesce(excluded.wa_id, contacts.wa_id),
      name = coalesce(contacts.name, excluded.name)
    RETURNING org_id, id, phone_e164, wa_id, name, last_inbound_at`);
  return inserted!;
}

/** Opens or extends the customer-service window of this number with this contact (and notes the contact's last message). */
export async function recordInbound(db: Db, orgId: string, numberId: string, contactId: string, at: Date) {
  // Only ever moves forward: a late webhook must not shorten the window.
  await db.query(sql`
    INSERT INTO customer_windows (org_id, phone_number_id, contact_id, last_inbound_at) VALUES (${orgId}, ${numberId}, ${contactId}, ${at})
    ON CONFLICT (org_id, phone_number_id, contact_id) DO UPDATE SET last_inbound_at = greatest(customer_windows.last_inbound_at, excluded.last_inbound_at)`);
  await db.query(sql`
    UPDATE contacts SET last_inbound_at = greatest(coalesce(last_inbound_at, ${at}), ${at}), updated_at = now()
    WHERE org_id = ${orgId} AND id = ${contactId}`);
}
