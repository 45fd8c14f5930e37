// What the customer will see, from a stored template and the send-time `template.components` (Meta's send shape,
// ../shared/whatsapp-cloud-api.md §1.8), or every parameter mismatch Meta would fail the send on (132000 count,
// 132012 named vs positional, 132005 hydrated length, media type vs header format). Pure; never throws.
import {
  AUTH_BODY_TEXT, AUTH_SECURITY_RECOMMENDATION, BODY_TEXT_MAX, COPY_CODE_EXAMPLE_MAX, HEADER_TEXT_MAX,
  NAMED_VARIABLE, POSITIONAL_VARIABLE, REJECT_PARAMETER_WHITESPACE, TEXT_PARAMETER_MAX, TEXT_PARAMETER_MAX_BODY_ONLY,
  authExpirationText, charCount, isRecord, nonEmptyString, placeholders,
} from './template-rules.ts';

export type StoredTemplate = { category?: string | undefined; parameter_format?: string | undefined; components: unknown };
/** `expected`/`given` are set on the count rules (`*.parameter_count`, `button.parameter_required`). */
export type ParameterMismatch = { path: string; rule: string; message: string; expected?: number; given?: number };
export type MediaHeaderFormat = 'IMAGE' | 'VIDEO' | 'DOCUMENT' | 'GIF';
export type RenderedHeader =
  | { format: 'TEXT'; text: string }
  | { format: MediaHeaderFormat; media: { id?: string; link?: string } }
  | { format: 'LOCATION'; location: { latitude: number; longitude: number; name?: string; address?: string } };
export type RenderedButton = {
  index: number; type: string; text: string; url?: string; phone_number?: string; payload?: string; coupon_code?: string; code?: string;
};
export type RenderedTemplate = { header: RenderedHeader | null; body: string; footer: string | null; buttons: RenderedButton[]; text: string };
export type RenderResult = { ok: true; rendered: RenderedTemplate } | { ok: false; mismatches: ParameterMismatch[] };

type Parameter = Record<string, unknown>;
type Slot = { path: string; parameters: unknown[]; subType: unknown } | undefined;
type Ctx = { add: (path: string, rule: string, message: string, counts?: { expected: number; given: number }) => void; named: boolean; textMax: number };

const MEDIA_FORMATS: readonly unknown[] = ['IMAGE', 'VIDEO', 'DOCUMENT', 'GIF'];
/** The send `sub_type` each stored button type answers to; OTP buttons are sent as `url` (§1.8). */
const SUB_TYPES: Record<string, string> = { URL: 'url', OTP: 'url', QUICK_REPLY: 'quick_reply', COPY_CODE: 'copy_code', FLOW: 'flow', CATALOG: 'catalog', MPM: 'mpm' };
const DEFAULT_LABELS: Record<string, string> = { COPY_CODE: 'Copy offer code', OTP: 'Copy code' };

export function renderTemplate(template: StoredTemplate, sent: unknown): RenderResult {
  const mismatches: ParameterMismatch[] = [];
  const add: Ctx['add'] = (path, rule, message, counts) => { mismatches.push({ path, rule, message, ...counts }); };
  const stored = storedParts(template);
  const only = stored.header === undefined && stored.footer === undefined && stored.buttons.length === 0;
  const ctx: Ctx = { add, named: isRecord(template) && template.parameter_format === 'NAMED', textMax: only ? TEXT_PARAMETER_MAX_BODY_ONLY : TEXT_PARAMETER_MAX };
  const slots = sentSlots(sent, add);
  // A malformed send is reported alone: counting parameters of components that could not be read only adds noise.
  if (mismatches.length > 0) return { ok: false, mismatches };
  const header = renderHeader(stored.header, slots.header, ctx);
  const body = renderText(stored.bodyText, slots.body, 'body', ctx);
  const buttons = stored.buttons.map((button, index) => renderButton(button, index, slots.buttons.get(index), ctx));
  for (const [index, slot] of slots.buttons) {
    if (index >= stored.buttons.length) add(`${slot!.path}.index`, 'button.index_unknown', `the template has no button at index ${index}`);
  }
  if (mismatches.length > 0) return { ok: false, mismatches };
  if (header?.format === 'TEXT' && charCount(header.text) > HEADER_TEXT_MAX) {
    add('components', 'header.rendered_length', `the header with its parameters is over ${HEADER_TEXT_MAX} characters`);
  }
  if (charCount(body) > BODY_TEXT_MAX) add('components', 'body.rendered_length', `the body with its parameters is over ${BODY_TEXT_MAX} characters (Meta 132005)`);
  if (mismatches.length > 0) return { ok: false, mismatches };
  const rendered = buttons.filter((b): b is RenderedButton => b !== null);
  const lines = [header?.format === 'TEXT' ? header.text : null, body, stored.footer ?? null, ...rendered.map((b) => `[${b.text}]`)];
  return { ok: true, rendered: { header, body, footer: stored.footer ?? null, buttons: rendered, text: lines.filter((l) => l !== null).join('\n') } };
}

