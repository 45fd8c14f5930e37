import type { Deps } from '../deps.ts';
import { sql } from '../db/sql.ts';
import { newId } from '../lib/ids.ts';
import { emitEvents } from '../webhooks/emit-events.ts';
import type { PhoneNumberQualityEvent } from '../whatsapp/webhook-events.ts';

/**
 * Meta's phone_number_quality_update: the number was flagged or unflagged, or its portfolio's messaging limit
 * moved. The limit (`max_daily_conversations_per_business`, or the older `current_limit`) is what the send path
 * meters business-initiated recipients against; the change is kept as an account event and sent to the
 * organization as `phone_number.status`. Meta names the number by its display number within the WABA.
 */
export async function applyPhoneNumberQuality(deps: Deps, event: PhoneNumberQualityEvent): Promise<void> {
  const digits = event.displayPhoneNumber.replace(/\D/g, '');
  const limit = event.maxDailyConversationsPerBusiness ?? event.currentLimit ?? null;
  await deps.db.transaction(async (tx) => {
    const numbers = await tx.query<{ org_id: string; id: string; messaging_limit_tier: string | null }>(sql`
      SELECT p.org_id, p.id, p.messaging_limit_tier FROM phone_numbers p
      JOIN whatsapp_accounts a ON a.org_id = p.org_id AND a.id = p.account_id
      WHERE a.waba_id = ${event.wabaId} AND regexp_replace(p.display_phone_number, '[^0-9]', '', 'g') = ${digits}
      FOR UPDATE OF p`);
    for (const number of numbers) {
      // Limits apply to the whole portfolio: every number of the account takes the new one.
      if (limit && limit !== 'TIER_NOT_SET') {
        await tx.query(sql`
          UPDATE phone_numbers SET messaging_limit_tier = ${limit}
          WHERE org_id = ${number.org_id} AND account_id = (SELECT account_id FROM phone_numbers WHERE org_id = ${number.org_id} AND id = ${number.id})`);
      }
      const detail = {
        phone_number_id: number.id, display_phone_number: event.displayPhoneNumber, event: event.event,
        previous_limit: event.oldLimit ?? number.messaging_limit_tier, messaging_limit: limit ?? number.messaging_limit_tier,
        at: (event.time ?? deps.clock.now()).toISOString(),
      };
      await tx.query(sql`
        INSERT INTO account_events (org_id, id, kind, subject, detail)
        VALUES (${number.org_id}, ${newId('accountEvent')}, 'phone_number.quality', ${number.id}, ${JSON.stringify(detail)}::jsonb)`);
      await emitEvents(tx, number.org_id, [{ type: 'phone_number.status', subject: number.id, payload: detail }]);
    }
    if (numbers.length === 0) deps.log.info({ wabaId: event.wabaId }, 'phone_number_quality_update for a number no organization has connected');
  });
}
