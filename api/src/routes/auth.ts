// Sign-in with a password (session cookie), sign-out, who am I, and personal API tokens.
import { getConnInfo } from '@hono/node-server/conninfo';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { randomUUID } from 'node:crypto';
import { hashPassword, verifyPassword } from '@baton/db';
import { apiTokens, sessions, users } from '@baton/db/schema';
import { SESSION_COOKIE } from '../auth/authenticate.js';
import { principalById } from '../auth/principal.js';
import type { PrincipalCache } from '../auth/principal-cache.js';
import { createRateLimiter } from '../auth/rate-limit.js';
import { newSecret, sha256 } from '../auth/secrets.js';
import type { AppDeps, Principal } from '../http/env.js';
import { defineRoute, jsonBody, jsonResponse, newRouter, principalOf, z } from '../http/openapi.js';
import { ApiError, notFound } from '../http/problem.js';
import { PersonFields } from '../http/schemas.js';

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

const clientAddress = (c: Context): string => {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // not served by @hono/node-server (e.g. app.request in tests)
  }
};

export function authRoutes(deps: AppDeps, principals: PrincipalCache) {
  const app = newRouter();
  const limiter = createRateLimiter({
    ...deps.config.login,
    max: deps.config.login.maxAttempts,
    now: deps.config.now,
  });
  // Compare against a real hash when the email is unknown so timing does not reveal accounts.
  const decoyHash = hashPassword(newSecret());

  app.openapi(
    defineRoute('public', {
      method: 'post',
      path: '/auth/login',
      tags: ['auth'],
      summary: 'Sign in with email and password',
      description: `Sets an HTTP-only \`${SESSION_COOKIE}\` cookie. At most ${deps.config.login.maxAttempts} attempts per email and address per minute.`,
      request: {
        body: jsonBody(
          z.strictObject({ email: z.string().min(1).max(320), password: z.string().min(1).max(1024) }),
        ),
      },
      responses: { 200: jsonResponse(z.object({ user: MeSchema }), 'Signed in') },
    }),
    async (c) => {
      const { email, password } = c.req.valid('json');
      const verdict = limiter.hit(`${email.toLowerCase()}|${clientAddress(c)}`);
      if (!verdict.allowed) {
        throw new ApiError('rate-limited', `too many sign-in attempts; retry in ${verdict.retryAfterSec} s`, {
          headers: { 'retry-after': String(verdict.retryAfterSec) },
        });
      }
      const [user] = await deps.db
        .select({ id: users.id, passwordHash: users.passwordHash })
        .from(users)
        .where(and(sql`lower(${users.email}) = lower(${email})`, eq(users.active, true)));
      const ok = await verifyPassword(password, user?.passwordHash ?? (await decoyHash));
      if (!user?.passwordHash || !ok) throw new ApiError('unauthenticated', 'email or password is wrong');

      const secret = newSecret();
      const now = deps.config.now();
      await deps.db.insert(sessions).values({
        idHash: sha256(secret),
        userId: user.id,
        createdAt: new Date(now),
        expiresAt: new Date(now + deps.config.sessionTtlMs),
      });
      setCookie(c, SESSION_COOKIE, secret, {
        httpOnly: true,
        sameSite: 'Lax',
        secure: deps.config.secureCookies,
        path: '/',
        maxAge: Math.floor(deps.config.sessionTtlMs / 1000),
      });
      const principal = await principalById(deps.pool, user.id);
      if (!principal) throw new ApiError('unauthenticated', 'the account is not active');
      deps.log.info({ userId: user.id }, 'signed in');
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
        await deps.db.delete(sessions).where(eq(sessions.idHash, principal.sessionHash));
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

  const tokenRow = (t: typeof apiTokens.$inferSelect) => ({
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
    async (c) => {
      const rows = await deps.db
        .select()
        .from(apiTokens)
        .where(eq(apiTokens.userId, principalOf(c).id))
        .orderBy(apiTokens.createdAt);
      return c.json({ items: rows.map(tokenRow) }, 200);
    },
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
      const token = newSecret('bt_');
      const [row] = await deps.db
        .insert(apiTokens)
        .values({
          id: randomUUID(),
          userId: principalOf(c).id,
          name: c.req.valid('json').name,
          tokenHash: sha256(token),
          createdAt: new Date(deps.config.now()),
        })
        .returning();
      if (!row) throw new Error('insert returned no row');
      return c.json({ ...tokenRow(row), token }, 201);
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
      const revoked = await deps.db
        .update(apiTokens)
        .set({ revokedAt: new Date(deps.config.now()) })
        .where(
          and(eq(apiTokens.id, id), eq(apiTokens.userId, principalOf(c).id), isNull(apiTokens.revokedAt)),
        )
        .returning({ id: apiTokens.id });
      if (revoked.length === 0) throw notFound('API token', id);
      principals.clear(); // the cache is keyed by token hash, which is not stored: drop everything
      return c.body(null, 204);
    },
  );

  return app;
}
