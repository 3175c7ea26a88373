// Authorization matrix: every route × every role × own / other department -> 2xx or 403; the
// routes on one ticket also on a ticket that has moved on from support to refunds, so that support
// is a former department (it sees the ticket and writes nothing to it: access/ticket-writes.ts)
// and refunds the current one. The expectations are written out by hand (not derived from the
// route declarations) so a changed access rule fails here.
import { apiTokens } from '@baton/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSecret, sha256 } from '../src/auth/secrets.js';
import { deploySupportRefunds, openTicket } from './fixtures.js';
import { createHarness, PEOPLE, type Harness, type Person } from './harness.js';
import { TICKET_CREATORS } from '../src/access/roles.js';

let h: Harness;
const everyone = Object.keys(PEOPLE) as Person[];
let shared: { ticketId: string; taskId: string };
let flowVersionId: string;

let moved: { ticketId: string; taskId: string };

/** The refunds task may be transferred back to support: every task action can be tried on it. */
const TWO_WAY = 'two-way';

/**
 * A ticket whose Triage (support) sent it on to refunds, created by `creator` (by admin for those
 * who may not create tickets); answers its Refund task.
 */
async function movedTicket(creator: Person = 'admin') {
  const mayCreate = PEOPLE[creator].roles.some((r) => (TICKET_CREATORS as readonly string[]).includes(r));
  const { ticketId, taskId } = await openTicket(h, mayCreate ? creator : 'admin', TWO_WAY);
  const done = await h.call('admin', 'POST', `/api/tasks/${taskId}/complete`, { outcome: 'refund' });
  const { openTasks } = (await done.json()) as { openTasks: { id: string; department: string }[] };
  if (openTasks[0]?.department !== 'refunds') throw new Error(`not in refunds: ${JSON.stringify(openTasks)}`);
  return { ticketId, taskId: openTasks[0].id };
}

beforeAll(async () => {
  h = await createHarness({ runtime: 'in-memory' });
  await deploySupportRefunds(h);
  await deploySupportRefunds(h, TWO_WAY, (xml) =>
    xml.replace('baton:returnable="true"', 'baton:returnable="true" baton:transferTo="support"'),
  );
  flowVersionId = 'refund-request-v1';
  shared = await openTicket(h, 'admin'); // sits in support; created by admin
  moved = await movedTicket(); // was in support, sits in refunds; created by admin
});
afterAll(() => h?.close());

type Request = [method: string, path: string, body?: unknown];
type Case = {
  name: string;
  allowed: readonly Person[];
  /** Builds the request; runs once per person, so mutations get fresh state. */
  request: (person: Person, n: number) => Request | Promise<Request>;
};

const ADMINS: Person[] = ['admin'];
const SUPPORT_ACTORS: Person[] = ['admin', 'agent', 'manager', 'lead'];
const REFUNDS_ACTORS: Person[] = ['admin', 'otherAgent', 'otherManager'];
const REPORT_READERS: Person[] = ['admin', 'owner', 'developer', 'manager', 'otherManager', 'lead'];
const ALL_BUT_OWNER = everyone.filter((p) => p !== 'owner');

