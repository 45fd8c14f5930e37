// Meta's synchronous error envelope (§2.1), built from the shared error-code table so the
// simulator and the platform agree on titles and HTTP statuses.

import type { FastifyReply } from 'fastify';
import { classifyCloudApiError } from '../src/whatsapp/error-codes.ts';
import type { GraphErrorEnvelope } from '../src/whatsapp/types.ts';
import { newFbtraceId } from './ids.ts';

export type GraphFailure = { httpStatus: number; body: GraphErrorEnvelope };

export type GraphErrorExtras = {
  type?: string;
  httpStatus?: number;
  message?: string;
  subcode?: number;
  userTitle?: string;
  userMessage?: string;
  /** Template-management errors carry a plain string rather than the messaging object. */
  plainErrorData?: boolean;
};

// Codes whose envelope Meta marks transient.
const TRANSIENT = new Set([1, 2, 4, 17, 80007, 80008, 130429, 131000, 131016, 131056, 131057]);

export function graphError(code: number, details?: string, extras: GraphErrorExtras = {}): GraphFailure {
  const info = classifyCloudApiError(code);
  const error: GraphErrorEnvelope['error'] = {
    message: extras.message ?? `(#${code}) ${info.title}`,
    type: extras.type ?? 'OAuthException',
    code,
  };
  if (extras.subcode !== undefined) error.error_subcode = extras.subcode;
  if (details !== undefined) {
    error.error_data = extras.plainErrorData ? details : { messaging_product: 'whatsapp', details };
  }
  if (extras.userTitle) error.error_user_title = extras.userTitle;
  if (extras.userMessage) error.error_user_msg = extras.userMessage;
  if (TRANSIENT.has(code)) error.is_transient = true;
  error.fbtrace_id = newFbtraceId();
  return { httpStatus: extras.httpStatus ?? info.httpStatus, body: { error } };
}

export function invalidToken(): GraphFailure {
  return graphError(190, undefined, { message: '(#190) Invalid OAuth access token.', httpStatus: 401 });
}

/** What Meta answers for an id that does not exist or that the token cannot see. */
export function unknownObject(id: string): GraphFailure {
  return graphError(100, undefined, {
    type: 'GraphMethodException',
    subcode: 33,
    httpStatus: 400,
    message:
      `Unsupported post request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, ` +
      'or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api',
  });
}

export function sendFailure(reply: FastifyReply, failure: GraphFailure): FastifyReply {
  return reply.code(failure.httpStatus).header('content-type', 'application/json; charset=UTF-8').send(failure.body);
}
