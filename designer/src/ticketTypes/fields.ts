// Editing a ticket type's custom fields: pure helpers behind the form.
import { FIELD_KEY } from '@baton/engine';
import type { FieldDefinition } from '../api/types.js';

export { FIELD_TYPES } from '@baton/engine';

/** A stable id from a name: lower-case ASCII letters and digits joined by `-` (the API's slug). */
export function slugify(label: string, joiner: '-' | '_' = '-'): string {
  return label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, joiner)
    .replace(/^[-_]+|[-_]+$/g, '')
    .slice(0, 60);
}

/** A field key from its label: starts with a letter, letters/digits/_ only. */
export function fieldKeyFrom(label: string): string {
  const key = slugify(label, '_');
  return /^[a-z]/.test(key) ? key : key ? `f_${key}` : '';
}

/** Problems with a field list, keyed by `fields.<index>.<prop>` like the API's field errors. */
export function fieldProblems(fields: FieldDefinition[]): Record<string, string> {
  const problems: Record<string, string> = {};
  const seen = new Map<string, number>();
  fields.forEach((f, i) => {
    if (!FIELD_KEY.test(f.key))
      problems[`fields.${i}.key`] = 'key must start with a letter and use letters, digits or _ (at most 63)';
    else if (seen.has(f.key))
      problems[`fields.${i}.key`] = `key "${f.key}" is already used by field ${(seen.get(f.key) ?? 0) + 1}`;
    seen.set(f.key, i);
    if (!f.label.trim()) problems[`fields.${i}.label`] = 'label is required';
    if (f.type === 'select' && !(f.options ?? []).length)
      problems[`fields.${i}.options`] = 'a select field needs at least one option';
  });
  return problems;
}

/** The field as the API stores it: options only for selects, `required` only when set. */
export function normalizeField(f: FieldDefinition): FieldDefinition {
  return {
    key: f.key.trim(),
    label: f.label.trim(),
    type: f.type,
    ...(f.required ? { required: true } : {}),
    ...(f.type === 'select' ? { options: (f.options ?? []).map((o) => o.trim()).filter(Boolean) } : {}),
  };
}
