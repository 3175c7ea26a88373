import { feelSyntaxError } from '../feel/index.js';
import type { Diagnostics } from './diagnostics.js';

/** FEEL syntax checks, memoised: generated and real flows repeat the same conditions a lot. */
export type FeelChecker = (expression: string, elementId: string, what: string) => boolean;

export function createFeelChecker(diagnostics: Diagnostics): FeelChecker {
  const errors = new Map<string, string | undefined>();
  return (expression, elementId, what) => {
    if (!errors.has(expression)) errors.set(expression, feelSyntaxError(expression));
    const error = errors.get(expression);
    if (error === undefined) return true;
    diagnostics.error(
      'invalid-feel',
      `${what} of '${elementId}' is not valid FEEL (${error}): ${JSON.stringify(expression)}; write FEEL such as outcome = "approve" or priority = "urgent"`,
      elementId,
    );
    return false;
  };
}
