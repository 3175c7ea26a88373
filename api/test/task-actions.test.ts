// "Nothing offered that would be refused": the `actions` the API returns with every open task
// against what the matching POST answers. For each situation (who looks at which task in which
// state) a fresh ticket is driven into it once per probe; every flag that is true must be
// accepted by its POST and every flag that is false refused. The ticket detail (live state, dry
// runs) is probed; the queue (read model) and the action answers must say the same as the detail.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TaskActions } from '../src/access/task-actions.js';
import { createApp, type BatonApp } from '../src/app.js';
import { deploySupportRefunds, insertImportedTicket } from './fixtures.js';
import { createHarness, type Harness, type Person } from './harness.js';
import { inMemoryRuntime } from './runtime.js';

type OpenTask = { id: string; name: string; outcomes: string[]; actions: TaskActions };
type Detail = { id: string; status: string; openTasks: OpenTask[] };

/** Every department a transfer could name: the flow's two and one it does not have. */
const DEPARTMENTS = ['support', 'refunds', 'faults'];

let h: Harness;
/** The same database with a fresh in-memory runtime: a restart that lost every running ticket. */
let restarted: { app: BatonApp; close(): Promise<void> };

beforeAll(async () => {
  h = await createHarness({ runtime: 'in-memory' });
  const xml = await deploySupportRefunds(h);
  // The same flow without a deadline on Triage: nothing to extend.
  await ok('owner', 'POST', '/api/ticket-types', { id: 'no-sla', name: 'no-sla' });
  await ok('owner', 'PUT', '/api/ticket-types/no-sla/flow', { xml: xml.replace('baton:sla="PT1H" ', '') });
  await ok('owner', 'POST', '/api/ticket-types/no-sla/flow/deploy', {});
  // A sub-process and a parallel join (tasks without SLAs, returnable after the intake).
  const handOvers = readFileSync(new URL('./flows/hand-overs.bpmn', import.meta.url), 'utf8');
  await ok('owner', 'POST', '/api/ticket-types', { id: 'hand-overs', name: 'hand-overs' });
  await ok('owner', 'PUT', '/api/ticket-types/hand-overs/flow', { xml: handOvers });
  await ok('owner', 'POST', '/api/ticket-types/hand-overs/flow/deploy', {});
  const lost = inMemoryRuntime(h.t.db, h.clock!.now());
  restarted = { app: createApp({ ...h.deps, runtime: lost.runtime }), close: () => lost.runtime.close() };
});
afterAll(async () => {
  await restarted?.close();
  await h?.close();
});

