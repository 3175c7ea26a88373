// FEEL (via @bpmn-io/feelin) is the only expression language in a diagram: nothing a diagram
// says can run JavaScript. feelin parses on every call (~26 µs), so expressions are compiled
// once and cached; simple comparisons run on an exact fast path (see fast-path.ts).
import { evaluate, parseExpression } from '@bpmn-io/feelin';
import { compileFastPath, FALLBACK, type FastExpression } from './fast-path.js';

/** The syntax error of a FEEL expression, or undefined when it parses. */
export function feelSyntaxError(expression: string): string | undefined {
  try {
    const tree = parseExpression(expression, {}, undefined);
    let error: number | undefined;
    tree.iterate({
      enter(node) {
        if (node.type.isError && error === undefined) error = node.from;
      },
    });
    return error === undefined ? undefined : `syntax error at position ${error + 1}`;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

/** Evaluates with feelin only (the reference semantics); syntax errors throw. */
export function evaluateFeelSlow(expression: string, variables: Record<string, unknown>): unknown {
  return evaluate(expression, variables).value;
}

// Compiled expressions; `null` = no fast path for this text. Diagrams hold few distinct
// expressions, but a cap keeps a long-running process with ever-new texts bounded.
const cache = new Map<string, FastExpression | null>();
const CACHE_LIMIT = 10_000;

function compiled(expression: string): FastExpression | null {
  let fast = cache.get(expression);
  if (fast === undefined) {
    fast = compileFastPath(expression);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(expression, fast);
  }
  return fast;
}

/** Evaluates a FEEL expression over the given variables; syntax errors throw. */
export function evaluateFeel(expression: string, variables: Record<string, unknown>): unknown {
  const fast = compiled(expression);
  if (fast !== null) {
    const value = fast(variables);
    if (value !== FALLBACK) return value;
  }
  return evaluate(expression, variables).value;
}

/** Whether a condition holds (FEEL `true` only); an expression that fails to evaluate is false. */
export function feelHolds(expression: string, variables: Record<string, unknown>): boolean {
  try {
    return evaluateFeel(expression, variables) === true;
  } catch {
    return false;
  }
}
