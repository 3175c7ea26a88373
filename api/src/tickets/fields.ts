// Checks a ticket's custom fields against its type's form definition.
import type { FieldDefinition } from '@baton/db';
import type { FieldError } from '../http/problem.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_TEXT = 10_000;

function problemWith(def: FieldDefinition, value: unknown): string | undefined {
  switch (def.type) {
    case 'text':
    case 'textarea':
      if (typeof value !== 'string') return 'must be text';
      return value.length > MAX_TEXT ? `must be at most ${MAX_TEXT} characters` : undefined;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'must be a number';
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'must be true or false';
    case 'select':
      return typeof value === 'string' && (def.options ?? []).includes(value)
        ? undefined
        : `must be one of: ${(def.options ?? []).join(', ')}`;
    case 'date': {
      if (typeof value !== 'string' || !DATE.test(value)) return 'must be a date YYYY-MM-DD';
      const parsed = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value)
        ? undefined
        : 'is not a calendar date';
    }
    case 'email':
      return typeof value === 'string' && value.length <= 320 && EMAIL.test(value)
        ? undefined
        : 'must be an e-mail address';
  }
}

/** Every problem with `values` (unknown keys, missing required fields, wrong types), as body paths. */
export function fieldErrors(
  definitions: readonly FieldDefinition[],
  values: Record<string, unknown>,
): FieldError[] {
  const errors: FieldError[] = [];
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  for (const key of Object.keys(values)) {
    if (!byKey.has(key))
      errors.push({
        path: `body.fields.${key}`,
        message: 'is not a field of this ticket type',
        code: 'unknown-field',
      });
  }
  for (const def of definitions) {
    const value = values[def.key];
    const missing = value === undefined || value === null || value === '';
    if (missing) {
      if (def.required)
        errors.push({
          path: `body.fields.${def.key}`,
          message: `${def.label} is required`,
          code: 'required',
        });
      continue;
    }
    const problem = problemWith(def, value);
    if (problem)
      errors.push({
        path: `body.fields.${def.key}`,
        message: `${def.label} ${problem}`,
        code: 'invalid-type',
      });
  }
  return errors;
}
