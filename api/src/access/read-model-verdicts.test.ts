// The read-model restatement of the engine's task rules agrees with the engine itself: over runs
// driven by random agent actions and timers, for every open task and every actor, readModelVerdicts
// (given what the read model knows: the stage records the run writes, which carry "handed over
// by") equals a dry run of each event.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { compileFlow, type Actor, type Flow, type RunEvent, type RunState } from '@baton/engine';
import { planEvent, planStart, type DriverState, type StageRecord } from '@baton/workflows/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { dryRunVerdicts, transferCandidates } from './engine-verdicts.js';
import { readModelVerdicts, type OpenTaskFacts } from './read-model-verdicts.js';

const SUPPORT_REFUNDS = readFileSync(
  new URL('../../test/flows/support-refunds.bpmn', import.meta.url),
  'utf8',
);
/** Triage may go to any department and is returnable, though nothing ever hands it over. */
const ANYWHERE = SUPPORT_REFUNDS.replace(
  'baton:transferTo="refunds"',
  'baton:transferTo="*" baton:returnable="true"',
);
/** Tasks after a sub-process and after a parallel join, whose hand-over no stage's times tell. */
const HAND_OVERS = readFileSync(new URL('../../test/flows/hand-overs.bpmn', import.meta.url), 'utf8');

const ACTORS: Actor[] = [
  { userId: 'ann', departments: ['support'], roles: ['agent'] },
  { userId: 'bob', departments: ['support'], roles: ['manager'] },
  { userId: 'cid', departments: ['refunds'], roles: ['agent'] },
  { userId: 'ada', departments: [], roles: ['admin'] },
];

let flows: { name: string; flow: Flow }[];

beforeAll(async () => {
  flows = [];
  for (const [name, xml] of [
    ['support-refunds', SUPPORT_REFUNDS],
    ['transfer anywhere', ANYWHERE],
    ['hand-overs', HAND_OVERS],
  ] as const) {
    const compiled = await compileFlow(xml);
    if (!compiled.ok) throw new Error(`${name}: ${JSON.stringify(compiled.errors)}`);
    flows.push({ name, flow: compiled.flow });
  }
});

/** The stage rows as the read model holds them: each step's records, upserted by task id. */
type StageRows = Record<string, StageRecord>;

/** What the read model says of an open task: its stage row (held as the timeline tells it). */
function factsOf(state: RunState, rows: StageRows, taskId: string): OpenTaskFacts {
  const row = rows[taskId]!;
  return {
    elementId: row.elementId,
    department: row.department ?? null,
    assignee: row.assignee ?? null,
    held: state.tasks[taskId]!.held !== undefined,
    ...(row.handedOverBy === undefined ? {} : { handedOverBy: row.handedOverBy }),
  };
}

type Step = { kind: (typeof KINDS)[number]; actor: number; pick: number };
const KINDS = ['claim', 'complete', 'transfer', 'return', 'hold', 'resume', 'message', 'timer'] as const;

/**
 * The event a step stands for on one open task; `pick` chooses among outcomes and departments,
 * and for a timer among the pending ones (read from the run's internals: a test may).
 */
function eventFor(flow: Flow, state: RunState, step: Step, taskId: string, elementId: string): RunEvent {
  const actor = ACTORS[step.actor]!;
  const node = flow.nodes[elementId];
  const choose = (options: string[]) => options[step.pick % Math.max(options.length, 1)];
  switch (step.kind) {
    case 'claim':
      return { type: 'task.claimed', taskId, actor };
    case 'complete': {
      const outcome = choose(node?.kind === 'userTask' ? node.outcomes : []);
      return { type: 'task.completed', taskId, actor, ...(outcome ? { outcome } : {}) };
    }
    case 'transfer': {
      const department = choose(node?.kind === 'userTask' ? transferCandidates(flow, node) : []);
      return { type: 'task.transferred', taskId, actor, department: department ?? 'support' };
    }
    case 'return':
      return { type: 'task.returned', taskId, actor };
    case 'hold':
      return { type: 'task.held', taskId, actor, reason: 'wait' };
    case 'resume':
      return { type: 'task.resumed', taskId, actor };
    case 'message':
      return { type: 'message.received', name: 'customer-reply' };
    case 'timer': {
      const timerId = choose(Object.keys(state.internal.timers));
      return timerId
        ? { type: 'timer.fired', timerId }
        : { type: 'message.received', name: 'customer-reply' };
    }
  }
}

const stepArb: fc.Arbitrary<Step> = fc.record({
  kind: fc.constantFrom(...KINDS),
  actor: fc.integer({ min: 0, max: ACTORS.length - 1 }),
  pick: fc.nat(),
});

