import type { Db } from '../db/db.ts';
import { DEFAULT_MARKETING_CAP } from './consent-policy.ts';
import { one } from '../db/db.ts';
import { sql } from '../db/sql.ts';
import { AppError } from '../lib/app-error.ts';
import { DEFAULT_MARKETING_OPT_OUT_KEYWORDS, DEFAULT_OPT_IN_KEYWORDS, DEFAULT_OPT_OUT_KEYWORDS, keywordProblems } from './keywords.ts';

/**
 * An organization's opt-in and opt-out settings. A missing row, or a null column, means the default: the
 * business is named as the organization is, the keyword lists are keywords.ts's, the texts are below.
 * Texts may say {business} (the business name) and {opt_in_keyword} / {opt_out_keyword} (the first of each list).
 */
export type ConsentSettings = {
  business_name: string;
  opt_in_keywords: string[];
  opt_out_keywords: string[];
  marketing_opt_out_keywords: string[];
  opt_out_confirmation: string;
  marketing_opt_out_confirmation: string;
  opt_in_confirmation: string;
  marketing_cap_per_24h: number;
  double_opt_in: boolean;
  double_opt_in_template: DoubleOptInTemplate | null;
};

/** The approved template sent to confirm a pending opt-in: what `template` of POST /v1/messages takes. */
export type DoubleOptInTemplate = { name: string; language: { code: string }; components?: unknown[] };

export const DEFAULT_TEXTS = {
  opt_out_confirmation: 'You will no longer receive messages from {business} on WhatsApp. Reply {opt_in_keyword} to resubscribe.',
  marketing_opt_out_confirmation:
    'You will no longer receive promotional messages from {business} on WhatsApp. Messages about your orders and account still reach you. Reply {opt_in_keyword} to resubscribe.',
  opt_in_confirmation: 'You are now subscribed to messages from {business} on WhatsApp. Reply {opt_out_keyword} at any time to unsubscribe.',
};


type SettingsRow = { org_name: string } & { [K in keyof ConsentSettings]: ConsentSettings[K] | null };

/** The settings in force, defaults filled in. */
export async function loadConsentSettings(db: Db, orgId: string): Promise<ConsentSettings> {
  const row = await one<SettingsRow>(db, sql`
    SELECT o.name AS org_name, s.business_name, s.opt_in_keywords, s.opt_out_keywords, s.marketing_opt_out_keywords,
      s.opt_out_confirmation, s.marketing_opt_out_confirmation, s.opt_in_confirmation, s.marketing_cap_per_24h,
      s.double_opt_in, s.double_opt_in_template
    FROM organizations o LEFT JOIN consent_settings s ON s.org_id = o.id WHERE o.id = ${orgId}`);
  if (!row) throw new AppError('not_found');
  return withDefaults(row);
}

export function withDefaults(row: SettingsRow): ConsentSettings {
  return {
    business_name: row.business_name ?? row.org_name,
    opt_in_keywords: row.opt_in_keywords ?? DEFAULT_OPT_IN_KEYWORDS,
    opt_out_keywords: row.opt_out_keywords ?? DEFAULT_OPT_OUT_KEYWORDS,
    marketing_opt_out_keywords: row.marketing_opt_out_keywords ?? DEFAULT_MARKETING_OPT_OUT_KEYWORDS,
    opt_out_confirmation: row.opt_out_confirmation ?? DEFAULT_TEXTS.opt_out_confirmation,
    marketing_opt_out_confirmation: row.marketing_opt_out_confirmation ?? DEFAULT_TEXTS.marketing_opt_out_confirmation,
    opt_in_confirmation: row.opt_in_confirmation ?? DEFAULT_TEXTS.opt_in_confirmation,
    marketing_cap_per_24h: row.marketing_cap_per_24h ?? DEFAULT_MARKETING_CAP,
    double_opt_in: row.double_opt_in ?? false,
    double_opt_in_template: row.double_opt_in_template ?? null,
  };
}

/** A settings text with its placeholders filled in. */
export function renderText(template: string, settings: ConsentSettings): string {
  return template
    .replaceAll('{business}', settings.business_name)
    .replaceAll('{opt_in_keyword}', settings.opt_in_keywords[0] ?? 'START')
    .replaceAll('{opt_out_keyword}', settings.opt_out_keywords[0] ?? 'STOP');
}

/** A PATCH: each field given replaces the stored one; null returns it to the default. */
export type ConsentSettingsPatch = { [K in keyof ConsentSettings]?: ConsentSettings[K] | null };

