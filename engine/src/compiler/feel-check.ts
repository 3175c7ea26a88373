import { MAX_FEEL_LENGTH, feelLimitError } from '../feel/limits.js';
import { bareFeel, feelSyntaxError } from '../feel/syntax.js';
import type { Diagnostics } from './diagnostics.js';

/**
 * Reads a FEEL expression as the diagram writes it: the one place the compiler drops Camunda 8's
 * leading `=`, so the Flow holds the bare expression and run time never sees the marker. Checks
 * its syntax and cost (reported against `elementId`) and returns the bare expression, also when
 * it is invalid (the error blocks the flow); undefined when nothing is left, for the caller to
 * report as empty. Memoised: generated and real flows repeat the same conditions a lot.
 */
export type FeelReader = (written: string, elementId: string, what: string) => string | undefined;

/** The reader, and whether an expression it has read passed its checks (for deeper ones). */
export type FeelChecks = { read: FeelReader; accepted(expression: string): boolean };

type Verdict = { code: 'invalid-feel' | 'feel-too-complex'; reason: string } | undefined;

/** Why an expression cannot be deployed: it does not parse, or it could cost too much to run. */
function verdictOf(expression: string): Verdict {
  // Length first: parsing a 270 KB condition is itself the cost to avoid.
  const tooLong = expression.length > MAX_FEEL_LENGTH ? feelLimitError(expression) : undefined;
  if (tooLong) return { code: 'feel-too-complex', reason: tooLong };
  const syntax = feelSyntaxError(expression);
  if (syntax) return { code: 'invalid-feel', reason: syntax };
  const tooCostly = feelLimitError(expression);
  return tooCostly ? { code: 'feel-too-complex', reason: tooCostly } : undefined;
}

/** An expression in a message: quoted, long ones cut. */
export const quoted = (expression: string) =>
  JSON.stringify(expression.length > 200 ? `${expression.slice(0, 200)}…` : expression);

export function createFeelReader(diagnostics: Diagnostics): FeelChecks {
  const verdicts = new Map<string, Verdict>();
  const read: FeelReader = (written, elementId, what) => {
    const expression = bareFeel(written);
    if (expression === '') return undefined;
    if (!verdicts.has(expression)) verdicts.set(expression, verdictOf(expression));
    const verdict = verdicts.get(expression);
    if (verdict === undefined) return expression;
    diagnostics.error(
      verdict.code,
      verdict.code === 'invalid-feel'
        ? `${what} of '${elementId}' is not valid FEEL (${verdict.reason}): ${quoted(expression)}; write FEEL such as outcome = "approve" or priority = "urgent"`
        : `${what} of '${elementId}' could take too long to evaluate: ${verdict.reason}. Split it, or move the work into a service task`,
      elementId,
    );
    return expression;
  };
  return {
    read,
    accepted: (expression) => verdicts.has(expression) && verdicts.get(expression) === undefined,
  };
}
