// Generators of valid template definitions (Meta's create body) and of the send-time parameters that fit them,
// shared by the validator's property tests and the validator–simulator agreement test.
import fc from 'fast-check';

export type T = Record<string, any>;

const word = fc.stringMatching(/^[A-Za-z]{1,8}$/);
const words = (min: number, max: number) => fc.array(word, { minLength: min, maxLength: max });
const name = fc.stringMatching(/^[a-z_]{1,12}$/);
const sample = fc.stringMatching(/^[A-Za-z0-9]{1,10}$/);
export const spec = fc.record({
  name: fc.stringMatching(/^[a-z0-9_]{1,40}$/), language: fc.constantFrom('en', 'en_US', 'pt_BR', 'es_MX', 'de'),
  category: fc.constantFrom('MARKETING', 'UTILITY'), named: fc.boolean(),
  header: fc.oneof(fc.constant(null), fc.record({ format: fc.constant('TEXT'), words: words(1, 4), variable: fc.boolean(), key: name, value: sample }),
    fc.record({ format: fc.constantFrom('IMAGE', 'VIDEO', 'DOCUMENT', 'LOCATION') })),
  body: fc.record({ variables: fc.uniqueArray(fc.record({ key: name, value: sample }), { maxLength: 4, selector: (v) => v.key }),
    lead: words(3, 3), between: fc.array(words(3, 3), { minLength: 3, maxLength: 3 }), trail: words(3, 4) }),
  footer: fc.option(words(1, 4), { nil: null }),
  quickReplies: fc.array(word, { maxLength: 3 }), quickRepliesFirst: fc.boolean(),
  urls: fc.array(fc.record({ path: word, dynamic: fc.boolean(), suffix: sample }), { maxLength: 2 }),
  phone: fc.boolean(), copyCode: fc.option(sample, { nil: null }), flow: fc.boolean(),
});
export type Spec = typeof spec extends fc.Arbitrary<infer S> ? S : never;

const key = (s: Spec, i: number) => (s.named ? s.body.variables[i]!.key : String(i + 1));
export const bodyText = (s: Spec) => [s.body.lead.join(' '), ...s.body.variables.flatMap((_, i) => [`{{${key(s, i)}}}`, i < s.body.variables.length - 1 ? s.body.between[i]!.join(' ') : '']),
  s.body.trail.join(' ') + '.'].filter((p) => p !== '').join(' ');
const namedOr = (s: Spec, positional: unknown, named: unknown) => (s.named ? named : positional);

export function build(s: Spec): T {
  const components: T[] = [];
  const h = s.header;
  if (h?.format === 'TEXT') {
    const hk = s.named ? h.key : '1';
    components.push({ type: 'HEADER', format: 'TEXT', text: h.words.join(' ') + (h.variable ? ` {{${hk}}}` : ''),
      ...(h.variable ? { example: namedOr(s, { header_text: [h.value] }, { header_text_named_params: [{ param_name: hk, example: h.value }] }) } : {}) });
  } else if (h) components.push({ type: 'HEADER', format: h.format, ...(h.format === 'LOCATION' ? {} : { example: { header_handle: ['4::aGVsbG8=:ARb'] } }) });
  const vars = s.body.variables;
  components.push({ type: 'BODY', text: bodyText(s), ...(vars.length > 0 ? { example: namedOr(s, { body_text: [vars.map((v) => v.value)] },
    { body_text_named_params: vars.map((v) => ({ param_name: v.key, example: v.value })) }) } : {}) });
  if (s.footer) components.push({ type: 'FOOTER', text: s.footer.join(' ') });
  const quick = s.quickReplies.map((text) => ({ type: 'QUICK_REPLY', text }));
  const others: T[] = [
    ...s.urls.map((u) => ({ type: 'URL', text: u.path, url: `https://shop.example/${u.path}/${u.dynamic ? '{{1}}' : ''}`,
      ...(u.dynamic ? { example: [`https://shop.example/${u.path}/${u.suffix}`] } : {}) })),
    ...(s.phone ? [{ type: 'PHONE_NUMBER', text: 'Call us', phone_number: '+15550001111' }] : []),
    ...(s.copyCode && s.category === 'MARKETING' ? [{ type: 'COPY_CODE', example: s.copyCode }] : []),
    ...(s.flow ? [{ type: 'FLOW', text: 'Book', flow_id: '1' }] : []),
  ];
  const buttons = s.quickRepliesFirst ? [...quick, ...others] : [...others, ...quick];
  if (buttons.length > 0) components.push({ type: 'BUTTONS', buttons });
  return { name: s.name, language: s.language, category: s.category, ...(s.named ? { parameter_format: 'NAMED' } : {}), components };
}

/** The send-time parameters that fit the built template. */
export function parametersFor(s: Spec, t: T): T[] {
  const sent: T[] = [];
  const h = s.header;
  const named = (k: string) => (s.named ? { parameter_name: k } : {});
  if (h?.format === 'TEXT') { if (h.variable) sent.push({ type: 'header', parameters: [{ type: 'text', text: h.value, ...named(h.key) }] }); }
  else if (h?.format === 'LOCATION') sent.push({ type: 'header', parameters: [{ type: 'location', location: { latitude: 1.5, longitude: 2.5 } }] });
  else if (h) { const kind = h.format.toLowerCase(); sent.push({ type: 'header', parameters: [{ type: kind, [kind]: { id: '123' } }] }); }
  if (s.body.variables.length > 0) sent.push({ type: 'body', parameters: s.body.variables.map((v) => ({ type: 'text', text: v.value, ...named(v.key) })) });
  const buttons: T[] = t.components.find((c: T) => c.type === 'BUTTONS')?.buttons ?? [];
  buttons.forEach((b, index) => {
    if (b.type === 'URL' && b.example) sent.push({ type: 'button', sub_type: 'url', index: String(index), parameters: [{ type: 'text', text: 'sfx' }] });
    if (b.type === 'COPY_CODE') sent.push({ type: 'button', sub_type: 'copy_code', index: String(index), parameters: [{ type: 'coupon_code', coupon_code: b.example }] });
  });
  return sent;
}
