// FEEL (via @bpmn-io/feelin) is the only expression language in a diagram: nothing a diagram
// says can run JavaScript.
import { evaluate, parseExpression } from '@bpmn-io/feelin';

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

/** Evaluates a FEEL expression over the given variables; syntax errors throw. */
export function evaluateFeel(expression: string, variables: Record<string, unknown>): unknown {
  return evaluate(expression, variables).value;
}
