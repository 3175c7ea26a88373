// Test fixture: a fresh database per test file with departments, one user per role (and a
// second agent and manager in another department), API tokens for each, and the app.
import { createTestDatabase, type TestDatabase } from '@baton/db/testing';
import { apiTokens, departments, hashPassword, logSerializers, memberships, users } from '@baton/db';
import { activityCatalogue } from '@baton/workflows';
import pino from 'pino';
import { createApp, type BatonApp } from '../src/app.js';
import { newSecret, sha256 } from '../src/auth/secrets.js';
import { defaultConfig, type ApiConfig } from '../src/config.js';
import type { AppDeps } from '../src/http/env.js';
import type { EngineRuntime } from '../src/runtime.js';
import { checkedAnswer } from './declared-responses.js';
import { inMemoryRuntime, type VirtualClock } from './runtime.js';

export const PASSWORD = 'correct horse battery staple';
/**
 * scrypt at N=2^14 for the fixture's passwords and every hash a test app makes: the default
 * (OWASP's N=2^17) costs about half a second per hash or sign-in, and the suite makes hundreds.
 * auth.test.ts signs in at the real default once.
 */
export const TEST_PASSWORD_COST = { N: 2 ** 14, r: 8, p: 1 };

/** Who is who in the fixture. `support` and `refunds` are the two departments under test. */
export const PEOPLE = {
  admin: { roles: ['admin'], departments: [] },
  owner: { roles: ['process_owner'], departments: [] },
  developer: { roles: ['developer'], departments: [] },
  agent: { roles: ['agent'], departments: ['support'] },
  otherAgent: { roles: ['agent'], departments: ['refunds'] },
  manager: { roles: ['manager'], departments: ['support'] },
  otherManager: { roles: ['manager'], departments: ['refunds'] },
  lead: { roles: ['agent'], departments: ['support'] },
} as const;
export type Person = keyof typeof PEOPLE;

export type Harness = {
  app: BatonApp;
  t: TestDatabase;
  deps: AppDeps;
  /** The virtual clock of the in-memory runtime (undefined with a runtime passed in). */
  clock?: VirtualClock;
  tokens: Record<Person, string>;
  ids: Record<Person, string>;
  /** app.request with a person's bearer token and JSON encoding. */
  call(
    person: Person | null,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Response>;
  close(): Promise<void>;
};

export type HarnessOptions = {
  /**
   * 'in-memory': the real InMemoryRuntime on a virtual clock (see `clock`), bound to this
   * database; a function: a runtime made for this database (e.g. a TemporalRuntime).
   */
  runtime: EngineRuntime | 'in-memory' | ((t: TestDatabase) => Promise<EngineRuntime>);
  /** Start of the virtual clock (in-memory runtime); config.now follows it unless overridden. */
  start?: number;
  /** The in-memory runtime's wait between webhook attempts (real time; default its backoff). */
  webhookRetryDelayMs?: (attempt: number) => number;
  config?: Partial<ApiConfig>;
};

export async function createHarness(options: HarnessOptions): Promise<Harness> {
  const t = await createTestDatabase();
  const passwordHash = await hashPassword(PASSWORD, TEST_PASSWORD_COST);
  const ids = Object.fromEntries(Object.keys(PEOPLE).map((p) => [p, `u-${p}`])) as Record<Person, string>;
  await t.db.insert(users).values(
    Object.entries(PEOPLE).map(([person, spec]) => ({
      id: ids[person as Person],
      email: `${person}@example.test`,
      name: person,
      passwordHash,
      roles: [...spec.roles],
    })),
  );
  await t.db.insert(departments).values([
    { key: 'support', name: 'Support', leadUserId: ids.lead },
    { key: 'refunds', name: 'Refunds' },
    { key: 'faults', name: 'Faults' },
  ]);
  await t.db
    .insert(memberships)
    .values(
      Object.entries(PEOPLE).flatMap(([person, spec]) =>
        spec.departments.map((departmentKey) => ({ userId: ids[person as Person], departmentKey })),
      ),
    );
  const tokens = Object.fromEntries(Object.keys(PEOPLE).map((p) => [p, newSecret('bt_')])) as Record<
    Person,
    string
  >;
  await t.db.insert(apiTokens).values(
    Object.keys(PEOPLE).map((person) => ({
      id: `tok-${person}`,
      userId: ids[person as Person],
      name: 'test',
      tokenHash: sha256(tokens[person as Person]),
    })),
  );

  const live =
    options.runtime === 'in-memory'
      ? inMemoryRuntime(
          t.db,
          options.start ?? Date.parse('2026-03-16T09:00:00Z'),
          options.webhookRetryDelayMs ? { webhookRetryDelayMs: options.webhookRetryDelayMs } : {},
        )
      : undefined;
  const runtime =
    live?.runtime ??
    (typeof options.runtime === 'function' ? await options.runtime(t) : (options.runtime as EngineRuntime));
  const deps: AppDeps = {
    db: t.db,
    pool: t.pool,
    runtime,
    log: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent', serializers: logSerializers }),
    config: defaultConfig({
      timeZone: 'UTC',
      passwordCost: TEST_PASSWORD_COST,
      ...(live ? { now: () => live.clock.now() } : {}),
      ...options.config,
    }),
    activities: activityCatalogue(),
    databaseMode: 'url',
  };
  const app = createApp(deps);
  return {
    app,
    t,
    deps,
    ...(live ? { clock: live.clock } : {}),
    tokens,
    ids,
    call(person, method, path, body, headers = {}) {
      const init: RequestInit = { method, headers: { ...headers } };
      const h = init.headers as Record<string, string>;
      if (person) h.authorization = `Bearer ${tokens[person]}`;
      if (body !== undefined) {
        h['content-type'] ??= 'application/json';
        init.body = typeof body === 'string' ? body : JSON.stringify(body);
      }
      // Every answer is held to the route's declared schema: the document says what the API sends.
      return Promise.resolve(app.request(path, init)).then((r) => checkedAnswer(app, method, path, r));
    },
    async close() {
      await runtime.close();
      await t.drop();
    },
  };
}

type ProblemDocument = {
  type: string;
  status: number;
  code: string;
  detail: string;
  errors?: { path: string }[];
};

/** Asserts a problem document and returns it. */
export async function problemOf(res: Response): Promise<ProblemDocument> {
  const type = res.headers.get('content-type') ?? '';
  if (!type.startsWith('application/problem+json')) {
    throw new Error(`expected a problem document, got ${res.status} ${type}: ${await res.text()}`);
  }
  return (await res.json()) as ProblemDocument;
}