const COLUMNS = [
  'business_name', 'opt_in_keywords', 'opt_out_keywords', 'marketing_opt_out_keywords', 'opt_out_confirmation',
  'marketing_opt_out_confirmation', 'opt_in_confirmation', 'marketing_cap_per_24h', 'double_opt_in', 'double_opt_in_template',
] as const satisfies readonly (keyof ConsentSettings)[];

/**
 * Validates the settings the patch would leave in force, then stores the patch. The opt-in confirmation is
 * part of a keyword opt-in's proof, so it must name the business and WhatsApp; double opt-in needs an
 * approved template to send.
 */
export async function updateConsentSettings(db: Db, orgId: string, patch: ConsentSettingsPatch): Promise<ConsentSettings> {
  return db.transaction(async (tx) => {
    const current = await one<SettingsRow>(tx, sql`
      SELECT o.name AS org_name, s.* FROM organizations o LEFT JOIN consent_settings s ON s.org_id = o.id WHERE o.id = ${orgId} FOR UPDATE OF o`);
    if (!current) throw new AppError('not_found');
    const stored = { ...current, ...patch } as SettingsRow;
    const next = withDefaults(stored);
    const problems = keywordProblems({
      opt_in_keywords: next.opt_in_keywords, opt_out_keywords: next.opt_out_keywords, marketing_opt_out_keywords: next.marketing_opt_out_keywords,
    });
    const confirmation = renderText(next.opt_in_confirmation, next);
    if (!confirmation.includes(next.business_name) || !/whatsapp/i.test(confirmation)) {
      problems.push({ path: 'body.opt_in_confirmation', message: 'must name the business ({business}) and WhatsApp: it is part of the consent proof' });
    }
    if (next.double_opt_in && !next.double_opt_in_template) {
      problems.push({ path: 'body.double_opt_in_template', message: 'double opt-in needs the template that asks the customer to confirm' });
    }
    if (problems.length > 0) throw new AppError('validation_failed', { details: problems });
    if (next.double_opt_in_template && patch.double_opt_in_template !== undefined) await requireApprovedTemplate(tx, orgId, next.double_opt_in_template);

    const value = (k: (typeof COLUMNS)[number]) => {
      const v = stored[k];
      return k === 'double_opt_in_template' && v !== null ? JSON.stringify(v) : v;
    };
    await tx.query(sql`
      INSERT INTO consent_settings (org_id, business_name, opt_in_keywords, opt_out_keywords, marketing_opt_out_keywords,
        opt_out_confirmation, marketing_opt_out_confirmation, opt_in_confirmation, marketing_cap_per_24h, double_opt_in,
        double_opt_in_template, updated_at)
      VALUES (${orgId}, ${value('business_name')}, ${value('opt_in_keywords')}::text[], ${value('opt_out_keywords')}::text[],
        ${value('marketing_opt_out_keywords')}::text[], ${value('opt_out_confirmation')}, ${value('marketing_opt_out_confirmation')},
        ${value('opt_in_confirmation')}, ${value('marketing_cap_per_24h')}::int, ${next.double_opt_in}, ${value('double_opt_in_template')}::jsonb, now())
      ON CONFLICT (org_id) DO UPDATE SET
        business_name = excluded.business_name, opt_in_keywords = excluded.opt_in_keywords, opt_out_keywords = excluded.opt_out_keywords,
        marketing_opt_out_keywords = excluded.marketing_opt_out_keywords, opt_out_confirmation = excluded.opt_out_confirmation,
        marketing_opt_out_confirmation = excluded.marketing_opt_out_confirmation, opt_in_confirmation = excluded.opt_in_confirmation,
        marketing_cap_per_24h = excluded.marketing_cap_per_24h, double_opt_in = excluded.double_opt_in,
        double_opt_in_template = excluded.double_opt_in_template, updated_at = now()`);
    return next;
  });
}

async function requireApprovedTemplate(db: Db, orgId: string, template: DoubleOptInTemplate) {
  const found = await one<{ status: string }>(db, sql`
    SELECT status FROM templates WHERE org_id = ${orgId} AND name = ${template.name} AND language = ${template.language.code}
    ORDER BY (status = 'APPROVED') DESC LIMIT 1`);
  if (found?.status !== 'APPROVED') {
    throw new AppError('template_not_approved', {
      message: `Double opt-in needs an approved template: "${template.name}" (${template.language.code}) is ${found ? found.status : 'not known'}.`,
    });
  }
}
