// Turns Meta's nested webhook envelope (§3.3–§3.6) into a flat list of events the platform
// consumes. Every entry, change and item is visited; an item of an unexpected shape becomes an
// `unknown` event instead of failing the whole delivery, because Meta adds fields and types over time.

import type { AsyncError } from './types.ts';
import type {
  Conversation, DeliveryStatus, InboundMessage, InboundMessageType, Pricing, QualityScore,
  TemplateRejectionReason, TemplateStatusEvent, UserPreference, WebhookContact,
} from './webhook-types.ts';

export type StatusEvent = {
  kind: 'status';
  phoneNumberId: string;
  wabaId: string;
  wamid: string;
  status: DeliveryStatus;
  timestamp: Date;
  recipientId?: string;
  errors?: AsyncError[];
  pricing?: Pricing;
  conversation?: Conversation;
  bizOpaqueCallbackData?: string;
};

export type MessageEvent = {
  kind: 'message';
  phoneNumberId: string;
  wabaId: string;
  wamid: string;
  from?: string;
  profileName?: string;
  timestamp: Date;
  type: InboundMessageType | (string & {});
  message: InboundMessage;
};

/** `value.errors[]` of the messages field: app- or system-level problems not tied to one message. */
export type SystemErrorEvent = { kind: 'system_error'; phoneNumberId: string; wabaId: string; errors: AsyncError[] };

export type TemplateStatusUpdateEvent = {
  kind: 'template_status';
  wabaId: string;
  templateId: string;
  name: string;
  language: string;
  event: TemplateStatusEvent | (string & {});
  category?: string;
  reason?: TemplateRejectionReason | (string & {});
  rejectionInfo?: { reason: string; recommendation?: string };
  otherInfo?: { title: string; description?: string };
  disableDate?: string;
  time?: Date;
};

export type TemplateQualityEvent = {
  kind: 'template_quality';
  wabaId: string;
  templateId: string;
  name: string;
  language: string;
  previousScore?: QualityScore;
  newScore: QualityScore;
  time?: Date;
};

export type TemplateCategoryEvent = {
  kind: 'template_category';
  wabaId: string;
  templateId: string;
  name: string;
  language: string;
  previousCategory?: string;
  newCategory: string;
  correctCategory?: string;
  time?: Date;
};

/** After an edit: the new body (`message_template_element`), header title, footer and buttons, as Meta sends them. */
export type TemplateComponentsEvent = {
  kind: 'template_components';
  wabaId: string;
  templateId: string;
  name: string;
  language: string;
  value: Record<string, unknown>;
  time?: Date;
};

export type PhoneNumberQualityEvent = {
  kind: 'phone_number_quality';
  wabaId: string;
  displayPhoneNumber: string;
  event: string;
  currentLimit?: string;
  oldLimit?: string;
  maxDailyConversationsPerBusiness?: string;
  time?: Date;
};

export type UserPreferencesEvent = {
  kind: 'user_preferences';
  phoneNumberId: string;
  wabaId: string;
  waId?: string;
  category: string;
  value: UserPreference['value'] | (string & {});
  detail?: string;
  timestamp: Date;
};

export type AccountUpdateEvent = {
  kind: 'account_update';
  wabaId: string;
  event: string;
  /** The raw value: violation_info, restriction_info, ban_info… depend on the event. */
  value: Record<string, unknown>;
  time?: Date;
};

export type UnknownEvent = { kind: 'unknown'; field: string; value: unknown; wabaId?: string };

export type WebhookEvent =
  | StatusEvent | MessageEvent | SystemErrorEvent | TemplateStatusUpdateEvent | TemplateQualityEvent
  | TemplateCategoryEvent | TemplateComponentsEvent | PhoneNumberQualityEvent | UserPreferencesEvent | AccountUpdateEvent | UnknownEvent;

export class WebhookPayloadError extends Error {
  override readonly name = 'WebhookPayloadError';
}

type Obj = Record<string, unknown>;

const STATUSES: readonly string[] = ['sent', 'delivered', 'read', 'played', 'failed', 'deleted'];

