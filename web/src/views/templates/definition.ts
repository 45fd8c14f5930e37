// The builder's form state and the Meta create body it stands for. The body is checked by the platform's own
// validator (src/templates/validate-template.ts, pure TypeScript bundled into the app): one set of rules for the
// API, the simulator's review and this form. Its violation paths are mapped back to the form's fields here.
import { NAMED_VARIABLE, POSITIONAL_VARIABLE, placeholders } from '../../../../src/templates/template-rules.ts';
import type { TemplateViolation } from '../../../../src/templates/validate-template.ts';

export type Category = 'MARKETING' | 'UTILITY' | 'AUTHENTICATION';
export type ParameterFormat = 'POSITIONAL' | 'NAMED';
export type HeaderFormat = 'NONE' | 'TEXT' | 'IMAGE' | 'VIDEO' | 'DOCUMENT' | 'LOCATION';
export type ButtonType = 'QUICK_REPLY' | 'URL' | 'PHONE_NUMBER' | 'COPY_CODE' | 'OTP' | 'FLOW';
export type OtpType = 'COPY_CODE' | 'ONE_TAP' | 'ZERO_TAP';

export type ButtonDraft = {
  key: number; type: ButtonType; text: string;
  url: string; example: string; phone: string;
  otpType: OtpType; autofillText: string; packageName: string; signatureHash: string; zeroTapTerms: boolean;
  flowId: string; flowAction: '' | 'navigate' | 'data_exchange'; navigateScreen: string;
};

export type Draft = {
  name: string; language: string; category: Category; parameterFormat: ParameterFormat;
  header: { format: HeaderFormat; text: string; example: string; handle: string };
  body: { text: string; examples: Record<string, string>; securityRecommendation: boolean };
  footer: { text: string; codeExpiration: string };
  buttons: ButtonDraft[];
};

export const BUTTON_LABELS: Record<ButtonType, string> = {
  QUICK_REPLY: 'Quick reply', URL: 'Visit website (URL)', PHONE_NUMBER: 'Call phone number', COPY_CODE: 'Copy offer code', OTP: 'One-time password', FLOW: 'WhatsApp Flow',
};

export function emptyDraft(): Draft {
  return {
    name: '', language: 'en_US', category: 'MARKETING', parameterFormat: 'POSITIONAL',
    header: { format: 'NONE', text: '', example: '', handle: '' },
    body: { text: '', examples: {}, securityRecommendation: true },
    footer: { text: '', codeExpiration: '' },
    buttons: [],
  };
}

let nextKey = 1;
export function newButton(type: ButtonType): ButtonDraft {
  return {
    key: nextKey++, type, text: '', url: '', example: '', phone: '', otpType: 'COPY_CODE', autofillText: '', packageName: '', signatureHash: '',
    zeroTapTerms: false, flowId: '', flowAction: '', navigateScreen: '',
  };
}

/** The distinct variables of a text, in order of appearance, that fit the parameter format. */
export function variablesOf(text: string, format: ParameterFormat): string[] {
  const own = format === 'NAMED' ? NAMED_VARIABLE : POSITIONAL_VARIABLE;
  return [...new Set(placeholders(text).map((p) => p.key).filter((k) => own.test(k)))];
}

/** Where each component sits in the body's `components` list, to read violation paths back. */
export type ComponentIndex = Partial<Record<'HEADER' | 'BODY' | 'FOOTER' | 'BUTTONS', number>>;

/** Meta's create body for the form, and where each component went. */
export function toDefinition(d: Draft): { definition: Record<string, unknown>; index: ComponentIndex } {
  const auth = d.category === 'AUTHENTICATION';
  const components: Record<string, unknown>[] = [];
  const index: ComponentIndex = {};
  const named = d.parameterFormat === 'NAMED';
  if (!auth && d.header.format !== 'NONE') {
    index.HEADER = components.length;
    components.push(headerComponent(d, named));
  }
  index.BODY = components.length;
  if (auth) components.push({ type: 'BODY', add_security_recommendation: d.body.securityRecommendation });
  else {
    const keys = variablesOf(d.body.text, d.parameterFormat);
    const body: Record<string, unknown> = { type: 'BODY', text: d.body.text };
    if (keys.length > 0) {
      body.example = named
        ? { body_text_named_params: keys.map((k) => ({ param_name: k, example: d.body.examples[k] ?? '' })) }
        : { body_text: [keys.map((k) => d.body.examples[k] ?? '')] };
    }
    components.push(body);
  }
  if (auth ? d.footer.codeExpiration.trim() !== '' : d.footer.text !== '') {
    index.FOOTER = components.length;
    components.push(auth ? { type: 'FOOTER', code_expiration_minutes: Number(d.footer.codeExpiration) } : { type: 'FOOTER', text: d.footer.text });
  }
  if (d.buttons.length > 0) {
    index.BUTTONS = components.length;
    components.push({ type: 'BUTTONS', buttons: d.buttons.map(buttonOf) });
  }
  return { definition: { name: d.name, language: d.language, category: d.category, parameter_format: d.parameterFormat, components }, index };
}

