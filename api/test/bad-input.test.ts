// Hostile and sloppy input: malformed JSON, wrong types, unknown fields, oversized bodies and
// SQL-looking strings get 4xx problem documents — never a 5xx — and change no row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploySupportRefunds, openTicket } from './fixtures.js';
import { createHarness, problemOf, type Harness } from './harness.js';
import { tableDigests } from './table-digest.js';

let h: Harness;
let ticket: { ticketId: string; taskId: string };

beforeAll(async () => {
  h = await createHarness({ runtime: 'in-memory' });
  await deploySupportRefunds(h);
  ticket = await openTicket(h, 'agent');
});
afterAll(() => h?.close());

const SQLISH = ["' or '1'='1", '1; drop table tickets; --', '") or 1=1 --', '%', "\\'"];

type Probe = {
  name: string;
  method: string;
  path: string;
  body?: string | unknown;
  status?: number;
  contentType?: string;
};

function probes(): Probe[] {
  const { ticketId, taskId } = ticket;
  const mutations: [string, string][] = [
    ['POST', '/api/tickets'],
    ['POST', `/api/tickets/${ticketId}/messages`],
    ['POST', `/api/tickets/${ticketId}/cancel`],
    ['POST', `/api/tasks/${taskId}/claim`],
    ['POST', `/api/tasks/${taskId}/complete`],
    ['POST', `/api/tasks/${taskId}/transfer`],
    ['POST', `/api/tasks/${taskId}/hold`],
    ['POST', `/api/tasks/${taskId}/extension-requests`],
    ['POST', '/api/departments'],
    ['POST', '/api/users'],
    ['POST', '/api/calendars'],
    ['POST', '/api/ticket-types'],
    ['PUT', '/api/ticket-types/refund-request/flow'],
    ['POST', '/api/me/tokens'],
    ['POST', '/api/auth/login'],
  ];
  const list: Probe[] = [];
  for (const [method, path] of mutations) {
    list.push({
      name: `${method} ${path}: malformed JSON`,
      method,
      path,
      body: '{"title": "x",',
      status: 400,
    });
    list.push({ name: `${method} ${path}: JSON array`, method, path, body: '[1,2,3]', status: 422 });
    list.push({
      name: `${method} ${path}: unknown field`,
      method,
      path,
      body: { __proto__x: 1, injected: "'; drop table users; --" },
      status: 422,
    });
    list.push({
      name: `${method} ${path}: wrong types`,
      method,
      path,
      body: {
        title: 42,
        typeId: [],
        reason: {},
        text: false,
        outcome: 7,
        department: 1,
        xml: 5,
        name: null,
        email: 1,
        extendByMinutes: 'ten',
      },
      status: 422,
    });
    list.push({
      name: `${method} ${path}: oversized`,
      method,
      path,
      body: { text: 'x'.repeat(6 * 1024 * 1024) },
      status: 413,
    });
    list.push({
      name: `${method} ${path}: wrong content type`,
      method,
      path,
      body: 'text=hello',
      contentType: 'text/plain',
    });
  }
  for (const s of SQLISH) {
    const e = encodeURIComponent(s);
    list.push({ name: `ticket id ${s}`, method: 'GET', path: `/api/tickets/${e}`, status: 404 });
    list.push({
      name: `task id ${s}`,
      method: 'POST',
      path: `/api/tasks/${e}.x/claim`,
      body: {},
      status: 404,
    });
    list.push({
      name: `extension id ${s}`,
      method: 'POST',
      path: `/api/extension-requests/${e}/grant`,
      body: {},
      status: 404,
    });
    list.push({ name: `status filter ${s}`, method: 'GET', path: `/api/tickets?status=${e}`, status: 422 });
    list.push({ name: `limit ${s}`, method: 'GET', path: `/api/tickets?limit=${e}`, status: 422 });
    list.push({
      name: `report range ${s}`,
      method: 'GET',
      path: `/api/reports/stage-durations?range=custom&from=${e}&to=2026-01-01`,
      status: 422,
    });
    list.push({
      name: `typeId ${s}`,
      method: 'POST',
      path: '/api/tickets',
      body: { typeId: s, title: 't' },
      status: 422,
    });
    list.push({
      name: `ticket type id ${s}`,
      method: 'POST',
      path: '/api/ticket-types',
      body: { id: s, name: 'n' },
      status: 422,
    });
    list.push({
      name: `transfer target ${s}`,
      method: 'POST',
      path: `/api/tasks/${ticket.taskId}/transfer`,
      body: { department: s },
      status: 422,
    });
    list.push({
      name: `department key ${s}`,
      method: 'POST',
      path: '/api/departments',
      body: { key: s, name: 'n' },
      status: 422,
    });
    list.push({
      name: `calendar zone ${s}`,
      method: 'POST',
      path: '/api/calendars',
      body: { key: 'c', name: 'c', spec: { timeZone: s, week: {} } },
      status: 422,
    });
  }
  list.push({
    name: 'priority out of range',
    method: 'POST',
    path: '/api/tickets',
    body: { typeId: 'refund-request', title: 't', priority: 'critical', fields: { orderNumber: '1' } },
    status: 422,
  });
  list.push({
    name: 'huge number',
    method: 'POST',
    path: `/api/tasks/${ticket.taskId}/extension-requests`,
    body: { extendByMinutes: 1e300, reason: 'r' },
    status: 422,
  });
  list.push({
    name: 'negative number',
    method: 'POST',
    path: `/api/tasks/${ticket.taskId}/extension-requests`,
    body: { extendByMinutes: -5, reason: 'r' },
    status: 422,
  });
  list.push({
    name: 'outcome not offered',
    method: 'POST',
    path: `/api/tasks/${ticket.taskId}/complete`,
    body: { outcome: "refund' --" },
    status: 422,
  });
  list.push({
    name: 'not a BPMN file',
    method: 'POST',
    path: '/api/ticket-types/refund-request/flow/validate',
    body: { xml: '<x><<' },
    status: 200,
  });
  return list;
}

