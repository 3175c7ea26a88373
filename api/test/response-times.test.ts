// The first-response and resolution report against hand-computed figures on tickets, stages and
// ticket mails inserted directly: automatic mails (no author) are no response, a ticket still
// waiting for an agent's reply is counted apart, and a manager of refunds sees refunds only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ticketMails } from '@baton/db';
import { insertStages, insertTicket, insertTicketType } from './fixtures.js';
import { createHarness, type Harness } from './harness.js';
import { idleRuntime } from './idle-runtime.js';

const MIN = 60_000;
const RANGE = '/api/reports/response-times?range=custom&from=2026-03-10&to=2026-03-11';
let h: Harness;

type Distribution = {
  count: number;
  meanMs: number | null;
  p50Ms: number | null;
  p90Ms: number | null;
  histogram: { key: string; count: number }[];
};
type FirstResponse = Distribution & { noResponseYet: number };
type Report = {
  clock: string;
  firstResponse: { overall: FirstResponse; departments: (FirstResponse & { department: string | null })[] };
  resolution: { overall: Distribution; departments: (Distribution & { department: string | null })[] };
};

const at = (iso: string) => new Date(iso);
const done = (closedAt: string) => ({ finished: { status: 'done' as const, closedAt: at(closedAt) } });

async function mail(ticketId: string, iso: string, from: { direction: 'in' | 'out'; authorId?: string }) {
  await h.t.db.insert(ticketMails).values({
    ticketId,
    direction: from.direction,
    fromAddress: from.direction === 'in' ? 'customer@example.com' : 'support@baton.local',
    toAddress: from.direction === 'in' ? 'support@baton.local' : 'customer@example.com',
    subject: `about ${ticketId}`,
    body: '…',
    authorId: from.authorId ?? null,
    at: at(iso),
  });
}

/** The non-empty bands of a distribution, as key → count. */
const bands = (d: Distribution) =>
  Object.fromEntries(d.histogram.filter((b) => b.count > 0).map((b) => [b.key, b.count]));

beforeAll(async () => {
  h = await createHarness({
    runtime: idleRuntime(),
    config: { now: () => Date.parse('2026-03-15T12:00:00Z') },
  });
  await insertTicketType(h);
  // The refunds manager answers for refunds only (the default covers every department).
  await h.t.pool.query("update users set manager_scope = 'memberships' where id = $1", [h.ids.otherManager]);

  // a1 (support): the acknowledgement at once does not count; the agent answers after 5 min; done in 2 h.
  await insertTicket(h, 'a1', { createdAt: at('2026-03-10T09:00:00Z'), ...done('2026-03-10T11:00:00Z') });
  // a2 (support): only an automatic mail and the customer's own: no response yet.
  await insertTicket(h, 'a2', { createdAt: at('2026-03-10T10:00:00Z') });
  // a3 (support, later handed to refunds): answered after 2 h (a second reply later), done in 24 h.
  await insertTicket(h, 'a3', { createdAt: at('2026-03-10T12:00:00Z'), ...done('2026-03-11T12:00:00Z') });
  // r1 (refunds): answered after 20 min, done in 1 h.
  await insertTicket(h, 'r1', { createdAt: at('2026-03-11T08:00:00Z'), ...done('2026-03-11T09:00:00Z') });
  // o1 (support): created before the range, so in no first-response figure, but done in it after 9 days.
  await insertTicket(h, 'o1', { createdAt: at('2026-03-01T10:00:00Z'), ...done('2026-03-10T10:00:00Z') });
  // n1: no stage, so no department: left out although answered.
  await insertTicket(h, 'n1', { createdAt: at('2026-03-10T13:00:00Z') });
  // c1 (refunds): cancelled, so not resolved; answered after 10 min.
  await insertTicket(h, 'c1', {
    createdAt: at('2026-03-11T10:00:00Z'),
    finished: { status: 'cancelled', closedAt: at('2026-03-11T10:30:00Z') },
  });

  await mail('a1', '2026-03-10T09:00:30Z', { direction: 'out' });
  await mail('a1', '2026-03-10T09:05:00Z', { direction: 'out', authorId: h.ids.agent });
  await mail('a2', '2026-03-10T10:00:10Z', { direction: 'out' });
  await mail('a2', '2026-03-10T10:30:00Z', { direction: 'in' });
  await mail('a3', '2026-03-10T14:00:00Z', { direction: 'out', authorId: h.ids.agent });
  await mail('a3', '2026-03-10T15:00:00Z', { direction: 'out', authorId: h.ids.otherAgent });
  await mail('r1', '2026-03-11T08:20:00Z', { direction: 'out', authorId: h.ids.otherAgent });
  await mail('n1', '2026-03-10T13:01:00Z', { direction: 'out', authorId: h.ids.agent });
  await mail('c1', '2026-03-11T10:10:00Z', { direction: 'out', authorId: h.ids.otherAgent });

  await insertStages(h, [
    { ticketId: 'a1', taskId: '1', department: 'support', enteredAt: '2026-03-10T09:00:00Z', minutes: 120 },
    { ticketId: 'a2', taskId: '1', department: 'support', enteredAt: '2026-03-10T10:00:00Z' },
    { ticketId: 'a3', taskId: '1', department: 'support', enteredAt: '2026-03-10T12:00:00Z', minutes: 60 },
    { ticketId: 'a3', taskId: '2', department: 'refunds', enteredAt: '2026-03-10T13:00:00Z', minutes: 60 },
    { ticketId: 'r1', taskId: '1', department: 'refunds', enteredAt: '2026-03-11T08:00:00Z', minutes: 60 },
    { ticketId: 'o1', taskId: '1', department: 'support', enteredAt: '2026-03-01T10:00:00Z', minutes: 60 },
    { ticketId: 'c1', taskId: '1', department: 'refunds', enteredAt: '2026-03-11T10:00:00Z', minutes: 30 },
  ]);
});
afterAll(() => h?.close());

