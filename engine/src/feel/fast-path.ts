// Exact fast path for the FEEL conditions diagrams actually use: comparisons of a variable with
// a literal or another variable (`=`, `!=`, `<`, `<=`, `>`, `>=`), literals (strings, numbers,
// true/false/null), and `and` / `or` with parentheses. Anything else (paths, functions,
// arithmetic, escapes, names that need feelin's context-aware parsing) compiles to `null` and is
// evaluated by feelin. At run time a comparison between values whose FEEL semantics are
// anything but plain (objects, arrays, mixed types) returns FALLBACK and feelin decides, so the
// fast path agrees with feelin by construction on everything it answers (see the property test).

export const FALLBACK: unique symbol = Symbol('feel-fallback');
export type FastValue = string | number | boolean | null;
export type FastExpression = (variables: Record<string, unknown>) => FastValue | typeof FALLBACK;

type Token =
  | { t: 'str'; v: string }
  | { t: 'num'; v: number }
  | { t: 'lit'; v: boolean | null }
  | { t: 'name'; v: string }
  | { t: 'op'; v: '=' | '!=' | '<' | '<=' | '>' | '>=' }
  | { t: 'and' | 'or' | '(' | ')' };

// Words feelin treats specially; a variable with such a name goes to feelin.
const RESERVED = new Set([
  'true',
  'false',
  'null',
  'and',
  'or',
  'not',
  'if',
  'then',
  'else',
  'for',
  'in',
  'return',
  'some',
  'every',
  'satisfies',
  'between',
  'instance',
  'of',
  'function',
  'external',
  'date',
  'time',
  'duration',
]);

function tokenize(text: string): Token[] | null {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
    } else if (c === '"') {
      const end = text.indexOf('"', i + 1);
      if (end < 0) return null;
      const body = text.slice(i + 1, end);
      if (body.includes('\\')) return null; // escapes: leave to feelin
      tokens.push({ t: 'str', v: body });
      i = end + 1;
    } else if (c === '(' || c === ')') {
      tokens.push({ t: c });
      i++;
    } else if (c === '=') {
      tokens.push({ t: 'op', v: '=' });
      i++;
    } else if (c === '!' || c === '<' || c === '>') {
      const two = text[i + 1] === '=';
      if (c === '!' && !two) return null;
      tokens.push({ t: 'op', v: (two ? `${c}=` : c) as '!=' | '<' | '<=' | '>' | '>=' });
      i += two ? 2 : 1;
    } else if (/[0-9]/.test(c) || (c === '-' && /[0-9]/.test(text[i + 1] ?? ''))) {
      const m = /^-?[0-9]+(\.[0-9]+)?/.exec(text.slice(i))!;
      tokens.push({ t: 'num', v: Number(m[0]) });
      i += m[0].length;
      if (/[A-Za-z_.]/.test(text[i] ?? '')) return null;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i))!;
      const word = m[0];
      i += word.length;
      // `a.b`, `a b` (a name with spaces), `f(...)`: feelin's business.
      let j = i;
      while (text[j] === ' ') j++;
      if (text[i] === '.' || text[j] === '(') return null;
      if (
        word !== 'and' &&
        word !== 'or' &&
        j > i &&
        /[A-Za-z0-9_]/.test(text[j] ?? '') &&
        !isKeywordAt(text, j)
      )
        return null;
      if (word === 'and' || word === 'or') tokens.push({ t: word });
      else if (word === 'true' || word === 'false') tokens.push({ t: 'lit', v: word === 'true' });
      else if (word === 'null') tokens.push({ t: 'lit', v: null });
      else if (RESERVED.has(word)) return null;
      else tokens.push({ t: 'name', v: word });
    } else {
      return null;
    }
  }
  return tokens;
}

function isKeywordAt(text: string, at: number): boolean {
  return /^(and|or)(?![A-Za-z0-9_])/.test(text.slice(at));
}

