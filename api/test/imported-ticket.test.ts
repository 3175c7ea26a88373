// A ticket imported from an older system, as the demo history writes them (db/src/seed/
// seed-history.ts): rows in the read model with a stage still open and assigned to a real agent,
// but no engine run. Nothing that asks the engine is offered on it, in the queue or the detail,
// and the routes refuse such actions as not running (409 ticket-not-running), the extension
// request too (it could never be granted); an admin may still cancel it, which closes it in the
// read model. Real database, the real in-memory runtime.
import { HISTORY_IMPORTED_FROM } from '@baton/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploySupportRefunds, insertImportedTicket } from './fixtures.js';
import { createHarness, problemOf, type Harness } from './harness.js';

const TICKET_ID = 'hist-00042';
let importedTask: string;

type Actions = Record<string, unknown>;
type QueueItem = { id: string; ticketId: string; importedFrom: string | null; actions: Actions };

const NO_ACTIONS = {
  claim: false,
  complete: null,
  transfer: null,
  return: false,
  hold: false,
  resume: false,
  requestExtension: false,
  cancel: false,
};

let h: Harness;

beforeAll(async () => {
  h = await createHarness({ runtime: 'in-memory' });
  await deploySupportRefunds(h);
  // Created by the agent, who still has it at triage, past its target.
  importedTask = await insertImportedTicket(h, TICKET_ID, h.ids.agent);
});
afterAll(() => h?.close());

async function queueItem(person: 'agent' | 'admin', scope: 'mine' | 'department') {
  const res = await h.call(person, 'GET', `/api/tasks?scope=${scope}`);
  expect(res.status).toBe(200);
  const { items } = (await res.json()) as { items: QueueItem[] };
  return items.find((item) => item.ticketId === TICKET_ID);
}

describe('a ticket imported from an older system (no engine run)', () => {
  it("is in its agent's queue, marked imported, offering nothing", async () => {
    const item = await queueItem('agent', 'mine');
    // The agent created it and is in charge of it, but no engine would take a cancel either.
    expect(item?.actions).toEqual(NO_ACTIONS);
    expect(item).toMatchObject({ id: importedTask, importedFrom: HISTORY_IMPORTED_FROM });
    // An admin may close it in the read model, as one the engine lost: only that.
    expect((await queueItem('admin', 'department'))!.actions).toEqual({ ...NO_ACTIONS, cancel: true });
  });

  it('shows its detail as not live, with no actions, without asking the engine', async () => {
    const res = await h.call('agent', 'GET', `/api/tickets/${TICKET_ID}`);
    expect(res.status).toBe(200);
    const detail = (await res.json()) as {
      importedFrom: string | null;
      live: boolean;
      openTasks: { id: string; actions: Actions }[];
    };
    expect(detail.openTasks.map((t) => [t.id, t.actions])).toEqual([[importedTask, NO_ACTIONS]]);
    expect(detail).toMatchObject({ importedFrom: HISTORY_IMPORTED_FROM, live: false });
  });

  it('refuses an extension request and every task action as not running', async () => {
    const extension = await problemOf(
      await h.call('agent', 'POST', `/api/tasks/${importedTask}/extension-requests`, {
        extendByMinutes: 60,
        reason: 'waiting for the warehouse',
      }),
    );
    expect([extension.status, extension.code]).toEqual([409, 'ticket-not-running']);
    expect(extension.detail).toMatch(/imported from demo history: no engine runs it/);
    const pending = await h.t.pool.query('select 1 from extension_requests where ticket_id = $1', [
      TICKET_ID,
    ]);
    expect(pending.rowCount).toBe(0);

    const complete = await problemOf(
      await h.call('agent', 'POST', `/api/tasks/${importedTask}/complete`, { outcome: 'solved' }),
    );
    expect([complete.status, complete.code]).toEqual([409, 'ticket-not-running']);
    expect(complete.detail).toMatch(/imported from demo history/);
  });

  it('is cancelled by an admin only, in the read model', async () => {
    const byAgent = await problemOf(await h.call('agent', 'POST', `/api/tickets/${TICKET_ID}/cancel`, {}));
    expect([byAgent.status, byAgent.code]).toEqual([409, 'ticket-not-running']);

    const byAdmin = await h.call('admin', 'POST', `/api/tickets/${TICKET_ID}/cancel`, {});
    expect(byAdmin.status).toBe(200);
    const closed = (await byAdmin.json()) as {
      status: string;
      openTasks: unknown[];
      timeline: { type: string; data: Record<string, unknown> }[];
    };
    expect(closed.status).toBe('cancelled');
    expect(closed.openTasks).toEqual([]);
    expect(closed.timeline.at(-1)).toMatchObject({
      type: 'ticket.closedOutside',
      data: { reason: 'cancelled by an admin: imported from demo history, no engine ran it' },
    });
    expect(await queueItem('agent', 'mine')).toBeUndefined();
  });
});
