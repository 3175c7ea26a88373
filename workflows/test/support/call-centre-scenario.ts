// The call-centre scenario on the seeded flow, written once against the EngineRuntime port so the
// in-memory and the Temporal suites run exactly the same script. Times are offsets from T0,
// Monday 2026-03-02 09:00 in Shanghai (the seeded office calendar: 09:00-12:00, 13:00-18:00).
import { type Actor, type Flow, rejectCode } from '@baton/engine';
import type { EngineRuntime, LiveState } from '../../src/runtime/port.js';
import { CALL_CENTRE, USERS } from './seeded-help-desk.js';

export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const T0 = Date.parse('2026-03-02T01:00:00Z');
export const DAY = 24 * HOUR;

export const agent = (userId: string, department: string): Actor => ({
  userId,
  departments: [department],
  roles: ['agent'],
});

export type ScenarioHooks = {
  /** Moves the clock to T0 + offset (ms), firing due timers. */
  advanceTo(offsetMs: number): Promise<void>;
  /** Called once the fault stage is overdue, to check the reminder e-mail arrived. */
  afterOverdue?(): Promise<void>;
};

async function ok(result: Promise<{ ok: boolean; rejected?: string }>, what: string) {
  const r = await result;
  if (!r.ok) throw new Error(`${what} rejected: ${r.rejected}`);
}

function openTask(state: LiveState | undefined, elementId: string) {
  const task = state?.tasks.find((t) => t.elementId === elementId);
  if (!task)
    throw new Error(`no open ${elementId}; open: ${state?.tasks.map((t) => t.elementId).join(', ')}`);
  return task;
}

/**
 * Dispatch (record the call, round-robin) -> fault handling (least-loaded; 8 working hours SLA:
 * reminder at 6 h, warning at 6.4 h, overdue at 8 h = Tuesday 09:05) -> transfer to after-sales
 * (round-robin) -> call back (previous-handler, falls back to least-loaded) -> written reply -> done.
 */
export async function runCallCentreScenario(
  runtime: EngineRuntime,
  flow: Flow,
  ticketId: string,
  hooks: ScenarioHooks,
) {
  await runtime.startTicket({
    flow,
    ticket: {
      ticketId,
      typeId: CALL_CENTRE.typeId,
      flowVersionId: CALL_CENTRE.flowVersionId,
      variables: {
        title: 'Router keeps rebooting',
        category: 'fault',
        priority: 'high',
        service: 'shop-after-sales',
        customer: { name: 'Chen', email: 'chen@example.com' },
        fields: { callerPhone: '+86 21 5555 0100', description: 'Reboots every ten minutes' },
      },
    },
  });
  const read = () => runtime.readState(ticketId);

  // Dispatch: assigned round-robin when it opened; the agent dispatches it 5 minutes later.
  const record = openTask(await read(), 'Task_RecordCall');
  if (record.assignee !== USERS.supportAgent1) throw new Error(`record call went to ${record.assignee}`);
  await hooks.advanceTo(5 * MIN);
  await ok(
    runtime.act(ticketId, {
      type: 'task.completed',
      taskId: record.taskId,
      actor: agent(USERS.supportAgent1, 'support'),
      outcome: 'dispatch',
    }),
    'dispatch',
  );

  // Fault handling: least-loaded gives it to the faults agent; nobody outside faults may complete it.
  const fault = openTask(await read(), 'Task_Fault');
  const outsider = await runtime.act(ticketId, {
    type: 'task.completed',
    taskId: fault.taskId,
    actor: agent(USERS.supportAgent2, 'support'),
    outcome: 'fixed',
  });
  if (outsider.ok || rejectCode(outsider.rejected) !== 'forbidden')
    throw new Error(`an outsider completing the fault task got ${JSON.stringify(outsider)}`);

  // Monday 16:30: the 6-hour reminder (16:05) and the 80 % warning (16:29) have fired.
  await hooks.advanceTo(7.5 * HOUR);
  // Tuesday 09:10: overdue since 09:05 (8 working hours), the assignee and the lead are e-mailed.
  await hooks.advanceTo(DAY + 10 * MIN);
  await hooks.afterOverdue?.();

  // Tuesday 10:00: not a fault after all; transferred to after-sales.
  await hooks.advanceTo(DAY + HOUR);
  await ok(
    runtime.act(ticketId, {
      type: 'task.transferred',
      taskId: fault.taskId,
      actor: agent(USERS.faultsAgent, 'faults'),
      department: 'after-sales',
      reason: 'a replacement is needed',
    }),
    'transfer',
  );
  const afterSales = openTask(await read(), 'Task_AfterSales');
  if (!afterSales.assignee) throw new Error('after-sales task was not assigned');
  await hooks.advanceTo(DAY + 1.5 * HOUR);
  await ok(
    runtime.act(ticketId, {
      type: 'task.completed',
      taskId: afterSales.taskId,
      actor: agent(afterSales.assignee, 'after-sales'),
      outcome: 'replacement-sent',
    }),
    'after-sales',
  );

  // Call back 30 minutes later; the written reply goes to the customer and the ticket is done.
  const callback = openTask(await read(), 'Task_Callback');
  if (!callback.assignee) throw new Error('call-back task was not assigned');
  await hooks.advanceTo(DAY + 2 * HOUR);
  await ok(
    runtime.act(ticketId, {
      type: 'task.completed',
      taskId: callback.taskId,
      actor: agent(callback.assignee, 'callback'),
      outcome: 'replied',
    }),
    'call back',
  );
}
