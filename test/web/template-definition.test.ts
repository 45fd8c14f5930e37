import { describe, expect, it } from 'vitest';
import { validateTemplate } from '../../src/templates/validate-template.ts';
import { emptyDraft, fromTemplate, messagesByField, newButton, toDefinition, type ButtonDraft, type Draft } from '../../web/src/views/templates/definition.ts';

// The dashboard's template builder: what its form sends is Meta's create body, which the platform's validator
// accepts for every component type; the validator's paths come back to the form's fields; a stored template
// reads back into the same form.

const base = (patch: Partial<Draft> = {}): Draft => ({
  ...emptyDraft(), name: 'order_update', body: { text: 'Hello {{1}}, your order is on its way to you today.', examples: { 1: 'Ana' }, securityRecommendation: true }, ...patch,
});
const button = (type: ButtonDraft['type'], patch: Partial<ButtonDraft> = {}): ButtonDraft => ({ ...newButton(type), ...patch });
const violationsOf = (d: Draft) => validateTemplate(toDefinition(d).definition);
const fieldsOf = (d: Draft) => {
  const { definition, index } = toDefinition(d);
  return [...messagesByField(validateTemplate(definition), index).keys()];
};

describe('template builder definition', () => {
  it.each([
    ['a text header with a variable', base({ header: { format: 'TEXT', text: 'For {{1}}', example: 'Ana', handle: '' } })],
    ['an image header', base({ header: { format: 'IMAGE', text: '', example: '', handle: '4::aW1hZ2U=:ARb' } })],
    ['a video header', base({ header: { format: 'VIDEO', text: '', example: '', handle: '4::dmlkZW8=:ARb' } })],
    ['a document header', base({ header: { format: 'DOCUMENT', text: '', example: '', handle: '4::ZG9j:ARb' } })],
    ['a location header', base({ header: { format: 'LOCATION', text: '', example: '', handle: '' } })],
    ['a footer and every marketing button', base({
      footer: { text: 'Petal Florist', codeExpiration: '' },
      buttons: [
        button('QUICK_REPLY', { text: 'Stop promotions' }),
        button('URL', { text: 'Track', url: 'https://shop.example.com/track/{{1}}', example: 'https://shop.example.com/track/A1' }),
        button('PHONE_NUMBER', { text: 'Call us', phone: '+15550001111' }),
        button('COPY_CODE', { example: 'SPRING10' }),
        button('FLOW', { text: 'Book', flowId: '1234567890', flowAction: 'navigate', navigateScreen: 'WELCOME' }),
      ],
    })],
    ['named variables', base({ parameterFormat: 'NAMED', body: { text: 'Hello {{first_name}}, your order is on its way today.', examples: { first_name: 'Ana' }, securityRecommendation: true } })],
    ['an authentication template with a one-tap OTP button', base({
      category: 'AUTHENTICATION', footer: { text: '', codeExpiration: '10' },
      buttons: [button('OTP', { otpType: 'ONE_TAP', packageName: 'com.example.app', signatureHash: 'K8a/AINcGX7' })],
    })],
  ])('sends a body the validator accepts: %s', (_name, draft) => {
    expect(violationsOf(draft)).toEqual([]);
  });

  it('puts each violation on the field it concerns', () => {
    expect(fieldsOf(base({ body: { text: '{{1}} is the start of this body text here.', examples: { 1: 'Ana' }, securityRecommendation: true } }))).toEqual(['body-text']);
    expect(fieldsOf(base({ body: { text: 'Hello {{1}}, your order is on its way today.', examples: {}, securityRecommendation: true } }))).toEqual(['body-examples']);
    expect(fieldsOf(base({ name: 'Order Update' }))).toEqual(['tpl-name']);
    expect(fieldsOf(base({ header: { format: 'TEXT', text: 'For {{1}}', example: '', handle: '' } }))).toEqual(['header-example']);
    expect(fieldsOf(base({ buttons: [button('QUICK_REPLY'), button('URL', { text: 'Go', url: 'https://a.example.com/{{1}}' })] }))).toEqual(['btn-0-text', 'btn-1-example']);
    expect(fieldsOf(base({ category: 'AUTHENTICATION' }))).toEqual(['buttons']);
  });

  it('reads a stored template back into the form', () => {
    const draft = base({
      header: { format: 'TEXT', text: 'For {{1}}', example: 'Ana', handle: '' },
      footer: { text: 'Petal Florist', codeExpiration: '' },
      buttons: [button('URL', { text: 'Track', url: 'https://shop.example.com/t/{{1}}', example: 'https://shop.example.com/t/A1' })],
    });
    const again = fromTemplate(toDefinition(draft).definition as Parameters<typeof fromTemplate>[0]);
    expect(toDefinition(again).definition).toEqual(toDefinition(draft).definition);
  });
});
