// The BUTTONS component of a template (../shared/whatsapp-cloud-api.md §4.1 table and §4.2): counts and grouping
// of the list first, then each button in order. Part of validateTemplate; pure, never throws.
import {
  BUTTON_TEXT_MAX, BUTTON_URL_MAX, BUTTONS_MAX, COPY_CODE_BUTTONS_MAX, COPY_CODE_EXAMPLE_MAX, FLOW_BUTTONS_MAX,
  OTP_BUTTONS_MAX, PHONE_NUMBER_BUTTONS_MAX, PHONE_NUMBER_MAX, SIGNATURE_HASH_LENGTH, URL_BUTTONS_MAX, charCount,
  hasStrayBraces, isRecord, nonEmptyString, placeholders,
} from './template-rules.ts';
import type { Check } from './validate-template.ts';

const BUTTON_TYPES: readonly unknown[] = ['QUICK_REPLY', 'URL', 'PHONE_NUMBER', 'COPY_CODE', 'OTP', 'FLOW', 'CATALOG', 'MPM', 'VOICE_CALL'];
/** COPY_CODE and OTP labels are set by WhatsApp; every other button has its own text. */
const TEXT_OPTIONAL: readonly unknown[] = ['COPY_CODE', 'OTP'];
const OTP_TYPES: readonly unknown[] = ['COPY_CODE', 'ONE_TAP', 'ZERO_TAP'];
const PHONE_NUMBER = /^\+?[1-9][0-9]{6,18}$/;

const LIMITS: [type: string, max: number, rule: string][] = [
  ['URL', URL_BUTTONS_MAX, 'buttons.too_many_url'],
  ['PHONE_NUMBER', PHONE_NUMBER_BUTTONS_MAX, 'buttons.too_many_phone_number'],
  ['COPY_CODE', COPY_CODE_BUTTONS_MAX, 'buttons.too_many_copy_code'],
  ['FLOW', FLOW_BUTTONS_MAX, 'buttons.too_many_flow'],
  ['OTP', OTP_BUTTONS_MAX, 'buttons.too_many_otp'],
];

export function checkButtons(component: Record<string, unknown>, path: string, check: Check) {
  const { add } = check;
  const buttons = component.buttons;
  const at = `${path}.buttons`;
  if (!Array.isArray(buttons) || buttons.length === 0) { add(at, 'buttons.required', 'a BUTTONS component lists at least one button'); return; }
  const types = buttons.map((b) => (isRecord(b) ? b.type : undefined));
  if (buttons.length > BUTTONS_MAX) add(at, 'buttons.too_many', `at most ${BUTTONS_MAX} buttons`);
  for (const [type, max, rule] of LIMITS) {
    if (types.filter((t) => t === type).length > max) add(at, rule, `at most ${max} ${type} button${max > 1 ? 's' : ''}`);
  }
  const switches = types.filter((t, i) => i > 0 && (t === 'QUICK_REPLY') !== (types[i - 1] === 'QUICK_REPLY')).length;
  if (switches > 1) add(at, 'buttons.not_grouped', 'quick replies come together, before or after the other buttons');
  buttons.forEach((button, j) => { checkButton(button, `${at}[${j}]`, check); });
}

function checkButton(button: unknown, path: string, check: Check) {
  const { add, category } = check;
  if (!isRecord(button)) { add(path, 'button.not_object', 'a button is a JSON object'); return; }
  const type = button.type;
  if (!BUTTON_TYPES.includes(type)) { add(`${path}.type`, 'button.type_unknown', 'type is QUICK_REPLY, URL, PHONE_NUMBER, COPY_CODE, OTP, FLOW, …'); return; }
  if (category === 'AUTHENTICATION' && type !== 'OTP') add(`${path}.type`, 'auth.button_not_otp', 'AUTHENTICATION templates have only an OTP button');
  if (category !== 'AUTHENTICATION' && category !== null && type === 'OTP') add(`${path}.type`, 'button.otp_not_allowed', 'OTP buttons are for AUTHENTICATION templates');
  if (category === 'UTILITY' && type === 'COPY_CODE') add(`${path}.type`, 'button.copy_code_not_allowed', 'UTILITY templates cannot have a COPY_CODE button');
  checkText(button, path, !TEXT_OPTIONAL.includes(type), check);
  if (type === 'URL') checkUrl(button, path, check);
  else if (type === 'PHONE_NUMBER') checkPhoneNumber(button, path, check);
  else if (type === 'COPY_CODE') checkCopyCode(button, path, check);
  else if (type === 'OTP') checkOtp(button, path, check);
  else if (type === 'FLOW') checkFlow(button, path, check);
}

function checkText(button: Record<string, unknown>, path: string, required: boolean, { add }: Check) {
  const text = button.text;
  if (text === undefined && !required) return;
  if (!nonEmptyString(text)) { add(`${path}.text`, 'button.text_required', 'a button has a label'); return; }
  if (charCount(text) > BUTTON_TEXT_MAX) add(`${path}.text`, 'button.text_length', `a button label is at most ${BUTTON_TEXT_MAX} characters`);
  if (placeholders(text).length > 0 || hasStrayBraces(text)) add(`${path}.text`, 'button.text_variable', 'a button label has no variables');
}

