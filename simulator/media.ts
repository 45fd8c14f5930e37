// Media endpoints (§7): multipart upload with Meta's MIME and size table, a 5-minute signed
// download URL served by the simulator itself (bearer token required, like lookaside.fbsbx.com),
// and delete.

import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { MediaInfo } from '../src/whatsapp/account-types.ts';
import { graphError, sendFailure, unknownObject } from './graph-errors.ts';
import { newNumericId } from './ids.ts';
import { isTakenId, type SimMedia, type SimPhoneNumber, type SimState } from './state.ts';

const KB = 1024;
const MB = 1024 * KB;
const URL_TTL_MS = 5 * 60 * 1000;

/** MIME type → maximum bytes (§7.5). Stickers allow the animated ceiling; static ones are smaller. */
export const MEDIA_LIMITS: Readonly<Record<string, number>> = {
  'audio/aac': 16 * MB, 'audio/amr': 16 * MB, 'audio/mpeg': 16 * MB, 'audio/mp4': 16 * MB, 'audio/ogg': 16 * MB,
  'text/plain': 100 * MB, 'application/pdf': 100 * MB, 'application/msword': 100 * MB,
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 100 * MB,
  'application/vnd.ms-excel': 100 * MB,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 100 * MB,
  'application/vnd.ms-powerpoint': 100 * MB,
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 100 * MB,
  'image/jpeg': 5 * MB, 'image/png': 5 * MB,
  'image/webp': 500 * KB,
  'video/mp4': 16 * MB, 'video/3gp': 16 * MB, 'video/3gpp': 16 * MB,
};

export const MAX_UPLOAD_BYTES = 100 * MB;

/** Stores bytes as media of a number; used by uploads and by customers sending media. */
export function storeMedia(state: SimState, phoneNumberId: string, bytes: Buffer, mimeType: string, filename: string): SimMedia {
  const media: SimMedia = {
    id: newNumericId((id) => isTakenId(state, id)),
    phone_number_id: phoneNumberId, mime_type: mimeType, bytes, filename, created_at: Date.now(),
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
  state.media.set(media.id, media);
  return media;
}

export async function uploadMedia(state: SimState, number: SimPhoneNumber, request: FastifyRequest, reply: FastifyReply) {
  const contentType = request.headers['content-type'] ?? '';
  if (!contentType.startsWith('multipart/form-data') || !Buffer.isBuffer(request.body)) {
    return sendFailure(reply, graphError(131008, 'Upload media as multipart/form-data with messaging_product, file and type.'));
  }
  let form: FormData;
  try {
    form = await new Request('http://simulator.local/', {
      method: 'POST', headers: { 'content-type': contentType }, body: request.body,
    }).formData();
  } catch {
    return sendFailure(reply, graphError(100, 'The multipart body could not be parsed.'));
  }
  if (form.get('messaging_product') !== 'whatsapp') return sendFailure(reply, graphError(131008, 'messaging_product must be whatsapp.'));
  const file = form.get('file');
  if (!(file instanceof File)) return sendFailure(reply, graphError(131008, 'The file parameter is required.'));
  const typeField = form.get('type');
  const mimeType = (typeof typeField === 'string' && typeField ? typeField : file.type).split(';')[0]?.trim().toLowerCase() ?? '';
  const limit = MEDIA_LIMITS[mimeType];
  if (limit === undefined) return sendFailure(reply, graphError(131053, `Param file must be a file with one of the following types: ${Object.keys(MEDIA_LIMITS).join(', ')}. Received file of type '${mimeType}'.`));
  if (file.size === 0 || file.size > limit) return sendFailure(reply, graphError(131053, `File size ${file.size} is outside the allowed range for ${mimeType} (max ${limit} bytes).`));
  const media = storeMedia(state, number.id, Buffer.from(await file.arrayBuffer()), mimeType, file.name || 'file');
  return { id: media.id };
}

export function mediaInfo(state: SimState, media: SimMedia, request: FastifyRequest): MediaInfo {
  const expires = Date.now() + URL_TTL_MS;
  const url = new URL('/_media/download', `${request.protocol}://${request.host}`);
  url.searchParams.set('mid', media.id);
  url.searchParams.set('ext', String(expires));
  url.searchParams.set('hash', urlHash(state, media.id, expires));
  return {
    messaging_product: 'whatsapp', url: url.toString(), mime_type: media.mime_type,
    sha256: media.sha256, file_size: String(media.bytes.length), id: media.id,
  };
}

/** `phone_number_id` narrows access to media owned by that number (§7.2). */
export function mediaOwnedBy(media: SimMedia, query: unknown): boolean {
  const owner = (query as { phone_number_id?: string } | undefined)?.phone_number_id;
  return owner === undefined || owner === media.phone_number_id;
}

export function downloadMedia(state: SimState, request: FastifyRequest, reply: FastifyReply) {
  const q = request.query as { mid?: string; ext?: string; hash?: string };
  const media = q.mid ? state.media.get(q.mid) : undefined;
  const expires = Number(q.ext);
  const expected = media && Number.isFinite(expires) ? urlHash(state, media.id, expires) : '';
  const valid = media && expires > Date.now() && typeof q.hash === 'string' && q.hash.length === expected.length &&
    timingSafeEqual(Buffer.from(q.hash), Buffer.from(expected));
  if (!media || !valid) return sendFailure(reply, { ...unknownObject(q.mid ?? ''), httpStatus: 404 });
  return reply.header('content-type', media.mime_type).header('content-length', media.bytes.length).send(media.bytes);
}

function urlHash(state: SimState, mediaId: string, expires: number): string {
  return createHmac('sha256', state.config.appSecret).update(`${mediaId}:${expires}`).digest('hex').slice(0, 32);
}
