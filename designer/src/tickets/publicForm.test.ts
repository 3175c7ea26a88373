import { describe, expect, it } from 'vitest';
import type { PublicFormDefinition } from '../api/types.js';
import { embedSnippet, emptyInputs, publicFormBody, publicFormProblems } from './publicForm.js';

const form: PublicFormDefinition = {
  id: 'refund',
  name: 'Refund',
  description: '',
  fields: [
    { key: 'orderNumber', label: 'Order number', type: 'text', required: true },
    { key: 'amount', label: 'Amount', type: 'number' },
  ],
};

describe('the public form', () => {
  it('sends what was typed, trimmed, with the fields by their type', () => {
    const inputs = {
      ...emptyInputs(form),
      title: ' Leaks ',
      email: 'a@b.example ',
      fields: { orderNumber: 'K-1', amount: '12.5' },
    };
    expect(publicFormBody(inputs, form)).toEqual({
      title: 'Leaks',
      email: 'a@b.example',
      fields: { orderNumber: 'K-1', amount: 12.5 },
    });
    expect(publicFormBody({ ...inputs, website: 'x' }, form)).toMatchObject({ website: 'x' });
  });

  it('names what is missing before sending, as the API would', () => {
    const problems = publicFormProblems(publicFormBody(emptyInputs(form), form), form);
    expect(Object.keys(problems).sort()).toEqual(['email', 'fields.orderNumber', 'title']);
  });

  it('gives the embed snippet for the form', () => {
    expect(embedSnippet('https://help.example', 'refund')).toContain(
      'src="https://help.example/forms/refund"',
    );
  });
});
