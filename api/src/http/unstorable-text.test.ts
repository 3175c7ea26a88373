import { describe, expect, it } from 'vitest';
import { unstorableText } from './unstorable-text.js';

describe('unstorableText', () => {
  it('names each NUL and lone surrogate by path, keys at their object, and passes emoji', () => {
    const value = { a: ['ok', 'x\u0000'], b: { 'k\ud800': 1, c: '\udc00' }, d: '🎫 Zurück', e: 5 };
    expect(unstorableText(value, 'body').map((e) => [e.path, e.message])).toEqual([
      ['body.a.1', 'contains a NUL character (\\u0000), which cannot be stored'],
      ['body.b', 'a key contains a lone UTF-16 surrogate, which is not valid Unicode'],
      ['body.b.c', 'contains a lone UTF-16 surrogate, which is not valid Unicode'],
    ]);
  });

  it('walks 100,000-deep JSON without overflowing the stack, and reports at most 20', () => {
    let deep: unknown = '\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const [only] = unstorableText(deep, 'body');
    expect(only?.path.split('.').length).toBe(100_001);
    expect(unstorableText(Array(50).fill('\u0000'), 'body')).toHaveLength(20);
  });
});
