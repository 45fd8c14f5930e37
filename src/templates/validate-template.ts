// The shape of Meta's `POST /{waba-id}/message_templates` body and the one validator used by the API and by the
// simulator's review (../shared/whatsapp-cloud-api.md §4.1–4.2). Pure: no I/O, never throws, on any input.
// Rule ids and their order are in docs/decisions/0012-template-validation.md.
import {
  BODY_TEXT_MAX, CODE_EXPIRATION_MAX, CODE_EXPIRATION_MIN, DEFAULT_RULES, FOOTER_TEXT_MAX, HEADER_TEXT_MAX,
  HEADER_VARIABLES_MAX, LANGUAGE_PATTERN, NAME_MAX, NAME_PATTERN, NAMED_VARIABLE, POSITIONAL_VARIABLE, charCount,
  fixedWordCount, hasStrayBraces, isRecord, nonEmptyString, placeholders,
} from './template-rules.ts';
import type { TemplateRules } from './template-rules.ts';
import { checkButtons } from './validate-buttons.ts';

export type TemplateViolation = { path: string; rule: string; message: string };

export type TemplateCategory = 'MARKETING' | 'UTILITY' | 'AUTHENTICATION';
export type ParameterFormat = 'POSITIONAL' | 'NAMED';
export type NamedParamExample = { param_name: string; example: string };

export type HeaderComponent = {
  type: 'HEADER'; format: 'TEXT' | 'IMAGE' | 'VIDEO' | 'DOCUMENT' | 'GIF' | 'LOCATION'; text?: string;
  example?: { header_text?: string[]; header_text_named_params?: NamedParamExample[]; header_handle?: string[] };
};
export type BodyComponent = {
  type: 'BODY'; text?: string; add_security_recommendation?: boolean;
  example?: { body_text?: string[][]; body_text_named_params?: NamedParamExample[] };
};
export type FooterComponent = { type: 'FOOTER'; text?: string; code_expiration_minutes?: number };
export type SupportedApp = { package_name: string; signature_hash: string };
export type TemplateButton =
  | { type: 'QUICK_REPLY'; text: string }
  | { type: 'URL'; text: string; url: string; example?: string[] }
  | { type: 'PHONE_NUMBER'; text: string; phone_number: string }
  | { type: 'COPY_CODE'; example: string; text?: string }
  | { type: 'OTP'; otp_type: 'COPY_CODE' | 'ONE_TAP' | 'ZERO_TAP'; text?: string; autofill_text?: string;
      supported_apps?: SupportedApp[]; zero_tap_terms_accepted?: boolean }
  | { type: 'FLOW'; text: string; flow_id?: string; flow_name?: string; flow_json?: string;
      flow_action?: 'navigate' | 'data_exchange'; navigate_screen?: string };
export type ButtonsComponent = { type: 'BUTTONS'; buttons: TemplateButton[] };
export type TemplateComponent = HeaderComponent | BodyComponent | FooterComponent | ButtonsComponent;

export type TemplateDefinition = {
  name: string; language: string; category: TemplateCategory; parameter_format?: ParameterFormat;
  components: TemplateComponent[];
  allow_category_change?: boolean; message_send_ttl_seconds?: number; sub_category?: string;
  cta_url_link_tracking_opted_out?: boolean;
};

export type Check = {
  add: (path: string, rule: string, message: string) => void;
  category: TemplateCategory | null; named: boolean; rules: TemplateRules;
};

const CATEGORIES: readonly unknown[] = ['MARKETING', 'UTILITY', 'AUTHENTICATION'];
const COMPONENTS: readonly unknown[] = ['HEADER', 'BODY', 'FOOTER', 'BUTTONS'];
const HEADER_FORMATS: readonly unknown[] = ['TEXT', 'IMAGE', 'VIDEO', 'DOCUMENT', 'GIF', 'LOCATION'];

/**
 * Every violation of `input` against Meta's template rules, in the order an author would fix them: top-level
 * fields, what the component list lacks, then each component in order, its structure before its content.
 */
