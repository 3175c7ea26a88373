import { describe, expect, it } from 'vitest';
import { listKeyAction, moveSelection } from './selection.js';

const key = (k: string, mods: Partial<KeyboardEvent> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe('listKeyAction', () => {
  it('maps j/k, the arrows, Enter and c', () => {
    expect(['j', 'ArrowDown', 'k', 'ArrowUp', 'Enter', 'c'].map((k) => listKeyAction(key(k)))).toEqual([
      'next',
      'next',
      'previous',
      'previous',
      'open',
      'claim',
    ]);
  });
  it('leaves other keys and shortcuts with modifiers to the browser', () => {
    expect(listKeyAction(key('x'))).toBeUndefined();
    expect(listKeyAction(key('c', { ctrlKey: true }))).toBeUndefined();
  });
});

describe('moveSelection', () => {
  it('stays inside the list', () => {
    expect(moveSelection(0, -1, 3)).toBe(0);
    expect(moveSelection(2, 1, 3)).toBe(2);
    expect(moveSelection(-1, 1, 3)).toBe(0);
    expect(moveSelection(5, 0, 3)).toBe(2);
    expect(moveSelection(0, 1, 0)).toBe(-1);
  });
});
