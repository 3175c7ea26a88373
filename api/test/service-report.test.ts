// The service report (ticket sources, first-contact resolution, handling time) against
// hand-computed figures on tickets and stages inserted directly, and a manager of one department
// seeing only that department's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertStages, insertTicket, insertTicketType } from './fixtures.js';
import { createHarness, type Harness } from './harness.js';
import { idleRuntime } from './idle-runtime.js';

const MIN = 60_000;
const RANGE = '/api/reports/service?range=custom&from=2026-03-10&to=2026-03-11';
let h: Harness;

type Service = {
  sources: { source: string; tickets: number; share: number | null }[];
  firstContact: {
    overall: { done: number; firstContact: number; rate: number | null };
    departments: { department: string | null; done: number; firstContact: number; rate: number | null }[];
  };
  handling: {
    departments: {
      department: string | null;
      stages: number;
      meanWorkMs: number;
      meanBusinessWorkMs: number;
    }[];
    agents: {
      department: string | null;
      userId: string;
      stages: number;
      meanWorkMs: number;
      meanBusinessWorkMs: number;
    }[];
  };
};

const at = (iso: string) => new Date(iso);
const done = (closedAt: string) => ({ finished: { status: 'done' as const, closedAt: at(closedAt) } });

beforeAll(async () => {
  h = await createHarness({
    runtime: idleRuntime(),
    config: { now: () => Date.parse('2026-03-15T12:00:00Z') },
  });
  await insertTicketType(h);
  // The refunds manager answers for refunds only (the default covers every department).
  await h.t.pool.query("update users set manager_scope = 'memberships' where id = $1", [h.ids.otherManager]);

  // f1, from a web form: two support stages, no handoff — a first-contact resolution of support.
  await insertTicket(h, 'f1', {
    source: 'form',
    createdAt: at('2026-03-10T08:55:00Z'),
    ...done('2026-03-10T10:30:00Z'),
  });
  // f2, from a web form, with no stage yet: counted only where every ticket is (unscoped).
  await insertTicket(h, 'f2', { source: 'form', createdAt: at('2026-03-10T16:00:00Z') });
  // h1, by mail: support handed it off to refunds, which closed it — not first contact; support's.
  await insertTicket(h, 'h1', {
    source: 'email',
    createdAt: at('2026-03-10T08:50:00Z'),
    ...done('2026-03-10T11:30:00Z'),
  });
  // r1, through the API: refunds alone.
  await insertTicket(h, 'r1', {
    source: 'api',
    createdAt: at('2026-03-11T08:59:00Z'),
    ...done('2026-03-11T09:20:00Z'),
  });
  // u1, from before sources were recorded, still open.
  await insertTicket(h, 'u1', { createdAt: at('2026-03-11T10:59:00Z') });
  // c1, by an agent, cancelled: not resolved, and its stage closed unclaimed had no handling.
  await insertTicket(h, 'c1', {
    source: 'agent',
    createdAt: at('2026-03-11T11:59:00Z'),
    finished: { status: 'cancelled', closedAt: at('2026-03-11T12:10:00Z') },
  });
  // o1, before the range: in no figure.
  await insertTicket(h, 'o1', {
    source: 'form',
    createdAt: at('2026-03-01T08:00:00Z'),
    ...done('2026-03-01T10:00:00Z'),
  });

  const agent = h.ids.agent;
  const otherAgent = h.ids.otherAgent;
  await insertStages(h, [
    // work 50 and 30 min
    {
      ticketId: 'f1',
      taskId: '1',
      department: 'support',
      enteredAt: '2026-03-10T09:00:00Z',
      claimedAt: '2026-03-10T09:10:00Z',
      minutes: 60,
      assigneeId: agent,
    },
    {
      ticketId: 'f1',
      taskId: '2',
      department: 'support',
      enteredAt: '2026-03-10T10:00:00Z',
      claimedAt: '2026-03-10T10:00:00Z',
      minutes: 30,
      assigneeId: agent,
    },
    // work 40 min in support, then 60 min in refunds
    {
      ticketId: 'h1',
      taskId: '1',
      department: 'support',
      enteredAt: '2026-03-10T09:00:00Z',
      claimedAt: '2026-03-10T09:00:00Z',
      minutes: 40,
      assigneeId: agent,
    },
    {
      ticketId: 'h1',
      taskId: '2',
      department: 'refunds',
      enteredAt: '2026-03-10T10:00:00Z',
      claimedAt: '2026-03-10T10:30:00Z',
      minutes: 90,
      assigneeId: otherAgent,
    },
    // work 20 min, 10 of them in business hours
    {
      ticketId: 'r1',
      taskId: '1',
      department: 'refunds',
      enteredAt: '2026-03-11T09:00:00Z',
      claimedAt: '2026-03-11T09:00:00Z',
      minutes: 20,
      businessWorkMinutes: 10,
      assigneeId: otherAgent,
    },
    { ticketId: 'u1', taskId: '1', department: 'support', enteredAt: '2026-03-11T11:00:00Z' },
    { ticketId: 'c1', taskId: '1', department: 'support', enteredAt: '2026-03-11T12:00:00Z', minutes: 10 },
    {
      ticketId: 'o1',
      taskId: '1',
      department: 'support',
      enteredAt: '2026-03-01T09:00:00Z',
      claimedAt: '2026-03-01T09:00:00Z',
      minutes: 60,
      assigneeId: agent,
    },
  ]);
});
afterAll(() => h?.close());

