import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password.js';

describe('password hashing', () => {
  it('stores scrypt parameters, salt and hash, and verifies the right password only', async () => {
    const hash = await hashPassword('baton-admin');
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await verifyPassword('baton-admin', hash)).toBe(true);
    expect(await verifyPassword('baton-admin ', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('salts every hash', async () => {
    const [a, b] = await Promise.all([hashPassword('same'), hashPassword('same')]);
    expect(a).not.toBe(b);
    expect(await verifyPassword('same', b)).toBe(true);
  });

  it('rejects malformed or tampered hashes without throwing', async () => {
    const hash = await hashPassword('secret');
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

  it('refuses to hash an empty password', async () => {
    await expect(hashPassword('')).rejects.toThrow(/empty/);
  });
});
