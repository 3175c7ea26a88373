// What a FEEL expression reads from its variables and what its value certainly is, from feelin's
// parse tree alone (nothing is evaluated): the compiler checks conditions with it against the
// variables a ticket will have. Only what the tree makes certain is claimed; anything else is
// left open, since a wrong claim would refuse a good flow.
import { boundedFeelTree, type FeelTreeNode } from './limits.js';

/**
 * What an expression evaluates to, as far as its tree tells: `certain` describes a value that is
 * never a boolean ("a string"); `variable` is a variable or a path of static names
 * (`fields.amount`), whose type the caller may know; `either` one of several branches; `open`
 * anything that may be a boolean (a comparison, a function call, a filter…).
 */
export type FeelResult =
  { certain: string } | { variable: string[] } | { either: FeelResult[] } | { open: true };

export type FeelReading = {
  /** Variables read from the context (a path by its first segment), each once, in order. */
  variables: string[];
  result: FeelResult;
};

const OPEN: FeelResult = { open: true };

/** Values whose node alone says what they are, none of them a boolean. */
const CERTAIN: Record<string, string> = {
  StringLiteral: 'a string',
  NumericLiteral: 'a number',
  null: 'null',
  List: 'a list',
  Context: 'a context',
  DateTimeLiteral: 'a date, time or duration',
  FunctionDefinition: 'a function',
  // FEEL arithmetic never yields a boolean: on booleans it yields null.
  ArithmeticExpression: 'the result of arithmetic (a number, string, date or null)',
  ForExpression: 'a list (the result of for … return)',
};

/**
 * Reads an expression that the compiler accepted (it parses, within Baton's bounds); undefined
 * for one that does not parse or is too big to walk.
 */
export function readFeel(expression: string): FeelReading | undefined {
  const tree = boundedFeelTree(expression);
  if (typeof tree === 'string' || hasError(tree)) return undefined;
  const variables = new Set<string>();
  collectVariables(tree, new Set(), variables);
  const [body] = meaningful(tree);
  return { variables: [...variables], result: body ? resultOf(body, expression) : OPEN };
}

