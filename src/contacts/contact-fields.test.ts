import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeLanguage, normalizeTag, normalizeTags, normalizeTimeZone, TAG_MAX_LENGTH } from './contact-fields.ts';

describe('normalizeTag', () => {
  it('is idempotent, and its tags are trimmed lower case without runs of spaces', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (raw) => {
      const once = normalizeTag(raw);
      if (!once.ok) return;
      expect(normalizeTag(once.tag)).toEqual(once);
      expect(once.tag).toBe(once.tag.trim());
      expect(once.tag).toBe(once.tag.toLowerCase());
      expect(once.tag).not.toMatch(/\s{2}/u);
      expect(once.tag.length).toBeGreaterThan(0);
      expect(once.tag.length).toBeLessThanOrEqual(TAG_MAX_LENGTH);
    }));
  });

  it('makes differently typed twins one tag and refuses empty, long and invisible ones', () => {
    expect(normalizeTag('  New\t Customer ')).toEqual({ ok: true, tag: 'new customer' });
    expect(normalizeTag('Cafe\u0301')).toEqual(normalizeTag('café'));
    expect(normalizeTag('   ').ok).toBe(false);
    expect(normalizeTag('x'.repeat(TAG_MAX_LENGTH + 1)).ok).toBe(false);
    expect(normalizeTag('vip\u200b').ok).toBe(false);
  });

  it('drops duplicates after normalizing, keeping the first, and names each bad entry', () => {
    expect(normalizeTags(['VIP', 'a', ' vip', '', 'A'], 'body.tags')).toEqual({
      tags: ['vip', 'a'], violations: [{ path: 'body.tags.3', message: 'must not be empty' }],
    });
  });
});

describe('languages and time zones', () => {
  it('canonicalizes BCP-47 tags, accepting WhatsApp\'s underscore', () => {
    expect(normalizeLanguage('pt_br')).toEqual({ ok: true, language: 'pt-BR' });
    expect(normalizeLanguage('EN')).toEqual({ ok: true, language: 'en' });
    expect(normalizeLanguage('hi-latn')).toEqual({ ok: true, language: 'hi-Latn' });
    for (const bad of ['', 'english please', 'e', '12', 'en--us']) expect(normalizeLanguage(bad).ok, bad).toBe(false);
  });

  it('accepts IANA zones in any case and refuses the rest', () => {
    expect(normalizeTimeZone('europe/madrid')).toEqual({ ok: true, timeZone: 'Europe/Madrid' });
    expect(normalizeTimeZone('UTC')).toEqual({ ok: true, timeZone: 'UTC' });
    for (const bad of ['', 'Mars/Olympus', 'GMT+25']) expect(normalizeTimeZone(bad).ok, bad).toBe(false);
  });
});
