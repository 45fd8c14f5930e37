import { randomFillSync } from 'node:crypto';

// Resource ids carry a type prefix and a ULID-shaped body (48-bit milliseconds + 80 random bits, Crockford
// base32, lowercase): time-ordered, so "newest first" is "id descending".
export const ID_PREFIXES = {
  org: 'org',
  user: 'usr',
  apiKey: 'key',
  account: 'waba',
  phoneNumber: 'pn',
  contact: 'ct',
  consent: 'cns',
  template: 'tpl',
  message: 'msg',
  webhookEvent: 'whe',
  request: 'req',
  accountEvent: 'aev',
  event: 'evt',
  webhookEndpoint: 'we',
  webhookDelivery: 'wd',
  media: 'med',
  segment: 'seg',
  contactImport: 'imp',
  complianceSignal: 'sig',
  pendingOptIn: 'poi',
  email: 'eml',
  violationReport: 'rpt',
  standingChange: 'stc',
  appeal: 'apl',
  case: 'case',
  caseEvent: 'cev',
  operatorKey: 'opk',
  session: 'ses',
} as const;

export type IdKind = keyof typeof ID_PREFIXES;

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

// Random bytes drawn 4 KiB at a time: one system call per ~400 ids instead of one or more per id.
const pool = Buffer.alloc(4096);
let offset = pool.length;

function randomBytes10(): Buffer {
  if (offset + 10 > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  offset += 10;
  return pool.subarray(offset - 10, offset);
}

let lastTime = -1;
let lastRandom = Buffer.alloc(10);

/** 26 characters: 10 of time, 16 of randomness; within one millisecond the randomness is incremented, so ids stay ordered. */
function ulidBody(now: number): string {
  if (now <= lastTime) {
    for (let i = 9; i >= 0; i--) {
      lastRandom[i] = (lastRandom[i]! + 1) & 0xff;
      if (lastRandom[i] !== 0) break;
    }
  } else {
    lastTime = now;
    lastRandom = Buffer.from(randomBytes10());
  }
  let time = '';
  let t = lastTime;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32]! + time;
    t = Math.floor(t / 32);
  }
  let random = '';
  let bits = 0;
  let value = 0;
  for (const byte of lastRandom) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      random += ALPHABET[(value >> bits) & 31];
    }
  }
  return time + random;
}

export function newId(kind: IdKind): string {
  return `${ID_PREFIXES[kind]}_${ulidBody(Date.now())}`;
}

export function isId(kind: IdKind, value: string): boolean {
  return new RegExp(`^${ID_PREFIXES[kind]}_[0-9a-hjkmnp-tv-z]{26}$`).test(value);
}
