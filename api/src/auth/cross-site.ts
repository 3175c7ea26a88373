// Refuses cross-site request forgery: a page elsewhere (another port of the same host counts)
// making a signed-in browser send a mutation with its session cookie. A no-cors POST without a
// body needs no preflight, and SameSite=Lax does not stop a same-site one, so the server checks
// where the request comes from, as browsers tell it:
//  - `Sec-Fetch-Site` (set by the browser, a page cannot forge it): only `same-origin` and `none`
//    (typed in, a bookmark) pass. It decides when present, so the designer's dev server, which
//    proxies /api and rewrites the Host, still works.
//  - else `Origin` (older browsers): it must be the origin the request came to (its Host) or one
//    of `config.trustedOrigins` (BATON_APP_URL, when a proxy in front rewrites the Host).
//  - neither header: not a browser (curl, scripts), nothing to forge.
// Requests with an Authorization header are left alone: a bearer token is never sent by a
// browser on its own, so a forged request cannot carry one.
import type { MiddlewareHandler } from 'hono';
import type { ApiConfig } from '../config.js';
import type { AppEnv } from '../http/env.js';
import { forbidden } from '../http/problem.js';

const MUTATIONS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const SAME_ORIGIN = new Set(['same-origin', 'none']);

/** Why the request is refused, or undefined when it may go on. */
function crossSiteReason(
  request: { method: string; url: string; header(name: string): string | undefined },
  trustedOrigins: ReadonlySet<string>,
): string | undefined {
  if (!MUTATIONS.has(request.method) || request.header('authorization') !== undefined) return undefined;
  const site = request.header('sec-fetch-site');
  if (site !== undefined)
    return SAME_ORIGIN.has(site) ? undefined : `the browser says it comes from a ${site} page`;
  const origin = request.header('origin');
  if (origin === undefined) return undefined;
  if (trustedOrigins.has(origin)) return undefined;
  let host: string | undefined;
  try {
    host = new URL(origin).host;
  } catch {
    host = undefined; // `null` (a sandboxed page, a file) or garbage: not this app
  }
  return host === new URL(request.url).host ? undefined : `it comes from the page origin ${origin}`;
}

export function refuseCrossSite(config: Pick<ApiConfig, 'trustedOrigins'>): MiddlewareHandler<AppEnv> {
  const trusted = new Set(config.trustedOrigins.map((o) => new URL(o).origin));
  return async (c, next) => {
    const reason = crossSiteReason(c.req, trusted);
    if (reason) {
      throw forbidden(
        `cross-site request refused: ${c.req.method} without a bearer token, and ${reason}. ` +
          'Use Baton from its own address, or send `Authorization: Bearer <token>`.',
      );
    }
    await next();
  };
}