type Operand = (v: Record<string, unknown>) => unknown;

/** Compiles `expression` to a fast evaluator, or null when the fast path does not cover it. */
export function compileFastPath(expression: string): FastExpression | null {
  const parsed = tokenize(expression);
  if (parsed === null || parsed.length === 0) return null;
  const tokens: Token[] = parsed;
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];

  function operand(): Operand | null {
    const tok = tokens[pos];
    if (tok === undefined) return null;
    if (tok.t === 'str' || tok.t === 'num' || tok.t === 'lit') {
      pos++;
      const value = tok.v;
      return () => value;
    }
    if (tok.t === 'name') {
      pos++;
      const name = tok.v;
      return (v) => v[name];
    }
    return null;
  }

  function primary(): FastExpression | null {
    const tok = peek();
    if (tok?.t === '(') {
      pos++;
      const inner = disjunction();
      if (inner === null || peek()?.t !== ')') return null;
      pos++;
      return inner;
    }
    const left = operand();
    if (left === null) return null;
    const op = peek();
    if (op?.t !== 'op') return (v) => plain(left(v));
    pos++;
    const right = operand();
    if (right === null) return null;
    return comparison(op.v, left, right);
  }

  function chain(kind: 'and' | 'or', next: () => FastExpression | null): FastExpression | null {
    const parts: FastExpression[] = [];
    for (;;) {
      const part = next();
      if (part === null) return null;
      parts.push(part);
      if (peek()?.t !== kind) break;
      pos++;
    }
    if (parts.length === 1) return parts[0]!;
    return kind === 'and' ? conjunctionOf(parts) : disjunctionOf(parts);
  }

  const conjunction = (): FastExpression | null => chain('and', primary);
  const disjunction = (): FastExpression | null => chain('or', conjunction);

  const result = disjunction();
  return result !== null && pos === tokens.length ? result : null;
}

/** A variable's value as a FEEL primitive, or FALLBACK for anything richer. */
function plain(value: unknown): FastValue | typeof FALLBACK {
  if (value === undefined || value === null) return null;
  const type = typeof value;
  return type === 'string' || type === 'number' || type === 'boolean' ? (value as FastValue) : FALLBACK;
}

function comparison(op: '=' | '!=' | '<' | '<=' | '>' | '>=', left: Operand, right: Operand): FastExpression {
  return (v) => {
    const a = plain(left(v));
    const b = plain(right(v));
    if (a === FALLBACK || b === FALLBACK) return FALLBACK;
    if (op === '=' || op === '!=') {
      // null compares with anything; otherwise only values of one type (mixed types: feelin).
      if (a === null || b === null || typeof a === typeof b) return (a === b) === (op === '=');
      return FALLBACK;
    }
    if (a === null || b === null || typeof a !== typeof b || typeof a === 'boolean') return FALLBACK;
    switch (op) {
      case '<':
        return a < b;
      case '<=':
        return a <= b;
      case '>':
        return a > b;
      default:
        return a >= b;
    }
  };
}

// FEEL three-valued logic: a non-boolean operand counts as null. Every operand is evaluated
// (no short-circuit) because feelin evaluates them all and may throw on one: that case must
// reach feelin.
function conjunctionOf(parts: FastExpression[]): FastExpression {
  return (v) => {
    let falsy = false;
    let unknown = false;
    for (const part of parts) {
      const value = part(v);
      if (value === FALLBACK) return FALLBACK;
      if (value === false) falsy = true;
      else if (value !== true) unknown = true;
    }
    return falsy ? false : unknown ? null : true;
  };
}

function disjunctionOf(parts: FastExpression[]): FastExpression {
  return (v) => {
    let truthy = false;
    let unknown = false;
    for (const part of parts) {
      const value = part(v);
      if (value === FALLBACK) return FALLBACK;
      if (value === true) truthy = true;
      else if (value !== false) unknown = true;
    }
    return truthy ? true : unknown ? null : false;
  };
}
