// Time on hold is waiting on the customer, not work: a task held twice (resumed once by its agent,
// once by a customer message) runs through the real engine on the in-memory runtime, and its
// stage reports elapsed, work and waiting time apart, in the ticket view and the duration report.
import type { InMemoryRuntime } from '@baton/workflows';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DurationGroup } from '../src/reports/stage-durations.js';
import { deploySupportRefunds, openTicket } from './fixtures.js';
import { createHarness, type Harness } from './harness.js';

const MIN = 60_000;
const START = Date.parse('2026-03-16T09:00:00Z');
let h: Harness;
let ticketId: string;

const ok = async (res: Response | Promise<Response>) => {
  const response = await res;
  if (response.status >= 300) throw new Error(`${response.status} ${await response.text()}`);
  return response;
};
const settled = () => (h.deps.runtime as InMemoryRuntime).settled();

type Stage = {
  taskId: string;
  totalMs: number | null;
  businessTotalMs: number | null;
  heldMs: number | null;
  businessHeldMs: number | null;
  heldSince: string | null;
};
const triage = async (): Promise<Stage> => {
  const res = await ok(h.call('agent', 'GET', `/api/tickets/${ticketId}`));
  return ((await res.json()) as { stages: Stage[] }).stages[0]!;
};

beforeAll(async () => {
  h = await createHarness({ runtime: 'in-memory', start: START });
  await deploySupportRefunds(h);
  const opened = await openTicket(h, 'agent');
  ticketId = opened.ticketId;
  const task = `/api/tasks/${opened.taskId}`;
  await ok(h.call('agent', 'POST', `${task}/claim`, {}));
  await h.clock!.advance(10 * MIN);
  await ok(h.call('agent', 'POST', `${task}/hold`, { reason: 'asked the customer for the order' }));
  await h.clock!.advance(20 * MIN);
  await ok(h.call('agent', 'POST', `${task}/resume`, {}));
  await h.clock!.advance(5 * MIN);
  await ok(h.call('agent', 'POST', `${task}/hold`, { reason: 'asked for a photo' }));
  await h.clock!.advance(30 * MIN);
  await settled();
});
afterAll(() => h?.close());

describe('time on hold', () => {
  it('shows an open stage its ended holds and the hold in progress', async () => {
    expect(await triage()).toMatchObject({
      totalMs: null,
      heldMs: 20 * MIN,
      heldSince: new Date(START + 35 * MIN).toISOString(),
    });
  });

  it('keeps both holds apart from work once the stage closes, in the ticket and the report', async () => {
    await ok(h.call('agent', 'POST', `/api/tickets/${ticketId}/messages`, { text: 'here is the photo' }));
    await h.clock!.advance(15 * MIN);
    const res = await h.call('agent', 'GET', `/api/tickets/${ticketId}`);
    const taskId = ((await res.json()) as { openTasks: { id: string }[] }).openTasks[0]!.id;
    await ok(h.call('agent', 'POST', `/api/tasks/${taskId}/complete`, { outcome: 'solved' }));
    await settled();

    const stage = await triage();
    expect(stage).toMatchObject({ totalMs: 80 * MIN, heldMs: 50 * MIN, heldSince: null });
    expect(stage.businessHeldMs).toBeGreaterThan(0);
    expect(stage.businessHeldMs).toBeLessThanOrEqual(stage.businessTotalMs!);

    const report = async (query: string) => {
      const response = await ok(
        h.call(
          'manager',
          'GET',
          `/api/reports/stage-durations?range=custom&from=2026-03-16&to=2026-03-16&${query}`,
        ),
      );
      const body = (await response.json()) as { measure: string; groups: DurationGroup[] };
      return { measure: body.measure, support: body.groups.find((g) => g.department === 'support')! };
    };
    const elapsed = await report('');
    expect(elapsed.measure).toBe('elapsed');
    expect(elapsed.support).toMatchObject({ count: 1, meanMs: 80 * MIN });
    const work = await report('measure=work');
    const waiting = await report('measure=waiting');
    expect(work.support).toMatchObject({ count: 1, meanMs: 30 * MIN });
    expect(waiting.support).toMatchObject({ count: 1, meanMs: 50 * MIN });
    expect(work.support.meanMs).toBeLessThan(elapsed.support.meanMs);
    // Business time: work and waiting add up to the elapsed business time.
    const [businessElapsed, businessWork, businessWaiting] = await Promise.all(
      ['elapsed', 'work', 'waiting'].map((measure) => report(`clock=business&measure=${measure}`)),
    );
    expect(businessWaiting!.support.meanMs).toBe(stage.businessHeldMs);
    expect(businessWork!.support.meanMs + businessWaiting!.support.meanMs).toBe(
      businessElapsed!.support.meanMs,
    );
    expect((await h.call('manager', 'GET', '/api/reports/stage-durations?measure=idle')).status).toBe(422);

    // The flow heatmap measures the same way.
    const detail = (await (await h.call('agent', 'GET', `/api/tickets/${ticketId}`)).json()) as {
      flowVersionId: string;
    };
    const heat = async (measure: string) => {
      const response = await ok(
        h.call(
          'manager',
          'GET',
          `/api/flow-versions/${detail.flowVersionId}/heatmap?range=custom&from=2026-03-16&to=2026-03-16&measure=${measure}`,
        ),
      );
      const { elements } = (await response.json()) as { elements: { elementId: string; p50Ms: number }[] };
      return elements.find((e) => e.elementId === 'Task_Triage')!.p50Ms;
    };
    expect([await heat('elapsed'), await heat('work'), await heat('waiting')]).toEqual([
      80 * MIN,
      30 * MIN,
      50 * MIN,
    ]);
  });
});
