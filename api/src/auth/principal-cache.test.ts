import { describe, expect, it } from 'vitest';
import type { Principal } from '../http/env.js';
import { createPrincipalCache } from './principal-cache.js';

const someone: Principal = {
  id: 'u1',
  email: 'a@b.c',
  name: 'A',
  roles: ['agent'],
  departments: ['support'],
  leads: [],
  managerScope: 'every_department',
  via: 'token',
};

describe('principal cache', () => {
  it('keeps an entry for the TTL, never past the session expiry, and forgets on demand', () => {
    let now = 1_000;
    const cache = createPrincipalCache({ ttlMs: 2_000, now: () => now });
    cache.set('a', someone);
    cache.set('b', someone, 1_500);
    now = 1_499;
    expect([cache.get('a'), cache.get('b')]).toEqual([someone, someone]);
    now = 1_500;
    expect(cache.get('b')).toBeUndefined();
    cache.forget('a');
    expect(cache.get('a')).toBeUndefined();
    cache.set('a', someone);
    now = 3_500;
    expect(cache.get('a')).toBeUndefined();
  });

  it('caches nothing with a zero TTL', () => {
    const cache = createPrincipalCache({ ttlMs: 0, now: () => 0 });
    cache.set('a', someone);
    expect(cache.get('a')).toBeUndefined();
  });
});
