import { describe, expect, it } from 'vitest';
import type { FieldDefinition } from '../api/types.js';
import { fieldInputs } from './newTicket.js';
import { retryBody, retryProblems } from './incidentRetry.js';

const fields: FieldDefinition[] = [
  { key: 'orderNumber', label: 'Order number', type: 'text', required: true },
  { key: 'amount', label: 'Amount', type: 'number' },
  { key: 'urgent', label: 'Urgent', type: 'boolean' },
];

describe('the fix-and-retry form of an incident', () => {
  it("prefills the ticket's values and sends every filled field as the API expects it", () => {
    const form = fieldInputs(fields, { orderNumber: 'A-1' });
    expect(form).toEqual({ orderNumber: 'A-1', amount: '', urgent: false });
    form.amount = ' 150 ';
    expect(retryBody(fields, form)).toEqual({ fields: { orderNumber: 'A-1', amount: 150, urgent: false } });
  });

  it('names the problems by the form rule, over the fields the ticket will have', () => {
    const values = { orderNumber: 'A-1' };
    const form = fieldInputs(fields, values);
    form.amount = 'lots';
    expect(retryProblems(fields, values, retryBody(fields, form))).toEqual({
      'fields.amount': expect.stringMatching(/number/),
    });
    form.amount = '12';
    expect(retryProblems(fields, values, retryBody(fields, form))).toEqual({});
  });
});
