// A ticket's custom fields checked by the engine's rule (the designer's form runs the same one),
// each problem named by its request-body path.
import { TICKET_VARIABLES, ticketFieldErrors, type FieldDefinition } from '@baton/engine';
import type { FieldError } from '../http/problem.js';

/**
 * What form fields become in the engine: each a top-level variable (so conditions can say
 * `orderAmount > 100`) unless one of the variables every ticket has (the engine's
 * TICKET_VARIABLES) has its name: the ticket's priority is `priority`, whatever a field is called.
 */
export function fieldVariables(fields: Record<string, unknown>): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields))
    if (!Object.hasOwn(TICKET_VARIABLES, key)) variables[key] = value;
  return variables;
}

/** Every problem with `values` (unknown keys, missing required fields, wrong types), as body paths. */
export function fieldErrors(
  definitions: readonly FieldDefinition[],
  values: Record<string, unknown>,
): FieldError[] {
  return ticketFieldErrors(definitions, values).map(({ key, message, code }) => ({
    path: `body.fields.${key}`,
    message,
    code,
  }));
}