/** At most one variable, `{{1}}`, at the very end (a dynamic suffix), with a full example URL. */
function checkUrl(button: Record<string, unknown>, path: string, { add }: Check) {
  const url = button.url;
  if (!nonEmptyString(url)) { add(`${path}.url`, 'button.url_required', 'a URL button has a url'); return; }
  if (charCount(url) > BUTTON_URL_MAX) add(`${path}.url`, 'button.url_length', `a button url is at most ${BUTTON_URL_MAX} characters`);
  const found = placeholders(url);
  const concrete = url.replace(/\{\{[^{}]*\}\}/g, 'x');
  if (!/^https?:\/\/[^/?#\s]+\.[^/?#\s]/i.test(concrete) || !URL.canParse(concrete)) add(`${path}.url`, 'button.url_invalid', 'url is an http(s) address');
  if (found.length > 1 || hasStrayBraces(url)) { add(`${path}.url`, 'button.url_variable_count', 'a url has at most one variable, {{1}}, at its end'); return; }
  const variable = found[0];
  if (!variable) return;
  if (variable.end !== url.length) add(`${path}.url`, 'button.url_variable_not_at_end', 'the url variable is a suffix: nothing may follow it');
  if (variable.key !== '1') add(`${path}.url`, 'button.url_variable_name', 'the url variable is {{1}}');
  const example = Array.isArray(button.example) ? button.example : undefined;
  const sample = example?.[0];
  if (!example || example.length !== 1 || !nonEmptyString(sample)) {
    add(`${path}.example`, 'button.url_example_required', 'a url with a variable needs example: ["<the full url>"]');
    return;
  }
  const prefix = url.slice(0, variable.start);
  if (!sample.startsWith(prefix) || sample.length === prefix.length || sample.includes('{{')) {
    add(`${path}.example[0]`, 'button.url_example_mismatch', `the example is the full url: ${prefix} followed by a sample suffix`);
  }
}

function checkPhoneNumber(button: Record<string, unknown>, path: string, { add }: Check) {
  const phone = button.phone_number;
  if (!nonEmptyString(phone)) { add(`${path}.phone_number`, 'button.phone_number_required', 'a PHONE_NUMBER button has a phone_number'); return; }
  if (charCount(phone) > PHONE_NUMBER_MAX) add(`${path}.phone_number`, 'button.phone_number_length', `phone_number is at most ${PHONE_NUMBER_MAX} characters`);
  else if (!PHONE_NUMBER.test(phone)) add(`${path}.phone_number`, 'button.phone_number_format', 'phone_number is international: country code and digits, e.g. +15550001111');
}

function checkCopyCode(button: Record<string, unknown>, path: string, { add }: Check) {
  const example = button.example;
  if (!nonEmptyString(example)) { add(`${path}.example`, 'button.copy_code_example_required', 'a COPY_CODE button has an example code'); return; }
  if (charCount(example) > COPY_CODE_EXAMPLE_MAX) add(`${path}.example`, 'button.copy_code_example_length', `the example code is at most ${COPY_CODE_EXAMPLE_MAX} characters`);
}

/** §4.2: COPY_CODE, ONE_TAP (needs supported_apps) or ZERO_TAP (supported_apps and accepted terms). */
function checkOtp(button: Record<string, unknown>, path: string, { add }: Check) {
  const otpType = button.otp_type;
  if (!OTP_TYPES.includes(otpType)) { add(`${path}.otp_type`, 'button.otp_type_invalid', 'otp_type is COPY_CODE, ONE_TAP or ZERO_TAP'); return; }
  if (otpType === 'COPY_CODE') return;
  const apps = button.supported_apps;
  if (!Array.isArray(apps) || apps.length === 0) {
    add(`${path}.supported_apps`, 'button.otp_supported_apps_required', `${otpType} needs supported_apps: [{package_name, signature_hash}]`);
  } else {
    apps.forEach((app, k) => {
      if (!isRecord(app) || !nonEmptyString(app.package_name) || typeof app.signature_hash !== 'string' || app.signature_hash.length !== SIGNATURE_HASH_LENGTH) {
        add(`${path}.supported_apps[${k}]`, 'button.otp_supported_app_invalid', `an app has a package_name and an ${SIGNATURE_HASH_LENGTH}-character signature_hash`);
      }
    });
  }
  if (otpType === 'ZERO_TAP' && button.zero_tap_terms_accepted !== true) {
    add(`${path}.zero_tap_terms_accepted`, 'button.otp_zero_tap_terms', 'ZERO_TAP needs zero_tap_terms_accepted: true');
  }
}

function checkFlow(button: Record<string, unknown>, path: string, { add }: Check) {
  const references = [button.flow_id, button.flow_name, button.flow_json].filter((v) => v !== undefined);
  if (references.length !== 1 || !(nonEmptyString(references[0]) || typeof references[0] === 'number')) {
    add(path, 'button.flow_reference', 'a FLOW button names its flow by exactly one of flow_id, flow_name, flow_json');
  }
  const action = button.flow_action;
  if (action !== undefined && action !== 'navigate' && action !== 'data_exchange') {
    add(`${path}.flow_action`, 'button.flow_action_invalid', 'flow_action is navigate or data_exchange');
  }
}