export function validateTemplate(input: unknown, rules: Partial<TemplateRules> = {}): TemplateViolation[] {
  const out: TemplateViolation[] = [];
  const add = (path: string, rule: string, message: string) => { out.push({ path, rule, message }); };
  if (!isRecord(input)) { add('', 'template.not_object', 'a template is a JSON object'); return out; }
  const check: Check = {
    add, rules: { ...DEFAULT_RULES, ...rules },
    category: CATEGORIES.includes(input.category) ? input.category as TemplateCategory : null,
    named: input.parameter_format === 'NAMED',
  };
  checkTopLevel(input, check);
  const components = input.components;
  if (!Array.isArray(components)) { add('components', 'components.required', 'components is a list of HEADER, BODY, FOOTER, BUTTONS'); return out; }
  checkComponentList(components, check);
  const seen = new Set<unknown>();
  components.forEach((component, i) => { checkComponent(component, `components[${i}]`, seen, check); });
  return out;
}

function checkTopLevel(input: Record<string, unknown>, { add, category, rules }: Check) {
  const { name, language, parameter_format: format } = input;
  if (!nonEmptyString(name)) add('name', 'name.required', 'name is required');
  else {
    if (!NAME_PATTERN.test(name)) add('name', 'name.format', 'name may contain only lowercase letters, digits and underscores');
    if (charCount(name) > NAME_MAX) add('name', 'name.length', `name is at most ${NAME_MAX} characters`);
  }
  if (!nonEmptyString(language)) add('language', 'language.required', 'language is required');
  else if (!LANGUAGE_PATTERN.test(language)) add('language', 'language.format', 'language is a code such as en or en_US');
  else if (!rules.languages.has(language)) add('language', 'language.unsupported', `WhatsApp does not support language ${language}`);
  if (category === null) add('category', 'category.invalid', 'category is MARKETING, UTILITY or AUTHENTICATION');
  if (format !== undefined && format !== 'POSITIONAL' && format !== 'NAMED') {
    add('parameter_format', 'parameter_format.invalid', 'parameter_format is POSITIONAL or NAMED');
  }
}

function checkComponentList(components: unknown[], { add, category }: Check) {
  const has = (type: string) => components.some((c) => isRecord(c) && c.type === type);
  if (!has('BODY')) add('components', 'body.required', 'a template has one BODY component');
  const otp = components.some((c) => isRecord(c) && c.type === 'BUTTONS' && Array.isArray(c.buttons)
    && c.buttons.some((b) => isRecord(b) && b.type === 'OTP'));
  if (category === 'AUTHENTICATION' && !otp) add('components', 'auth.otp_button_required', 'an AUTHENTICATION template has an OTP button');
}

function checkComponent(component: unknown, path: string, seen: Set<unknown>, check: Check) {
  const { add } = check;
  if (!isRecord(component)) { add(path, 'component.not_object', 'a component is a JSON object'); return; }
  if (!COMPONENTS.includes(component.type)) { add(`${path}.type`, 'component.type_unknown', 'type is HEADER, BODY, FOOTER or BUTTONS'); return; }
  if (seen.has(component.type)) add(`${path}.type`, 'component.duplicate', 'each component type appears at most once');
  seen.add(component.type);
  if (component.type === 'HEADER') checkHeader(component, path, check);
  else if (component.type === 'BODY') checkBody(component, path, check);
  else if (component.type === 'FOOTER') checkFooter(component, path, check);
  else checkButtons(component, path, check);
}

function checkHeader(header: Record<string, unknown>, path: string, check: Check) {
  const { add } = check;
  if (check.category === 'AUTHENTICATION') { add(path, 'auth.header_not_allowed', 'AUTHENTICATION templates have no header'); return; }
  const format = header.format;
  if (!HEADER_FORMATS.includes(format)) { add(`${path}.format`, 'header.format_invalid', 'format is TEXT, IMAGE, VIDEO, DOCUMENT, GIF or LOCATION'); return; }
  if (format === 'LOCATION') return;
  if (format !== 'TEXT') {
    const handles = isRecord(header.example) ? header.example.header_handle : undefined;
    if (!Array.isArray(handles) || handles.length === 0 || !handles.every(nonEmptyString)) {
      add(`${path}.example.header_handle`, 'header.media_example_required', 'a media header needs an example handle from the Resumable Upload API');
    }
    return;
  }
  const text = header.text;
  if (!nonEmptyString(text)) { add(`${path}.text`, 'header.text_required', 'a TEXT header has text'); return; }
  if (charCount(text) > HEADER_TEXT_MAX) add(`${path}.text`, 'header.text_length', `header text is at most ${HEADER_TEXT_MAX} characters`);
  if (/[\r\n]/.test(text)) add(`${path}.text`, 'header.newline', 'header text is one line');
  if (hasMarkdown(text)) add(`${path}.text`, 'header.markdown', 'header text has no formatting (*bold*, _italic_, ~strike~, ```mono```)');
  if (/\p{Extended_Pictographic}/u.test(text)) add(`${path}.text`, 'header.emoji', 'header text has no emoji');
  const keys = checkVariables(text, 'header', path, check);
  if (placeholders(text).length > HEADER_VARIABLES_MAX) add(`${path}.text`, 'header.too_many_variables', `a header has at most ${HEADER_VARIABLES_MAX} variable`);
  checkExamples(header, path, 'header', keys, check);
}

