import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { metaSubcode } from './template-rules.ts';
import type { TemplateRules } from './template-rules.ts';
import { validateTemplate } from './validate-template.ts';

type T = Record<string, any>;

// The reference's own examples (../shared/whatsapp-cloud-api.md §4.1, §4.2) and a positional marketing template.
const marketing = (): T => ({
  name: 'summer_sale', language: 'en_US', category: 'MARKETING',
  components: [
    { type: 'HEADER', format: 'TEXT', text: 'Hello {{1}}', example: { header_text: ['Jessica'] } },
    { type: 'BODY', text: 'Hi {{1}}, your order {{2}} ships today. Thanks for shopping with us!', example: { body_text: [['Jessica', 'A-1001']] } },
    { type: 'FOOTER', text: 'Reply STOP to opt out' },
    { type: 'BUTTONS', buttons: [
      { type: 'QUICK_REPLY', text: 'Track order' },
      { type: 'URL', text: 'View', url: 'https://shop.example/o/{{1}}', example: ['https://shop.example/o/A-1001'] },
      { type: 'PHONE_NUMBER', text: 'Call us', phone_number: '+15550001111' },
      { type: 'COPY_CODE', example: 'SAVE10' },
    ] },
  ],
});
const named = (): T => ({
  name: 'order_update', language: 'en_US', category: 'UTILITY', parameter_format: 'NAMED',
  components: [
    { type: 'HEADER', format: 'TEXT', text: 'Order {{order_id}}', example: { header_text_named_params: [{ param_name: 'order_id', example: 'A-1001' }] } },
    { type: 'BODY', text: 'Hi {{first_name}}, your order ships on {{ship_date}}. Thanks!',
      example: { body_text_named_params: [{ param_name: 'first_name', example: 'Jessica' }, { param_name: 'ship_date', example: 'May 3' }] } },
    { type: 'FOOTER', text: 'Reply STOP to opt out' },
    { type: 'BUTTONS', buttons: [
      { type: 'QUICK_REPLY', text: 'Track order' },
      { type: 'URL', text: 'View', url: 'https://shop.example/o/{{1}}', example: ['https://shop.example/o/A-1001'] },
      { type: 'PHONE_NUMBER', text: 'Call us', phone_number: '+15550001111' },
    ] },
  ],
});
const auth = (): T => ({
  name: 'login_otp', language: 'en_US', category: 'AUTHENTICATION', message_send_ttl_seconds: 600,
  components: [
    { type: 'BODY', add_security_recommendation: true },
    { type: 'FOOTER', code_expiration_minutes: 10 },
    { type: 'BUTTONS', buttons: [{ type: 'OTP', otp_type: 'COPY_CODE', text: 'Copy code' }] },
  ],
});

const part = (t: T, type: string): T => t.components.find((c: T) => c.type === type);
const header = (t: T) => part(t, 'HEADER');
const body = (t: T) => part(t, 'BODY');
const footer = (t: T) => part(t, 'FOOTER');
const buttons = (t: T): any[] => part(t, 'BUTTONS').buttons;
const without = (t: T, type: string) => { t.components = t.components.filter((c: T) => c.type !== type); return t; };
const edit = (base: () => T, change: (t: T) => unknown) => () => { const t = base(); change(t); return t; };
const one = (base: () => T, button: T) => edit(base, (t) => { part(t, 'BUTTONS').buttons = [button]; });
const apps = [{ package_name: 'com.example.app', signature_hash: 'K8a/AINcGX7' }];

type Case = { rule: string; bad: () => unknown; good: () => unknown; exact?: false; rules?: Partial<TemplateRules> };

