// Route definition helpers: every route states who may call it, and the OpenAPI document says so.
import { OpenAPIHono, createRoute, z, type RouteConfig } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { ZodError, ZodType } from 'zod';
import type { Role } from '@baton/db/schema';
import { hasRole } from '../access/roles.js';
import type { AppEnv, Principal } from './env.js';
import { missingBody } from './missing-body.js';
import { ApiError, inputRoot, invalid, type FieldError } from './problem.js';
import { refuseUnstorableText } from './unstorable-text.js';

/** Who may call a route. Admins may call every non-public route. */
export type Access = 'public' | 'authenticated' | readonly Role[];

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z
      .string()
      .openapi({ description: 'Stable machine-readable code, e.g. `validation-failed`, `conflict`.' }),
    instance: z.string(),
    errors: z
      .array(z.object({ path: z.string(), message: z.string(), code: z.string().optional() }))
      .optional(),
  })
  .openapi('Problem');

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

const ERROR_RESPONSES = {
  400: problem('Malformed request (`malformed-json`, `bad-request`)'),
  401: problem('Not authenticated (`unauthenticated`)'),
  403: problem('The caller may not do this (`forbidden`)'),
  404: problem('Unknown resource (`not-found`)'),
  409: problem('The resource changed or is held by someone else (`conflict`)'),
  413: problem('Body too large (`payload-too-large`)'),
  422: problem('Invalid input (`validation-failed`), with `errors[]`'),
  429: problem('Rate limited (`rate-limited`)'),
} as const;

export function zodErrors(error: ZodError, target: string): FieldError[] {
  return error.issues.map((issue) => {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    const path = [target, ...issue.path.map(String)].join('.');
    return keys.length > 0
      ? { path, message: `unknown field(s): ${keys.join(', ')}`, code: issue.code }
      : { path, message: issue.message, code: issue.code };
  });
}

export function newRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const errors = zodErrors(result.error, inputRoot(result.target));
        throw invalid(errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
      }
    },
  });
}

const describeAccess = (access: Access) =>
  access === 'public'
    ? 'Public.'
    : access === 'authenticated'
      ? 'Any signed-in user.'
      : `Roles: ${['admin', ...access.filter((r) => r !== 'admin')].join(', ')}.`;

/** The caller, or 401. */
export function principalOf(c: { get(key: 'principal'): Principal | undefined }): Principal {
  const principal = c.get('principal');
  if (!principal) throw new ApiError('unauthenticated', 'sign in or send a bearer API token');
  return principal;
}

export function authorize(access: Access): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (access !== 'public') {
      const principal = principalOf(c);
      if (access !== 'authenticated' && !hasRole(principal, access)) {
        throw new ApiError(
          'forbidden',
          `${c.req.method} ${c.req.routePath} needs one of the roles: ${['admin', ...access].join(', ')}`,
        );
      }
    }
    await next();
  };
}

const SECURED: Record<string, string[]>[] = [{ session: [] }, { bearer: [] }];

const isZod = (schema: unknown): schema is ZodType =>
  typeof (schema as ZodType | undefined)?.safeParse === 'function';

/**
 * createRoute plus the access rule (enforced by middleware, documented in the operation), and the
 * edge every route shares before its validators: no text Postgres cannot store, a missing body.
 */
export function defineRoute<const R extends RouteConfig>(access: Access, config: R) {
  const jsonContent = config.request?.body?.content['application/json'];
  const bodySchema: unknown = jsonContent && 'schema' in jsonContent ? jsonContent.schema : undefined;
  return createRoute({
    ...config,
    description: [config.description, describeAccess(access)].filter(Boolean).join('\n\n'),
    security: access === 'public' ? [] : SECURED,
    'x-baton-access': access,
    middleware: [
      authorize(access),
      ...(isZod(bodySchema) ? [missingBody(bodySchema)] : []),
      refuseUnstorableText(),
    ],
    responses: { ...ERROR_RESPONSES, ...config.responses },
  });
}

/** A JSON request body (required, so a missing body is a validation error, not `{}`). */
export const jsonBody = <T extends z.ZodType>(schema: T, description?: string) => ({
  required: true,
  description,
  content: { 'application/json': { schema } },
});

export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export { z };
