// A lead's extension decisions as the leads' queue makes them: the queue lists what the caller
// decides (with the ticket and task it is about), a grant moves the deadline by the amount the
// lead sets, a denial keeps it, and both reach the ticket's timeline as engine steps.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploySupportRefunds } from './fixtures.js';
import { createHarness, problemOf, type Harness, type Person } from './harness.js';

type Task = { id: string; dueAt: string };
type Detail = {
  id: string;
  number: number;
  openTasks: Task[];
  timeline: { type: string; actorId: string | null; taskId: string | null; data: Record<string, unknown> }[];
};
type Extension = {
  id: string;
  ticketId: string;
  ticketNumber: number;
  ticketTitle: string;
  taskName: string;
  taskDueAt: string | null;
  status: string;
  extendByMs: number;
  grantedMs: number | null;
  decisionNote: string | null;
  mayDecide: boolean;
};

const MIN = 60_000;
let h: Harness;

async function ok<T>(person: Person, method: string, path: string, body?: unknown): Promise<T> {
  const res = await h.call(person, method, path, body);
  if (res.status >= 300) throw new Error(`${person} ${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

beforeAll(async () => {
  h = await createHarness({ runtime: 'in-memory' });
  await deploySupportRefunds(h);
});
afterAll(() => h?.close());

/** A fresh ticket whose Triage (support, SLA 1 h) has a pending request for `minutes` more. */
async function requested(title: string, minutes = 30) {
  const ticket = await ok<Detail>('agent', 'POST', '/api/tickets', {
    typeId: 'refund-request',
    title,
    fields: { orderNumber: 'X-1' },
  });
  const task = ticket.openTasks[0]!;
  const request = await ok<Extension>('agent', 'POST', `/api/tasks/${task.id}/extension-requests`, {
    extendByMinutes: minutes,
    reason: 'waiting for the warehouse',
  });
  return { ticket, task, request };
}

const detail = (ticketId: string) => ok<Detail>('agent', 'GET', `/api/tickets/${ticketId}`);

describe('the leads’ queue of extension requests', () => {
  it('lists the pending requests I decide, with their ticket and task, and none I only asked for', async () => {
    const { ticket, request } = await requested('Queue me');
    const mine = await ok<{ items: Extension[] }>('lead', 'GET', '/api/extension-requests?scope=decide');
    expect(mine.items.find((x) => x.id === request.id)).toMatchObject({
      ticketId: ticket.id,
      ticketNumber: ticket.number,
      ticketTitle: 'Queue me',
      taskName: 'Triage',
      taskDueAt: ticket.openTasks[0]!.dueAt,
      mayDecide: true,
    });
    // The agent who asked sees it in the plain list, not as theirs to decide.
    const asked = await ok<{ items: Extension[] }>('agent', 'GET', '/api/extension-requests');
    expect(asked.items.find((x) => x.id === request.id)).toMatchObject({ mayDecide: false });
    expect(
      (await ok<{ items: Extension[] }>('agent', 'GET', '/api/extension-requests?scope=decide')).items,
    ).toEqual([]);
    expect(
      (await ok<{ items: Extension[] }>('otherManager', 'GET', '/api/extension-requests?scope=decide')).items,
    ).toEqual([]);
  });

  it('a grant moves the deadline by the amount the lead sets, and the timeline says so', async () => {
    const { ticket, task, request } = await requested('Grant less', 60);
    const granted = await ok<Extension>('lead', 'POST', `/api/extension-requests/${request.id}/grant`, {
      extendByMinutes: 20,
      note: 'twenty is enough',
    });
    expect(granted).toMatchObject({ status: 'granted', extendByMs: 60 * MIN, grantedMs: 20 * MIN });
    const after = await detail(ticket.id);
    expect(Date.parse(after.openTasks[0]!.dueAt) - Date.parse(task.dueAt)).toBe(20 * MIN);
    expect(after.timeline.filter((e) => e.type === 'task.extensionGranted')).toMatchObject([
      { actorId: h.ids.lead, data: { extendByMs: 20 * MIN } },
    ]);
  });

  it('a grant without an amount grants what was asked; a bad amount is refused naming it, changing nothing', async () => {
    const { ticket, task, request } = await requested('Grant asked', 15);
    const bad = await h.call('lead', 'POST', `/api/extension-requests/${request.id}/grant`, {
      extendByMinutes: 0,
    });
    expect(bad.status).toBe(422);
    expect((await problemOf(bad)).errors?.map((e) => e.path)).toEqual(['body.extendByMinutes']);
    expect((await detail(ticket.id)).openTasks[0]!.dueAt).toBe(task.dueAt);
    const granted = await ok<Extension>('lead', 'POST', `/api/extension-requests/${request.id}/grant`, {});
    expect(granted.grantedMs).toBe(15 * MIN);
  });

  it('a denial keeps the deadline and appears on the timeline as grants do, with its reason', async () => {
    const { ticket, task, request } = await requested('Deny me', 45);
    const denied = await ok<Extension>('lead', 'POST', `/api/extension-requests/${request.id}/deny`, {
      note: 'finish it today',
    });
    expect(denied).toMatchObject({ status: 'denied', grantedMs: null, decisionNote: 'finish it today' });
    const after = await detail(ticket.id);
    expect(after.openTasks[0]!.dueAt).toBe(task.dueAt);
    const entries = after.timeline.filter((e) => e.type === 'task.extensionDenied');
    expect(entries).toMatchObject([
      { actorId: h.ids.lead, data: { extendByMs: 45 * MIN, reason: 'finish it today' } },
    ]);
    expect(entries[0]!.taskId).toBe(task.id.slice(ticket.id.length + 1));
    expect(
      (await ok<{ items: Extension[] }>('lead', 'GET', '/api/extension-requests?scope=decide')).items.map(
        (x) => x.id,
      ),
    ).not.toContain(request.id);
  });

  it('a request outlived by its task can still be denied, on the timeline too', async () => {
    const { ticket, task, request } = await requested('Closed since');
    await ok('agent', 'POST', `/api/tasks/${task.id}/complete`, { outcome: 'refund' });
    await ok('lead', 'POST', `/api/extension-requests/${request.id}/deny`, { note: 'moot' });
    expect((await detail(ticket.id)).timeline.map((e) => e.type)).toContain('task.extensionDenied');
  });

  it('a request of a finished ticket can be denied; there is no timeline left to write to', async () => {
    const { ticket, task, request } = await requested('Finished since');
    await ok('agent', 'POST', `/api/tasks/${task.id}/complete`, { outcome: 'solved' });
    const denied = await ok<Extension>('lead', 'POST', `/api/extension-requests/${request.id}/deny`, {});
    expect(denied.status).toBe('denied');
    expect((await detail(ticket.id)).timeline.map((e) => e.type)).not.toContain('task.extensionDenied');
  });
});
