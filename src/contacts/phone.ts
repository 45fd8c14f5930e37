import { parsePhoneNumberWithError, type CountryCode } from 'libphonenumber-js/max';

export type PhoneResult = { ok: true; e164: string } | { ok: false; reason: string };

/** Normalizes any common way of writing a number to E.164, reading national formats in the organization's country. */
export function normalizePhone(input: string, defaultCountry: string): PhoneResult {
  try {
    const trimmed = input.trim();
    // Meta writes numbers as bare international digits ("12025550100"); read those as international.
    const text = /^\d{8,15}$/.test(trimmed) && !trimmed.startsWith('0') && defaultCountry !== 'XX' ? `+${trimmed}` : trimmed;
    const parsed = parsePhoneNumberWithError(text, defaultCountry as CountryCode);
    if (!parsed.isPossible()) return { ok: false, reason: 'The number has the wrong length for its country.' };
    return { ok: true, e164: parsed.number };
  } catch (error) {
    const code = error instanceof Error ? error.message : 'INVALID';
    const reasons: Record<string, string> = {
      INVALID_COUNTRY: 'The country of the number could not be determined; write it with its + country code.',
      NOT_A_NUMBER: 'This is not a phone number.',
      TOO_SHORT: 'The number is too short.',
      TOO_LONG: 'The number is too long.',
    };
    return { ok: false, reason: reasons[code] ?? 'The number is not valid.' };
  }
}
