// Meta's webhook payloads (§3). Inbound payloads come from outside, so every field a newer
// API version might drop (wa_id, from with usernames) is optional and parsers must check shapes.

import type { AsyncError, ContactCard } from './types.ts';

export type WebhookEnvelope = {
  object: 'whatsapp_business_account';
  entry: WebhookEntry[];
};

export type WebhookEntry = {
  /** The WABA id. */
  id: string;
  /** Unix seconds; present on template, account and phone-number fields. */
  time?: number;
  changes: WebhookChange[];
};

export type WebhookChange =
  | { field: 'messages'; value: MessagesValue }
  | { field: 'message_template_status_update'; value: TemplateStatusValue }
  | { field: 'message_template_quality_update'; value: TemplateQualityValue }
  | { field: 'template_category_update'; value: TemplateCategoryValue }
  | { field: 'message_template_components_update'; value: TemplateComponentsValue }
  | { field: 'phone_number_quality_update'; value: PhoneNumberQualityValue }
  | { field: 'user_preferences'; value: UserPreferencesValue }
  | { field: 'account_update'; value: AccountUpdateValue };

export type WebhookMetadata = { display_phone_number: string; phone_number_id: string };

export type WebhookContact = { profile?: { name?: string }; wa_id?: string; user_id?: string };

export type MessagesValue = {
  messaging_product: 'whatsapp';
  metadata: WebhookMetadata;
  contacts?: WebhookContact[];
  messages?: InboundMessage[];
  statuses?: StatusObject[];
  errors?: AsyncError[];
};

export type InboundMessageType =
  | 'text' | 'image' | 'video' | 'audio' | 'document' | 'sticker' | 'location' | 'contacts'
  | 'interactive' | 'button' | 'reaction' | 'order' | 'system' | 'unsupported' | 'unknown'
  | 'revoke' | 'edit' | 'request_welcome';

export type InboundMedia = {
  id: string;
  mime_type: string;
  sha256?: string;
  caption?: string;
  filename?: string;
  voice?: boolean;
  animated?: boolean;
  url?: string;
};

export type InboundContext = {
  from?: string;
  id?: string;
  forwarded?: boolean;
  frequently_forwarded?: boolean;
  referred_product?: { catalog_id: string; product_retailer_id: string };
};

export type Referral = {
  source_url?: string;
  source_id?: string;
  source_type?: 'ad' | 'post';
  headline?: string;
  body?: string;
  media_type?: string;
  image_url?: string;
  video_url?: string;
  thumbnail_url?: string;
  ctwa_clid?: string;
};

export type InboundInteractive =
  | { type: 'button_reply'; button_reply: { id: string; title: string } }
  | { type: 'list_reply'; list_reply: { id: string; title: string; description?: string } }
  | { type: 'nfm_reply'; nfm_reply: { name?: string; body?: string; response_json: string } };

/** One inbound message (§3.4). `from` may be missing for users who enabled usernames. */
export type InboundMessage = {
  from?: string;
  from_user_id?: string;
  id: string;
  timestamp: string;
  type: InboundMessageType;
  context?: InboundContext;
  referral?: Referral;
  errors?: AsyncError[];
  text?: { body: string };
  image?: InboundMedia;
  video?: InboundMedia;
  audio?: InboundMedia;
  document?: InboundMedia;
  sticker?: InboundMedia;
  location?: { latitude: number; longitude: number; name?: string; address?: string; url?: string };
  contacts?: ContactCard[];
  interactive?: InboundInteractive;
  button?: { text: string; payload: string };
  reaction?: { message_id: string; emoji?: string };
  order?: {
    catalog_id: string;
    text?: string;
    product_items: { product_retailer_id: string; quantity: number; item_price: number; currency: string }[];
  };
  system?: { body?: string; type?: string; wa_id?: string; customer?: string };
  revoke?: { original_message_id: string };
  edit?: { original_message_id: string; message?: Record<string, unknown> };
};

// `deleted` is an On-Premises-era status that Cloud API is not known to send for business messages [?]; accepted if it comes.
export type DeliveryStatus = 'sent' | 'delivered' | 'read' | 'played' | 'failed' | 'deleted';

export type PricingCategory =
  | 'marketing' | 'utility' | 'authentication' | 'authentication_international'
  | 'service' | 'referral_conversion' | 'marketing_lite';

