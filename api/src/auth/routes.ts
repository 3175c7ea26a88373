// Auth routes: sign-in with a password (session cookie), sign-out, who am I, personal API tokens.
import { deleteCookie, setCookie } from 'hono/cookie';
import type { AppDeps, Principal } from '../http/env.js';
import { defineRoute, jsonBody, jsonResponse, newRouter, principalOf, z } from '../http/openapi.js';
import { clientAddress } from '../http/client-address.js';
import { ApiError, notFound, rateLimited } from '../http/problem.js';
import { PersonFields } from '../http/schemas.js';
import { createApiToken, listApiTokens, revokeApiToken, type ApiTokenRow } from './api-tokens.js';
import { SESSION_COOKIE } from './authenticate.js';
import { principalById } from './principal.js';
import type { PrincipalCache } from './principal-cache.js';
import { createRateLimiter } from './rate-limit.js';
import { endSession, passwordCheck, startSession } from './sign-in.js';

export const MeSchema = z
  .object({
    ...PersonFields,
    leads: z.array(z.string()).openapi({ description: 'Departments this user leads.' }),
  })
  .openapi('Me');

const TokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .openapi('ApiToken');

const toMe = (p: Principal) => ({
  id: p.id,
  email: p.email,
  name: p.name,
  roles: p.roles,
  departments: p.departments,
  leads: p.leads,
});

export function authRoutes(deps: AppDeps, principals: PrincipalCache) {
  const app = newRouter();
  const { maxAttempts, maxFailuresPerAddress, windowMs } = deps.config.login;
  const perAccount = createRateLimiter({ max: maxAttempts, windowMs, now: deps.config.now });
  const perAddress = createRateLimiter({ max: maxFailuresPerAddress, windowMs, now: deps.config.now });
  const checkPassword = passwordCheck(deps.db, deps.config.passwordCost);

  app.openapi(
    defineRoute('public', {
      method: 'post',
      path: '/auth/login',
      tags: ['auth'],
      summary: 'Sign in with email and password',
      description: `Sets an HTTP-only \`${SESSION_COOKIE}\` cookie. At most ${maxAttempts} attempts per email and address per minute.`,
      request: {
        body: jsonBody(
          z.strictObject({ email: z.string().min(1).max(320), password: z.string().min(1).max(1024) }),
        ),
      },
      responses: { 200: jsonResponse(z.object({ user: MeSchema }), 'Signed in') },
    }),
    async (c) => {
      const { email, password } = c.req.valid('json');
      const address = clientAddress(c);
      // Counted as a failure before the check, so a burst of parallel guesses cannot all get in;
      // taken back when the password was right.
      const byAddress = perAddress.hit(address);
      if (!byAddress.allowed) throw rateLimited('failed sign-ins from this address', byAddress.retryAfterSec);
      const byAccount = perAccount.hit(`${email.toLowerCase()}|${address}`);
      if (!byAccount.allowed) throw rateLimited('sign-in attempts', byAccount.retryAfterSec);
      const userId = await checkPassword(email, password);
      perAddress.forgive(address);
      const secret = await startSession(deps.db, userId, deps.config.now(), deps.config.sessionTtlMs);
      setCookie(c, SESSION_COOKIE, secret, {
        httpOnly: true,
        sameSite: 'Lax',
        secure: deps.config.secureCookies,
        path: '/',
        maxAge: Math.floor(deps.config.sessionTtlMs / 1000),
      });
      const principal = await principalById(deps.pool, userId);
      if (!principal) throw new ApiError('unauthenticated', 'the account is not active');
      deps.log.info({ userId }, 'signed in');
      return c.json({ user: toMe(principal) }, 200);
    },
  );

  app.openapi(
    defineRoute('authenticated', {
      method: 'post',
      path: '/auth/logout',
      tags: ['auth'],
      summary: 'Sign out (ends the current session)',
      responses: { 204: { description: 'Signed out' } },
    }),
    async (c) => {
      const principal = principalOf(c);
      if (principal.sessionHash) {
        await endSession(deps.db, principal.sessionHash);
        principals.forget(principal.sessionHash);
      }
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    },
  );

  app.openapi(
    defineRoute('authenticated', {
      method: 'get',
      path: '/me',
      tags: ['auth'],
      summary: 'The signed-in user with roles, departments and led departments',
      responses: { 200: jsonResponse(MeSchema, 'The caller') },
    }),
    (c) => c.json(toMe(principalOf(c)), 200),
  );

  const tokenJson = (t: ApiTokenRow) => ({
    id: t.id,
    name: t.name,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
  });

  app.openapi(
    defineRoute('authenticated', {
      method: 'get',
      path: '/me/tokens',
      tags: ['auth'],
      summary: 'My API tokens (without their secrets)',
      responses: { 200: jsonResponse(z.object({ items: z.array(TokenSchema) }), 'Tokens') },
    }),
    async (c) => c.json({ items: (await listApiTokens(deps.db, principalOf(c).id)).map(tokenJson) }, 200),
  );

  app.openapi(
    defineRoute('authenticated', {
      method: 'post',
      path: '/me/tokens',
      tags: ['auth'],
      summary: 'Create an API token for scripts',
      description: 'The token is shown once in this answer; send it as `Authorization: Bearer <token>`.',
      request: { body: jsonBody(z.strictObject({ name: z.string().trim().min(1).max(100) })) },
      responses: { 201: jsonResponse(TokenSchema.extend({ token: z.string() }), 'Created') },
    }),
    async (c) => {
      const { row, token } = await createApiToken(
        deps.db,
        principalOf(c).id,
        c.req.valid('json').name,
        new Date(deps.config.now()),
      );
      return c.json({ ...tokenJson(row), token }, 201);
    },
  );

  app.openapi(
    defineRoute('authenticated', {
      method: 'delete',
      path: '/me/tokens/{id}',
      tags: ['auth'],
      summary: 'Revoke one of my API tokens',
      request: { params: z.object({ id: z.string().max(100) }) },
      responses: { 204: { description: 'Revoked' } },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      if (!(await revokeApiToken(deps.db, principalOf(c).id, id, new Date(deps.config.now()))))
        throw notFound('API token', id);
      principals.clear(); // the cache is keyed by token hash, which is not stored: drop everything
      return c.body(null, 204);
    },
  );

  return app;
}
