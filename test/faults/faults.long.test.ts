// Faults, on the real Baton process as `pnpm start` runs it (test/support/baton-process.ts) with
// the local Temporal dev server under its data folder, and a Postgres this test starts itself
// (DATABASE_URL), so that it can kill it:
//  a. Postgres killed (SIGKILL to its postmaster) under write load over HTTP: while it is down
//     every request is answered within a bound, API routes with 503, Retry-After and a problem
//     document (never a 500), health with 503; once it is back, requests succeed again with the
//     same API process, and no ticket is half-written (read-model-invariants.ts).
//  b. The API process killed (SIGKILL) with open tickets, claimed and not, and started again on
//     the same data folder, database and Temporal: the tickets are there, their tasks can be
//     claimed and completed, their SLA timers fire (a 12 s target), and nothing is recorded twice.
// Only processes this test started are signalled, by their pids.
import { readFileSync } from 'node:fs';
import { ownPostgres, type OwnPostgres } from '@baton/db/testing';
import { findTemporalCli } from '@baton/workflows';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import {
  alive,
  allGone,
  type Baton,
  cleanUpBatons,
  newDataDir,
  pressCtrlC,
  signIn,
  startBaton,
  until,
} from '../support/baton-process.js';
import { readModelBreaches, ticketWorkflows } from './read-model-invariants.js';
import { type Answer, startWriteLoad, tally } from './write-load.js';

const cli = findTemporalCli(process.env);
const missing = cli ? undefined : 'no `temporal` CLI (BATON_TEMPORAL_BIN or PATH)';
if (missing && process.env.CI !== 'true') console.log(`fault tests skipped: ${missing}`);

const TYPE_ID = 'fault-drill';
/** The API's own deadline for a ticket's first step (workflows' TemporalRuntime startMs) and a margin. */
const ANSWER_BOUND_MS = 65_000;
const OUTAGE_MS = 8_000;
const SLA_SECONDS = 12;
const AGENT = { email: 'support.agent1@baton.local', password: 'baton-agent' };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Detail = {
  id: string;
  status: string;
  live: boolean;
  openTasks: { id: string; assignee: string | null }[];
  stages: unknown[];
  timeline: { type: string }[];
};

