// Every operation of /api/openapi.json, probed at each of its inputs: a NUL byte (which Postgres
// cannot store in text) or a lone UTF-16 surrogate (not Unicode) in a path parameter, a query
// parameter or any string of a JSON body, nested or a key, is refused with 422 naming that field;
// a request without a body is accepted where every body field is optional and refused with 400
// naming `body` where not. Never a 5xx, and no refused request changes a row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploySupportRefunds, openTicket } from './fixtures.js';
import { createHarness, problemOf, type Harness } from './harness.js';
import {
  fillPath,
  operationsOf,
  resolveIn,
  sampleOf,
  type Document,
  type Operation,
  type Schema,
} from './openapi-document.js';
import { tableDigests } from './table-digest.js';

let h: Harness;
let doc: Document;

beforeAll(async () => {
  h = await createHarness({ runtime: 'in-memory' });
  await deploySupportRefunds(h);
  doc = (await (await h.call(null, 'GET', '/api/openapi.json')).json()) as Document;
});
afterAll(() => h?.close());

const operations = () => operationsOf(doc);
const resolve = (schema: Schema) => resolveIn(doc, schema);
const sample = (schema: Schema) => sampleOf(doc, schema);

type Leaf = { path: string[]; kind: 'value' | 'key' };

/** Every string of a JSON value, by path (`key`: the last key of an object, at its object's path). */
function strings(value: unknown, path: string[] = []): Leaf[] {
  if (typeof value === 'string') return [{ path, kind: 'value' }];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, [...path, String(i)]));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => [
      { path: [...path, k], kind: 'key' as const },
      ...strings(v, [...path, k]),
    ]);
  return [];
}

/** A copy of `value` with the string (or key) at `leaf` made hostile. */
function poison(value: unknown, leaf: Leaf, bad: string): unknown {
  const copy = structuredClone(value) as Record<string, unknown>;
  const parentPath = leaf.path.slice(0, -1);
  const last = leaf.path.at(-1)!;
  let parent: Record<string, unknown> = copy;
  for (const key of parentPath) parent = parent[key] as Record<string, unknown>;
  if (leaf.kind === 'key') {
    parent[`${last}${bad}`] = parent[last];
    delete parent[last];
  } else parent[last] = `a${bad}b`;
  return copy;
}

type Probe = { name: string; method: string; url: string; body?: string; field: string };

const NUL = '\u0000';
const SURROGATE = '\ud800';

function probes(): Probe[] {
  const list: Probe[] = [];
  for (const { method, path, op } of operations()) {
    const params = op.parameters ?? [];
    const schema = op.requestBody?.content['application/json'].schema;
    const body = schema ? sample(schema) : undefined;
    const json = body === undefined ? undefined : JSON.stringify(body);
    for (const p of params.filter((q) => q.in === 'path')) {
      list.push({
        name: `${method} ${path}: NUL in path parameter ${p.name}`,
        method,
        url: fillPath(path, { [p.name]: `a${NUL}b` }),
        ...(json === undefined ? {} : { body: json }),
        field: `params.${p.name}`,
      });
    }
    for (const p of params.filter((q) => q.in === 'query')) {
      list.push({
        name: `${method} ${path}: NUL in query parameter ${p.name}`,
        method,
        url: `${fillPath(path, {})}?${p.name}=${encodeURIComponent(`a${NUL}b`)}`,
        ...(json === undefined ? {} : { body: json }),
        field: `query.${p.name}`,
      });
    }
    for (const leaf of strings(body)) {
      for (const [what, bad] of [
        ['NUL', NUL],
        ['a lone surrogate', SURROGATE],
      ] as const) {
        list.push({
          name: `${method} ${path}: ${what} in body ${leaf.kind} ${leaf.path.join('.')}`,
          method,
          url: fillPath(path, {}),
          body: JSON.stringify(poison(body, leaf, bad)),
          field: ['body', ...(leaf.kind === 'key' ? leaf.path.slice(0, -1) : leaf.path)].join('.'),
        });
      }
    }
  }
  return list;
}

