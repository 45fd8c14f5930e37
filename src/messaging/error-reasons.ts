import { classifyCloudApiError } from '../whatsapp/error-codes.ts';
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

/**
 * Why a message failed, in one plain sentence for the people reading the dashboard: for Meta's codes the
 * explanation in the error-code table (a webhook's own text is Meta's terse title); for failures of our own
 * (code 0: the Cloud API unreachable, a reviewer's rejection) what the platform recorded.
 */
export function explainFailure(status: string, error: MessageError | null): string | null {
  if (status !== 'failed') return null;
  if (!error) return 'The message failed without an explanation from WhatsApp.';
  if (error.code === 0) return REVIEW_REJECTION === error.title && error.reason ? error.reason : error.message;
  return classifyCloudApiError(error.code).explanation;
}

// src/compliance/routes.ts records a reviewer's rejection with this title and its plain explanation as `reason`.
const REVIEW_REJECTION = 'Rejected in review';
