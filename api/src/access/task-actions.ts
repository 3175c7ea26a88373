// What the caller may do with one open task, answered with every open task so the browser never
// re-implements a rule: each flag is true only when the matching POST would be accepted now, by
// the API's own checks (here) and by the engine (EngineVerdicts, from a dry run or the read model).
import type { Principal } from '../http/env.js';
import { extensionRequestRefusal, type ExtensionFacts } from './extensions.js';
import { mayActOnTask } from './task-access.js';

export type TaskActions = {
  claim: boolean;
  /** null: may not complete; no outcomes: a plain complete. */
  complete: { outcomes: string[] } | null;
  /** The departments it may be transferred to; null: none. */
  transfer: { departments: string[] } | null;
  return: boolean;
  hold: boolean;
  resume: boolean;
  requestExtension: boolean;
  /** May cancel the ticket (the same rule as POST /tickets/{id}/cancel). */
  cancel: boolean;
};

/** The engine's verdict on each task action for one actor (a null or empty list: refused). */
export type EngineVerdicts = {
  claim: boolean;
  /** The outcomes it accepts ([] for a plain complete); null: refused. */
  complete: string[] | null;
  transfer: string[];
  return: boolean;
  hold: boolean;
  resume: boolean;
};

/** What an engine that will not take the event (does not run the ticket, did not answer) accepts. */
export const NO_VERDICTS: EngineVerdicts = {
  claim: false,
  complete: null,
  transfer: [],
  return: false,
  hold: false,
  resume: false,
};

/**
 * What the task routes check on the task's stage row (and its ticket) before asking the engine;
 * `noRun`: no engine runs the ticket (access/no-run.ts).
 */
export type StageFacts = ExtensionFacts & { department: string | null };

/**
 * The caller's actions on a task. `stage` undefined: no stage row (yet), which the task routes
 * answer with 404. `cancel` comes from the ticket's rule (access/ticket-writes.ts). A task of a
 * ticket no engine runs offers nothing the engine decides, whatever `engine` says.
 */
export function taskActions(
  principal: Principal,
  stage: StageFacts | undefined,
  engine: EngineVerdicts,
  cancel: boolean,
): TaskActions {
  if (stage === undefined || !mayActOnTask(principal, stage.department)) {
    return { ...actionsOf(NO_VERDICTS), requestExtension: false, cancel };
  }
  return {
    ...actionsOf(stage.noRun ? NO_VERDICTS : engine),
    // Asked of the department lead, not the engine: no engine verdict.
    requestExtension: extensionRequestRefusal(stage, 'this task') === undefined,
    cancel,
  };
}

const actionsOf = (engine: EngineVerdicts) => ({
  claim: engine.claim,
  complete: engine.complete === null ? null : { outcomes: engine.complete },
  transfer: engine.transfer.length === 0 ? null : { departments: engine.transfer },
  return: engine.return,
  hold: engine.hold,
  resume: engine.resume,
});
