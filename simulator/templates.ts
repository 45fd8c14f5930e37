// Template rules the simulator applies: the stored form of a created template (§4.1–4.2) and the
// send-time checks of §1.8 (132000, 132001, 132012, 132015, 132016). The review is in template-review.ts.

import type { CreateTemplateRequest, TemplateComponent, TemplateCategory } from '../src/whatsapp/account-types.ts';
import type { TemplateParameter, TemplateSendObject } from '../src/whatsapp/types.ts';
import type { SimTemplate, SimWaba } from './state.ts';

export const HELLO_WORLD_BODY =
  'Hello World! Thanks for choosing our service. This is a test message from your WhatsApp Business account.';

export function helloWorld(wabaId: string, id: string): SimTemplate {
  return {
    id, waba_id: wabaId, created_at: Date.now(), name: 'hello_world', language: 'en_US', status: 'APPROVED',
    category: 'UTILITY', parameter_format: 'POSITIONAL',
    components: [{ type: 'BODY', text: HELLO_WORLD_BODY }],
  };
}

/** The stored form: authentication templates get Meta's preset body and a URL button for the OTP. */
export function newTemplate(wabaId: string, id: string, req: CreateTemplateRequest): SimTemplate {
  let components = req.components;
  if (req.category === 'AUTHENTICATION') {
    components = req.components.map((c): TemplateComponent => {
      if (c.type === 'BODY') {
        const tail = c.add_security_recommendation ? ' For your security, do not share this code.' : '';
        return { type: 'BODY', text: `*{{1}}* is your verification code.${tail}` };
      }
      if (c.type === 'BUTTONS') {
        return {
          type: 'BUTTONS',
          buttons: c.buttons.map((b) => b.type === 'OTP'
            ? { type: 'URL', text: typeof b.text === 'string' ? b.text : 'Copy code', url: 'https://www.whatsapp.com/otp/code/?otp_type=COPY_CODE&code=otp{{1}}' }
            : b),
        };
      }
      return c;
    });
  }
  return {
    id, waba_id: wabaId, created_at: Date.now(), name: req.name, language: req.language, status: 'PENDING',
    category: req.category as TemplateCategory, parameter_format: req.parameter_format ?? 'POSITIONAL', components,
    allow_category_change: req.allow_category_change === true, pause_count: 0, edits: [],
  };
}

export type SendProblem = { code: 132000 | 132001 | 132012 | 132015 | 132016; details: string };

/** Finds the template a send refers to and checks its parameters against it. */
export function checkTemplateSend(waba: SimWaba, send: TemplateSendObject): { template: SimTemplate } | SendProblem {
  const template = [...waba.templates.values()].find((t) => t.name === send.name && t.language === send.language.code);
  if (!template) return { code: 132001, details: `template name (${send.name}) does not exist in ${send.language.code}` };
  if (template.status === 'PAUSED') return { code: 132015, details: `Template ${send.name} is paused.` };
  if (template.status === 'DISABLED') return { code: 132016, details: `Template ${send.name} is disabled.` };
  if (template.status !== 'APPROVED') return { code: 132001, details: `template name (${send.name}) is not approved in ${send.language.code}` };

  const named = template.parameter_format === 'NAMED';
  const components = send.components ?? [];
  for (const part of ['header', 'body'] as const) {
    const expected = variablesOf(part === 'body' ? bodyText(template) : headerText(template));
    const given = components.filter((c) => c.type === part).flatMap((c) => c.parameters ?? []);
    const textual = given.filter(isTextual);
    if (textual.some((p) => (p.parameter_name !== undefined) !== named)) {
      return { code: 132012, details: `${part}: parameters must be ${named ? 'named' : 'positional'} as the template was created.` };
    }
    const mediaHeader = part === 'header' && headerIsMedia(template);
    const expectedCount = mediaHeader ? 1 : expected.length;
    if (given.length !== expectedCount) {
      return { code: 132000, details: `${part}: number of localizable_params (${given.length}) does not match the expected number of params (${expectedCount})` };
    }
    if (named && !mediaHeader) {
      const names = new Set(textual.map((p) => p.parameter_name));
      if (expected.some((name) => !names.has(name))) return { code: 132000, details: `${part}: named parameters do not match the template.` };
    }
  }
  const buttons = template.components.find((c) => c.type === 'BUTTONS');
  const buttonList = buttons?.type === 'BUTTONS' ? buttons.buttons : [];
  for (const [index, button] of buttonList.entries()) {
    if (button.type !== 'URL' || typeof button.url !== 'string' || variablesOf(button.url).length === 0) continue;
    const given = components.find((c) => c.type === 'button' && Number(c.index) === index);
    if (!given || (given.parameters ?? []).length !== 1) {
      return { code: 132000, details: `button ${index}: the dynamic URL needs one parameter.` };
    }
  }
  return { template };
}

export function bodyText(template: SimTemplate): string {
  const body = template.components.find((c) => c.type === 'BODY');
  return body && typeof body.text === 'string' ? body.text : '';
}

function headerText(template: SimTemplate): string {
  const header = template.components.find((c) => c.type === 'HEADER');
  return header?.type === 'HEADER' && header.format === 'TEXT' && typeof header.text === 'string' ? header.text : '';
}

function headerIsMedia(template: SimTemplate): boolean {
  const header = template.components.find((c) => c.type === 'HEADER');
  return header?.type === 'HEADER' && ['IMAGE', 'VIDEO', 'DOCUMENT', 'LOCATION', 'GIF'].includes(header.format);
}

function isTextual(p: TemplateParameter): p is Extract<TemplateParameter, { parameter_name?: string }> {
  return p.type === 'text' || p.type === 'currency' || p.type === 'date_time';
}

/** The names (or numbers) inside {{…}}, in order of appearance. */
export function variablesOf(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([^{}\s]+)\s*\}\}/g)].map((m) => m[1] ?? '');
}
