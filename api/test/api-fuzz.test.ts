// API fuzzing from /api/openapi.json over real HTTP (the app on a loopback socket, the harness's
// real Postgres, the in-memory runtime): requests generated per operation with a seeded PRNG
// (fuzz-requests.ts) from callers of different departments and roles, with cookies and tokens
// and none. Every answer: never a 5xx and never none; every error a problem document; a JSON
// success as the document declares it; nothing but a public operation answered to a caller
// without valid credentials. Every table is digested after each request: a refused (4xx) one
// must leave every row as it was.
//
// BATON_API_FUZZ_RUNS (default 1,000; `pnpm test:long` sends 10,000), BATON_API_FUZZ_SEED (the
// run's seed, printed), BATON_API_FUZZ_REQUESTS=<seed>,<seed> (send only these requests: the
// seed printed beside a failure).
import http from 'node:http';
import type { InMemoryRuntime } from '@baton/workflows';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploySupportRefunds, openTicket } from './fixtures.js';
import { fuzzRequest, requestSeed, type FuzzRequest, type FuzzWorld, type IdKind } from './fuzz-requests.js';
import { createHarness, PASSWORD, PEOPLE, type Harness, type Person } from './harness.js';
import { httpRequest, serveOnLoopback, type HttpAnswer, type Served } from './http-server.js';
import { undeclaredIn } from './declared-responses.js';
import { operationsOf, type Document } from './openapi-document.js';
import { changedTables, tableDigests, type TableDigests } from './table-digest.js';

const RUNS = Number(process.env.BATON_API_FUZZ_RUNS ?? 1_000);
const RUN_SEED = Number(process.env.BATON_API_FUZZ_SEED ?? 0x5eed_ba70);
const ONLY = process.env.BATON_API_FUZZ_REQUESTS?.split(',').map(Number);
/** A request without a full answer by then hangs. */
const ANSWER_BOUND_MS = 15_000;
/** The world gets fresh tickets in every state this often (fuzzed actions use them up). */
const REPLENISH_EVERY = 250;

/** How each caller authenticates: a session cookie signed in over HTTP, a bearer token, or nothing. */
const CALLERS: Record<string, 'cookie' | 'bearer' | 'none'> = {
  anonymous: 'none',
  agent: 'cookie', // support
  otherAgent: 'cookie', // refunds
  lead: 'cookie', // leads support
  otherManager: 'cookie', // refunds
  manager: 'bearer', // support
  developer: 'bearer',
  admin: 'bearer',
  owner: 'bearer',
};

/**
 * Tables a refused request may write by design:
 * - idempotency_keys, when the request carried an Idempotency-Key: a refusal is an answer, kept
 *   so that a repeat gets the same one (http/idempotency.ts).
 * (api_tokens.last_used_at, written by any request that presents a token, is left out of the
 * digest itself: table-digest.ts.)
 */
const WRITTEN_BY_REFUSALS_WITH_KEY = ['idempotency_keys'];

let h: Harness;
let served: Served;
let doc: Document;
let world: FuzzWorld;
const cookies: Partial<Record<Person, string>> = {};
/** Sign-ins count per client address; each sign-in of the runner comes from an address of its own. */
let nextAddress = 10;
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

async function signIn(person: Person) {
  const answer = await httpRequest(
    served.port,
    {
      method: 'POST',
      path: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `${person}@example.test`, password: PASSWORD }),
    },
    { localAddress: `127.0.1.${nextAddress++ % 250}` },
  );
  if (answer.status !== 200) throw new Error(`sign-in of ${person}: ${answer.status} ${answer.body}`);
  cookies[person] = String(answer.headers['set-cookie']?.[0]).split(';')[0]!;
}

const runtime = () => h.deps.runtime as InMemoryRuntime;

let fixturePasswordHash = '';

/**
 * The fixture's people as the harness made them (roles, active, password, departments, the
 * support lead, their API tokens): a fuzzed, accepted change to one of the runner's callers (an
 * admin's, or a caller revoking its own token) would otherwise change what the rest of the run
 * is allowed, or sign it out. Cookie callers whose session ended sign in again.
 */
