// Finds the lexicon's phrases (and a few shapes no phrase list can name: a one-time code being delivered, a
// personal mobile number, a time limit) in a message's words. One pass over the words; each word looks up
// only the phrases that can start with its first three characters, so the work is linear in the text.

import { BRANDS } from './brands.ts';
import { LEXICON } from './lexicon.ts';
import { wordsOf } from './normalize.ts';

/** Where a signal was found: the index of its first word and the word after its last. */
export type Hit = { start: number; end: number };
export type Signals = { words: string[]; raw: string[]; hits: Map<string, Hit[]> };

type Pattern = { signal: string; parts: { text: string; prefix: boolean }[] };
const KEY = 3;
const keyOf = (word: string) => word.slice(0, KEY);

function compile(lexicon: Record<string, string[]>): Map<string, Pattern[]> {
  const index = new Map<string, Pattern[]>();
  for (const [signal, phrases] of Object.entries(lexicon)) {
    for (const phrase of new Set(phrases)) {
      const parts: Pattern['parts'] = [];
      for (const piece of phrase.split(/\s+/)) {
        const prefix = piece.endsWith('*');
        const words = wordsOf(prefix ? piece.slice(0, -1) : piece).words;
        words.forEach((text, i) => parts.push({ text, prefix: prefix && i === words.length - 1 }));
      }
      const first = parts[0];
      if (!first) continue;
      if (first.prefix && first.text.length < KEY) throw new Error(`lexicon ${signal}: a prefix needs ${KEY} characters: ${phrase}`);
      const key = keyOf(first.text);
      const list = index.get(key) ?? [];
      list.push({ signal, parts });
      index.set(key, list);
    }
  }
  return index;
}

// Brand names are signals too (`brand:<index in BRANDS>`), to compare the brand a text names with its links.
const INDEX = compile({ ...LEXICON, ...Object.fromEntries(BRANDS.map((b, i) => [`brand:${i}`, b.names])) });
const matches = (word: string | undefined, part: { text: string; prefix: boolean }) =>
  word !== undefined && (part.prefix ? word.startsWith(part.text) : word === part.text);

/** Adds a hit unless it lies inside the signal's previous one ("taxa de inscricao" is one fee, not two). */
function add(hits: Map<string, Hit[]>, signal: string, hit: Hit): void {
  const list = hits.get(signal);
  if (!list) { hits.set(signal, [hit]); return; }
  const last = list[list.length - 1];
  if (last && last.start === hit.start) { if (hit.end > last.end) last.end = hit.end; return; }
  if (last && hit.start < last.end) return;
  list.push(hit);
}

export function findSignals(text: string): Signals {
  const { words, raw } = wordsOf(text);
  const hits = new Map<string, Hit[]>();
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    for (const pattern of INDEX.get(keyOf(word)) ?? []) {
      let k = 0;
      while (k < pattern.parts.length && matches(words[i + k], pattern.parts[k]!)) k++;
      if (k === pattern.parts.length) add(hits, pattern.signal, { start: i, end: i + k });
    }
    detectShapes(raw, i, hits);
  }
  return { words, raw, hits };
}

const CODE_WORDS = new Set(['otp', 'code', 'codigo', 'password', 'passcode', 'pin', 'ओटीपी', 'कोड', 'senha']);
const TIME_UNITS = new Set(['hours', 'hour', 'hrs', 'hr', 'minutes', 'mins', 'ghante', 'ghanton', 'घंटे', 'घंटों', 'horas', 'hora', 'minutos']);
const PERIOD_UNITS = new Set(['days', 'day', 'din', 'दिन', 'dias', 'week', 'weeks', 'semana', 'hours', 'horas', 'ghante', 'घंटे']);

// Shapes read from the raw words (numbers kept as numbers).
function detectShapes(raw: string[], i: number, hits: Map<string, Hit[]>): void {
  const w = raw[i] ?? '';
  // A code being handed to the reader: a 4–8 digit number (or "884 211", "G-448120") near a code word.
  if (/^\d{4,8}$/.test(w) || (/^\d{3}$/.test(w) && /^\d{3}$/.test(raw[i + 1] ?? ''))) {
    for (let k = Math.max(0, i - 6); k <= Math.min(raw.length - 1, i + 6); k++) {
      if (CODE_WORDS.has(raw[k] ?? '')) { add(hits, 'code_given', { start: i, end: i + 1 }); break; }
    }
  }
  // A personal Indian mobile number (10 digits from 6–9, optionally after 91): scammers' "officer" lines.
  // Any other long number may be a bank account to pay into.
  if (/^[6-9]\d{9}$/.test(w) || (w === '91' && /^[6-9]\d{9}$/.test(raw[i + 1] ?? ''))) add(hits, 'mobile_number', { start: i, end: i + 1 });
  else if (/^\d{9,18}$/.test(w)) add(hits, 'account_number', { start: i, end: i + 1 });
  // A deadline counted in hours or minutes ("in 2 hours", "24h"), and a period for promised returns ("in 7 days").
  const unit = raw[i + 1] ?? '';
  if (/^\d{1,3}$/.test(w) && TIME_UNITS.has(unit)) add(hits, 'urgency', { start: i, end: i + 2 });
  if (/^\d{1,3}h$/.test(w)) add(hits, 'urgency', { start: i, end: i + 1 });
  if ((/^\d{1,3}$/.test(w) || w === 'a' || w === 'una' || w === 'uma') && PERIOD_UNITS.has(unit)) add(hits, 'period', { start: i, end: i + 2 });
}
