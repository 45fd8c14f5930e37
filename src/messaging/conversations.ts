import type { MessageRow } from './store.ts';
import { explainFailure } from './error-reasons.ts';
import { WINDOW_MS } from './window.ts';
import type { ConversationRow } from './conversations-store.ts';

const PREVIEW_MAX = 160;

/**
 * What a message says, in one line for the inbox: the text, a template as the customer read it, a caption, a
 * button's title — or the kind of message in brackets when it has no words.
 */
export function previewOf(m: Pick<MessageRow, 'type' | 'content' | 'rendered_text'>): string {
  const text = messageText(m) ?? `[${m.type}]`;
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > PREVIEW_MAX ? `${line.slice(0, PREVIEW_MAX - 1)}…` : line;
}

/** The words of a message, whole; null for one without words (a sticker, a contact card). */
export function messageText(m: Pick<MessageRow, 'type' | 'content' | 'rendered_text'>): string | null {
  if (m.type === 'template') return m.rendered_text ?? str(at(m.content, 'template', 'name'));
  const body = at(m.content, m.type);
  switch (m.type) {
    case 'text': return str(at(body, 'body'));
    case 'image': case 'video': case 'audio': case 'sticker': return str(at(body, 'caption'));
    case 'document': return str(at(body, 'caption')) ?? str(at(body, 'filename'));
    case 'location': return str(at(body, 'name')) ?? str(at(body, 'address'));
    case 'reaction': return str(at(body, 'emoji'));
    case 'button': return str(at(body, 'text'));
    case 'interactive':
      // Outbound: what the business asked; inbound: what the customer picked.
      return str(at(body, 'body', 'text')) ?? str(at(body, 'button_reply', 'title')) ?? str(at(body, 'list_reply', 'title'));
    default: return null;
  }
}

function at(value: unknown, ...path: string[]): unknown {
  let v = value;
  for (const key of path) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
  return v;
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** A row of the inbox. The window is the last one the customer opened, on whichever number they wrote to. */
export function conversationView(r: ConversationRow, now: Date) {
  const expires = r.last_inbound_at ? new Date(r.last_inbound_at.getTime() + WINDOW_MS) : null;
  return {
    contact: { id: r.contact_id, phone: r.phone_e164, name: r.name },
    last_message: {
      id: r.last_message.id, direction: r.last_message.direction, type: r.last_message.type, text: previewOf(r.last_message),
      status: r.last_message.status, phone_number_id: r.last_message.phone_number_id, at: r.last_message.created_at,
    },
    unanswered_count: r.unanswered,
    last_inbound_at: r.last_inbound_at,
    window_expires_at: expires,
    window_open: expires !== null && expires.getTime() > now.getTime(),
    window_phone_number_id: r.window_phone_number_id,
  };
}

/** A message in a contact's thread: its status as ticks, and why it failed in plain words. */
export function threadMessageView(m: MessageRow) {
  return {
    id: m.id, direction: m.direction, type: m.type, text: messageText(m), content: m.content, rendered_text: m.rendered_text,
    status: m.status, phone_number_id: m.phone_number_id, error: m.error, failure_reason: explainFailure(m.status, m.error),
    created_at: m.created_at, updated_at: m.updated_at,
  };
}
