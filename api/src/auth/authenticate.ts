// Reads credentials (bearer token first, then the session cookie) and sets `principal`.
// It never rejects by itself: each route's access rule decides whether a caller is needed.
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppDeps, AppEnv } from '../http/env.js';
import { ApiError } from '../http/problem.js';
import { principalBySession, principalByToken } from './principal.js';
import { sha256 } from './secrets.js';

export const SESSION_COOKIE = 'baton_session';
const TOKEN_TOUCH_INTERVAL_MS = 60_000;

export function authenticate(deps: AppDeps): MiddlewareHandler<AppEnv> {
  const lastTouched = new Map<string, number>();
  return async (c, next) => {
    const header = c.req.header('authorization');
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match?.[1]) throw new ApiError('unauthenticated', 'the Authorization header must be `Bearer <token>`');
      const principal = await principalByToken(deps.pool, sha256(match[1]));
      if (!principal) throw new ApiError('unauthenticated', 'the API token is unknown or revoked');
      c.set('principal', principal);
      touchToken(principal.tokenId);
    } else {
      const cookie = getCookie(c, SESSION_COOKIE);
      if (cookie) {
        const principal = await principalBySession(deps.pool, sha256(cookie), new Date(deps.config.now()));
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