function checkBody(body: Record<string, unknown>, path: string, check: Check) {
  const { add, rules } = check;
  if (check.category === 'AUTHENTICATION') {
    if (body.text !== undefined) add(`${path}.text`, 'auth.body_text_not_allowed', 'the body of an AUTHENTICATION template is preset by Meta');
    const recommendation = body.add_security_recommendation;
    if (recommendation !== undefined && typeof recommendation !== 'boolean') {
      add(`${path}.add_security_recommendation`, 'auth.security_recommendation_type', 'add_security_recommendation is true or false');
    }
    return;
  }
  if (body.add_security_recommendation !== undefined) {
    add(`${path}.add_security_recommendation`, 'body.security_recommendation_auth_only', 'add_security_recommendation is for AUTHENTICATION templates');
  }
  const text = body.text;
  if (!nonEmptyString(text)) { add(`${path}.text`, 'body.text_required', 'the body has text'); return; }
  if (charCount(text) > BODY_TEXT_MAX) add(`${path}.text`, 'body.text_length', `body text is at most ${BODY_TEXT_MAX} characters`);
  const keys = checkVariables(text, 'body', path, check);
  const found = placeholders(text);
  const trimmed = text.trim();
  if (/^\{\{[^{}]*\}\}/.test(trimmed)) add(`${path}.text`, 'body.variable_at_start', 'the body may not start with a variable (Meta 2388299)');
  if (/\{\{[^{}]*\}\}$/.test(trimmed)) add(`${path}.text`, 'body.variable_at_end', 'the body may not end with a variable (Meta 2388299)');
  const separator = rules.adjacentPunctuationIsText ? /^\s*$/ : /^[\s\p{P}\p{S}]*$/u;
  const adjacent = found.findIndex((v, i) => i > 0 && separator.test(text.slice(found[i - 1]!.end, v.start)));
  if (adjacent > 0) {
    add(`${path}.text`, 'body.variables_adjacent', `{{${found[adjacent - 1]!.key}}} and {{${found[adjacent]!.key}}} need text between them`);
  }
  if (found.length > 0 && fixedWordCount(text) < rules.minWordsPerVariable * found.length) {
    add(`${path}.text`, 'body.too_many_variables',
      `${found.length} variables need at least ${rules.minWordsPerVariable * found.length} words of fixed text (Meta 2388293)`);
  }
  checkExamples(body, path, 'body', keys, check);
}

function checkFooter(footer: Record<string, unknown>, path: string, { add, category }: Check) {
  const expiration = footer.code_expiration_minutes;
  if (category === 'AUTHENTICATION') {
    if (footer.text !== undefined) add(`${path}.text`, 'auth.footer_text_not_allowed', 'the footer of an AUTHENTICATION template is preset by Meta');
    if (expiration !== undefined && !(Number.isInteger(expiration) && (expiration as number) >= CODE_EXPIRATION_MIN && (expiration as number) <= CODE_EXPIRATION_MAX)) {
      add(`${path}.code_expiration_minutes`, 'auth.code_expiration_range', `code_expiration_minutes is a whole number from ${CODE_EXPIRATION_MIN} to ${CODE_EXPIRATION_MAX}`);
    }
    return;
  }
  if (expiration !== undefined) add(`${path}.code_expiration_minutes`, 'footer.code_expiration_auth_only', 'code_expiration_minutes is for AUTHENTICATION templates');
  const text = footer.text;
  if (!nonEmptyString(text)) { add(`${path}.text`, 'footer.text_required', 'a footer has text'); return; }
  if (charCount(text) > FOOTER_TEXT_MAX) add(`${path}.text`, 'footer.text_length', `footer text is at most ${FOOTER_TEXT_MAX} characters`);
  if (placeholders(text).length > 0 || hasStrayBraces(text)) add(`${path}.text`, 'footer.variable_not_allowed', 'a footer has no variables');
}