export type Pricing = {
  billable?: boolean;
  pricing_model: 'CBP' | 'PMP';
  type?: 'regular' | 'free_customer_service' | 'free_entry_point';
  category: PricingCategory | (string & {});
};

export type Conversation = {
  id: string;
  expiration_timestamp?: string;
  origin: { type: string };
};

/** One status update of an outbound message (§3.5). `failed` carries errors and no pricing. */
export type StatusObject = {
  id: string;
  status: DeliveryStatus;
  timestamp: string;
  recipient_id?: string;
  recipient_user_id?: string;
  biz_opaque_callback_data?: string;
  conversation?: Conversation;
  pricing?: Pricing;
  errors?: AsyncError[];
};

export type TemplateStatusEvent =
  | 'APPROVED' | 'REJECTED' | 'PENDING' | 'PAUSED' | 'DISABLED' | 'FLAGGED' | 'REINSTATED'
  | 'IN_APPEAL' | 'PENDING_DELETION' | 'DELETED' | 'LIMIT_EXCEEDED' | 'LOCKED' | 'ARCHIVED' | 'UNARCHIVED';

export type TemplateRejectionReason =
  | 'NONE' | 'PROMOTIONAL' | 'ABUSIVE_CONTENT' | 'INCORRECT_CATEGORY' | 'INVALID_FORMAT' | 'SCAM'
  | 'TAG_CONTENT_MISMATCH';

export type TemplateStatusValue = {
  event: TemplateStatusEvent;
  /** An integer in webhooks; the REST API uses strings. */
  message_template_id: number | string;
  message_template_name: string;
  message_template_language: string;
  message_template_category?: string;
  reason?: TemplateRejectionReason | null;
  rejection_info?: { reason: string; recommendation?: string };
  disable_info?: { disable_date: number | string };
  other_info?: { title: string; description?: string };
};

export type QualityScore = 'GREEN' | 'YELLOW' | 'RED' | 'UNKNOWN';

export type TemplateQualityValue = {
  message_template_id: number | string;
  message_template_name: string;
  message_template_language: string;
  previous_quality_score?: QualityScore;
  new_quality_score: QualityScore;
};

export type TemplateCategoryValue = {
  message_template_id: number | string;
  message_template_name: string;
  message_template_language: string;
  previous_category?: string;
  new_category: string;
  correct_category?: string;
  category_update_timestamp?: number;
};

/** Sent after an edit (§3.6): the new texts; fields of components the template lacks are absent. */
export type TemplateComponentsValue = {
  message_template_id: number | string;
  message_template_name: string;
  message_template_language: string;
  message_template_element?: string;
  message_template_title?: string;
  message_template_footer?: string;
  message_template_buttons?: { message_template_button_type: string; message_template_button_text: string; message_template_button_url?: string; message_template_button_phone_number?: string }[];
};

export type MessagingLimitTier =
  | 'TIER_50' | 'TIER_250' | 'TIER_1K' | 'TIER_2K' | 'TIER_10K' | 'TIER_100K' | 'TIER_UNLIMITED' | 'TIER_NOT_SET';

export type PhoneNumberQualityValue = {
  display_phone_number: string;
  event: 'FLAGGED' | 'UNFLAGGED' | 'UPGRADE' | 'DOWNGRADE' | 'ONBOARDING' | 'THROUGHPUT_UPGRADE' | (string & {});
  old_limit?: MessagingLimitTier;
  current_limit?: MessagingLimitTier;
  max_daily_conversations_per_business?: MessagingLimitTier;
};

export type UserPreference = {
  wa_id?: string;
  user_id?: string;
  detail?: string;
  category: 'marketing_messages';
  value: 'stop' | 'resume' | 'signup';
  timestamp: number;
};

export type UserPreferencesValue = {
  messaging_product: 'whatsapp';
  metadata: WebhookMetadata;
  contacts?: WebhookContact[];
  user_preferences: UserPreference[];
};

export type AccountUpdateValue = {
  event: string;
  phone_number?: string;
  violation_info?: { violation_type: string };
  restriction_info?: { restriction_type: string; expiration?: number }[];
  ban_info?: { waba_ban_state: string; waba_ban_date?: string };
  volume_tier_info?: Record<string, unknown>;
  [key: string]: unknown;
};
