import { normalizePhone } from '../contacts/phone.ts';
import { AppError } from '../lib/app-error.ts';
import { CATEGORY_IDS, clauseOf, isCategory, type ReportCategory } from './categories.ts';

/** A report's fields, checked: at least one way to reach the reporter, at least one way to find the business. */
export type ReportInput = {
  reporterEmail: string | null;
  reporterPhone: string | null;
  reportedBusiness: string | null;
  reportedPhone: string | null;
  category: ReportCategory;
  clause: string;
  description: string;
};

export const REPORT_FIELDS = ['reporter_email', 'reporter_phone', 'reported_business', 'reported_phone', 'category', 'description'] as const;
export const MAX_DESCRIPTION = 5000;
const EMAIL = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]+$/;

type Violation = { path: string; message: string };

/** The same rules for the form, JSON and multipart: every problem at once, as validation_failed. */
export function parseReportInput(fields: Record<string, unknown>): ReportInput {
  const errors: Violation[] = [];
  const text = (name: string, max: number): string | null => {
    const value = fields[name];
    if (value === undefined || value === null) return null;
    if (typeof value !== 'string') {
      errors.push({ path: `body.${name}`, message: 'must be a string' });
      return null;
    }
    const trimmed = value.trim();
    if (trimmed.length > max) errors.push({ path: `body.${name}`, message: `must be at most ${max} characters` });
    return trimmed === '' ? null : trimmed;
  };
  const phone = (name: string): string | null => {
    const value = text(name, 64);
    if (value === null) return null;
    // No organization's country to read a national number in: the reporter writes the country code.
    const result = normalizePhone(value, undefined);
    if (!result.ok) errors.push({ path: `body.${name}`, message: result.reason });
    return result.ok ? result.e164 : null;
  };

  const reporterEmail = text('reporter_email', 254)?.toLowerCase() ?? null;
  if (reporterEmail !== null && !EMAIL.test(reporterEmail)) errors.push({ path: 'body.reporter_email', message: 'is not an email address' });
  const reporterPhone = phone('reporter_phone');
  const reportedBusiness = text('reported_business', 200);
  const reportedPhone = phone('reported_phone');
  const category = fields['category'];
  const description = text('description', MAX_DESCRIPTION);

  if (!reporterEmail && !reporterPhone && !errors.some((e) => /reporter_/.test(e.path))) {
    errors.push({ path: 'body.reporter_email', message: 'give an email address or a phone number so we can tell you the outcome' });
  }
  if (!reportedBusiness && !reportedPhone && !errors.some((e) => /reported_/.test(e.path))) {
    errors.push({ path: 'body.reported_business', message: 'name the business or give the WhatsApp number that messaged you' });
  }
  if (!isCategory(category)) errors.push({ path: 'body.category', message: `must be one of ${CATEGORY_IDS.join(', ')}` });
  if (!description) errors.push({ path: 'body.description', message: 'describe what happened' });
  if (errors.length > 0 || !isCategory(category) || !description) throw new AppError('validation_failed', { details: errors });
  return { reporterEmail, reporterPhone, reportedBusiness, reportedPhone, category, clause: clauseOf(category), description };
}
