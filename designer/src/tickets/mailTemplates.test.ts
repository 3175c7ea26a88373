import { describe, expect, it } from 'vitest';
import { insertPlaceholder, placeholdersOf, templateKeyFrom, wouldDiscard } from './mailTemplates.js';

describe('mail template helpers', () => {
  it('derives a key the API takes from a name', () => {
    expect(templateKeyFrom('Refund approved ✓')).toBe('refund-approved');
    expect(templateKeyFrom('  Réponse: délai  ')).toBe('reponse-delai');
  });

  it('lists the described placeholders, then one per field', () => {
    expect(
      placeholdersOf({ 'ticket.number': 'The number' }, [{ key: 'orderNumber', label: 'Order number' }]),
    ).toEqual([
      { name: 'ticket.number', description: 'The number' },
      { name: 'fields.orderNumber', description: "The ticket's Order number" },
    ]);
  });

  it('inserts a placeholder at the caret, replacing the selection, with the caret after it', () => {
    expect(insertPlaceholder('Hello !', { start: 6, end: 6 }, 'customer.name')).toEqual({
      text: 'Hello {{customer.name}}!',
      caret: 23,
    });
    expect(insertPlaceholder('Hello NAME', { start: 6, end: 10 }, 'customer.name').text).toBe(
      'Hello {{customer.name}}',
    );
    expect(insertPlaceholder('ab', { start: 99, end: 120 }, 'x')).toEqual({ text: 'ab{{x}}', caret: 7 });
  });

  it('warns before a template replaces words the agent typed, not an empty or unchanged reply', () => {
    expect(wouldDiscard('', 'Hello')).toBe(false);
    expect(wouldDiscard('Hello\n', 'Hello')).toBe(false);
    expect(wouldDiscard('I looked at it', 'Hello')).toBe(true);
  });
});
