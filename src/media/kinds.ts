// Meta's media table (reference §7.5): what each kind accepts and how large it may be.
export type MediaKind = 'image' | 'video' | 'audio' | 'document' | 'sticker';

const MB = 1024 * 1024;

export const MEDIA_RULES: Record<MediaKind, { mimeTypes: string[]; maxBytes: number }> = {
  image: { mimeTypes: ['image/jpeg', 'image/png'], maxBytes: 5 * MB },
  video: { mimeTypes: ['video/mp4', 'video/3gpp'], maxBytes: 16 * MB },
  audio: { mimeTypes: ['audio/aac', 'audio/amr', 'audio/mpeg', 'audio/mp4', 'audio/ogg'], maxBytes: 16 * MB },
  document: {
    mimeTypes: [
      'text/plain', 'application/pdf', 'application/msword', 'application/vnd.ms-excel', 'application/vnd.ms-powerpoint',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    ],
    maxBytes: 100 * MB,
  },
  // Stickers: static at most 100 KB, animated at most 500 KB (checked where the animation is known).
  sticker: { mimeTypes: ['image/webp'], maxBytes: 500 * 1024 },
};

export const STATIC_STICKER_MAX_BYTES = 100 * 1024;

/** The kind a MIME type belongs to; webp is a sticker (WhatsApp takes no webp images). */
export function kindOf(mimeType: string): MediaKind | null {
  for (const [kind, rule] of Object.entries(MEDIA_RULES) as [MediaKind, (typeof MEDIA_RULES)[MediaKind]][]) {
    if (rule.mimeTypes.includes(mimeType)) return kind;
  }
  return null;
}