describe('bad input', () => {
  it('answers every probe with a 4xx problem document and changes nothing', async () => {
    const before = await tableDigests(h.t.pool);
    const failures: string[] = [];
    for (const probe of probes()) {
      const headers: Record<string, string> = { 'content-type': probe.contentType ?? 'application/json' };
      const res = await h.call('admin', probe.method, probe.path, probe.body, headers);
      const expected = probe.status;
      const problemOk =
        res.status === 200 || (res.headers.get('content-type') ?? '').startsWith('application/problem+json');
      const statusOk =
        expected === undefined ? res.status >= 400 && res.status < 500 : res.status === expected;
      if (!statusOk || !problemOk)
        failures.push(`${probe.name}: ${res.status} ${(await res.text()).slice(0, 200)}`);
      else await res.body?.cancel();
    }
    expect(failures).toEqual([]);
    expect(await tableDigests(h.t.pool)).toEqual(before);
  });

  it('names the offending fields', async () => {
    const problem = await problemOf(
      await h.call('admin', 'POST', '/api/tickets', { typeId: 'refund-request', title: 7, colour: 'red' }),
    );
    expect(problem.errors?.map((e) => e.path).sort()).toEqual(['body', 'body.title']);
    expect(JSON.stringify(problem)).not.toMatch(/stack|at .*\.ts/);
  });

  it('stores SQL-looking text verbatim where text is allowed', async () => {
    const title = "Robert'); drop table tickets; --";
    const res = await h.call('agent', 'POST', '/api/tickets', {
      typeId: 'refund-request',
      title,
      fields: { orderNumber: "1' or '1'='1" },
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const { rows } = await h.t.pool.query('select title, fields from tickets where id = $1', [id]);
    expect(rows[0]).toEqual({ title, fields: { orderNumber: "1' or '1'='1" } });
  });
});
