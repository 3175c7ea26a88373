import type { FieldDefinition } from '@baton/db';
import { describe, expect, it } from 'vitest';
import { fieldErrors } from './fields.js';

const defs: FieldDefinition[] = [
  { key: 'orderNumber', label: 'Order number', type: 'text', required: true },
  { key: 'amount', label: 'Amount', type: 'number' },
  { key: 'channel', label: 'Channel', type: 'select', options: ['phone', 'mail'], required: true },
  { key: 'purchased', label: 'Purchased on', type: 'date' },
  { key: 'contact', label: 'Contact', type: 'email' },
  { key: 'urgent', label: 'Urgent', type: 'boolean' },
];

describe('fieldErrors', () => {
  it('accepts well-typed values and absent optional fields', () => {
    expect(
      fieldErrors(defs, {
        orderNumber: 'A-1',
        channel: 'phone',
        amount: 12.5,
        purchased: '2026-02-28',
        urgent: false,
      }),
    ).toEqual([]);
  });

  it('names every missing, mistyped and unknown field by path', () => {
    const errors = fieldErrors(defs, {
      amount: '12',
      channel: 'fax',
      purchased: '2026-02-30',
      contact: 'nope',
      urgent: 'yes',
      extra: 1,
    });
    expect(errors.map((e) => [e.path, e.code])).toEqual([
      ['body.fields.extra', 'unknown-field'],
      ['body.fields.orderNumber', 'required'],
      ['body.fields.amount', 'invalid-type'],
      ['body.fields.channel', 'invalid-type'],
      ['body.fields.purchased', 'invalid-type'],
      ['body.fields.contact', 'invalid-type'],
      ['body.fields.urgent', 'invalid-type'],
    ]);
    expect(errors.find((e) => e.path === 'body.fields.channel')?.message).toBe(
      'Channel must be one of: phone, mail',
    );
  });

  it('treats an empty string as missing', () => {
    expect(fieldErrors(defs, { orderNumber: '', channel: 'mail' }).map((e) => e.code)).toEqual(['required']);
  });
});
