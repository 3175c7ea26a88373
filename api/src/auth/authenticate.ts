// Reads credentials (bearer token first, then the session cookie) and sets `principal`.
// It never rejects by itself: each route's access rule decides whether a caller is needed.
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppDeps, AppEnv } from '../http/env.js';
import { ApiError } from '../http/problem.js';
import { principalBySession, principalByToken } from './principal.js';
import type { PrincipalCache } from './principal-cache.js';
import { sha256 } from './secrets.js';

export const SESSION_COOKIE = 'baton_session';
const TOKEN_TOUCH_INTERVAL_MS = 60_000;

export function authenticate(deps: AppDeps, cache: PrincipalCache): MiddlewareHandler<AppEnv> {
  const lastTouched = new Map<string, number>();
  return async (c, next) => {
    const header = c.req.header('authorization');
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match?.[1])
        throw new ApiError('unauthenticated', 'the Authorization header must be `Bearer <token>`');
      const hash = sha256(match[1]);
      let principal = cache.get(hash);
      if (!principal) {
        const found = await principalByToken(deps.pool, hash);
        if (!found) throw new ApiError('unauthenticated', 'the API token is unknown or revoked');
        touchToken(found.tokenId);
        cache.set(hash, found);
        principal = found;
      }
      c.set('principal', principal);
    } else {
      const cookie = getCookie(c, SESSION_COOKIE);
      if (cookie) {
        const hash = sha256(cookie);
        let principal = cache.get(hash);
        if (!principal) {
          const found = await principalBySession(deps.pool, hash, new Date(deps.config.now()));
          if (found) cache.set(hash, found, found.expiresAt);
          principal = found;
        }
        if (principal) c.set('principal', principal);
      }
    }
    await next();
  };

  // last_used_at is informative; writing it on every request would double the cost of a read.
  function touchToken(tokenId: string) {
    const now = deps.config.now();
    if ((lastTouched.get(tokenId) ?? 0) > now - TOKEN_TOUCH_INTERVAL_MS) return;
    lastTouched.set(tokenId, now);
    deps.pool
      .query('update api_tokens set last_used_at = $2 where id = $1', [tokenId, new Date(now)])
      .catch((error: unknown) => deps.log.warn({ err: error, tokenId }, 'could not record API token use'));
  }
}