async function restorePeople() {
  await h.t.pool.query("update api_tokens set revoked_at = null where id like 'tok-%'");
  const people = Object.entries(PEOPLE);
  const userIds = people.map(([person]) => h.ids[person as Person]);
  // Their sign-in addresses too: a fuzzed PATCH may rename one, or a fuzzed POST take one over.
  const emails = people.map(([person]) => `${person}@example.test`);
  await h.t.pool.query(
    "update users set email = 'fuzz-' || id || '@example.invalid' where lower(email) = any($1) and id <> all($2)",
    [emails, userIds],
  );
  for (const [person, spec] of people)
    await h.t.pool.query(
      'update users set roles = $2, active = true, password_hash = $3, email = $4 where id = $1',
      [h.ids[person as Person], spec.roles, fixturePasswordHash, `${person}@example.test`],
    );
  await h.t.pool.query('delete from memberships where user_id = any($1)', [userIds]);
  for (const [person, spec] of people)
    for (const key of spec.departments)
      await h.t.pool.query('insert into memberships (user_id, department_key) values ($1, $2)', [
        h.ids[person as Person],
        key,
      ]);
  await h.t.pool.query("update departments set lead_user_id = $1 where key = 'support'", [h.ids.lead]);
  for (const [person, how] of Object.entries(CALLERS)) {
    if (how !== 'cookie') continue;
    const me = await httpRequest(served.port, {
      method: 'GET',
      path: '/api/me',
      headers: { cookie: cookies[person as Person]! },
    });
    if (me.status !== 200) await signIn(person as Person);
  }
}

async function ids(sql: string): Promise<string[]> {
  return (await h.t.pool.query<{ id: string }>(sql)).rows.map((r) => r.id);
}

async function refreshWorld() {
  const kinds: Record<IdKind, string> = {
    ticket: 'select id from tickets order by number desc limit 40',
    task: "select ticket_id || '.' || task_id as id from stages order by entered_at desc, ticket_id, task_id limit 60",
    extension: 'select id from extension_requests order by created_at desc, id limit 30',
    user: 'select id from users order by id',
    department: 'select key as id from departments order by key',
    ticketType: 'select id from ticket_types order by id',
    flowVersion: 'select id from flow_versions order by id',
    notification: 'select id::text as id from notifications order by id desc limit 30',
    token: 'select id from api_tokens order by id',
    calendar: 'select key as id from calendars order by key',
  };
  const entries = await Promise.all(
    Object.entries(kinds).map(async ([kind, sql]) => [kind, await ids(sql)] as const),
  );
  world = { ...world, ids: Object.fromEntries(entries) as Record<IdKind, string[]> };
}

const FORM = [{ key: 'orderNumber', label: 'Order number', type: 'text', required: true }];

/** Tickets in every state an action may meet, in support and in refunds, with pending extension requests. */
async function replenish() {
  const ok = async (res: Response | Promise<Response>) => {
    const r = await res;
    if (r.status >= 300) throw new Error(`replenishing the fuzz world: ${r.status} ${await r.text()}`);
    return (await r.json()) as { openTasks?: { id: string }[] };
  };
  // A fuzzed PUT may have changed the type's form, and a fuzzed deploy its flow (a variant with
  // other outcomes): the tickets below need the fixture's.
  await ok(
    h.call('owner', 'PUT', '/api/ticket-types/refund-request', { name: 'refund-request', fields: FORM }),
  );
  await ok(h.call('owner', 'PUT', '/api/ticket-types/refund-request/flow', { xml: world.known.xml }));
  await ok(h.call('owner', 'POST', '/api/ticket-types/refund-request/flow/deploy', {}));
  await openTicket(h, 'agent'); // support, nobody on it
  const held = await openTicket(h, 'agent');
  await ok(h.call('agent', 'POST', `/api/tasks/${held.taskId}/claim`, {}));
  await ok(h.call('agent', 'POST', `/api/tasks/${held.taskId}/hold`, { reason: 'waiting for the customer' }));
  const asked = await openTicket(h, 'agent');
  await ok(h.call('agent', 'POST', `/api/tasks/${asked.taskId}/claim`, {}));
  await ok(
    h.call('agent', 'POST', `/api/tasks/${asked.taskId}/extension-requests`, {
      extendByMinutes: 30,
      reason: 'r',
    }),
  );
  const moved = await openTicket(h, 'agent');
  const refund = await ok(
    h.call('agent', 'POST', `/api/tasks/${moved.taskId}/complete`, { outcome: 'refund' }),
  );
  const refundTask = refund.openTasks![0]!.id;
  await ok(h.call('otherAgent', 'POST', `/api/tasks/${refundTask}/claim`, {}));
  await ok(
    h.call('otherAgent', 'POST', `/api/tasks/${refundTask}/extension-requests`, {
      extendByMinutes: 60,
      reason: 'r',
    }),
  );
  const solved = await openTicket(h, 'agent');
  await ok(h.call('agent', 'POST', `/api/tasks/${solved.taskId}/complete`, { outcome: 'solved' }));
  const cancelled = await openTicket(h, 'agent');
  await ok(h.call('manager', 'POST', `/api/tickets/${cancelled.ticketId}/cancel`, { reason: 'fuzz' }));
  await runtime().settled();
  await refreshWorld();
}

