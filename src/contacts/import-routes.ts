import { Readable } from 'node:stream';
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps.ts';
import { authOf, orgOf } from '../http/auth.ts';
import { pageOf, pageQuerySchema, readPage, type PageQuery } from '../http/pagination.ts';
import { errorResponses, idParams } from '../http/schemas.ts';
import { AppError } from '../lib/app-error.ts';
import { csvLine } from './import/csv-export.ts';
import { findImport, listImports, rejectionsPage, type ImportRow } from './import/store.ts';
import { receiveImport } from './import/upload.ts';

const importSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    status: { type: 'string', enum: ['queued', 'processing', 'completed', 'failed'] },
    filename: { type: ['string', 'null'] },
    size_bytes: { type: 'integer' },
    progress: {
      type: 'object',
      properties: {
        percent: { type: 'integer', description: 'Share of the file\'s bytes committed' },
        rows_read: { type: 'integer', description: 'Data rows read and committed (the header is not counted)' },
        created: { type: 'integer', description: 'Contacts created' },
        updated: { type: 'integer', description: 'Existing contacts the import updated (also a number repeated in a later batch of the file)' },
        rejected: { type: 'integer', description: 'Rows refused: see rejections_url' },
        duplicates: { type: 'integer', description: 'Rows superseded by a later row with the same number (the last row wins)' },
        consents_recorded: { type: 'integer', description: 'Consent records appended to the ledger' },
      },
    },
    columns: { type: ['array', 'null'], items: { type: 'string' } },
    mapping: { type: ['object', 'null'], additionalProperties: true },
    consent: { type: ['object', 'null'], additionalProperties: true },
    error: { type: ['object', 'null'], properties: { message: { type: 'string' }, row: { type: 'integer' } } },
    rejections_url: { type: 'string' },
    created_at: { type: 'string', format: 'date-time' },
    started_at: { type: ['string', 'null'], format: 'date-time' },
    finished_at: { type: ['string', 'null'], format: 'date-time' },
  },
} as const;

const view = (r: ImportRow) => ({
  id: r.id,
  status: r.status,
  filename: r.filename,
  size_bytes: r.size_bytes,
  progress: {
    percent: r.status === 'completed' ? 100 : r.size_bytes > 0 ? Math.floor((100 * r.next_offset) / r.size_bytes) : 0,
    rows_read: r.rows_read, created: r.created, updated: r.updated, rejected: r.rejected, duplicates: r.duplicates, consents_recorded: r.consents,
  },
  columns: r.header,
  mapping: r.mapping,
  consent: r.consent,
  error: r.error,
  rejections_url: `/v1/contacts/imports/${r.id}/rejections.csv`,
  created_at: r.created_at,
  started_at: r.started_at,
  finished_at: r.finished_at,
});

const UPLOAD_DESCRIPTION = `multipart/form-data with
- \`mapping\` (JSON, before the file is best: it is then checked as soon as the header arrives): which column holds what, by header name —
  \`{"phone":"Phone","name":"Name","language":"Lang","time_zone":"TZ","tags":"Tags","attributes":{"city":"City"},"add_tags":["fair-2025"],"default_country":"IN","delimiter":","}\`.
  Only \`phone\` is required; \`"attributes.city":"City"\` works too. Attributes must be defined first, and cells must fit their type.
- \`consent\` (JSON, optional): \`{"purpose":"marketing","state":{"column":"Consent"}|{"value":"opted_in"},"text":{"column":"…"}|{"value":"…"},"url":{…},"captured_at":{"column":"…"},"ip":{"column":"…"},"source":{"value":"web form"}}\`.
  The text an opt-in agreed to must name WhatsApp and the business. Each row's record carries the import id, file and row as proof.
- \`file\`: the CSV, UTF-8 (a byte-order mark is fine), with a header row.

The file is stored and processed by the workers in batches; follow \`GET /v1/contacts/imports/{id}\`. Numbers are normalized
to E.164 and deduplicated: in the file the last row of a number wins; an existing contact gets the mapped fields the row fills
(tags are added, attributes merged). Rows that cannot be imported are listed, with why, at \`rejections_url\`.
An import never opts a contact back in after they opted out.`;

