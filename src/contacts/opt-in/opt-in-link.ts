import type { Db } from '../../db/db.ts';
import { sql } from '../../db/sql.ts';
import type { ConsentSettings } from '../consent-settings.ts';
import { escapeHtml } from './hosted-page.ts';

export type OptInLink = {
  page_url: string;
  html: string;
  keyword: string;
  whatsapp_links: { phone_number_id: string; display_phone_number: string; url: string }[];
};

/**
 * What a business puts on its site or in its emails: the hosted page's address, a ready-made HTML link to it,
 * and for each of its numbers a wa.me link that opens WhatsApp with the opt-in keyword typed (sending it is
 * the keyword opt-in).
 */
export async function optInLink(db: Db, orgId: string, slug: string, baseUrl: string, settings: ConsentSettings): Promise<OptInLink> {
  const pageUrl = `${baseUrl.replace(/\/+$/, '')}/optin/${encodeURIComponent(slug)}`;
  const keyword = settings.opt_in_keywords[0] ?? 'START';
  const numbers = await db.query<{ id: string; display_phone_number: string }>(sql`
    SELECT id, display_phone_number FROM phone_numbers WHERE org_id = ${orgId} ORDER BY id`);
  return {
    page_url: pageUrl,
    html: `<a href="${escapeHtml(pageUrl)}" rel="noopener">Get messages from ${escapeHtml(settings.business_name)} on WhatsApp</a>`,
    keyword,
    whatsapp_links: numbers.map((n) => ({
      phone_number_id: n.id,
      display_phone_number: n.display_phone_number,
      url: `https://wa.me/${n.display_phone_number.replace(/\D/g, '')}?text=${encodeURIComponent(keyword)}`,
    })),
  };
}
