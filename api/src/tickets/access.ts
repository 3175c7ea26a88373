// Who may see a ticket and act on a task, and how engine rejections become problem documents.
import { rejectCode, type Actor } from '@baton/engine';
import type { Principal } from '../http/env.js';
import { ApiError } from '../http/problem.js';

/** Admins, developers and process owners read every ticket; others the tickets of their departments. */
export const readsAllTickets = (p: Principal) =>
  p.roles.some((r) => r === 'admin' || r === 'developer' || r === 'process_owner');

/** Departments whose tickets the principal sees: memberships and led departments. */
export const visibleDepartments = (p: Principal) => [...new Set([...p.departments, ...p.leads])];

export const isAdmin = (p: Principal) => p.roles.includes('admin');

/**
 * The engine actor for a principal acting on a task of `department`. Admins act on behalf of
 * the department, so the engine's membership check sees it.
 */
export function actorFor(p: Principal, department?: string | null): Actor {
  const departments =
    isAdmin(p) && department && !p.departments.includes(department)
      ? [...p.departments, department]
      : p.departments;
  return { userId: p.id, departments, roles: p.roles };
}

/** Agents and managers act only on tasks of their departments; admins on all. */
export function assertMayActOn(p: Principal, department: string | null | undefined, taskLabel: string) {
  if (isAdmin(p)) return;
  if (!department || !p.departments.includes(department)) {
    throw new ApiError(
      'forbidden',
      `task ${taskLabel} belongs to department '${department ?? 'none'}', which you are not a member of`,
    );
  }
}

/** The engine's `<code>: <message>` rejection as a problem. */
export function rejection(rejected: string, context: string): ApiError {
  const message = rejected.slice(rejected.indexOf(':') + 1).trim() || rejected;
  switch (rejectCode(rejected)) {
    case 'unknown-task':
    case 'unknown-timer':
    case 'unknown-activity':
      return new ApiError('not-found', `${context}: ${message}`);
    case 'forbidden':
      return new ApiError('forbidden', `${context}: ${message}`);
    case 'invalid':
      return new ApiError('validation-failed', `${context}: ${message}`);
    default:
      return new ApiError('conflict', `${context}: ${message}`);
  }
}
