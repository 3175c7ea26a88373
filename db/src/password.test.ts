import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, verifyPassword, type ScryptCost } from './password.js';

/** Below the default, for the tests that are not about the cost (each default hash takes ~0.5 s). */
const CHEAP: ScryptCost = { N: 2 ** 10, r: 8, p: 1 };

describe('password hashing', () => {
  it("hashes at OWASP's cost (N=2^17, r=8, p=1) by default, and verifies the right password only", async () => {
    const hash = await hashPassword('baton-admin');
    expect(hash).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await verifyPassword('baton-admin', hash)).toBe(true);
    expect(await verifyPassword('baton-admin ', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('salts every hash', async () => {
    const [a, b] = await Promise.all([hashPassword('same', CHEAP), hashPassword('same', CHEAP)]);
    expect(a).not.toBe(b);
    expect(await verifyPassword('same', b)).toBe(true);
  });

  it('rejects malformed or tampered hashes without throwing', async () => {
    const hash = await hashPassword('secret', CHEAP);
    const parts = hash.split('$');
    const withCost = (n: string) => [parts[0], n, ...parts.slice(2)].join('$');
    for (const bad of [
      '',
      'plain',
      'bcrypt$x',
      hash.slice(0, -4),
      withCost('1000'),
      withCost(String(2 ** 24)),
      hash.replace('scrypt', 'argon2'),
    ]) {
      expect(await verifyPassword('secret', bad)).toBe(false);
    }
  });

  it('says to rehash a hash with any weaker parameter, and verifies it meanwhile', async () => {
    const weak = await hashPassword('secret', { N: 2 ** 14, r: 8, p: 1 });
    expect(await verifyPassword('secret', weak)).toBe(true);
    expect(needsRehash(weak)).toBe(true);
    expect(needsRehash(weak, { N: 2 ** 14, r: 8, p: 1 })).toBe(false);
    expect(needsRehash(weak, { N: 2 ** 14, r: 16, p: 1 })).toBe(true);
    expect(needsRehash(weak, { N: 2 ** 12, r: 8, p: 1 })).toBe(false);
    expect(needsRehash(await hashPassword('secret', CHEAP), CHEAP)).toBe(false);
  });

  it('refuses to hash an empty password', async () => {
    await expect(hashPassword('')).rejects.toThrow(/empty/);
  });
});
