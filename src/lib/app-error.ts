// Every error a client can see, with its HTTP status and a stable machine-readable code.
export const ERRORS = {
  validation_failed: { status: 400, message: 'The request is not valid.' },
  invalid_idempotency_key: { status: 400, message: 'Idempotency-Key must be 1 to 255 printable ASCII characters.' },
  invalid_phone_number: { status: 400, message: 'The phone number is not valid.' },
  template_parameters_mismatch: { status: 400, message: 'The template parameters do not match the template.' },
  unauthorized: { status: 401, message: 'A valid API key is required.' },
  invalid_credentials: { status: 401, message: 'The email or password is not correct.' },
  invalid_signature: { status: 401, message: 'X-Hub-Signature-256 does not match the body.' },
  insufficient_scope: { status: 403, message: 'The API key lacks the scope this action needs.' },
  csrf_failed: {
    status: 403,
    message: 'A change made with a dashboard session needs the X-CSRF-Token header: the csrf_token of GET /v1/session.',
  },
  account_suspended: { status: 403, message: 'This organization is suspended.' },
  ip_not_allowed: { status: 403, message: 'This API key may not be used from this address: it is outside the key\'s IP allow-list.' },
  account_restricted: {
    status: 403,
    message: 'This organization is restricted: its marketing messages are paused until its standing improves (GET /v1/account/standing).',
  },
  verification_failed: { status: 403, message: 'Verification token not recognised.' },
  not_found: { status: 404, message: 'Not found.' },
  conflict: { status: 409, message: 'The resource already exists.' },
  contact_already_exists: { status: 409, message: 'A contact with this phone number already exists; details.contact_id names it.' },
  attribute_in_use: { status: 409, message: 'Segments filter on this attribute: change or delete them first.' },
  idempotency_key_in_use: { status: 409, message: 'A request with this Idempotency-Key is still being processed; retry shortly.' },
  payload_too_large: { status: 413, message: 'The request body is too large.' },
  proof_of_work_required: { status: 400, message: 'A solved proof-of-work challenge is required: GET /v1/reports/challenge, then send pow_challenge and pow_counter.' },
  proof_of_work_invalid: { status: 403, message: 'The proof of work is not valid: details.reason says why; get a new challenge.' },
  rate_limited: { status: 429, message: 'Too many requests: a request budget is spent; retry after the Retry-After seconds.' },
  too_many_failed_authentications: {
    status: 429,
    message: 'Too many failed authentications from this address or for this key prefix: refused until the block ends (Retry-After).',
  },
  unsupported_media_type: { status: 415, message: 'The content type is not supported.' },
  file_not_utf8: { status: 415, message: 'The file must be UTF-8 text (a UTF-8 byte-order mark is fine).' },
  file_not_csv: { status: 415, message: 'The file is not CSV text.' },
  idempotency_key_reused: { status: 422, message: 'This Idempotency-Key was already used with a different request.' },
  phone_number_required: { status: 422, message: 'Name the sender with "from": this organization has several phone numbers.' },
  no_phone_number: { status: 422, message: 'This organization has no WhatsApp phone number connected yet.' },
  outside_customer_service_window: {
    status: 422,
    message: 'More than 24 hours have passed since this customer last wrote: only an approved template can be sent.',
  },
  consent_required: {
    status: 422,
    message: 'The contact has not opted in to messages of this kind: record their consent before sending a template.',
  },
  contact_opted_out: { status: 422, message: 'The contact opted out of messages of this kind.' },
  marketing_frequency_cap: {
    status: 422,
    message: 'This contact has already received the most marketing messages allowed in 24 hours.',
  },
  messaging_limit_reached: {
    status: 422,
    message: "The business has reached Meta's messaging limit: the most customers it may start conversations with in 24 hours.",
  },
  content_blocked: { status: 422, message: 'Content screening blocked the message: details lists the rules it matched.' },
  content_needs_review: { status: 422, message: 'Content screening holds this for a reviewer: details lists the rules it matched.' },
  template_not_approved: { status: 422, message: 'No approved template with that name and language.' },
  template_exists: { status: 409, message: 'A template with this name and language already exists on this WhatsApp account.' },
  template_not_submittable: { status: 409, message: 'Only a draft can be submitted; edit a submitted template instead.' },
  template_not_editable: { status: 409, message: 'The template cannot be edited in its current status, or not in this way.' },
  template_edit_limit_reached: {
    status: 422,
    message: 'An approved template can be edited once per 24 hours and 10 times per 30 days; details.next_allowed_at says when.',
  },
  template_not_deletable: { status: 409, message: 'Disabled templates cannot be deleted (Meta\'s rule).' },
  template_refused_by_meta: { status: 422, message: 'The Cloud API refused the template; details carry Meta\'s code, subcode and explanation.' },
  account_required: { status: 422, message: 'Name the WhatsApp account with "account_id": this organization has several.' },
  phone_change_not_allowed: {
    status: 422,
    message: 'The number of a contact with consent records or messages cannot change: create a new contact for the new number.',
  },
  tag_limit_exceeded: { status: 422, message: 'A contact would have more tags than allowed; nothing was changed.' },
  webhook_url_not_allowed: {
    status: 422,
    message: 'The webhook URL is not allowed: it must be http(s), without credentials, and reach a public address.',
  },
  webhook_endpoint_disabled: { status: 409, message: 'The webhook endpoint is disabled: enable it before replaying.' },
  replay_window_exceeded: { status: 422, message: 'Only events of the last 30 days can be replayed.' },
  media_rejected: { status: 422, message: 'The Cloud API refused the media.' },
  media_kind_mismatch: { status: 400, message: 'The media is not of the kind the message type needs.' },
  media_not_allowed: {
    status: 422,
    message: 'This file is not allowed: executables, scripts, macro-enabled documents and active web content are refused.',
  },
  media_type_mismatch: { status: 422, message: 'The file\'s bytes do not match the type it declares (its Content-Type or file name).' },
  media_malware_detected: { status: 422, message: 'The malware scanner found a threat in this file.' },
  link_not_allowed: { status: 400, message: 'The link points to an address that is not allowed.' },
  whatsapp_credentials_rejected: { status: 422, message: 'The Cloud API rejected the credentials.' },
  upstream_refused: { status: 502, message: 'The WhatsApp Cloud API refused the request.' },
  upstream_unavailable: { status: 502, message: 'The WhatsApp Cloud API could not be reached.' },
  internal_error: { status: 500, message: 'Something went wrong on our side.' },
  service_unavailable: { status: 503, message: 'The service is temporarily unavailable.' },
  scanner_unavailable: { status: 503, message: 'The malware scanner cannot be reached, so uploads are refused for now; retry shortly.' },
} as const;

export type ErrorCode = keyof typeof ERRORS;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: unknown;
  readonly policyClause: string | undefined;

  constructor(code: ErrorCode, options: { message?: string; details?: unknown; policyClause?: string } = {}) {
    super(options.message ?? ERRORS[code].message);
    this.code = code;
    this.status = ERRORS[code].status;
    this.details = options.details;
    this.policyClause = options.policyClause;
  }
}
