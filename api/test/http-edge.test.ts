// The HTTP edge over a real socket: what a browser or a keep-alive client sees of the server.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploySupportRefunds, openTicket } from './fixtures.js';
import { createHarness, PASSWORD, type Harness } from './harness.js';
import { httpRequest, serveOnLoopback, type HttpRequest, type Served } from './http-server.js';

let h: Harness;
let served: Served;
let port: number;

beforeAll(async () => {
  h = await createHarness({
    runtime: 'in-memory',
    // Where the app is published (BATON_APP_URL) when a proxy in front rewrites the Host.
    config: { trustedOrigins: ['https://baton.example.test'] },
  });
  await deploySupportRefunds(h);
  served = await serveOnLoopback(h.app);
  port = served.port;
});
afterAll(async () => {
  await served?.close();
  await h?.close();
});

/** One request through node:http to the test's server. */
const request = (options: HttpRequest, agent?: http.Agent, localAddress?: string) =>
  httpRequest(port, options, { ...(agent ? { agent } : {}), ...(localAddress ? { localAddress } : {}) });

describe('413 on a keep-alive connection', () => {
  it.each([
    ['with a Content-Length', {}],
    ['chunked', { 'transfer-encoding': 'chunked' }],
  ])(
    'closes the connection cleanly (%s), so the next request on the same agent succeeds',
    async (_, framing) => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      try {
        const big = Buffer.alloc(h.deps.config.maxBodyBytes * 2, 'x');
        const first = await request(
          {
            method: 'POST',
            path: '/api/me/tokens',
            headers: {
              authorization: `Bearer ${h.tokens.agent}`,
              'content-type': 'application/json',
              ...framing,
            },
            body: big,
          },
          agent,
        );
        const second = await request({ method: 'GET', path: '/api/health' }, agent);
        expect([first.status, second.status]).toEqual([413, 200]);
        // The server did not read the body, so it says it closes rather than leaving it half-read.
        expect(first.headers.connection).toBe('close');
      } finally {
        agent.destroy();
      }
    },
  );
});

describe('an answer that never reads the body, on a keep-alive connection', () => {
  // Refused before anything reads the body: no credentials (401), not allowed (403), no route (404).
  const refusals: [string, string, Record<string, string>][] = [
    ['401', '/api/departments', {}],
    ['403', '/api/departments', { authorization: `Bearer TOKEN:agent` }],
    ['404', '/api/nothing-here', {}],
  ];
  it.each(
    refusals.flatMap(([status, path, auth]) =>
      (<Record<string, string>[]>[{}, { 'transfer-encoding': 'chunked' }]).map((framing) => ({
        status,
        path,
        auth,
        framing,
      })),
    ),
  )(
    'answers $status to a body within the limit ($framing) and the next request on the socket succeeds',
    async ({ status, path, auth, framing }) => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      try {
        const headers: Record<string, string> = { 'content-type': 'application/json', ...framing };
        for (const [name, value] of Object.entries(auth))
          headers[name] = value.replace(
            /TOKEN:(\w+)/,
            (_, person: keyof Harness['tokens']) => h.tokens[person],
          );
        const body = JSON.stringify({ key: 'big', name: 'x'.repeat(512 * 1024) });
        const first = await request({ method: 'POST', path, headers, body }, agent);
        const second = await request({ method: 'GET', path: '/api/health' }, agent);
        expect([first.status, second.status]).toEqual([Number(status), 200]);
      } finally {
        agent.destroy();
      }
    },
  );
});

