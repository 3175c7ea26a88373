// Mail templates per ticket type through the API on the in-memory runtime: kept by process
// owners with every placeholder checked (a typo is refused, named with where it is), offered to
// the agent replying filled in for the ticket without writing anything, and a reply sent from
// one carries the status link it could not show before.
import type { InMemoryRuntime } from '@baton/workflows';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploySupportRefunds } from './fixtures.js';
import { createHarness, type Harness } from './harness.js';
import { tableDigests } from './table-digest.js';

let h: Harness;
let ticketId: string;
let ticketNumber: number;
const ok = async <T>(res: Response | Promise<Response>): Promise<T> => {
  const response = await res;
  if (response.status >= 300) throw new Error(`${response.status} ${await response.text()}`);
  return (response.status === 204 ? undefined : await response.json()) as T;
};
const TEMPLATE = {
  name: 'Refund approved',
  subject: 'Your refund for {{fields.orderNumber}}',
  body: 'Hello {{customer.name}},\nyour refund for order {{fields.orderNumber}} (#{{ticket.number}}) is approved.\nFollow it here: {{status.url}}\n{{agent.name}}',
};
const path = '/api/ticket-types/refund-request/mail-templates';

beforeAll(async () => {
  h = await createHarness({
    runtime: 'in-memory',
    config: { supportAddress: 'help@example.test', appUrl: 'https://help.example.test' },
  });
  await deploySupportRefunds(h);
  const created = await ok<{ id: string; number: number }>(
    h.call('agent', 'POST', '/api/tickets', {
      typeId: 'refund-request',
      title: 'Refund for a broken kettle',
      customer: { name: 'Ana', email: 'ana@customer.example' },
      fields: { orderNumber: 'K-17' },
    }),
  );
  ticketId = created.id;
  ticketNumber = created.number;
  await (h.deps.runtime as InMemoryRuntime).settled();
});
afterAll(() => h?.close());

describe('mail templates', () => {
  it('refuses an unknown placeholder, naming it and where it is, and changes nothing', async () => {
    const before = await tableDigests(h.t.pool);
    const res = await h.call('owner', 'PUT', `${path}/refund-approved`, {
      ...TEMPLATE,
      body: 'Order {{fields.orderNo}} for {{customer.name}}',
    });
    expect(res.status).toBe(422);
    const problem = (await res.json()) as { errors: { path: string; message: string }[] };
    expect(problem.errors).toEqual([
      {
        path: 'body.body',
        message: expect.stringMatching(
          /^unknown placeholder \{\{fields\.orderNo\}\}: use .*fields\.orderNumber/,
        ),
      },
    ]);
    expect((await h.call('agent', 'PUT', `${path}/refund-approved`, TEMPLATE)).status).toBe(403);
    expect((await h.call('owner', 'PUT', '/api/ticket-types/nope/mail-templates/x', TEMPLATE)).status).toBe(
      404,
    );
    expect((await h.call('owner', 'PUT', `${path}/Not_A_Key`, TEMPLATE)).status).toBe(422);
    expect(await tableDigests(h.t.pool)).toEqual(before);
  });

  it('keeps a template and lists it, with the placeholders, for everyone who works tickets', async () => {
    const saved = await ok<{ key: string; name: string }>(
      h.call('owner', 'PUT', `${path}/refund-approved`, TEMPLATE),
    );
    expect(saved).toMatchObject({
      key: 'refund-approved',
      name: 'Refund approved',
      subject: TEMPLATE.subject,
    });
    await ok(h.call('owner', 'PUT', `${path}/refund-approved`, { ...TEMPLATE, name: 'Refund approved ✓' }));
    const listed = await ok<{ items: { key: string; name: string }[]; placeholders: Record<string, string> }>(
      h.call('agent', 'GET', path),
    );
    expect(listed.items.map((t) => [t.key, t.name])).toEqual([['refund-approved', 'Refund approved ✓']]);
    expect(Object.keys(listed.placeholders)).toContain('status.url');
  });

  it('offers the agent the template filled in for the ticket, writing nothing, and the reply gets the link', async () => {
    const before = await tableDigests(h.t.pool);
    const offered = await ok<{ items: { key: string; subject: string; text: string }[] }>(
      h.call('agent', 'GET', `/api/tickets/${ticketId}/reply-templates`),
    );
    expect(await tableDigests(h.t.pool)).toEqual(before);
    expect(offered.items).toEqual([
      {
        key: 'refund-approved',
        name: 'Refund approved ✓',
        subject: 'Your refund for K-17',
        text: `Hello Ana,\nyour refund for order K-17 (#${ticketNumber}) is approved.\nFollow it here: {{status.url}}\nagent`,
      },
    ]);
    const sent = await ok<{ text: string }>(
      h.call('agent', 'POST', `/api/tickets/${ticketId}/replies`, { text: offered.items[0]!.text }),
    );
    const link = await ok<{ url: string }>(h.call('agent', 'POST', `/api/tickets/${ticketId}/status-link`));
    expect(sent.text).toContain(`Follow it here: ${link.url}\nagent`);
    expect(sent.text).not.toContain('{{');
  });

  it('deletes a template', async () => {
    expect((await h.call('agent', 'DELETE', `${path}/refund-approved`)).status).toBe(403);
    expect((await h.call('owner', 'DELETE', `${path}/refund-approved`)).status).toBe(204);
    expect((await h.call('owner', 'DELETE', `${path}/refund-approved`)).status).toBe(404);
    expect((await ok<{ items: unknown[] }>(h.call('agent', 'GET', path))).items).toEqual([]);
  });
});
