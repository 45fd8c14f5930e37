import { AppError } from '../lib/app-error.ts';
import { sha256Hex } from '../lib/secrets.ts';
import { EXECUTABLE_EXTENSIONS, SCRIPT_EXTENSIONS, extensionOf } from '../media/inspect-container.ts';
import { sniffMimeType } from '../media/sniff.ts';

/**
 * Evidence a reporter attaches (AUP 5: "message logs, screenshots"): screenshots as PNG, JPEG or WebP, logs as
 * plain text or PDF. The type is read from the bytes; the name and Content-Type are only the reporter's word, so
 * a screenshot saved as .jpg that is really a PNG is kept as the PNG it is — but a program or script is refused
 * whatever it is called. Operators open these files: nothing that runs is stored.
 */
export const EVIDENCE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'text/plain', 'application/pdf'] as const;
export const MAX_EVIDENCE_FILES = 5;
export const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;

export type EvidenceUpload = { bytes: Buffer; filename: string | null; declaredType: string | undefined };
export type Evidence = { bytes: Buffer; filename: string | null; mimeType: string; sizeBytes: number; sha256: string };

const PROGRAM_TYPE = /msdownload|dosexec|x-elf|mach-binary|java-archive|android\.package|x-msi|x-sh\b|wasm|x-deb|x-rpm|apple-diskimage/;
const MACRO_EXTENSIONS = new Set(['docm', 'dotm', 'xlsm', 'xltm', 'xlam', 'xlsb', 'pptm', 'potm', 'ppam', 'ppsm', 'sldm']);
// PDF actions that run or launch something when the file is opened. Compressed object streams can hide them (decision 0020).
const PDF_ACTIVE = /\/(?:JavaScript|JS|Launch|EmbeddedFiles?|RichMedia)\b/;

/** The evidence file as it will be stored, or the refusal; `path` names the part in errors (body.evidence[1]). */
export async function checkEvidence(file: EvidenceUpload, path: string): Promise<Evidence> {
  const refuse = (code: 'media_not_allowed' | 'unsupported_media_type' | 'payload_too_large' | 'validation_failed', message: string) =>
    new AppError(code, { message, details: [{ path, message, filename: file.filename }] });
  if (file.bytes.length === 0) throw refuse('validation_failed', 'The file is empty.');
  if (file.bytes.length > MAX_EVIDENCE_BYTES) throw refuse('payload_too_large', `An evidence file may be at most ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB.`);
  const ext = file.filename ? extensionOf(file.filename) : null;
  if (ext && (EXECUTABLE_EXTENSIONS.has(ext) || SCRIPT_EXTENSIONS.has(ext) || MACRO_EXTENSIONS.has(ext))) {
    throw refuse('media_not_allowed', `Files named .${ext} are programs, scripts or macro documents and are not accepted.`);
  }
  if (/^#!\s*\//.test(file.bytes.toString('latin1', 0, 64))) throw refuse('media_not_allowed', 'The file is a script.');
  // 'text/plain' as the hint: a file without a binary signature counts as text only if it decodes as clean UTF-8.
  const mimeType = await sniffMimeType(file.bytes, 'text/plain');
  if (mimeType && PROGRAM_TYPE.test(mimeType)) throw refuse('media_not_allowed', `The file's bytes are a program (${mimeType}), whatever its name says.`);
  if (!mimeType || !(EVIDENCE_TYPES as readonly string[]).includes(mimeType)) {
    throw refuse('unsupported_media_type', `Screenshots (PNG, JPEG, WebP) and message logs (text or PDF) are accepted${mimeType ? `, not ${mimeType}` : ''}.`);
  }
  if (mimeType === 'application/pdf' && PDF_ACTIVE.test(file.bytes.toString('latin1'))) {
    throw refuse('media_not_allowed', 'The PDF contains scripts, launch actions or embedded files.');
  }
  return { bytes: file.bytes, filename: file.filename, mimeType, sizeBytes: file.bytes.length, sha256: sha256Hex(file.bytes) };
}
