// An incident on a real Temporal server: the retry goes through the workflow's update path
// (retryIncident) like every other action, and the read model hears of it like any step.
import { readFileSync } from 'node:fs';
import { createActivities, TemporalRuntime } from '@baton/workflows';
import { realTemporal, skipWithoutTemporal } from '@baton/workflows/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, problemOf, type Harness } from './harness.js';

const XML = readFileSync(new URL('./flows/amount-gateway.bpmn', import.meta.url), 'utf8');
const skip = skipWithoutTemporal('api/test/temporal-incidents.test.ts');

type Detail = {
  id: string;
  live: boolean;
  openTasks: { elementId: string }[];
  incidents: { id: string; elementId: string; flowId: string | null; expression: string | null }[];
};

describe.skipIf(skip)('incidents on a real Temporal server', () => {
  let h: Harness;

  beforeAll(async () => {
    const server = realTemporal();
    if (!('address' in server)) throw new Error(server.skipReason);
    const taskQueue = `baton-api-incidents-${process.pid}-${Date.now()}`;
    h = await createHarness({
      runtime: async (t) => {
        const log = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
        return TemporalRuntime.connect({
          address: server.address,
          namespace: 'default',
          taskQueue,
          activities: createActivities({ db: t.db, log }),
          log,
        });
      },
    });
    await h.call('owner', 'POST', '/api/ticket-types', {
      id: 'refund-by-amount',
      name: 'Refund by amount',
      fields: [
        { key: 'orderNumber', label: 'Order number', type: 'text', required: true },
        { key: 'amount', label: 'Amount', type: 'number' },
      ],
    });
    await h.call('owner', 'PUT', '/api/ticket-types/refund-by-amount/flow', { xml: XML });
    expect((await h.call('owner', 'POST', '/api/ticket-types/refund-by-amount/flow/deploy', {})).status).toBe(
      201,
    );
  }, 120_000);
  afterAll(() => h?.close());

  const json = async <T>(res: Response, status = 200): Promise<T> => {
    if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${await res.text()}`);
    return (await res.json()) as T;
  };

  it('raises the incident, lists it, and a retry with the corrected amount takes the large-refund path', async () => {
    const ticket = await json<Detail>(
      await h.call('agent', 'POST', '/api/tickets', {
        typeId: 'refund-by-amount',
        title: 'No amount',
        fields: { orderNumber: 'T-1' },
      }),
      201,
    );
    expect(ticket.openTasks).toEqual([]);
    expect(ticket.incidents).toEqual([
      expect.objectContaining({
        id: 'i1',
        elementId: 'Gateway_Amount',
        flowId: 'Flow_Large',
        expression: 'amount > 100',
      }),
    ]);
    const list = await json<{ items: { ticket: { id: string } }[] }>(
      await h.call('owner', 'GET', '/api/incidents'),
    );
    expect(list.items.map((i) => i.ticket.id)).toContain(ticket.id);

    const retried = await json<Detail>(
      await h.call('owner', 'POST', `/api/tickets/${ticket.id}/incidents/i1/retry`, {
        fields: { amount: 150 },
      }),
    );
    expect(retried.live).toBe(true);
    expect(retried.incidents).toEqual([]);
    expect(retried.openTasks.map((t) => t.elementId)).toEqual(['Task_Large']);

    const again = await h.call('owner', 'POST', `/api/tickets/${ticket.id}/incidents/i1/retry`, {});
    expect(again.status).toBe(409);
    await problemOf(again);
  }, 60_000);
});
