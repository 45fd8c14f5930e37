// Synchronous validation of a send body (§1.1–§1.8, limits in §1.11). Returns the first problem
// as Meta would report it: 100 (invalid parameter), 131008 (missing) or 131009 (invalid value).

import { MESSAGE_TYPES, type MessageType } from '../src/whatsapp/types.ts';

export type Violation = { code: 100 | 131008 | 131009; details: string };

type Obj = Record<string, unknown>;

const missing = (field: string): Violation => ({ code: 131008, details: `The parameter ${field} is required.` });
const invalid = (field: string, why: string): Violation => ({ code: 131009, details: `Parameter ${field} is invalid: ${why}` });

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const tooLong = (v: unknown, max: number) => isStr(v) && [...v].length > max;

export function validateSendBody(body: unknown): Violation | null {
  if (!isObj(body)) return { code: 100, details: 'The request body must be a JSON object.' };
  if (body.messaging_product === undefined) return missing('messaging_product');
  if (body.messaging_product !== 'whatsapp') return { code: 100, details: "messaging_product must be 'whatsapp'." };
  if (body.recipient_type !== undefined && body.recipient_type !== 'individual' && body.recipient_type !== 'group') {
    return invalid('recipient_type', "expected 'individual' or 'group'.");
  }
  if (body.to === undefined || body.to === '') return missing('to');
  if (!isStr(body.to) || digits(body.to).length < 7 || digits(body.to).length > 15) return invalid('to', 'not a phone number.');
  const type = body.type ?? 'text';
  if (!isStr(type) || !MESSAGE_TYPES.includes(type as MessageType)) {
    return { code: 100, details: `Invalid parameter type: '${String(type)}' is not a supported message type.` };
  }
  if (body.biz_opaque_callback_data !== undefined && (!isStr(body.biz_opaque_callback_data) || tooLong(body.biz_opaque_callback_data, 512))) {
    return invalid('biz_opaque_callback_data', 'at most 512 characters.');
  }
  if (body.context !== undefined && (!isObj(body.context) || !isStr(body.context.message_id))) {
    return invalid('context', 'context.message_id must be a message id.');
  }
  const payload = body[type];
  if (payload === undefined) return missing(type);
  return validatePayload(type as MessageType, payload);
}

function validatePayload(type: MessageType, p: unknown): Violation | null {
  switch (type) {
    case 'text':
      if (!isObj(p) || p.body === undefined) return missing('text.body');
      if (!isStr(p.body) || p.body.length === 0) return invalid('text.body', 'must be a non-empty string.');
      return tooLong(p.body, 4096) ? invalid('text.body', 'at most 4096 characters.') : null;
    case 'image': case 'video': case 'audio': case 'document': case 'sticker':
      return validateMedia(type, p);
    case 'location':
      if (!isObj(p)) return missing('location');
      if (p.latitude === undefined || p.longitude === undefined) return missing('location.latitude/longitude');
      return !isCoordinate(p.latitude, 90) || !isCoordinate(p.longitude, 180) ? invalid('location', 'bad coordinates.') : null;
    case 'contacts':
      if (!Array.isArray(p) || p.length < 1 || p.length > 5) return invalid('contacts', 'between 1 and 5 contacts.');
      return p.every((c) => isObj(c) && isObj(c.name) && isStr(c.name.formatted_name))
        ? null : missing('contacts.name.formatted_name');
    case 'reaction':
      if (!isObj(p) || !isStr(p.message_id)) return missing('reaction.message_id');
      if (!isStr(p.emoji)) return missing('reaction.emoji');
      return p.emoji !== '' && !isSingleEmoji(p.emoji) ? invalid('reaction.emoji', 'a single emoji or "".') : null;
    case 'template':
      if (!isObj(p) || !isStr(p.name) || p.name === '') return missing('template.name');
      if (!isObj(p.language) || !isStr(p.language.code)) return missing('template.language.code');
      if (p.components !== undefined && !Array.isArray(p.components)) return invalid('template.components', 'must be an array.');
      return null;
    case 'interactive':
      return validateInteractive(p);
  }
}

