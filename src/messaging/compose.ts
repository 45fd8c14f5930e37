import type { Deps } from '../deps.ts';
import type { MediaPayload, MediaResolver } from '../media/resolve-media.ts';
import { AppError } from '../lib/app-error.ts';
import { renderTemplate } from '../templates/render-template.ts';
import type { TemplateRow } from '../templates/store.ts';
import { notSendableMessage } from '../templates/template-events.ts';
import { PRIORITY, priorityOf } from './priority.ts';
import type { SendMessageInput } from './send-message.ts';
import type { Sender } from './store.ts';
import { isWindowOpen } from './window.ts';

export type WamidResolver = (ref: string) => Promise<string | null>;

const MEDIA_TYPES: string[] = ['image', 'video', 'audio', 'document', 'sticker'];

export function chooseSender(senders: Sender[], from: string | undefined): Sender {
  if (from) {
    if (senders.length === 0) throw new AppError('not_found', { message: 'No such sender phone number.', details: [{ path: 'body.from' }] });
    return senders[0]!;
  }
  if (senders.length === 0) throw new AppError('no_phone_number');
  if (senders.length > 1) throw new AppError('phone_number_required');
  return senders[0]!;
}

/**
 * The content to store and send, its template and its priority; refuses what Meta would refuse. `resolveWamid`
 * turns a message reference (our id or a wamid) into the wamid Meta needs, for replies and reactions.
 */
export async function compose(
  deps: Deps, input: SendMessageInput, template: TemplateRow | null, lastInboundAt: Date | null,
  resolveWamid: WamidResolver, resolveMedia: MediaResolver,
) {
  const reply = input.context ? { context: { message_id: await wamidOf(resolveWamid, input.context.message_id, 'body.context.message_id') } } : {};
  if (input.type === 'template') {
    const checked = composeTemplate(input, template);
    return { ...checked, content: { template: await withTemplateMedia(input.template!, resolveMedia), ...reply } };
  }
  // Anything but a template is only allowed inside the 24-hour customer-service window (Meta error 131047).
  // AUP 3.3: not circumventing WhatsApp's rules — Meta refuses these too (131047), the platform refuses first.
  if (!isWindowOpen(lastInboundAt, deps.clock.now())) throw new AppError('outside_customer_service_window', { policyClause: '3.3' });
  let payload = input[input.type];
  if (input.type === 'reaction') {
    const reaction = payload as { message_id: string; emoji: string };
    payload = { ...reaction, message_id: await wamidOf(resolveWamid, reaction.message_id, 'body.reaction.message_id') };
  }
  if (MEDIA_TYPES.includes(input.type)) payload = await resolveMedia(input.type, payload as MediaPayload, `body.${input.type}`);
  if (input.type === 'interactive') {
    const header = (payload as { header?: Record<string, MediaPayload | string> }).header;
    const kind = typeof header?.['type'] === 'string' ? header['type'] : 'text';
    if (header && kind !== 'text' && typeof header[kind] === 'object') {
      payload = { ...(payload as object), header: { ...header, [kind]: await resolveMedia(kind, header[kind] as MediaPayload, `body.interactive.header.${kind}`) } };
    }
  }
  return { content: { [input.type]: payload, ...reply }, templateId: null, templateCategory: null, priority: PRIORITY.service, renderedText: null };
}

function composeTemplate(input: SendMessageInput, template: TemplateRow | null) {
  const { name, language, components } = input.template!;
  if (!template || template.status !== 'APPROVED') {
    throw new AppError('template_not_approved', {
      policyClause: '3.3',
      message: template
        ? notSendableMessage(name, language.code, template.status)
        : `No template "${name}" in language ${language.code} on this WhatsApp account.`,
    });
  }
  // Count, order, names and types of the parameters, as Meta checks them (132000, 132012, 132005), and the
  // text the customer will see, kept with the message.
  const result = renderTemplate(template, components ?? []);
  if (!result.ok) {
    throw new AppError('template_parameters_mismatch', {
      details: result.mismatches.map((m) => ({ path: `body.template.${m.path}`, rule: m.rule, message: m.message })),
    });
  }
  return { templateId: template.id, templateCategory: template.category, priority: priorityOf(template.category), renderedText: result.rendered.text };
}

/** Media parameters of a template (a header image, video or document) go through the same resolver as media messages. */
async function withTemplateMedia(template: NonNullable<SendMessageInput['template']>, resolveMedia: MediaResolver) {
  const components = await Promise.all((template.components ?? []).map(async (component, c) => ({
    ...component,
    ...(component.parameters ? {
      parameters: await Promise.all(component.parameters.map(async (parameter, p) => {
        const kind = parameter.type;
        const media = (parameter as Record<string, unknown>)[kind];
        if (!MEDIA_TYPES.includes(kind) || typeof media !== 'object' || media === null) return parameter;
        return { ...parameter, [kind]: await resolveMedia(kind, media as MediaPayload, `body.template.components[${c}].parameters[${p}].${kind}`) };
      })),
    } : {}),
  })));
  return template.components ? { ...template, components } : template;
}

/** Replies and reactions name a message by our id or its wamid; Meta needs the wamid. */
async function wamidOf(resolveWamid: WamidResolver, ref: string, path: string): Promise<string> {
  const wamid = await resolveWamid(ref);
  if (!wamid) throw new AppError('not_found', { message: 'No such message to reply or react to (or it has no WhatsApp id yet).', details: [{ path }] });
  return wamid;
}
