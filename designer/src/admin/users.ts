// What the users page offers, so it never offers what the API refuses (api/src/directory/users.ts
// decides; these say the same to the person at the form before they try).
import type { Department, ManagerScope, Role, User } from '../api/types.js';

/** Every role, labelled; typed against the API's Role, so a new role fails the typecheck here. */
export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  process_owner: 'Process owner',
  agent: 'Agent',
  manager: 'Manager',
  developer: 'Developer',
};
export const ROLES = Object.keys(ROLE_LABELS) as Role[];

/**
 * What a manager's reports and tickets cover, labelled; typed against the API's ManagerScope.
 * The choice applies to the manager role only, so the forms offer it only with that role.
 */
export const MANAGER_SCOPE_LABELS: Record<ManagerScope, string> = {
  every_department: 'every department',
  memberships: 'only their departments',
};
export const MANAGER_SCOPES = Object.keys(MANAGER_SCOPE_LABELS) as ManagerScope[];

/** The user's roles for the list; a manager of their memberships only says so. */
export const rolesSummary = (user: User) =>
  user.roles
    .map((r) =>
      r === 'manager' && user.managerScope === 'memberships' ? 'Manager (their departments)' : ROLE_LABELS[r],
    )
    .join(', ');

/** Why a role cannot be taken from the user here (undefined: it can). */
export function roleLock(
  user: User,
  role: Role,
  selfId: string,
  departments: Department[],
): string | undefined {
  if (!user.roles.includes(role)) return undefined;
  if (role === 'admin' && user.id === selfId) return 'You cannot take your own admin role.';
  if (role === 'manager') {
    const managed = departments.filter((d) => d.managerUserId === user.id).map((d) => d.key);
    if (managed.length) return `Manages ${managed.join(', ')}: give it another manager first.`;
  }
  return undefined;
}

/** Why the user cannot leave the department here (undefined: they can). */
export function membershipLock(user: User, department: Department | undefined): string | undefined {
  return department?.leadUserId === user.id
    ? `Leads ${department.key}: give it another lead first.`
    : undefined;
}

/** Users whose name, e-mail, roles or departments contain every word of the query. */
export function matchingUsers(users: User[], query: string, department?: string): User[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return users.filter((u) => {
    if (department && !u.departments.includes(department)) return false;
    const text = [u.name, u.email, ...u.roles, ...u.departments].join(' ').toLowerCase();
    return words.every((w) => text.includes(w));
  });
}
