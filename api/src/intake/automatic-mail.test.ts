import { describe, expect, it } from 'vitest';
import { automaticMailReason, type MailSignals } from './automatic-mail.js';

const person = (
  headers: Record<string, unknown> = {},
  overrides: Partial<MailSignals> = {},
): MailSignals => ({
  headers: new Map(Object.entries(headers)),
  envelopeFrom: 'ana@example.org',
  from: 'ana@example.org',
  ownAddresses: ['help@example.com', 'baton@example.com'],
  ...overrides,
});

describe('automatic mail', () => {
  it('lets a person’s mail through, including one that says Auto-Submitted: no', () => {
    expect(automaticMailReason(person())).toBeUndefined();
    expect(automaticMailReason(person({ 'auto-submitted': 'no' }))).toBeUndefined();
    expect(automaticMailReason(person({ precedence: 'first-class' }))).toBeUndefined();
  });

  it('names the signal of each kind of automatic mail', () => {
    expect(automaticMailReason(person({ 'auto-submitted': 'auto-replied' }))).toBe(
      'Auto-Submitted: auto-replied',
    );
    expect(automaticMailReason(person({ 'x-autoreply': 'yes' }))).toBe('x-autoreply header');
    expect(automaticMailReason(person({ precedence: 'Bulk' }))).toBe('Precedence: bulk');
    expect(automaticMailReason(person({ 'list-id': { value: 'news.example.org' } }))).toBe(
      'mailing-list mail (List-Id)',
    );
    expect(automaticMailReason(person({}, { envelopeFrom: '' }))).toBe(
      'null sender (a bounce or an auto-reply)',
    );
  });

  it('knows Baton’s own mail coming back as a loop, whatever the case', () => {
    expect(automaticMailReason(person({}, { from: 'HELP@example.com' }))).toBe(
      'sent from Baton’s own address (a mail loop)',
    );
  });
});
