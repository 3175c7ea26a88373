// The run loop's own duties, with plain ports: here, that a run carried into a fresh history
// (continue-as-new) arms the timer its state asks for without waiting for an input.
import type { Flow } from '@baton/engine';
import { beforeAll, describe, expect, it } from 'vitest';
import { earliestTimer } from './driver.js';
import { emptyCommandStats } from './records.js';
import { type TicketRunPorts, createTicketRun } from './ticket-run.js';
import { seededCallCentre } from '../../test/support/seeded-call-centre.js';

const T0 = Date.parse('2026-03-02T01:00:00Z'); // Monday 09:00 in Shanghai
let flow: Flow;

beforeAll(async () => {
  flow = await seededCallCentre();
});

const ticket = {
  ticketId: 'run-1',
  typeId: 'call-centre',
  flowVersionId: 'fv',
  variables: { category: 'fault' },
};

/** Ports that record nothing anywhere and keep the instants timers were armed for. */
function plainPorts(armed: number[], armsCarriedTimer = true): TicketRunPorts {
  return {
    now: () => T0,
    timers: {
      start(at) {
        armed.push(at);
        return { cancel: () => undefined };
      },
    },
    record: async () => undefined,
    pickAssignee: async () => null,
    runActivity: async () => undefined,
    warn: () => undefined,
    conditionFailure: () => 'incident',
    armsCarriedTimer: () => armsCarriedTimer,
    onDetachedFailure: (error) => {
      throw error;
    },
  };
}

describe('createTicketRun', () => {
  it('arms the pending SLA timer of a run carried over from an earlier history, with no input', async () => {
    const first = createTicketRun(flow, ticket, plainPorts([]));
    await first.start();
    const driver = first.driver()!;
    const due = earliestTimer(driver.timers);
    expect(due).toBeGreaterThan(T0);
    first.dispose();

    const armed: number[] = [];
    const carried = createTicketRun(flow, ticket, plainPorts(armed), {
      driver,
      stats: emptyCommandStats(),
    });
    await carried.start();
    expect(armed).toEqual([due]);
    carried.dispose();

    // A history continued before the patch replays as written: no timer until an input.
    const replayed: number[] = [];
    const old = createTicketRun(flow, ticket, plainPorts(replayed, false), {
      driver,
      stats: emptyCommandStats(),
    });
    await old.start();
    expect(replayed).toEqual([]);
    old.dispose();
  });
});
