// FEEL (via @bpmn-io/feelin) is the only expression language in a diagram: nothing a diagram
// says can run JavaScript. feelin parses on every call (~26 µs), so expressions are compiled
// once and cached; simple comparisons run on an exact fast path (see fast-path.ts).
import { evaluate } from '@bpmn-io/feelin';
import { compileFastPath, FALLBACK, type FastExpression } from './fast-path.js';
import { feelLimitError } from './limits.js';
import { feelSyntaxError } from './syntax.js';

export { feelSyntaxError } from './syntax.js';
import { callsRegexFunction, regexFunctions } from './safe-functions.js';

export {
  feelLimitError,
  MAX_FEEL_DEPTH,
  MAX_FEEL_ITERATIONS,
  MAX_FEEL_LENGTH,
  MAX_FEEL_NODES,
} from './limits.js';
export { MAX_REGEX_INPUT } from './safe-functions.js';

/** feelin with the regular-expression functions on a linear-time engine. */
function evaluateWithFeelin(expression: string, variables: Record<string, unknown>): unknown {
  const context = callsRegexFunction(expression) ? { ...variables, ...regexFunctions() } : variables;
  return evaluate(expression, context).value;
}

/** Evaluates with feelin only (the reference semantics, within Baton's bounds); syntax errors throw. */
export function evaluateFeelSlow(expression: string, variables: Record<string, unknown>): unknown {
  return evaluateWithFeelin(expression, variables);
}

type Compiled = { fast: FastExpression | null; tooCostly?: string };

// Compiled expressions; `fast: null` = no fast path for this text. Diagrams hold few distinct
// expressions, but a cap keeps a long-running process with ever-new texts bounded.
const cache = new Map<string, Compiled>();
const CACHE_LIMIT = 10_000;

function compiled(expression: string): Compiled {
  let entry = cache.get(expression);
  if (entry === undefined) {
    const fast = compileFastPath(expression);
    // The fast path's own grammar is small and linear: only feelin's expressions need bounds.
    const tooCostly =
      fast === null && feelSyntaxError(expression) === undefined ? feelLimitError(expression) : undefined;
    entry = tooCostly === undefined ? { fast } : { fast, tooCostly };
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(expression, entry);
  }
  return entry;
}

/**
 * Evaluates a FEEL expression over the given variables; syntax errors throw, and so does an
 * expression beyond Baton's bounds (limits.ts), before it runs.
 */
export function evaluateFeel(expression: string, variables: Record<string, unknown>): unknown {
  const { fast, tooCostly } = compiled(expression);
  if (tooCostly !== undefined) throw new Error(`FEEL expression refused: ${tooCostly}`);
  if (fast !== null) {
    const value = fast(variables);
    if (value !== FALLBACK) return value;
  }
  return evaluateWithFeelin(expression, variables);
}

/**
 * A condition's verdict as Camunda 8 gives it: `true` or `false`, or a failure when the
 * expression throws or yields anything else (null from a comparison with a missing variable,
 * a number...). The interpreter raises an incident on a failure rather than guessing a branch.
 */
export type ConditionVerdict = { ok: true; holds: boolean } | { ok: false; error: string };

export function evaluateCondition(expression: string, variables: Record<string, unknown>): ConditionVerdict {
  let value: unknown;
  try {
    value = evaluateFeel(expression, variables);
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  if (typeof value === 'boolean') return { ok: true, holds: value };
  return { ok: false, error: `the condition yielded ${describeValue(value)}, not true or false` };
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'null (is a variable it uses missing?)';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
