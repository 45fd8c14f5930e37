import { fileTypeFromBuffer } from 'file-type';
import { recordSignals, type Signal } from '../contacts/consent-policy.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../lib/app-error.ts';
import { sha256Hex } from '../lib/secrets.ts';
import { clamdScan } from './clamd.ts';
import { EXECUTABLE_EXTENSIONS, SCRIPT_EXTENSIONS, extensionOf, inspectCfb, inspectZip, isCfb, type ContainerFinding } from './inspect-container.ts';
import { MEDIA_RULES, STATIC_STICKER_MAX_BYTES, kindOf, type MediaKind } from './kinds.ts';
import { isAnimatedWebp, sniffMimeType } from './sniff.ts';

/**
 * AUP 3.4 for a file the platform is asked to carry: the type read from the bytes must match what the upload
 * declares (its Content-Type and its file name) and Meta's table; executables, scripts, macro documents and
 * active web content are refused; then the malware scanner, when one is configured (decision 0016).
 */
export const MEDIA_CLAUSE = '3.4';

export type UploadedFile = { bytes: Buffer; filename: string | null; declaredType: string | undefined };

export type Assessment =
  | { ok: true; mimeType: string; kind: MediaKind }
  | { ok: false; error: AppError; signal: Signal | null };

/** Screens an upload before anything is stored: refusals are recorded as compliance signals and thrown. */
export async function screenUpload(deps: Deps, orgId: string, file: UploadedFile): Promise<{ mimeType: string; kind: MediaKind }> {
  const assessment = await assessMedia(file);
  if (!assessment.ok) return refuse(deps, orgId, ofFile(assessment, file));
  const clamd = deps.config.clamd;
  if (!clamd) return assessment;
  const scan = await clamdScan(clamd.target, file.bytes, clamd.timeoutMs);
  switch (scan.verdict) {
    case 'clean':
      return assessment;
    case 'infected':
      return refuse(deps, orgId, ofFile({
        error: new AppError('media_malware_detected', { message: `The malware scanner found ${scan.signature} in this file.`, details: { signature: scan.signature }, policyClause: MEDIA_CLAUSE }),
        signal: signal('media_refused_malware', { signature: scan.signature }),
      }, file));
    case 'too_large':
      throw new AppError('payload_too_large', {
        message: 'This file is larger than the malware scanner accepts, so it cannot be checked.',
        details: { reason: 'scanner_size_limit', size_bytes: file.bytes.length },
        policyClause: MEDIA_CLAUSE,
      });
    case 'unavailable':
      // Fail closed: an unscanned file is not stored while scanning is configured (decision 0016).
      deps.log.error({ reason: scan.reason }, 'malware scanner unavailable; upload refused');
      throw new AppError('scanner_unavailable');
  }
}

async function refuse(deps: Deps, orgId: string, refusal: { error: AppError; signal: Signal | null }): Promise<never> {
  if (refusal.signal) {
    await recordSignals(deps.db, orgId, [refusal.signal], deps.clock.now());
    deps.log.info({ orgId, signal: refusal.signal.kind, detail: refusal.signal.detail }, 'media refused (AUP 3.4)');
  }
  throw refusal.error;
}

/** The upload's refusal, its signal carrying what identifies the file (never its bytes). */
function ofFile(refusal: { error: AppError; signal: Signal | null }, file: UploadedFile) {
  if (!refusal.signal) return refusal;
  const detail = { ...refusal.signal.detail, filename: file.filename, declared_type: file.declaredType ?? null, size_bytes: file.bytes.length, sha256: sha256Hex(file.bytes) };
  return { error: refusal.error, signal: { ...refusal.signal, detail } };
}

/**
 * A media link is fetched by Meta, not by the platform (decision 0016), so its bytes are never here to read:
 * what can be judged is the file name in its path. Server-side page extensions (.php, .aspx …) are how many
 * sites serve images, so only names of programs and client-side scripts are refused.
 */
export async function screenLink(deps: Deps, orgId: string, kind: string, link: string, path: string): Promise<void> {
  let name: string;
  try {
    name = decodeURIComponent(new URL(link).pathname);
  } catch {
    return; // not a URL: the SSRF check that follows refuses it
  }
  const ext = extensionOf(name);
  if (ext && SERVER_SIDE_EXTENSIONS.has(ext)) return;
  await screenName(deps, orgId, kind, name, path, undefined, { link });
}

/**
 * A document's `filename` is the name the customer's phone saves it under, so it is held to the upload's
 * rules: no program or script names, and no name that contradicts the file's type (known for an upload,
 * named by the link otherwise).
 */
