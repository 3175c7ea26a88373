// Extension requests: when a task may get one, who decides them, and who sees them (as SQL for
// the list, next to the decision rule it extends).
import type { Principal } from '../http/env.js';
import { ApiError, conflict, forbidden } from '../http/problem.js';
import type { SqlParameters } from '../sql/parameters.js';
import { notRunning, type NoRun } from './no-run.js';
import { isAdmin, managedDepartments } from './roles.js';

/** What the request rule looks at: the task's stage row and the requests already made for it. */
export type ExtensionFacts = {
  closed: boolean;
  hasSla: boolean;
  pendingExtension: boolean;
  noRun?: NoRun;
};

/**
 * Why a task (whose department the caller may act in) cannot get an extension request now, or
 * undefined: it must be open, run by the engine (a grant moves the deadline there), have an SLA
 * deadline to move, and no request pending already.
 */
export function extensionRequestRefusal(task: ExtensionFacts, taskLabel: string): ApiError | undefined {
  if (task.closed) return conflict(`task ${taskLabel} is already closed`);
  if (task.noRun) return notRunning(task.noRun, `the ticket of task ${taskLabel}`);
  if (task.pendingExtension) return pendingExtensionConflict(taskLabel);
  if (!task.hasSla)
    return new ApiError('validation-failed', `task ${taskLabel} has no SLA deadline to extend`);
  return undefined;
}

/**
 * One pending request per task: what a request is told when another is pending, whether the check
 * above saw it or the database's unique index (extension_requests_one_pending) refused a racing one.
 */
export const pendingExtensionConflict = (taskLabel: string) =>
  conflict(`task ${taskLabel} already has a pending extension request`);

/** Departments whose extension requests the principal decides: those they lead, and as manager those they belong to. */
const decidingDepartments = (p: Principal) => [...new Set([...p.leads, ...managedDepartments(p)])];

/** Leads of the department, managers in it, and admins decide. */
export const mayDecideExtension = (p: Principal, department: string | null) =>
  isAdmin(p) || (!!department && decidingDepartments(p).includes(department));

export function assertMayDecide(p: Principal, department: string | null, requestId: string) {
  if (!mayDecideExtension(p, department)) {
    throw forbidden(
      `only the lead or a manager of department '${department ?? 'none'}' may decide extension request ${requestId}`,
    );
  }
}

/** The requests a principal decides (mayDecideExtension), as a condition on `stages s` of each request's task. */
export function extensionDecisionSql(p: Principal, params: SqlParameters): string {
  return `(${params.add(isAdmin(p))}::boolean or s.department_key = any(${params.add(decidingDepartments(p))}::text[]))`;
}

/**
 * The requests a principal sees: those they decide and those they asked for, as a condition on
 * `extension_requests x` joined with its task's `stages s`.
 */
export function extensionRequestVisibilitySql(p: Principal, params: SqlParameters): string {
  return `(${extensionDecisionSql(p, params)} or x.requested_by = ${params.add(p.id)})`;
}