const NAME_CHARACTER = /[\p{L}\p{N}_?'.]/u;

/**
 * Whether an arithmetic operator sits between name characters (`is-vip`, `a+b`): feelin reads
 * that as one variable when the run's variables have such a name (names may contain + - * /), so
 * the expression is arithmetic only if none does, which the tree cannot tell.
 */
function mayBeOneName(node: FeelTreeNode, expression: string): boolean {
  if (node.name === 'ArithOp') {
    const before = expression[node.from - 1] ?? '';
    const after = expression[node.from + node.text.length] ?? '';
    return NAME_CHARACTER.test(before) && NAME_CHARACTER.test(after);
  }
  return node.children.some((child) => mayBeOneName(child, expression));
}

function hasError(node: FeelTreeNode): boolean {
  return node.name === '⚠' || node.children.some(hasError);
}

/** Children that carry meaning: node types (capitalised) and the null literal, no keywords, punctuation or comments. */
const meaningful = (node: FeelTreeNode) =>
  node.children.filter(
    (child) =>
      (child.name === 'null' || /^[A-Z]/.test(child.name)) &&
      child.name !== 'LineComment' &&
      child.name !== 'BlockComment',
  );

/** A variable's name as feelin looks it up: its words joined by one space (`first  name` = `first name`). */
const variableName = (node: FeelTreeNode): string =>
  node.children.length > 0 ? node.children.map((child) => child.text).join(' ') : node.text.trim();

/** A name a construct binds (`x` in `some x in …`, a parameter, a context key). */
function boundName(node: FeelTreeNode | undefined): string | undefined {
  if (node === undefined) return undefined;
  if (node.name === 'StringLiteral') {
    try {
      return String(JSON.parse(node.text));
    } catch {
      return node.text.slice(1, -1);
    }
  }
  if (node.name === 'Name') return node.text.replace(/\s{2,}/g, ' ');
  return boundName(node.children[0]);
}

/** Names bound inside `node` for its own sub-expressions, or undefined when it binds none. */
function bindings(node: FeelTreeNode): string[] | undefined {
  switch (node.name) {
    case 'QuantifiedExpression':
    case 'ForExpression': {
      const names = (node.children.find((c) => c.name === 'InExpressions')?.children ?? [])
        .filter((c) => c.name === 'InExpression')
        .flatMap((c) => boundName(c.children.find((n) => n.name === 'Name')) ?? []);
      return node.name === 'ForExpression' ? [...names, 'partial'] : names;
    }
    case 'FunctionDefinition':
      return (node.children.find((c) => c.name === 'FormalParameters')?.children ?? []).flatMap(
        (parameter) => boundName(parameter) ?? [],
      );
    case 'Context':
      // Later entries see the earlier ones' keys; all of them count as bound (the safe side).
      return node.children
        .filter((c) => c.name === 'ContextEntry')
        .flatMap((entry) => boundName(entry.children.find((c) => c.name === 'Key')) ?? []);
    default:
      return undefined;
  }
}

const within = (bound: Set<string>, names: string[] | undefined) =>
  names === undefined || names.length === 0 ? bound : new Set([...bound, ...names]);

function collectVariables(node: FeelTreeNode, bound: Set<string>, found: Set<string>): void {
  switch (node.name) {
    case 'VariableName': {
      const name = variableName(node);
      if (!bound.has(name)) found.add(name);
      return;
    }
    case 'PathExpression':
      // `customer.email`: only the target is read from the variables; the rest are its properties.
      if (node.children[0]) collectVariables(node.children[0], bound, found);
      return;
    case 'FunctionInvocation': {
      // A plain name called is a function (built-in), not a variable; its parameters are read.
      const [callee, ...rest] = node.children;
      if (callee && callee.name !== 'VariableName') collectVariables(callee, bound, found);
      for (const child of rest) collectVariables(child, bound, found);
      return;
    }
    case 'FilterExpression':
      // Inside `[…]` the item and each of its properties are names too: only the target is certain.
      if (node.children[0]) collectVariables(node.children[0], bound, found);
      return;
    case 'Type':
      return; // `instance of number`: a type name
    default: {
      const inner = within(bound, bindings(node));
      for (const child of node.children) collectVariables(child, inner, found);
    }
  }
}

function resultOf(node: FeelTreeNode, expression: string): FeelResult {
  if (node.name === 'ArithmeticExpression' && mayBeOneName(node, expression)) return OPEN;
  const certain = CERTAIN[node.name];
  if (certain !== undefined) return { certain };
  switch (node.name) {
    case 'Expression':
    case 'ParenthesizedExpression': {
      const inner = meaningful(node);
      return inner.length === 1 ? resultOf(inner[0]!, expression) : OPEN;
    }
    case 'VariableName':
    case 'PathExpression': {
      const path = staticPath(node);
      return path === undefined ? OPEN : { variable: path };
    }
    case 'IfExpression': {
      // if <condition> then <a> else <b>: the value is one of the branches.
      const [, then, otherwise] = meaningful(node);
      return then && otherwise
        ? { either: [resultOf(then, expression), resultOf(otherwise, expression)] }
        : OPEN;
    }
    default:
      return OPEN;
  }
}

/** `a` → ['a'], `a.b.c` → ['a', 'b', 'c']; undefined for any other target (a call, a filter…). */
function staticPath(node: FeelTreeNode): string[] | undefined {
  if (node.name === 'VariableName') return [variableName(node)];
  if (node.name !== 'PathExpression') return undefined;
  const [target, property] = node.children;
  const head = target && staticPath(target);
  return head && property?.name === 'VariableName' ? [...head, variableName(property)] : undefined;
}