/** The parts of a stored template that matter at send time; an authentication body and footer get Meta's preset text. */
function storedParts(template: StoredTemplate) {
  const stored: unknown = isRecord(template) ? template.components : undefined;
  const components = Array.isArray(stored) ? stored.filter(isRecord) : [];
  const find = (type: string) => components.find((c) => typeof c.type === 'string' && c.type.toUpperCase() === type);
  const auth = isRecord(template) && template.category === 'AUTHENTICATION';
  const body = find('BODY');
  const footer = find('FOOTER');
  const bodyText = typeof body?.text === 'string' ? body.text
    : auth ? [AUTH_BODY_TEXT, body?.add_security_recommendation === true ? AUTH_SECURITY_RECOMMENDATION : ''].join(' ').trim() : '';
  const expiration = footer?.code_expiration_minutes;
  const footerText = typeof footer?.text === 'string' ? footer.text
    : auth && typeof expiration === 'number' ? authExpirationText(expiration) : undefined;
  const buttons = find('BUTTONS')?.buttons;
  return { header: find('HEADER'), bodyText, footer: footerText, buttons: Array.isArray(buttons) ? buttons.map((b) => (isRecord(b) ? b : {})) : [] };
}

/** The send's components by slot: header, body and buttons by index; malformed or repeated ones are mismatches. */
function sentSlots(sent: unknown, add: Ctx['add']) {
  const slots = { header: undefined as Slot, body: undefined as Slot, buttons: new Map<number, Slot>() };
  if (sent === undefined) return slots;
  if (!Array.isArray(sent)) { add('components', 'parameters.not_list', 'components is a list'); return slots; }
  sent.forEach((component, i) => {
    const path = `components[${i}]`;
    if (!isRecord(component)) { add(path, 'component.not_object', 'a component is a JSON object'); return; }
    const parameters = component.parameters === undefined ? [] : component.parameters;
    if (!Array.isArray(parameters)) { add(`${path}.parameters`, 'parameters.not_list', 'parameters is a list'); return; }
    const slot = { path, parameters, subType: component.sub_type };
    if (component.type === 'header' || component.type === 'body') {
      if (slots[component.type]) add(`${path}.type`, 'component.duplicate', `one ${component.type} component per message`);
      else slots[component.type] = slot;
    } else if (component.type === 'button') {
      const index = typeof component.index === 'string' && /^[0-9]$/.test(component.index) ? Number(component.index)
        : Number.isInteger(component.index) && (component.index as number) >= 0 && (component.index as number) <= 9 ? component.index as number : null;
      if (index === null) add(`${path}.index`, 'button.index_invalid', 'index is the button position, 0 to 9');
      else if (slots.buttons.has(index)) add(`${path}.index`, 'component.duplicate', `one component for button ${index}`);
      else slots.buttons.set(index, slot);
    } else add(`${path}.type`, 'component.type_unknown', 'type is header, body or button');
  });
  return slots;
}

