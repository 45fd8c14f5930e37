// Builders for the webhook envelopes the simulator emits (§3.3–§3.6), one envelope per event.

import type {
  InboundMessage, StatusObject, TemplateStatusValue, UserPreference, WebhookChange, WebhookEnvelope, WebhookMetadata,
} from '../src/whatsapp/webhook-types.ts';
import { newWamid, unixSeconds } from './ids.ts';
import type { SimPhoneNumber } from './state.ts';

export function envelope(wabaId: string, change: WebhookChange, withTime = false): WebhookEnvelope {
  const entry = withTime
    ? { id: wabaId, time: Math.floor(Date.now() / 1000), changes: [change] }
    : { id: wabaId, changes: [change] };
  return { object: 'whatsapp_business_account', entry: [entry] };
}

/** Webhook metadata uses the display number's digits only. */
export function metadataOf(number: SimPhoneNumber): WebhookMetadata {
  return { display_phone_number: number.display_phone_number.replace(/\D/g, ''), phone_number_id: number.id };
}

export function profileName(digits: string): string {
  return `Customer ${digits.slice(-4)}`;
}

export function statusWebhook(number: SimPhoneNumber, status: StatusObject): WebhookEnvelope {
  const value = {
    messaging_product: 'whatsapp' as const,
    metadata: metadataOf(number),
    // Meta may leave contacts out of failed statuses (§3.3).
    ...(status.status !== 'failed' && status.recipient_id
      ? { contacts: [{ profile: { name: profileName(status.recipient_id) }, wa_id: status.recipient_id }] }
      : {}),
    statuses: [status],
  };
  return envelope(number.waba_id, { field: 'messages', value });
}

export function inboundWebhook(number: SimPhoneNumber, message: InboundMessage, from: string): WebhookEnvelope {
  return envelope(number.waba_id, {
    field: 'messages',
    value: {
      messaging_product: 'whatsapp',
      metadata: metadataOf(number),
      contacts: [{ profile: { name: profileName(from) }, wa_id: from }],
      messages: [message],
    },
  });
}

export function templateStatusWebhook(wabaId: string, value: TemplateStatusValue): WebhookEnvelope {
  return envelope(wabaId, { field: 'message_template_status_update', value }, true);
}

export function userPreferencesWebhook(number: SimPhoneNumber, digits: string, value: 'stop' | 'resume'): WebhookEnvelope {
  const preference: UserPreference = {
    wa_id: digits,
    detail: value === 'stop' ? 'User requested to stop marketing messages' : 'User requested to resume marketing messages',
    category: 'marketing_messages',
    value,
    timestamp: Math.floor(Date.now() / 1000),
  };
  return envelope(number.waba_id, {
    field: 'user_preferences',
    value: {
      messaging_product: 'whatsapp',
      metadata: metadataOf(number),
      contacts: [{ profile: { name: profileName(digits) }, wa_id: digits }],
      user_preferences: [preference],
    },
  });
}

/** The same change as a `system` message in the messages field (Meta's user_preference_changed). */
export function preferenceChangedMessage(digits: string, value: 'stop' | 'resume'): InboundMessage {
  return {
    from: digits, id: newWamid(digits), timestamp: unixSeconds(), type: 'system',
    system: {
      body: value === 'stop' ? 'User requested to stop marketing messages' : 'User requested to resume marketing messages',
      marketing: value, type: 'user_preference_changed',
    },
  } as unknown as InboundMessage;
}