const cases: Case[] = [
  { name: 'GET /me', allowed: everyone, request: () => ['GET', '/api/me'] },
  {
    name: 'POST /me/tokens',
    allowed: everyone,
    request: () => ['POST', '/api/me/tokens', { name: 'matrix' }],
  },
  { name: 'GET /departments', allowed: everyone, request: () => ['GET', '/api/departments'] },
  {
    name: 'POST /departments',
    allowed: ADMINS,
    request: (p, n) => ['POST', '/api/departments', { key: `dept-${p.toLowerCase()}-${n}`, name: 'New' }],
  },
  { name: 'GET /users', allowed: everyone, request: () => ['GET', '/api/users'] },
  {
    name: 'POST /users',
    allowed: ADMINS,
    request: (p, n) => [
      'POST',
      '/api/users',
      {
        email: `new-${p.toLowerCase()}-${n}@example.test`,
        name: 'New',
        roles: ['agent'],
        departments: ['support'],
      },
    ],
  },
  {
    name: 'PATCH /departments/:key',
    allowed: ADMINS,
    request: () => ['PATCH', '/api/departments/faults', { name: 'Faults' }],
  },
  {
    name: 'PATCH /users/:id',
    allowed: ADMINS,
    request: () => ['PATCH', `/api/users/${h.ids.otherAgent}`, { name: 'otherAgent' }],
  },
  {
    name: 'PUT /users/:id/departments/:key',
    allowed: ADMINS,
    request: () => ['PUT', `/api/users/${h.ids.otherAgent}/departments/faults`],
  },
  {
    name: 'DELETE /users/:id/departments/:key',
    allowed: ADMINS,
    request: () => ['DELETE', `/api/users/${h.ids.otherAgent}/departments/faults`],
  },
  {
    name: 'POST /users/:id/password',
    allowed: ADMINS,
    request: () => ['POST', `/api/users/u-owner/password`, { password: 'correct horse battery staple' }],
  },
  { name: 'GET /calendars', allowed: everyone, request: () => ['GET', '/api/calendars'] },
  {
    name: 'POST /calendars',
    allowed: ADMINS,
    request: () => [
      'POST',
      '/api/calendars',
      { key: 'office', name: 'Office', spec: { timeZone: 'UTC', week: { mon: [['09:00', '17:00']] } } },
    ],
  },
  { name: 'GET /ticket-types', allowed: everyone, request: () => ['GET', '/api/ticket-types'] },
  {
    name: 'POST /ticket-types',
    allowed: ['admin', 'owner'],
    request: (p, n) => ['POST', '/api/ticket-types', { id: `type-${p.toLowerCase()}-${n}`, name: 'T' }],
  },
  {
    name: 'PUT /ticket-types/:id',
    allowed: ['admin', 'owner'],
    // The same form the fixture created, so the tickets later rows open still validate.
    request: () => [
      'PUT',
      '/api/ticket-types/refund-request',
      {
        name: 'refund-request',
        fields: [{ key: 'orderNumber', label: 'Order number', type: 'text', required: true }],
      },
    ],
  },
  {
    name: 'GET flow draft',
    allowed: ['admin', 'owner', 'developer', 'manager', 'otherManager'],
    request: () => ['GET', '/api/ticket-types/refund-request/flow'],
  },
  {
    name: 'PUT flow draft',
    allowed: ['admin', 'owner'],
    request: async () => ['PUT', '/api/ticket-types/refund-request/flow', { xml: await currentDraft() }],
  },
  {
    name: 'POST flow validate',
    allowed: ['admin', 'owner', 'developer'],
    request: () => ['POST', '/api/ticket-types/refund-request/flow/validate', {}],
  },
  {
    name: 'POST flow deploy',
    allowed: ['admin', 'owner'],
    request: () => ['POST', '/api/ticket-types/refund-request/flow/deploy', {}],
  },
  {
    name: 'GET flow versions',
    allowed: everyone,
    request: () => ['GET', '/api/ticket-types/refund-request/flow/versions'],
  },
  {
    name: 'GET flow version',
    allowed: everyone,
    request: () => ['GET', `/api/flow-versions/${flowVersionId}`],
  },
  { name: 'GET /activities', allowed: everyone, request: () => ['GET', '/api/activities'] },
  {
    name: 'POST /tickets',
    allowed: ALL_BUT_OWNER,
    request: () => [
      'POST',
      '/api/tickets',
      { typeId: 'refund-request', title: 'x', fields: { orderNumber: '1' } },
    ],
  },
  { name: 'GET /tickets', allowed: everyone, request: () => ['GET', '/api/tickets'] },
  // A support ticket: the refunds agent has never had it; managers cover every department.
  {
    name: 'GET /tickets/:id',
    allowed: ['admin', 'owner', 'developer', 'agent', 'manager', 'otherManager', 'lead'],
    request: () => ['GET', `/api/tickets/${shared.ticketId}`],
  },
  {
    name: 'GET /tickets/:id/stages',
    allowed: ['admin', 'owner', 'developer', 'agent', 'manager', 'otherManager', 'lead'],
    request: () => ['GET', `/api/tickets/${shared.ticketId}/stages`],
  },
  {
    name: 'POST /tickets/:id/messages',
    allowed: ['admin', 'developer', 'agent', 'manager', 'otherManager', 'lead'],
    request: () => ['POST', `/api/tickets/${shared.ticketId}/messages`, { text: 'hello' }],
  },
  // Created by admin: of the agents only its creator could cancel; every manager can.
  {
    name: 'POST /tickets/:id/cancel',
    allowed: ['admin', 'manager', 'otherManager'],
    request: async () => ['POST', `/api/tickets/${(await openTicket(h)).ticketId}/cancel`, {}],
  },
  // Moved on to refunds: support (its former department) still sees it, and writes nothing to it.
  {
    name: 'GET /tickets/:id (moved to refunds)',
    allowed: everyone,
    request: () => ['GET', `/api/tickets/${moved.ticketId}`],
  },
  {
    name: 'GET /tickets/:id/stages (moved to refunds)',
    allowed: everyone,
    request: () => ['GET', `/api/tickets/${moved.ticketId}/stages`],
  },
  {
    name: 'POST /tickets/:id/messages (moved to refunds)',
    allowed: ['admin', 'developer', 'manager', 'otherAgent', 'otherManager'],
    request: async () => {
      // A refunds agent's held task, which the message resumes.
      const { ticketId, taskId } = await movedTicket();
      await h.call('otherAgent', 'POST', `/api/tasks/${taskId}/hold`, { reason: 'asked the customer' });
      return ['POST', `/api/tickets/${ticketId}/messages`, { text: 'hello' }];
    },
  },
  {
    name: 'POST /tickets/:id/cancel (moved to refunds)',
    allowed: ['admin', 'manager', 'otherManager'],
    request: async () => ['POST', `/api/tickets/${(await movedTicket()).ticketId}/cancel`, {}],
  },
  // Each agent cancels a ticket they created: only while a department of theirs has it.
  {
    name: 'POST /tickets/:id/cancel (moved to refunds, created by the caller)',
    allowed: ['admin', 'manager', 'otherAgent', 'otherManager'],
    request: async (person) => ['POST', `/api/tickets/${(await movedTicket(person)).ticketId}/cancel`, {}],
  },
  {
    name: 'GET /tasks (mine)',
    allowed: ['admin', 'agent', 'otherAgent', 'manager', 'otherManager', 'lead'],
    request: () => ['GET', '/api/tasks?scope=mine'],
  },
  {
    name: 'GET /tasks (department)',
    allowed: ['admin', 'agent', 'otherAgent', 'manager', 'otherManager', 'lead'],
    request: () => ['GET', '/api/tasks?scope=department'],
  },
  {
    name: 'GET /tasks (support queue)',
    allowed: SUPPORT_ACTORS,
    request: () => ['GET', '/api/tasks?scope=department&department=support'],
  },
  ...(['claim', 'hold', 'complete', 'transfer', 'return', 'resume'] as const).map((action): Case => ({
    name: `POST /tasks/:id/${action}`,
    // `return` acts on the refunds task the support task handed over to.
    allowed: action === 'return' ? ['admin', 'otherAgent', 'otherManager'] : SUPPORT_ACTORS,
    request: async () => {
      const { ticketId, taskId } = await openTicket(h);
      if (action === 'resume') await h.call('admin', 'POST', `/api/tasks/${taskId}/hold`, { reason: 'wait' });
      if (action === 'return') {
        // Returnable refund task, handed over by a support task: return it (as a refunds member, below).
        await h.call('admin', 'POST', `/api/tasks/${taskId}/complete`, { outcome: 'refund' });
        const detail = (await (await h.call('admin', 'GET', `/api/tickets/${ticketId}`)).json()) as {
          openTasks: { id: string }[];
        };
        return ['POST', `/api/tasks/${detail.openTasks[0]!.id}/return`, {}];
      }
      const body = {
        claim: {},
        hold: { reason: 'wait' },
        complete: { outcome: 'solved' },
        transfer: { department: 'refunds' },
        resume: {},
      }[action];
      return ['POST', `/api/tasks/${taskId}/${action}`, body];
    },
  })),
  ...(['claim', 'hold', 'complete', 'transfer', 'resume'] as const).map((action): Case => ({
    name: `POST /tasks/:id/${action} (moved to refunds)`,
    allowed: REFUNDS_ACTORS,
    request: async () => {
      const { taskId } = await movedTicket();
      if (action === 'resume') await h.call('admin', 'POST', `/api/tasks/${taskId}/hold`, { reason: 'wait' });
      const body = {
        claim: {},
        hold: { reason: 'wait' },
        complete: { outcome: 'refunded' },
        transfer: { department: 'support' },
        resume: {},
      }[action];
      return ['POST', `/api/tasks/${taskId}/${action}`, body];
    },
  })),
  {
    name: 'POST /tasks/:id/extension-requests (moved to refunds)',
    allowed: REFUNDS_ACTORS,
    request: async () => [
      'POST',
      `/api/tasks/${(await movedTicket()).taskId}/extension-requests`,
      { extendByMinutes: 10, reason: 'r' },
    ],
  },
  ...(['grant', 'deny'] as const).map((decision): Case => ({
    name: `POST /extension-requests/:id/${decision} (moved to refunds)`,
    allowed: ['admin', 'otherManager'],
    request: async () => {
      const { taskId } = await movedTicket();
      const res = await h.call('otherAgent', 'POST', `/api/tasks/${taskId}/extension-requests`, {
        extendByMinutes: 10,
        reason: 'r',
      });
      const { id } = (await res.json()) as { id: string };
      return ['POST', `/api/extension-requests/${id}/${decision}`, {}];
    },
  })),
  {
    name: 'POST /tasks/:id/extension-requests',
    allowed: SUPPORT_ACTORS,
    request: async () => [
      'POST',
      `/api/tasks/${(await openTicket(h)).taskId}/extension-requests`,
      { extendByMinutes: 10, reason: 'r' },
    ],
  },
  // Retrying one: api/test/incidents.test.ts (it needs a ticket whose flow stopped).
  {
    name: 'GET /incidents',
    allowed: ['admin', 'owner'],
    request: () => ['GET', '/api/incidents'],
  },
  {
    name: 'GET /extension-requests',
    allowed: ['admin', 'agent', 'otherAgent', 'manager', 'otherManager', 'lead'],
    request: () => ['GET', '/api/extension-requests'],
  },
  ...(['grant', 'deny'] as const).map((decision): Case => ({
    name: `POST /extension-requests/:id/${decision}`,
    allowed: ['admin', 'manager', 'lead'],
    request: async () => {
      const { taskId } = await openTicket(h);
      const res = await h.call('agent', 'POST', `/api/tasks/${taskId}/extension-requests`, {
        extendByMinutes: 10,
        reason: 'r',
      });
      const { id } = (await res.json()) as { id: string };
      return ['POST', `/api/extension-requests/${id}/${decision}`, {}];
    },
  })),
  {
    name: 'GET /reports/stage-durations',
    allowed: REPORT_READERS,
    request: () => ['GET', '/api/reports/stage-durations'],
  },
  {
    name: 'GET /reports/stage-durations?department=support',
    allowed: ['admin', 'owner', 'developer', 'manager', 'otherManager', 'lead'],
    request: () => ['GET', '/api/reports/stage-durations?department=support'],
  },
  { name: 'GET /reports/handoffs', allowed: REPORT_READERS, request: () => ['GET', '/api/reports/handoffs'] },
  { name: 'GET /reports/sla', allowed: REPORT_READERS, request: () => ['GET', '/api/reports/sla'] },
  { name: 'GET /reports/load', allowed: REPORT_READERS, request: () => ['GET', '/api/reports/load'] },
  { name: 'GET /reports/waiting', allowed: REPORT_READERS, request: () => ['GET', '/api/reports/waiting'] },
  { name: 'GET /stages/stuck', allowed: REPORT_READERS, request: () => ['GET', '/api/stages/stuck'] },
  {
    name: 'GET /stages/stuck?department=refunds',
    allowed: ['admin', 'owner', 'developer', 'manager', 'otherManager'],
    request: () => ['GET', '/api/stages/stuck?department=refunds'],
  },
  {
    name: 'GET /flow-versions/:id/heatmap',
    allowed: REPORT_READERS,
    request: () => ['GET', `/api/flow-versions/${flowVersionId}/heatmap`],
  },
  { name: 'GET /health (public)', allowed: everyone, request: () => ['GET', '/api/health'] },
];

