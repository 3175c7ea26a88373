// The engine's verdict on each action, asked by dry-running it on the live run state: applyEvent
// is pure and never throws, so this restates none of the engine's rules and costs one step each.
import {
  applyEvent,
  type Actor,
  type Flow,
  type RunEvent,
  type RunState,
  type UserTaskNode,
} from '@baton/engine';
import { NO_VERDICTS, type EngineVerdicts } from './task-actions.js';

/** The departments a task's baton:transferTo names; '*' is every department of the flow but its own. */
export function transferCandidates(flow: Flow, node: UserTaskNode): string[] {
  return node.transferTo === '*' ? flow.departments.filter((d) => d !== node.department) : node.transferTo;
}

/** A hold needs a reason; the engine does not judge it, the route requires one. */
const DRY_RUN_REASON = 'dry run';

export type DryRun = { flow: Flow; state: RunState; now: number };

const accepts = ({ flow, state, now }: DryRun, event: RunEvent) =>
  applyEvent(flow, state, event, now).rejected === undefined;

export function dryRunVerdicts(run: DryRun, taskId: string, actor: Actor): EngineVerdicts {
  const task = run.state.tasks[taskId];
  const node = task === undefined ? undefined : run.flow.nodes[task.elementId];
  if (node?.kind !== 'userTask') return NO_VERDICTS;
  const completes = (outcome?: string) =>
    accepts(run, { type: 'task.completed', taskId, actor, ...(outcome === undefined ? {} : { outcome }) });
  const outcomes = node.outcomes.filter((outcome) => completes(outcome));
  return {
    claim: accepts(run, { type: 'task.claimed', taskId, actor }),
    complete: node.outcomes.length === 0 ? (completes() ? [] : null) : outcomes.length > 0 ? outcomes : null,
    transfer: transferCandidates(run.flow, node).filter((department) =>
      accepts(run, { type: 'task.transferred', taskId, actor, department }),
    ),
    return: accepts(run, { type: 'task.returned', taskId, actor }),
    hold: accepts(run, { type: 'task.held', taskId, actor, reason: DRY_RUN_REASON }),
    resume: accepts(run, { type: 'task.resumed', taskId, actor }),
  };
}

/** Whether the engine would take a cancel now (it refuses one only when the run has ended). */
export const dryRunCancel = (run: DryRun, actor: Actor) => accepts(run, { type: 'ticket.cancelled', actor });