// One failing and one passing example per rule; the passing one sits at the limit where there is one.
const cases: Case[] = [
  { rule: 'template.not_object', bad: () => ['not', 'a', 'template'], good: marketing },
  { rule: 'name.required', bad: edit(marketing, (t) => { t.name = ''; }), good: edit(marketing, (t) => { t.name = 'a'; }) },
  { rule: 'name.format', bad: edit(marketing, (t) => { t.name = 'Summer Sale'; }), good: edit(marketing, (t) => { t.name = 'summer_sale_2'; }) },
  { rule: 'name.length', bad: edit(marketing, (t) => { t.name = 'a'.repeat(513); }), good: edit(marketing, (t) => { t.name = 'a'.repeat(512); }) },
  { rule: 'language.required', bad: edit(marketing, (t) => { delete t.language; }), good: edit(marketing, (t) => { t.language = 'en'; }) },
  { rule: 'language.format', bad: edit(marketing, (t) => { t.language = 'en-US'; }), good: edit(marketing, (t) => { t.language = 'pt_BR'; }) },
  { rule: 'language.unsupported', bad: edit(marketing, (t) => { t.language = 'xx_XX'; }), good: edit(marketing, (t) => { t.language = 'zh_HK'; }) },
  { rule: 'category.invalid', bad: edit(marketing, (t) => { t.category = 'TRANSACTIONAL'; }), good: edit(named, (t) => { t.category = 'MARKETING'; }) },
  { rule: 'parameter_format.invalid', bad: edit(marketing, (t) => { t.parameter_format = 'named'; }), good: edit(marketing, (t) => { t.parameter_format = 'POSITIONAL'; }) },
  { rule: 'components.required', bad: edit(marketing, (t) => { t.components = { BODY: 'x' }; }), good: marketing },
  { rule: 'body.required', bad: edit(marketing, (t) => without(t, 'BODY')), good: edit(marketing, (t) => without(without(without(t, 'HEADER'), 'FOOTER'), 'BUTTONS')) },
  { rule: 'auth.otp_button_required', bad: edit(auth, (t) => without(t, 'BUTTONS')), good: auth },
  { rule: 'component.not_object', bad: edit(marketing, (t) => { t.components.push('FOOTER'); }), good: marketing },
  { rule: 'component.type_unknown', bad: edit(marketing, (t) => { t.components.push({ type: 'CAROUSEL' }); }), good: marketing },
  { rule: 'component.duplicate', bad: edit(marketing, (t) => { t.components.push({ type: 'FOOTER', text: 'Another footer' }); }), good: marketing },
  // HEADER
  { rule: 'auth.header_not_allowed', bad: edit(auth, (t) => { t.components.unshift({ type: 'HEADER', format: 'TEXT', text: 'Your code' }); }), good: auth },
  { rule: 'header.format_invalid', bad: edit(marketing, (t) => { header(t).format = 'AUDIO'; }), good: edit(marketing, (t) => { t.components[0] = { type: 'HEADER', format: 'LOCATION' }; }) },
  { rule: 'header.media_example_required', bad: edit(marketing, (t) => { t.components[0] = { type: 'HEADER', format: 'IMAGE' }; }),
    good: edit(marketing, (t) => { t.components[0] = { type: 'HEADER', format: 'IMAGE', example: { header_handle: ['4::aW1hZ2UvanBlZw==:ARb'] } }; }) },
  { rule: 'header.text_required', bad: edit(marketing, (t) => { t.components[0] = { type: 'HEADER', format: 'TEXT' }; }), good: marketing },
  { rule: 'header.text_length', bad: edit(marketing, (t) => { t.components[0] = { type: 'HEADER', format: 'TEXT', text: 'x'.repeat(61) }; }),
    good: edit(marketing, (t) => { t.components[0] = { type: 'HEADER', format: 'TEXT', text: 'x'.repeat(60) }; }) },
  { rule: 'header.newline', bad: edit(marketing, (t) => { header(t).text = 'Hello\n{{1}}'; }), good: marketing },
  { rule: 'header.markdown', bad: edit(marketing, (t) => { header(t).text = 'Hello *{{1}}*'; }), good: edit(marketing, (t) => { header(t).text = 'Hello {{1}}, 2*3 deals*'; }) },
  { rule: 'header.emoji', bad: edit(marketing, (t) => { header(t).text = 'Hello {{1}} 🎉'; }), good: edit(marketing, (t) => { header(t).text = 'Hello {{1}}!'; }) },
  { rule: 'header.variable_malformed', bad: edit(marketing, (t) => { header(t).text = 'Hello {{ 1 }}'; }), good: marketing },
  { rule: 'header.variable_format', bad: edit(marketing, (t) => { header(t).text = 'Hello {{name}}'; }), good: marketing },
  { rule: 'header.variable_sequence', bad: edit(marketing, (t) => { header(t).text = 'Hello {{2}}'; }), good: marketing },
  { rule: 'header.variable_duplicate', bad: edit(marketing, (t) => { header(t).text = 'Hello {{1}} {{1}}'; }), good: marketing, exact: false },
  { rule: 'header.too_many_variables', bad: edit(marketing, (t) => { header(t).text = 'Hello {{1}} and {{2}}'; header(t).example.header_text = ['a', 'b']; }), good: marketing },
  { rule: 'header.example_required', bad: edit(marketing, (t) => { delete header(t).example; }), good: marketing },
  { rule: 'header.example_count', bad: edit(marketing, (t) => { header(t).example.header_text = ['Jessica', 'Tom']; }), good: marketing },
  { rule: 'header.example_invalid', bad: edit(marketing, (t) => { header(t).example.header_text = [' ']; }), good: marketing },
  { rule: 'header.example_duplicate', bad: edit(named, (t) => { header(t).example.header_text_named_params.push({ param_name: 'order_id', example: 'B' }); }), good: named },
  { rule: 'header.example_unknown', bad: edit(named, (t) => { header(t).example.header_text_named_params.push({ param_name: 'store', example: 'B' }); }), good: named },
  { rule: 'header.example_missing', bad: edit(named, (t) => { header(t).example.header_text_named_params = []; }), good: named },
  // BODY
  { rule: 'auth.body_text_not_allowed', bad: edit(auth, (t) => { body(t).text = 'Your code is {{1}}, do not share it'; }), good: auth },
  { rule: 'auth.security_recommendation_type', bad: edit(auth, (t) => { body(t).add_security_recommendation = 'yes'; }), good: edit(auth, (t) => { body(t).add_security_recommendation = false; }) },
  { rule: 'body.security_recommendation_auth_only', bad: edit(marketing, (t) => { body(t).add_security_recommendation = true; }), good: marketing },
  { rule: 'body.text_required', bad: edit(marketing, (t) => { delete body(t).text; }), good: marketing, exact: false },
  { rule: 'body.text_length', bad: edit(marketing, (t) => { t.components[1] = { type: 'BODY', text: 'word '.repeat(205) }; }),
    good: edit(marketing, (t) => { t.components[1] = { type: 'BODY', text: 'word '.repeat(204) + 'done' }; }) },
  { rule: 'body.variable_malformed', bad: edit(marketing, (t) => { body(t).text = 'Hi {{1}}, your order {{2} ships today. Thanks for shopping with us!'; }), good: marketing, exact: false },
  { rule: 'body.variable_format', bad: edit(named, (t) => { body(t).text = 'Hi {{first_name}}, your order ships on {{1}}. Thanks!'; }), good: named, exact: false },
  { rule: 'body.variable_sequence', bad: edit(marketing, (t) => { body(t).text = 'Hi {{1}}, your order {{3}} ships today. Thanks for shopping with us!'; }), good: marketing },
  { rule: 'body.variable_duplicate', bad: edit(marketing, (t) => { body(t).text = 'Hi {{1}}, your order {{2}} ships today. Thanks for shopping with us, {{1}}!'; }),
    good: edit(marketing, (t) => { body(t).text = 'Hi {{1}}, your order {{2}} ships today. Thanks for shopping with us, see you!'; }) },
  { rule: 'body.variable_at_start', bad: edit(marketing, (t) => { body(t).text = '{{1}}, your order {{2}} ships today. Thanks for shopping with us!'; }), good: marketing },
  { rule: 'body.variable_at_end', bad: edit(marketing, (t) => { body(t).text = 'Hi {{1}}, thanks for shopping with us. Your order is {{2}}'; }),
    good: edit(marketing, (t) => { body(t).text = 'Hi {{1}}, thanks for shopping with us. Your order is {{2}}.'; }) },
  { rule: 'body.variables_adjacent', bad: edit(marketing, (t) => { body(t).text = 'Hi {{1}} {{2}}, your order ships today. Thanks for shopping with us!'; }),
    good: edit(marketing, (t) => { body(t).text = 'Hi {{1}}, {{2}}: your order ships today. Thanks for shopping with us!'; }) },
  { rule: 'body.variables_adjacent', rules: { adjacentPunctuationIsText: false },
    bad: edit(marketing, (t) => { body(t).text = 'Hi {{1}}, {{2}}: your order ships today. Thanks for shopping with us!'; }), good: marketing },
  { rule: 'body.too_many_variables', bad: edit(marketing, (t) => { body(t).text = 'Hi {{1}}, order {{2}} ok now'; }),
    good: edit(marketing, (t) => { body(t).text = 'Hi {{1}}, order {{2}} is ok now thanks'; }) },
  { rule: 'body.too_many_variables', rules: { minWordsPerVariable: 4 }, bad: edit(marketing, (t) => { body(t).text = 'Hi {{1}}, order {{2}} is ok now thanks'; }), good: marketing },
  { rule: 'body.example_required', bad: edit(marketing, (t) => { body(t).example = { body_text_named_params: [] }; }), good: marketing },
  { rule: 'body.example_count', bad: edit(marketing, (t) => { body(t).example.body_text = [['Jessica']]; }), good: marketing },
  { rule: 'body.example_invalid', bad: edit(marketing, (t) => { body(t).example.body_text = [['Jessica', '']]; }), good: marketing },
  { rule: 'body.example_duplicate', bad: edit(named, (t) => { body(t).example.body_text_named_params.push({ param_name: 'ship_date', example: 'May 4' }); }), good: named },
  { rule: 'body.example_unknown', bad: edit(named, (t) => { body(t).example.body_text_named_params.push({ param_name: 'last_name', example: 'Lee' }); }), good: named },
  { rule: 'body.example_missing', bad: edit(named, (t) => { body(t).example.body_text_named_params.pop(); }), good: named },
  // FOOTER
  { rule: 'auth.footer_text_not_allowed', bad: edit(auth, (t) => { footer(t).text = 'Expires soon'; }), good: auth },
  { rule: 'auth.code_expiration_range', bad: edit(auth, (t) => { footer(t).code_expiration_minutes = 91; }), good: edit(auth, (t) => { footer(t).code_expiration_minutes = 90; }) },
  { rule: 'auth.code_expiration_range', bad: edit(auth, (t) => { footer(t).code_expiration_minutes = 0; }), good: edit(auth, (t) => { footer(t).code_expiration_minutes = 1; }) },
  { rule: 'footer.code_expiration_auth_only', bad: edit(marketing, (t) => { footer(t).code_expiration_minutes = 10; }), good: marketing },
  { rule: 'footer.text_required', bad: edit(marketing, (t) => { footer(t).text = ''; }), good: marketing },
  { rule: 'footer.text_length', bad: edit(marketing, (t) => { footer(t).text = 'x'.repeat(61); }), good: edit(marketing, (t) => { footer(t).text = 'x'.repeat(60); }) },
  { rule: 'footer.variable_not_allowed', bad: edit(marketing, (t) => { footer(t).text = 'Bye {{1}}'; }), good: marketing },
  // BUTTONS: the list
  { rule: 'buttons.required', bad: edit(marketing, (t) => { part(t, 'BUTTONS').buttons = []; }), good: marketing },
  { rule: 'buttons.too_many', bad: edit(marketing, (t) => { part(t, 'BUTTONS').buttons = Array.from({ length: 11 }, (_, i) => ({ type: 'QUICK_REPLY', text: `Option ${i}` })); }),
    good: edit(marketing, (t) => { part(t, 'BUTTONS').buttons = Array.from({ length: 10 }, (_, i) => ({ type: 'QUICK_REPLY', text: `Option ${i}` })); }) },
  { rule: 'buttons.too_many_url', bad: edit(marketing, (t) => { buttons(t).push({ type: 'URL', text: 'Help', url: 'https://shop.example/help' }, { type: 'URL', text: 'FAQ', url: 'https://shop.example/faq' }); }),
    good: edit(marketing, (t) => { buttons(t).push({ type: 'URL', text: 'Help', url: 'https://shop.example/help' }); }) },
  { rule: 'buttons.too_many_phone_number', bad: edit(marketing, (t) => { buttons(t).push({ type: 'PHONE_NUMBER', text: 'Call', phone_number: '+15550002222' }); }), good: marketing },
  { rule: 'buttons.too_many_copy_code', bad: edit(marketing, (t) => { buttons(t).push({ type: 'COPY_CODE', example: 'SAVE20' }); }), good: marketing },
  { rule: 'buttons.too_many_flow', bad: edit(marketing, (t) => { buttons(t).push({ type: 'FLOW', text: 'Book', flow_id: '1' }, { type: 'FLOW', text: 'Sign up', flow_id: '2' }); }),
    good: edit(marketing, (t) => { buttons(t).push({ type: 'FLOW', text: 'Book', flow_id: '1', flow_action: 'navigate' }); }) },
  { rule: 'buttons.too_many_otp', bad: edit(auth, (t) => { buttons(t).push({ type: 'OTP', otp_type: 'COPY_CODE' }); }), good: auth },
  { rule: 'buttons.not_grouped', bad: edit(marketing, (t) => { buttons(t).push({ type: 'QUICK_REPLY', text: 'Stop' }); }),
    good: edit(marketing, (t) => { buttons(t).reverse(); buttons(t).push({ type: 'QUICK_REPLY', text: 'Stop' }); }) },
  // BUTTONS: each button
  { rule: 'button.not_object', bad: edit(marketing, (t) => { buttons(t).push(null); }), good: marketing },
  { rule: 'button.type_unknown', bad: edit(marketing, (t) => { buttons(t).push({ type: 'CALL_ME', text: 'Call me' }); }), good: marketing },
  { rule: 'auth.button_not_otp', bad: edit(auth, (t) => { buttons(t).push({ type: 'QUICK_REPLY', text: 'Not me' }); }), good: auth },
  { rule: 'button.otp_not_allowed', bad: edit(marketing, (t) => { buttons(t).push({ type: 'OTP', otp_type: 'COPY_CODE' }); }), good: marketing, exact: false },
  { rule: 'button.copy_code_not_allowed', bad: edit(named, (t) => { buttons(t).push({ type: 'COPY_CODE', example: 'SAVE10' }); }),
    good: edit(named, (t) => { t.category = 'MARKETING'; buttons(t).push({ type: 'COPY_CODE', example: 'SAVE10' }); }) },
  { rule: 'button.text_required', bad: one(marketing, { type: 'QUICK_REPLY' }), good: one(marketing, { type: 'COPY_CODE', example: 'SAVE10' }) },
  { rule: 'button.text_length', bad: one(marketing, { type: 'QUICK_REPLY', text: 'x'.repeat(26) }), good: one(marketing, { type: 'QUICK_REPLY', text: 'x'.repeat(25) }) },
  { rule: 'button.text_variable', bad: one(marketing, { type: 'QUICK_REPLY', text: 'Yes {{1}}' }), good: one(marketing, { type: 'QUICK_REPLY', text: 'Yes {1}' }) },
  { rule: 'button.url_required', bad: one(marketing, { type: 'URL', text: 'Open' }), good: one(marketing, { type: 'URL', text: 'Open', url: 'https://shop.example' }) },
  { rule: 'button.url_length', bad: one(marketing, { type: 'URL', text: 'Open', url: `https://shop.example/${'a'.repeat(1980)}` }),
    good: one(marketing, { type: 'URL', text: 'Open', url: `https://shop.example/${'a'.repeat(1979)}` }) },
  { rule: 'button.url_invalid', bad: one(marketing, { type: 'URL', text: 'Open', url: 'shop.example/o' }), good: one(marketing, { type: 'URL', text: 'Open', url: 'http://shop.example/o' }) },
  { rule: 'button.url_variable_count', bad: one(marketing, { type: 'URL', text: 'Open', url: 'https://shop.example/{{1}}/{{2}}', example: ['https://shop.example/a/b'] }),
    good: one(marketing, { type: 'URL', text: 'Open', url: 'https://shop.example/a/{{1}}', example: ['https://shop.example/a/b'] }) },
  { rule: 'button.url_variable_not_at_end', bad: one(marketing, { type: 'URL', text: 'Open', url: 'https://shop.example/{{1}}/track', example: ['https://shop.example/a/track'] }),
    good: one(marketing, { type: 'URL', text: 'Open', url: 'https://shop.example/track/{{1}}', example: ['https://shop.example/track/a'] }) },
  { rule: 'button.url_variable_name', bad: one(marketing, { type: 'URL', text: 'Open', url: 'https://shop.example/o/{{2}}', example: ['https://shop.example/o/a'] }), good: marketing },
  { rule: 'button.url_example_required', bad: one(marketing, { type: 'URL', text: 'Open', url: 'https://shop.example/o/{{1}}' }), good: marketing },
  { rule: 'button.url_example_mismatch', bad: one(marketing, { type: 'URL', text: 'Open', url: 'https://shop.example/o/{{1}}', example: ['https://other.example/o/A-1'] }), good: marketing },
  { rule: 'button.phone_number_required', bad: one(marketing, { type: 'PHONE_NUMBER', text: 'Call' }), good: marketing },
  { rule: 'button.phone_number_length', bad: one(marketing, { type: 'PHONE_NUMBER', text: 'Call', phone_number: '+1555000111122223333' + '4' }),
    good: one(marketing, { type: 'PHONE_NUMBER', text: 'Call', phone_number: '+1555000111122223333' }) },
  { rule: 'button.phone_number_format', bad: one(marketing, { type: 'PHONE_NUMBER', text: 'Call', phone_number: '(555) 000-1111' }),
    good: one(marketing, { type: 'PHONE_NUMBER', text: 'Call', phone_number: '15550001111' }) },
  { rule: 'button.copy_code_example_required', bad: one(marketing, { type: 'COPY_CODE' }), good: marketing },
  { rule: 'button.copy_code_example_length', bad: one(marketing, { type: 'COPY_CODE', example: 'x'.repeat(21) }), good: one(marketing, { type: 'COPY_CODE', example: 'x'.repeat(20) }) },
  { rule: 'button.otp_type_invalid', bad: one(auth, { type: 'OTP', otp_type: 'SMS' }), good: one(auth, { type: 'OTP', otp_type: 'ONE_TAP', supported_apps: apps }) },
  { rule: 'button.otp_supported_apps_required', bad: one(auth, { type: 'OTP', otp_type: 'ONE_TAP' }), good: one(auth, { type: 'OTP', otp_type: 'ONE_TAP', supported_apps: apps, autofill_text: 'Autofill' }) },
  { rule: 'button.otp_supported_app_invalid', bad: one(auth, { type: 'OTP', otp_type: 'ONE_TAP', supported_apps: [{ package_name: 'com.example.app', signature_hash: 'short' }] }),
    good: one(auth, { type: 'OTP', otp_type: 'ONE_TAP', supported_apps: apps }) },
  { rule: 'button.otp_zero_tap_terms', bad: one(auth, { type: 'OTP', otp_type: 'ZERO_TAP', supported_apps: apps }),
    good: one(auth, { type: 'OTP', otp_type: 'ZERO_TAP', supported_apps: apps, zero_tap_terms_accepted: true }) },
  { rule: 'button.flow_reference', bad: one(marketing, { type: 'FLOW', text: 'Book', flow_id: '1', flow_name: 'booking' }), good: one(marketing, { type: 'FLOW', text: 'Book', flow_name: 'booking' }) },
  { rule: 'button.flow_action_invalid', bad: one(marketing, { type: 'FLOW', text: 'Book', flow_id: '1', flow_action: 'open' }),
    good: one(marketing, { type: 'FLOW', text: 'Book', flow_id: '1', flow_action: 'data_exchange' }) },
];

