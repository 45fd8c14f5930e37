import { AUP_V1 } from '../policy/aup-v1.ts';

/**
 * What a report can be about: the prohibited activities of AUP section 3, one category per clause, and "other"
 * (filed under clause 5 itself). The labels are the policy's own clause titles.
 */
export const REPORT_CATEGORIES = {
  spam: '3.1',
  illegal: '3.2',
  whatsapp_policy: '3.3',
  security: '3.4',
  intellectual_property: '3.5',
  resource_misuse: '3.6',
  other: '5',
} as const;

export type ReportCategory = keyof typeof REPORT_CATEGORIES;

export const CATEGORY_IDS = Object.keys(REPORT_CATEGORIES) as ReportCategory[];

export function isCategory(value: unknown): value is ReportCategory {
  return typeof value === 'string' && Object.hasOwn(REPORT_CATEGORIES, value);
}

export function clauseOf(category: ReportCategory): string {
  return REPORT_CATEGORIES[category];
}

/** "3.1 Spam & Unsolicited Messages", from the policy text; "Something else" for other. */
export function categoryLabel(category: ReportCategory): string {
  const clause = clauseOf(category);
  if (category === 'other') return 'Something else';
  const title = AUP_V1.sections.flatMap((s) => s.clauses ?? []).find((c) => c.id === clause)?.title;
  return `${clause} ${title ?? category}`;
}
