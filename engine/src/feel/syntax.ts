// Whether a FEEL expression parses (feelin's lezer grammar), for the compiler and the designer's
// properties panel: no evaluation, so it needs none of the evaluator's parts.
import { parseExpression } from '@bpmn-io/feelin';

/**
 * Camunda 8 marks an attribute value as a FEEL expression with a leading `=` (`= total > 100`);
 * the marker is not part of the expression. Baton's own attributes are FEEL without it, so
 * both spellings mean the same expression.
 */
export const FEEL_MARKER = /^\s*=/;

/** The FEEL expression a diagram writes, without Camunda 8's leading `=` and outer blanks. */
export function bareFeel(written: string): string {
  return written.replace(FEEL_MARKER, '').trim();
}

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
