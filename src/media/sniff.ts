import { fileTypeFromBuffer } from 'file-type';

// The type of an upload is read from its bytes, never taken from the client's word for it. Aliases map
// what the sniffer calls a format to the MIME type Meta's table uses.
const ALIASES: Record<string, string> = {
  'audio/x-m4a': 'audio/mp4',
  'audio/opus': 'audio/ogg',
  'audio/amr': 'audio/amr',
  'video/3gpp': 'video/3gpp',
  'audio/aac': 'audio/aac',
  'audio/x-aac': 'audio/aac',
  'application/x-cfb': 'application/msword', // legacy Office files share one container; the declared type refines it
};

const LEGACY_OFFICE = ['application/msword', 'application/vnd.ms-excel', 'application/vnd.ms-powerpoint'];

export async function sniffMimeType(bytes: Uint8Array, declared: string | undefined): Promise<string | null> {
  const found = await fileTypeFromBuffer(bytes);
  if (found) {
    const mime = ALIASES[found.mime] ?? found.mime;
    if (found.mime === 'application/x-cfb' && declared && LEGACY_OFFICE.includes(declared)) return declared;
    return mime;
  }
  // Plain text has no signature: accept it when declared as such and it decodes as UTF-8 without control bytes.
  if (declared?.startsWith('text/plain') && isPlainText(bytes)) return 'text/plain';
  return null;
}

function isPlainText(bytes: Uint8Array): boolean {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, 64 * 1024));
    return !/[\u0000-\u0008\u000e-\u001f]/.test(text);
  } catch {
    return false;
  }
}

/** An animated WebP carries an ANIM chunk near its start. */
export function isAnimatedWebp(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 4096)).includes('ANIM');
}
