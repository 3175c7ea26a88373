// In-app notifications as a person reads them: written by the real workflows' notification
// activity (SLA levels of real tickets on the in-memory runtime's virtual clock), listed newest
// first with a cursor, counted while unread, and marked read one by one or all at once; nobody
// sees or marks another person's.
import { notifications } from '@baton/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploySupportRefunds } from './fixtures.js';
import { createHarness, problemOf, type Harness, type Person } from './harness.js';

type Notification = {
  id: string;
  ticketId: string | null;
  ticketNumber: number | null;
  taskId: string | null;
  template: string;
  subject: string;
  readAt: string | null;
};
type Page = { items: Notification[]; nextCursor: string | null };

const MIN = 60_000;
let h: Harness;
const tickets: { id: string; number: number; task: string }[] = [];

async function ok<T>(person: Person, method: string, path: string, body?: unknown): Promise<T> {
  const res = await h.call(person, method, path, body);
  if (res.status >= 300) throw new Error(`${person} ${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const unread = (person: Person) =>
  ok<{ unread: number }>(person, 'GET', '/api/notifications/unread-count').then((b) => b.unread);

beforeAll(async () => {
  h = await createHarness({ runtime: 'in-memory' });
  await deploySupportRefunds(h);
  // Three tickets whose Triage (SLA 1 h) the support agent claims, then 70 minutes: each task
  // warns its assignee at 80 % and tells assignee and the support lead at 100 %.
  for (const title of ['First', 'Second', 'Third']) {
    const created = await ok<{ id: string; number: number; openTasks: { id: string }[] }>(
      'agent',
      'POST',
      '/api/tickets',
      { typeId: 'refund-request', title, fields: { orderNumber: 'N-1' } },
    );
    const task = created.openTasks[0]!.id;
    await ok('agent', 'POST', `/api/tasks/${task}/claim`, {});
    tickets.push({ id: created.id, number: created.number, task });
    await h.clock!.advance(MIN);
  }
  await h.clock!.advance(70 * MIN);
  // An e-mail of the outbox is no in-app notification, even when addressed to the agent.
  await h.t.db.insert(notifications).values({
    dedupeKey: 'outbox-mail',
    ticketId: tickets[0]!.id,
    userId: h.ids.agent,
    email: 'agent@example.test',
    channel: 'email',
    template: 'sla.overdue',
    subject: 'mail',
    body: 'mail',
  });
});
afterAll(() => h?.close());

describe('my notifications', () => {
  it('lists what the workflows wrote for me, newest first, each with its ticket and task', async () => {
    const page = await ok<Page>('agent', 'GET', '/api/notifications?limit=50');
    expect(page.nextCursor).toBeNull();
    expect(page.items.map((n) => [n.ticketNumber, n.template])).toEqual([
      [tickets[2]!.number, 'sla.overdue'],
      [tickets[1]!.number, 'sla.overdue'],
      [tickets[0]!.number, 'sla.overdue'],
      [tickets[2]!.number, 'sla.warning'],
      [tickets[1]!.number, 'sla.warning'],
      [tickets[0]!.number, 'sla.warning'],
    ]);
    const first = page.items.at(-1)!;
    expect(first).toMatchObject({ ticketId: tickets[0]!.id, taskId: tickets[0]!.task, readAt: null });
    expect(first.subject).toContain('"Triage" is nearing its deadline');
    // The lead heard of the overdue ones only; another department's agent of nothing.
    const lead = await ok<Page>('lead', 'GET', '/api/notifications');
    expect(lead.items.map((n) => n.template)).toEqual(['sla.overdue', 'sla.overdue', 'sla.overdue']);
    expect((await ok<Page>('otherAgent', 'GET', '/api/notifications')).items).toEqual([]);
  });

  it('pages with a cursor: every notification once, in order', async () => {
    const all = await ok<Page>('agent', 'GET', '/api/notifications?limit=50');
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Page = await ok<Page>(
        'agent',
        'GET',
        `/api/notifications?limit=4${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.items.map((n) => n.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(2);
    expect(seen).toEqual(all.items.map((n) => n.id));
  });

  it('marks one read: the count drops, a second mark keeps the first time, nobody else can mark it', async () => {
    expect(await unread('agent')).toBe(6);
    const [newest] = (await ok<Page>('agent', 'GET', '/api/notifications?limit=1')).items;
    const foreign = await h.call('lead', 'POST', `/api/notifications/${newest!.id}/read`, {});
    expect(foreign.status).toBe(404);
    expect((await problemOf(foreign)).code).toBe('not-found');
    expect(await unread('agent')).toBe(6);

    const read = await ok<Notification>('agent', 'POST', `/api/notifications/${newest!.id}/read`, {});
    expect(read.readAt).toBe(new Date(h.clock!.now()).toISOString());
    expect(await unread('agent')).toBe(5);
    await h.clock!.advance(MIN);
    const again = await ok<Notification>('agent', 'POST', `/api/notifications/${newest!.id}/read`, {});
    expect(again.readAt).toBe(read.readAt);
    const left = await ok<Page>('agent', 'GET', '/api/notifications?unread=true&limit=50');
    expect(left.items.map((n) => n.id)).not.toContain(newest!.id);
    expect(left.items).toHaveLength(5);
  });

  it('marks all mine read, and only mine', async () => {
    expect(await ok<{ marked: number }>('agent', 'POST', '/api/notifications/read-all', {})).toEqual({
      marked: 5,
    });
    expect(await unread('agent')).toBe(0);
    expect(await unread('lead')).toBe(3);
    expect(await ok<{ marked: number }>('agent', 'POST', '/api/notifications/read-all', {})).toEqual({
      marked: 0,
    });
  });

  it('refuses a cursor or id that is no notification id, naming the field, and strangers', async () => {
    const bad = await h.call('agent', 'GET', '/api/notifications?cursor=abc');
    expect(bad.status).toBe(422);
    expect((await problemOf(bad)).errors?.map((e) => e.path)).toEqual(['query.cursor']);
    expect((await h.call('agent', 'POST', '/api/notifications/1%20or%201/read', {})).status).toBe(422);
    expect((await h.call(null, 'GET', '/api/notifications/unread-count')).status).toBe(401);
  });
});
