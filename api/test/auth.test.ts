import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '@baton/db';
import { createApp } from '../src/app.js';
import { defaultConfig } from '../src/config.js';
import { createHarness, PASSWORD, problemOf, type Harness } from './harness.js';
import { idleRuntime } from './idle-runtime.js';

let h: Harness;
let clock = Date.parse('2026-03-10T10:00:00Z');
beforeAll(async () => {
  h = await createHarness({ runtime: idleRuntime(), config: { now: () => clock } });
});
afterAll(() => h?.close());

const login = (email: string, password: string) =>
  h.app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });

const cookieOf = (res: Response) => (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

describe('sessions', () => {
  it('signs in with a password, sets an HTTP-only Lax cookie, and signs out', async () => {
    const res = await login('Agent@Example.test', PASSWORD);
    expect(res.status).toBe(200);
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^baton_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const body = (await res.json()) as { user: { id: string; departments: string[] } };
    expect(body.user).toMatchObject({ id: h.ids.agent, departments: ['support'] });

    const cookie = cookieOf(res);
    const me = await h.app.request('/api/me', { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ id: h.ids.agent, roles: ['agent'] });

    // Only the hash is stored: the cookie value itself appears nowhere in the table.
    const { rows } = await h.t.pool.query('select id_hash from sessions');
    expect(rows.map((r: { id_hash: string }) => r.id_hash)).not.toContain(cookie.split('=')[1]);

    expect((await h.app.request('/api/auth/logout', { method: 'POST', headers: { cookie } })).status).toBe(
      204,
    );
    const after = await h.app.request('/api/me', { headers: { cookie } });
    expect((await problemOf(after)).code).toBe('unauthenticated');
  });

  it('refuses a wrong password and an unknown email alike', async () => {
    const wrong = await problemOf(await login('manager@example.test', 'nope'));
    const unknown = await problemOf(await login('nobody@example.test', 'nope'));
    expect([wrong.status, wrong.code]).toEqual([401, 'unauthenticated']);
    expect(unknown.detail).toBe(wrong.detail);
  });

  it('expires sessions', async () => {
    const cookie = cookieOf(await login('developer@example.test', PASSWORD));
    clock += h.deps.config.sessionTtlMs + 1;
    expect((await h.app.request('/api/me', { headers: { cookie } })).status).toBe(401);
  });

  it('rate-limits sign-in attempts per email and address with Retry-After', async () => {
    for (let i = 0; i < 5; i++) expect((await login('owner@example.test', 'wrong')).status).toBe(401);
    const limited = await login('owner@example.test', PASSWORD);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await problemOf(limited)).code).toBe('rate-limited');
    // Another account is not affected; the window passes.
    expect((await login('admin@example.test', PASSWORD)).status).toBe(200);
    clock += 61_000;
    expect((await login('owner@example.test', PASSWORD)).status).toBe(200);
  });

  it('rejects malformed and over-specified sign-in bodies without a 5xx', async () => {
    const malformed = await h.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email":',
    });
    expect((await problemOf(malformed)).code).toBe('malformed-json');
    const extra = await h.call(null, 'POST', '/api/auth/login', {
      email: 'a@b.c',
      password: 'x',
      admin: true,
    });
    const problem = await problemOf(extra);
    expect(problem.code).toBe('validation-failed');
    expect(problem.errors?.[0]?.path).toBe('body');
    const wrongType = await problemOf(
      await h.call(null, 'POST', '/api/auth/login', { email: 42, password: ['x'] }),
    );
    expect(wrongType.errors?.map((e) => e.path).sort()).toEqual(['body.email', 'body.password']);
    const injection = await login("' or 1=1; --", "' or ''='");
    expect(injection.status).toBe(401);
  });
});

describe('password hashes', () => {
  it('rehashes a hash with weaker parameters at the default cost on the next sign-in', async () => {
    // The harness hashes at a lower cost to keep the suite fast; this app runs the real default.
    const real = createApp({
      ...h.deps,
      config: { ...h.deps.config, passwordCost: defaultConfig().passwordCost },
    });
    const userId = h.ids.otherManager;
    const stored = async () =>
      (
        await h.t.pool.query<{ hash: string }>('select password_hash as hash from users where id = $1', [
          userId,
        ])
      ).rows[0]?.hash;
    // What Baton stored before: scrypt at N=2^14.
    const old = await hashPassword(PASSWORD, { N: 2 ** 14, r: 8, p: 1 });
    await h.t.pool.query('update users set password_hash = $2 where id = $1', [userId, old]);
    const signIn = (password: string) =>
      real.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'otherManager@example.test', password }),
      });

    expect((await signIn('wrong')).status).toBe(401);
    expect(await stored()).toBe(old);
    expect((await signIn(PASSWORD)).status).toBe(200);
    const upgraded = await stored();
    expect(upgraded).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(await verifyPassword(PASSWORD, upgraded!)).toBe(true);
    expect((await signIn(PASSWORD)).status).toBe(200);
    expect(await stored()).toBe(upgraded);
  });
});

