// Text that Postgres cannot store as sent, refused at the edge for every route with the field it
// is in: a NUL character (text and jsonb both refuse it, so it failed deep in a query as a 500)
// and a lone UTF-16 surrogate from a `\uD800` JSON escape (not Unicode: the driver silently
// stored U+FFFD in text columns, and jsonb refuses the escape).
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.js';
import { invalid, type FieldError } from './problem.js';

// With the `u` flag a surrogate range matches only an unpaired surrogate, never half of an emoji.
// eslint-disable-next-line no-control-regex -- finding the NUL control character is the point
const UNSTORABLE = /\u0000|[\uD800-\uDFFF]/u;
/** `text` without what Postgres cannot store: for text from the world (mail) that is kept, not refused. */
const EVERY_UNSTORABLE = new RegExp(UNSTORABLE.source, 'gu');
export const storableText = (text: string) => text.replace(EVERY_UNSTORABLE, '');

/** A JSON text that may hold either: a NUL or surrogate escape (a raw NUL is not valid JSON). */
const MAY_HOLD_UNSTORABLE = /\\u(0000|[dD][89a-fA-F])/;
/** Enough to say what is wrong; a body full of them does not need a problem document as large. */
const MAX_REPORTED = 20;

const complaint = (text: string) =>
  text.includes('\u0000')
    ? 'contains a NUL character (\\u0000), which cannot be stored'
    : 'contains a lone UTF-16 surrogate, which is not valid Unicode';

type Entry = { value: unknown; key: string; parent: Entry | undefined };

const pathOf = (entry: Entry): string => {
  const keys: string[] = [];
  for (let e: Entry | undefined = entry; e; e = e.parent) keys.push(e.key);
  return keys.reverse().join('.');
};

/**
 * Every string (object keys too) in `value` that cannot be stored, by path under `root`: a bad key
 * is reported at its object's path. Walks without recursion, so deeply nested JSON cannot
 * overflow the stack.
 */
export function unstorableText(value: unknown, root: string): FieldError[] {
  const errors: FieldError[] = [];
  const stack: Entry[] = [{ value, key: root, parent: undefined }];
  while (stack.length > 0 && errors.length < MAX_REPORTED) {
    const entry = stack.pop()!;
    const v = entry.value;
    if (typeof v === 'string') {
      if (UNSTORABLE.test(v))
        errors.push({ path: pathOf(entry), message: complaint(v), code: 'unstorable_text' });
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], key: String(i), parent: entry });
    } else if (v !== null && typeof v === 'object') {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i]!;
        if (UNSTORABLE.test(key))
          errors.push({ path: pathOf(entry), message: `a key ${complaint(key)}`, code: 'unstorable_text' });
        else stack.push({ value: (v as Record<string, unknown>)[key], key, parent: entry });
      }
    }
  }
  return errors;
}

/** Route middleware: path parameters, query parameters and a JSON body, before any validator reads them. */
export function refuseUnstorableText(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    // A repeated query parameter is an array, a single one its value (as the validators see them).
    const query = Object.fromEntries(
      Object.entries(c.req.queries()).map(([key, values]) => [key, values.length === 1 ? values[0] : values]),
    );
    const errors = [...unstorableText(c.req.param(), 'params'), ...unstorableText(query, 'query')];
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      const text = await c.req.text();
      if (MAY_HOLD_UNSTORABLE.test(text)) {
        try {
          errors.push(...unstorableText(JSON.parse(text), 'body'));
        } catch {
          // Not JSON: the route's validator answers that.
        }
      }
    }
    if (errors.length > 0) throw invalid(errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
    await next();
  };
}
