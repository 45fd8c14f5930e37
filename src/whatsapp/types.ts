// Meta's Cloud API send contract: request bodies, responses and error envelopes.
// Shapes follow ../shared/whatsapp-cloud-api.md §1–§2; field names are Meta's (snake_case) on purpose.

export type MessageType =
  | 'text' | 'image' | 'video' | 'audio' | 'document' | 'sticker'
  | 'location' | 'contacts' | 'interactive' | 'template' | 'reaction';

export const MESSAGE_TYPES: readonly MessageType[] = [
  'text', 'image', 'video', 'audio', 'document', 'sticker',
  'location', 'contacts', 'interactive', 'template', 'reaction',
];

export type MediaKind = 'image' | 'video' | 'audio' | 'document' | 'sticker';

/** Exactly one of `id` (uploaded media) or `link` (public URL). */
export type MediaObject = {
  id?: string;
  link?: string;
  caption?: string;   // image, video, document only
  filename?: string;  // document only
  voice?: boolean;    // audio only: a voice note
};

export type TextObject = { body: string; preview_url?: boolean };

export type LocationObject = {
  latitude: number | string;
  longitude: number | string;
  name?: string;
  address?: string;
};

export type ContactCard = {
  name: { formatted_name: string; first_name?: string; last_name?: string; middle_name?: string; suffix?: string; prefix?: string };
  phones?: { phone?: string; type?: string; wa_id?: string }[];
  emails?: { email?: string; type?: string }[];
  org?: { company?: string; department?: string; title?: string };
  urls?: { url?: string; type?: string }[];
  addresses?: {
    street?: string; city?: string; state?: string; zip?: string;
    country?: string; country_code?: string; type?: string;
  }[];
  birthday?: string;
};

export type ReactionObject = { message_id: string; emoji: string };

export type InteractiveHeader =
  | { type: 'text'; text: string }
  | { type: 'image'; image: MediaObject }
  | { type: 'video'; video: MediaObject }
  | { type: 'document'; document: MediaObject };

export type ReplyButton = { type: 'reply'; reply: { id: string; title: string } };
export type ListRow = { id: string; title: string; description?: string };
export type ListSection = { title?: string; rows: ListRow[] };

type InteractiveCommon = { header?: InteractiveHeader; body?: { text: string }; footer?: { text: string } };

export type InteractiveObject =
  | (InteractiveCommon & { type: 'button'; body: { text: string }; action: { buttons: ReplyButton[] } })
  | (InteractiveCommon & { type: 'list'; body: { text: string }; action: { button: string; sections: ListSection[] } })
  | (InteractiveCommon & {
      type: 'cta_url';
      body: { text: string };
      action: { name: 'cta_url'; parameters: { display_text: string; url: string } };
    })
  | (InteractiveCommon & {
      type: 'flow';
      body: { text: string };
      action: {
        name: 'flow';
        parameters: {
          flow_message_version: '3';
          flow_id?: string;
          flow_name?: string;
          flow_cta: string;
          flow_token?: string;
          mode?: 'draft' | 'published';
          flow_action?: 'navigate' | 'data_exchange';
          flow_action_payload?: { screen: string; data?: Record<string, unknown> };
        };
      };
    });

export type CurrencyParameter = { fallback_value: string; code: string; amount_1000: number };
export type DateTimeParameter = { fallback_value: string };

/** A template parameter. `parameter_name` is set only for templates created with parameter_format NAMED. */
export type TemplateParameter =
  | { type: 'text'; text: string; parameter_name?: string }
  | { type: 'currency'; currency: CurrencyParameter; parameter_name?: string }
  | { type: 'date_time'; date_time: DateTimeParameter; parameter_name?: string }
  | { type: 'image'; image: MediaObject }
  | { type: 'video'; video: MediaObject }
  | { type: 'document'; document: MediaObject }
  | { type: 'location'; location: LocationObject }
  | { type: 'payload'; payload: string }
  | { type: 'coupon_code'; coupon_code: string }
  | { type: 'action'; action: Record<string, unknown> };

export type TemplateButtonSubType = 'quick_reply' | 'url' | 'copy_code' | 'flow' | 'catalog' | 'mpm' | 'voice_call';

export type TemplateSendComponent =
  | { type: 'header'; parameters: TemplateParameter[] }
  | { type: 'body'; parameters: TemplateParameter[] }
  | { type: 'button'; sub_type: TemplateButtonSubType; index: string | number; parameters: TemplateParameter[] };

export type TemplateSendObject = {
  name: string;
  language: { code: string; policy?: 'deterministic' };
  components?: TemplateSendComponent[];
};

type SendCommon = {
  messaging_product: 'whatsapp';
  recipient_type?: 'individual' | 'group';
  to: string;
  context?: { message_id: string };
  /** Echoed back in status webhooks; at most 512 characters. */
  biz_opaque_callback_data?: string;
};

export type SendMessageRequest = SendCommon & (
  | { type: 'text'; text: TextObject }
  | { type: 'image'; image: MediaObject }
  | { type: 'video'; video: MediaObject }
  | { type: 'audio'; audio: MediaObject }
  | { type: 'document'; document: MediaObject }
  | { type: 'sticker'; sticker: MediaObject }
  | { type: 'location'; location: LocationObject }
  | { type: 'contacts'; contacts: ContactCard[] }
  | { type: 'interactive'; interactive: InteractiveObject }
  | { type: 'template'; template: TemplateSendObject }
  | { type: 'reaction'; reaction: ReactionObject }
);

export type MessageStatusOnAccept = 'accepted' | 'held_for_quality_assessment' | 'paused';

export type SendMessageResponse = {
  messaging_product: 'whatsapp';
  contacts: { input: string; wa_id?: string; user_id?: string }[];
  messages: { id: string; message_status?: MessageStatusOnAccept }[];
};

/** Mark-as-read, optionally showing a typing indicator (same endpoint as sends). */
export type MarkReadRequest = {
  messaging_product: 'whatsapp';
  status: 'read';
  message_id: string;
  typing_indicator?: { type: 'text' };
};

export type SuccessResponse = { success: boolean };

/** Graph API error envelope of a non-2xx response (§2.1). */
export type GraphErrorEnvelope = {
  error: {
    message: string;
    type: string;
    code: number;
    error_subcode?: number;
    /** An object for messaging errors; a plain string for some template-management errors. */
    error_data?: { messaging_product?: 'whatsapp'; details?: string } | string;
    error_user_title?: string;
    error_user_msg?: string;
    is_transient?: boolean;
    fbtrace_id?: string;
  };
};

/** Error object inside webhooks: statuses[].errors[], value.errors[], messages[].errors[] (§2.2). */
export type AsyncError = {
  code: number;
  title?: string;
  message?: string;
  error_data?: { details?: string };
  href?: string;
};
