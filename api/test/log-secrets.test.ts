// No secret, hash, token or customer data in any log line: requests that make the API log
// errors (unique violations, values Postgres refuses, statements a fault injected into the test
// database fails) run with the app's logger writing to a buffer, which is then searched for
// every secret the requests carried.
import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type BatonApp } from '../src/app.js';
import { deploySupportRefunds } from './fixtures.js';
import { createHarness, PASSWORD, type Harness } from './harness.js';

const MARKER_PASSWORD = 'marker-password-7f3a91c2e5';
const MARKER_EMAIL = 'marker-7f3a91c2e5@example.test';
const MARKER_CUSTOMER = 'Marker Customer 7f3a91c2e5';
const MARKER_TEXT = 'marker-text-7f3a91c2e5';

let h: Harness;
let app: BatonApp;
const lines: string[] = [];

beforeAll(async () => {
  h = await createHarness({ runtime: 'in-memory' });
  await deploySupportRefunds(h);
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  app = createApp({ ...h.deps, log: pino({ level: 'trace' }, sink) });
  // Faults no validation can foresee (a bug, a broken disk): the statement fails inside Postgres
  // with parameters that carry a password hash, an e-mail address and customer data.
  await h.t.pool.query(`
    create function injected_fault() returns trigger language plpgsql as $$
      begin raise exception 'injected fault' using errcode = 'XX000'; end $$;
    create trigger users_fault before insert on users
      for each row when (new.email like 'marker-%') execute function injected_fault();
    create trigger idempotency_fault before update on idempotency_keys
      for each row when (new.status <> 0) execute function injected_fault();`);
});
afterAll(() => h?.close());

const request = (path: string, init: { method: string; headers?: Record<string, string>; body?: unknown }) =>
  app.request(path, {
    method: init.method,
    headers: { 'content-type': 'application/json', ...init.headers },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
const bearer = (person: keyof Harness['tokens']) => ({ authorization: `Bearer ${h.tokens[person]}` });

describe('the error log', () => {
  it('holds no password, hash, token, e-mail or customer text of the requests that caused the errors', async () => {
    // A signed-in session whose cookie is then used on failing requests.
    const login = await request('/api/auth/login', {
      method: 'POST',
      body: { email: 'admin@example.test', password: PASSWORD },
    });
    expect(login.status).toBe(200);
    const cookie = /baton_session=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1];
    expect(cookie).toBeTruthy();
    const session = { cookie: `baton_session=${cookie}` };

    const answers: Record<string, number> = {};
    const attempts: [string, string, { method: string; headers?: Record<string, string>; body?: unknown }][] =
      [
        [
          'a user whose name Postgres refuses (NUL), with a password',
          '/api/users',
          {
            method: 'POST',
            headers: session,
            body: {
              email: MARKER_EMAIL,
              name: `Marker\u0000${MARKER_TEXT}`,
              password: MARKER_PASSWORD,
              roles: ['agent'],
            },
          },
        ],
        [
          'a user with a password that the database fails to insert',
          '/api/users',
          {
            method: 'POST',
            headers: bearer('admin'),
            body: { email: MARKER_EMAIL, name: MARKER_TEXT, password: MARKER_PASSWORD, roles: ['agent'] },
          },
        ],
        [
          'a ticket with customer data whose answer the database fails to keep for its Idempotency-Key',
          '/api/tickets',
          {
            method: 'POST',
            headers: { ...session, 'idempotency-key': 'log-secrets-1' },
            body: {
              typeId: 'refund-request',
              title: 'Refund',
              customer: { name: MARKER_CUSTOMER, email: MARKER_EMAIL },
              fields: { orderNumber: MARKER_TEXT },
            },
          },
        ],
        [
          'a user whose e-mail exists already, with a password',
          '/api/users',
          {
            method: 'POST',
            headers: bearer('admin'),
            body: {
              email: 'agent@example.test',
              name: MARKER_TEXT,
              password: MARKER_PASSWORD,
              roles: ['agent'],
            },
          },
        ],
        [
          'a sign-in with an e-mail Postgres refuses',
          '/api/auth/login',
          { method: 'POST', body: { email: `${MARKER_EMAIL}\u0000`, password: MARKER_PASSWORD } },
        ],
        [
          'a ticket whose title Postgres refuses, with customer data',
          '/api/tickets',
          {
            method: 'POST',
            headers: session,
            body: {
              typeId: 'refund-request',
              title: `Refund\u0000${MARKER_TEXT}`,
              customer: { name: MARKER_CUSTOMER, email: MARKER_EMAIL },
              fields: { orderNumber: MARKER_TEXT },
            },
          },
        ],
        [
          'a ticket search Postgres refuses',
          `/api/tickets?q=${encodeURIComponent(`\u0000${MARKER_TEXT}`)}`,
          { method: 'GET', headers: bearer('agent') },
        ],
        [
          'a department that exists already',
          '/api/departments',
          { method: 'POST', headers: session, body: { key: 'support', name: MARKER_TEXT } },
        ],
      ];
    for (const [label, path, init] of attempts) answers[label] = (await request(path, init)).status;
    // Every one was refused or failed: each made the API log something.
    for (const [label, status] of Object.entries(answers))
      expect([label, status >= 400]).toEqual([label, true]);
    expect(lines.length).toBeGreaterThan(0);

    const { rows } = await h.t.pool.query<{ password_hash: string }>(
      'select password_hash from users where password_hash is not null',
    );
    const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
    const secrets: Record<string, string> = {
      'marker password': MARKER_PASSWORD,
      'marker e-mail': MARKER_EMAIL,
      'marker customer name': MARKER_CUSTOMER,
      'marker text': MARKER_TEXT,
      'a password hash (scrypt$…)': 'scrypt$',
      'the fixture password': PASSWORD,
      'the session token': cookie!,
      "the session token's hash": sha256(cookie!),
      ...Object.fromEntries(Object.entries(h.tokens).map(([p, token]) => [`${p}'s bearer token`, token])),
      ...Object.fromEntries(
        Object.entries(h.tokens).map(([p, token]) => [`${p}'s bearer token's hash`, sha256(token)]),
      ),
      ...Object.fromEntries(rows.map((r, i) => [`password hash ${i}`, r.password_hash])),
    };
    const log = lines.join('\n');
    const found = Object.entries(secrets)
      .filter(([, secret]) => log.includes(secret))
      .map(([what]) => what);
    expect(found).toEqual([]);
  });
});
