// Password hashes: scrypt from node:crypto, stored as `scrypt$N$r$p$saltB64$hashB64` so the cost
// parameters can be raised later without invalidating existing hashes.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const COST = { N: 16_384, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

function derive(plain: string, salt: Buffer, length: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // maxmem: N=2^17 needs 128*N*r bytes; allow up to that so stronger stored parameters still verify.
    scrypt(plain.normalize('NFKC'), salt, length, { ...options, maxmem: 256 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function hashPassword(plain: string): Promise<string> {
  if (plain.length === 0) throw new Error('Password must not be empty');
  const salt = randomBytes(SALT_LENGTH);
  const hash = await derive(plain, salt, KEY_LENGTH, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

/** False for a wrong password and for a malformed or unknown-format hash (never throws on bad input). */
export async function verifyPassword(plain: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const expected = Buffer.from(parts[5] ?? '', 'base64');
  const sane = (n: number | undefined): n is number => n !== undefined && Number.isInteger(n) && n > 0;
  // Bound the parameters so a tampered hash cannot make us burn memory or CPU.
  if (!sane(N) || !sane(r) || !sane(p) || N > 2 ** 20 || (N & (N - 1)) !== 0 || r > 32 || p > 16)
    return false;
  if (salt.length === 0 || expected.length < 32) return false;
  try {
    const actual = await derive(plain, salt, expected.length, { N, r, p });
    return timingSafeEqual(actual, expected);
  } catch {
    return false;
  }
}
