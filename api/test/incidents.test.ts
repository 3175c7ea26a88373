// Incidents over HTTP (in-memory runtime): a condition that fails to evaluate stops the ticket
// with an incident the detail and the owners' list show, which an owner resolves by retrying
// with corrected fields, or anyone who may cancel by cancelling.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, problemOf, type Harness } from './harness.js';

const XML = readFileSync(new URL('./flows/amount-gateway.bpmn', import.meta.url), 'utf8');
const START = Date.parse('2026-03-16T09:00:00Z');
let h: Harness;

type Incident = {
  id: string;
  elementId: string;
  flowId: string | null;
  expression: string | null;
  error: string;
  at: string;
};
type Detail = {
  id: string;
  status: string;
  fields: Record<string, unknown>;
  openTasks: { elementId: string }[];
  timeline: { type: string; data: Record<string, unknown> }[];
  incidents: Incident[];
};
type IncidentList = { items: (Incident & { ticket: { id: string; number: number; title: string } })[] };

beforeAll(async () => {
  h = await createHarness({ runtime: 'in-memory', start: START });
  const created = await h.call('owner', 'POST', '/api/ticket-types', {
    id: 'refund-by-amount',
    name: 'Refund by amount',
    fields: [
      { key: 'orderNumber', label: 'Order number', type: 'text', required: true },
      { key: 'amount', label: 'Amount', type: 'number' },
    ],
    defaults: { category: 'refund' },
  });
  expect(created.status).toBe(201);
  expect((await h.call('owner', 'PUT', '/api/ticket-types/refund-by-amount/flow', { xml: XML })).status).toBe(
    200,
  );
  expect((await h.call('owner', 'POST', '/api/ticket-types/refund-by-amount/flow/deploy', {})).status).toBe(
    201,
  );
});
afterAll(() => h?.close());

const json = async <T>(res: Response, status = 200): Promise<T> => {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
};

const newTicket = (fields: Record<string, unknown>, title = 'Refund') =>
  h
    .call('agent', 'POST', '/api/tickets', {
      typeId: 'refund-by-amount',
      title,
      fields,
      customer: { name: 'Ada', email: 'ada@example.test' },
    })
    .then((res) => json<Detail>(res, 201));

const retry = (
  ticketId: string,
  incidentId: string,
  body: unknown = {},
  person: 'owner' | 'admin' | 'agent' = 'owner',
) => h.call(person, 'POST', `/api/tickets/${ticketId}/incidents/${incidentId}/retry`, body);

const detail = (ticketId: string) =>
  h.call('owner', 'GET', `/api/tickets/${ticketId}`).then((r) => json<Detail>(r));

