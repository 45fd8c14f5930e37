// Confusable skeletons in the spirit of Unicode TR39: two strings that look alike map to the same skeleton.
// A compact table for the scripts lookalike domains use against Latin brand names (Cyrillic, Greek, Latin
// extensions, digits), not the full confusables.txt: the brand list is Latin, so only lookalikes of Latin matter.

const SINGLE: Record<string, string> = {
  // Cyrillic
  а: 'a', в: 'b', г: 'r', д: 'd', е: 'e', ё: 'e', з: '3', и: 'u', і: 'i', ї: 'i', ј: 'j', к: 'k', л: 'n', м: 'm',
  н: 'h', о: 'o', п: 'n', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', ш: 'w', щ: 'w', ъ: 'b', ь: 'b', ѕ: 's',
  ԁ: 'd', ԛ: 'q', ԝ: 'w', ӏ: 'l', һ: 'h', ү: 'y', ґ: 'r', є: 'e', ћ: 'h',
  // Greek
  α: 'a', β: 'b', γ: 'y', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ω: 'w',
  μ: 'u', ϲ: 'c', ϳ: 'j', ς: 'c', σ: 'o',
  // Latin extensions and IPA letters that survive NFD
  ı: 'i', ȷ: 'j', ɡ: 'g', ɑ: 'a', ɩ: 'i', ł: 'l', ƚ: 'l', ɫ: 'l', ø: 'o', đ: 'd', ħ: 'h', ŧ: 't', ɒ: 'a', ʀ: 'r',
  ꞵ: 'b', ɴ: 'n', ʏ: 'y', ᴄ: 'c', ᴏ: 'o', ᴠ: 'v', ᴡ: 'w', ᴢ: 'z', ꜱ: 's',
  // Digits and symbols used for letters
  '0': 'o', '1': 'l', '3': 'e', '4': 'a', '5': 's', '7': 't', '|': 'l', '$': 's', '@': 'a',
};
// Letter pairs that read as one letter at a glance (TR39 lists "rn" → "m"; "vv" → "w").
const PAIRS: [string, string][] = [['rn', 'm'], ['vv', 'w']];

/** The skeleton of a (lower-case) domain label or word: marks dropped, lookalikes folded to Latin. */
export function skeleton(input: string): string {
  let out = '';
  for (const ch of input.normalize('NFD')) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0x300 && code <= 0x36f) continue;
    out += SINGLE[ch] ?? ch;
  }
  for (const [from, to] of PAIRS) out = out.replaceAll(from, to);
  return out;
}

/** Folds Cyrillic and Greek lookalikes to Latin in running text (the four languages screened use neither). */
export function foldLookalikeLetters(input: string): string {
  let out = '';
  for (const ch of input) {
    const code = ch.codePointAt(0) ?? 0;
    out += code >= 0x370 && code <= 0x52f ? (SINGLE[ch] ?? ch) : ch;
  }
  return out;
}

export type Script = 'latin' | 'cyrillic' | 'greek' | 'other';
const LATIN = /\p{Script=Latin}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const GREEK = /\p{Script=Greek}/u;
const LETTER = /\p{L}/u;

/** The scripts of the letters in a label (digits and hyphens belong to none). */
export function scriptsOf(label: string): Set<Script> {
  const found = new Set<Script>();
  for (const ch of label) {
    if (!LETTER.test(ch)) continue;
    found.add(LATIN.test(ch) ? 'latin' : CYRILLIC.test(ch) ? 'cyrillic' : GREEK.test(ch) ? 'greek' : 'other');
  }
  return found;
}

/** Optimal string alignment distance, giving up (returning max + 1) once it must exceed max. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a.length > MAX_EDIT || b.length > MAX_EDIT) return max + 1;
  // Three rows reused across calls: this runs for every domain piece against every brand token.
  let [prev2, prev, row] = [ROWS[0]!, ROWS[1]!, ROWS[2]!];
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) v = Math.min(v, prev2[j - 2]! + 1);
      row[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, row] = [prev, row, prev2];
  }
  return prev[b.length]!;
}
const MAX_EDIT = 64;
const ROWS = [new Int32Array(MAX_EDIT + 1), new Int32Array(MAX_EDIT + 1), new Int32Array(MAX_EDIT + 1)];