/** Throws WebhookPayloadError only when the envelope itself is not a WhatsApp Business Account webhook. */
export function parseWebhook(payload: unknown): WebhookEvent[] {
  if (!isObj(payload) || payload.object !== 'whatsapp_business_account' || !Array.isArray(payload.entry)) {
    throw new WebhookPayloadError("Not a WhatsApp webhook: expected object 'whatsapp_business_account' with an entry array");
  }
  const events: WebhookEvent[] = [];
  for (const entry of payload.entry) {
    if (!isObj(entry) || !Array.isArray(entry.changes)) {
      events.push({ kind: 'unknown', field: '(entry)', value: entry });
      continue;
    }
    const wabaId = String(entry.id ?? '');
    const time = typeof entry.time === 'number' ? fromSeconds(entry.time) : undefined;
    for (const change of entry.changes) {
      const field = isObj(change) && typeof change.field === 'string' ? change.field : '(change)';
      const value = isObj(change) ? change.value : change;
      events.push(...parseChange(field, value, wabaId, time));
    }
  }
  return events;
}

function parseChange(field: string, value: unknown, wabaId: string, time: Date | undefined): WebhookEvent[] {
  if (!isObj(value)) return [{ kind: 'unknown', field, value, wabaId }];
  switch (field) {
    case 'messages': return parseMessagesValue(value, wabaId);
    case 'user_preferences': return parseUserPreferences(value, wabaId);
    default: {
      const event = parseAccountField(field, value, wabaId, time);
      return [event ?? { kind: 'unknown', field, value, wabaId }];
    }
  }
}

function parseMessagesValue(value: Obj, wabaId: string): WebhookEvent[] {
  const phoneNumberId = metadataPhoneNumberId(value);
  if (!phoneNumberId) return [{ kind: 'unknown', field: 'messages', value, wabaId }];
  const contacts = Array.isArray(value.contacts) ? (value.contacts as WebhookContact[]) : [];
  const events: WebhookEvent[] = [];
  for (const item of arrayOf(value.statuses)) {
    events.push(parseStatus(item, phoneNumberId, wabaId) ?? { kind: 'unknown', field: 'messages.statuses', value: item, wabaId });
  }
  for (const item of arrayOf(value.messages)) {
    events.push(parseMessage(item, contacts, phoneNumberId, wabaId) ?? { kind: 'unknown', field: 'messages.messages', value: item, wabaId });
  }
  const errors = arrayOf(value.errors).filter(isAsyncError);
  if (errors.length > 0) events.push({ kind: 'system_error', phoneNumberId, wabaId, errors });
  if (events.length === 0) events.push({ kind: 'unknown', field: 'messages', value, wabaId });
  return events;
}

function parseStatus(item: unknown, phoneNumberId: string, wabaId: string): StatusEvent | null {
  if (!isObj(item) || typeof item.id !== 'string' || typeof item.status !== 'string') return null;
  if (!STATUSES.includes(item.status)) return null;
  const timestamp = parseTimestamp(item.timestamp);
  if (!timestamp) return null;
  const event: StatusEvent = {
    kind: 'status', phoneNumberId, wabaId, wamid: item.id, status: item.status as DeliveryStatus, timestamp,
  };
  if (typeof item.recipient_id === 'string') event.recipientId = item.recipient_id;
  const errors = arrayOf(item.errors).filter(isAsyncError);
  if (errors.length > 0) event.errors = errors;
  if (isObj(item.pricing)) event.pricing = item.pricing as Pricing;
  if (isObj(item.conversation)) event.conversation = item.conversation as Conversation;
  if (typeof item.biz_opaque_callback_data === 'string') event.bizOpaqueCallbackData = item.biz_opaque_callback_data;
  return event;
}

function parseMessage(item: unknown, contacts: WebhookContact[], phoneNumberId: string, wabaId: string): MessageEvent | null {
  if (!isObj(item) || typeof item.id !== 'string' || typeof item.type !== 'string') return null;
  const timestamp = parseTimestamp(item.timestamp);
  if (!timestamp) return null;
  const from = typeof item.from === 'string' ? item.from : undefined;
  const contact = contacts.find((c) => isObj(c) && from !== undefined && c.wa_id === from) ?? contacts[0];
  const profileName = isObj(contact) && isObj(contact.profile) && typeof contact.profile.name === 'string'
    ? contact.profile.name
    : undefined;
  return {
    kind: 'message', phoneNumberId, wabaId, wamid: item.id, from, profileName, timestamp,
    type: item.type, message: item as unknown as InboundMessage,
  };
}

