import { randomBytes } from 'node:crypto';

/**
 * What a reporter is given to follow their report: RPT- and four groups of four Crockford base32 characters,
 * 80 random bits. It is the only key to the status page, so it is never shown to the reported organization.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const REFERENCE = /^RPT(?:-[0-9A-HJKMNP-TV-Z]{4}){4}$/;

export function newReference(): string {
  const bytes = randomBytes(10);
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let body = '';
  for (let i = 15; i >= 0; i--) body += ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
  return `RPT-${body.slice(0, 4)}-${body.slice(4, 8)}-${body.slice(8, 12)}-${body.slice(12)}`;
}

/** A reference as typed: case and spacing forgiven, Crockford's look-alikes (O, I, L) read as digits; null if not one. */
export function normalizeReference(input: string): string | null {
  const compact = input.trim().toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!/^RPT[0-9A-Z]{16}$/.test(compact)) return null;
  const body = compact.slice(3);
  const reference = `RPT-${body.slice(0, 4)}-${body.slice(4, 8)}-${body.slice(8, 12)}-${body.slice(12)}`;
  return REFERENCE.test(reference) ? reference : null;
}
