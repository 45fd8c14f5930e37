/**
 * Consent keywords and the one rule that matches them (docs/decisions/0011): a customer's message is a
 * keyword when the WHOLE message equals it after both are normalized — Unicode compatibility forms folded,
 * Latin diacritics removed, lower-cased, punctuation, symbols (emoji) and invisible format characters
 * dropped, whitespace collapsed. "Stop!", " STOP " and "stop 🛑" are STOP; "don't stop" and "stop sending
 * me offers" are not: a keyword inside a sentence is a conversation for a human, not an opt-out.
 */

/** Full opt-out: every business-initiated message stops. English, Hindi (Latin and Devanagari), Spanish, Portuguese. */
export const DEFAULT_OPT_OUT_KEYWORDS = [
  'STOP', 'STOP ALL', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'OPT OUT', 'OPTOUT', 'REVOKE',
  'band karo', 'band kar do', 'band kro', 'rok do', 'roko', 'mat bhejo',
  'बंद करो', 'बंद कर दो', 'बंद', 'रोको', 'रोकें', 'रोक दो', 'मत भेजो',
  'ALTO', 'BAJA', 'DAR DE BAJA', 'CANCELAR', 'PARAR', 'DETENER',
  'SAIR', 'PARE', 'DESCADASTRAR',
];

/** Marketing-only opt-out: what WhatsApp's "Stop promotions" quick reply says (and its translations), and friends. */
export const DEFAULT_MARKETING_OPT_OUT_KEYWORDS = [
  'Stop promotions', 'STOP PROMOTION', 'STOP MARKETING', 'STOP OFFERS',
  'Detener promociones', 'Parar promoções',
  'प्रचार बंद करो', 'promotion band karo',
];

export const DEFAULT_OPT_IN_KEYWORDS = [
  'START', 'SUBSCRIBE', 'UNSTOP', 'OPT IN', 'OPTIN',
  'shuru karo', 'शुरू करो', 'चालू करो',
  'ALTA', 'SUSCRIBIR', 'INICIAR', 'ASSINAR',
];

/**
 * Answers that confirm a pending (double) opt-in, besides the opt-in keywords. Not opt-ins on their own:
 * a "yes" in a conversation must not subscribe anyone.
 */
export const CONFIRM_WORDS = ['YES', 'Y', 'CONFIRM', 'SI', 'SIM', 'HAAN', 'HAN', 'हाँ', 'हां'];

/** The normal form both sides of a comparison are reduced to. */
export function normalizeKeyword(text: string): string {
  return text
    .normalize('NFKD')
    // Only the Latin combining diacritics: Devanagari vowel signs are letters' parts, not decoration.
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\p{Cf}]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** The keyword this whole message equals (as configured), or null. */
export function matchKeyword(message: string, keywords: readonly string[]): string | null {
  const normalized = normalizeKeyword(message);
  if (normalized === '') return null;
  return keywords.find((k) => normalizeKeyword(k) === normalized) ?? null;
}

export type KeywordMatch = { word: string; keyword: string };

/** The first of the message's words that is a keyword, with the keyword it matched. */
export function firstMatch(words: string[], keywords: readonly string[]): KeywordMatch | null {
  for (const word of words) {
    const keyword = matchKeyword(word, keywords);
    if (keyword) return { word, keyword };
  }
  return null;
}

/**
 * The words a customer's message carries that a keyword can match: a text's body, a template quick reply's
 * text and payload (a "Stop promotions" tap), an interactive reply's title and id. Media, locations and
 * reactions carry none.
 */
export function wordsOf(type: string, message: Record<string, unknown>): string[] {
  const field = (o: unknown, key: string) => (typeof o === 'object' && o !== null && typeof (o as Record<string, unknown>)[key] === 'string'
    ? [(o as Record<string, string>)[key]!] : []);
  switch (type) {
    case 'text': return field(message['text'], 'body');
    case 'button': return [...field(message['button'], 'text'), ...field(message['button'], 'payload')];
    case 'interactive': {
      const interactive = message['interactive'] as Record<string, unknown> | undefined;
      const reply = interactive?.['button_reply'] ?? interactive?.['list_reply'];
      return [...field(reply, 'title'), ...field(reply, 'id')];
    }
    default: return [];
  }
}

/** Keywords that do not survive normalization, or that sit in two lists at once (the answer would be ambiguous). */
export function keywordProblems(lists: Record<string, readonly string[]>): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const owner = new Map<string, string>();
  for (const [name, list] of Object.entries(lists)) {
    list.forEach((keyword, i) => {
      const normalized = normalizeKeyword(keyword);
      if (normalized === '') {
        problems.push({ path: `body.${name}.${i}`, message: 'has no letters or digits' });
        return;
      }
      const other = owner.get(normalized);
      if (other && other !== name) problems.push({ path: `body.${name}.${i}`, message: `"${keyword}" is also in ${other}` });
      owner.set(normalized, name);
    });
  }
  return problems;
}
