// The engine's task rules (engine/src/interpreter/tasks.ts) restated over what the read model and
// the engine's task views know, where there is no run state to dry-run: the queue (one engine
// query per listed task would cost more than the list) and answers that carry no run state (a
// start, an action whose follow-up read failed). Keep in step with the engine: the agreement test
// (read-model-verdicts.test.ts) compares these verdicts with dry runs.
//
// It assumes the run is going (the read model says the ticket is not finished and was not
// imported: task-actions.ts offers nothing on a ticket without a run), that the task is
// the flow's user task named by its stage, and it knows "handed over by" only as far as its
// caller can tell (see OpenTaskFacts.handedOverBy).
import type { Actor, Flow, UserTaskNode } from '@baton/engine';
import { transferCandidates } from './engine-verdicts.js';
import { NO_VERDICTS, type EngineVerdicts } from './task-actions.js';

export type OpenTaskFacts = {
  elementId: string;
  department: string | null;
  assignee: string | null;
  held: boolean;
  /**
   * The element of the user task that handed this one over, as the engine recorded it with the
   * stage (stages.handed_over_by); undefined when none, or when the caller cannot tell (a stage
   * written before the column, an engine task view): then return is not offered.
   */
  handedOverBy?: string;
};

export function readModelVerdicts(flow: Flow | undefined, task: OpenTaskFacts, actor: Actor): EngineVerdicts {
  const node = flow?.nodes[task.elementId];
  if (flow === undefined || node?.kind !== 'userTask' || !inDepartment(task.department, actor))
    return NO_VERDICTS;
  const unclaimed = task.assignee === null;
  // Complete, transfer and return refuse a task claimed by someone else; hold and resume do not.
  const notClaimedByOther = unclaimed || task.assignee === actor.userId;
  const handsOverTo = (elementId: string | undefined) => isHandOverTarget(flow, node, elementId);
  return {
    claim: unclaimed,
    complete: notClaimedByOther ? node.outcomes : null,
    transfer: notClaimedByOther
      ? transferCandidates(flow, node).filter((department) => handsOverTo(flow.entryTasks[department]))
      : [],
    return: notClaimedByOther && node.returnable && handsOverTo(task.handedOverBy),
    hold: !task.held,
    resume: task.held,
  };
}

/** The engine's mayAct: a task outside any department is anyone's; admins act everywhere. */
const inDepartment = (department: string | null, actor: Actor) =>
  department === null || actor.roles.includes('admin') || actor.departments.includes(department);

/** The engine hands a task over only to a user task in the same sub-process. */
function isHandOverTarget(flow: Flow, from: UserTaskNode, elementId: string | undefined): boolean {
  const target = elementId === undefined ? undefined : flow.nodes[elementId];
  return target?.kind === 'userTask' && target.scope === from.scope;
}
