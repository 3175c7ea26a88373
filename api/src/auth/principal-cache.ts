// Remembers resolved credentials for a moment: without it every request pays one extra database
// round trip before doing its work. Entries live `ttlMs` at most and never past a session's
// expiry; sign-out and token revocation drop them at once in this process (another API process
// notices within `ttlMs`).
import type { Principal } from '../http/env.js';

export type PrincipalCache = {
  get(credentialHash: string): Principal | undefined;
  set(credentialHash: string, principal: Principal, expiresAt?: number): void;
  forget(credentialHash: string): void;
  clear(): void;
};

export function createPrincipalCache(options: {
  ttlMs: number;
  now: () => number;
  max?: number;
}): PrincipalCache {
  const entries = new Map<string, { principal: Principal; until: number }>();
  const max = options.max ?? 10_000;
  return {
    get(hash) {
      const entry = entries.get(hash);
      if (!entry) return undefined;
      if (entry.until <= options.now()) {
        entries.delete(hash);
        return undefined;
      }
      return entry.principal;
    },
    set(hash, principal, expiresAt) {
      if (options.ttlMs <= 0) return;
      if (entries.size >= max) entries.clear(); // crude bound; refilling costs one query per caller
      entries.set(hash, { principal, until: Math.min(options.now() + options.ttlMs, expiresAt ?? Infinity) });
    },
    forget: (hash) => void entries.delete(hash),
    clear: () => entries.clear(),
  };
}