describe('a gateway condition that fails to evaluate', () => {
  it('stops the ticket with an incident the detail shows (element, flow, expression, error) and the timeline records', async () => {
    const ticket = await newTicket({ orderNumber: 'A-1' });
    expect(ticket.status).not.toBe('done');
    expect(ticket.openTasks).toEqual([]);
    expect(ticket.incidents).toEqual([
      {
        id: 'i1',
        elementId: 'Gateway_Amount',
        flowId: 'Flow_Large',
        expression: 'amount > 100',
        error: expect.stringMatching(/Flow_Large.*null/),
        at: new Date(START).toISOString(),
      },
    ]);
    expect(ticket.timeline.map((e) => e.type)).toContain('incident.opened');
    // A condition that does evaluate routes as before.
    const small = await newTicket({ orderNumber: 'A-2', amount: 20 });
    expect(small.incidents).toEqual([]);
    expect(small.openTasks.map((t) => t.elementId)).toEqual(['Task_Small']);
  });

  it('lists open incidents for process owners and admins, newest first; agents get 403', async () => {
    const first = await newTicket({ orderNumber: 'B-1' }, 'first');
    h.clock!.advance(1000);
    const second = await newTicket({ orderNumber: 'B-2' }, 'second');
    const list = await json<IncidentList>(await h.call('owner', 'GET', '/api/incidents'));
    const ids = list.items.map((i) => i.ticket.id);
    expect(ids.indexOf(second.id)).toBeLessThan(ids.indexOf(first.id));
    expect(ids.indexOf(first.id)).toBeGreaterThanOrEqual(0);
    expect(list.items.find((i) => i.ticket.id === second.id)).toMatchObject({
      id: 'i1',
      elementId: 'Gateway_Amount',
      expression: 'amount > 100',
      ticket: { title: 'second' },
    });
    expect((await h.call('admin', 'GET', '/api/incidents')).status).toBe(200);
    const refused = await h.call('agent', 'GET', '/api/incidents');
    expect(refused.status).toBe(403);
  });

  it('retried with corrected fields takes the path they call for, saves them and leaves the list', async () => {
    const ticket = await newTicket({ orderNumber: 'C-1' });
    const retried = await json<Detail>(await retry(ticket.id, 'i1', { fields: { amount: 150 } }));
    expect(retried.incidents).toEqual([]);
    expect(retried.openTasks.map((t) => t.elementId)).toEqual(['Task_Large']);
    expect(retried.fields).toEqual({ orderNumber: 'C-1', amount: 150 });
    expect(retried.timeline.map((e) => e.type)).toEqual(
      expect.arrayContaining(['incident.retried', 'incident.resolved', 'stage.opened']),
    );
    const list = await json<IncidentList>(await h.call('owner', 'GET', '/api/incidents'));
    expect(list.items.map((i) => i.ticket.id)).not.toContain(ticket.id);
  });

  it('a retry that fails again opens a new incident; 409 for the resolved one, 404 for one never raised', async () => {
    const ticket = await newTicket({ orderNumber: 'D-1' });
    const again = await json<Detail>(await retry(ticket.id, 'i1', {}, 'admin'));
    expect(again.incidents.map((i) => i.id)).toEqual(['i2']);
    const resolved = await retry(ticket.id, 'i1', { fields: { amount: 5 } });
    expect(resolved.status).toBe(409);
    expect((await problemOf(resolved)).detail).toMatch(/already resolved/);
    const unknown = await retry(ticket.id, 'i7');
    expect(unknown.status).toBe(404);
    await problemOf(unknown);
    expect((await detail(ticket.id)).incidents.map((i) => i.id)).toEqual(['i2']);
  });

  it('checks the fields by the form rule, naming each by its body path, and changes nothing', async () => {
    const ticket = await newTicket({ orderNumber: 'E-1' });
    const res = await retry(ticket.id, 'i1', { fields: { amount: 'lots', colour: 'red' } });
    expect(res.status).toBe(422);
    const problem = await problemOf(res);
    expect((problem as { errors?: { path: string }[] }).errors?.map((e) => e.path).sort()).toEqual([
      'body.fields.amount',
      'body.fields.colour',
    ]);
    const after = await detail(ticket.id);
    expect(after.incidents.map((i) => i.id)).toEqual(['i1']);
    expect(after.fields).toEqual({ orderNumber: 'E-1' });
  });

  it('is not for agents (403), and cancelling the ticket closes its incident', async () => {
    const ticket = await newTicket({ orderNumber: 'F-1' });
    const refused = await retry(ticket.id, 'i1', { fields: { amount: 150 } }, 'agent');
    expect(refused.status).toBe(403);
    expect((await detail(ticket.id)).incidents.map((i) => i.id)).toEqual(['i1']);
    const cancelled = await json<Detail>(
      await h.call('manager', 'POST', `/api/tickets/${ticket.id}/cancel`, {}),
    );
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.incidents).toEqual([]);
    expect(cancelled.timeline.find((e) => e.type === 'incident.resolved')?.data).toEqual({
      incidentId: 'i1',
      resolution: 'closed',
    });
    const list = await json<IncidentList>(await h.call('owner', 'GET', '/api/incidents'));
    expect(list.items.map((i) => i.ticket.id)).not.toContain(ticket.id);
    expect((await retry(ticket.id, 'i1')).status).toBe(409);
  });
});
