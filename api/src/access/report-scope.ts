// Which departments a caller may read figures for. Admins, developers, process owners and
// managers of every department read everything (roles.ts); a manager of their memberships reads
// those departments, and an agent who leads a department reads that department.
import type { Principal } from '../http/env.js';
import { forbidden } from '../http/problem.js';
import { managedDepartments, readsEverything } from './roles.js';

/** Departments to filter on (undefined = all) for a request that may name one department. */
export function reportDepartments(principal: Principal, requested: string | undefined): string[] | undefined {
  if (readsEverything(principal)) return requested ? [requested] : undefined;
  const own = [...new Set([...principal.leads, ...managedDepartments(principal)])];
  if (own.length === 0) throw forbidden('reports are for managers and department leads');
  if (requested) {
    if (!own.includes(requested)) throw forbidden(`you do not lead or manage department '${requested}'`);
    return [requested];
  }
  return own.sort();
}
