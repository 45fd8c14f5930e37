// Issue 6 "Bad input": arbitrary component trees and parameter lists never make the validator or the renderer
// throw; generated valid templates validate clean and render with matching parameters; one mutation, one rule.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderTemplate } from './render-template.ts';
import { validateTemplate } from './validate-template.ts';
import { bodyText, build, parametersFor, spec, type Spec } from '../../test/helpers/template-arbitraries.ts';

type T = Record<string, any>;
const RUNS = { numRuns: 400 };

// Arbitrary trees: Meta's keys with anything as values, Meta's values in places, and plain garbage.
const anything = fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true,
  withTypedArray: true, withSparseArray: true, withBoxedValues: true, withObjectString: true });
const metaWord = fc.constantFrom('HEADER', 'BODY', 'FOOTER', 'BUTTONS', 'TEXT', 'IMAGE', 'VIDEO', 'DOCUMENT', 'LOCATION',
  'URL', 'QUICK_REPLY', 'PHONE_NUMBER', 'COPY_CODE', 'OTP', 'FLOW', 'ONE_TAP', 'ZERO_TAP', 'NAMED', 'POSITIONAL', 'MARKETING',
  'UTILITY', 'AUTHENTICATION', 'header', 'body', 'button', 'url', 'quick_reply', 'copy_code', 'text', 'image', 'currency',
  'date_time', 'payload', 'coupon_code', 'action', 'location', '0', '1', 1, 10, '{{1}}', '{{name}}', 'Hi {{1}}, how are you today?',
  '{{1}}{{2}}', 'https://a.example/{{1}}', '__proto__', 'constructor', '');
const value = fc.oneof(metaWord, anything, fc.string());
const dict = (keys: string[], values: fc.Arbitrary<unknown>) => fc.dictionary(fc.constantFrom(...keys), values, { maxKeys: keys.length });
const button = dict(['type', 'text', 'url', 'example', 'phone_number', 'otp_type', 'supported_apps', 'zero_tap_terms_accepted',
  'flow_id', 'flow_name', 'flow_json', 'flow_action'], fc.oneof(value, fc.array(value)));
const example = dict(['header_text', 'body_text', 'header_handle', 'body_text_named_params', 'header_text_named_params'],
  fc.oneof(fc.array(value), fc.array(fc.array(value)), fc.array(dict(['param_name', 'example'], value))));
const component = dict(['type', 'format', 'text', 'example', 'buttons', 'add_security_recommendation', 'code_expiration_minutes'],
  fc.oneof(value, example, fc.array(button)));
const template = fc.oneof(anything, dict(['name', 'language', 'category', 'parameter_format', 'components'], fc.oneof(value, fc.array(fc.oneof(component, value)))));
const parameter = dict(['type', 'text', 'parameter_name', 'currency', 'date_time', 'image', 'video', 'document', 'location',
  'payload', 'coupon_code', 'action'], fc.oneof(value, dict(['fallback_value', 'code', 'amount_1000', 'id', 'link', 'latitude', 'longitude'], value)));
const sendComponent = dict(['type', 'sub_type', 'index', 'parameters'], fc.oneof(value, fc.array(fc.oneof(parameter, value))));
const send = fc.oneof(anything, fc.array(fc.oneof(sendComponent, value)));

describe('never throws', () => {
  it('validateTemplate, on any input', () => {
    fc.assert(fc.property(template, (input) => {
      for (const v of validateTemplate(input)) {
        expect([typeof v.path, typeof v.rule, typeof v.message]).toEqual(['string', 'string', 'string']);
      }
    }), RUNS);
  });

  it('renderTemplate, on any stored template and any parameters', () => {
    fc.assert(fc.property(fc.oneof(component.map((c) => ({ components: [c] })), template), send, (stored, sent) => {
      const result = renderTemplate(stored as never, sent);
      expect(typeof result.ok).toBe('boolean');
    }), RUNS);
  });
});

// Valid templates, built from a spec so that a mutation can target one rule and parameters can match.
describe('valid templates', () => {
  it('validate clean', () => {
    fc.assert(fc.property(spec, (s) => { expect(validateTemplate(build(s))).toEqual([]); }), RUNS);
  });

  it('render with matching parameters, every variable replaced by its value', () => {
    fc.assert(fc.property(spec, (s) => {
      const t = build(s);
      const result = renderTemplate({ components: t.components, parameter_format: t.parameter_format, category: t.category }, parametersFor(s, t));
      if (!result.ok) expect(result.mismatches).toEqual([]);
      else {
        expect(result.rendered.body).not.toContain('{{');
        for (const v of s.body.variables) expect(result.rendered.body).toContain(v.value);
      }
    }), RUNS);
  });

  it('authentication templates validate clean', () => {
    const apps = [{ package_name: 'com.example.app', signature_hash: 'K8a/AINcGX7' }];
    fc.assert(fc.property(fc.boolean(), fc.option(fc.integer({ min: 1, max: 90 }), { nil: null }), fc.constantFrom('COPY_CODE', 'ONE_TAP', 'ZERO_TAP'), (security, minutes, otpType) => {
      const t = { name: 'login_otp', language: 'en_US', category: 'AUTHENTICATION', components: [
        { type: 'BODY', add_security_recommendation: security },
        ...(minutes === null ? [] : [{ type: 'FOOTER', code_expiration_minutes: minutes }]),
        { type: 'BUTTONS', buttons: [{ type: 'OTP', otp_type: otpType, ...(otpType === 'COPY_CODE' ? {} : { supported_apps: apps }),
          ...(otpType === 'ZERO_TAP' ? { zero_tap_terms_accepted: true } : {}) }] },
      ] };
      expect(validateTemplate(t)).toEqual([]);
    }), RUNS);
  });
});

