import { describe, expect, it } from 'vitest';
import { conversationView, messageText, previewOf } from './conversations.ts';

const m = (type: string, content: Record<string, unknown>, rendered_text: string | null = null) => ({ type, content, rendered_text });

describe('what a message says in the inbox', () => {
  it('takes the words of each kind of message', () => {
    expect(messageText(m('text', { text: { body: 'Hi there' } }))).toBe('Hi there');
    expect(messageText(m('template', { template: { name: 'hello_world' } }, 'Hello World'))).toBe('Hello World');
    expect(messageText(m('template', { template: { name: 'hello_world' } }))).toBe('hello_world');
    expect(messageText(m('image', { image: { id: 'med_1', caption: 'Receipt' } }))).toBe('Receipt');
    expect(messageText(m('document', { document: { id: 'med_1', filename: 'invoice.pdf' } }))).toBe('invoice.pdf');
    expect(messageText(m('interactive', { interactive: { type: 'button', body: { text: 'Confirm?' } } }))).toBe('Confirm?');
    expect(messageText(m('interactive', { interactive: { type: 'button_reply', button_reply: { id: 'yes', title: 'Yes' } } }))).toBe('Yes');
    expect(messageText(m('button', { button: { text: 'Stop promotions', payload: 'stop' } }))).toBe('Stop promotions');
    expect(messageText(m('reaction', { reaction: { emoji: '👍' } }))).toBe('👍');
    expect(messageText(m('sticker', { sticker: { id: 'x' } }))).toBeNull();
    expect(messageText(m('text', {}))).toBeNull(); // an erased message keeps no content
  });

  it('previews in one line of at most 160 characters, or the kind in brackets', () => {
    expect(previewOf(m('text', { text: { body: 'line one\n\nline   two' } }))).toBe('line one line two');
    const long = previewOf(m('text', { text: { body: 'x'.repeat(500) } }));
    expect(long).toHaveLength(160);
    expect(long.endsWith('…')).toBe(true);
    expect(previewOf(m('sticker', { sticker: { id: 'x' } }))).toBe('[sticker]');
    expect(previewOf(m('unsupported', { unsupported: 5 }))).toBe('[unsupported]');
  });

  it('opens the window for 24 hours from the customer\'s last message', () => {
    const row = {
      contact_id: 'ct_1', phone_e164: '+12025550100', name: null, unanswered: 1, window_phone_number_id: 'pn_1',
      last_inbound_at: new Date('2026-11-26T10:00:00Z'),
      last_message: { id: 'msg_1', direction: 'inbound' as const, type: 'text', content: { text: { body: 'hi' } }, rendered_text: null, status: 'received', phone_number_id: 'pn_1', created_at: new Date('2026-11-26T10:00:00Z') },
    };
    expect(conversationView(row, new Date('2026-11-27T09:59:59Z'))).toMatchObject({ window_expires_at: new Date('2026-11-27T10:00:00Z'), window_open: true });
    expect(conversationView(row, new Date('2026-11-27T10:00:00Z')).window_open).toBe(false);
    expect(conversationView({ ...row, last_inbound_at: null }, new Date()).window_expires_at).toBeNull();
  });
});
