// Which departments a caller may read figures for. Admins, developers and process owners read
// everything; managers their departments; an agent who leads a department reads that department.
import type { Principal } from '../http/env.js';
import { forbidden } from '../http/problem.js';

export const REPORT_READERS = ['manager', 'process_owner', 'developer', 'agent'] as const;

const readsEverything = (p: Principal) =>
  p.roles.some((r) => r === 'admin' || r === 'developer' || r === 'process_owner');

/** Departments to filter on (undefined = all) for a request that may name one department. */
export function reportDepartments(principal: Principal, requested: string | undefined): string[] | undefined {
  if (readsEverything(principal)) return requested ? [requested] : undefined;
  const own = [
    ...new Set([...(principal.roles.includes('manager') ? principal.departments : []), ...principal.leads]),
  ];
  if (own.length === 0) throw forbidden('reports are for managers and department leads');
  if (requested) {
    if (!own.includes(requested)) throw forbidden(`you do not manage or lead department '${requested}'`);
    return [requested];
  }
  return own.sort();
}
