import { describe, expect, it } from 'vitest';
import { keyForLabel, keyTypedAs } from './derivedKey.js';
import { fieldKeyFrom } from './ticketTypes/fields.js';

describe('derived keys', () => {
  it('follow the label until a key is typed, then stay what was typed', () => {
    let k = { key: '', keyTyped: false };
    for (const label of ['A', 'Account', 'Account e-mail']) k = keyForLabel(k, label, fieldKeyFrom);
    expect(k).toEqual({ key: 'account_e_mail', keyTyped: false });
    k = keyTypedAs('accountEmail', 'Account e-mail', fieldKeyFrom);
    expect(keyForLabel(k, 'Account e-mail address', fieldKeyFrom)).toEqual({
      key: 'accountEmail',
      keyTyped: true,
    });
  });

  it('go back to following the label when the typed key is cleared', () => {
    expect(keyTypedAs('', 'Order number', fieldKeyFrom)).toEqual({ key: 'order_number', keyTyped: false });
  });
});
