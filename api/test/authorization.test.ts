// Authorization matrix: every route × every role × own / other department -> 2xx or 403.
// The expectations are written out by hand (not derived from the route declarations) so a
// changed access rule fails here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploySupportRefunds, openTicket } from './fixtures.js';
import { createHarness, PEOPLE, type Harness, type Person } from './harness.js';

let h: Harness;
const everyone = Object.keys(PEOPLE) as Person[];
let shared: { ticketId: string; taskId: string };
let flowVersionId: string;

beforeAll(async () => {
  h = await createHarness({ runtime: 'in-memory' });
  await deploySupportRefunds(h);
  flowVersionId = 'refund-request-v1';
  shared = await openTicket(h, 'admin'); // sits in support; created by admin
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
  // A support ticket: the refunds agent and manager have never had it.
  {
    name: 'GET /tickets/:id',
    allowed: ['admin', 'owner', 'developer', 'agent', 'manager', 'lead'],
    request: () => ['GET', `/api/tickets/${shared.ticketId}`],
  },
  {
    name: 'GET /tickets/:id/stages',
    allowed: ['admin', 'owner', 'developer', 'agent', 'manager', 'lead'],
    request: () => ['GET', `/api/tickets/${shared.ticketId}/stages`],
  },
  {
    name: 'POST /tickets/:id/messages',
    allowed: ['admin', 'developer', 'agent', 'manager', 'lead'],
    request: () => ['POST', `/api/tickets/${shared.ticketId}/messages`, { text: 'hello' }],
  },
  // Created by admin: of the agents only its creator could cancel; managers of its departments can.
  {
    name: 'POST /tickets/:id/cancel',
    allowed: ['admin', 'manager'],
    request: async () => ['POST', `/api/tickets/${(await openTicket(h)).ticketId}/cancel`, {}],
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
  {
    name: 'POST /tasks/:id/extension-requests',
    allowed: SUPPORT_ACTORS,
    request: async () => [
      'POST',
      `/api/tasks/${(await openTicket(h)).taskId}/extension-requests`,
      { extendByMinutes: 10, reason: 'r' },
    ],
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
    allowed: ['admin', 'owner', 'developer', 'manager', 'lead'],
    request: () => ['GET', '/api/reports/stage-durations?department=support'],
  },
  { name: 'GET /reports/handoffs', allowed: REPORT_READERS, request: () => ['GET', '/api/reports/handoffs'] },
  { name: 'GET /reports/sla', allowed: REPORT_READERS, request: () => ['GET', '/api/reports/sla'] },
  { name: 'GET /stages/stuck', allowed: REPORT_READERS, request: () => ['GET', '/api/stages/stuck'] },
  {
    name: 'GET /stages/stuck?department=refunds',
    allowed: ['admin', 'owner', 'developer', 'otherManager'],
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
