// What an attacker or a broken client puts into a request: injection strings (SQL, FEEL, HTML and
// script, path traversal, header CRLF), text Postgres or JSON cannot hold (NUL, lone surrogates),
// odd numbers, malformed JSON, media types the API does not take, and JSON nested 10,000 deep.
// Plain data and pure builders; fuzz-requests.ts decides where they go.

export const NUL = '\u0000';
export const LONE_SURROGATE = '\ud800';

/** Strings for any text input: each is refused or stored verbatim, never run or reflected raw. */
export const HOSTILE_STRINGS: readonly string[] = [
  // SQL
  "' or '1'='1",
  "'; drop table tickets; --",
  '") or 1=1 --',
  "1' union select password_hash from users --",
  '%',
  '_',
  "\\'",
  '$1',
  // FEEL and template languages (conditions are FEEL; nothing may evaluate request text)
  'outcome = "refund" or true',
  '${7*7}',
  '{{7*7}}',
  'count(for i in 1..2000000 return i)',
  'matches("aaaaaaaaaaaaaaaaaaaaaaaaa!", "(a+)+$")',
  // HTML and script
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '<!--',
  ']]><x>',
  '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
  // path traversal
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2f',
  '....//....//',
  '/api/users',
  '.',
  '..',
  // header CRLF
  'x\r\nSet-Cookie: baton_session=evil',
  'x\r\n\r\n<html>',
  '%0d%0aSet-Cookie:%20x=1',
  // text Postgres or JSON cannot hold
  `a${NUL}b`,
  `a${LONE_SURROGATE}b`,
  '\udc00',
  `${NUL}`,
  // odd but valid Unicode
  '\u202egnp.exe',
  '\u200b\u200d\ufeff',
  '\u2028\u2029',
  'Zurück 退款 🎫 👨‍👩‍👧',
  'é'.normalize('NFD').repeat(50),
  // prototype keys, JSON-ish and empty
  '__proto__',
  'constructor',
  'null',
  'undefined',
  'NaN',
  '',
  ' ',
  '\t\n',
  '%s%s%s%n',
  'x'.repeat(10_000),
];

/** Numbers (and numbers as other types) for numeric inputs. */
export const ODD_NUMBERS: readonly unknown[] = [
  0,
  -1,
  1.5,
  1e-7,
  2 ** 31,
  2 ** 53 + 2,
  1e308,
  -1e308,
  '1',
  '0x10',
  'NaN',
  null,
  true,
];

/** Query values for integer parameters. */
export const ODD_NUMBER_TEXT: readonly string[] = [
  '0',
  '-1',
  '1.5',
  '1e309',
  'NaN',
  'Infinity',
  '0x1f',
  ' 5',
  '5abc',
  '+5',
  '9'.repeat(400),
  '',
];

/** Date-ish text for the report ranges (`from`, `to`). */
export const ODD_DATES: readonly string[] = [
  '2026-02-30',
  '2026-13-01',
  '0000-01-01',
  '9999-12-31',
  '+275760-09-13T00:00:00Z',
  '-271821-04-20',
  '275760-09-14',
  '1970-01-01T00:00:00+25:00',
  '2026-03-29T02:30:00',
  '2026-01-01T00:00:00.000000001Z',
  '2026-W10',
  '2026-03-16/2026-03-17',
  'yesterday',
  '1e12',
  '-1',
];

/** Values of another type than a field's, for any field. */
export const WRONG_TYPES: readonly unknown[] = [
  42,
  -1,
  1.5,
  true,
  false,
  null,
  [],
  {},
  '42',
  'x',
  [1, 'a', null],
  { $gt: '' },
  { __proto__x: 1 },
  [[[]]],
];

/** Keys a client should not be able to slip in. */
export const EXTRA_KEYS: readonly string[] = [
  '__proto__',
  'constructor',
  'prototype',
  'isAdmin',
  'roles',
  'id',
  'status',
  'assigneeId',
  'createdBy',
  '$where',
  '',
  'a'.repeat(300),
];

/** Bodies that are not JSON, or JSON that a strict parser refuses. */
export const MALFORMED_JSON: readonly (string | Buffer)[] = [
  '{',
  '{"a":',
  '{"a":1,}',
  "{'a':1}",
  'nul',
  '[1,2',
  '{"a":1}}',
  '{"a":1}garbage',
  '\u0000',
  'undefined',
  '{"a":NaN}',
  '{"a":Infinity}',
  '{"a":01}',
  '{"a":"\\x41"}',
  '{"a":"\\u00"}',
  '\ufeff{}',
  ' ',
  '"just a string"',
  '12',
  'true',
  'null',
  '[]',
  '{"a":"b","a":"c"}',
  '{"__proto__":{"isAdmin":true}}',
  // invalid UTF-8: a lone continuation byte, an overlong slash, a CESU-8 surrogate
  Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0x80, 0x22, 0x7d]),
  Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc0, 0xaf, 0x22, 0x7d]),
  Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d]),
  Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]),
];

/** Content-Type values the API does not parse as JSON (undefined: no header at all). */
export const BAD_CONTENT_TYPES: readonly (string | undefined)[] = [
  undefined,
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/json; charset=utf-16',
  'application/jsonx',
  'application/vnd.api+json',
  'application/json, text/plain',
  '*/*',
  'application/json;;;',
  'APPLICATION/JSON',
  '',
];

/** Query strings that a parser must survive (appended after `?`). */
export const ODD_QUERIES: readonly string[] = [
  '%',
  '%ZZ',
  'q=%E0%A4%A',
  'q=%C0%AF',
  'q=%ED%A0%80',
  'limit',
  'limit=',
  '=1',
  '&&&',
  '__proto__=1&constructor=x',
  'q[]=x&q[]=y',
  'q[a]=1',
  `q=${'a'.repeat(8_000)}`,
];

/** JSON text nested `depth` levels deep: arrays or objects, with `leaf` at the bottom. */
export function deepJson(depth: number, shape: 'array' | 'object', leaf = '1'): string {
  return shape === 'array'
    ? `${'['.repeat(depth)}${leaf}${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}${leaf}${'}'.repeat(depth)}`;
}

/**
 * Percent-encodes a path or query value as its bytes: UTF-8, and a lone surrogate as the three
 * bytes WTF-8 gives it (encodeURIComponent throws on one), which a UTF-8 decoder must refuse.
 */
export function percentEncode(value: string): string {
  let out = '';
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff) {
      out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    } else out += encodeURIComponent(char);
  }
  return out;
}

/** Inserts `"key": <valueJson>` as the first member of a JSON object's text (which JSON.stringify cannot do for `__proto__`). */
export function withFirstMember(objectJson: string, key: string, valueJson: string): string {
  const member = `${JSON.stringify(key)}:${valueJson}`;
  return objectJson === '{}' ? `{${member}}` : `{${member},${objectJson.slice(1)}`;
}
