// The rule itself is the engine's (engine/src/ticket-fields.test.ts); here only what the API adds:
// each problem named by its request-body path, with the engine's code and message.
import type { FieldDefinition } from '@baton/db';
import { describe, expect, it } from 'vitest';
import { fieldErrors } from './fields.js';

const defs: FieldDefinition[] = [
  { key: 'orderNumber', label: 'Order number', type: 'text', required: true },
  { key: 'channel', label: 'Channel', type: 'select', options: ['phone', 'mail'] },
];

describe('fieldErrors', () => {
  it('answers nothing for valid values', () => {
    expect(fieldErrors(defs, { orderNumber: 'A-1', channel: 'phone' })).toEqual([]);
  });

  it('names each problem by its body path, with the engine code and message', () => {
    expect(fieldErrors(defs, { channel: 'fax', extra: 1 })).toEqual([
      { path: 'body.fields.extra', code: 'unknown-field', message: expect.any(String) },
      { path: 'body.fields.orderNumber', code: 'required', message: expect.any(String) },
      { path: 'body.fields.channel', code: 'invalid-type', message: 'Channel must be one of: phone, mail' },
    ]);
  });
});