describe('hostile text at the edge', () => {
  it('refuses a NUL byte or a lone surrogate in any input of any operation with 422 naming the field', async () => {
    const list = probes();
    // Every operation with an input is probed: 46 operations, one without any input (logout) and
    // a few whose only input is the caller.
    expect(new Set(list.map((p) => `${p.method} ${p.url.split('?')[0]}`)).size).toBeGreaterThan(30);
    const before = await tableDigests(h.t.pool);
    const failures: string[] = [];
    for (const probe of list) {
      const res = await h.call(
        'admin',
        probe.method,
        probe.url,
        probe.body,
        probe.body === undefined ? {} : { 'content-type': 'application/json' },
      );
      const text = await res.text();
      let named = false;
      try {
        const problem = JSON.parse(text) as { code?: string; errors?: { path: string }[] };
        named = problem.code === 'validation-failed' && !!problem.errors?.some((e) => e.path === probe.field);
      } catch {
        // not JSON: a failure below
      }
      if (res.status !== 422 || !named) failures.push(`${probe.name}: ${res.status} ${text.slice(0, 300)}`);
    }
    expect(failures).toEqual([]);
    expect(await tableDigests(h.t.pool)).toEqual(before);
  });

  it('refuses a NUL in the path of a request sent with an Idempotency-Key', async () => {
    const res = await h.call(
      'admin',
      'POST',
      `/api/tasks/${encodeURIComponent('a\u0000b')}/claim`,
      {},
      {
        'idempotency-key': 'nul-path',
      },
    );
    const problem = await problemOf(res);
    expect([problem.status, problem.errors?.map((e) => e.path)]).toEqual([422, ['params.id']]);
    // The answer kept for the key names the path as sent; so does the 404 of an unknown route.
    const unknown = await h.call('admin', 'POST', '/api/nope%00', {}, { 'idempotency-key': 'nul-route' });
    expect([unknown.status, (await problemOf(unknown)).detail]).toEqual([404, 'no route POST /api/nope%00']);
  });

  it('keeps text with ordinary non-ASCII characters and emoji', async () => {
    const res = await h.call('agent', 'POST', '/api/tickets', {
      typeId: 'refund-request',
      title: 'Zurück 退款 🎫',
      fields: { orderNumber: '№ 1' },
    });
    expect(res.status).toBe(201);
  });
});

describe('requests without a body', () => {
  const mutations = () =>
    operations().filter(({ method, op }) => ['POST', 'PUT', 'PATCH'].includes(method) && op.requestBody);
  const optional = (op: Operation) =>
    (resolve(op.requestBody!.content['application/json'].schema).required ?? []).length === 0;

  it('answers 400 naming the body where it has required fields, and never a 5xx', async () => {
    const failures: string[] = [];
    for (const { method, path, op } of mutations()) {
      for (const [what, headers] of [
        ['no body', {}],
        ['an empty JSON body', { 'content-type': 'application/json' }],
      ] as const) {
        const res = await h.app.request(fillPath(path, {}), {
          method,
          headers: { authorization: `Bearer ${h.tokens.admin}`, ...headers },
        });
        const text = await res.text();
        const problem = JSON.parse(text || '{}') as { code?: string; errors?: { path: string }[] };
        const bodyRefused = res.status === 400 && !!problem.errors?.some((e) => e.path === 'body');
        // An optional body may still be refused for other reasons (an unknown id, 404), never for its absence.
        const ok = optional(op)
          ? res.status < 500 && ![400, 415, 422].includes(res.status)
          : bodyRefused && problem.code === 'bad-request';
        if (!ok) failures.push(`${method} ${path} with ${what}: ${res.status} ${text.slice(0, 300)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('claims, resumes and completes a task sent without a body', async () => {
    const { taskId } = await openTicket(h, 'agent');
    const post = (action: string, headers: Record<string, string> = {}) =>
      h.app.request(`/api/tasks/${taskId}/${action}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${h.tokens.agent}`, ...headers },
      });
    expect((await post('claim')).status).toBe(200);
    expect((await h.call('agent', 'POST', `/api/tasks/${taskId}/hold`, { reason: 'waiting' })).status).toBe(
      200,
    );
    expect((await post('resume', { 'content-type': 'application/json' })).status).toBe(200);
    const hold = await post('hold');
    expect([hold.status, (await problemOf(hold)).errors?.map((e) => e.path)]).toEqual([400, ['body']]);
  });
});