/** The variables of a header or body, checked against the template's parameter_format; returns their distinct keys. */
function checkVariables(text: string, component: 'header' | 'body', path: string, { add, named }: Check): string[] {
  const found = placeholders(text);
  if (hasStrayBraces(text) || found.some((v) => !POSITIONAL_VARIABLE.test(v.key) && !NAMED_VARIABLE.test(v.key))) {
    add(`${path}.text`, `${component}.variable_malformed`, 'a variable is {{1}} (positional) or {{lowercase_name}} (named), without spaces');
  }
  const own = named ? NAMED_VARIABLE : POSITIONAL_VARIABLE;
  const other = named ? POSITIONAL_VARIABLE : NAMED_VARIABLE;
  const wrong = found.find((v) => other.test(v.key));
  if (wrong) {
    add(`${path}.text`, `${component}.variable_format`,
      `{{${wrong.key}}} is ${named ? 'positional' : 'named'}, but parameter_format is ${named ? 'NAMED' : 'POSITIONAL'}`);
  }
  const keys = found.filter((v) => own.test(v.key)).map((v) => v.key);
  const distinct = [...new Set(keys)];
  if (!named && distinct.map(Number).sort((a, b) => a - b).some((n, i) => n !== i + 1)) {
    add(`${path}.text`, `${component}.variable_sequence`, 'positional variables are numbered from {{1}} without gaps');
  }
  if (distinct.length < keys.length) add(`${path}.text`, `${component}.variable_duplicate`, 'each variable appears once');
  return distinct;
}

/** Every variable needs an example: `header_text: ["…"]` / `body_text: [["…", …]]`, or `…_named_params` for NAMED. */
function checkExamples(component: Record<string, unknown>, path: string, kind: 'header' | 'body', keys: string[], { add, named }: Check) {
  if (keys.length === 0) return;
  const example = isRecord(component.example) ? component.example : {};
  const field = `${kind}_text${named ? '_named_params' : ''}`;
  const at = `${path}.example.${field}`;
  const given = example[field];
  if (!Array.isArray(given)) { add(at, `${kind}.example_required`, `each variable needs an example in example.${field}`); return; }
  if (!named) {
    const values = kind === 'body' ? given[0] : given;
    if (!Array.isArray(values) || values.length !== keys.length) {
      add(at, `${kind}.example_count`, `example.${field} gives ${kind === 'body' ? 'one list of ' : ''}${keys.length} example value(s), one per variable`);
    } else if (!values.every(nonEmptyString)) add(at, `${kind}.example_invalid`, 'each example is a non-empty string');
    return;
  }
  const names: string[] = [];
  given.forEach((entry, j) => {
    if (!isRecord(entry) || typeof entry.param_name !== 'string' || !nonEmptyString(entry.example)) {
      add(`${at}[${j}]`, `${kind}.example_invalid`, 'each example is {param_name, example} with a non-empty example');
      return;
    }
    if (names.includes(entry.param_name)) add(`${at}[${j}].param_name`, `${kind}.example_duplicate`, `${entry.param_name} has one example`);
    else if (!keys.includes(entry.param_name)) add(`${at}[${j}].param_name`, `${kind}.example_unknown`, `the text has no variable {{${entry.param_name}}}`);
    names.push(entry.param_name);
  });
  const missing = keys.filter((k) => !names.includes(k));
  if (missing.length > 0) add(at, `${kind}.example_missing`, `no example for ${missing.map((k) => `{{${k}}}`).join(', ')}`);
}

/** WhatsApp formatting marks around a word (*bold*, _italic_, ~strike~) or a ``` block, variables left out. */
function hasMarkdown(text: string): boolean {
  const plain = text.replace(/\{\{[^{}]*\}\}/g, 'x');
  return plain.includes('```') || /(^|[\s\p{P}])([*_~])[^\s*_~](?:[^\n]*?[^\s])?\2(?=$|[\s\p{P}])/u.test(plain);
}
