// Meta's template limits, each with its confidence mark from ../shared/whatsapp-cloud-api.md ([✔✔] two sources,
// [✔] one, [?] uncertain: a configurable default, not a hard rule). Shared by the validator and the renderer.

/** §4.1 name: ≤ 512, lowercase letters, digits, underscores [✔✔]. */
export const NAME_MAX = 512;
export const NAME_PATTERN = /^[a-z0-9_]+$/;

/** §4.1 component limits [✔✔]. Characters are counted as code points (an emoji is one). */
export const HEADER_TEXT_MAX = 60;
export const HEADER_VARIABLES_MAX = 1;
export const BODY_TEXT_MAX = 1024;
export const FOOTER_TEXT_MAX = 60;
export const BUTTONS_MAX = 10;
export const URL_BUTTONS_MAX = 2;
export const PHONE_NUMBER_BUTTONS_MAX = 1;
export const COPY_CODE_BUTTONS_MAX = 1;
export const BUTTON_TEXT_MAX = 25;
export const BUTTON_URL_MAX = 2000;
export const PHONE_NUMBER_MAX = 20;
export const COPY_CODE_EXAMPLE_MAX = 20;
/** Not in the reference: Meta's flow-template docs allow one FLOW button per template [?]. */
export const FLOW_BUTTONS_MAX = 1;
/** Authentication templates carry exactly one OTP button (§4.2 and §9, 2024-04) [✔]. */
export const OTP_BUTTONS_MAX = 1;

/** §4.2 `code_expiration_minutes` 1–90 [✔✔]. */
export const CODE_EXPIRATION_MIN = 1;
export const CODE_EXPIRATION_MAX = 90;
/** Not in the reference: Android app signature hashes are 11 characters (Meta's one-tap docs) [?]. */
export const SIGNATURE_HASH_LENGTH = 11;

/**
 * §4.1 error 2388293: Meta does not publish the variables-to-length ratio [✔✔]; "at least about 3 words of fixed
 * text per variable" is the reference's heuristic [?]. Overridable per call (`validateTemplate(input, rules)`).
 */
export const MIN_WORDS_PER_VARIABLE = 3;

/**
 * §4.1: two variables may not be adjacent "without text between them" [✔✔]. Whitespace is not text; whether
 * punctuation alone (`{{1}}, {{2}}`) is enough is not known [?], so by default it counts as text.
 */
export const ADJACENT_SEPARATOR_PUNCTUATION_IS_TEXT = true;

/** §1.8 send time: hydrated body ≤ 1024 (132005) [✔]; a text parameter ≤ 1024, or 32768 when the body is the only component [✔]. */
export const TEXT_PARAMETER_MAX = 1024;
export const TEXT_PARAMETER_MAX_BODY_ONLY = 32768;
/** §1.8: parameter values with newlines, tabs or more than 4 consecutive spaces are rejected [?]. */
export const REJECT_PARAMETER_WHITESPACE = true;

/**
 * Meta's preset authentication texts (§4.2 gives the body; the other two lines are Meta's English wording as seen
 * in its docs, not in the reference [?]). Used to render what the customer sees.
 */
export const AUTH_BODY_TEXT = '{{1}} is your verification code.';
export const AUTH_SECURITY_RECOMMENDATION = 'For your security, do not share this code.';
export const authExpirationText = (minutes: number) => `This code expires in ${minutes} minutes.`;

/** Positional `{{1}}` (from 1, no leading zero) and named `{{first_name}}` (lowercase letters and underscores, §4.1). */
export const POSITIONAL_VARIABLE = /^[1-9][0-9]*$/;
export const NAMED_VARIABLE = /^[a-z_]+$/;

/**
 * Not in the reference: the language codes of Meta's "Supported languages" page, from memory [?] (rule
 * `language.unsupported`). Pass `languages` in the rules to accept a code Meta added since.
 */
export const SUPPORTED_LANGUAGES: ReadonlySet<string> = new Set(`af sq ar ar_EG ar_AE ar_LB ar_MA ar_QA az be_BY bn bn_IN bg ca
  zh_CN zh_HK zh_TW hr cs da prs_AF nl nl_BE en en_GB en_US en_AE en_AU en_CA en_GH en_IE en_IN en_JM en_MY en_NZ en_QA
  en_SG en_UG en_ZA et fil fi fr fr_BE fr_CA fr_CH fr_CI fr_MA ka de de_AT de_CH el gu ha he hi hu id ga it ja kn kk rw_RW
  ko ky_KG lo lv lt mk ms ml mr nb ps_AF fa pl pt_BR pt_PT pa ro ru sr si_LK sk sl es es_AR es_CL es_CO es_CR es_DO es_EC
  es_HN es_MX es_PA es_PE es_ES es_UY sw sv ta te th tr uk ur uz vi zu`.split(/\s+/));
export const LANGUAGE_PATTERN = /^[a-z]{2,3}(_[A-Z]{2})?$/;

export type Placeholder = { key: string; start: number; end: number };

/** Every `{{…}}` in `text`, well-formed or not; the caller decides what its key may be. */
export function placeholders(text: string): Placeholder[] {
  return [...text.matchAll(/\{\{([^{}]*)\}\}/g)].map((m) => ({ key: m[1] ?? '', start: m.index, end: m.index + m[0].length }));
}

/** A `{{` or `}}` left over once the placeholders are taken out: a variable typed wrong (`{{1}`, `{ {1}}`). */
export function hasStrayBraces(text: string): boolean {
  return /\{\{|\}\}/.test(text.replace(/\{\{([^{}]*)\}\}/g, ' '));
}

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
export const nonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
export const charCount = (text: string) => [...text].length;

/** Words of fixed text (not variables): whitespace-separated runs holding a letter or a digit. */
export function fixedWordCount(text: string): number {
  return text.replace(/\{\{([^{}]*)\}\}/g, ' ').split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

export type TemplateRules = {
  minWordsPerVariable: number;
  adjacentPunctuationIsText: boolean;
  languages: ReadonlySet<string>;
};

export const DEFAULT_RULES: TemplateRules = {
  minWordsPerVariable: MIN_WORDS_PER_VARIABLE,
  adjacentPunctuationIsText: ADJACENT_SEPARATOR_PUNCTUATION_IS_TEXT,
  languages: SUPPORTED_LANGUAGES,
};

/**
 * The subcode Meta answers a create with for a rule (§2.3 template-management errors, under code 100): 2388299
 * variable at the start or end, 2388293 too many variables, 2388040 over a length, 2388047/2388072/2388073 header,
 * body or footer format; anything else the generic 100. For the simulator, so it does not match on rule names.
 */
export function metaSubcode(rule: string): number {
  if (rule === 'body.variable_at_start' || rule === 'body.variable_at_end') return 2388299;
  if (rule === 'body.too_many_variables') return 2388293;
  if (/\.(text_length|length|url_length|example_length|phone_number_length)$/.test(rule)) return 2388040;
  if (rule.startsWith('header.')) return 2388047;
  if (rule.startsWith('body.')) return 2388072;
  if (rule.startsWith('footer.')) return 2388073;
  return 100;
}