describe('cross-site requests with the session cookie', () => {
  let cookie: string;
  beforeAll(async () => {
    const res = await request({
      method: 'POST',
      path: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'manager@example.test', password: PASSWORD }),
    });
    expect(res.status).toBe(200);
    cookie = String(res.headers['set-cookie']?.[0]).split(';')[0]!;
  });

  const own = () => `http://127.0.0.1:${port}`;
  /** The no-cors POST a page can send anywhere without a preflight: no body, the cookie rides along. */
  const cancel = (ticketId: string, headers: Record<string, string>) =>
    request({ method: 'POST', path: `/api/tickets/${ticketId}/cancel`, headers: { cookie, ...headers } });
  const statusOf = async (ticketId: string) =>
    (await h.t.pool.query<{ status: string }>('select status from tickets where id = $1', [ticketId])).rows[0]
      ?.status;

  it('refuses a mutation from another origin or site, changing nothing', async () => {
    const { ticketId } = await openTicket(h, 'agent');
    const before = await statusOf(ticketId);
    const otherPort = `http://127.0.0.1:${port + 1}`;
    for (const headers of <Record<string, string>[]>[
      { origin: otherPort },
      { origin: otherPort, 'sec-fetch-site': 'same-site' },
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'cross-site' },
      { origin: 'null' },
    ]) {
      const res = await cancel(ticketId, headers);
      expect([res.status, JSON.parse(res.body).code], JSON.stringify(headers)).toEqual([403, 'forbidden']);
      expect(JSON.parse(res.body).detail).toMatch(/cross-site/);
    }
    expect(await statusOf(ticketId)).toBe(before);
    // Signing in from another site is refused too (it would plant the attacker's session).
    const login = await request({
      method: 'POST',
      path: '/api/auth/login',
      headers: { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' },
      body: JSON.stringify({ email: 'manager@example.test', password: PASSWORD }),
    });
    expect(login.status).toBe(403);
  });

  it('takes the same mutation from the app itself, from a script without browser headers, and by its published URL', async () => {
    for (const headers of <Record<string, string>[]>[
      { origin: own(), 'sec-fetch-site': 'same-origin' },
      { origin: own() },
      // The designer's dev server proxies /api and rewrites the Host: the browser still says same-origin.
      { origin: 'http://localhost:5173', 'sec-fetch-site': 'same-origin' },
      { 'sec-fetch-site': 'none' },
      {},
      { origin: 'https://baton.example.test' },
    ]) {
      const { ticketId } = await openTicket(h, 'agent');
      const res = await cancel(ticketId, headers);
      expect(res.status, `${JSON.stringify(headers)}: ${res.body}`).toBe(200);
      expect(await statusOf(ticketId)).toBe('cancelled');
    }
  });

  it('leaves bearer-token requests alone, whatever their origin', async () => {
    const { ticketId } = await openTicket(h, 'agent');
    const res = await request({
      method: 'POST',
      path: `/api/tickets/${ticketId}/cancel`,
      headers: {
        authorization: `Bearer ${h.tokens.manager}`,
        origin: 'https://evil.example',
        'sec-fetch-site': 'cross-site',
      },
    });
    expect(res.status).toBe(200);
    // Reads with the cookie are not mutations: a cross-site GET changes nothing and is answered.
    const read = await request({
      method: 'GET',
      path: `/api/tickets/${ticketId}`,
      headers: { cookie, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(read.status).toBe(200);
  });
});

describe('sign-in limit per client address', () => {
  const login = (email: string, password: string, from: string) =>
    request(
      {
        method: 'POST',
        path: '/api/auth/login',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      },
      undefined,
      from,
    );

  it('answers 429 with Retry-After once one address failed too often, across many accounts', async () => {
    const { maxFailuresPerAddress, maxAttempts } = h.deps.config.login;
    // Each guess is at another account, so the limit per account never applies.
    expect(maxFailuresPerAddress).toBeGreaterThan(maxAttempts);
    for (let i = 0; i < maxFailuresPerAddress; i++)
      expect((await login(`guess${i}@example.test`, 'wrong', '127.0.0.5')).status).toBe(401);
    const limited = await login('admin@example.test', PASSWORD, '127.0.0.5');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(JSON.parse(limited.body)).toMatchObject({ code: 'rate-limited' });
    // The socket's address counts, not a header the client chooses.
    const forwarded = await request(
      {
        method: 'POST',
        path: '/api/auth/login',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9' },
        body: JSON.stringify({ email: 'admin@example.test', password: PASSWORD }),
      },
      undefined,
      '127.0.0.5',
    );
    expect(forwarded.status).toBe(429);
    // Another address is not affected.
    expect((await login('admin@example.test', PASSWORD, '127.0.0.6')).status).toBe(200);
  });

  it('does not count successful sign-ins against the address (an office behind one NAT)', async () => {
    const { maxFailuresPerAddress } = h.deps.config.login;
    const people = Object.keys(h.ids);
    // Spread over the accounts: the limit per account counts successful attempts too.
    for (let i = 0; i <= maxFailuresPerAddress; i++)
      expect((await login(`${people[i % people.length]}@example.test`, PASSWORD, '127.0.0.7')).status).toBe(
        200,
      );
    expect((await login('nobody@example.test', 'wrong', '127.0.0.7')).status).toBe(401);
  });
});
