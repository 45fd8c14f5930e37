import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderTemplate } from './render-template.ts';
import type { StoredTemplate } from './render-template.ts';

type T = Record<string, any>;

const order: StoredTemplate = {
  parameter_format: 'POSITIONAL', category: 'MARKETING',
  components: [
    { type: 'HEADER', format: 'TEXT', text: 'Hello {{1}}' },
    { type: 'BODY', text: 'Your order {{1}} of {{2}} ships on {{3}}.' },
    { type: 'FOOTER', text: 'Reply STOP to opt out' },
    { type: 'BUTTONS', buttons: [
      { type: 'QUICK_REPLY', text: 'Track order' },
      { type: 'URL', text: 'View', url: 'https://shop.example/o/{{1}}' },
      { type: 'COPY_CODE', example: 'SAVE10' },
      { type: 'PHONE_NUMBER', text: 'Call us', phone_number: '+15550001111' },
      { type: 'URL', text: 'Help', url: 'https://shop.example/help' },
    ] },
  ],
};
const orderSend = (): T[] => [
  { type: 'header', parameters: [{ type: 'text', text: 'Jessica' }] },
  { type: 'body', parameters: [
    { type: 'text', text: 'A-1001' },
    { type: 'currency', currency: { fallback_value: '$100.99', code: 'USD', amount_1000: 100990 } },
    { type: 'date_time', date_time: { fallback_value: 'February 25, 2027' } },
  ] },
  { type: 'button', sub_type: 'quick_reply', index: '0', parameters: [{ type: 'payload', payload: 'TRACK-A-1001' }] },
  { type: 'button', sub_type: 'url', index: '1', parameters: [{ type: 'text', text: 'A-1001' }] },
  { type: 'button', sub_type: 'copy_code', index: 2, parameters: [{ type: 'coupon_code', coupon_code: 'SAVE10' }] },
];
const named: StoredTemplate = {
  parameter_format: 'NAMED', category: 'UTILITY',
  components: [
    { type: 'HEADER', format: 'TEXT', text: 'Order {{order_id}}' },
    { type: 'BODY', text: 'Hi {{first_name}}, your order ships on {{ship_date}}. Thanks!' },
  ],
};
const namedSend = (): T[] => [
  { type: 'header', parameters: [{ type: 'text', parameter_name: 'order_id', text: 'A-1001' }] },
  { type: 'body', parameters: [
    { type: 'date_time', parameter_name: 'ship_date', date_time: { fallback_value: 'May 3' } },
    { type: 'text', parameter_name: 'first_name', text: 'Jessica' },
  ] },
];
const image: StoredTemplate = { components: [{ type: 'HEADER', format: 'IMAGE' }, { type: 'BODY', text: 'Our new collection is here.' }] };
const location: StoredTemplate = { components: [{ type: 'HEADER', format: 'LOCATION' }, { type: 'BODY', text: 'Your pickup point is ready.' }] };
const auth: StoredTemplate = {
  category: 'AUTHENTICATION',
  components: [
    { type: 'BODY', add_security_recommendation: true },
    { type: 'FOOTER', code_expiration_minutes: 10 },
    { type: 'BUTTONS', buttons: [{ type: 'OTP', otp_type: 'COPY_CODE', text: 'Copy code' }] },
  ],
};
const authSend = () => [
  { type: 'body', parameters: [{ type: 'text', text: '482913' }] },
  { type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: '482913' }] },
];
const bodyOnly = (text: string): StoredTemplate => ({ components: [{ type: 'BODY', text }] });
const flow: StoredTemplate = { components: [{ type: 'BODY', text: 'Book your visit below.' }, { type: 'BUTTONS', buttons: [{ type: 'FLOW', text: 'Book', flow_id: '1' }] }] };

const mismatchesOf = (template: StoredTemplate, sent: unknown) => {
  const result = renderTemplate(template, sent);
  return result.ok ? [] : result.mismatches.map((m) => [m.path, m.rule]);
};
const change = (make: () => T[], edit: (c: T[]) => void) => { const c = make(); edit(c); return c; };