export async function screenFilename(deps: Deps, orgId: string, kind: string, filename: string, path: string, known: { mimeType?: string; link?: string }): Promise<void> {
  let linked: string | undefined;
  try {
    const linkExt = known.link ? extensionOf(decodeURIComponent(new URL(known.link).pathname)) : null;
    linked = linkExt ? TYPE_BY_EXTENSION.get(linkExt) : undefined;
  } catch {
    linked = undefined;
  }
  await screenName(deps, orgId, kind, filename, path, known.mimeType ?? linked, { filename });
}

async function screenName(deps: Deps, orgId: string, kind: string, name: string, path: string, knownType: string | undefined, context: Record<string, unknown>) {
  const ext = extensionOf(name);
  if (!ext) return;
  const refusal = (error: AppError, signalKind: string, detail: Record<string, unknown>) =>
    refuse(deps, orgId, { error, signal: signal(signalKind, { ...detail, ...context }) });
  const reason = nameReason(ext);
  if (reason) {
    await refusal(new AppError('media_not_allowed', {
      message: `The name ${name.slice(-100)} is that of ${REASON_WORDS[reason]}; executables, scripts and macro-enabled documents are refused (AUP 3.4).`,
      details: [{ path, message: `.${ext} files are not allowed`, reason }],
      policyClause: MEDIA_CLAUSE,
    }), 'media_refused_not_allowed', { reason });
  }
  const contradiction = knownType ? mismatchOf(knownType, null, ext) : null;
  const named = TYPE_BY_EXTENSION.get(ext);
  const namedKind = named ? kindOf(named) : null;
  // A document may be any file Meta carries; a picture, sound or video must be of its own kind.
  const wrongKind = kind !== 'document' && namedKind && namedKind !== kind && !(MP4_FAMILY.has(named!) && (kind === 'audio' || kind === 'video'));
  if (contradiction || wrongKind) {
    await refusal(new AppError('media_type_mismatch', {
      message: contradiction ? `The file is ${knownType}, but ${contradiction}.` : `An ${kind} message cannot carry a .${ext} file (${named}).`,
      details: [{ path, message: contradiction ? `.${ext} does not fit ${knownType}` : `.${ext} is ${namedKind}, not ${kind}` }],
      policyClause: MEDIA_CLAUSE,
    }), 'media_refused_type_mismatch', { named_type: named ?? null, known_type: knownType ?? null });
  }
}

function nameReason(ext: string): 'executable' | 'script' | 'macros' | null {
  if (EXECUTABLE_EXTENSIONS.has(ext)) return 'executable';
  if (SCRIPT_EXTENSIONS.has(ext)) return 'script';
  if (MACRO_EXTENSIONS.has(ext)) return 'macros';
  return null;
}

const REASON_WORDS = { executable: 'a program', script: 'a script', macros: 'a macro-enabled document' } as const;
const REASON_PLURALS = { executable: 'programs', script: 'scripts', macros: 'macro-enabled documents' } as const;
// Office's own names for macro-enabled documents, templates and add-ins.
const MACRO_EXTENSIONS = new Set(['docm', 'dotm', 'xlsm', 'xltm', 'xlam', 'xlsb', 'pptm', 'potm', 'ppam', 'ppsm', 'sldm']);
const SERVER_SIDE_EXTENSIONS = new Set(['php', 'pl', 'py', 'rb', 'cgi', 'asp', 'aspx', 'jsp']);

/** The pure part: what the bytes are, and whether the platform may carry them. */
export async function assessMedia(file: UploadedFile): Promise<Assessment> {
  const ext = file.filename ? extensionOf(file.filename) : null;
  const declared = normalizeType(file.declaredType);
  const nameRefusal = ext ? nameReason(ext) : null;
  if (nameRefusal) return notAllowed(nameRefusal, `files named .${ext} are ${REASON_PLURALS[nameRefusal]}`);
  if (declared && DANGEROUS_TYPE.test(declared)) return notAllowed('declared_type', `the upload declares itself ${declared}`);

  const active = await activeContent(file.bytes);
  if (active) return notAllowed(active.reason, active.detail);

  // The declared type refines what the bytes cannot tell apart (the legacy Office formats share one container;
  // plain text has no signature); a name's extension counts as a declaration when the Content-Type says nothing.
  const claimed = declared ?? (ext ? TYPE_BY_EXTENSION.get(ext) : undefined);
  const markup = markupType(file.bytes);
  const mimeType = markup ?? (await sniffMimeType(file.bytes, claimed));
  const kind = mimeType ? kindOf(mimeType) : null;
  const mismatch = mimeType ? mismatchOf(mimeType, declared, ext) : null;
  if (mimeType && mismatch) {
    return {
      ok: false,
      error: new AppError('media_type_mismatch', {
        message: `The file's bytes are ${mimeType}, but ${mismatch}.`,
        details: { detected_type: mimeType, declared_type: file.declaredType ?? null, filename: file.filename },
        policyClause: MEDIA_CLAUSE,
      }),
      signal: signal('media_refused_type_mismatch', { detected_type: mimeType }),
    };
  }
  if (!mimeType || !kind) {
    return {
      ok: false,
      error: new AppError('unsupported_media_type', {
        message: `WhatsApp does not carry this file type${mimeType ? ` (${mimeType})` : ''}.`,
        details: { allowed: Object.values(MEDIA_RULES).flatMap((r) => r.mimeTypes) },
      }),
      signal: null,
    };
  }
  const limit = kind === 'sticker' && !isAnimatedWebp(file.bytes) ? STATIC_STICKER_MAX_BYTES : MEDIA_RULES[kind].maxBytes;
  if (file.bytes.length > limit) {
    return { ok: false, error: new AppError('payload_too_large', { message: `A ${kind} may be at most ${limit} bytes; this one is ${file.bytes.length}.`, details: { kind, limit } }), signal: null };
  }
  return { ok: true, mimeType, kind };
}

