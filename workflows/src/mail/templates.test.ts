import { mailTemplates, stages, ticketStatusLinks, tickets } from '@baton/db';
import { type TestDatabase, createTestDatabase } from '@baton/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE, insertFixture } from '../../test/support/fixtures.js';
import { renderTemplate, renderTicketTemplate, templateProblems } from './templates.js';

describe('templateProblems', () => {
  it('accepts the known placeholders and the type’s fields, however spaced', () => {
    expect(
      templateProblems(
        {
          subject: 'Re: #{{ticket.number}} {{ ticket.title }}',
          body: 'Order {{fields.orderNumber}}: {{status.url}}',
        },
        ['orderNumber'],
      ),
    ).toEqual([]);
  });

  it('names each unknown placeholder and where it is', () => {
    const problems = templateProblems(
      { subject: '{{ticket.nmber}}', body: '{{fields.refund}} and {{customer.name}} {{}}' },
      ['orderNumber'],
    );
    expect(problems.map((p) => [p.path, p.message.split(':')[0]])).toEqual([
      ['subject', 'unknown placeholder {{ticket.nmber}}'],
      ['body', 'unknown placeholder {{fields.refund}}'],
      ['body', 'unknown placeholder {{}}'],
    ]);
    expect(problems[0]!.message).toContain('fields.orderNumber');
  });
});

describe('renderTemplate', () => {
  it('inserts values as text, leaving markup and braces of the values alone', () => {
    expect(renderTemplate('Hi {{customer.name}}, {{x}}!', { 'customer.name': '<b>{{x}}</b>', x: 'y' })).toBe(
      'Hi <b>{{x}}</b>, y!',
    );
  });

  it('leaves a placeholder it has no value for as written', () => {
    expect(renderTemplate('Link: {{status.url}} {{ nope }}', {})).toBe('Link: {{status.url}} {{ nope }}');
  });
});

describe('renderTicketTemplate', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    await insertFixture(t.db);
    await t.db.insert(tickets).values({
      id: 'tk-tpl',
      typeId: FIXTURE.typeId,
      flowVersionId: FIXTURE.flowVersionId,
      title: 'Refund please',
      customer: { email: 'ana@customer.example', name: 'Ana' },
      fields: { orderNumber: 'K-17', amount: 42 },
    });
    await t.db.insert(stages).values({
      ticketId: 'tk-tpl',
      taskId: 'task-1',
      elementId: 'Handle',
      name: 'Handle',
      departmentKey: 'support',
      assigneeId: 'bob',
      enteredAt: new Date(),
    });
    await t.db.insert(mailTemplates).values({
      typeId: FIXTURE.typeId,
      key: 'refund-approved',
      name: 'Refund approved',
      subject: 'Your refund for {{fields.orderNumber}} (#{{ticket.number}})',
      body: 'Hello {{customer.name}},\n{{fields.amount}} EUR are on their way. {{agent.name}}\n{{status.url}}',
    });
  });
  afterAll(() => t?.drop());

  it('previews without issuing a status link, leaving its placeholder for the send', async () => {
    const preview = await renderTicketTemplate(t.db, 'tk-tpl', 'refund-approved', {
      appUrl: 'https://help.example',
      statusLink: 'existing',
    });
    expect(preview!.text).toMatch(/\n\{\{status\.url\}\}$/);
    expect(
      await t.db.select().from(ticketStatusLinks).where(eq(ticketStatusLinks.ticketId, 'tk-tpl')),
    ).toEqual([]);
  });

  it("renders the type's template for the ticket, issuing its status link", async () => {
    const [ticket] = await t.db
      .select({ number: tickets.number })
      .from(tickets)
      .where(eq(tickets.id, 'tk-tpl'));
    const mail = await renderTicketTemplate(t.db, 'tk-tpl', 'refund-approved', {
      appUrl: 'https://help.example/',
    });
    const [link] = await t.db
      .select()
      .from(ticketStatusLinks)
      .where(eq(ticketStatusLinks.ticketId, 'tk-tpl'));
    expect(mail).toEqual({
      subject: `Your refund for K-17 (#${ticket!.number})`,
      text: `Hello Ana,\n42 EUR are on their way. bob\nhttps://help.example/status/${link!.token}`,
    });
    const replying = await renderTicketTemplate(t.db, 'tk-tpl', 'refund-approved', {
      appUrl: 'https://help.example',
      agentName: 'Alice Agent',
    });
    expect(replying!.text).toContain('on their way. Alice Agent');
    expect(await renderTicketTemplate(t.db, 'tk-tpl', 'nope', { appUrl: '' })).toBeUndefined();
  });
});
