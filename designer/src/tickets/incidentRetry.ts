// The "fix and retry" form of an incident, pure part: the retry request the inputs (the ticket's
// form fields, prefilled with newTicket.ts fieldInputs) become, and their problems by the
// engine's rule (the one the API checks the merged fields with), so the browser refuses exactly
// what the API would.
import { ticketFieldErrors } from '@baton/engine';
import type { FieldDefinition, IncidentRetryBody } from '../api/types.js';
import { fieldValue, type FieldInput } from './newTicket.js';

/**
 * The retry request: every defined field as the inputs hold it now. A cleared input is left out,
 * which keeps the ticket's value (the API merges); fields the type no longer defines are kept too.
 */
export function retryBody(
  definitions: readonly FieldDefinition[],
  form: Record<string, FieldInput>,
): IncidentRetryBody {
  const fields: Record<string, unknown> = {};
  for (const def of definitions) {
    const value = fieldValue(def, form[def.key]);
    if (value !== undefined) fields[def.key] = value;
  }
  return { fields };
}

/** The problems of the fields the ticket will have, keyed `fields.<key>` as the API's errors name them. */
export function retryProblems(
  definitions: readonly FieldDefinition[],
  values: Record<string, unknown>,
  body: IncidentRetryBody,
): Record<string, string> {
  const merged = { ...values, ...(body.fields ?? {}) };
  return Object.fromEntries(
    ticketFieldErrors(definitions, merged).map((e) => [`fields.${e.key}`, e.message]),
  );
}