async function call(person: Person, method: string, path: string, body?: unknown, app = h.app) {
  const res = await app.request(path, {
    method,
    headers: { authorization: `Bearer ${h.tokens[person]}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as unknown };
}

async function ok<T>(person: Person, method: string, path: string, body?: unknown): Promise<T> {
  const res = await call(person, method, path, body);
  if (res.status >= 300)
    throw new Error(`${person} ${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
}

const detailOf = (person: Person, ticketId: string, app = h.app) =>
  call(person, 'GET', `/api/tickets/${ticketId}`, undefined, app).then((r) => r.body as Detail);

/** Opens a ticket as the support agent; answers it with its Triage task (support; transferTo refunds). */
async function triageTicket(typeId = 'refund-request') {
  const created = await ok<Detail>('agent', 'POST', '/api/tickets', {
    typeId,
    title: 'Probe',
    ...(typeId === 'refund-request' ? { fields: { orderNumber: 'P-1' } } : {}),
  });
  return { ticketId: created.id, triage: created.openTasks[0]!.id };
}

/** A fresh ticket's Triage task, as the situation's task. */
async function openTriage() {
  const { ticketId, triage } = await triageTicket();
  return { ticketId, task: triage };
}

/** Triage completed with `refund`: the ticket waits in refunds (returnable, handed over by Triage). */
async function refundTicket() {
  const { ticketId, triage } = await triageTicket();
  const done = await ok<{ openTasks: OpenTask[] }>('agent', 'POST', `/api/tasks/${triage}/complete`, {
    outcome: 'refund',
  });
  return { ticketId, task: done.openTasks[0]!.id };
}

/** A fresh ticket imported from an older system (no engine run), the agent's and at its Triage. */
let imported = 0;
async function importedTicket() {
  const ticketId = `hist-probe-${++imported}`;
  return { ticketId, task: await insertImportedTicket(h, ticketId, h.ids.agent) };
}

/**
 * The hand-overs flow past its sub-process: the Review task, handed over by the Intake before the
 * sub-process (not by the Check that closed as the sub-process ended, in another scope).
 */
async function reviewAfterSubProcess() {
  const created = await ok<Detail>('agent', 'POST', '/api/tickets', { typeId: 'hand-overs', title: 'Probe' });
  const checking = await ok<{ openTasks: OpenTask[] }>(
    'agent',
    'POST',
    `/api/tasks/${created.openTasks[0]!.id}/complete`,
    {},
  );
  // A moment later: the Check did not close as the Intake did (a frozen clock would hide which
  // stage handed the Review over).
  await h.clock!.advance(1000);
  const done = await ok<{ openTasks: OpenTask[] }>(
    'otherAgent',
    'POST',
    `/api/tasks/${checking.openTasks[0]!.id}/complete`,
    {},
  );
  return { ticketId: created.id, task: done.openTasks.find((t) => t.name === 'Review')!.id };
}

type Situation = {
  name: string;
  viewer: Person;
  /** Drives a fresh ticket into the situation; answers the ticket and the task looked at. */
  build(): Promise<{ ticketId: string; task: string }>;
  /** What the flags must be, written out so a changed rule shows here too. */
  expected: TaskActions;
  /** The app the viewer calls (default: the one whose engine runs the ticket). */
  app?: () => BatonApp;
};

const none: TaskActions = {
  claim: false,
  complete: null,
  transfer: null,
  return: false,
  hold: false,
  resume: false,
  requestExtension: false,
  cancel: false,
};
const triageOpen: TaskActions = {
  ...none,
  claim: true,
  complete: { outcomes: ['refund', 'solved'] },
  transfer: { departments: ['refunds'] },
  hold: true,
  requestExtension: true,
  cancel: true,
};

/** The refunds department on the Refund task that Triage handed over (by flow or by transfer). */
const refundOpen: TaskActions = {
  ...none,
  claim: true,
  complete: { outcomes: ['refunded'] },
  return: true,
  hold: true,
  requestExtension: true,
};

const situations: Situation[] = [
  {
    name: 'an unclaimed task in my department',
    viewer: 'agent',
    build: openTriage,
    expected: triageOpen,
  },
  {
    name: 'a task claimed by me',
    viewer: 'agent',
    build: async () => {
      const { ticketId, triage } = await triageTicket();
      await ok('agent', 'POST', `/api/tasks/${triage}/claim`, {});
      return { ticketId, task: triage };
    },
    expected: { ...triageOpen, claim: false },
  },
  {
    name: 'a task claimed by someone else (a manager of the department looks)',
    viewer: 'manager',
    build: async () => {
      const { ticketId, triage } = await triageTicket();
      await ok('agent', 'POST', `/api/tasks/${triage}/claim`, {});
      return { ticketId, task: triage };
    },
    // The engine lets anyone of the department hold a claimed task, nothing else.
    expected: { ...none, hold: true, requestExtension: true, cancel: true },
  },
  {
    name: 'a held task',
    viewer: 'agent',
    build: async () => {
      const { ticketId, triage } = await triageTicket();
      await ok('agent', 'POST', `/api/tasks/${triage}/hold`, { reason: 'waiting for the customer' });
      return { ticketId, task: triage };
    },
    expected: { ...triageOpen, hold: false, resume: true },
  },
  {
    name: 'a held task the customer has answered since',
    viewer: 'agent',
    build: async () => {
      const { ticketId, triage } = await triageTicket();
      await ok('agent', 'POST', `/api/tasks/${triage}/hold`, { reason: 'waiting for the customer' });
      await ok('agent', 'POST', `/api/tickets/${ticketId}/messages`, { text: 'here it is' });
      return { ticketId, task: triage };
    },
    expected: triageOpen,
  },
  {
    name: 'a task without an SLA',
    viewer: 'agent',
    build: async () => {
      const { ticketId, triage } = await triageTicket('no-sla');
      return { ticketId, task: triage };
    },
    expected: { ...triageOpen, requestExtension: false },
  },
  {
    name: "another department's task (its creator looks)",
    viewer: 'agent',
    build: refundTicket,
    // Refunds has it now: its creator in support sees it and cancels it no more (ticket-writes.ts).
    expected: none,
  },
  {
    name: 'an unclaimed task, an admin looks',
    viewer: 'admin',
    build: openTriage,
    expected: triageOpen,
  },
  {
    name: 'a returnable task handed over by another (its department looks)',
    viewer: 'otherAgent',
    build: refundTicket,
    // The agent created the ticket, not the refunds agent: no cancel.
    expected: refundOpen,
  },
  {
    name: 'a task of a ticket that was transferred (not handed over by flow)',
    viewer: 'otherManager',
    build: async () => {
      const { ticketId, triage } = await triageTicket();
      const moved = await ok<{ openTasks: OpenTask[] }>('agent', 'POST', `/api/tasks/${triage}/transfer`, {
        department: 'refunds',
      });
      return { ticketId, task: moved.openTasks[0]!.id };
    },
    expected: { ...refundOpen, cancel: true },
  },
  {
    name: 'a developer (no task role) looks',
    viewer: 'developer',
    build: openTriage,
    expected: none,
  },
  {
    name: 'a ticket the engine lost in a restart (its creator looks)',
    viewer: 'agent',
    build: openTriage,
    // No grant could reach the engine, so no extension request; only an admin may close a lost ticket.
    expected: none,
    app: () => restarted.app,
  },
  {
    name: 'a ticket the engine lost in a restart (an admin looks)',
    viewer: 'admin',
    build: openTriage,
    expected: { ...none, cancel: true },
    app: () => restarted.app,
  },
  {
    name: 'a ticket imported from an older system (its creator and assignee looks)',
    viewer: 'agent',
    build: importedTicket,
    expected: none,
  },
  {
    name: 'a ticket imported from an older system (an admin looks)',
    viewer: 'admin',
    build: importedTicket,
    // Closed in the read model, as a lost ticket is.
    expected: { ...none, cancel: true },
  },
  {
    name: 'a returnable task after a sub-process ended',
    viewer: 'agent',
    build: reviewAfterSubProcess,
    expected: { ...none, claim: true, complete: { outcomes: [] }, return: true, hold: true, cancel: true },
  },
];

type Probe = { label: string; offered: boolean; request: [method: string, path: string, body: unknown] };

/** One POST per flag (per outcome, per department), and whether the flags offer it. */
function probes(ticketId: string, task: OpenTask): Probe[] {
  const { actions } = task;
  const taskPath = (action: string) => `/api/tasks/${task.id}/${action}`;
  const completes: Probe[] =
    task.outcomes.length === 0
      ? [
          {
            label: 'complete',
            offered: actions.complete !== null,
            request: ['POST', taskPath('complete'), {}],
          },
        ]
      : task.outcomes.map((outcome) => ({
          label: `complete ${outcome}`,
          offered: actions.complete?.outcomes.includes(outcome) ?? false,
          request: ['POST', taskPath('complete'), { outcome }],
        }));
  return [
    { label: 'claim', offered: actions.claim, request: ['POST', taskPath('claim'), {}] },
    ...completes,
    ...DEPARTMENTS.map((department): Probe => ({
      label: `transfer to ${department}`,
      offered: actions.transfer?.departments.includes(department) ?? false,
      request: ['POST', taskPath('transfer'), { department }],
    })),
    { label: 'return', offered: actions.return, request: ['POST', taskPath('return'), {}] },
    { label: 'hold', offered: actions.hold, request: ['POST', taskPath('hold'), { reason: 'probe' }] },
    { label: 'resume', offered: actions.resume, request: ['POST', taskPath('resume'), {}] },
    {
      label: 'request an extension',
      offered: actions.requestExtension,
      request: ['POST', taskPath('extension-requests'), { extendByMinutes: 10, reason: 'probe' }],
    },
    { label: 'cancel', offered: actions.cancel, request: ['POST', `/api/tickets/${ticketId}/cancel`, {}] },
  ];
}

/** A refusal is a client error (403, 404, 409, 422), never a failure of the server. */
const verdictOf = (status: number) =>
  status < 300 ? 'accepted' : status < 500 ? 'refused' : `failed with ${status}`;

const isTaskAction = (path: string) =>
  path.startsWith('/api/tasks/') && !path.endsWith('/extension-requests');

/** An accepted action's answer offers, on each open task, what the viewer's detail then shows. */
async function expectAnswerLikeDetail(
  s: Situation,
  at: { ticketId: string; app: BatonApp },
  answer: unknown,
  label: string,
) {
  const { openTasks } = answer as { openTasks: OpenTask[] };
  const detail = await detailOf(s.viewer, at.ticketId, at.app);
  const actionsOf = (tasks: OpenTask[]) => tasks.map((t) => [t.id, t.actions]);
  expect([s.name, label, actionsOf(openTasks)]).toEqual([s.name, label, actionsOf(detail.openTasks)]);
}

/** Builds the situation afresh and answers the task as the viewer's detail shows it. */
async function enter(s: Situation) {
  const { ticketId, task } = await s.build();
  const app = s.app?.() ?? h.app;
  const detail = await detailOf(s.viewer, ticketId, app);
  const shown = detail.openTasks.find((t) => t.id === task);
  if (!shown) throw new Error(`${s.name}: task ${task} is not open in ${JSON.stringify(detail)}`);
  return { ticketId, task: shown, app };
}

describe('actions per open task', () => {
  it.each(situations.map((s) => [s.name, s] as const))(
    '%s: every flag matches its POST',
    async (_name, s) => {
      const first = await enter(s);
      expect(first.task.actions).toEqual(s.expected);
      const answered: Record<string, string> = {};
      const offered: Record<string, string> = {};
      for (const { label } of probes(first.ticketId, first.task)) {
        const fresh = await enter(s);
        const probe = probes(fresh.ticketId, fresh.task).find((p) => p.label === label)!;
        const [method, path, body] = probe.request;
        const res = await call(s.viewer, method, path, body, fresh.app);
        answered[label] = verdictOf(res.status);
        offered[label] = probe.offered ? 'accepted' : 'refused';
        if (res.status < 300 && isTaskAction(path)) await expectAnswerLikeDetail(s, fresh, res.body, label);
      }
      expect(answered).toEqual(offered);
    },
  );

  it('the queue offers what the ticket detail offers, from the read model alone', async () => {
    for (const s of situations.filter((x) => !x.app)) {
      const { ticketId, task } = await enter(s);
      const queues = await Promise.all(
        ['mine', 'department'].map((scope) => call(s.viewer, 'GET', `/api/tasks?scope=${scope}&limit=500`)),
      );
      const listed = queues
        .flatMap((q) =>
          q.status === 200 ? (q.body as { items: { id: string; actions: TaskActions }[] }).items : [],
        )
        .filter((item) => item.id === task.id);
      for (const item of listed)
        expect([s.name, ticketId, item.actions]).toEqual([s.name, ticketId, task.actions]);
    }
  });

  it('an action answers, for its task and the open tasks after it, what the detail then shows', async () => {
    const { ticketId, triage } = await triageTicket();
    const claimed = await ok<{ task: OpenTask; openTasks: OpenTask[] }>(
      'agent',
      'POST',
      `/api/tasks/${triage}/claim`,
      {},
    );
    const after = await detailOf('agent', ticketId);
    expect(claimed.task.actions).toEqual(after.openTasks[0]!.actions);
    expect(claimed.openTasks.map((t) => t.actions)).toEqual(after.openTasks.map((t) => t.actions));
    const completed = await ok<{ task: null; openTasks: OpenTask[] }>(
      'agent',
      'POST',
      `/api/tasks/${triage}/complete`,
      {
        outcome: 'refund',
      },
    );
    // The refund task is the refunds department's: its actions are the support agent's view of it,
    // and the ticket, refunds' now, is no longer its creator's to cancel.
    const refunds = await detailOf('agent', ticketId);
    expect(completed.task).toBeNull();
    expect(completed.openTasks.map((t) => t.actions)).toEqual(refunds.openTasks.map((t) => t.actions));
    expect(completed.openTasks[0]!.actions).toEqual(none);
  });

  it("an action's ticketStatus is the ticket's status, in the ticket list's words", async () => {
    const { ticketId, triage } = await triageTicket();
    const held = await ok<{ ticketStatus: string }>('agent', 'POST', `/api/tasks/${triage}/hold`, {
      reason: 'waiting for the customer',
    });
    expect([held.ticketStatus, (await detailOf('agent', ticketId)).status]).toEqual(['pending', 'pending']);
    await ok('agent', 'POST', `/api/tasks/${triage}/resume`, {});
    const claimed = await ok<{ ticketStatus: string }>('agent', 'POST', `/api/tasks/${triage}/claim`, {});
    expect([claimed.ticketStatus, (await detailOf('agent', ticketId)).status]).toEqual([
      'in_progress',
      'in_progress',
    ]);
    const done = await ok<{ ticketStatus: string }>('agent', 'POST', `/api/tasks/${triage}/complete`, {
      outcome: 'solved',
    });
    expect(done.ticketStatus).toBe('done');
  });

  it('a finished ticket offers nothing, and refuses what was possible before', async () => {
    const { ticketId, triage } = await triageTicket();
    await ok('agent', 'POST', `/api/tasks/${triage}/complete`, { outcome: 'solved' });
    const detail = await detailOf('agent', ticketId);
    expect([detail.status, detail.openTasks]).toEqual(['done', []]);
    expect((await call('agent', 'POST', `/api/tasks/${triage}/claim`, {})).status).toBe(409);
    expect((await call('agent', 'POST', `/api/tickets/${ticketId}/cancel`, {})).status).toBe(409);
    const queue = await ok<{ items: { id: string }[] }>(
      'agent',
      'GET',
      '/api/tasks?scope=department&limit=500',
    );
    expect(queue.items.map((t) => t.id)).not.toContain(triage);
  });
});
