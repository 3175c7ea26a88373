// Who may see a ticket, once as a predicate (one ticket in hand) and once as SQL (lists), side
// by side so they cannot drift apart; ticket-visibility.test.ts checks that they agree.
import type { Principal } from '../http/env.js';
import type { SqlParameters } from '../sql/parameters.js';
import { readsEverything } from './roles.js';

/** What visibility looks at: who created and owns the ticket, and every department it has been in. */
export type TicketParties = {
  createdBy: string | null;
  ownerId: string | null;
  departments: readonly string[];
};

/** Departments whose tickets the principal sees: memberships and led departments. */
const visibleDepartments = (p: Principal) => [...new Set([...p.departments, ...p.leads])];

/**
 * Admins, developers, process owners and managers of every department see every ticket
 * (readsEverything); others, managers of their memberships too, the tickets they created or own,
 * and those that have been in one of their departments (member or lead).
 */
export function maySeeTicket(principal: Principal, ticket: TicketParties): boolean {
  if (readsEverything(principal) || ticket.createdBy === principal.id || ticket.ownerId === principal.id)
    return true;
  const visible = visibleDepartments(principal);
  return ticket.departments.some((d) => visible.includes(d));
}

/**
 * maySeeTicket as a condition on `tickets t` (with stages' department_key as the departments
 * it has been in); undefined when the principal sees every ticket.
 */
export function ticketVisibilitySql(principal: Principal, params: SqlParameters): string | undefined {
  if (readsEverything(principal)) return undefined;
  const me = params.add(principal.id);
  const departments = params.add(visibleDepartments(principal));
  return `(t.created_by = ${me} or t.owner_id = ${me} or exists (select 1 from stages v where v.ticket_id = t.id and v.department_key = any(${departments}::text[])))`;
}
