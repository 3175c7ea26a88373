// Bounds on what one FEEL expression may cost, checked from its text and parse tree alone, so
// the answer is the same at deploy (a diagnostic naming the element) and at run time (the
// expression is refused before it runs): no condition or input can stall a worker or the API,
// and a replay decides exactly as the first run did.
//   - text: at most MAX_FEEL_LENGTH characters (a 20,000-term condition is ~270 KB);
//   - tree: at most MAX_FEEL_NODES nodes, nested at most MAX_FEEL_DEPTH deep (feelin evaluates
//     recursively);
//   - iteration: a range in `for`/`some`/`every` needs literal bounds, and the ranges of nested
//     iterations may produce at most MAX_FEEL_ITERATIONS items together (`for i in 1..2000000`
//     took 2.3 s); iterating over a list from the ticket's data is bounded by that data.
// Regular expressions run on a linear-time engine instead (safe-functions.ts).
import { parseExpression } from '@bpmn-io/feelin';

export const MAX_FEEL_LENGTH = 10_000;
export const MAX_FEEL_NODES = 5_000;
export const MAX_FEEL_DEPTH = 64;
export const MAX_FEEL_ITERATIONS = 10_000;

/** A node of feelin's parse tree: its type name (`VariableName`, `Comparison`…), text and offset. */
export type FeelTreeNode = {
  name: string;
  text: string;
  from: number;
  children: FeelTreeNode[];
};

/**
 * The parse tree as plain nodes (lezer's cursors do not survive past one walk) under a `root`
 * node, or why it is too big to walk: within the bounds, recursing over it is safe.
 */
export function boundedFeelTree(expression: string): FeelTreeNode | string {
  const root: FeelTreeNode = { name: 'root', text: expression, from: 0, children: [] };
  const stack: FeelTreeNode[] = [root];
  let nodes = 0;
  let problem: string | undefined;
  parseExpression(expression, {}, undefined).iterate({
    enter(node) {
      if (problem) return false;
      nodes += 1;
      if (nodes > MAX_FEEL_NODES) {
        problem = `it has more than ${MAX_FEEL_NODES} parts`;
        return false;
      }
      if (stack.length > MAX_FEEL_DEPTH) {
        problem = `it nests deeper than ${MAX_FEEL_DEPTH} levels`;
        return false;
      }
      const child: FeelTreeNode = {
        name: node.type.name,
        text: expression.slice(node.from, node.to),
        from: node.from,
        children: [],
      };
      stack.at(-1)!.children.push(child);
      stack.push(child);
      return undefined;
    },
    leave() {
      if (!problem) stack.pop();
    },
  });
  return problem ?? root;
}

/** A literal integer bound of a range: `5`, `-5`. */
function literalNumber(node: FeelTreeNode): number | undefined {
  const text = node.text.replace(/\s+/g, '');
  return /^-?\d+$/.test(text) && (node.name === 'NumericLiteral' || node.name === 'ArithmeticExpression')
    ? Number(text)
    : undefined;
}

/** Items one `x in <context>` produces: a range's size, or 1 for a list from the data. */
function rangeItems(context: FeelTreeNode): number | string {
  const bounds = context.children.filter((child) => child.name !== '..');
  if (bounds.length < 2) return 1; // `x in items`: as many as the data holds
  const [from, to] = bounds.map(literalNumber);
  if (from === undefined || to === undefined)
    return `the range ${JSON.stringify(context.text)} needs literal bounds (e.g. 1..100)`;
  return Math.abs(to - from) + 1;
}

function iterationProblem(node: FeelTreeNode, outer: number): string | undefined {
  let items = outer;
  if (node.name === 'ForExpression' || node.name === 'QuantifiedExpression') {
    for (const inExpression of node.children.find((c) => c.name === 'InExpressions')?.children ?? []) {
      const context = inExpression.children.find((c) => c.name === 'IterationContext');
      if (!context) continue;
      const count = rangeItems(context);
      if (typeof count === 'string') return count;
      items *= count;
    }
    if (items > MAX_FEEL_ITERATIONS)
      return `its iterations produce ${items.toLocaleString('en')} items, more than ${MAX_FEEL_ITERATIONS.toLocaleString('en')}`;
  }
  for (const child of node.children) {
    const problem = iterationProblem(child, items);
    if (problem) return problem;
  }
  return undefined;
}

/** Why the expression is too costly to run, or undefined. Assumes it parses. */
export function feelLimitError(expression: string): string | undefined {
  if (expression.length > MAX_FEEL_LENGTH)
    return `it is ${expression.length.toLocaleString('en')} characters long, more than ${MAX_FEEL_LENGTH.toLocaleString('en')}`;
  const tree = boundedFeelTree(expression);
  if (typeof tree === 'string') return tree;
  return iterationProblem(tree, 1);
}