function renderHeader(header: Record<string, unknown> | undefined, slot: Slot, ctx: Ctx): RenderedHeader | null {
  const format = typeof header?.format === 'string' ? header.format.toUpperCase() : header ? 'TEXT' : null;
  if (format === null || format === 'TEXT') {
    if (format === null) { expectCount(slot, 0, 'header', ctx); return null; }
    return { format: 'TEXT', text: renderText(typeof header?.text === 'string' ? header.text : '', slot, 'header', ctx) };
  }
  if (!expectCount(slot, 1, 'header', ctx)) return null;
  const parameter = slot!.parameters[0];
  const path = `${slot!.path}.parameters[0]`;
  const kind = format.toLowerCase();
  if (!isRecord(parameter) || parameter.type !== kind) { ctx.add(`${path}.type`, 'header.parameter_type', `a ${format} header takes a ${kind} parameter`); return null; }
  const value = parameter[kind];
  if (format === 'LOCATION') {
    if (!isRecord(value) || !isCoordinate(value.latitude, 90) || !isCoordinate(value.longitude, 180)) {
      ctx.add(`${path}.location`, 'parameter.location_invalid', 'location has a latitude and a longitude');
      return null;
    }
    const { latitude, longitude, name, address } = value;
    return { format: 'LOCATION', location: { latitude: Number(latitude), longitude: Number(longitude), ...(typeof name === 'string' ? { name } : {}), ...(typeof address === 'string' ? { address } : {}) } };
  }
  if (!MEDIA_FORMATS.includes(format)) return null;
  const hasId = isRecord(value) && nonEmptyString(value.id);
  const hasLink = isRecord(value) && nonEmptyString(value.link);
  if (hasId === hasLink) { ctx.add(`${path}.${kind}`, 'parameter.media_invalid', `${kind} has exactly one of id and link`); return null; }
  return { format: format as MediaHeaderFormat, media: hasId ? { id: (value as Parameter).id as string } : { link: (value as Parameter).link as string } };
}

/** A header or body text with its variables replaced; positional parameters by position, named by parameter_name. */
function renderText(text: string, slot: Slot, kind: 'header' | 'body', ctx: Ctx): string {
  const found = placeholders(text).filter((v) => (ctx.named ? NAMED_VARIABLE : POSITIONAL_VARIABLE).test(v.key));
  const keys = [...new Set(found.map((v) => v.key))];
  if (!ctx.named) keys.sort((a, b) => Number(a) - Number(b));
  if (!expectCount(slot, keys.length, kind, ctx)) return text;
  const values = new Map<string, string>();
  slot?.parameters.forEach((parameter, k) => {
    const path = `${slot.path}.parameters[${k}]`;
    const value = parameterValue(parameter, path, kind === 'body' ? ['text', 'currency', 'date_time'] : ['text'], ctx);
    if (!isRecord(parameter)) return;
    const name = parameter.parameter_name;
    if (ctx.named !== (name !== undefined)) {
      ctx.add(path, 'parameters.format_mismatch', ctx.named ? 'this template takes named parameters: give parameter_name (Meta 132012)' : 'this template takes positional parameters: no parameter_name (Meta 132012)');
      return;
    }
    const key = ctx.named ? name : keys[k];
    if (typeof key !== 'string' || !keys.includes(key)) ctx.add(`${path}.parameter_name`, `${kind}.parameter_name_unknown`, `the ${kind} has no variable of that name`);
    else if (values.has(key)) ctx.add(`${path}.parameter_name`, `${kind}.parameter_name_duplicate`, `{{${key}}} is given twice`);
    else if (value !== null) values.set(key, value);
  });
  return text.replace(/\{\{([^{}]*)\}\}/g, (whole, key: string) => values.get(key) ?? whole);
}

