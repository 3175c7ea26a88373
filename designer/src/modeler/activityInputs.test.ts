import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '../api/types.js';
import {
  describeField,
  fieldsFromSchema,
  inputValueError,
  planInputChange,
  strayInputs,
} from './activityInputs.js';

const emailSchema: JsonSchema = {
  type: 'object',
  properties: {
    cc: { type: 'array', items: { type: 'string' } },
    to: { type: 'string', description: 'Recipient address' },
    urgency: { type: ['string', 'null'], enum: ['low', 'high'] },
    subject: { type: 'string', title: 'Subject line' },
  },
  required: ['to', 'subject'],
};

describe('inputs generated from an activity JSON schema', () => {
  it('makes one field per property, required ones first', () => {
    const fields = fieldsFromSchema(emailSchema);
    expect(fields.map((f) => [f.name, f.required])).toEqual([
      ['to', true],
      ['subject', true],
      ['cc', false],
      ['urgency', false],
    ]);
    expect(fields[1]?.label).toBe('Subject line');
    expect(fields[3]?.type).toBe('string');
    expect(fields[3]?.choices).toEqual(['"low"', '"high"']);
  });
  it('keeps each field’s default and format', () => {
    const [url, headers] = fieldsFromSchema({
      type: 'object',
      properties: {
        url: { type: 'string', format: 'uri' },
        headers: { type: 'object', default: {} },
        retry: { type: 'boolean', default: false },
      },
      required: ['url'],
    });
    expect(url).toMatchObject({ name: 'url', format: 'uri' });
    expect(url?.defaultValue).toBeUndefined();
    expect(headers?.defaultValue).toBe('{}');
  });
  it('has no fields for a schema without properties', () => {
    expect(fieldsFromSchema(undefined)).toEqual([]);
    expect(fieldsFromSchema({ type: 'string' })).toEqual([]);
  });
  it('describes what each field expects', () => {
    const [to, , , urgency] = fieldsFromSchema(emailSchema);
    expect(to && describeField(to)).toBe('FEEL, string, required — Recipient address');
    expect(urgency && describeField(urgency)).toContain('one of "low", "high"');
  });
  it('requires required inputs and checks FEEL syntax', () => {
    const [to, , cc] = fieldsFromSchema(emailSchema);
    if (!to || !cc) throw new Error('schema fields missing');
    expect(inputValueError(to, ' ')).toMatch(/required/);
    expect(inputValueError(cc, '')).toBeUndefined();
    expect(inputValueError(to, 'customer.email')).toBeUndefined();
    expect(inputValueError(to, '"a" + ')).toMatch(/^FEEL: /);
  });
  it('lists inputs the schema does not describe', () => {
    const fields = fieldsFromSchema(emailSchema);
    expect(
      strayInputs(
        [
          { name: 'to', value: 'x' },
          { name: 'old', value: '1' },
        ],
        fields,
      ),
    ).toEqual([{ name: 'old', value: '1' }]);
  });
});

describe('planning an input change', () => {
  const current = [
    { name: 'to', value: 'customer.email' },
    { name: 'subject', value: '"Hi"' },
  ];
  it('adds, updates, removes or leaves alone', () => {
    expect(planInputChange(current, 'cc', ' lead.email ')).toEqual({
      kind: 'add',
      name: 'cc',
      value: 'lead.email',
    });
    expect(planInputChange(current, 'cc', '')).toEqual({ kind: 'none' });
    expect(planInputChange(current, 'subject', '"Hello"')).toEqual({
      kind: 'update',
      index: 1,
      value: '"Hello"',
    });
    expect(planInputChange(current, 'subject', '"Hi"')).toEqual({ kind: 'none' });
    expect(planInputChange(current, 'to', '  ')).toEqual({ kind: 'remove', index: 0 });
  });
});