describe('renderTemplate: what the customer sees', () => {
  it('substitutes positional parameters, currency and date_time by their fallback_value, and the URL suffix', () => {
    const result = renderTemplate(order, orderSend());
    expect(result).toEqual({
      ok: true,
      rendered: {
        header: { format: 'TEXT', text: 'Hello Jessica' },
        body: 'Your order A-1001 of $100.99 ships on February 25, 2027.',
        footer: 'Reply STOP to opt out',
        buttons: [
          { index: 0, type: 'QUICK_REPLY', text: 'Track order', payload: 'TRACK-A-1001' },
          { index: 1, type: 'URL', text: 'View', url: 'https://shop.example/o/A-1001' },
          { index: 2, type: 'COPY_CODE', text: 'Copy offer code', coupon_code: 'SAVE10' },
          { index: 3, type: 'PHONE_NUMBER', text: 'Call us', phone_number: '+15550001111' },
          { index: 4, type: 'URL', text: 'Help', url: 'https://shop.example/help' },
        ],
        text: 'Hello Jessica\nYour order A-1001 of $100.99 ships on February 25, 2027.\nReply STOP to opt out\n'
          + '[Track order]\n[View]\n[Copy offer code]\n[Call us]\n[Help]',
      },
    });
  });

  it('takes named parameters in any order', () => {
    const result = renderTemplate(named, namedSend());
    expect(result.ok && result.rendered.text).toBe('Order A-1001\nHi Jessica, your order ships on May 3. Thanks!');
  });

  it('renders an authentication template with Meta’s preset body, security line, expiry footer and the code', () => {
    const result = renderTemplate(auth, authSend());
    expect(result.ok && result.rendered).toEqual({
      header: null,
      body: '482913 is your verification code. For your security, do not share this code.',
      footer: 'This code expires in 10 minutes.',
      buttons: [{ index: 0, type: 'OTP', text: 'Copy code', code: '482913' }],
      text: '482913 is your verification code. For your security, do not share this code.\nThis code expires in 10 minutes.\n[Copy code]',
    });
  });

  it('renders an authentication template as Meta reads it back (text set, OTP shown as a URL button)', () => {
    const readBack: StoredTemplate = { category: 'AUTHENTICATION', components: [
      { type: 'BODY', text: '*{{1}}* is your verification code.' },
      { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Copy code', url: 'https://www.whatsapp.com/otp/code/?otp_type=COPY_CODE&code=otp{{1}}' }] },
    ] };
    const result = renderTemplate(readBack, authSend());
    expect(result.ok && result.rendered.body).toBe('*482913* is your verification code.');
  });

  it('keeps media and location headers as structured parts', () => {
    const media = renderTemplate(image, [{ type: 'header', parameters: [{ type: 'image', image: { link: 'https://cdn.example/p.jpg' } }] }]);
    expect(media.ok && media.rendered.header).toEqual({ format: 'IMAGE', media: { link: 'https://cdn.example/p.jpg' } });
    const place = renderTemplate(location, [{ type: 'header', parameters: [{ type: 'location', location: { latitude: 52.5, longitude: '13.4', name: 'Shop' } }] }]);
    expect(place.ok && place.rendered.header).toEqual({ format: 'LOCATION', location: { latitude: 52.5, longitude: 13.4, name: 'Shop' } });
  });

  it('accepts a template without variables and no components, and optional button parameters left out', () => {
    expect(renderTemplate(bodyOnly('Hello there, welcome!'), undefined).ok).toBe(true);
    expect(renderTemplate(order, orderSend().filter((c) => c.sub_type !== 'quick_reply')).ok).toBe(true);
    expect(renderTemplate(flow, [{ type: 'button', sub_type: 'flow', index: '0', parameters: [{ type: 'action', action: { flow_token: 't' } }] }]).ok).toBe(true);
  });

  it('does not substitute inside a substituted value', () => {
    const result = renderTemplate(bodyOnly('Hi {{1}} and {{2}}, welcome to the shop.'), [
      { type: 'body', parameters: [{ type: 'text', text: '{{2}} $& $1' }, { type: 'text', text: 'Tom' }] }]);
    expect(result.ok && result.rendered.body).toBe('Hi {{2}} $& $1 and Tom, welcome to the shop.');
  });
});

type Case = { rule: string; template: StoredTemplate; sent: () => unknown; path: string };

// One failing example per mismatch rule; each passing counterpart is the unchanged send above.
const cases: Case[] = [
  { rule: 'parameters.not_list', template: order, sent: () => ({ body: [] }), path: 'components' },
  { rule: 'parameters.not_list', template: order, sent: () => change(orderSend, (c) => { c[0]!.parameters = 'Jessica'; }), path: 'components[0].parameters' },
  { rule: 'component.not_object', template: order, sent: () => [...orderSend(), 'body'], path: 'components[5]' },
  { rule: 'component.type_unknown', template: order, sent: () => [...orderSend(), { type: 'footer', parameters: [] }], path: 'components[5].type' },
  { rule: 'component.duplicate', template: order, sent: () => [...orderSend(), orderSend()[1]], path: 'components[5].type' },
  { rule: 'component.duplicate', template: order, sent: () => [...orderSend(), orderSend()[3]], path: 'components[5].index' },
  { rule: 'button.index_invalid', template: order, sent: () => change(orderSend, (c) => { c[3]!.index = '10'; }), path: 'components[3].index' },
  { rule: 'button.index_unknown', template: named, sent: () => [...namedSend(), { type: 'button', sub_type: 'quick_reply', index: '0', parameters: [] }], path: 'components[2].index' },
  { rule: 'header.parameter_count', template: order, sent: () => orderSend().slice(1), path: 'components' },
  { rule: 'header.parameter_count', template: bodyOnly('Hello there, welcome!'), sent: () => [{ type: 'header', parameters: [{ type: 'text', text: 'x' }] }], path: 'components[0].parameters' },
  { rule: 'body.parameter_count', template: order, sent: () => change(orderSend, (c) => { c[1]!.parameters.pop(); }), path: 'components[1].parameters' },
  { rule: 'header.parameter_type', template: image, sent: () => [{ type: 'header', parameters: [{ type: 'video', video: { id: '1' } }] }], path: 'components[0].parameters[0].type' },
  { rule: 'parameter.media_invalid', template: image, sent: () => [{ type: 'header', parameters: [{ type: 'image', image: { id: '1', link: 'https://cdn.example/p.jpg' } }] }], path: 'components[0].parameters[0].image' },
  { rule: 'parameter.location_invalid', template: location, sent: () => [{ type: 'header', parameters: [{ type: 'location', location: { latitude: 91, longitude: 0 } }] }], path: 'components[0].parameters[0].location' },
  { rule: 'parameters.format_mismatch', template: named, sent: () => change(namedSend, (c) => { delete c[1]!.parameters[1].parameter_name; }), path: 'components[1].parameters[1]' },
  { rule: 'parameters.format_mismatch', template: order, sent: () => change(orderSend, (c) => { c[0]!.parameters[0].parameter_name = 'name'; }), path: 'components[0].parameters[0]' },
  { rule: 'body.parameter_name_unknown', template: named, sent: () => change(namedSend, (c) => { c[1]!.parameters[0].parameter_name = 'date'; }), path: 'components[1].parameters[0].parameter_name' },
  { rule: 'body.parameter_name_duplicate', template: named, sent: () => change(namedSend, (c) => { c[1]!.parameters[0] = { type: 'text', parameter_name: 'first_name', text: 'J' }; }), path: 'components[1].parameters[1].parameter_name' },
  { rule: 'parameter.type', template: order, sent: () => change(orderSend, (c) => { c[1]!.parameters[0] = { type: 'image', image: { id: '1' } }; }), path: 'components[1].parameters[0].type' },
  { rule: 'parameter.type', template: order, sent: () => change(orderSend, (c) => { c[0]!.parameters[0] = { type: 'currency', currency: { fallback_value: '$1', code: 'USD', amount_1000: 1000 } }; }), path: 'components[0].parameters[0].type' },
  { rule: 'parameter.text_required', template: order, sent: () => change(orderSend, (c) => { c[1]!.parameters[0].text = ''; }), path: 'components[1].parameters[0].text' },
  { rule: 'parameter.text_length', template: order, sent: () => change(orderSend, (c) => { c[1]!.parameters[0].text = 'x'.repeat(1025); }), path: 'components[1].parameters[0].text' },
  { rule: 'parameter.text_whitespace', template: order, sent: () => change(orderSend, (c) => { c[1]!.parameters[0].text = 'A-1\nA-2'; }), path: 'components[1].parameters[0].text' },
  { rule: 'parameter.currency_invalid', template: order, sent: () => change(orderSend, (c) => { c[1]!.parameters[1].currency.amount_1000 = 100.5; }), path: 'components[1].parameters[1].currency' },
  { rule: 'parameter.date_time_invalid', template: order, sent: () => change(orderSend, (c) => { c[1]!.parameters[2].date_time = { day_of_month: 25 }; }), path: 'components[1].parameters[2].date_time' },
  { rule: 'parameter.action_invalid', template: flow, sent: () => [{ type: 'button', sub_type: 'flow', index: '0', parameters: [{ type: 'action', action: 'go' }] }], path: 'components[0].parameters[0].action' },
  { rule: 'parameter.value_required', template: order, sent: () => change(orderSend, (c) => { c[2]!.parameters[0].payload = ''; }), path: 'components[2].parameters[0].payload' },
  { rule: 'parameter.coupon_code_length', template: order, sent: () => change(orderSend, (c) => { c[4]!.parameters[0].coupon_code = 'x'.repeat(21); }), path: 'components[4].parameters[0].coupon_code' },
  { rule: 'button.parameter_required', template: order, sent: () => orderSend().filter((c) => c.sub_type !== 'url'), path: 'components' },
  { rule: 'button.parameter_required', template: order, sent: () => orderSend().filter((c) => c.sub_type !== 'copy_code'), path: 'components' },
  { rule: 'button.parameter_required', template: auth, sent: () => authSend().slice(0, 1), path: 'components' },
  { rule: 'button.parameter_unexpected', template: order, sent: () => [...orderSend(), { type: 'button', sub_type: 'url', index: '4', parameters: [{ type: 'text', text: 'x' }] }], path: 'components[5]' },
  { rule: 'button.parameter_unexpected', template: order, sent: () => [...orderSend(), { type: 'button', sub_type: 'phone_number', index: '3', parameters: [] }], path: 'components[5]' },
  { rule: 'button.sub_type_mismatch', template: order, sent: () => change(orderSend, (c) => { c[3]!.sub_type = 'quick_reply'; }), path: 'components[3].sub_type' },
  { rule: 'button.parameter_count', template: order, sent: () => change(orderSend, (c) => { c[3]!.parameters.push({ type: 'text', text: 'b' }); }), path: 'components[3].parameters' },
  { rule: 'header.rendered_length', template: order, sent: () => change(orderSend, (c) => { c[0]!.parameters[0].text = 'x'.repeat(55); }), path: 'components' },
  { rule: 'body.rendered_length', template: order, sent: () => change(orderSend, (c) => { c[1]!.parameters[0].text = 'x'.repeat(1000); }), path: 'components' },
];

describe('renderTemplate: one failing example per mismatch rule', () => {
  it('accepts the unchanged sends', () => {
    for (const [template, sent] of [[order, orderSend()], [named, namedSend()], [auth, authSend()]] as const) {
      expect(mismatchesOf(template, sent)).toEqual([]);
    }
  });

  it.each(cases)('$rule at $path', ({ rule, template, sent, path }) => {
    expect(mismatchesOf(template, sent())).toEqual([[path, rule]]);
  });

  it('has a case for every rule the renderer can report', () => {
    const source = readFileSync(new URL('render-template.ts', import.meta.url), 'utf8');
    const literal = [...source.matchAll(/'([a-z_]+\.[a-z_]+)'/g)].map((m) => m[1]!);
    const perPart = [...source.matchAll(/`\$\{kind\}\.([a-z_]+)`/g)].flatMap((m) => [`header.${m[1]}`, `body.${m[1]}`]);
    const tested = new Set(cases.map((c) => c.rule));
    // A header has at most one variable, so its names cannot be unknown or repeated without a count mismatch first.
    const unreachable = new Set(['header.parameter_name_unknown', 'header.parameter_name_duplicate']);
    expect([...new Set([...literal, ...perPart])].filter((r) => !tested.has(r) && !unreachable.has(r)).sort()).toEqual([]);
  });

  it('allows a long text parameter when the body is the only component (32768), not otherwise (1024)', () => {
    const long = (n: number) => [{ type: 'body', parameters: [{ type: 'text', text: 'x'.repeat(n) }] }];
    expect(mismatchesOf(bodyOnly('Hello {{1}}, welcome.'), long(1025))).toEqual([['components', 'body.rendered_length']]);
    expect(mismatchesOf(bodyOnly('Hello {{1}}, welcome.'), long(32769))).toEqual([['components[0].parameters[0].text', 'parameter.text_length']]);
  });

  it('reports count mismatches with the expected and given counts', () => {
    const result = renderTemplate(order, orderSend().slice(1));
    expect(!result.ok && result.mismatches[0]).toMatchObject({ rule: 'header.parameter_count', expected: 1, given: 0 });
  });
});
