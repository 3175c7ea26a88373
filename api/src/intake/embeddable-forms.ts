// A published web form may be shown in an iframe on the sites its ticket type lists, and on no
// other: the form page (/forms/ID, the designer's page) gets `frame-ancestors` naming exactly
// those origins instead of the 'none' every other page has. Runs outside securityHeaders, so
// it rewrites what that middleware wrote.
import { and, eq } from 'drizzle-orm';
import type { MiddlewareHandler } from 'hono';
import { ticketTypes } from '@baton/db';
import type { AppDeps } from '../http/env.js';
import { contentSecurityPolicy } from '../http/security-headers.js';

const FORM_PAGE = /^\/forms\/([A-Za-z0-9][\w-]{0,99})\/?$/;

export function embeddableForms(deps: Pick<AppDeps, 'db'>): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const typeId = c.req.method === 'GET' ? FORM_PAGE.exec(c.req.path)?.[1] : undefined;
    if (!typeId || c.res.status !== 200) return;
    const [type] = await deps.db
      .select({ origins: ticketTypes.formOrigins })
      .from(ticketTypes)
      .where(and(eq(ticketTypes.id, typeId), eq(ticketTypes.formPublished, true)));
    if (!type || type.origins.length === 0) return;
    c.res.headers.set(
      'content-security-policy',
      contentSecurityPolicy({ frameAncestors: ["'self'", ...type.origins] }),
    );
    // frame-ancestors replaces it in every current browser; DENY would still win in old ones.
    c.res.headers.delete('x-frame-options');
  };
}
