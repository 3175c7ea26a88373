// The call-centre scenario, written once against the EngineRuntime port so the in-memory and the
// Temporal suites run exactly the same script. `advanceTo` moves time (virtual clock or real).
import type { Actor, Flow } from '@baton/engine';
import type { EngineRuntime } from '../../src/runtime/port.js';
import { CALL_CENTRE } from './call-centre-fixture.js';

export const MIN = 60_000;
export const HOUR = 60 * MIN;

export const agent = (userId: string, department: string): Actor => ({ userId, departments: [department], roles: ['agent'] });

export type ScenarioHooks = {
  /** Moves the clock to T0 + offset (ms), firing due timers. */
  advanceTo(offsetMs: number): Promise<void>;
  /** Called after the overdue timer fired, to check the reminder e-mail arrived. */
  afterOverdue?(): Promise<void>;
};

async function ok(result: Promise<{ ok: boolean; rejected?: string }>, what: string) {
  const r = await result;
  if (!r.ok) throw new Error(`${what} rejected: ${r.rejected}`);
}

function taskIdOf(state: Awaited<ReturnType<EngineRuntime['readState']>>, elementId: string): string {
  const task = state?.tasks.find((t) => t.elementId === elementId);
  if (!task) throw new Error(`no open task for ${elementId}; open: ${state?.tasks.map((t) => t.elementId).join(', ')}`);
  return task.taskId;
}

/**
 * dispatch (intake, round-robin) -> faults (SLA 8 h: warning at 6.4 h, overdue at 8 h with a
 * reminder to the assignee and the lead) -> transfer to after-sales (least-loaded) -> call back -> done.
 */
export async function runCallCentreScenario(runtime: EngineRuntime, flow: Flow, ticketId: string, hooks: ScenarioHooks) {
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
        customer: { name: 'Chen', email: 'chen@example.com' },
      },
    },
  });
  const read = () => runtime.readState(ticketId);

  // Dispatch: intake was auto-assigned round-robin; the agent routes the ticket after 10 minutes.
  const intake = taskIdOf(await read(), 'intake');
  await hooks.advanceTo(10 * MIN);
  await ok(runtime.act(ticketId, { type: 'task.completed', taskId: intake, actor: agent('alice', 'support'), outcome: 'route' }), 'complete intake');

  // Faults department: frank claims after 20 minutes in the queue.
  const fault = taskIdOf(await read(), 'fault');
  const wrongDepartment = await runtime.act(ticketId, { type: 'task.claimed', taskId: fault, actor: agent('bob', 'support') });
  if (wrongDepartment.ok) throw new Error('an agent outside faults could claim the fault task');
  await hooks.advanceTo(30 * MIN);
  await ok(runtime.act(ticketId, { type: 'task.claimed', taskId: fault, actor: agent('frank', 'faults') }), 'claim fault');

  // SLA warning at 80 % (6 h 24 min after the stage opened), overdue at 100 % (8 h).
  await hooks.advanceTo(10 * MIN + 6.4 * HOUR + MIN);
  await hooks.advanceTo(10 * MIN + 8 * HOUR + MIN);
  await hooks.afterOverdue?.();

  // Not a fault after all: transfer to after-sales, where least-loaded assignment picks an agent.
  await hooks.advanceTo(8.5 * HOUR);
  await ok(
    runtime.act(ticketId, { type: 'task.transferred', taskId: fault, actor: agent('frank', 'faults'), department: 'after-sales', reason: 'billing question' }),
    'transfer',
  );
  const afterSales = await read();
  const afterSalesTask = afterSales?.tasks.find((t) => t.elementId === 'afterSales');
  if (!afterSalesTask?.assignee) throw new Error('after-sales task was not assigned');
  await hooks.advanceTo(9 * HOUR);
  await ok(
    runtime.act(ticketId, { type: 'task.completed', taskId: afterSalesTask.taskId, actor: agent(afterSalesTask.assignee, 'after-sales'), outcome: 'resolved' }),
    'complete after-sales',
  );

  // Call back: bob claims and reaches the customer.
  const callback = taskIdOf(await read(), 'callback');
  await hooks.advanceTo(9.25 * HOUR);
  await ok(runtime.act(ticketId, { type: 'task.claimed', taskId: callback, actor: agent('bob', 'support') }), 'claim callback');
  await hooks.advanceTo(9.5 * HOUR);
  await ok(runtime.act(ticketId, { type: 'task.completed', taskId: callback, actor: agent('bob', 'support'), outcome: 'reached' }), 'complete callback');
}
