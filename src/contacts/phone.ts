import { parsePhoneNumberWithError, type CountryCode, type PhoneNumber } from 'libphonenumber-js/max';

export type PhoneResult = { ok: true; e164: string } | { ok: false; reason: string };

const REASONS: Record<string, string> = {
  INVALID_COUNTRY: 'The country of the number could not be determined; write it with its + country code.',
  NOT_A_NUMBER: 'This is not a phone number.',
  TOO_SHORT: 'The number is too short.',
  TOO_LONG: 'The number is too long.',
};

/**
 * Normalizes any common way of writing a number to E.164, reading national formats in the
 * organization's country. Bare digits are also tried as international (Meta writes "12025550100"):
 * a valid reading wins over one that is merely possible.
 */
export function normalizePhone(input: string, defaultCountry: string | undefined): PhoneResult {
  // Pure and, in campaigns, asked about the same numbers again and again: remembered (bounded).
  const key = `${defaultCountry ?? ''}|${input}`;
  const known = cache.get(key);
  if (known) return known;
  const result = parse(input, defaultCountry);
  if (cache.size >= CACHE_SIZE) cache.clear();
  cache.set(key, result);
  return result;
}

const CACHE_SIZE = 50_000;
const cache = new Map<string, PhoneResult>();

function parse(input: string, defaultCountry: string | undefined): PhoneResult {
  const trimmed = input.trim();
  const readings = [trimmed, ...(/^[1-9]\d{7,14}$/.test(trimmed) ? [`+${trimmed}`] : [])];
  let firstError = 'NOT_A_NUMBER';
  const parsed: PhoneNumber[] = [];
  for (const text of readings) {
    try {
      parsed.push(defaultCountry ? parsePhoneNumberWithError(text, defaultCountry as CountryCode) : parsePhoneNumberWithError(text));
    } catch (error) {
      if (parsed.length === 0 && error instanceof Error) firstError = error.message;
    }
  }
  // With one reading, "possible" decides (validity would not change the answer and costs the most).
  const best = parsed.length === 1 ? (parsed[0]!.isPossible() ? parsed[0] : undefined) : parsed.find((p) => p.isValid()) ?? parsed.find((p) => p.isPossible());
  if (best) return { ok: true, e164: best.number };
  if (parsed.length > 0) return { ok: false, reason: 'The number has the wrong length for its country.' };
  return { ok: false, reason: REASONS[firstError] ?? 'The number is not valid.' };
}