function headerComponent(d: Draft, named: boolean): Record<string, unknown> {
  const { format, text, example, handle } = d.header;
  if (format === 'LOCATION') return { type: 'HEADER', format };
  if (format !== 'TEXT') return { type: 'HEADER', format, example: { header_handle: handle.trim() ? [handle.trim()] : [] } };
  const keys = variablesOf(text, d.parameterFormat);
  const header: Record<string, unknown> = { type: 'HEADER', format, text };
  if (keys.length > 0) {
    header.example = named ? { header_text_named_params: keys.map((k) => ({ param_name: k, example })) } : { header_text: [example] };
  }
  return header;
}

function buttonOf(b: ButtonDraft): Record<string, unknown> {
  const label = b.text.trim() ? { text: b.text } : {};
  switch (b.type) {
    case 'QUICK_REPLY': return { type: b.type, text: b.text };
    case 'URL': return { type: b.type, text: b.text, url: b.url, ...(placeholders(b.url).length > 0 ? { example: [b.example] } : {}) };
    case 'PHONE_NUMBER': return { type: b.type, text: b.text, phone_number: b.phone };
    case 'COPY_CODE': return { type: b.type, example: b.example, ...label };
    case 'OTP': return {
      type: b.type, otp_type: b.otpType, ...label,
      ...(b.otpType !== 'COPY_CODE' ? { supported_apps: [{ package_name: b.packageName, signature_hash: b.signatureHash }] } : {}),
      ...(b.otpType !== 'COPY_CODE' && b.autofillText.trim() ? { autofill_text: b.autofillText } : {}),
      ...(b.otpType === 'ZERO_TAP' ? { zero_tap_terms_accepted: b.zeroTapTerms } : {}),
    };
    case 'FLOW': return {
      type: b.type, text: b.text, ...(b.flowId.trim() ? { flow_id: b.flowId.trim() } : {}),
      ...(b.flowAction ? { flow_action: b.flowAction } : {}), ...(b.navigateScreen.trim() ? { navigate_screen: b.navigateScreen.trim() } : {}),
    };
  }
}