const get = async (person: Parameters<Harness['call']>[0], path: string): Promise<Service> => {
  const res = await h.call(person, 'GET', path);
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Service;
};

describe('the service report', () => {
  it('counts tickets created in the range per source, those without one as unknown', async () => {
    const { sources } = await get('admin', RANGE);
    expect(sources).toEqual([
      { source: 'agent', tickets: 1, share: 1 / 6 },
      { source: 'api', tickets: 1, share: 1 / 6 },
      { source: 'form', tickets: 2, share: 2 / 6 },
      { source: 'email', tickets: 1, share: 1 / 6 },
      { source: 'unknown', tickets: 1, share: 1 / 6 },
    ]);
  });

  it('counts a done ticket as first contact only when no other department had a stage of it', async () => {
    const { firstContact } = await get('admin', RANGE);
    expect(firstContact).toEqual({
      overall: { done: 3, firstContact: 2, rate: 2 / 3 },
      departments: [
        { department: 'refunds', done: 1, firstContact: 1, rate: 1 },
        { department: 'support', done: 2, firstContact: 1, rate: 0.5 },
      ],
    });
  });

  it('averages the work time of claimed stages per department and agent, wall-clock and business', async () => {
    const { handling } = await get('admin', RANGE);
    expect(handling.departments).toEqual([
      { department: 'refunds', stages: 2, meanWorkMs: 40 * MIN, meanBusinessWorkMs: 35 * MIN },
      { department: 'support', stages: 3, meanWorkMs: 40 * MIN, meanBusinessWorkMs: 40 * MIN },
    ]);
    expect(handling.agents).toEqual([
      expect.objectContaining({
        department: 'refunds',
        userId: h.ids.otherAgent,
        stages: 2,
        meanWorkMs: 40 * MIN,
      }),
      expect.objectContaining({
        department: 'support',
        userId: h.ids.agent,
        stages: 3,
        meanWorkMs: 40 * MIN,
      }),
    ]);
  });

  it('shows a manager of one department only that department', async () => {
    const report = await get('otherManager', RANGE);
    expect(report.sources.filter((s) => s.tickets > 0)).toEqual([{ source: 'api', tickets: 1, share: 1 }]);
    expect(report.sources.map((s) => s.source)).toEqual(['agent', 'api', 'form', 'email']);
    expect(report.firstContact).toEqual({
      overall: { done: 1, firstContact: 1, rate: 1 },
      departments: [{ department: 'refunds', done: 1, firstContact: 1, rate: 1 }],
    });
    expect(report.handling.departments.map((d) => d.department)).toEqual(['refunds']);
    expect(report.handling.agents.map((a) => a.userId)).toEqual([h.ids.otherAgent]);
    expect((await h.call('otherManager', 'GET', `${RANGE}&department=support`)).status).toBe(403);
  });

  it('narrows to the department asked for, and answers nothing for an empty range', async () => {
    const support = await get('admin', `${RANGE}&department=support`);
    expect(support.firstContact.overall).toEqual({ done: 2, firstContact: 1, rate: 0.5 });
    // Tickets that came in at support: c1, f1, h1 and u1 (open, but its first stage is there).
    expect(support.sources.filter((s) => s.tickets > 0).map((s) => [s.source, s.tickets])).toEqual([
      ['agent', 1],
      ['form', 1],
      ['email', 1],
      ['unknown', 1],
    ]);
    const empty = await get('admin', '/api/reports/service?range=custom&from=2026-02-01&to=2026-02-02');
    expect(empty.sources.every((s) => s.tickets === 0 && s.share === null)).toBe(true);
    expect(empty.firstContact).toEqual({
      overall: { done: 0, firstContact: 0, rate: null },
      departments: [],
    });
    expect(empty.handling).toEqual({ departments: [], agents: [] });
  });
});