const get = async (person: Parameters<Harness['call']>[0], path: string): Promise<Report> => {
  const res = await h.call(person, 'GET', path);
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Report;
};

describe('the response-times report', () => {
  it("times the first agent reply of the tickets created in the range, per first stage's department", async () => {
    const { clock, firstResponse } = await get('admin', RANGE);
    expect(clock).toBe('wall');
    const [refunds, support] = firstResponse.departments;
    // c1 (10 min) and r1 (20 min).
    expect(refunds).toMatchObject({ department: 'refunds', count: 2, noResponseYet: 0, meanMs: 15 * MIN });
    expect(refunds!.p50Ms).toBeCloseTo(15 * MIN);
    expect(refunds!.p90Ms).toBeCloseTo(19 * MIN);
    expect(bands(refunds!)).toEqual({ '10m-30m': 2 });
    // a1 (5 min) and a3 (2 h); a2 has only automatic mails.
    expect(support).toMatchObject({ department: 'support', count: 2, noResponseYet: 1, meanMs: 62.5 * MIN });
    expect(support!.p50Ms).toBeCloseTo(62.5 * MIN);
    expect(support!.p90Ms).toBeCloseTo(108.5 * MIN);
    expect(bands(support!)).toEqual({ lt10m: 1, '1h-4h': 1 });
    // 5, 10, 20, 120 min.
    expect(firstResponse.overall).toMatchObject({ count: 4, noResponseYet: 1 });
    expect(firstResponse.overall.meanMs).toBeCloseTo(38.75 * MIN);
    expect(firstResponse.overall.p50Ms).toBeCloseTo(15 * MIN);
    expect(firstResponse.overall.p90Ms).toBeCloseTo(90 * MIN);
    expect(bands(firstResponse.overall)).toEqual({ lt10m: 1, '10m-30m': 2, '1h-4h': 1 });
  });

  it('times creation to close of the tickets done in the range, cancelled ones left out', async () => {
    const { resolution } = await get('admin', RANGE);
    const [refunds, support] = resolution.departments;
    expect(refunds).toMatchObject({ department: 'refunds', count: 1, meanMs: 60 * MIN, p50Ms: 60 * MIN });
    expect(bands(refunds!)).toEqual({ '1h-4h': 1 });
    // a1 (2 h), a3 (24 h) and o1 (9 days, created before the range).
    expect(support).toMatchObject({ department: 'support', count: 3, p50Ms: 1440 * MIN });
    expect(support!.p90Ms).toBeCloseTo(10_656 * MIN);
    expect(bands(support!)).toEqual({ '1h-4h': 1, '1d-3d': 1, gt3d: 1 });
    expect(resolution.overall.count).toBe(4);
    expect(resolution.overall.p50Ms).toBeCloseTo(780 * MIN);
    expect(resolution.overall.p90Ms).toBeCloseTo(9504 * MIN);
  });

  it('shows the refunds-only manager only refunds, and refuses support', async () => {
    const report = await get('otherManager', RANGE);
    expect(report.firstResponse.departments.map((d) => d.department)).toEqual(['refunds']);
    expect(report.firstResponse.overall).toMatchObject({ count: 2, noResponseYet: 0 });
    expect(report.resolution.departments.map((d) => d.department)).toEqual(['refunds']);
    expect(report.resolution.overall).toMatchObject({ count: 1, meanMs: 60 * MIN });
    expect((await h.call('otherManager', 'GET', `${RANGE}&department=support`)).status).toBe(403);
  });

  it('answers empty distributions for an empty range', async () => {
    const empty = await get(
      'admin',
      '/api/reports/response-times?range=custom&from=2026-02-01&to=2026-02-02',
    );
    for (const overall of [empty.firstResponse.overall, empty.resolution.overall]) {
      expect(overall).toMatchObject({ count: 0, meanMs: null, p50Ms: null, p90Ms: null });
      expect(overall.histogram.every((b) => b.count === 0)).toBe(true);
    }
    expect(empty.firstResponse.overall.noResponseYet).toBe(0);
    expect(empty.firstResponse.departments).toEqual([]);
    expect(empty.resolution.departments).toEqual([]);
  });
});
