// Management shapes: templates (§4), phone numbers (§5.1) and media (§7).

export type TemplateCategory = 'MARKETING' | 'UTILITY' | 'AUTHENTICATION';
export type TemplateParameterFormat = 'POSITIONAL' | 'NAMED';
export type TemplateStatus =
  | 'APPROVED' | 'PENDING' | 'REJECTED' | 'PAUSED' | 'DISABLED' | 'IN_APPEAL'
  | 'PENDING_DELETION' | 'DELETED' | 'LIMIT_EXCEEDED' | 'ARCHIVED';

export type TemplateButton =
  | { type: 'QUICK_REPLY'; text: string }
  | { type: 'URL'; text: string; url: string; example?: string[] }
  | { type: 'PHONE_NUMBER'; text: string; phone_number: string }
  | { type: 'COPY_CODE'; example: string }
  | { type: 'OTP'; otp_type: 'COPY_CODE' | 'ONE_TAP' | 'ZERO_TAP'; text?: string; supported_apps?: { package_name: string; signature_hash: string }[] }
  | { type: 'FLOW'; text: string; flow_id?: string; flow_action?: string; navigate_screen?: string }
  | { type: string; text?: string; [key: string]: unknown };

export type NamedParamExample = { param_name: string; example: string };

export type TemplateComponent =
  | {
      type: 'HEADER';
      format: 'TEXT' | 'IMAGE' | 'VIDEO' | 'DOCUMENT' | 'LOCATION' | 'GIF';
      text?: string;
      example?: { header_text?: string[]; header_text_named_params?: NamedParamExample[]; header_handle?: string[] };
    }
  | {
      type: 'BODY';
      text?: string;
      add_security_recommendation?: boolean;
      example?: { body_text?: string[][]; body_text_named_params?: NamedParamExample[] };
    }
  | { type: 'FOOTER'; text?: string; code_expiration_minutes?: number }
  | { type: 'BUTTONS'; buttons: TemplateButton[] };

export type CreateTemplateRequest = {
  name: string;
  language: string;
  category: TemplateCategory;
  parameter_format?: TemplateParameterFormat;
  components: TemplateComponent[];
  allow_category_change?: boolean;
  message_send_ttl_seconds?: number;
};

/** `POST /{template-id}` (§4.4): the components replace all of them; category only while not approved. */
export type EditTemplateRequest = {
  components: TemplateComponent[];
  category?: TemplateCategory;
  parameter_format?: TemplateParameterFormat;
  message_send_ttl_seconds?: number;
};

export type CreateTemplateResponse = { id: string; status: TemplateStatus; category: TemplateCategory };

export type TemplateQuality = { score: 'GREEN' | 'YELLOW' | 'RED' | 'UNKNOWN'; date?: number; reasons?: string[] };

/** A template as the list/get endpoints return it; which fields appear depends on `fields`. */
export type MessageTemplate = {
  id: string;
  name: string;
  language: string;
  status: TemplateStatus;
  category: TemplateCategory;
  components: TemplateComponent[];
  parameter_format?: TemplateParameterFormat;
  sub_category?: string;
  previous_category?: string;
  quality_score?: TemplateQuality;
  rejected_reason?: string;
};

export type Paging = {
  cursors?: { before?: string; after?: string };
  next?: string;
  previous?: string;
};

export type ListResponse<T> = { data: T[]; paging?: Paging };

export type ListTemplatesParams = {
  fields?: string;
  limit?: number;
  status?: TemplateStatus;
  category?: TemplateCategory;
  language?: string;
  name?: string;
};

export type QualityRating = 'GREEN' | 'YELLOW' | 'RED' | 'NA' | 'UNKNOWN';
export type ThroughputLevel = 'STANDARD' | 'HIGH' | 'NOT_APPLICABLE';

export type PhoneNumberInfo = {
  id: string;
  display_phone_number?: string;
  verified_name?: string;
  quality_rating?: QualityRating;
  code_verification_status?: 'VERIFIED' | 'NOT_VERIFIED' | 'EXPIRED';
  name_status?: string;
  platform_type?: 'CLOUD_API' | 'ON_PREMISE' | 'NOT_APPLICABLE';
  throughput?: { level: ThroughputLevel };
  account_mode?: 'LIVE' | 'SANDBOX';
  status?: string;
  is_official_business_account?: boolean;
  whatsapp_business_manager_messaging_limit?: string;
  last_onboarded_time?: string;
};

export type UploadMediaInput = { bytes: Uint8Array; mimeType: string; filename: string };

export type UploadMediaResponse = { id: string };

export type MediaInfo = {
  messaging_product: 'whatsapp';
  url: string;
  mime_type: string;
  sha256: string;
  /** A string in Meta's examples; some SDKs type it as a number. */
  file_size: string | number;
  id: string;
};

export type DownloadedMedia = { bytes: Buffer; mimeType: string };
