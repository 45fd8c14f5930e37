// Issue 7 "Bad input": no input crashes the screen, and its work is bounded by design — links examined,
// parsed and scored are capped, the text read is capped, and every counter grows at most with the input.
// Time per kilobyte is measured in bench/screening.ts, not asserted here (tests never assert time).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_CANDIDATES, MAX_URLS } from '../../src/compliance/screening/extract-urls.ts';
import { screenMessage } from '../../src/compliance/screening/screen-message.ts';
import { BLOCK_AT, HOLD_AT, MAX_TEXT_CHARS, SCREENING_RULES, screenText, screenTextWithStats, type Verdict } from '../../src/compliance/screening/screen-text.ts';

const KNOWN = new Map(SCREENING_RULES.map((r) => [r.id, r]));

function wellFormed(v: Verdict): void {
  expect(['allow', 'hold', 'block']).toContain(v.decision);
  expect(v.score).toBe(Math.min(100, v.rules.reduce((s, r) => s + r.weight, 0)));
  expect(new Set(v.rules.map((r) => r.id)).size).toBe(v.rules.length);
  for (const r of v.rules) {
    expect(KNOWN.get(r.id)?.clause).toBe(r.clause);
    expect(r.weight).toBeGreaterThan(0);
    expect(r.evidence.length).toBeLessThanOrEqual(120);
  }
  const denied = v.rules.some((r) => r.id.startsWith('url.denied'));
  if (!denied) expect(v.decision).toBe(v.score >= BLOCK_AT ? 'block' : v.score >= HOLD_AT ? 'hold' : 'allow');
}

function bounded(text: string): void {
  const { verdict, stats } = screenTextWithStats(text);
  wellFormed(verdict);
  expect(stats.chars).toBe(Math.min(text.length, MAX_TEXT_CHARS));
  expect(stats.words).toBeLessThanOrEqual(stats.chars);
  expect(stats.urlsParsed).toBeLessThanOrEqual(Math.min(MAX_CANDIDATES, stats.urlCandidates));
  expect(stats.urlsScored).toBeLessThanOrEqual(Math.min(MAX_URLS, stats.urlsParsed));
}

// Pieces that exercise every path: words from the lexicon, link syntax, scripts, numbers, punctuation runs.
const fragment = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('otp', 'O T P', '0TP', 'share', 'never', 'upi pin', 'anydesk', 'blocked', 'kyc', 'won', 'fee', 'ओटीपी', 'बताएं',
    'contraseña', 'senha', 'http://', 'https://', 'hxxp://', 'www.', '[.]', '(dot)', '@', ':', '/', '?', '#', '.', '..', '-', '[', ']',
    '(', ')', '](', '<a href="', '">', '</a>', 'xn--', 'pаypal', 'sbi', '.com', '.co.in', '.xyz', 'bit.ly/', '0x7f000001',
    '3232235777', '[::1]', '1.2.3.4/', '9876543210', '482913', ' ', '\n', '\u200b', '\u0301', 'ı', 'ﬀ', '𝐎𝐓𝐏'),
);
const messageText = fc.array(fragment, { maxLength: 60 }).map((parts) => parts.join(''));

// Pathological links: huge hosts, many labels, deep paths, mixed scripts, thousands of links, nested anchors.
const letters = fc.constantFrom(...'abcxyz0123456789-аеорсуіαορνइकखगᏚ'.split(''));
const label = fc.array(letters, { minLength: 1, maxLength: 70 }).map((a) => a.join(''));
const pathological = fc.oneof(
  fc.integer({ min: 1, max: 200_000 }).map((n) => `http://${'a'.repeat(n)}.com/`),
  fc.integer({ min: 1, max: 30_000 }).map((n) => `https://${'a.'.repeat(n)}com`),
  fc.integer({ min: 1, max: 30_000 }).map((n) => `https://x.com/${'a/'.repeat(n)}?${'q=1&'.repeat(n % 500)}`),
  fc.array(label, { minLength: 1, maxLength: 40 }).map((labels) => `visit https://${labels.join('.')}.com/login now`),
  fc.integer({ min: 1, max: 5_000 }).map((n) => Array.from({ length: n }, (_, i) => `https://s${i}.sbi-kyc${i}.xyz/${i}`).join(' ')),
  fc.integer({ min: 1, max: 20_000 }).map((n) => `${'['.repeat(n)}x${'](http://a.b'.repeat(n % 3000)}`),
  fc.integer({ min: 1, max: 100_000 }).map((n) => `http://x.com${'.'.repeat(n)}x`),
  fc.integer({ min: 1, max: 20_000 }).map((n) => `<a href="${'h'.repeat(n)}`.repeat(3)),
  fc.integer({ min: 1, max: 20_000 }).map((n) => `${'o t p '.repeat(n)}share`),
  fc.integer({ min: 1, max: 20_000 }).map((n) => `${'share '.repeat(n)}${'otp '.repeat(n)}`),
  fc.integer({ min: 1, max: 10_000 }).map((n) => 'hxxp://a[.]b[.]c'.repeat(n)),
  fc.integer({ min: 1, max: 10_000 }).map((n) => `http://${'@'.repeat(n)}x.com`),
  fc.integer({ min: 1, max: 10_000 }).map((n) => `${'9'.repeat(n)}@ybl pay ${'1'.repeat(n)}`),
);

describe('screening never crashes and its work is bounded', () => {
  it('arbitrary strings and fragments of every rule', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 2000 }), messageText), (text) => bounded(text)), { numRuns: 500 });
  });

  it('pathological links: long, many dots, deep, mixed scripts, thousands of links, unclosed anchors', () => {
    fc.assert(fc.property(pathological, (text) => bounded(text)), { numRuns: 120 });
  });

  it('reads at most MAX_TEXT_CHARS of an oversized input and holds it', () => {
    const { verdict, stats } = screenTextWithStats('x'.repeat(MAX_TEXT_CHARS * 3));
    expect(stats.chars).toBe(MAX_TEXT_CHARS);
    expect(verdict.rules.map((r) => r.id)).toContain('input.oversized');
  });

  it('links past the cap are counted, not parsed', () => {
    const { stats } = screenTextWithStats(Array.from({ length: 3000 }, (_, i) => `https://a${i}.com`).join(' '));
    expect(stats.urlCandidates).toBe(3000);
    expect(stats.urlsParsed).toBeLessThanOrEqual(MAX_CANDIDATES);
    expect(stats.urlsScored).toBe(MAX_URLS);
  });

  it('the same input gives the same verdict', () => {
    fc.assert(fc.property(messageText, (text) => { expect(screenText(text)).toEqual(screenText(text)); }), { numRuns: 200 });
  });

  it('any message or template body, however malformed', () => {
    const anything = fc.anything({ withNullPrototype: true, withBigInt: true, withMap: true, withSet: true, withSparseArray: true, withBoxedValues: true });
    const shaped = fc.record({
      text: fc.record({ body: messageText }),
      interactive: fc.record({ body: fc.record({ text: messageText }), action: fc.record({ parameters: fc.record({ display_text: messageText, url: messageText }) }) }),
      components: fc.array(fc.record({ type: fc.constantFrom('BODY', 'BUTTONS'), text: messageText,
        buttons: fc.array(fc.record({ type: fc.constant('URL'), text: messageText, url: messageText }), { maxLength: 5 }) }), { maxLength: 5 }),
    }, { requiredKeys: [] });
    fc.assert(fc.property(fc.oneof(anything, shaped), (body) => {
      wellFormed(screenMessage((typeof body === 'object' && body !== null ? body : { value: body }) as object));
    }), { numRuns: 400 });
  });
});