/** A stored template (GET /v1/templates/:id) back into the form, to edit a draft or a rejected template. */
export function fromTemplate(t: { name?: string; language?: string; category?: string; parameter_format?: string; components?: Record<string, unknown>[] }): Draft {
  const d = emptyDraft();
  d.name = t.name ?? '';
  d.language = t.language ?? 'en_US';
  d.category = (t.category as Category | undefined) ?? 'MARKETING';
  d.parameterFormat = t.parameter_format === 'NAMED' ? 'NAMED' : 'POSITIONAL';
  for (const c of t.components ?? []) {
    const example = (c.example ?? {}) as Record<string, unknown>;
    if (c.type === 'HEADER') {
      const named = example.header_text_named_params as { example?: string }[] | undefined;
      d.header = {
        format: (c.format as HeaderFormat | undefined) ?? 'TEXT', text: String(c.text ?? ''),
        example: String((example.header_text as string[] | undefined)?.[0] ?? named?.[0]?.example ?? ''),
        handle: String((example.header_handle as string[] | undefined)?.[0] ?? ''),
      };
    } else if (c.type === 'BODY') {
      const text = String(c.text ?? '');
      const examples: Record<string, string> = {};
      const positional = (example.body_text as string[][] | undefined)?.[0];
      variablesOf(text, d.parameterFormat).forEach((k, i) => { if (positional?.[i] !== undefined) examples[k] = positional[i]!; });
      for (const p of (example.body_text_named_params as { param_name: string; example: string }[] | undefined) ?? []) examples[p.param_name] = p.example;
      d.body = { text, examples, securityRecommendation: c.add_security_recommendation !== false };
    } else if (c.type === 'FOOTER') {
      d.footer = { text: String(c.text ?? ''), codeExpiration: c.code_expiration_minutes === undefined ? '' : String(c.code_expiration_minutes) };
    } else if (c.type === 'BUTTONS') {
      d.buttons = ((c.buttons ?? []) as Record<string, unknown>[]).map((b) => {
        const button = newButton((b.type as ButtonType | undefined) ?? 'QUICK_REPLY');
        const app = (b.supported_apps as { package_name?: string; signature_hash?: string }[] | undefined)?.[0];
        return {
          ...button, text: String(b.text ?? ''), url: String(b.url ?? ''), phone: String(b.phone_number ?? ''),
          example: Array.isArray(b.example) ? String(b.example[0] ?? '') : String(b.example ?? ''),
          otpType: (b.otp_type as OtpType | undefined) ?? 'COPY_CODE', autofillText: String(b.autofill_text ?? ''),
          packageName: app?.package_name ?? '', signatureHash: app?.signature_hash ?? '', zeroTapTerms: b.zero_tap_terms_accepted === true,
          flowId: String(b.flow_id ?? ''), flowAction: (b.flow_action as ButtonDraft['flowAction'] | undefined) ?? '', navigateScreen: String(b.navigate_screen ?? ''),
        };
      });
    }
  }
  return d;
}

const TOP_FIELDS: Record<string, string> = { name: 'tpl-name', language: 'tpl-language', category: 'tpl-category', parameter_format: 'tpl-format' };
const BUTTON_FIELDS: Record<string, string> = {
  type: 'type', text: 'text', url: 'url', example: 'example', phone_number: 'phone', otp_type: 'otp-type',
  supported_apps: 'package', zero_tap_terms_accepted: 'zero-tap', flow_action: 'flow-action',
};

/**
 * The form field a violation concerns (the id of its control), from the validator's path: `name`,
 * `components[1].text`, `components[3].buttons[0].url`… A path the form has no control for goes to `tpl-form`.
 */
export function fieldOf(path: string, index: ComponentIndex): string {
  const clean = path.replace(/^body\.?/, '');
  if (TOP_FIELDS[clean]) return TOP_FIELDS[clean];
  const m = /^components\[(\d+)\](?:\.(.*))?$/.exec(clean);
  if (!m) return clean === 'components' ? 'body-text' : 'tpl-form';
  const at = Number(m[1]);
  const rest = m[2] ?? '';
  if (at === index.HEADER) {
    if (rest === 'text') return 'header-text';
    if (rest.startsWith('example.header_handle')) return 'header-handle';
    if (rest.startsWith('example')) return 'header-example';
    return 'header-format';
  }
  if (at === index.BODY) {
    if (rest.startsWith('example')) return 'body-examples';
    if (rest === 'add_security_recommendation') return 'body-security';
    return 'body-text';
  }
  if (at === index.FOOTER) return rest === 'code_expiration_minutes' ? 'footer-expiration' : 'footer-text';
  if (at === index.BUTTONS) {
    const b = /^buttons\[(\d+)\](?:\.([a-z_]+))?/.exec(rest);
    if (!b) return 'buttons';
    const field = b[2] ? BUTTON_FIELDS[b[2]] ?? 'type' : 'flow-id';
    return `btn-${b[1]}-${field}`;
  }
  return 'tpl-form';
}

export type FieldMessages = Map<string, string[]>;

/** Violations grouped by the field they concern, in the validator's order (the order an author would fix them). */
export function messagesByField(violations: (Pick<TemplateViolation, 'path' | 'message'> & { rule?: string })[], index: ComponentIndex): FieldMessages {
  const out: FieldMessages = new Map();
  for (const v of violations) {
    // What the component list lacks is told where the author would add it.
    const field = v.rule === 'auth.otp_button_required' ? 'buttons' : fieldOf(v.path, index);
    out.set(field, [...(out.get(field) ?? []), v.message]);
  }
  return out;
}
