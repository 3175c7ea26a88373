// A ticket type's custom form fields and the one rule for their values: the API checks a new
// ticket with it, and the designer's new-ticket form runs the same function before it sends, so
// the browser and the server never disagree about what a field accepts.

export const FIELD_TYPES = ['text', 'textarea', 'number', 'boolean', 'select', 'date', 'email'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** A field key is also a FEEL variable name in conditions: a letter, then letters, digits or _. */
export const FIELD_KEY = /^[A-Za-z][A-Za-z0-9_]{0,62}$/;

/** A custom field of a ticket type's form. */
export type FieldDefinition = {
  key: string;
  label: string;
  type: FieldType;
  required?: boolean;
  options?: string[];
};

export type FieldValueError = {
  /** The field's key (or the unknown key that was sent). */
  key: string;
  /** For a person: starts with the field's label, e.g. "Amount must be a number". */
  message: string;
  code: 'unknown-field' | 'required' | 'invalid-type';
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const MAX_FIELD_TEXT = 10_000;

function problemWith(def: FieldDefinition, value: unknown): string | undefined {
  switch (def.type) {
    case 'text':
    case 'textarea':
      if (typeof value !== 'string') return 'must be text';
      return value.length > MAX_FIELD_TEXT ? `must be at most ${MAX_FIELD_TEXT} characters` : undefined;
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

/** A value the form leaves out: absent, null or an empty string. */
export const isMissingFieldValue = (value: unknown) => value === undefined || value === null || value === '';

/** Every problem with `values` (unknown keys, missing required fields, wrong types), in that order. */
export function ticketFieldErrors(
  definitions: readonly FieldDefinition[],
  values: Record<string, unknown>,
): FieldValueError[] {
  const errors: FieldValueError[] = [];
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  for (const key of Object.keys(values)) {
    if (!byKey.has(key))
      errors.push({ key, message: 'is not a field of this ticket type', code: 'unknown-field' });
  }
  for (const def of definitions) {
    const value = values[def.key];
    if (isMissingFieldValue(value)) {
      if (def.required) errors.push({ key: def.key, message: `${def.label} is required`, code: 'required' });
      continue;
    }
    const problem = problemWith(def, value);
    if (problem) errors.push({ key: def.key, message: `${def.label} ${problem}`, code: 'invalid-type' });
  }
  return errors;
}
