// Who may call which kind of route, by role. Admins may call every non-public route (hasRole);
// the routes name these groups in defineRoute, so a role change is made here once.
import type { Role } from '@baton/db/schema';
import type { Principal } from '../http/env.js';

/** Admins only: the lists are of roles besides admin. */
export const ADMINS: readonly Role[] = [];
export const TICKET_CREATORS = ['agent', 'manager', 'developer'] as const;
export const TICKET_READERS = ['agent', 'manager', 'developer', 'process_owner'] as const;
/** Customer messages are recorded by whoever may create tickets. */
export const MESSAGE_RECORDERS = TICKET_CREATORS;
export const TICKET_CANCELLERS = ['agent', 'manager'] as const;
/** Claim, complete, transfer, return, hold, resume, ask for and decide on extensions; the queue. */
export const TASK_ACTORS = ['agent', 'manager'] as const;
export const REPORT_READERS = ['manager', 'process_owner', 'developer', 'agent'] as const;
export const FLOW_EDITORS = ['process_owner'] as const;
/** Who subscribes URLs to ticket events (admins always may): the people wiring Baton to other systems. */
export const WEBHOOK_KEEPERS = ['developer'] as const;
/**
 * See the open incidents of every ticket and resolve them by retrying (with corrected fields):
 * the people responsible for the flows. Each of them reads every ticket (readsEverything).
 */
export const INCIDENT_RESOLVERS = ['process_owner'] as const;
/** Define and version the timing rules (first response, resolution, …); whoever reads tickets reads them. */
export const TIMING_RULE_KEEPERS = ['process_owner'] as const;
export const FLOW_DRAFT_READERS = ['process_owner', 'developer', 'manager'] as const;
export const FLOW_VALIDATORS = ['process_owner', 'developer'] as const;

export const isAdmin = (p: Principal) => p.roles.includes('admin');

export const hasRole = (principal: Principal, roles: readonly Role[]) =>
  isAdmin(principal) || roles.some((role) => principal.roles.includes(role));

const isManager = (p: Principal) => p.roles.includes('manager');

/**
 * Managers cover every department, whatever their memberships (the seed's manager has none),
 * unless an admin gave them the scope 'memberships' (users.manager_scope): then they cover only
 * the departments they are members of (managedDepartments), as the seed's department leads do.
 */
export const coversEveryDepartment = (p: Principal) => isManager(p) && p.managerScope === 'every_department';

/**
 * The departments a manager answers for through their memberships: their figures, and the
 * extension requests they decide. None for someone without the manager role. (Tickets of one's
 * departments are visible to every member: ticket-visibility.ts.)
 */
export const managedDepartments = (p: Principal): readonly string[] => (isManager(p) ? p.departments : []);

/** Admins, developers, process owners and managers of every department read every ticket and every department's figures. */
export const readsEverything = (p: Principal) =>
  p.roles.some((r) => r === 'admin' || r === 'developer' || r === 'process_owner') ||
  coversEveryDepartment(p);