beforeAll(async () => {
  // No principal kept between requests: the people restored after an accepted change to them
  // (restorePeople) are who the next request finds.
  h = await createHarness({ runtime: 'in-memory', config: { authCacheMs: 0 } });
  fixturePasswordHash = (
    await h.t.pool.query<{ hash: string }>('select password_hash as hash from users where id = $1', [
      h.ids.agent,
    ])
  ).rows[0]!.hash;
  const xml = await deploySupportRefunds(h);
  served = await serveOnLoopback(h.app);
  doc = (await (await h.call(null, 'GET', '/api/openapi.json')).json()) as Document;
  for (const [person, how] of Object.entries(CALLERS)) if (how === 'cookie') await signIn(person as Person);
  world = {
    doc,
    callers: Object.keys(CALLERS),
    ids: {} as FuzzWorld['ids'],
    known: {
      outcomes: ['refund', 'solved', 'refunded', 'nope'],
      emails: [...Object.keys(PEOPLE).map((p) => `${p}@example.test`), 'nobody@example.test'],
      password: PASSWORD,
      xml,
    },
  };
  await replenish();
}, 120_000);
afterAll(async () => {
  agent.destroy();
  await served?.close();
  await h?.close();
});

function withCredentials(req: FuzzRequest): Record<string, string> {
  const headers = { ...req.headers };
  const how = CALLERS[req.caller];
  if (req.credentials === 'garbage' || how === 'none') return headers;
  if (how === 'bearer') headers.authorization = `Bearer ${h.tokens[req.caller as Person]}`;
  else headers.cookie = cookies[req.caller as Person]!;
  if (req.credentials === 'caller-cross-site') {
    headers.origin = 'https://evil.example';
    headers['sec-fetch-site'] = 'cross-site';
  }
  return headers;
}

type Outcome = { status: number; ms: number; answer?: HttpAnswer; error?: string };

async function send(req: FuzzRequest): Promise<Outcome> {
  const started = performance.now();
  try {
    const answer = await httpRequest(
      served.port,
      {
        method: req.method,
        path: req.path,
        headers: withCredentials(req),
        ...(req.body === undefined ? {} : { body: req.body }),
      },
      { agent, timeoutMs: ANSWER_BOUND_MS },
    );
    return { status: answer.status, ms: performance.now() - started, answer };
  } catch (error) {
    return { status: 0, ms: performance.now() - started, error: (error as Error).message };
  }
}

const PUBLIC_OPERATIONS = new Set<string>();

/** What is wrong with an answer (empty: nothing). */
function complaints(req: FuzzRequest, outcome: Outcome): string[] {
  const { answer } = outcome;
  if (!answer) return [`no answer: ${outcome.error}`];
  const out: string[] = [];
  if (answer.status >= 500) out.push(`answered ${answer.status}`);
  const type = String(answer.headers['content-type'] ?? '');
  let parsed: unknown;
  try {
    parsed = answer.body === '' ? undefined : JSON.parse(answer.body);
  } catch {
    // not JSON: judged below
  }
  if (answer.status >= 400) {
    const problem = parsed as { type?: unknown; title?: unknown; status?: unknown } | undefined;
    if (!type.startsWith('application/problem+json')) out.push(`error answer of type '${type}'`);
    if (
      typeof problem?.type !== 'string' ||
      typeof problem.title !== 'string' ||
      problem.status !== answer.status
    )
      out.push('error answer without type, title and its status');
  } else if (type.startsWith('application/json')) {
    out.push(...undeclaredIn(h.app, req.method, req.path, answer.status, parsed).slice(0, 3));
  }
  const unauthenticated = req.credentials === 'garbage' || CALLERS[req.caller] === 'none';
  if (unauthenticated && answer.status < 300 && !PUBLIC_OPERATIONS.has(req.operation))
    out.push(`answered ${answer.status} to a caller without credentials`);
  return out;
}

const excerpt = (text: string) => JSON.stringify(text.slice(0, 200));
const shortPath = (path: string) =>
  path.length > 120 ? `${path.slice(0, 120)}…(${path.length} chars)` : path;

