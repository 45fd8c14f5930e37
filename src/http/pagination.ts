import { AppError } from '../lib/app-error.ts';

// Cursor pagination, newest first. The cursor is the last id seen, opaque to clients (base64url).
export const pageQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
    cursor: { type: 'string', maxLength: 200 },
  },
} as const;

export type PageQuery = { limit?: number; cursor?: string };

export function readPage(query: PageQuery) {
  const limit = query.limit ?? 50;
  if (!query.cursor) return { limit, before: undefined };
  const before = Buffer.from(query.cursor, 'base64url').toString('utf8');
  if (!/^[a-z]+_[0-9a-z]{26}$/.test(before)) {
    throw new AppError('validation_failed', { details: [{ path: 'querystring.cursor', message: 'is not a cursor this API issued' }] });
  }
  return { limit, before };
}

export function pageOf<T extends { id: string }, V>(rows: T[], limit: number, view: (row: T) => V) {
  const last = rows.length === limit ? rows[rows.length - 1] : undefined;
  return { data: rows.map(view), next_cursor: last ? Buffer.from(last.id).toString('base64url') : null };
}
