import { recordAudit } from '../audit/record-audit.ts';
import type { Deps } from '../deps.ts';
import type { Db } from '../db/db.ts';
import { one } from '../db/db.ts';
import { sql } from '../db/sql.ts';
import { AppError } from '../lib/app-error.ts';
import { appendConsents } from './consent-ledger.ts';
import { phoneHash } from './consent-policy.ts';

/**
 * A contact's data on request (export) and their erasure. Erasure removes the personal data everywhere the
 * platform keeps it for this organization, keeps the ledger verifiable (proofs are blanked, their digests stay
 * in the chain, and an `erased` record says who erased it and when), and puts a keyed hash of the number on the
 * suppression list, so a number erased after opting out is not messaged again until it opts in anew.
 * See docs/decisions/0008-consent-ledger.md.
 */

type ContactRow = {
  id: string; phone_e164: string; wa_id: string | null; name: string | null; language: string | null; time_zone: string | null;
  attributes: Record<string, unknown>; tags: string[]; last_inbound_at: Date | null; created_at: Date; updated_at: Date; erased_at: Date | null;
};

async function findLiveContact(db: Db, orgId: string, contactId: string, lock = false): Promise<ContactRow> {
  const contact = await one<ContactRow>(db, sql`
    SELECT id, phone_e164, wa_id, name, language, time_zone, attributes, tags, last_inbound_at, created_at, updated_at, erased_at
    FROM contacts WHERE org_id = ${orgId} AND id = ${contactId} AND erased_at IS NULL ${lock ? sql`FOR UPDATE` : sql``}`);
  if (!contact) throw new AppError('not_found', { message: 'No such contact.' });
  return contact;
}

/** Everything the organization holds about one contact, as one JSON document. */
export async function exportContact(db: Db, orgId: string, contactId: string) {
  const contact = await findLiveContact(db, orgId, contactId);
  const consent = await db.query(sql`
    SELECT id, seq::text AS seq, purpose, state, source, proof, actor, recorded_at, hash
    FROM consent_records WHERE org_id = ${orgId} AND contact_id = ${contactId} ORDER BY consent_records.seq`);
  const messages = await db.query(sql`
    SELECT m.id, m.direction, m.type, m.content, m.status, m.created_at, m.category, m.consent_record_id, m.metadata, m.error,
      (SELECT coalesce(json_agg(json_build_object('status', e.status, 'at', e.occurred_at) ORDER BY e.occurred_at), '[]'::json)
         FROM message_status_events e WHERE e.org_id = m.org_id AND e.message_id = m.id) AS history
    FROM messages m WHERE m.org_id = ${orgId} AND m.contact_id = ${contactId} ORDER BY m.id`);
  const windows = await db.query(sql`
    SELECT phone_number_id, last_inbound_at FROM customer_windows WHERE org_id = ${orgId} AND contact_id = ${contactId}`);
  return {
    exported_at: new Date().toISOString(),
    contact: {
      id: contact.id, phone: contact.phone_e164, wa_id: contact.wa_id, name: contact.name, language: contact.language,
      time_zone: contact.time_zone, attributes: contact.attributes, tags: contact.tags, last_inbound_at: contact.last_inbound_at,
      created_at: contact.created_at, updated_at: contact.updated_at,
    },
    consent_records: consent,
    messages,
    customer_service_windows: windows,
  };
}

/** Erases a contact in one transaction; returns when it was erased. */
export async function eraseContact(deps: Deps, orgId: string, contactId: string, actor: string, requestId?: string): Promise<{ erased_at: Date }> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const contact = await findLiveContact(tx, orgId, contactId, true);
    const optedOut = await one<{ n: number }>(tx, sql`
      SELECT count(*)::int AS n FROM consent_state WHERE org_id = ${orgId} AND contact_id = ${contactId} AND state = 'opted_out'`);
    await tx.query(sql`
      INSERT INTO suppressed_numbers (org_id, phone_hash, reason, created_at)
      VALUES (${orgId}, ${phoneHash(deps.sealer, orgId, contact.phone_e164)}, ${optedOut!.n > 0 ? 'erased_after_opt_out' : 'erased'}, ${now})
      ON CONFLICT (org_id, phone_hash) DO UPDATE SET created_at = excluded.created_at, reason = excluded.reason`);
    // The ledger: the erasure itself is a record (no personal data in it); earlier proofs go, their digests stay.
    const [erasure] = await appendConsents(tx, orgId, [{ contactId, purpose: 'all', state: 'erased', source: 'erasure', proof: {}, actor }], now);
    await tx.query(sql`
      UPDATE consent_records SET proof = '{"erased": true}'::jsonb
      WHERE org_id = ${orgId} AND contact_id = ${contactId} AND state <> 'erased'`);
    await tx.query(sql`DELETE FROM consent_state WHERE org_id = ${orgId} AND contact_id = ${contactId}`);
    await tx.query(sql`DELETE FROM pending_opt_ins WHERE org_id = ${orgId} AND contact_id = ${contactId}`);
    await tx.query(sql`DELETE FROM customer_windows WHERE org_id = ${orgId} AND contact_id = ${contactId}`);

    // Messages keep their ids, statuses and billing (the organization's own records) but lose what was said and to whom.
    const mediaIds = await tx.query<{ media_id: string }>(sql`
      SELECT DISTINCT content -> type ->> 'id' AS media_id FROM messages
      WHERE org_id = ${orgId} AND contact_id = ${contactId} AND direction = 'inbound' AND content -> type ->> 'id' IS NOT NULL`);
    await tx.query(sql`
      DELETE FROM media WHERE org_id = ${orgId} AND source = 'inbound' AND meta_media_id = ANY(${mediaIds.map((m) => m.media_id)}::text[])`);
    await tx.query(sql`
      UPDATE events SET payload = '{"erased": true}'::jsonb
      WHERE org_id = ${orgId} AND subject IN (SELECT id FROM messages WHERE org_id = ${orgId} AND contact_id = ${contactId})`);
    await tx.query(sql`
      UPDATE messages SET content = '{}'::jsonb, counterpart = 'erased', metadata = NULL, updated_at = now()
      WHERE org_id = ${orgId} AND contact_id = ${contactId}`);
    // Meta's raw webhook bodies naming this number, once processed (they are platform-wide: matched by the number).
    if (contact.wa_id) {
      await tx.query(sql`
        DELETE FROM whatsapp_webhook_events WHERE processed_at IS NOT NULL AND strpos(raw_body, ${`"${contact.wa_id}"`}) > 0`);
    }
    await tx.query(sql`
      UPDATE contacts SET phone_e164 = ${`erased:${contactId}`}, wa_id = NULL, name = NULL, language = NULL, time_zone = NULL,
        attributes = '{}'::jsonb, tags = '{}', last_inbound_at = NULL, erased_at = ${now}, updated_at = ${now}
      WHERE org_id = ${orgId} AND id = ${contactId}`);
    // Ids only: the entry outlives the personal data it describes.
    await recordAudit(tx, { orgId, action: 'contact.erased', actor, requestId, at: now, subject: contactId, detail: { suppressed: true, ledger_seq: erasure!.seq } });
    return { erased_at: now };
  });
}
