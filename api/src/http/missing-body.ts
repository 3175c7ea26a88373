// A request sent to a route with a JSON body but without any body bytes. Where every field of the
// body is optional (claim, resume, cancel...) no body means `{}`; where not, 400 naming `body`.
// Without this, Hono's validator read a missing body as `{}` only when no Content-Type was sent,
// as malformed JSON when one was, and a handler reading the body itself failed with a 500.
import type { MiddlewareHandler } from 'hono';
import type { ZodType } from 'zod';
import type { AppEnv } from './env.js';
import { ApiError } from './problem.js';

export function missingBody(schema: ZodType): MiddlewareHandler<AppEnv> {
  const optional = schema.safeParse({}).success;
  return async (c, next) => {
    if ((await c.req.text()).trim() !== '') return next();
    if (!optional) {
      throw new ApiError('bad-request', `${c.req.method} ${c.req.routePath} needs a JSON body`, {
        errors: [{ path: 'body', message: 'a JSON body is required', code: 'missing_body' }],
      });
    }
    // The request everything after this reads (validators, handlers): the same, with `{}` as body.
    const headers = new Headers(c.req.raw.headers);
    headers.set('content-type', 'application/json');
    c.req.raw = new Request(c.req.url, { method: c.req.method, headers, body: '{}' });
    c.req.bodyCache = {};
    await next();
  };
}
