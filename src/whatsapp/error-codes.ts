// One table of Meta's error codes (§2.3) and what the platform does about each (§2.4).
// Dispatch branches on `action`; dashboards show `explanation`; the simulator uses `title` and
// `httpStatus` to answer like Meta. Branch on the code, never on HTTP status or message text.

export type ErrorAction =
  /** Transient: back off and try again; for throughput errors also slow the number down. */
  | 'retry'
  /** Only this recipient is throttled (pair rate): delay their queue, not the others. */
  | 'retry_recipient'
  /** Terminal for this message: record it and surface it to the tenant. */
  | 'fail'
  /** Every further send from this number would fail too: halt it and alert. */
  | 'pause_number';

export type ErrorCodeInfo = {
  name: string;
  /** Meta's short title, used in `"(#<code>) <title>"` messages. */
  title: string;
  /** The HTTP status the synchronous form typically comes with. */
  httpStatus: number;
  action: ErrorAction;
  /** One plain sentence for a business user. */
  explanation: string;
};

const row = (name: string, title: string, httpStatus: number, action: ErrorAction, explanation: string): ErrorCodeInfo =>
  ({ name, title, httpStatus, action, explanation });

export const ERROR_CODES: ReadonlyMap<number, ErrorCodeInfo> = new Map<number, ErrorCodeInfo>([
  [0, row('auth_exception', 'AuthException', 401, 'pause_number', 'WhatsApp could not validate the access token for this number; reconnect the account.')],
  [1, row('api_unknown', 'API Unknown', 400, 'fail', 'WhatsApp reported an unknown error for this request.')],
  [2, row('api_service', 'API Service', 503, 'retry', 'WhatsApp was temporarily unavailable; the message will be retried.')],
  [3, row('api_method', 'API Method', 500, 'fail', 'The account lacks the capability or permission for this action.')],
  [4, row('api_too_many_calls', 'API Too Many Calls', 429, 'retry', 'Too many requests were made to WhatsApp; the message will be retried shortly.')],
  [10, row('permission_denied', 'Permission Denied', 403, 'pause_number', 'Permission for this WhatsApp account was denied or removed; reconnect it.')],
  [17, row('user_rate_limit', 'API User Too Many Calls', 429, 'retry', 'Too many requests were made to WhatsApp; the message will be retried shortly.')],
  [100, row('invalid_parameter', 'Invalid parameter', 400, 'fail', 'WhatsApp rejected the request because a field was invalid.')],
  [190, row('access_token_expired', 'Access token has expired', 401, 'pause_number', 'The WhatsApp access token expired or was revoked; reconnect the account.')],
  [200, row('permission_not_granted', 'Permission error', 403, 'pause_number', 'The app was not granted permission to message from this account.')],
  [368, row('temporarily_blocked', 'Temporarily blocked for policies violations', 403, 'pause_number', 'WhatsApp temporarily blocked this account for policy violations; sending is paused.')],
  [80007, row('waba_rate_limit', 'Rate limit issues', 429, 'retry', 'The WhatsApp account reached its API rate limit; the message will be retried.')],
  [80008, row('waba_management_rate_limit', 'Too many calls to this WhatsApp Business Account', 429, 'retry', 'Too many management calls were made for this account; it will be retried.')],
  [130429, row('throughput_rate_limit', 'Rate limit hit', 429, 'retry', 'This number is sending faster than WhatsApp allows; messages are being paced.')],
  [130472, row('marketing_experiment', "User's number is part of an experiment", 400, 'fail', "WhatsApp withheld this marketing message because the customer is part of a Meta experiment.")],
  [130497, row('country_restricted', 'Business account is restricted from messaging users in this country', 403, 'pause_number', 'This account may not message customers in this country.')],
  [131000, row('something_went_wrong', 'Something went wrong', 500, 'retry', 'WhatsApp hit an internal error; the message will be retried.')],
  [131005, row('access_denied', 'Access denied', 403, 'pause_number', 'WhatsApp denied access for this account; check its permissions.')],
  [131008, row('required_parameter_missing', 'Required parameter is missing', 400, 'fail', 'The message is missing a required field.')],
  [131009, row('parameter_value_invalid', 'Parameter value is not valid', 400, 'fail', 'A value in the message is not valid.')],
  [131016, row('service_unavailable', 'Service unavailable', 503, 'retry', 'WhatsApp is overloaded or unavailable; the message will be retried.')],
  [131021, row('recipient_is_sender', 'Recipient cannot be sender', 400, 'fail', 'A number cannot send a message to itself.')],
  [131026, row('message_undeliverable', 'Message undeliverable', 400, 'fail', 'The recipient is not on WhatsApp, has not accepted its terms, or uses an outdated app.')],
  [131030, row('recipient_not_allowed', 'Recipient phone number not in allowed list', 400, 'fail', 'This test number can only message numbers on its allow-list.')],
  [131031, row('account_locked', 'Account has been locked', 403, 'pause_number', 'WhatsApp locked or restricted this account; sending is paused.')],
  [131037, row('display_name_required', 'WhatsApp provided number needs display name approval before message can be sent', 400, 'pause_number', 'The number needs an approved display name before it can send.')],
  [131042, row('business_eligibility_payment', 'Business eligibility payment issue', 400, 'pause_number', 'There is a billing problem with the WhatsApp account; fix the payment method.')],
  [131045, row('incorrect_certificate', 'Incorrect certificate', 400, 'pause_number', 'The phone number registration is incomplete or invalid.')],
  [131047, row('reengagement_message', 'Re-engagement message', 400, 'fail', 'More than 24 hours passed since the customer last wrote; only an approved template can be sent.')],
  [131048, row('spam_rate_limit', 'Spam rate limit hit', 400, 'pause_number', 'Too many recent messages were blocked or reported as spam; campaigns are paused.')],
  [131049, row('ecosystem_engagement', 'This message was not delivered to maintain healthy ecosystem engagement.', 400, 'fail', 'WhatsApp limited how many marketing messages this customer receives; try again after 24 hours.')],
  [131050, row('marketing_stopped', 'Unable to deliver the message. This recipient has chosen to stop receiving marketing messages on WhatsApp from your business', 400, 'fail', 'The customer turned off marketing messages from this business.')],
  [131051, row('unsupported_message_type', 'Unsupported message type', 400, 'fail', 'WhatsApp does not support this message type.')],
  [131052, row('media_download_error', 'Media download error', 400, 'fail', "WhatsApp could not download the customer's media; ask them to send it again.")],
  [131053, row('media_upload_error', 'Media upload error', 400, 'fail', 'WhatsApp could not fetch or accept the media file; check its link, type and size.')],
  [131056, row('pair_rate_limit', '(Business Account, Consumer Account) pair rate limit hit', 429, 'retry_recipient', 'Too many messages were sent to this customer in a short time; it will be retried shortly.')],
  [131057, row('account_in_maintenance', 'Account in maintenance mode', 500, 'retry', 'The WhatsApp account is briefly in maintenance; the message will be retried.')],
  [131062, row('bsuid_not_supported', 'Business-scoped user ID recipients not supported', 400, 'fail', 'This kind of recipient is not supported for this message.')],
  [131063, row('marketing_messages_disabled', 'Marketing templates disabled on Cloud API', 400, 'fail', 'Marketing templates must be sent through the Marketing Messages API for this account.')],
  [131064, row('template_classification_limit', 'Messaging limit reached due to template classification violations', 400, 'pause_number', 'The account hit its messaging limit because of template classification violations.')],
  [132000, row('template_param_count_mismatch', 'Number of parameters does not match the expected number of params', 400, 'fail', 'The number of template values does not match the template.')],
  [132001, row('template_not_found', 'Template name does not exist in the translation', 404, 'fail', 'The template does not exist in this language or is not approved.')],
  [132005, row('template_hydrated_text_too_long', 'Translated text too long', 400, 'fail', 'The template text is too long once the values are filled in.')],
  [132007, row('template_format_policy_violated', 'Template format character policy violated', 400, 'fail', 'The template values break WhatsApp formatting rules.')],
  [132008, row('template_param_invalid', 'Template parameter format mismatch', 400, 'fail', 'A template value has the wrong format.')],
  [132012, row('template_param_format_mismatch', 'Parameter format does not match format in the created template', 400, 'fail', 'Template values must be named or positional as the template was created.')],
  [132015, row('template_paused', 'Template is paused', 400, 'fail', 'The template is paused for low quality; it can be sent again once unpaused.')],
  [132016, row('template_disabled', 'Template is disabled', 400, 'fail', 'The template was disabled after repeated pauses; create a new one.')],
  [132068, row('flow_blocked', 'Flow is in blocked state', 400, 'fail', 'The flow in this message is blocked.')],
  [132069, row('flow_throttled', 'Flow is in throttled state', 400, 'retry', 'The flow in this message is throttled; it will be retried later.')],
  [133010, row('phone_number_not_registered', 'Phone number not registered', 400, 'pause_number', 'The number is not registered on the Cloud API; register it first.')],
  [133016, row('registration_rate_limited', 'Account register or deregister rate limit exceeded', 400, 'fail', 'Too many registration attempts; try again later.')],
  [135000, row('generic_user_error', 'Generic user error', 400, 'fail', 'WhatsApp rejected the message for an unspecified reason.')],
  [137000, row('identity_key_mismatch', 'Identity key hash mismatch', 400, 'fail', "The customer's identity key changed, so WhatsApp refused delivery.")],
]);

export type ErrorClassification = ErrorCodeInfo & { code: number; known: boolean };

/** Permission codes 200–299 share one meaning. */
function lookup(code: number): ErrorCodeInfo | undefined {
  return ERROR_CODES.get(code) ?? (code >= 200 && code <= 299 ? ERROR_CODES.get(200) : undefined);
}

/** What to do about a Cloud API error. Unknown codes retry only when Meta flags them transient. */
export function classifyCloudApiError(code: number, isTransient?: boolean): ErrorClassification {
  const info = lookup(code);
  if (info) return { ...info, code, known: true };
  return {
    code,
    known: false,
    name: 'unknown',
    title: 'Unknown error',
    httpStatus: 400,
    action: isTransient ? 'retry' : 'fail',
    explanation: isTransient
      ? 'WhatsApp reported a temporary error; the message will be retried.'
      : `WhatsApp rejected the message with error ${code}.`,
  };
}
