import type { MessageError } from './store.ts';

// Meta's codes that mean the same as a refusal of our own API carry our code too, so a business handles
// "outside the window" one way whether we refused it up front or Meta failed it later.
const REASONS: Record<number, string> = {
  131047: 'outside_customer_service_window',
  132001: 'template_not_approved',
  132000: 'template_parameters_mismatch',
  132012: 'template_parameters_mismatch',
  131026: 'recipient_unreachable',
  131050: 'recipient_stopped_marketing',
  131049: 'marketing_limit_reached',
};

export function withReason(error: MessageError): MessageError {
  const reason = REASONS[error.code];
  return reason ? { ...error, reason } : error;
}