describe('read-model verdicts', () => {
  it('agree with dry runs of the engine, whatever the agents did before', () => {
    const now = Date.parse('2026-03-16T09:00:00Z');
    for (const { name, flow } of flows) {
      fc.assert(
        fc.property(fc.array(stepArb, { maxLength: 12 }), (steps) => {
          const rows: StageRows = {};
          const keep = (planned: { driver: DriverState; record?: { stages: StageRecord[] } }) => {
            for (const row of planned.record?.stages ?? []) rows[row.taskId] = row;
            return planned.driver;
          };
          const ticket = { ticketId: 'T', typeId: 'test', flowVersionId: 'v1', variables: {} };
          let driver = keep(planStart(flow, ticket, now));
          const check = () => {
            const state = driver.run;
            for (const task of Object.values(state.tasks).filter((t) => t.status === 'open')) {
              for (const actor of ACTORS) {
                const derived = readModelVerdicts(flow, factsOf(state, rows, task.taskId), actor);
                const dryRun = dryRunVerdicts({ flow, state, now }, task.taskId, actor);
                expect([name, task.elementId, actor.userId, derived]).toEqual([
                  name,
                  task.elementId,
                  actor.userId,
                  dryRun,
                ]);
              }
            }
          };
          check();
          for (const [i, step] of steps.entries()) {
            const open = Object.values(driver.run.tasks).filter((t) => t.status === 'open');
            const task = open[step.pick % Math.max(open.length, 1)];
            if (!task) break;
            const event = eventFor(flow, driver.run, step, task.taskId, task.elementId);
            driver = keep(planEvent(flow, driver, event, now + (i + 1) * 60_000));
            if (driver.run.status !== 'running') break;
            check();
          }
        }),
        { numRuns: 150 },
      );
    }
  });

  it('offer the return the engine takes after a sub-process and after a join on a timer', () => {
    const flow = flows.find((f) => f.name === 'hand-overs')!.flow;
    const ann = ACTORS[0]!;
    const ada = ACTORS[3]!;
    const rows: StageRows = {};
    let at = Date.parse('2026-03-16T09:00:00Z');
    const keep = (planned: { driver: DriverState; record?: { stages: StageRecord[] } }) => {
      for (const row of planned.record?.stages ?? []) rows[row.taskId] = row;
      return planned.driver;
    };
    let driver = keep(
      planStart(flow, { ticketId: 'T', typeId: 'test', flowVersionId: 'v1', variables: {} }, at),
    );
    const apply = (event: RunEvent) => {
      at += 60_000;
      const planned = planEvent(flow, driver, event, at);
      expect(planned.rejected).toBeUndefined();
      driver = keep(planned);
    };
    const openTask = (elementId: string) =>
      Object.values(driver.run.tasks).find((t) => t.status === 'open' && t.elementId === elementId)!;
    /** [read model's return, engine's return] for the open task of `elementId`. */
    const returns = (elementId: string, actor: Actor) => {
      const { taskId } = openTask(elementId);
      return [
        readModelVerdicts(flow, factsOf(driver.run, rows, taskId), actor).return,
        dryRunVerdicts({ flow, state: driver.run, now: at }, taskId, actor).return,
      ];
    };

    apply({ type: 'task.completed', taskId: openTask('Task_Intake').taskId, actor: ann });
    // Inside the sub-process: handed over by the intake, outside it, where no return goes.
    expect(returns('Task_Check', ada)).toEqual([false, false]);
    apply({ type: 'task.completed', taskId: openTask('Task_Check').taskId, actor: ada });
    // The sub-process ended as the check closed; the review goes back to the intake.
    expect(returns('Task_Review', ann)).toEqual([true, true]);
    expect(rows[openTask('Task_Review').taskId]!.handedOverBy).toBe('Task_Intake');
    apply({ type: 'task.completed', taskId: openTask('Task_Review').taskId, actor: ann });
    // The cooling-off timer is the join's last branch: no stage closed as the close opened.
    const [cooling] = Object.entries(driver.run.internal.timers).find(([, t]) => t.kind === 'catch')!;
    apply({ type: 'timer.fired', timerId: cooling });
    expect(returns('Task_Close', ann)).toEqual([true, true]);
    expect(rows[openTask('Task_Close').taskId]!.handedOverBy).toBe('Task_Intake');
  });

  it("offers a transfer to '*' for every department of the flow but the task's own", () => {
    const anywhere = flows.find((f) => f.name === 'transfer anywhere')!.flow;
    const triage = anywhere.nodes.Task_Triage;
    expect(triage?.kind === 'userTask' && transferCandidates(anywhere, triage)).toEqual(['refunds']);
  });
});
