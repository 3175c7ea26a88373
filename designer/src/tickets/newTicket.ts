// The new-ticket form's pure part: what the inputs hold, the request they become, and the problems
// with the custom fields by the engine's rule (ticketFieldErrors, the one the API checks with), so
// the browser refuses exactly what the API would. Title, priority, category and customer are the
// API's to check: its field errors come back under the same names.
import { isMissingFieldValue, ticketFieldErrors } from '@baton/engine';
import type { BodyOf, FieldDefinition, TicketType } from '../api/types.js';

export type NewTicketBody = BodyOf<'/api/tickets', 'post'>;

/** What the form's inputs hold: text for text-like and number inputs, a flag for checkboxes. */
export type FieldInput = string | boolean;

export type NewTicketForm = {
  typeId: string;
  title: string;
  priority: NonNullable<NewTicketBody['priority']>;
  category: NonNullable<NewTicketBody['category']>;
  customerName: string;
  customerEmail: string;
  fields: Record<string, FieldInput>;
};

/** The inputs of `definitions` holding `values` (a checkbox's flag, else text; '' for none). */
export function fieldInputs(
  definitions: readonly FieldDefinition[],
  values: Record<string, unknown>,
): Record<string, FieldInput> {
  const fields: Record<string, FieldInput> = {};
  for (const def of definitions) {
    const value = values[def.key];
    fields[def.key] =
      def.type === 'boolean' ? value === true : isMissingFieldValue(value) ? '' : String(value);
  }
  return fields;
}

/** A fresh form for `type`: its defaults (priority, category, field values) filled in. */
export function formFor(type: TicketType | undefined): NewTicketForm {
  const defaults = type?.defaults ?? {};
  const fields = fieldInputs(type?.fields ?? [], defaults.fields ?? {});
  return {
    typeId: type?.id ?? '',
    title: '',
    priority: defaults.priority ?? 'medium',
    category: defaults.category ?? 'other',
    customerName: '',
    customerEmail: '',
    fields,
  };
}

/** The value the API receives for one input; undefined leaves the field out (not filled in). */
export function fieldValue(def: FieldDefinition, input: FieldInput | undefined): unknown {
  if (def.type === 'boolean') return input === true;
  if (typeof input !== 'string' || input.trim() === '') return undefined;
  if (def.type === 'number') {
    const n = Number(input.trim());
    // Not a number: sent as typed, so the rule names it ("must be a number").
    return Number.isFinite(n) ? n : input;
  }
  return input;
}

export function ticketBody(form: NewTicketForm, type: TicketType): NewTicketBody {
  const fields: Record<string, unknown> = {};
  for (const def of type.fields) {
    const value = fieldValue(def, form.fields[def.key]);
    if (value !== undefined) fields[def.key] = value;
  }
  const customer = {
    ...(form.customerName.trim() ? { name: form.customerName.trim() } : {}),
    ...(form.customerEmail.trim() ? { email: form.customerEmail.trim() } : {}),
  };
  return {
    typeId: type.id,
    title: form.title,
    priority: form.priority,
    category: form.category,
    customer,
    fields,
  };
}

/** The custom fields' problems, keyed `fields.<key>` as the API's field errors name them. */
export function fieldProblems(body: NewTicketBody, type: TicketType): Record<string, string> {
  return Object.fromEntries(
    ticketFieldErrors(type.fields, body.fields ?? {}).map((e) => [`fields.${e.key}`, e.message]),
  );
}

/** The form's inputs in tab order, by the names field errors use (the first with a problem gets focus). */
export function formOrder(type: TicketType | undefined): string[] {
  return [
    'typeId',
    'title',
    ...(type?.fields ?? []).map((f) => `fields.${f.key}`),
    'priority',
    'category',
    'customer.name',
    'customer.email',
  ];
}

/**
 * An Idempotency-Key per distinct request: sending the same body again (a retry after a lost
 * answer) reuses its key, so at most one ticket is made; a changed body is a new request.
 */
export function idempotencyKeys(newKey: () => string = () => crypto.randomUUID()) {
  let last: { body: string; key: string } | undefined;
  return (body: unknown): string => {
    const text = JSON.stringify(body);
    if (last?.body !== text) last = { body: text, key: newKey() };
    return last.key;
  };
}
