// A ticket's open tasks with the caller's actions on each (access/task-actions.ts), for the ticket
// detail and the answers of task actions. The engine-side flags come from a dry run on the live
// run state; without one (a start's answer, most action answers) from the read-model rules over
// the engine's task views; without an engine that runs the ticket, nothing the engine decides.
import { loggableError } from '@baton/db';
import type { RunState, TaskView } from '@baton/engine';
import type { Logger } from 'pino';
import type { EngineRuntime, LiveState, StartedTicket } from '@baton/workflows';
import { dryRunCancel, dryRunVerdicts, type DryRun } from '../access/engine-verdicts.js';
import { importedRun } from '../access/no-run.js';
import { readModelVerdicts, type OpenTaskFacts } from '../access/read-model-verdicts.js';
import { actorFor } from '../access/task-access.js';
import { NO_VERDICTS, taskActions, type StageFacts } from '../access/task-actions.js';
import { mayCancelNow, ticketOwners, type EngineOnCancel } from '../access/ticket-writes.js';
import type { CompiledFlows } from '../flows/compiled-flows.js';
import type { Principal } from '../http/env.js';
import type { TicketView } from '../tickets/detail-query.js';
import type { DetailLoader } from '../tickets/detail-loader.js';
import { isFinished } from '../tickets/ticket-status.js';
import { taskJson } from './open-task-json.js';

/** What the engine said of a ticket: its view (with the run state when read live), or nothing. */
export type EngineAnswer =
  { kind: 'live'; live: StartedTicket & { state?: RunState } } | { kind: 'none'; cancel: EngineOnCancel };

export type OpenTasks = ReturnType<typeof createOpenTasks>;

export function createOpenTasks(options: {
  runtime: EngineRuntime;
  flows: CompiledFlows;
  details: DetailLoader;
  log: Logger;
  now: () => number;
}) {
  const { runtime, flows, details, log } = options;

  /** The engine's live view; when it cannot answer, the read model still shows the ticket. */
  async function readEngine(ticketId: string): Promise<EngineAnswer> {
    let live: LiveState | undefined;
    try {
      live = await runtime.readState(ticketId);
    } catch (error) {
      log.warn(
        { err: loggableError(error), ticketId },
        'engine did not answer readState; showing the read model only',
      );
      return { kind: 'none', cancel: 'refuses' };
    }
    return live ? { kind: 'live', live } : { kind: 'none', cancel: 'lost' };
  }

  /** `tasks` as the engine listed them, each with the caller's actions. */
  async function withActions(view: TicketView, principal: Principal, tasks: TaskView[], state?: RunState) {
    if (tasks.length === 0) return [];
    const flow = await flows.get(view.flowVersionId);
    const run: DryRun | undefined = flow && state ? { flow, state, now: options.now() } : undefined;
    // Without a run state (a start's answer, an action's) the engine has just taken a step: it runs.
    const engineOnCancel = !run || dryRunCancel(run, actorFor(principal)) ? 'accepts' : 'refuses';
    const cancel = mayCancelNow(principal, ticketFacts(view), engineOnCancel);
    return tasks.map((task) => {
      const stage = stageFacts(view, task.taskId);
      const actor = actorFor(principal, stage?.department);
      const engine = run
        ? dryRunVerdicts(run, task.taskId, actor)
        : readModelVerdicts(flow, factsOf(task), actor);
      return taskJson(view.id, task, taskActions(principal, stage, engine, cancel));
    });
  }

  return {
    readEngine,

    /** The open tasks of a ticket's detail, from what the engine said of it. */
    async ofDetail(view: TicketView, principal: Principal, answer: EngineAnswer) {
      if (answer.kind === 'none') {
        const cancel = mayCancelNow(principal, ticketFacts(view), answer.cancel);
        // The engine said it does not run the ticket: an extension request could never be granted.
        const lost = answer.cancel === 'lost' ? 'lost' : undefined;
        return view.openStages.map((stage) => ({
          ...stage,
          actions: taskActions(principal, stageFacts(view, stage.taskId, lost), NO_VERDICTS, cancel),
        }));
      }
      const { live } = answer;
      const tasks = await withActions(view, principal, live.tasks, live.state);
      return tasks.map((task) => ({ ...task, sla: live.sla.tasks[task.taskId] ?? null }));
    },

    /**
     * The open tasks an action answered. Their task views tell the rules everything but who
     * handed a task over, which only a returnable task's `return` depends on: only then is the
     * run state read again, for a dry run, and the answer costs no engine query otherwise.
     */
    async afterAction(ticketId: string, principal: Principal, tasks: TaskView[]) {
      const loaded = await details.load(ticketId);
      if (!loaded) throw new Error(`ticket ${ticketId} is gone from the read model after an action on it`);
      const flow = await flows.get(loaded.view.flowVersionId);
      const returnable = tasks.some((t) => {
        const node = flow?.nodes[t.elementId];
        return node?.kind === 'userTask' && node.returnable;
      });
      const answer = returnable ? await readEngine(ticketId) : undefined;
      const state = answer?.kind === 'live' ? answer.live.state : undefined;
      return withActions(loaded.view, principal, tasks, state);
    },
  };
}

/** What an engine task view says for the read-model rules; it does not say who handed it over. */
const factsOf = (task: TaskView): OpenTaskFacts => ({
  elementId: task.elementId,
  department: task.department ?? null,
  assignee: task.assignee ?? null,
  held: task.held ?? false,
});

function ticketFacts(view: TicketView) {
  return { createdBy: view.createdBy, owners: ticketOwners(view.stages), finished: isFinished(view.status) };
}

/**
 * What the task routes will find in the task's stage row and its ticket; `lost`: the engine said
 * it does not run the ticket.
 */
function stageFacts(view: TicketView, taskId: string, lost?: 'lost'): StageFacts | undefined {
  const stage = view.stages.find((s) => s.taskId === taskId);
  if (!stage) return undefined;
  const noRun = importedRun(view.importedFrom) ?? lost;
  return {
    department: stage.department,
    closed: stage.closedAt !== null,
    hasSla: stage.slaTargetMs !== null,
    pendingExtension: view.extensionRequests.some((x) => x.taskId === taskId && x.status === 'pending'),
    ...(noRun ? { noRun } : {}),
  };
}
