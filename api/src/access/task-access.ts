// Who may act on a task and whose queue they may read, and the engine actor a principal acts as.
import type { Actor } from '@baton/engine';
import type { Principal } from '../http/env.js';
import { forbidden } from '../http/problem.js';
import { hasRole, isAdmin, TASK_ACTORS } from './roles.js';

/** Agents and managers act only on tasks of their departments; admins on all. */
export const mayActInDepartment = (p: Principal, department: string | null | undefined) =>
  isAdmin(p) || (!!department && p.departments.includes(department));

/** The role the task routes ask for, and the task's department. */
export const mayActOnTask = (p: Principal, department: string | null | undefined) =>
  hasRole(p, TASK_ACTORS) && mayActInDepartment(p, department);

export function assertMayActOn(p: Principal, department: string | null | undefined, taskLabel: string) {
  if (!mayActInDepartment(p, department)) {
    throw forbidden(
      `task ${taskLabel} belongs to department '${department ?? 'none'}', which you are not a member of`,
    );
  }
}

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

/**
 * The departments of a department queue: the one asked for (a member's, or any for admins), else
 * the principal's; undefined = every department (an admin's queue, member or not).
 */
export function queueDepartments(p: Principal, requested: string | undefined): string[] | undefined {
  if (requested && !mayActInDepartment(p, requested))
    throw forbidden(`you are not a member of department '${requested}'`);
  if (requested) return [requested];
  return isAdmin(p) ? undefined : p.departments;
}