describe('API tokens', () => {
  it('creates, lists, uses and revokes a personal token', async () => {
    const created = await h.call('developer', 'POST', '/api/me/tokens', { name: 'ci script' });
    expect(created.status).toBe(201);
    const { id, token } = (await created.json()) as { id: string; token: string };
    const me = await h.app.request('/api/me', { headers: { authorization: `Bearer ${token}` } });
    expect(await me.json()).toMatchObject({ id: h.ids.developer });

    const list = (await (await h.call('developer', 'GET', '/api/me/tokens')).json()) as {
      items: { id: string }[];
    };
    expect(list.items.map((t) => t.id)).toContain(id);
    expect(JSON.stringify(list)).not.toContain(token);

    // Someone else cannot revoke it.
    expect((await h.call('agent', 'DELETE', `/api/me/tokens/${id}`)).status).toBe(404);
    expect((await h.call('developer', 'DELETE', `/api/me/tokens/${id}`)).status).toBe(204);
    const after = await h.app.request('/api/me', { headers: { authorization: `Bearer ${token}` } });
    expect((await problemOf(after)).code).toBe('unauthenticated');
  });

  it('answers 401 without credentials and for a garbage bearer header', async () => {
    expect((await problemOf(await h.call(null, 'GET', '/api/me'))).code).toBe('unauthenticated');
    const garbage = await h.app.request('/api/me', { headers: { authorization: 'Bearer' } });
    expect(garbage.status).toBe(401);
  });
});

describe('Idempotency-Key', () => {
  it('replays the first answer for a repeat and refuses the key for a different request', async () => {
    const headers = { 'idempotency-key': 'make-token-1' };
    const first = await h.call('manager', 'POST', '/api/me/tokens', { name: 'once' }, headers);
    const second = await h.call('manager', 'POST', '/api/me/tokens', { name: 'once' }, headers);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await second.json()).toEqual(await first.json());
    const { rows } = await h.t.pool.query("select count(*)::int as n from api_tokens where name = 'once'");
    expect(rows[0].n).toBe(1);

    const different = await h.call('manager', 'POST', '/api/me/tokens', { name: 'twice' }, headers);
    expect(different.status).toBe(422);
    expect((await problemOf(different)).code).toBe('idempotency-key-reused');
    // Keys are per user: another user may use the same key.
    expect((await h.call('agent', 'POST', '/api/me/tokens', { name: 'once' }, headers)).status).toBe(201);
  });
});

describe('system', () => {
  it('reports health with the engine mode and its durability warning', async () => {
    const res = await h.call(null, 'GET', '/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: 'ok',
      database: { ok: true },
      engine: { mode: 'in-memory', durable: false },
    });
  });

  it('serves an OpenAPI 3.1 document generated from the routes and a docs page', async () => {
    const doc = (await (await h.call(null, 'GET', '/api/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/me', '/api/health', '/api/activities']),
    );
    const docs = await h.call(null, 'GET', '/api/docs');
    expect(docs.headers.get('content-type')).toMatch(/text\/html/);
    expect(await docs.text()).toContain('/api/openapi.json');
  });

  it('lists the custom activities', async () => {
    const res = (await (await h.call('owner', 'GET', '/api/activities')).json()) as {
      items: { type: string }[];
    };
    expect(res.items.length).toBeGreaterThan(0);
    expect(res.items[0]).toHaveProperty('type');
  });

  it('answers unknown routes and oversized bodies with problem documents', async () => {
    expect((await problemOf(await h.call('admin', 'GET', '/api/nope'))).code).toBe('not-found');
    const big = await h.call('admin', 'POST', '/api/me/tokens', { name: 'x'.repeat(2 * 1024 * 1024) });
    expect((await problemOf(big)).code).toBe('payload-too-large');
  });
});
