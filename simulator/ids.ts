// Identifiers shaped like Meta's: numeric-string object ids, `wamid.` message ids, trace ids.

import { randomBytes, randomInt } from 'node:crypto';

/** A fresh 15-digit numeric string, unique among `taken`. */
export function newNumericId(taken: (id: string) => boolean): string {
  for (;;) {
    const id = String(randomInt(1, 10)) + String(randomInt(0, 1e7)).padStart(7, '0') + String(randomInt(0, 1e7)).padStart(7, '0');
    if (!taken(id)) return id;
  }
}

/** Mimics Meta's wamid: base64 of a small protobuf-like blob carrying the customer's digits. */
export function newWamid(customerDigits: string): string {
  const digits = Buffer.from(customerDigits, 'ascii');
  const tail = Buffer.from(randomBytes(9).toString('hex').toUpperCase(), 'ascii');
  const blob = Buffer.concat([
    Buffer.from([0x1c, 0x18, digits.length]), digits, Buffer.from([0x15, 0x02, 0x00, 0x11, 0x18, tail.length]), tail, Buffer.from([0x00]),
  ]);
  return `wamid.${blob.toString('base64')}`;
}

export function newFbtraceId(): string {
  return randomBytes(16).toString('base64url').slice(0, 23);
}

export function newHex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

/** Unix seconds as the string Meta puts in message and status webhooks. */
export function unixSeconds(ms: number = Date.now()): string {
  return String(Math.floor(ms / 1000));
}
