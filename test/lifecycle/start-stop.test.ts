// The real Baton process as `pnpm start` runs it (api/src/main.ts, no TEMPORAL_ADDRESS): embedded
// Postgres plus the local Temporal dev server. Ctrl-C must stop everything, in order, and a
// restart on the same data folder must find the tickets and their workflows again.
import { readFileSync } from 'node:fs';
import { findTemporalCli } from '@baton/workflows';
import { afterAll, describe, expect, it } from 'vitest';
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

const missing = findTemporalCli(process.env) ? undefined : 'no `temporal` CLI (BATON_TEMPORAL_BIN or PATH)';
if (missing && process.env.CI !== 'true') console.log(`lifecycle tests skipped: ${missing}`);

async function createTicket(baton: Baton): Promise<string> {
  const call = await signIn(baton.url);
  const created = await call('POST', '/api/tickets', {
    typeId: 'call-centre',
    title: 'Lifecycle test: the kettle leaks',
    fields: { callerPhone: '+86 21 5555 0100', description: 'Water under the kettle after boiling.' },
  });
  expect(created.status).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

// Whatever a failed test left behind: only processes these tests started.
afterAll(cleanUpBatons);

describe.skipIf(Boolean(missing) && process.env.CI !== 'true')('starting and stopping Baton', () => {
  it('Ctrl-C stops the HTTP server, the worker, the Temporal dev server and Postgres, in order, leaving nothing running', async () => {
    if (missing) throw new Error(`CI=true: ${missing}`);
    const baton = await startBaton(newDataDir());
    const pids = baton.pids();
    const postgres = pids.postgres ?? 0;
    expect([postgres, pids.api, pids.temporal].every(alive)).toBe(true);
    // Neither server is in the API's process group, so the terminal's SIGINT reaches only the API.
    for (const pid of [postgres, pids.temporal]) {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      expect(Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2])).toBe(pid);
    }

    await pressCtrlC(baton);
    await allGone([pids.api, postgres, pids.temporal], 30_000);
    expect(await baton.exited).toBe(0);

    // The API's own log (the db package's logger writes apart and may land later in the output).
    const messages = baton
      .logs()
      .filter((line) => line.name === 'baton')
      .map((line) => line.msg);
    const order = [
      'stopped HTTP server',
      'stopped Temporal worker and connections',
      'stopped Temporal dev server',
      'stopped database (embedded Postgres)',
    ].map((step) => messages.findIndex((msg) => msg.startsWith(step)));
    expect(
      order.every((index) => index >= 0),
      baton.output().slice(-3000),
    ).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // The relayed second SIGINT was noticed, and did not cut the shutdown short.
    expect(messages.filter((msg) => msg.startsWith('SIGINT: shutting down'))).toHaveLength(1);
    expect(messages.some((msg) => msg.startsWith('already stopping'))).toBe(true);
    expect(messages.at(-1)).toBe('stopped');
  }, 60_000);

  it('a restart on the same data folder finds the ticket and its running workflow again', async () => {
    if (missing) throw new Error(`CI=true: ${missing}`);
    const dataDir = newDataDir();
    const first = await startBaton(dataDir);
    const ticketId = await createTicket(first);
    const firstPids = first.pids();
    const firstAll = first.allPids();
    await pressCtrlC(first);
    await allGone(firstAll, 30_000);

    const second = await startBaton(dataDir);
    expect(second.pids().temporal).not.toBe(firstPids.temporal);
    const call = await signIn(second.url);
    const detail = await until('the ticket read from the restarted Temporal', 20_000, async () => {
      const res = await call('GET', `/api/tickets/${ticketId}`);
      const body = res.ok
        ? ((await res.json()) as { live: boolean; status: string; openTasks: unknown[] })
        : undefined;
      return body?.live ? body : undefined;
    });
    expect(detail.live).toBe(true);
    expect(detail.openTasks.length).toBeGreaterThan(0);

    const secondPids = second.allPids();
    await pressCtrlC(second);
    await allGone(secondPids, 30_000);
  }, 90_000);
});
