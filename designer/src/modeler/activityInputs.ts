// A service task's activity input form, generated from the activity's JSON schema. Each input is
// a `<baton:input name="…" value="FEEL"/>` inside the task's extensionElements.
import { feelSyntaxError } from '@baton/engine';
import type { JsonSchema } from '../api/types.js';
import type { ModdleElement } from './bpmnTypes.js';

export const BATON_INPUT_TYPE = 'baton:Input';

export type InputField = {
  name: string;
  label: string;
  /** JSON schema type, for the hint: string, number, integer, boolean, object, array. */
  type: string;
  required: boolean;
  description?: string;
  /** Allowed literal values, shown as a hint (the value stays a FEEL expression). */
  choices?: string[];
  /** The schema's default, as JSON text (what the activity takes when the input is left out). */
  defaultValue?: string;
  /** The schema's format (email, uri, date-time...). */
  format?: string;
};

export type InputValue = { name: string; value: string };

const typeName = (schema: JsonSchema): string => {
  const t = Array.isArray(schema.type) ? schema.type.find((x) => x !== 'null') : schema.type;
  return t ?? (schema.enum ? 'string' : 'any');
};

/** One field per top-level property of an object schema, required ones first, in schema order. */
export function fieldsFromSchema(schema: JsonSchema | undefined): InputField[] {
  if (!schema || typeof schema.properties !== 'object') return [];
  const required = new Set(schema.required ?? []);
  const fields = Object.entries(schema.properties).map(([name, prop]): InputField => ({
    name,
    label: prop.title ?? name,
    type: typeName(prop),
    required: required.has(name),
    ...(prop.description ? { description: prop.description } : {}),
    ...(prop.enum ? { choices: prop.enum.map((v) => JSON.stringify(v)) } : {}),
    ...(prop.default !== undefined ? { defaultValue: JSON.stringify(prop.default) } : {}),
    ...(prop.format ? { format: prop.format } : {}),
  }));
  return [...fields.filter((f) => f.required), ...fields.filter((f) => !f.required)];
}

/** The hint under an input: what FEEL value the activity expects. */
export function describeField(field: InputField): string {
  const parts = [`FEEL, ${field.type}${field.required ? ', required' : ''}`];
  if (field.choices) parts.push(`one of ${field.choices.join(', ')}`);
  if (field.description) parts.push(field.description);
  return parts.join(' — ');
}

/** Problems with one input value: missing when required, or a FEEL syntax error. */
export function inputValueError(field: InputField, value: string): string | undefined {
  const text = value.trim();
  if (!text) return field.required ? `${field.label} is required by the activity` : undefined;
  const syntax = feelSyntaxError(text);
  return syntax ? `FEEL: ${syntax}` : undefined;
}

/** Inputs not described by the schema (left from another activity type): shown so they can be removed. */
export function strayInputs(inputs: InputValue[], fields: InputField[]): InputValue[] {
  const names = new Set(fields.map((f) => f.name));
  return inputs.filter((i) => !names.has(i.name));
}

export function inputElementsOf(bo: ModdleElement): ModdleElement[] {
  const ext = bo.get('extensionElements') as ModdleElement | undefined;
  const values = (ext?.get('values') ?? []) as ModdleElement[];
  return values.filter((v) => v.$type === BATON_INPUT_TYPE);
}

export function readInputs(bo: ModdleElement): InputValue[] {
  return inputElementsOf(bo).map((el) => ({
    name: String(el.get('name') ?? ''),
    value: String(el.get('value') ?? ''),
  }));
}

/** What setting one input's value means for the XML: change, add, remove or nothing. */
export type InputChange =
  | { kind: 'update'; index: number; value: string }
  | { kind: 'add'; name: string; value: string }
  | { kind: 'remove'; index: number }
  | { kind: 'none' };

export function planInputChange(current: InputValue[], name: string, value: string): InputChange {
  const index = current.findIndex((i) => i.name === name);
  const text = value.trim();
  if (index < 0) return text ? { kind: 'add', name, value: text } : { kind: 'none' };
  if (!text) return { kind: 'remove', index };
  return current[index]?.value === text ? { kind: 'none' } : { kind: 'update', index, value: text };
}
