import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileFastPath, FALLBACK } from './fast-path.js';
import { evaluateFeel, evaluateFeelSlow } from './index.js';

const names = ['category', 'priority', 'outcome', 'vip', 'missing'];
const literal = fc.oneof(
  fc.constantFrom('"refund"', '"fault"', '""', '"a b"', '1', '0', '-2', '3.5', 'true', 'false', 'null'),
  fc.integer({ min: -5, max: 5 }).map(String),
);
const operand = fc.oneof(literal, fc.constantFrom(...names));
const comparison = fc
  .tuple(operand, fc.constantFrom('=', '!=', '<', '<=', '>', '>='), operand)
  .map(([a, op, b]) => `${a} ${op} ${b}`);
const expression: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    comparison,
    operand,
    fc.tuple(tie('e'), fc.constantFrom('and', 'or'), tie('e')).map(([a, op, b]) => `${a} ${op} ${b}`),
    tie('e').map((e) => `(${e})`),
  ),
})).e;
const value = fc.oneof(
  fc.constantFrom('refund', 'fault', '', 'a b', null, true, false, 0, 1, -2, 3.5),
  fc.integer({ min: -5, max: 5 }),
  fc.string({ maxLength: 3 }),
  fc.constant([1]),
  fc.constant({ a: 1 }),
);
const variables = fc.record(
  { category: value, priority: value, outcome: value, vip: value },
  { requiredKeys: [] },
);

describe('FEEL fast path', () => {
  it('covers the conditions diagrams use', () => {
    for (const text of [
      'outcome = "transfer"',
      'priority >= 3 and vip = true',
      '(a = 1 or b != null) and c < "x"',
      'x',
    ]) {
      expect(compileFastPath(text), text).not.toBeNull();
    }
  });

  it('leaves everything else to feelin', () => {
    for (const text of [
      'a.b = 1',
      'count(items) > 1',
      'x + 1 > 2',
      'not(x)',
      'first name = "a"',
      'x in [1,2]',
      '"a\\"b" = x',
      'date("2020-01-01") < d',
      '',
    ]) {
      expect(compileFastPath(text), text).toBeNull();
    }
  });

  it('agrees with feelin on every expression and variables it answers', () => {
    let fastAnswered = 0;
    fc.assert(
      fc.property(expression, variables, (text, vars) => {
        const fast = compileFastPath(text);
        let reference: unknown;
        try {
          reference = evaluateFeelSlow(text, vars);
        } catch (error) {
          // feelin throws on some comparisons (lists with numbers): the fast path must defer.
          expect(fast === null || fast(vars) === FALLBACK, text).toBe(true);
          expect(() => evaluateFeel(text, vars)).toThrow((error as Error).message);
          return;
        }
        if (fast !== null) {
          fastAnswered += fast(vars) === FALLBACK ? 0 : 1;
          const answer = fast(vars);
          if (answer !== FALLBACK) expect(answer, `${text} over ${JSON.stringify(vars)}`).toEqual(reference);
        }
        expect(evaluateFeel(text, vars)).toEqual(reference);
      }),
      { numRuns: 3000 },
    );
    // The comparison must mean something: most generated cases are answered by the fast path.
    expect(fastAnswered).toBeGreaterThan(1000);
  });
});
