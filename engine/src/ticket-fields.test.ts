import { describe, expect, it } from 'vitest';
import { ticketFieldErrors, type FieldDefinition } from './ticket-fields.js';

const defs: FieldDefinition[] = [
  { key: 'orderNumber', label: 'Order number', type: 'text', required: true },
  { key: 'amount', label: 'Amount', type: 'number' },
  { key: 'channel', label: 'Channel', type: 'select', options: ['phone', 'mail'], required: true },
  { key: 'purchased', label: 'Purchased on', type: 'date' },
  { key: 'contact', label: 'Contact', type: 'email' },
  { key: 'urgent', label: 'Urgent', type: 'boolean' },
];

describe('ticketFieldErrors', () => {
  it('accepts well-typed values and absent optional fields', () => {
    expect(
      ticketFieldErrors(defs, {
        orderNumber: 'A-1',
        channel: 'phone',
        amount: 12.5,
        purchased: '2026-02-28',
        urgent: false,
      }),
    ).toEqual([]);
  });

  it('names every missing, mistyped and unknown field by key', () => {
    const errors = ticketFieldErrors(defs, {
      amount: '12',
      channel: 'fax',
      purchased: '2026-02-30',
      contact: 'nope',
      urgent: 'yes',
      extra: 1,
    });
    expect(errors.map((e) => [e.key, e.code])).toEqual([
      ['extra', 'unknown-field'],
      ['orderNumber', 'required'],
      ['amount', 'invalid-type'],
      ['channel', 'invalid-type'],
      ['purchased', 'invalid-type'],
      ['contact', 'invalid-type'],
      ['urgent', 'invalid-type'],
    ]);
    expect(errors.find((e) => e.key === 'channel')?.message).toBe('Channel must be one of: phone, mail');
    expect(errors.find((e) => e.key === 'purchased')?.message).toBe('Purchased on is not a calendar date');
  });

  it('treats an empty string and null as missing', () => {
    expect(ticketFieldErrors(defs, { orderNumber: '', channel: null }).map((e) => e.code)).toEqual([
      'required',
      'required',
    ]);
  });
});
