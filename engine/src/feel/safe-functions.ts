// FEEL's regular-expression functions (matches, replace, split) on RE2's linear-time engine
// instead of JavaScript's backtracking one: `matches(title, "(a+)+$")` took 2 s on a 25-character
// title and doubled per character; here it takes microseconds. Inputs longer than
// MAX_REGEX_INPUT are refused (null), so a step's cost stays bounded whatever the data. Given to
// feelin as context functions, which take precedence over its built-ins of the same name.
import { RE2JS } from 're2js';

export const MAX_REGEX_INPUT = 100_000;

/** FEEL's flag letters as RE2's bits (read when first needed: nothing runs at import). */
const flagBit = (letter: string): number | undefined =>
  letter === 'i'
    ? RE2JS.CASE_INSENSITIVE
    : letter === 's'
      ? RE2JS.DOTALL
      : letter === 'm'
        ? RE2JS.MULTILINE
        : undefined;

const compiled = new Map<string, RE2JS | null>();
const COMPILED_LIMIT = 1_000;

/** The pattern compiled for RE2, or null when it is invalid or asks for unsupported flags. */
function regex(pattern: unknown, flags: unknown): RE2JS | null {
  if (typeof pattern !== 'string' || (flags !== undefined && flags !== null && typeof flags !== 'string'))
    return null;
  const key = `${flags ?? ''}/${pattern}`;
  let re = compiled.get(key);
  if (re === undefined) {
    let bits = 0;
    re = null;
    const letters = typeof flags === 'string' ? flags : '';
    if ([...letters].every((letter) => flagBit(letter) !== undefined)) {
      for (const letter of letters) bits |= flagBit(letter)!;
      try {
        re = RE2JS.compile(pattern, bits);
      } catch {
        re = null; // FEEL: an invalid pattern gives null
      }
    }
    if (compiled.size >= COMPILED_LIMIT) compiled.clear();
    compiled.set(key, re);
  }
  return re;
}

const usable = (input: unknown): input is string =>
  typeof input === 'string' && input.length <= MAX_REGEX_INPUT;

/** feelin reads a context function's parameter names from `$args` (named arguments work too). */
function feelFunction<T extends (...args: never[]) => unknown>(names: string[], fn: T): T {
  return Object.assign(fn, { $args: names });
}

function matches(input: unknown, pattern: unknown, flags?: unknown): boolean | null {
  const re = regex(pattern, flags);
  return re && usable(input) ? re.matcher(input).find() : null;
}

/** XPath fn:replace: `$N` is group N (`$0` the match), `\$` and `\\` are literal. */
function replace(input: unknown, pattern: unknown, replacement: unknown, flags?: unknown): string | null {
  const re = regex(pattern, flags);
  if (!re || !usable(input) || typeof replacement !== 'string') return null;
  const matcher = re.matcher(input);
  const expand = () =>
    replacement.replace(
      /\\([\\$])|\$(\d)/g,
      (_all, escaped: string | undefined, group: string | undefined) =>
        // A group the pattern does not have stays as written, as feelin's built-in did.
        escaped ??
        (Number(group) <= matcher.groupCount() ? (matcher.group(Number(group)) ?? '') : `$${group}`),
    );
  let out = '';
  let last = 0;
  for (let from = 0; from <= input.length && matcher.find(from);) {
    const start = matcher.start();
    const end = matcher.end();
    out += input.slice(last, start) + expand();
    last = end;
    // An empty match: search on from the next character, as every regex engine does.
    from = end === start ? end + 1 : end;
  }
  return out + input.slice(last);
}

function split(input: unknown, delimiter: unknown): string[] | null {
  const re = regex(delimiter, undefined);
  return re && usable(input) ? re.split(input, -1) : null;
}

let safeFunctions: Record<string, unknown> | undefined;

/**
 * The context entries that replace feelin's built-ins, for an expression that calls one. Made on
 * first use, so importing this module runs nothing (bundlers can leave it out where unused).
 */
export function regexFunctions(): Record<string, unknown> {
  safeFunctions ??= {
    matches: feelFunction(['input', 'pattern', 'flags'], matches),
    replace: feelFunction(['input', 'pattern', 'replacement', 'flags'], replace),
    split: feelFunction(['string', 'delimiter'], split),
  };
  return safeFunctions;
}

/** Whether an expression calls one of the regular-expression functions. */
export const callsRegexFunction = (expression: string): boolean =>
  /\b(?:matches|replace|split)\s*\(/.test(expression);
