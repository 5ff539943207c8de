/**
 * Passwords and random secrets. Passwords are hashed with scrypt (a memory-hard function, in
 * Node's own crypto) with a random salt per password; session ids and API tokens are random
 * 256-bit values of which only a SHA-256 hash is stored.
 */
import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** N = 2^15, r = 8, p = 1: about 32 MiB and a tenth of a second a hash on a small server. */
const cost = { N: 2 ** 15, r: 8, p: 1 } as const;
const keyLength = 32;

export const minimumPasswordLength = 10;

function scryptAsync(password: string, salt: Buffer, length: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, length, { ...options, maxmem: 128 * (options.N ?? 1) * (options.r ?? 8) * 2 }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** `scrypt$N$r$p$salt$hash` with salt and hash in base64url. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, keyLength, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** True when `password` is the one `stored` was made from. Takes the same time whether or not it is. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const salt = Buffer.from(parts[4] as string, 'base64url');
  const expected = Buffer.from(parts[5] as string, 'base64url');
  const key = await scryptAsync(password, salt, expected.length, { N, r, p });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** True for a password hash this module made; false for an account without a password (single sign-on only). */
export function isPasswordHash(stored: string): boolean {
  return stored.startsWith('scrypt$');
}

/** What an account that signs in only through single sign-on holds instead of a password hash. */
export const noPasswordHash = '!no-password';

/** A hash to check against when the user does not exist, so that the answer takes as long. */
let decoy: Promise<string> | null = null;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(16).toString('hex'));
  return decoy;
}

/** A random 256-bit secret, URL-safe. `prefix` marks what it is (e.g. `pace_` for API tokens). */
export function newSecret(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
