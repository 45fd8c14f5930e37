import { ERRORS } from '../lib/app-error.ts';

// Shared OpenAPI pieces: the one error shape, referenced by every route's responses.
export const errorSchema = {
  $id: 'Error',
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: {
          type: 'string',
          enum: Object.keys(ERRORS),
          description: 'Stable machine-readable code: ' + Object.entries(ERRORS).map(([code, e]) => `\`${code}\` (${e.status}) ${e.message}`).join(' · '),
        },
        message: { type: 'string' },
        details: {},
        policy_clause: { type: 'string', description: 'The Acceptable Use Policy clause behind a refusal' },
      },
    },
  },
} as const;

const DESCRIPTIONS: Record<number, string> = {
  400: 'Validation failed; details lists each violation with its path',
  401: 'Missing, unknown or revoked API key',
  403: 'The key lacks the needed scope, or the organization is suspended',
  404: 'Not found (also for another organization\'s resources)',
  409: 'Conflict',
  413: 'Body too large',
  422: 'Understood but refused',
  502: 'The WhatsApp Cloud API could not be reached',
};

export function errorResponses(...statuses: number[]) {
  return Object.fromEntries(statuses.map((s) => [s, { description: DESCRIPTIONS[s] ?? 'Error', $ref: 'Error#' }]));
}

/** The `{id}` path parameter of every resource route. */
export const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 64 } } } as const;