function validateMedia(type: string, p: unknown): Violation | null {
  if (!isObj(p)) return missing(type);
  const hasId = p.id !== undefined;
  const hasLink = p.link !== undefined;
  if (hasId === hasLink) return invalid(type, 'exactly one of id or link is required.');
  if (hasLink && (!isStr(p.link) || !/^https?:\/\//i.test(p.link))) return invalid(`${type}.link`, 'must be an http(s) URL.');
  if (p.caption !== undefined) {
    if (type === 'audio' || type === 'sticker') return invalid(`${type}.caption`, `${type} does not take a caption.`);
    if (tooLong(p.caption, 1024)) return invalid(`${type}.caption`, 'at most 1024 characters.');
  }
  return null;
}

function validateInteractive(p: unknown): Violation | null {
  if (!isObj(p) || !isStr(p.type)) return missing('interactive.type');
  if (!isObj(p.body) || !isStr(p.body.text)) return missing('interactive.body.text');
  if (tooLong(p.body.text, 1024)) return invalid('interactive.body.text', 'at most 1024 characters.');
  if (p.footer !== undefined && (!isObj(p.footer) || tooLong(p.footer.text, 60))) return invalid('interactive.footer.text', 'at most 60 characters.');
  if (isObj(p.header) && p.header.type === 'text' && tooLong(p.header.text, 60)) return invalid('interactive.header.text', 'at most 60 characters.');
  const action = p.action;
  if (!isObj(action)) return missing('interactive.action');
  switch (p.type) {
    case 'button': {
      const buttons = action.buttons;
      if (!Array.isArray(buttons) || buttons.length < 1 || buttons.length > 3) return invalid('interactive.action.buttons', 'between 1 and 3 buttons.');
      const ids = new Set<string>();
      const titles = new Set<string>();
      for (const b of buttons) {
        const reply = isObj(b) ? b.reply : undefined;
        if (!isObj(b) || b.type !== 'reply' || !isObj(reply) || !isStr(reply.id) || !isStr(reply.title)) return missing('interactive.action.buttons.reply');
        if (reply.title === '' || tooLong(reply.title, 20)) return invalid('button title', '1 to 20 characters.');
        if (tooLong(reply.id, 256) || reply.id.trim() !== reply.id) return invalid('button id', 'at most 256 characters, no surrounding spaces.');
        if (ids.has(reply.id) || titles.has(reply.title)) return invalid('interactive.action.buttons', 'ids and titles must be unique.');
        ids.add(reply.id);
        titles.add(reply.title);
      }
      return null;
    }
    case 'list': {
      if (!isStr(action.button) || action.button === '' || tooLong(action.button, 20)) return invalid('interactive.action.button', '1 to 20 characters.');
      const sections = action.sections;
      if (!Array.isArray(sections) || sections.length < 1 || sections.length > 10) return invalid('interactive.action.sections', 'between 1 and 10 sections.');
      let rows = 0;
      for (const s of sections) {
        if (!isObj(s) || !Array.isArray(s.rows)) return missing('interactive.action.sections.rows');
        if (sections.length > 1 && !isStr(s.title)) return missing('interactive.action.sections.title');
        if (tooLong(s.title, 24)) return invalid('section title', 'at most 24 characters.');
        for (const r of s.rows) {
          if (!isObj(r) || !isStr(r.id) || !isStr(r.title)) return missing('row id/title');
          if (tooLong(r.id, 200) || tooLong(r.title, 24) || tooLong(r.description, 72)) return invalid('row', 'id ≤ 200, title ≤ 24, description ≤ 72.');
          rows += 1;
        }
      }
      return rows < 1 || rows > 10 ? invalid('interactive.action.sections', 'between 1 and 10 rows in total.') : null;
    }
    case 'cta_url': {
      const params = action.parameters;
      if (!isObj(params) || !isStr(params.display_text) || !isStr(params.url)) return missing('interactive.action.parameters');
      if (tooLong(params.display_text, 20)) return invalid('display_text', 'at most 20 characters.');
      return /^https?:\/\//i.test(params.url) ? null : invalid('url', 'must be an http(s) URL.');
    }
    case 'flow': {
      const params = action.parameters;
      if (!isObj(params)) return missing('interactive.action.parameters');
      if (params.flow_message_version !== '3') return invalid('flow_message_version', "must be '3'.");
      if ((params.flow_id === undefined) === (params.flow_name === undefined)) return invalid('flow_id', 'exactly one of flow_id or flow_name.');
      if (!isStr(params.flow_cta) || tooLong(params.flow_cta, 20)) return invalid('flow_cta', '1 to 20 characters.');
      return null;
    }
    default:
      return { code: 100, details: `Invalid parameter interactive.type: '${p.type}'.` };
  }
}

function digits(s: string): string {
  return s.replace(/\D/g, '');
}

function isCoordinate(v: unknown, max: number): boolean {
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) && Math.abs(n) <= max;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

function isSingleEmoji(s: string): boolean {
  const graphemes = [...segmenter.segment(s)];
  return graphemes.length === 1 && /\p{Extended_Pictographic}|\p{Regional_Indicator}/u.test(s);
}
