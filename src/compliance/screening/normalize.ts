// Text normalization before any phrase is matched, applied to messages and to the lexicon alike, so that
// "OTP", "O T P", "0TP", "𝐎𝐓𝐏", "ОТР" (Cyrillic) and "otp" are one word, "contraseña" is "contrasena" and
// Devanagari spelling variants (nukta, chandrabindu, long/short vowel signs) fold together. One pass per
// step over the input: every step is linear in its length.

import { foldLookalikeLetters } from './confusables.ts';

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', '$': 's' };
const INVISIBLE = /[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]/g;
const LATIN_MARKS = /[\u0300-\u036f]/g;
// Devanagari: nukta dropped, chandrabindu → anusvara, long ī/ū vowel signs → short, danda → full stop.
const DEVANAGARI: Record<string, string> = { '\u093c': '', '\u0901': '\u0902', '\u0940': '\u093f', '\u0942': '\u0941', '\u0964': '.', '\u0965': '.' };
const DEVANAGARI_CHARS = /[\u093c\u0901\u0940\u0942\u0964\u0965]/g;
const WORD = /[\p{L}\p{N}\p{M}@$]+/gu;
const HAS_LETTER = /\p{L}/u;
const HAS_LEET = /[0-9@$]/;
// A number with its unit ("24h", "2gb", "10am", "3rd") is a number, not leetspeak.
const UNIT = /^\d+(?:h|hr|hrs|gb|mb|tb|kb|kg|km|am|pm|st|nd|rd|th|x|k|l|ml|g|cm|mm|min|mins|m|s|d|w|y|p|rs|cr)$/;

/** Case, compatibility forms, invisible characters, Latin diacritics, Devanagari variants and lookalike letters. */
export function foldText(text: string): string {
  return foldLookalikeLetters(
    text.normalize('NFKC').toLowerCase().replace(INVISIBLE, '').normalize('NFD').replace(LATIN_MARKS, '')
      .replace(DEVANAGARI_CHARS, (c) => DEVANAGARI[c] ?? c),
  );
}

/**
 * The words of a text for phrase matching: folded, leetspeak undone inside words that also have letters
 * ("0tp", "p@ssword"; plain numbers stay numbers), and runs of three or more single letters joined ("o t p").
 * `raw` keeps each word before the leetspeak step, for the detectors that read numbers.
 */
export function wordsOf(text: string): { words: string[]; raw: string[] } {
  const folded = foldText(text);
  const words: string[] = [];
  const raw: string[] = [];
  for (const m of folded.matchAll(WORD)) {
    let w = m[0];
    // '@' and '$' belong to a word only as leetspeak; otherwise (an e-mail, a VPA, "$50") they separate.
    if (!HAS_LETTER.test(w) && /[@$]/.test(w)) {
      for (const part of w.split(/[@$]+/)) if (part) { words.push(part); raw.push(part); }
      continue;
    }
    raw.push(w);
    if (HAS_LEET.test(w) && HAS_LETTER.test(w) && !UNIT.test(w)) w = w.replace(/[0-9@$]/g, (c) => LEET[c] ?? c);
    words.push(w);
  }
  return joinSpelledOut(words, raw);
}

// "o t p" / "O.T.P" / "k-y-c": three or more single Latin letters in a row become one word.
function joinSpelledOut(words: string[], raw: string[]): { words: string[]; raw: string[] } {
  const outWords: string[] = [];
  const outRaw: string[] = [];
  let i = 0;
  while (i < words.length) {
    let j = i;
    while (j < words.length && /^[a-z]$/.test(words[j] ?? '')) j++;
    if (j - i >= 3) {
      const joined = words.slice(i, j).join('');
      outWords.push(joined);
      outRaw.push(joined);
      i = j;
    } else {
      outWords.push(words[i] ?? '');
      outRaw.push(raw[i] ?? '');
      i++;
    }
  }
  return { words: outWords, raw: outRaw };
}
