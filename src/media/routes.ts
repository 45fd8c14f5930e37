import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Deps } from '../deps.ts';
import { orgOf } from '../http/auth.ts';
import { errorResponses, idParams } from '../http/schemas.ts';
import { AppError } from '../lib/app-error.ts';
import { inboundMediaOf } from './inbound-media.ts';
import { findMedia, readMediaBytes, type MediaRow } from './store.ts';
import { uploadMedia } from './upload-media.ts';

const mediaSchema = {
  type: 'object',
  properties: {
    id: { type: 'string', description: 'Use it in a send: {"type":"image","image":{"id":"med_…"}}' },
    kind: { type: 'string', enum: ['image', 'video', 'audio', 'document', 'sticker'] },
    mime_type: { type: 'string', description: 'Read from the bytes, not from the upload\'s declared type' },
    size_bytes: { type: 'integer' },
    sha256: { type: 'string' },
    filename: { type: ['string', 'null'] },
    created_at: { type: 'string', format: 'date-time' },
  },
} as const;

const view = (m: MediaRow) => ({
  id: m.id, kind: m.kind, mime_type: m.mime_type, size_bytes: m.size_bytes, sha256: m.sha256, filename: m.filename, created_at: m.created_at,
});

function sendFile(reply: FastifyReply, media: MediaRow, bytes: Buffer) {
  const name = (media.filename ?? media.id).replace(/[^\w.\- ]/g, '_');
  return reply
    .header('content-type', media.mime_type)
    .header('content-disposition', `attachment; filename="${name}"`)
    .header('x-content-type-options', 'nosniff')
    .send(bytes);
}

export function mediaRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    // The largest WhatsApp document is 100 MB; a request carries one file.
    await app.register(multipart, { limits: { fileSize: 100 * 1024 * 1024, files: 1, fields: 5 } });

    app.post('/v1/media', {
      config: { scope: 'messages:write' },
      bodyLimit: 101 * 1024 * 1024,
      schema: {
        tags: ['Media'],
        summary: 'Upload a file to send',
        description: 'multipart/form-data with one `file` part. The type is read from the bytes and checked against WhatsApp\'s types and size limits (image 5 MB, video and audio 16 MB, document 100 MB, sticker 100 KB static / 500 KB animated). The file is handed to the Cloud API when a message first uses it.\n\nAUP 3.4 (decision 0016): the bytes must match the part\'s Content-Type and the file name (422 `media_type_mismatch`); programs, scripts, macro-enabled documents and HTML/SVG with scripts are refused (422 `media_not_allowed`); with a malware scanner configured, a detection is 422 `media_malware_detected` and an unreachable scanner 503 `scanner_unavailable`. Nothing is stored for a refused file.',
        consumes: ['multipart/form-data'],
        response: { 201: mediaSchema, ...errorResponses(400, 401, 403, 413, 415, 422, 503) },
      },
    }, async (request, reply) => {
      if (!request.isMultipart()) throw new AppError('unsupported_media_type', { message: 'Send the file as multipart/form-data with a "file" part.' });
      const part = await request.file();
      if (!part || part.fieldname !== 'file') throw new AppError('validation_failed', { details: [{ path: 'body.file', message: 'is required' }] });
      let bytes: Buffer;
      try {
        bytes = await part.toBuffer();
      } catch (error) {
        if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('payload_too_large', { message: 'A file may be at most 100 MB.' });
        throw error;
      }
      const media = await uploadMedia(deps, orgOf(request), { bytes, filename: part.filename || null, declaredType: part.mimetype });
      return reply.status(201).send(view(media));
    });

    app.get<{ Params: { id: string } }>('/v1/media/:id', {
      config: { scope: 'messages:read' },
      schema: {
        tags: ['Media'],
        summary: 'Download an uploaded file, or a customer\'s file fetched before',
        params: idParams,
        response: { 200: { description: 'The file, with its content type', type: 'string', format: 'binary' }, ...errorResponses(401, 403, 404) },
      },
    }, async (request, reply) => {
      const orgId = orgOf(request);
      const media = await findMedia(deps.db, orgId, request.params.id);
      const stored = media ? await readMediaBytes(deps.db, orgId, media.id) : undefined;
      if (!media || !stored?.bytes) throw new AppError('not_found', { message: 'No such media.' });
      return sendFile(reply, media, Buffer.from(stored.bytes));
    });

    app.get<{ Params: { id: string } }>('/v1/messages/:id/media', {
      config: { scope: 'messages:read' },
      schema: {
        tags: ['Media'],
        summary: 'Download the file a customer sent in a message',
        description: 'Fetched from the Cloud API on first request (Meta keeps inbound media 7 days), checked against its sha256, then kept.',
        params: idParams,
        response: { 200: { description: 'The file, with its content type', type: 'string', format: 'binary' }, ...errorResponses(401, 403, 404, 502) },
      },
    }, async (request, reply) => {
      const { media, bytes } = await inboundMediaOf(deps, orgOf(request), request.params.id);
      return sendFile(reply, media, bytes);
    });
  };
}
