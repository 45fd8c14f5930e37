import type { Deps } from '../deps.ts';
import { rateOf } from '../messaging/dispatch.ts';
import { listPhoneNumbers } from '../phone-numbers/store.ts';
import { localDays } from './local-days.ts';
import { countMessagesPerDay } from './store.ts';

/** The dashboard's first view: today's message counts and the last `days` days in `tz`, and each number's health. */
export async function overview(deps: Deps, orgId: string, q: { days: number; tz: string }) {
  const now = deps.clock.now();
  const [series, numbers] = await Promise.all([
    countMessagesPerDay(deps.db, orgId, localDays(now, q.tz, q.days)),
    listPhoneNumbers(deps.db, orgId),
  ]);
  return {
    time_zone: q.tz,
    generated_at: now,
    today: series.at(-1)!,
    series,
    phone_numbers: numbers.map((n) => ({
      id: n.id, display_phone_number: n.display_phone_number, verified_name: n.verified_name,
      quality_rating: n.quality_rating, messaging_limit_tier: n.messaging_limit_tier, throughput_level: n.throughput_level,
      send_rate_mps: rateOf(deps, n), status: n.status, paused_at: n.paused_at,
    })),
  };
}
