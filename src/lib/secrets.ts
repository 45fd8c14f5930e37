import { createCipheriv, createDecipheriv, createHash, createHmac, createSecretKey, hkdfSync, randomBytes, scrypt, timingSafeEqual, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number, options: object) => Promise<Buffer>;

/**
 * Secrets at rest are AES-256-GCM under the master key, with the place they belong to (org, table,
 * column) as associated data, so a ciphertext copied into another tenant's row fails to decrypt.
 */
export type Sealer = {
  seal(plaintext: string, context: string): string;
  open(sealed: string, context: string): string;
  /**
   * A keyed one-way digest (HMAC-SHA256 under a key derived from the master key for `context`): for values
   * with little entropy, such as phone numbers, that must be matched later but never recovered from the
   * database alone.
   */
  digest(value: string, context: string): string;
};

export function createSealer(masterKeyBase64: string): Sealer {
  const key = Buffer.from(masterKeyBase64, 'base64');
  if (key.length !== 32) throw new Error('MASTER_KEY must decode to exactly 32 bytes (base64)');
  // Derived once per context and kept as KeyObjects: importing a raw key on every HMAC was 3–5 % of a send's CPU.
  const digestKeys = new Map<string, KeyObject>();
  return {
    seal(plaintext, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(context));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return ['v1', iv.toString('base64'), body.toString('base64'), cipher.getAuthTag().toString('base64')].join('.');
    },
    open(sealed, context) {
      const [version, iv, body, tag] = sealed.split('.');
      if (version !== 'v1' || !iv || body === undefined || !tag) throw new Error('unrecognised sealed secret');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
      decipher.setAAD(Buffer.from(context));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
    },
    digest(value, context) {
      let derived = digestKeys.get(context);
      if (!derived) {
        derived = createSecretKey(Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), `xpecto digest ${context}`, 32)));
        if (digestKeys.size >= 10_000) digestKeys.clear();
        digestKeys.set(context, derived);
      }
      return createHmac('sha256', derived).update(value).digest('hex');
    },
  };
}

export function generateMasterKey(): string {
  return randomBytes(32).toString('base64');
}

export function sha256Hex(value: string | Buffer): string {
  return createHash('sha256').update(value).digest('hex');
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** 32 random bytes as base62 (43 characters, ~190 bits): enough entropy that a fast hash is a safe store. */
export function randomToken(bytes = 32): string {
  let n = BigInt('0x' + randomBytes(bytes).toString('hex'));
  let out = '';
  while (n > 0n) {
    out = BASE62[Number(n % 62n)] + out;
    n /= 62n;
  }
  return out.padStart(Math.ceil((bytes * 8) / Math.log2(62)), '0');
}

export function constantTimeEqual(a: string, b: string): boolean {
  const left = createHash('sha256').update(a).digest();
  const right = createHash('sha256').update(b).digest();
  return timingSafeEqual(left, right);
}

// scrypt with N=2^15, r=8, p=1 (OWASP's minimum for scrypt): about 32 MiB and ~50 ms per hash.
const SCRYPT = { N: 32768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(password, salt, 32, SCRYPT);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n), r: Number(r), p: Number(p), maxmem: SCRYPT.maxmem,
  });
  return timingSafeEqual(actual, expected);
}