describe('API fuzzing from the OpenAPI document', () => {
  it(
    `answers ${ONLY?.length ?? RUNS} generated requests: no 5xx, problem documents, no row changed by a refusal`,
    async () => {
      for (const { method, path, op } of operationsOf(doc))
        if (!op.security?.length) PUBLIC_OPERATIONS.add(`${method} ${path}`);
      const seeds = ONLY ?? Array.from({ length: RUNS }, (_, i) => requestSeed(RUN_SEED, i));
      const offenders: string[] = [];
      const byClass: Record<string, number> = {};
      const byOperation: Record<string, number> = {};
      const byMutation: Record<string, number> = {};
      let slowest = { ms: 0, what: '' };
      let digestMs = 0;
      const digest = async () => {
        const started = performance.now();
        await runtime().settled();
        const digests = await tableDigests(h.t.pool);
        digestMs += performance.now() - started;
        return digests;
      };
      const started = performance.now();
      let before: TableDigests = await digest();
      let previous = 'none';
      for (const [i, seed] of seeds.entries()) {
        if (i > 0 && i % REPLENISH_EVERY === 0) {
          await replenish();
          before = await digest();
        }
        const req = fuzzRequest(world, seed);
        const outcome = await send(req);
        const status = outcome.status;
        const after = await digest();
        const label = `${req.method} ${shortPath(req.path)} as ${req.caller} (${req.mutation}) → ${status || 'no answer'}`;
        const found = complaints(req, outcome);
        if (status >= 400 && status < 500) {
          const ignored = 'idempotency-key' in req.headers ? WRITTEN_BY_REFUSALS_WITH_KEY : [];
          const changed = changedTables(before, after, ignored);
          if (changed.length) found.push(`refused, yet changed ${changed.join(', ')}`);
        }
        if (found.length)
          offenders.push(
            `${label}: ${found.join('; ')}; body ${excerpt(outcome.answer?.body ?? '')} [seed ${seed}]` +
              // A keep-alive socket carries the request before: it may be the one to blame.
              (outcome.answer ? '' : ` after ${previous}`),
          );
        previous = `${label} [seed ${seed}]`;
        before = after;
        const statusClass = status ? `${Math.floor(status / 100)}xx` : 'no answer';
        byClass[statusClass] = (byClass[statusClass] ?? 0) + 1;
        byOperation[req.operation] = (byOperation[req.operation] ?? 0) + 1;
        byMutation[req.mutation] = (byMutation[req.mutation] ?? 0) + 1;
        if (outcome.ms > slowest.ms) slowest = { ms: outcome.ms, what: `${label} [seed ${seed}]` };
        // Signed out by a fuzzed request: sign in again, so the caller keeps its identity.
        if (req.operation === 'POST /api/auth/logout' && status === 204 && CALLERS[req.caller] === 'cookie') {
          await signIn(req.caller as Person);
          before = await digest();
        }
        const accepted = status >= 200 && status < 300;
        if (
          accepted &&
          /^(POST|PUT|PATCH|DELETE) \/api\/(users|departments|me\/tokens)/.test(req.operation)
        ) {
          await restorePeople();
          before = await digest();
        }
        if (accepted && /^(POST|PUT|PATCH|DELETE)/.test(req.operation)) await refreshWorld();
      }
      const elapsed = performance.now() - started;
      const lines = [
        `[api-fuzz] seed ${RUN_SEED}: ${seeds.length} requests in ${(elapsed / 1000).toFixed(1)} s ` +
          `(${(digestMs / 1000).toFixed(1)} s of it digesting every table after each request)`,
        `[api-fuzz] by status class: ${JSON.stringify(byClass)}`,
        `[api-fuzz] by mutation: ${JSON.stringify(byMutation)}`,
        `[api-fuzz] slowest: ${slowest.ms.toFixed(0)} ms, ${slowest.what}`,
        `[api-fuzz] per operation: ${Object.entries(byOperation)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([op, n]) => `${op} ${n}`)
          .join(', ')}`,
        `[api-fuzz] offenders: ${offenders.length}${offenders.length ? ' (reproduce one: BATON_API_FUZZ_REQUESTS=<seed>)' : ''}`,
        ...offenders.slice(0, 60).map((o) => `  ${o}`),
      ];
      console.log(lines.join('\n'));
      expect(offenders).toEqual([]);
      // Every operation of the document was tried (in the full run).
      if (!ONLY && RUNS >= 1_000)
        expect(operationsOf(doc).filter(({ method, path }) => !byOperation[`${method} ${path}`])).toEqual([]);
    },
    (ONLY?.length ?? RUNS) * 200 + 120_000,
  );
});