async function currentDraft(): Promise<string> {
  const res = await h.call('owner', 'GET', '/api/ticket-types/refund-request/flow');
  return ((await res.json()) as { xml: string }).xml;
}

describe('authorization matrix', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const outcomes: Record<string, number> = {};
    const expected: Record<string, number | '2xx'> = {};
    let n = 0;
    for (const person of everyone) {
      const [method, path, body] = await c.request(person, n++);
      const res = await h.call(person, method, path, body);
      const status = res.status;
      outcomes[person] = status >= 200 && status < 300 ? 200 : status;
      expected[person] = c.allowed.includes(person) ? 200 : 403;
      if (status >= 300 && status !== 403) outcomes[person] = status; // anything but 2xx/403 shows up in the diff
    }
    expect(outcomes).toEqual(expected);
  });

  it('answers 401 (not 403) to anonymous callers of protected routes', async () => {
    for (const c of cases.filter((x) => !x.name.includes('(public)'))) {
      const [method, path, body] = await c.request('admin', 9999);
      const res = await h.call(null, method, path, body);
      expect([c.name, res.status]).toEqual([c.name, 401]);
    }
  });
});

// What the manager role covers is the admin's choice per person (users.manager_scope): every
// department, or only those of the manager's memberships. A change takes effect on the manager's
// next request, though their credentials were cached a moment ago.
describe("a manager's scope, as an admin sets it", () => {
  it("decides whether another department's tickets and figures are theirs, from the next request on", async () => {
    const created = await h.call('admin', 'POST', '/api/users', {
      email: 'scoped.manager@example.test',
      name: 'Scoped manager',
      roles: ['manager'],
      departments: ['refunds'],
      managerScope: 'memberships',
    });
    expect(created.status).toBe(201);
    const manager = (await created.json()) as { id: string; managerScope: string };
    expect(manager.managerScope).toBe('memberships');
    const token = newSecret('bt_');
    await h.t.db
      .insert(apiTokens)
      .values({ id: 'tok-scoped-manager', userId: manager.id, name: 't', tokenHash: sha256(token) });
    const asManager = async (path: string) =>
      (await h.app.request(path, { headers: { authorization: `Bearer ${token}` } })).status;
    // Support's ticket and figures, then refunds' (the moved ticket has been in refunds).
    const answers = async () => ({
      supportTicket: await asManager(`/api/tickets/${shared.ticketId}`),
      supportFigures: await asManager('/api/reports/stage-durations?department=support'),
      supportStuck: await asManager('/api/stages/stuck?department=support'),
      refundsTicket: await asManager(`/api/tickets/${moved.ticketId}`),
      refundsFigures: await asManager('/api/reports/stage-durations?department=refunds'),
      figures: await asManager('/api/reports/sla'),
    });
    const ownOnly = {
      supportTicket: 403,
      supportFigures: 403,
      supportStuck: 403,
      refundsTicket: 200,
      refundsFigures: 200,
      figures: 200,
    };
    const everyDepartment = { ...ownOnly, supportTicket: 200, supportFigures: 200, supportStuck: 200 };
    const rescope = async (managerScope: string) => {
      const res = await h.call('admin', 'PATCH', `/api/users/${manager.id}`, { managerScope });
      expect([res.status, ((await res.json()) as { managerScope: string }).managerScope]).toEqual([
        200,
        managerScope,
      ]);
    };

    expect(await answers()).toEqual(ownOnly);
    await rescope('every_department');
    expect(await answers()).toEqual(everyDepartment);
    await rescope('memberships');
    expect(await answers()).toEqual(ownOnly);
  });
});