// Each mutation breaks one rule of a valid template; `applies` says when it can.
const bodyOf = (t: T) => t.components.find((c: T) => c.type === 'BODY');
const buttonsOf = (t: T): T[] | undefined => t.components.find((c: T) => c.type === 'BUTTONS')?.buttons;
type Mutation = { rule: string; applies: (s: Spec, t: T) => boolean; mutate: (s: Spec, t: T) => void; rules?: { minWordsPerVariable: number } };
const always = () => true;
const mutations: Mutation[] = [
  { rule: 'name.format', applies: always, mutate: (_, t) => { t.name = `X${t.name}`; } },
  { rule: 'name.length', applies: always, mutate: (_, t) => { t.name = t.name.padEnd(513, 'a'); } },
  { rule: 'language.format', applies: always, mutate: (_, t) => { t.language = 'en-US'; } },
  { rule: 'category.invalid', applies: always, mutate: (_, t) => { t.category = 'PROMOTIONAL'; } },
  { rule: 'body.required', applies: always, mutate: (_, t) => { t.components = t.components.filter((c: T) => c.type !== 'BODY'); } },
  { rule: 'body.variable_at_start', applies: (s) => s.body.variables.length > 0, mutate: (s, t) => { bodyOf(t).text = bodyText({ ...s, body: { ...s.body, lead: [] } }); } },
  { rule: 'body.variable_at_end', applies: (s) => s.body.variables.length > 0, mutate: (s, t) => { bodyOf(t).text = bodyText(s).replace(/ [^ ]*\.$/, '').replace(/( [A-Za-z]+)+$/, ''); } },
  { rule: 'body.variables_adjacent', applies: (s) => s.body.variables.length > 1, mutate: (s, t) => {
    const between = s.body.between.map((b, i) => (i === 0 ? [] : b));
    bodyOf(t).text = bodyText({ ...s, body: { ...s.body, between } }).replace('}}  {{', '}} {{');
  } },
  { rule: 'body.too_many_variables', applies: (s) => s.body.variables.length > 0, mutate: () => {}, rules: { minWordsPerVariable: 100 } },
  { rule: 'body.variable_sequence', applies: (s) => s.body.variables.length > 0 && !s.named, mutate: (s, t) => {
    const n = s.body.variables.length;
    bodyOf(t).text = bodyOf(t).text.replace(`{{${n}}}`, `{{${n + 1}}}`);
  } },
  { rule: 'body.example_required', applies: (s) => s.body.variables.length > 0, mutate: (_, t) => { delete bodyOf(t).example; } },
  { rule: 'body.text_length', applies: (s) => s.body.variables.length === 0, mutate: (_, t) => { bodyOf(t).text = `${bodyOf(t).text} ${'word '.repeat(210)}end.`; } },
  { rule: 'footer.variable_not_allowed', applies: (s) => s.footer !== null, mutate: (_, t) => { t.components.find((c: T) => c.type === 'FOOTER').text += ' {{1}}'; } },
  { rule: 'header.text_length', applies: (s) => s.header?.format === 'TEXT', mutate: (_, t) => { t.components[0].text = `${'x'.repeat(61)}${t.components[0].text}`; } },
  { rule: 'header.media_example_required', applies: (s) => s.header !== null && s.header.format !== 'TEXT' && s.header.format !== 'LOCATION', mutate: (_, t) => { delete t.components[0].example; } },
  { rule: 'button.text_length', applies: (s, t) => (buttonsOf(t) ?? []).some((b) => b.text !== undefined), mutate: (_, t) => { buttonsOf(t)!.find((b) => b.text !== undefined)!.text = 'x'.repeat(26); } },
  { rule: 'button.url_variable_not_at_end', applies: (s) => s.urls.some((u) => u.dynamic), mutate: (_, t) => { buttonsOf(t)!.find((b) => b.example && b.type === 'URL')!.url += '/track'; } },
  { rule: 'button.copy_code_not_allowed', applies: (_, t) => (buttonsOf(t) ?? []).some((b) => b.type === 'COPY_CODE'), mutate: (_, t) => { t.category = 'UTILITY'; } },
  { rule: 'button.otp_not_allowed', applies: (_, t) => (buttonsOf(t) ?? []).length === 0, mutate: (_, t) => { t.components.push({ type: 'BUTTONS', buttons: [{ type: 'OTP', otp_type: 'COPY_CODE' }] }); } },
  { rule: 'buttons.too_many_url', applies: (s) => s.urls.length === 2, mutate: (_, t) => {
    const list = buttonsOf(t)!;
    list.splice(list.findIndex((b) => b.type === 'URL'), 0, { type: 'URL', text: 'More', url: 'https://shop.example/more' });
  } },
  { rule: 'buttons.not_grouped', applies: (s, t) => s.quickReplies.length > 0 && (buttonsOf(t) ?? []).some((b) => b.type !== 'QUICK_REPLY'), mutate: (s, t) => {
    const list = buttonsOf(t)!;
    if (s.quickRepliesFirst) list.push({ type: 'QUICK_REPLY', text: 'Stop' }); else list.unshift({ type: 'QUICK_REPLY', text: 'Stop' });
  } },
];

describe('one mutation of a valid template, one violation', () => {
  it.each(mutations.map((m) => [m.rule, m] as const))('%s', (_, m) => {
    fc.assert(fc.property(spec, (s) => {
      const t = build(s);
      fc.pre(m.applies(s, t));
      m.mutate(s, t);
      expect(validateTemplate(t, m.rules).map((v) => v.rule)).toEqual([m.rule]);
    }), { numRuns: 100 });
  });
});