describe.skipIf(Boolean(missing) && process.env.CI !== 'true')('faults', () => {
  let pg: OwnPostgres;
  let dataDir: string;
  let baton: Baton;
  const env = () => ({ DATABASE_URL: pg.url, BATON_SEED_HISTORY: 'off' });

  beforeAll(async () => {
    if (missing) throw new Error(`CI=true: ${missing}`);
    pg = await ownPostgres();
    dataDir = newDataDir();
    baton = await startBaton(dataDir, env());
    // A support task with a short SLA (the API tests' support → refunds flow).
    const xml = readFileSync(
      new URL('../../api/test/flows/support-refunds.bpmn', import.meta.url),
      'utf8',
    ).replace('baton:sla="PT1H"', `baton:sla="PT${SLA_SECONDS}S"`);
    const admin = await signIn(baton.url);
    for (const [method, route, body] of [
      ['POST', '/api/ticket-types', { id: TYPE_ID, name: 'Fault drill' }],
      ['PUT', `/api/ticket-types/${TYPE_ID}/flow`, { xml }],
      ['POST', `/api/ticket-types/${TYPE_ID}/flow/deploy`, {}],
    ] as const) {
      const res = await admin(method, route, body);
      if (res.status >= 300) throw new Error(`${method} ${route}: ${res.status} ${await res.text()}`);
    }
  }, 180_000);
  afterAll(async () => {
    cleanUpBatons();
    await pg?.close();
  });

  /** Until the read model holds every invariant (steps delayed by the fault land late), or the bound. */
  async function consistent(acknowledged: Parameters<typeof readModelBreaches>[2], timeoutMs: number) {
    let breaches: string[] = [];
    const started = Date.now();
    await until(
      'a consistent read model',
      timeoutMs,
      async () => {
        breaches = await readModelBreaches(
          pg.opened.pool,
          await ticketWorkflows(cli!, baton.temporalAddress()),
          acknowledged,
        );
        return breaches.length === 0 ? true : undefined;
      },
      1_000,
    ).catch(() => undefined);
    expect(breaches).toEqual([]);
    return Date.now() - started;
  }

  it('a. Postgres killed under write load: 503 with Retry-After while down, success again after, no half-written ticket', async () => {
    onTestFailed(() => console.log(`Baton's output, last lines:\n${baton.output().slice(-6000)}`));
    const apiPid = baton.pids().api;
    const agent = await signIn(baton.url, AGENT.email, AGENT.password);
    const load = startWriteLoad({
      session: agent,
      typeId: TYPE_ID,
      name: `drill-${process.pid}`,
      workers: 3,
      boundMs: ANSWER_BOUND_MS,
      outcome: 'solved',
      arrivalEveryMs: 500,
    });
    await sleep(3_000);
    const killedAt = Date.now();
    await pg.kill();
    await sleep(1_000);
    const health = await fetch(`${baton.url}/api/health`, { signal: AbortSignal.timeout(10_000) });
    expect([health.status, ((await health.json()) as { status: string }).status]).toEqual([503, 'degraded']);
    await sleep(OUTAGE_MS - 1_000);
    const upAt = Date.now();
    await pg.up();
    const recovered = await until(
      'a ticket created after Postgres is back',
      60_000,
      async () => load.answers.find((a) => a.op === 'create' && a.status === 201 && a.sentAt > upAt),
      250,
    );
    await sleep(2_000);
    await load.stop();

    const { answers } = load;
    const show = (a: Answer) =>
      `${a.op} sent ${a.sentAt - killedAt} ms after the kill: ${a.status} in ${a.ms} ms ${a.code ?? a.error ?? ''}`;
    // Never a hang, never a 500: every request answered within the bound.
    expect(answers.filter((a) => a.status === 0 || a.ms > ANSWER_BOUND_MS).map(show)).toEqual([]);
    expect(answers.filter((a) => a.status >= 500 && a.status !== 503).map(show)).toEqual([]);
    // Every 503 says when to come back, as a problem document naming what is missing.
    expect(
      answers
        .filter((a) => a.status === 503)
        .filter(
          (a) =>
            !(a.retryAfter! > 0) ||
            !a.contentType.startsWith('application/problem+json') ||
            !['database-unavailable', 'engine-unavailable'].includes(a.code ?? ''),
        )
        .map(show),
    ).toEqual([]);
    // Sent while it was down (after the kill took effect) and answered before it was back: 503 only.
    const whileDown = answers.filter((a) => a.sentAt > killedAt + 500 && a.sentAt + a.ms < upAt);
    expect(whileDown.length).toBeGreaterThan(0);
    expect(whileDown.filter((a) => a.status !== 503).map(show)).toEqual([]);
    // Back without a restart: the same API process answered.
    expect(alive(apiPid) && baton.pids().api === apiPid).toBe(true);
    const consistentMs = await consistent(load.acknowledged, 120_000);

    const slowest = answers.reduce((a, b) => (b.ms > a.ms ? b : a));
    console.log(
      `[faults a] Postgres killed for ${((upAt - killedAt) / 1000).toFixed(1)} s under ${answers.length} requests ` +
        `(${JSON.stringify(tally(answers))}); while down ${whileDown.length} answered 503, slowest answer: ${show(slowest)}; ` +
        `first ticket created ${recovered.sentAt + recovered.ms - upAt} ms after Postgres was back; ` +
        `${load.acknowledged.created.size} tickets, read model consistent ${consistentMs} ms after the load stopped`,
    );
  }, 300_000);

  it('b. the API process killed with open tickets and restarted on the same data: tickets there, tasks workable, SLA timers fire, nothing twice', async () => {
    onTestFailed(() => console.log(`Baton's output, last lines:\n${baton.output().slice(-6000)}`));
    const agent = await signIn(baton.url, AGENT.email, AGENT.password);
    const title = `crash-${process.pid}`;
    const tickets: { id: string; taskId: string; claimed: boolean }[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await agent('POST', '/api/tickets', { typeId: TYPE_ID, title: `${title}-${i}` });
      expect(res.status).toBe(201);
      const body = (await res.json()) as Detail;
      const taskId = body.openTasks[0]!.id;
      const claimed = i < 4;
      if (claimed) expect((await agent('POST', `/api/tasks/${taskId}/claim`, {})).status).toBe(200);
      tickets.push({ id: body.id, taskId, claimed });
    }
    const createdAt = Date.now();

    const before = baton.pids();
    process.kill(before.api, 'SIGKILL');
    await allGone([before.api], 10_000);
    // Only the API died: the dev server it started keeps its history.
    expect(alive(before.temporal)).toBe(true);
    const restartedAt = Date.now();
    // As `pnpm start` again: the same configuration, ports included.
    baton = await startBaton(dataDir, { ...env(), ...baton.ports });
    const restartMs = Date.now() - restartedAt;
    const again = await signIn(baton.url, AGENT.email, AGENT.password);

    const detailOf = async (id: string) => {
      const res = await again('GET', `/api/tickets/${id}`);
      expect(res.status).toBe(200);
      return (await res.json()) as Detail;
    };
    for (const t of tickets) {
      const detail = await detailOf(t.id);
      expect([
        ['done', 'cancelled'].includes(detail.status),
        detail.openTasks.map((o) => [o.id, o.assignee !== null]),
        detail.stages.length,
      ]).toEqual([false, [[t.taskId, t.claimed]], 1]);
      expect(detail.timeline.filter((e) => e.type === 'ticket.started')).toHaveLength(1);
    }
    // Read from the read model at once; live from its workflow once the new worker answers queries.
    await until(
      'every ticket live on the restarted worker',
      90_000,
      async () =>
        (await Promise.all(tickets.map((t) => detailOf(t.id)))).every((d) => d.live) ? true : undefined,
      1_000,
    );
    const liveMs = Date.now() - restartedAt - restartMs;

    /** An action as a client sends it after a crash: again with the same key while the engine answers 503. */
    const act = async (taskId: string, action: string, body: unknown) => {
      const key = `${title}-${taskId}-${action}`;
      return until(
        `${action} ${taskId} after the restart`,
        120_000,
        async () => {
          const res = await again('POST', `/api/tasks/${taskId}/${action}`, body, { 'idempotency-key': key });
          if (res.status === 503) return undefined;
          return res.status;
        },
        1_000,
      );
    };
    const firstActionAt = Date.now();
    // Claimed before the crash: completed now; one unclaimed: claimed and completed; one left alone.
    const completed = new Map<string, string>();
    for (const t of tickets.slice(0, 3)) {
      expect(await act(t.taskId, 'complete', { outcome: 'solved' })).toBe(200);
      completed.set(t.taskId, 'solved');
    }
    const unclaimed = tickets.find((t) => !t.claimed)!;
    expect(await act(unclaimed.taskId, 'claim', {})).toBe(200);
    expect(await act(unclaimed.taskId, 'complete', { outcome: 'solved' })).toBe(200);
    completed.set(unclaimed.taskId, 'solved');
    const actionsMs = Date.now() - firstActionAt;

    // The SLA timers of the tickets left open fire on the restarted worker: all three levels, once.
    const open = tickets.filter((t) => !completed.has(t.taskId));
    await until(
      'every SLA level of the open tickets recorded',
      120_000,
      async () => {
        const { rows } = await pg.opened.pool.query<{ ticket_id: string; levels: string[] }>(
          `select ticket_id, array_agg(data->>'level' order by data->>'level') as levels from ticket_events
           where type = 'sla.level' and ticket_id = any($1) group by ticket_id`,
          [open.map((t) => t.id)],
        );
        return rows.length === open.length && rows.every((r) => r.levels.join() === 'overdue,severe,warning')
          ? true
          : undefined;
      },
      1_000,
    );
    const severeAfterMs = Date.now() - createdAt;
    const { rows: levels } = await pg.opened.pool.query<{ sla_level: string }>(
      'select sla_level from stages where ticket_id = any($1) and closed_at is null',
      [open.map((t) => t.id)],
    );
    expect(levels.map((l) => l.sla_level)).toEqual(open.map(() => 'severe'));

    // Nothing twice: one row per ticket, and the invariants of (a) over everything.
    const { rows: count } = await pg.opened.pool.query<{ n: number }>(
      'select count(*)::int as n from tickets where title like $1',
      [`${title}-%`],
    );
    expect(count[0]!.n).toBe(tickets.length);
    await consistent(
      {
        created: tickets.map((t) => t.id),
        claimed: tickets.filter((t) => t.claimed).map((t) => t.taskId),
        completed,
      },
      60_000,
    );
    console.log(
      `[faults b] API killed with ${tickets.length} open tickets; back in ${(restartMs / 1000).toFixed(1)} s; ` +
        `all live ${(liveMs / 1000).toFixed(1)} s later; 4 completions and a claim took ${(actionsMs / 1000).toFixed(1)} s (503 retried with the same key); ` +
        `SLA levels of the ${open.length} left open all recorded ${(severeAfterMs / 1000).toFixed(1)} s after creation (severe due at ${(SLA_SECONDS * 1.3).toFixed(1)} s)`,
    );

    const pids = baton.allPids();
    await pressCtrlC(baton);
    await allGone(pids, 30_000);
  }, 400_000);
});