function renderButton(button: Record<string, unknown>, index: number, slot: Slot, ctx: Ctx): RenderedButton | null {
  const type = typeof button.type === 'string' ? button.type.toUpperCase() : '';
  const text = typeof button.text === 'string' ? button.text : DEFAULT_LABELS[type] ?? '';
  const url = typeof button.url === 'string' ? button.url : undefined;
  const dynamic = type === 'OTP' || (type === 'URL' && url !== undefined && placeholders(url).length > 0);
  const required = dynamic || type === 'COPY_CODE';
  const optional = type === 'QUICK_REPLY' || type === 'FLOW' || type === 'CATALOG' || type === 'MPM';
  const at = `button ${index} (${type})`;
  if (!slot) {
    if (required) ctx.add('components', 'button.parameter_required', `${at} needs a button component with index ${index}`, { expected: 1, given: 0 });
    return { index, type, text, ...(url !== undefined ? { url } : {}), ...phone(button) };
  }
  if (!required && !optional) { ctx.add(slot.path, 'button.parameter_unexpected', `${at} takes no parameters`); return null; }
  if (slot.subType !== SUB_TYPES[type]) { ctx.add(`${slot.path}.sub_type`, 'button.sub_type_mismatch', `${at} is sent with sub_type ${SUB_TYPES[type]}`); return null; }
  if (!(slot.parameters.length === 1 || (optional && slot.parameters.length === 0))) {
    ctx.add(`${slot.path}.parameters`, 'button.parameter_count', `${at} takes exactly one parameter`, { expected: 1, given: slot.parameters.length });
    return null;
  }
  const parameter = slot.parameters[0];
  const path = `${slot.path}.parameters[0]`;
  if (parameter === undefined) return { index, type, text };
  const kind = dynamic ? 'text' : type === 'QUICK_REPLY' ? 'payload' : type === 'COPY_CODE' ? 'coupon_code' : 'action';
  const value = parameterValue(parameter, path, [kind], ctx);
  if (value === null) return null;
  if (type === 'OTP') return { index, type, text, code: value };
  if (dynamic) return { index, type, text, url: (url ?? '').replace(/\{\{[^{}]*\}\}/, () => value) };
  if (kind === 'coupon_code' && charCount(value) > COPY_CODE_EXAMPLE_MAX) ctx.add(`${path}.coupon_code`, 'parameter.coupon_code_length', `a coupon code is at most ${COPY_CODE_EXAMPLE_MAX} characters`);
  return { index, type, text, ...(kind === 'payload' ? { payload: value } : kind === 'coupon_code' ? { coupon_code: value } : {}) };
}

function phone(button: Record<string, unknown>) {
  return typeof button.phone_number === 'string' ? { phone_number: button.phone_number } : {};
}

function expectCount(slot: Slot, expected: number, kind: 'header' | 'body', ctx: Ctx): boolean {
  const given = slot?.parameters.length ?? 0;
  if (given === expected) return true;
  ctx.add(slot ? `${slot.path}.parameters` : 'components', `${kind}.parameter_count`, `the ${kind} takes ${expected} parameter(s), ${given} given (Meta 132000)`, { expected, given });
  return false;
}

/** The text a parameter shows (currency and date_time show their fallback_value), or null after recording why not. */
function parameterValue(parameter: unknown, path: string, types: string[], { add, textMax }: Ctx): string | null {
  if (!isRecord(parameter) || typeof parameter.type !== 'string' || !types.includes(parameter.type)) {
    add(`${path}.type`, 'parameter.type', `the parameter type is ${types.join(' or ')}`);
    return null;
  }
  const value = parameter[parameter.type];
  switch (parameter.type) {
    case 'text': {
      if (!nonEmptyString(value)) { add(`${path}.text`, 'parameter.text_required', 'text is a non-empty string'); return null; }
      if (charCount(value) > textMax) { add(`${path}.text`, 'parameter.text_length', `a text parameter is at most ${textMax} characters`); return null; }
      if (REJECT_PARAMETER_WHITESPACE && /[\n\t]| {5}/.test(value)) {
        add(`${path}.text`, 'parameter.text_whitespace', 'a text parameter has no newlines, tabs or more than 4 consecutive spaces');
        return null;
      }
      return value;
    }
    case 'currency':
      if (!isRecord(value) || !nonEmptyString(value.fallback_value) || typeof value.code !== 'string' || !/^[A-Z]{3}$/.test(value.code) || !Number.isInteger(value.amount_1000)) {
        add(`${path}.currency`, 'parameter.currency_invalid', 'currency has fallback_value, a 3-letter code and an integer amount_1000');
        return null;
      }
      return value.fallback_value;
    case 'date_time':
      if (!isRecord(value) || !nonEmptyString(value.fallback_value)) { add(`${path}.date_time`, 'parameter.date_time_invalid', 'date_time has a fallback_value'); return null; }
      return value.fallback_value;
    case 'action':
      if (!isRecord(value)) { add(`${path}.action`, 'parameter.action_invalid', 'action is an object'); return null; }
      return '';
    default: // payload, coupon_code
      if (!nonEmptyString(value)) { add(`${path}.${parameter.type}`, 'parameter.value_required', `${parameter.type} is a non-empty string`); return null; }
      return value;
  }
}

function isCoordinate(value: unknown, max: number): boolean {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && Math.abs(n) <= max;
}
