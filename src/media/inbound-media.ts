import type { Deps } from '../deps.ts';
import { AppError } from '../lib/app-error.ts';
import { newId } from '../lib/ids.ts';
import { sha256Hex } from '../lib/secrets.ts';
import { findMessage } from '../messaging/store.ts';
import { openAccessToken } from '../phone-numbers/credentials.ts';
import { findSendingCredentials } from '../phone-numbers/store.ts';
import { CloudApiError, CloudApiUnreachableError } from '../whatsapp/client.ts';
import { kindOf } from './kinds.ts';
import { findInboundMedia, insertMedia, readMediaBytes, storeMediaBytes, type MediaRow } from './store.ts';

const MEDIA_TYPES = ['image', 'video', 'audio', 'document', 'sticker'];

/**
 * The file a customer sent, fetched from the Cloud API the first time it is asked for (Meta keeps inbound
 * media for 7 days) with the receiving number's token, checked against Meta's sha256, then kept here.
 */
export async function inboundMediaOf(deps: Deps, orgId: string, messageId: string): Promise<{ media: MediaRow; bytes: Buffer }> {
  const message = await findMessage(deps.db, orgId, messageId);
  const payload = message?.direction === 'inbound' && MEDIA_TYPES.includes(message.type)
    ? (message.content[message.type] as { id?: string; mime_type?: string; sha256?: string; filename?: string } | undefined)
    : undefined;
  if (!message || !payload?.id) throw new AppError('not_found', { message: 'This message has no media.' });

  const known = await findInboundMedia(deps.db, orgId, payload.id);
  const stored = known ? await readMediaBytes(deps.db, orgId, known.id) : undefined;
  if (known && stored?.bytes) return { media: known, bytes: Buffer.from(stored.bytes) };

  const creds = await findSendingCredentials(deps.db, orgId, message.phone_number_id);
  if (!creds) throw new AppError('not_found', { message: 'The number that received this media is no longer connected.' });
  const token = openAccessToken(deps.sealer, orgId, creds.account_id, creds.access_token_enc);
  let bytes: Buffer;
  let mimeType: string;
  try {
    const info = await deps.cloudApi.getMedia(token, payload.id, creds.phone_number_id);
    const download = await deps.cloudApi.downloadMedia(token, info.url);
    bytes = download.bytes;
    mimeType = (info.mime_type ?? download.mimeType ?? payload.mime_type ?? 'application/octet-stream').split(';')[0]!.trim();
    const expected = info.sha256 ?? payload.sha256;
    if (expected && expected !== sha256Hex(bytes)) throw new AppError('upstream_unavailable', { message: 'The media from the Cloud API did not match its checksum.' });
  } catch (error) {
    if (error instanceof CloudApiError) throw new AppError('not_found', { message: `The Cloud API no longer has this media (code ${error.code}); inbound media is kept for 7 days.` });
    if (error instanceof CloudApiUnreachableError) throw new AppError('upstream_unavailable');
    throw error;
  }
  const media = known ?? (await insertMedia(deps.db, orgId, {
    id: newId('media'), source: 'inbound', kind: kindOf(mimeType) ?? message.type, mimeType, sizeBytes: bytes.length,
    sha256: sha256Hex(bytes), filename: payload.filename ?? null, bytes: null, phoneNumberId: message.phone_number_id, metaMediaId: payload.id,
  }))!;
  await storeMediaBytes(deps.db, orgId, media.id, bytes, sha256Hex(bytes));
  return { media, bytes };
}
