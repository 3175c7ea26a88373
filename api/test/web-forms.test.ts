// Ticket types as public web forms, through the API on the in-memory runtime: publishing (who
// may, which origins), the form's definition, a ticket opened without an account and checked as
// the API checks, the confirmation mail with the status link in the outbox, the honeypot and the
// rate limit, and an unpublished form that is not there.
import type { InMemoryRuntime } from '@baton/workflows';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploySupportRefunds } from './fixtures.js';
import { createHarness, type Harness } from './harness.js';

let h: Harness;
const TYPE = 'refund-request';
const form = `/api/forms/${TYPE}`;
const settled = () => (h.deps.runtime as InMemoryRuntime).settled();
const count = async (table: string) =>
  (await h.t.pool.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0]!.n;
const submission = {
  title: 'My kettle leaks',
  name: 'Ana',
  email: 'ana@customer.example',
  fields: { orderNumber: 'K-9' },
};

beforeAll(async () => {
  h = await createHarness({ runtime: 'in-memory', config: { appUrl: 'https://help.example.test' } });
  await deploySupportRefunds(h);
});
afterAll(() => h?.close());

describe('public web forms', () => {
  it('are not there until published', async () => {
    expect((await h.call(null, 'GET', form)).status).toBe(404);
    expect((await h.call(null, 'POST', `${form}/tickets`, submission)).status).toBe(404);
    expect(await count('tickets')).toBe(0);
  });

  it('are published by process owners, with origins checked and named', async () => {
    const agent = await h.call('agent', 'PUT', `/api/ticket-types/${TYPE}/public-form`, { published: true });
    expect(agent.status).toBe(403);
    const bad = await h.call('owner', 'PUT', `/api/ticket-types/${TYPE}/public-form`, {
      published: true,
      allowedOrigins: ['https://shop.example.com/help'],
    });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(await bad.json())).toContain('body.allowedOrigins.0');
    // Not a URL at all: named the same way, not a crash.
    const notUrl = await h.call('owner', 'PUT', `/api/ticket-types/${TYPE}/public-form`, {
      published: true,
      allowedOrigins: ['https://shop.example.com', 'not a url'],
    });
    expect(notUrl.status).toBe(422);
    expect(JSON.stringify(await notUrl.json())).toContain('body.allowedOrigins.1');
    const published = await h.call('owner', 'PUT', `/api/ticket-types/${TYPE}/public-form`, {
      published: true,
      allowedOrigins: ['https://shop.example.com'],
    });
    expect(published.status).toBe(200);
    expect(((await published.json()) as { publicForm: unknown }).publicForm).toEqual({
      published: true,
      allowedOrigins: ['https://shop.example.com'],
    });
    const definition = (await (await h.call(null, 'GET', form)).json()) as {
      name: string;
      fields: { key: string }[];
    };
    expect(definition.fields.map((f) => f.key)).toEqual(['orderNumber']);
  });

  it('open a ticket without an account, checked as the API checks, and mail the customer their status link', async () => {
    const missing = await h.call(null, 'POST', `${form}/tickets`, { ...submission, fields: {} });
    expect(missing.status).toBe(422);
    expect(JSON.stringify(await missing.json())).toContain('body.fields.orderNumber');
    expect(await count('tickets')).toBe(0);

    const res = await h.call(null, 'POST', `${form}/tickets`, submission);
    expect(res.status).toBe(201);
    const answer = (await res.json()) as { number: number; statusUrl: string };
    expect(answer.statusUrl).toMatch(/^https:\/\/help\.example\.test\/status\/[0-9a-f]{32}$/);
    await settled();
    const { rows } = await h.t.pool.query<{
      id: string;
      created_by: string | null;
      customer: unknown;
      number: string;
    }>('select id, created_by, customer, number from tickets');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      created_by: null,
      customer: { name: 'Ana', email: 'ana@customer.example' },
    });
    expect(Number(rows[0]!.number)).toBe(answer.number);
    const outbox = await h.t.pool.query<{ email: string; subject: string; body: string; template: string }>(
      "select email, subject, body, template from notifications where channel = 'email'",
    );
    expect(outbox.rows).toEqual([
      {
        email: 'ana@customer.example',
        template: 'customer-confirmation',
        subject: `We received your request #${answer.number}: My kettle leaks`,
        body: expect.stringContaining(answer.statusUrl),
      },
    ]);
    const status = await h.call(null, 'GET', `/api/status/${answer.statusUrl.split('/').at(-1)}`);
    expect(status.status).toBe(200);
  });

  it('answer a filled honeypot as if it worked, keeping nothing', async () => {
    const before = [await count('tickets'), await count('notifications')];
    const bot = await h.call(null, 'POST', `${form}/tickets`, {
      ...submission,
      website: 'http://spam.example',
    });
    expect(bot.status).toBe(201);
    expect(await bot.json()).toEqual({ number: null, statusUrl: null });
    await settled();
    expect([await count('tickets'), await count('notifications')]).toEqual(before);
  });

  it('stop a flood from one address', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 5; i += 1)
      codes.push(
        (await h.call(null, 'POST', `${form}/tickets`, { ...submission, title: `flood ${i}` })).status,
      );
    // Three were counted already (the refused one, the ticket, the honeypot): two more pass.
    expect(codes).toEqual([201, 201, 429, 429, 429]);
    await settled();
  });

  it('are gone again once withdrawn', async () => {
    await h.call('owner', 'PUT', `/api/ticket-types/${TYPE}/public-form`, { published: false });
    expect((await h.call(null, 'GET', form)).status).toBe(404);
  });
});