function parseUserPreferences(value: Obj, wabaId: string): WebhookEvent[] {
  const phoneNumberId = metadataPhoneNumberId(value) ?? '';
  const events: WebhookEvent[] = [];
  for (const item of arrayOf(value.user_preferences)) {
    const timestamp = isObj(item) ? parseTimestamp(item.timestamp) : null;
    if (!isObj(item) || typeof item.value !== 'string' || !timestamp) {
      events.push({ kind: 'unknown', field: 'user_preferences', value: item, wabaId });
      continue;
    }
    events.push({
      kind: 'user_preferences', phoneNumberId, wabaId,
      waId: typeof item.wa_id === 'string' ? item.wa_id : undefined,
      category: typeof item.category === 'string' ? item.category : 'marketing_messages',
      value: item.value,
      detail: typeof item.detail === 'string' ? item.detail : undefined,
      timestamp,
    });
  }
  return events.length > 0 ? events : [{ kind: 'unknown', field: 'user_preferences', value, wabaId }];
}

function parseAccountField(field: string, v: Obj, wabaId: string, time: Date | undefined): WebhookEvent | null {
  const template = () => {
    if (v.message_template_id === undefined || typeof v.message_template_name !== 'string') return null;
    return {
      wabaId,
      templateId: String(v.message_template_id),
      name: v.message_template_name,
      language: normaliseLanguage(v.message_template_language),
      time,
    };
  };
  switch (field) {
    case 'message_template_status_update': {
      const base = template();
      if (!base || typeof v.event !== 'string') return null;
      return {
        kind: 'template_status', ...base, event: v.event,
        category: str(v.message_template_category),
        reason: str(v.reason),
        rejectionInfo: isObj(v.rejection_info) ? (v.rejection_info as TemplateStatusUpdateEvent['rejectionInfo']) : undefined,
        otherInfo: isObj(v.other_info) ? (v.other_info as TemplateStatusUpdateEvent['otherInfo']) : undefined,
        disableDate: isObj(v.disable_info) && v.disable_info.disable_date !== undefined ? String(v.disable_info.disable_date) : undefined,
      };
    }
    case 'message_template_quality_update': {
      const base = template();
      if (!base || typeof v.new_quality_score !== 'string') return null;
      return {
        kind: 'template_quality', ...base,
        previousScore: str(v.previous_quality_score) as QualityScore | undefined,
        newScore: v.new_quality_score as QualityScore,
      };
    }
    case 'template_category_update': {
      const base = template();
      if (!base || typeof v.new_category !== 'string') return null;
      return {
        kind: 'template_category', ...base, newCategory: v.new_category,
        previousCategory: str(v.previous_category), correctCategory: str(v.correct_category),
      };
    }
    case 'message_template_components_update': {
      const base = template();
      return base ? { kind: 'template_components', ...base, value: v } : null;
    }
    case 'phone_number_quality_update':
      if (typeof v.event !== 'string') return null;
      return {
        kind: 'phone_number_quality', wabaId, time, event: v.event,
        displayPhoneNumber: String(v.display_phone_number ?? ''),
        currentLimit: str(v.current_limit), oldLimit: str(v.old_limit),
        maxDailyConversationsPerBusiness: str(v.max_daily_conversations_per_business),
      };
    case 'account_update':
      if (typeof v.event !== 'string') return null;
      return { kind: 'account_update', wabaId, event: v.event, value: v, time };
    default:
      return null;
  }
}

/** Template webhooks sometimes write languages with a hyphen (en-US); REST uses en_US. */
export function normaliseLanguage(language: unknown): string {
  return typeof language === 'string' ? language.replace(/-/g, '_') : '';
}

/** Message and status timestamps are Unix-seconds strings; account webhooks use integers. */
function parseTimestamp(raw: unknown): Date | null {
  const seconds = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : NaN;
  return Number.isFinite(seconds) ? fromSeconds(seconds) : null;
}

function fromSeconds(seconds: number): Date {
  return new Date(seconds * 1000);
}

function metadataPhoneNumberId(value: Obj): string | undefined {
  const metadata = value.metadata;
  if (!isObj(metadata) || metadata.phone_number_id === undefined) return undefined;
  return String(metadata.phone_number_id);
}

function isAsyncError(item: unknown): item is AsyncError {
  return isObj(item) && typeof item.code === 'number';
}

function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
