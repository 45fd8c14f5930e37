// The plain fields of a contact, normalized at the edge so that stored values compare exactly
// (docs/decisions/0009-contacts-filter-language.md).

export type Violation = { path: string; message: string };

export const TAG_MAX_LENGTH = 64;
export const TAGS_PER_CONTACT = 50;
export const NAME_MAX_LENGTH = 256;

/**
 * A tag as stored: Unicode NFC, trimmed, inner whitespace collapsed to one space, lower case. "VIP ",
 * "vip" and "Vip" are one tag, so filters and bulk untagging never miss a differently typed twin.
 */
export function normalizeTag(raw: string): { ok: true; tag: string } | { ok: false; reason: string } {
  const tag = raw.normalize('NFC').trim().replace(/\s+/gu, ' ').toLowerCase().normalize('NFC');
  if (tag.length === 0) return { ok: false, reason: 'must not be empty' };
  if (tag.length > TAG_MAX_LENGTH) return { ok: false, reason: `must be at most ${TAG_MAX_LENGTH} characters` };
  if (/[\p{Cc}\p{Cf}]/u.test(tag)) return { ok: false, reason: 'must not contain control or invisible format characters' };
  return { ok: true, tag };
}

/** Normalizes a list of tags, dropping duplicates (first one kept), with a violation per bad entry. */
export function normalizeTags(raw: readonly string[], path: string, max = TAGS_PER_CONTACT): { tags: string[]; violations: Violation[] } {
  const tags: string[] = [];
  const violations: Violation[] = [];
  raw.forEach((entry, i) => {
    const result = normalizeTag(entry);
    if (!result.ok) violations.push({ path: `${path}.${i}`, message: result.reason });
    else if (!tags.includes(result.tag)) tags.push(result.tag);
  });
  if (tags.length > max) violations.push({ path, message: `must hold at most ${max} distinct tags` });
  return { tags, violations };
}

/** A BCP-47 language tag in its canonical form ("pt_br" → "pt-BR"); WhatsApp's `en_US` style is accepted. */
export function normalizeLanguage(raw: string): { ok: true; language: string } | { ok: false; reason: string } {
  const text = raw.trim().replace(/_/g, '-');
  if (text.length === 0 || text.length > 35 || !/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(text)) {
    return { ok: false, reason: 'must be a BCP-47 language tag such as "en", "pt-BR" or "hi-Latn"' };
  }
  try {
    return { ok: true, language: Intl.getCanonicalLocales(text)[0]! };
  } catch {
    return { ok: false, reason: 'must be a BCP-47 language tag such as "en", "pt-BR" or "hi-Latn"' };
  }
}

/** An IANA time zone, in the spelling the runtime's time zone database uses ("asia/kolkata" → "Asia/Kolkata"). */
export function normalizeTimeZone(raw: string): { ok: true; timeZone: string } | { ok: false; reason: string } {
  const text = raw.trim();
  if (text.length === 0 || text.length > 64) return { ok: false, reason: 'must be an IANA time zone such as "Europe/Madrid"' };
  try {
    return { ok: true, timeZone: new Intl.DateTimeFormat('en-US', { timeZone: text }).resolvedOptions().timeZone };
  } catch {
    return { ok: false, reason: 'must be an IANA time zone such as "Europe/Madrid"' };
  }
}

export function normalizeName(raw: string): { ok: true; name: string } | { ok: false; reason: string } {
  const name = raw.normalize('NFC').trim();
  if (name.length === 0) return { ok: false, reason: 'must not be empty (send null to clear it)' };
  if (name.length > NAME_MAX_LENGTH) return { ok: false, reason: `must be at most ${NAME_MAX_LENGTH} characters` };
  return { ok: true, name };
}