export function contactImportRoutes(deps: Deps) {
  const maxBytes = deps.config.contactImport.maxBytes;
  return async (app: FastifyInstance) => {
    // The file is counted as it streams (file-check + upload.ts); busboy's own cap is a backstop just above it.
    await app.register(multipart, { limits: { fileSize: maxBytes + 1, files: 1, fields: 4, fieldSize: 64 * 1024, parts: 6 }, throwFileSizeLimit: false });

    app.post('/v1/contacts/imports', {
      // Read as a stream (request.parts()), so the parts are described for the documentation only, never validated here.
      config: {
        scope: 'contacts:write',
        documentedBody: {
          type: 'object', required: ['mapping', 'file'],
          properties: {
            mapping: { type: 'string', description: 'Which column holds what, as JSON (see the description); best before the file' },
            consent: { type: 'string', description: 'How each row\'s consent is read, as JSON (see the description); optional' },
            file: { type: 'string', format: 'binary', description: 'The CSV file; the last part' },
          },
        },
      },
      schema: {
        tags: ['Contacts'],
        summary: 'Import contacts (and their consent) from a CSV file',
        description: UPLOAD_DESCRIPTION,
        consumes: ['multipart/form-data'],
        response: { 202: importSchema, ...errorResponses(400, 401, 403, 413, 415) },
      },
      // A declared length over the limit is refused before a byte of the body is read.
      onRequest: async (request, reply) => {
        const declared = Number(request.headers['content-length'] ?? 0);
        if (declared > maxBytes + 1024 * 1024) {
          void reply.header('connection', 'close');
          throw new AppError('payload_too_large', { message: `An import file may be at most ${maxBytes} bytes.`, details: { limit: maxBytes } });
        }
      },
    }, async (request, reply) => {
      if (!request.isMultipart()) throw new AppError('unsupported_media_type', { message: 'Send the file as multipart/form-data with "mapping" and "file" parts.' });
      const auth = authOf(request);
      try {
        const created = await receiveImport(deps, { orgId: auth.orgId, actor: auth.actor }, request.parts(), { maxBytes });
        deps.wakeImporter();
        return reply.status(202).send(view(created));
      } catch (error) {
        // Refused part-way through the body: close the connection rather than read (and discard) the rest.
        if (!request.raw.complete) void reply.header('connection', 'close');
        throw error;
      }
    });

    app.get<{ Querystring: PageQuery }>('/v1/contacts/imports', {
      config: { scope: 'contacts:read' },
      schema: {
        tags: ['Contacts'],
        summary: 'List contact imports, newest first',
        querystring: pageQuerySchema,
        response: { 200: { type: 'object', properties: { data: { type: 'array', items: importSchema }, next_cursor: { type: ['string', 'null'] } } }, ...errorResponses(400, 401, 403) },
      },
    }, async (request) => {
      const page = readPage(request.query);
      return pageOf(await listImports(deps.db, orgOf(request), page), page.limit, view);
    });

    app.get<{ Params: { id: string } }>('/v1/contacts/imports/:id', {
      config: { scope: 'contacts:read' },
      schema: { tags: ['Contacts'], summary: 'An import and its progress', params: idParams, response: { 200: importSchema, ...errorResponses(401, 403, 404) } },
    }, async (request) => {
      const found = await findImport(deps.db, orgOf(request), request.params.id);
      if (!found) throw new AppError('not_found', { message: 'No such import.' });
      return view(found);
    });

    app.get<{ Params: { id: string } }>('/v1/contacts/imports/:id/rejections.csv', {
      config: { scope: 'contacts:read' },
      schema: {
        tags: ['Contacts'],
        summary: 'The rows an import refused, as CSV',
        description: 'Columns: `row` (the header is row 1), `reason`, then the file\'s own columns with the row\'s original cells. Cells that a spreadsheet would read as a formula (starting with = + - @, a tab or a carriage return) are prefixed with a single quote.',
        params: idParams,
        response: { 200: { description: 'text/csv', type: 'string' }, ...errorResponses(401, 403, 404) },
      },
    }, async (request, reply) => {
      const orgId = orgOf(request);
      const found = await findImport(deps.db, orgId, request.params.id);
      if (!found) throw new AppError('not_found', { message: 'No such import.' });
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="rejections-${found.id}.csv"`)
        .header('x-content-type-options', 'nosniff')
        .send(Readable.from(rejectionLines(deps, orgId, found)));
    });
  };
}

/** The report, page by page from the database: memory stays flat however many rows were refused. */
async function* rejectionLines(deps: Deps, orgId: string, imp: ImportRow): AsyncGenerator<string> {
  // The byte-order mark makes spreadsheet programs read the file as UTF-8.
  yield '\uFEFF' + csvLine(['row', 'reason', ...(imp.header ?? [])]);
  let after = 0;
  for (;;) {
    const page = await rejectionsPage(deps.db, orgId, imp.id, after, 1000);
    if (page.length > 0) yield page.map((r) => csvLine([String(r.row_number), r.reason, ...r.cells])).join('');
    if (page.length < 1000) return;
    after = page[page.length - 1]!.row_number;
  }
}
