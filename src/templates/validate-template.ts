// The shape of Meta's `POST /{waba-id}/message_templates` body and the one validator used by the API and by the
// simulator's review (../shared/whatsapp-cloud-api.md §4.1–4.2). Pure: no I/O, never throws, on any input.

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

const NAME = /^[a-z0-9_]+$/;
const LANGUAGE = /^[a-z]{2,3}(_[A-Z]{2})?$/;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const length = (s: string) => [...s].length;

/** Every violation of `input` against Meta's template rules, in the order an author would fix them. */
export function validateTemplate(input: unknown): TemplateViolation[] {
  const out: TemplateViolation[] = [];
  const add = (path: string, rule: string, message: string) => { out.push({ path, rule, message }); };
  if (!isRecord(input)) { add('', 'template.not_object', 'a template is a JSON object'); return out; }
  const { name, language, category, parameter_format: format, components } = input;
  if (typeof name !== 'string' || name === '') add('name', 'name.required', 'name is required');
  else {
    if (!NAME.test(name)) add('name', 'name.format', 'name may contain only lowercase letters, digits and underscores');
    if (length(name) > 512) add('name', 'name.length', 'name is at most 512 characters');
  }
  if (typeof language !== 'string' || language === '') add('language', 'language.required', 'language is required');
  else if (!LANGUAGE.test(language)) add('language', 'language.format', 'language is a code such as en or en_US');
  if (category !== 'MARKETING' && category !== 'UTILITY' && category !== 'AUTHENTICATION') {
    add('category', 'category.invalid', 'category is MARKETING, UTILITY or AUTHENTICATION');
  }
  if (format !== undefined && format !== 'POSITIONAL' && format !== 'NAMED') {
    add('parameter_format', 'parameter_format.invalid', 'parameter_format is POSITIONAL or NAMED');
  }
  if (!Array.isArray(components)) { add('components', 'components.required', 'components is a list'); return out; }
  if (!components.some((c) => isRecord(c) && c.type === 'BODY')) add('components', 'body.required', 'a template has one BODY');
  components.forEach((c, i) => {
    if (!isRecord(c) || typeof c.text !== 'string') return;
    const max = c.type === 'BODY' ? 1024 : 60;
    if (length(c.text) > max) add(`components[${i}].text`, `${String(c.type).toLowerCase()}.text_length`, `at most ${max} characters`);
  });
  return out;
}
