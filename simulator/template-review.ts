// Meta's review of a template, as the simulator plays it (§4.1, §6.5, §6.6). At create (or edit) the definition must
// pass the same validator the platform runs, or the request fails at once with Meta's envelope and subcode. After a
// short delay the review decides: a prohibited phrase → REJECTED; a UTILITY template whose text is promotional →
// re-filed as MARKETING when the author allowed it, else REJECTED (INCORRECT_CATEGORY); a format problem →
// REJECTED (INVALID_FORMAT); anything else → APPROVED.
//
// The validator lives in src/templates/ but is pure contract knowledge (Meta's rules, no platform state), which is
// why the simulator may use it: "what the validator accepts the simulator accepts" (issue 6).

import type { TemplateCategory } from '../src/whatsapp/account-types.ts';
import type { TemplateRejectionReason } from '../src/whatsapp/webhook-types.ts';
import { validateTemplate, type TemplateViolation } from '../src/templates/validate-template.ts';
import type { SimTemplate, SimWaba } from './state.ts';
import { bodyText, variablesOf } from './templates.ts';

export type CreateProblem = { details: string; subcode?: number; userTitle?: string };

/** Phrases the review rejects outright, with Meta's reason (Business and Commerce policies, §6.6). */
export const PROHIBITED_PHRASES: readonly { phrase: RegExp; reason: TemplateRejectionReason; why: string }[] = [
  { phrase: /\bguaranteed (income|returns?|profits?)\b/i, reason: 'SCAM', why: 'Promises of guaranteed financial returns are not allowed.' },
  { phrase: /\b(online casino|sports betting|real[- ]money gambling)\b/i, reason: 'ABUSIVE_CONTENT', why: 'Real-money gambling is a restricted vertical.' },
  { phrase: /\b(buy|sell)(ing)? (weed|cannabis|cocaine|opioids?)\b/i, reason: 'ABUSIVE_CONTENT', why: 'The sale of drugs is prohibited.' },
  { phrase: /\b(verify|confirm) your (bank|card) (pin|password)\b/i, reason: 'SCAM', why: 'Asking for credentials looks like phishing.' },
  { phrase: /\bcrypto(currency)? (investment|giveaway)\b/i, reason: 'SCAM', why: 'Crypto investments and giveaways are prohibited.' },
];

/** Words that make a message promotional: a UTILITY template with them is marketing (§6.5). */
const PROMOTIONAL = /\b(sale|discount|\d+\s?% off|promo(tion)?( code)?|coupon|special offer|limited[- ]time|buy now|shop now|deal of the day|free gift)\b/i;

/** What the create (or edit) request gets back at once when the definition breaks one of Meta's rules. */
export function checkDefinition(body: unknown): CreateProblem | null {
  const violations = validateTemplate(body);
  const first = violations[0];
  if (!first) return null;
  // Meta reports one problem per request; the platform's own check lists them all before Meta is ever called.
  const details = violations.map((v) => `${v.path || '(template)'}: ${v.message}`).join('; ');
  const subcode = subcodeOf(first);
  return { details, ...(subcode !== undefined ? { subcode } : {}), userTitle: titleOf(first) };
}

export function checkDuplicate(waba: SimWaba, name: unknown, language: unknown): CreateProblem | null {
  for (const t of waba.templates.values()) {
    if (t.name === name && t.language === language) {
      return { details: `Content in ${String(language)} already exists for ${String(name)}.`, subcode: 2388024, userTitle: 'Content in This Language Already Exists' };
    }
  }
  return null;
}

// Meta's template-creation subcodes (§2.3) by the part of the template a rule is about.
function subcodeOf(v: TemplateViolation): number | undefined {
  const rule = v.rule.toLowerCase();
  if (/edge|start|end/.test(rule)) return 2388299;
  if (/too_many|density|ratio/.test(rule)) return 2388293;
  if (/length|too_long/.test(rule)) return 2388040;
  if (rule.startsWith('header')) return 2388047;
  if (rule.startsWith('footer')) return 2388073;
  if (rule.startsWith('body')) return 2388072;
  return undefined;
}

function titleOf(v: TemplateViolation): string {
  const part = v.rule.split('.')[0] ?? 'template';
  return `Invalid ${part} in template`;
}

export type ReviewResult =
  | { status: 'APPROVED'; recategorised?: { from: TemplateCategory; to: TemplateCategory } }
  | { status: 'REJECTED'; reason: TemplateRejectionReason; rejection_info: { reason: string; recommendation: string } };

/** The decision after the review delay. */
export function reviewTemplate(template: SimTemplate): ReviewResult {
  const text = allText(template);
  const reject = (reason: TemplateRejectionReason, why: string, recommendation: string): ReviewResult =>
    ({ status: 'REJECTED', reason, rejection_info: { reason: why, recommendation } });
  for (const rule of PROHIBITED_PHRASES) {
    if (rule.phrase.test(text)) return reject(rule.reason, rule.why, 'Remove content that the WhatsApp Business and Commerce policies prohibit.');
  }
  const format = formatProblem(template);
  if (format) return reject('INVALID_FORMAT', format.reason, format.recommendation);
  if (template.category === 'UTILITY' && PROMOTIONAL.test(text)) {
    if (template.allow_category_change) return { status: 'APPROVED', recategorised: { from: 'UTILITY', to: 'MARKETING' } };
    return reject('INCORRECT_CATEGORY', 'The template is promotional but was submitted as UTILITY.',
      'Submit it as MARKETING, or remove the promotional content, or allow category change.');
  }
  return { status: 'APPROVED' };
}

/** The format rules Meta reports as INVALID_FORMAT after review rather than at create. */
function formatProblem(template: SimTemplate): { reason: string; recommendation: string } | null {
  const body = bodyText(template).trim();
  if (/^\{\{[^}]*\}\}/.test(body) || /\{\{[^}]*\}\}[.!?]?$/.test(body)) {
    return { reason: 'Variable parameters are at the start or end of the template body.', recommendation: 'Add fixed text before the first and after the last variable.' };
  }
  if (/\}\}\s*\{\{/.test(body)) return { reason: 'Two parameters are adjacent with no text between them.', recommendation: 'Separate parameters with descriptive text.' };
  if (template.parameter_format !== 'NAMED' && variablesOf(body).map(Number).some((n, i) => n !== i + 1)) {
    return { reason: 'Variable parameters are not sequential.', recommendation: 'Number variables {{1}}, {{2}}, … in order without gaps.' };
  }
  return null;
}

function allText(template: SimTemplate): string {
  const parts: string[] = [];
  for (const c of template.components) {
    if ('text' in c && typeof c.text === 'string') parts.push(c.text);
    if (c.type === 'BUTTONS') for (const b of c.buttons as Record<string, unknown>[]) if (typeof b.text === 'string') parts.push(b.text);
  }
  return parts.join('\n');
}