const rulesOf = (input: unknown, rules?: Partial<TemplateRules>) => validateTemplate(input, rules).map((v) => v.rule);

describe('validateTemplate: one failing and one passing example per rule', () => {
  it.each(cases)('$rule', ({ rule, bad, good, exact, rules }) => {
    const found = rulesOf(bad(), rules);
    if (exact === false) expect(found).toContain(rule);
    else expect(found).toEqual([rule]);
    expect(validateTemplate(good(), rules)).toEqual([]);
  });

  it('has a case for every rule the validator can report', () => {
    const source = ['validate-template.ts', 'validate-buttons.ts'].map((f) => readFileSync(new URL(f, import.meta.url), 'utf8')).join('\n');
    const literal = [...source.matchAll(/'([a-z_]+\.[a-z_]+)'/g)].map((m) => m[1]!);
    const perPart = [...source.matchAll(/`\$\{(?:component|kind)\}\.([a-z_]+)`/g)].flatMap((m) => [`header.${m[1]}`, `body.${m[1]}`]);
    const tested = new Set(cases.map((c) => c.rule));
    expect([...new Set([...literal, ...perPart])].filter((r) => !tested.has(r)).sort()).toEqual([]);
  });
});

describe('validateTemplate: paths and order', () => {
  it("accepts the reference's own examples", () => {
    expect(validateTemplate(marketing())).toEqual([]);
    expect(validateTemplate(named())).toEqual([]);
    expect(validateTemplate(auth())).toEqual([]);
  });

  it('reports every violation at once, top-level fields first, then the components in order', () => {
    const t = marketing();
    t.name = 'Summer Sale';
    t.category = 'PROMO';
    body(t).text = '{{1}}, your order {{2}} ships today. Thanks for shopping with us!';
    footer(t).text = 'Bye {{1}}';
    buttons(t)[1].url = 'https://shop.example/{{1}}/x';
    buttons(t)[1].example = ['https://shop.example/a/x'];
    expect(validateTemplate(t).map((v) => [v.path, v.rule])).toEqual([
      ['name', 'name.format'],
      ['category', 'category.invalid'],
      ['components[1].text', 'body.variable_at_start'],
      ['components[2].text', 'footer.variable_not_allowed'],
      ['components[3].buttons[1].url', 'button.url_variable_not_at_end'],
    ]);
  });

  it('names the exact element: a button, an example entry, a supported app', () => {
    const t = named();
    buttons(t)[2].phone_number = 'call me';
    body(t).example.body_text_named_params[1] = { param_name: 'ship_date' };
    expect(validateTemplate(t)).toEqual([
      expect.objectContaining({ path: 'components[1].example.body_text_named_params[1]', rule: 'body.example_invalid' }),
      expect.objectContaining({ path: 'components[1].example.body_text_named_params', rule: 'body.example_missing' }),
      expect.objectContaining({ path: 'components[3].buttons[2].phone_number', rule: 'button.phone_number_format' }),
    ]);
  });

  it('gives each violation a message an author can act on', () => {
    for (const { bad, rules } of cases) {
      for (const v of validateTemplate(bad(), rules)) expect(v.message.length).toBeGreaterThan(10);
    }
  });
});

describe('metaSubcode', () => {
  it("maps rules to Meta's create subcodes", () => {
    expect(metaSubcode('body.variable_at_start')).toBe(2388299);
    expect(metaSubcode('body.variable_at_end')).toBe(2388299);
    expect(metaSubcode('body.too_many_variables')).toBe(2388293);
    expect(metaSubcode('header.too_many_variables')).toBe(2388047);
    expect(metaSubcode('button.url_length')).toBe(2388040);
    expect(metaSubcode('footer.text_length')).toBe(2388040);
    expect(metaSubcode('body.variables_adjacent')).toBe(2388072);
    expect(metaSubcode('footer.variable_not_allowed')).toBe(2388073);
    expect(metaSubcode('name.format')).toBe(100);
  });
});
