import { describe, expect, it } from 'vitest';
import { fieldKeyFrom, fieldProblems, normalizeField, slugify } from './fields.js';

describe('ticket type fields', () => {
  it('slugifies labels', () => {
    expect(slugify('  Refund Request (Ünïcode)! ')).toBe('refund-request-unicode');
    expect(fieldKeyFrom('Order number')).toBe('order_number');
    expect(fieldKeyFrom('3D model')).toBe('f_3d_model');
  });
  it('names each problem by field index and property', () => {
    const problems = fieldProblems([
      { key: 'order', label: 'Order', type: 'text' },
      { key: 'order', label: '', type: 'select', options: [] },
      { key: '9lives', label: 'Lives', type: 'number' },
    ]);
    expect(problems).toEqual({
      'fields.1.key': 'key "order" is already used by field 1',
      'fields.1.label': 'label is required',
      'fields.1.options': 'a select field needs at least one option',
      'fields.2.key': 'key must start with a letter and use letters, digits or _ (at most 63)',
    });
  });
  it('keeps options only on selects and drops blank ones', () => {
    expect(
      normalizeField({
        key: ' k ',
        label: ' K ',
        type: 'select',
        options: [' a', '', 'b '],
        required: false,
      }),
    ).toEqual({
      key: 'k',
      label: 'K',
      type: 'select',
      options: ['a', 'b'],
    });
    expect(normalizeField({ key: 'n', label: 'N', type: 'number', options: ['x'], required: true })).toEqual({
      key: 'n',
      label: 'N',
      type: 'number',
      required: true,
    });
  });
});