// What the sniffer calls programs, installers and macro-enabled Office files.
const EXECUTABLE_TYPES = new Set([
  'application/x-msdownload', 'application/x-elf', 'application/x-mach-binary', 'application/java-archive', 'application/x-java-archive',
  'application/vnd.android.package-archive', 'application/x-xpinstall', 'application/x-shockwave-flash', 'application/wasm',
  'application/x-msi', 'application/x-apple-diskimage', 'application/x-deb', 'application/x-rpm', 'application/vnd.ms-cab-compressed',
]);
const DANGEROUS_TYPE = new RegExp([
  'macroenabled', 'x-msdownload', 'x-dosexec', 'x-executable', 'x-elf', 'x-mach', 'portable-executable', 'java-archive',
  'android\\.package-archive', 'x-msi', 'ms-installer', 'x-sh\\b', 'shellscript', 'x-bat', 'msdos-program', 'javascript', 'ecmascript',
  'vbscript', 'powershell', '^application/hta',
].join('|'), 'i');

/** Programs, scripts and macros found in the bytes themselves, whatever the upload claims. */
async function activeContent(bytes: Buffer): Promise<ContainerFinding> {
  if (/^#!\s*\//.test(bytes.toString('latin1', 0, 64))) return { reason: 'script', detail: 'it is a script (it starts with #!)' };
  const found = await fileTypeFromBuffer(bytes);
  if (found && EXECUTABLE_TYPES.has(found.mime)) return { reason: 'executable', detail: `its bytes are a program or installer (${found.mime})` };
  if (found && /macroenabled/i.test(found.mime)) return { reason: 'macros', detail: `it is a macro-enabled Office document (${found.ext})` };
  if (bytes.length >= 4 && bytes.readUInt32BE(0) === 0x504b0304) return inspectZip(bytes);
  if (isCfb(bytes)) return inspectCfb(bytes);
  const markup = markupType(bytes);
  if (markup && hasScript(bytes)) return { reason: 'script', detail: `it is ${markup === 'text/html' ? 'HTML' : 'SVG'} with scripts` };
  return null;
}

// Markup without a script in its first MiB is still refused: it is not plain text (a type mismatch, or unsupported).
const MARKUP_SCAN_BYTES = 1024 * 1024;

/** HTML or SVG, told by their first tags: neither has a binary signature. */
function markupType(bytes: Buffer): 'text/html' | 'image/svg+xml' | null {
  // Leading blank lines must not push the first tag out of view.
  let start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (start < bytes.length && start < MARKUP_SCAN_BYTES && (bytes[start] === 0x20 || (bytes[start]! >= 0x09 && bytes[start]! <= 0x0d))) start++;
  const head = bytes.toString('utf8', start, start + 4096).toLowerCase();
  if (!head.startsWith('<')) return null;
  if (/<svg[\s>]/.test(head)) return 'image/svg+xml';
  if (/^<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<script[\s>]|<iframe[\s>]/.test(head)) return 'text/html';
  return null;
}

function hasScript(bytes: Buffer): boolean {
  const text = bytes.toString('utf8', 0, MARKUP_SCAN_BYTES).toLowerCase();
  return /<script[\s>]|javascript:|<[a-z][^>]*\son[a-z]+\s*=|<iframe[\s>]|<object[\s>]|<embed[\s>]|<foreignobject[\s>]/.test(text);
}

// Names a client may call the types in Meta's table by.
const TYPE_ALIASES: Record<string, string> = {
  'image/jpg': 'image/jpeg', 'image/pjpeg': 'image/jpeg', 'audio/mp3': 'audio/mpeg', 'audio/x-mp3': 'audio/mpeg', 'audio/mpeg3': 'audio/mpeg',
  'audio/x-m4a': 'audio/mp4', 'audio/m4a': 'audio/mp4', 'audio/opus': 'audio/ogg', 'audio/x-aac': 'audio/aac', 'audio/aacp': 'audio/aac',
  'video/3gp': 'video/3gpp', 'text/csv': 'text/plain', 'application/x-pdf': 'application/pdf',
};
// Content-Types that claim nothing: what browsers and curl send when they do not know.
const GENERIC_TYPES = new Set(['application/octet-stream', 'binary/octet-stream', 'application/x-binary', 'application/unknown']);

function normalizeType(type: string | undefined): string | null {
  const bare = type?.split(';')[0]!.trim().toLowerCase();
  if (!bare || GENERIC_TYPES.has(bare)) return null;
  return TYPE_ALIASES[bare] ?? bare;
}

const EXTENSIONS: Record<string, string[]> = {
  'image/jpeg': ['jpg', 'jpeg', 'jpe', 'jfif'], 'image/png': ['png'], 'image/webp': ['webp'],
  'video/mp4': ['mp4', 'm4v'], 'video/3gpp': ['3gp', '3gpp'],
  'audio/aac': ['aac'], 'audio/amr': ['amr'], 'audio/mpeg': ['mp3', 'mpga'], 'audio/mp4': ['m4a', 'mp4'], 'audio/ogg': ['ogg', 'oga', 'opus'],
  'text/plain': ['txt', 'text', 'log', 'csv'], 'application/pdf': ['pdf'],
  'application/msword': ['doc', 'dot'], 'application/vnd.ms-excel': ['xls', 'xlt'], 'application/vnd.ms-powerpoint': ['ppt', 'pps', 'pot'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx', 'dotx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx', 'xltx'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['pptx', 'ppsx', 'potx'],
  'text/html': ['html', 'htm'], 'image/svg+xml': ['svg'],
};
const TYPE_BY_EXTENSION = new Map(Object.entries(EXTENSIONS).flatMap(([type, exts]) => exts.map((e) => [e, type] as const)));
// Extensions of formats WhatsApp does not carry: naming a file so is a claim about it too.
const OTHER_KNOWN_EXTENSIONS = new Set([
  'gif', 'bmp', 'tif', 'tiff', 'heic', 'heif', 'avif', 'ico', 'webm', 'mov', 'avi', 'mkv', 'wmv', 'flv', 'wav', 'flac', 'wma', 'mid',
  'zip', 'rar', '7z', 'gz', 'tar', 'rtf', 'odt', 'ods', 'odp', 'xml', 'json', 'eps', 'ps', 'psd', 'epub',
]);
// MP4 is one container for sound and picture; an audio-only .mp4 or a .m4a the sniffer calls video is no lie.
const MP4_FAMILY = new Set(['audio/mp4', 'video/mp4']);

function compatible(claimed: string, detected: string): boolean {
  return claimed === detected || (MP4_FAMILY.has(claimed) && MP4_FAMILY.has(detected));
}

/** What in the upload's declaration contradicts its bytes, or null. */
function mismatchOf(detected: string, declared: string | null, ext: string | null): string | null {
  if (declared && !compatible(declared, detected)) return `it was declared as ${declared}`;
  if (ext && (TYPE_BY_EXTENSION.has(ext) || OTHER_KNOWN_EXTENSIONS.has(ext))) {
    // For a type outside this table (a GIF, say: refused as unsupported next) only a name claiming a type in it contradicts.
    const own = EXTENSIONS[detected];
    const fits = own ? own.includes(ext) || (MP4_FAMILY.has(detected) && ['mp4', 'm4a', 'm4v'].includes(ext)) : !TYPE_BY_EXTENSION.has(ext);
    if (!fits) return `its name ends in .${ext}`;
  }
  return null;
}

function notAllowed(reason: string, detail: string): Assessment {
  return {
    ok: false,
    error: new AppError('media_not_allowed', {
      message: `This file is not allowed: ${detail}. Executables, scripts, macro-enabled documents and active web content are refused (AUP 3.4).`,
      details: { reason },
      policyClause: MEDIA_CLAUSE,
    }),
    signal: signal('media_refused_not_allowed', { reason, detail }),
  };
}

function signal(kind: string, detail: Record<string, unknown>): Signal {
  return { kind, clause: MEDIA_CLAUSE, detail };
}
