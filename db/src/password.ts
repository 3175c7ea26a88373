// Password hashes: scrypt from node:crypto, stored as `scrypt$N$r$p$saltB64$hashB64` so the cost
// parameters can be raised later without invalidating existing hashes: a hash at weaker
// parameters still verifies, and `needsRehash` says to store a new one (at the next sign-in).
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export type ScryptCost = { N: number; r: number; p: number };

/**
 * OWASP's Password Storage Cheat Sheet minimum for scrypt: N=2^17, r=8, p=1 (128 MiB, about half
 * a second on one core). Baton hashed at N=2^14 before; those hashes are replaced at sign-in.
 */
export const PASSWORD_COST: ScryptCost = { N: 2 ** 17, r: 8, p: 1 };
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
/** scrypt needs 128 * N * r bytes (128 MiB at the default); allow twice that for stronger hashes. */
const MAX_MEMORY = 256 * 1024 * 1024;

function derive(plain: string, salt: Buffer, length: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(plain.normalize('NFKC'), salt, length, { ...options, maxmem: MAX_MEMORY }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function hashPassword(plain: string, cost: ScryptCost = PASSWORD_COST): Promise<string> {
  if (plain.length === 0) throw new Error('Password must not be empty');
  const salt = randomBytes(SALT_LENGTH);
  const hash = await derive(plain, salt, KEY_LENGTH, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

type Parsed = ScryptCost & { salt: Buffer; expected: Buffer };

/** The parts of a stored hash, or undefined when it is malformed, unknown or out of bounds. */
function parse(stored: string): Parsed | undefined {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const expected = Buffer.from(parts[5] ?? '', 'base64');
  const sane = (n: number | undefined): n is number => n !== undefined && Number.isInteger(n) && n > 0;
  // Bound the parameters so a tampered hash cannot make us burn memory or CPU.
  if (!sane(N) || !sane(r) || !sane(p) || N > 2 ** 20 || (N & (N - 1)) !== 0 || r > 32 || p > 16)
    return undefined;
  if (salt.length === 0 || expected.length < 32) return undefined;
  return { N, r, p, salt, expected };
}

/** False for a wrong password and for a malformed or unknown-format hash (never throws on bad input). */
export async function verifyPassword(plain: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  try {
    const { N, r, p, salt, expected } = parsed;
    const actual = await derive(plain, salt, expected.length, { N, r, p });
    return timingSafeEqual(actual, expected);
  } catch {
    return false;
  }
}

/** True when a (verified) stored hash used weaker parameters than `cost`: store a new hash. */
export function needsRehash(stored: string, cost: ScryptCost = PASSWORD_COST): boolean {
  const parsed = parse(stored);
  return !parsed || parsed.N < cost.N || parsed.r < cost.r || parsed.p < cost.p;
}
