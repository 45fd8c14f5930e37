import type { Deps } from '../deps.ts';
import { AppError } from '../lib/app-error.ts';
import { newId } from '../lib/ids.ts';
import { sha256Hex } from '../lib/secrets.ts';
import { openAccessToken } from '../phone-numbers/credentials.ts';
import { findSendingCredentials, listPhoneNumbers } from '../phone-numbers/store.ts';
import { CloudApiError, CloudApiUnreachableError } from '../whatsapp/client.ts';
import { screenUpload } from './screen-media.ts';
import { findUpload, insertMedia, readMediaBytes, recordUpload, type MediaRow } from './store.ts';

// Meta keeps an uploaded media id for 30 days; after 29 the file is handed over again.
const UPLOAD_REUSE_MS = 29 * 24 * 3600 * 1000;

/**
 * Stores an upload once screening (AUP 3.4: its type read from the bytes against its declaration and Meta's
 * table, no programs, scripts or macros, the malware scanner when configured) lets it through; nothing is
 * stored for a refused file.
 */
export async function uploadMedia(deps: Deps, orgId: string, file: { bytes: Buffer; filename: string | null; declaredType: string | undefined }) {
  const { mimeType, kind } = await screenUpload(deps, orgId, file);
  const media = (await insertMedia(deps.db, orgId, {
    id: newId('media'), source: 'upload', kind, mimeType, sizeBytes: file.bytes.length, sha256: sha256Hex(file.bytes),
    filename: file.filename, bytes: file.bytes, phoneNumberId: null, metaMediaId: null,
  }))!;
  // With one connected number the file goes to the Cloud API now, so the first send does not wait for it;
  // with several, each number gets it on its first use (Meta ties media ids to the number that uploaded them).
  const numbers = await listPhoneNumbers(deps.db, orgId);
  // If the Cloud API cannot take it now, the upload still stands: the first send hands it over again.
  if (numbers.length === 1) {
    await cloudMediaIdFor(deps, orgId, numbers[0]!.id, media).catch((err) => deps.log.warn({ err, mediaId: media.id }, 'eager media upload failed; retried on first use'));
  }
  return media;
}

/**
 * The Cloud API media id a send from this number uses for one of our uploads: handed to the Cloud API
 * on first use from each number (Meta ties media ids to the number that uploaded them).
 */
export async function cloudMediaIdFor(deps: Deps, orgId: string, numberId: string, media: MediaRow): Promise<string> {
  const known = await findUpload(deps.db, orgId, media.id, numberId);
  if (known && Date.now() - known.uploaded_at.getTime() < UPLOAD_REUSE_MS) return known.meta_media_id;
  const creds = await findSendingCredentials(deps.db, orgId, numberId);
  const stored = await readMediaBytes(deps.db, orgId, media.id);
  if (!creds || !stored?.bytes) throw new AppError('not_found', { message: 'No such media.' });
  try {
    const { id } = await deps.cloudApi.uploadMedia(openAccessToken(deps.sealer, orgId, creds.account_id, creds.access_token_enc), creds.phone_number_id, {
      bytes: new Uint8Array(stored.bytes), mimeType: media.mime_type, filename: media.filename ?? `${media.id}`,
    });
    await recordUpload(deps.db, orgId, media.id, numberId, id);
    return id;
  } catch (error) {
    if (error instanceof CloudApiError) {
      throw new AppError('media_rejected', { message: `The Cloud API refused the media (code ${error.code}).`, details: { cloud_api_code: error.code } });
    }
    if (error instanceof CloudApiUnreachableError) throw new AppError('upstream_unavailable');
    throw error;
  }
}
