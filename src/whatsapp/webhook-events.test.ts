import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseWebhook, WebhookPayloadError } from './webhook-events.ts';

const WABA = '102290129340398';
const PHONE = '106540352242922';
const metadata = { display_phone_number: '15550783881', phone_number_id: PHONE };

const statusChange = (statuses: unknown[]) => ({
  field: 'messages',
  value: { messaging_product: 'whatsapp', metadata, contacts: [{ profile: { name: 'Sheena Nelson' }, wa_id: '16505551234' }], statuses },
});

describe('parseWebhook', () => {
  it('flattens every entry, change and item', () => {
    const payload = {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: WABA,
          changes: [
            statusChange([
              {
                id: 'wamid.A', status: 'sent', timestamp: '1750263773', recipient_id: '16505551234',
                biz_opaque_callback_data: 'order-123',
                conversation: { id: '7270432eae37', expiration_timestamp: '1750350180', origin: { type: 'utility' } },
                pricing: { billable: true, pricing_model: 'PMP', type: 'regular', category: 'utility' },
              },
              // Read without delivered: Meta skips delivered when both happen at once.
              { id: 'wamid.B', status: 'read', timestamp: '1750263780', recipient_id: '16505551234' },
            ]),
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp', metadata,
                contacts: [{ profile: { name: 'Sheena Nelson' }, wa_id: '16505551234' }],
                messages: [{ from: '16505551234', id: 'wamid.IN1', timestamp: '1750263790', type: 'text', text: { body: 'STOP' } }],
              },
            },
          ],
        },
        {
          id: '999',
          changes: [statusChange([{
            id: 'wamid.C', status: 'failed', timestamp: '1750263800', recipient_id: '447700900123',
            errors: [{ code: 131026, title: 'Message undeliverable', message: 'Message undeliverable', error_data: { details: 'Message Undeliverable.' } }],
          }])],
        },
      ],
    };
    const events = parseWebhook(payload);
    expect(events.map((e) => e.kind)).toEqual(['status', 'status', 'message', 'status']);
    expect(events[0]).toEqual({
      kind: 'status', phoneNumberId: PHONE, wabaId: WABA, wamid: 'wamid.A', status: 'sent',
      timestamp: new Date(1750263773 * 1000), recipientId: '16505551234', bizOpaqueCallbackData: 'order-123',
      conversation: { id: '7270432eae37', expiration_timestamp: '1750350180', origin: { type: 'utility' } },
      pricing: { billable: true, pricing_model: 'PMP', type: 'regular', category: 'utility' },
    });
    expect(events[1]).toMatchObject({ kind: 'status', wamid: 'wamid.B', status: 'read' });
    expect(events[2]).toMatchObject({
      kind: 'message', wamid: 'wamid.IN1', from: '16505551234', profileName: 'Sheena Nelson', type: 'text',
      timestamp: new Date(1750263790 * 1000), message: { text: { body: 'STOP' } },
    });
    expect(events[3]).toMatchObject({
      kind: 'status', wabaId: '999', status: 'failed',
      errors: [{ code: 131026, title: 'Message undeliverable', error_data: { details: 'Message Undeliverable.' } }],
    });
    expect(events[3]).not.toHaveProperty('pricing');
  });

  it('keeps a message whose sender uses a username (no from, no wa_id)', () => {
    const [event] = parseWebhook({
      object: 'whatsapp_business_account',
      entry: [{ id: WABA, changes: [{ field: 'messages', value: {
        messaging_product: 'whatsapp', metadata, contacts: [{ profile: { name: 'Ana' }, user_id: 'US.13491208655302741918' }],
        messages: [{ from_user_id: 'US.13491208655302741918', id: 'wamid.U', timestamp: '1750263790', type: 'interactive',
          interactive: { type: 'button_reply', button_reply: { id: 'yes_123', title: 'Yes' } } }],
      } }] }],
    });
    expect(event).toMatchObject({ kind: 'message', from: undefined, profileName: 'Ana', type: 'interactive' });
  });

  it('parses template, quality, number, preference and account events', () => {
    const events = parseWebhook({
      object: 'whatsapp_business_account',
      entry: [{
        id: WABA, time: 1751247548,
        changes: [
          { field: 'message_template_status_update', value: {
            event: 'REJECTED', message_template_id: 1689556908129835, message_template_name: 'abandoned_cart',
            message_template_language: 'en-US', message_template_category: 'MARKETING', reason: 'INVALID_FORMAT',
            rejection_info: { reason: 'Two parameters are adjacent with no text between them.', recommendation: 'Separate parameters with descriptive text.' },
          } },
          { field: 'message_template_quality_update', value: {
            message_template_id: 42, message_template_name: 'promo', message_template_language: 'pt_BR',
            previous_quality_score: 'GREEN', new_quality_score: 'YELLOW',
          } },
          { field: 'phone_number_quality_update', value: {
            display_phone_number: '15550783881', event: 'UPGRADE', old_limit: 'TIER_250', current_limit: 'TIER_2K',
            max_daily_conversations_per_business: 'TIER_2K',
          } },
          { field: 'user_preferences', value: {
            messaging_product: 'whatsapp', metadata, contacts: [{ profile: { name: 'Ana' }, wa_id: '16505551234' }],
            user_preferences: [{ wa_id: '16505551234', detail: 'User requested to stop marketing messages',
              category: 'marketing_messages', value: 'stop', timestamp: 1731705721 }],
          } },
          { field: 'account_update', value: { event: 'ACCOUNT_RESTRICTION',
            restriction_info: [{ restriction_type: 'RESTRICTED_BIZ_INITIATED_MESSAGING', expiration: 1752000000 }] } },
          { field: 'flows', value: { event: 'FLOW_STATUS_CHANGE' } },
        ],
      }],
    });
    expect(events[0]).toEqual({
      kind: 'template_status', wabaId: WABA, templateId: '1689556908129835', name: 'abandoned_cart', language: 'en_US',
      event: 'REJECTED', category: 'MARKETING', reason: 'INVALID_FORMAT',
      rejectionInfo: { reason: 'Two parameters are adjacent with no text between them.', recommendation: 'Separate parameters with descriptive text.' },
      otherInfo: undefined, disableDate: undefined, time: new Date(1751247548 * 1000),
    });
    expect(events[1]).toMatchObject({ kind: 'template_quality', templateId: '42', previousScore: 'GREEN', newScore: 'YELLOW' });
    expect(events[2]).toMatchObject({ kind: 'phone_number_quality', displayPhoneNumber: '15550783881', event: 'UPGRADE', currentLimit: 'TIER_2K', oldLimit: 'TIER_250' });
    expect(events[3]).toMatchObject({ kind: 'user_preferences', phoneNumberId: PHONE, waId: '16505551234', value: 'stop', timestamp: new Date(1731705721 * 1000) });
    expect(events[4]).toMatchObject({ kind: 'account_update', event: 'ACCOUNT_RESTRICTION' });
    expect(events[5]).toEqual({ kind: 'unknown', field: 'flows', value: { event: 'FLOW_STATUS_CHANGE' }, wabaId: WABA });
  });

  it('turns malformed items into unknown events instead of throwing', () => {
    const events = parseWebhook({
      object: 'whatsapp_business_account',
      entry: [
        null,
        { id: WABA, changes: [
          statusChange([{ id: 'wamid.X', status: 'vanished', timestamp: '1' }, { status: 'sent' }, 'junk', { id: 'wamid.Y', status: 'sent', timestamp: 'soon' }]),
          { field: 'messages', value: { messaging_product: 'whatsapp' } },
          { field: 'messages', value: { messaging_product: 'whatsapp', metadata, errors: [{ code: 131000, title: 'Something went wrong' }] } },
          42,
        ] },
      ],
    });
    expect(events.map((e) => e.kind)).toEqual(['unknown', 'unknown', 'unknown', 'unknown', 'unknown', 'unknown', 'system_error', 'unknown']);
  });

  it('throws a clear error for anything that is not a WhatsApp Business Account webhook', () => {
    for (const bad of [null, 'x', {}, { object: 'page', entry: [] }, { object: 'whatsapp_business_account' }, { object: 'whatsapp_business_account', entry: {} }]) {
      expect(() => parseWebhook(bad)).toThrow(WebhookPayloadError);
    }
    expect(parseWebhook({ object: 'whatsapp_business_account', entry: [] })).toEqual([]);
  });

  it('never throws on arbitrary entries inside a valid envelope', () => {
    fc.assert(fc.property(fc.array(fc.anything()), (entry) => {
      expect(() => parseWebhook({ object: 'whatsapp_business_account', entry })).not.toThrow();
    }));
    fc.assert(fc.property(fc.array(fc.record({ field: fc.constantFrom('messages', 'user_preferences', 'message_template_status_update', 'account_update'), value: fc.anything() })), (changes) => {
      expect(() => parseWebhook({ object: 'whatsapp_business_account', entry: [{ id: WABA, changes }] })).not.toThrow();
    }));
  });
});
