// Agents' and leads' work end to end in a real Chromium against the real server (scripts/start.mjs
// on a fresh, seeded database, the local Temporal dev server as `pnpm start` runs it), signed in
// with the seed's logins: a new ticket from the form whose first task is completed and reaches the
// next department's inbox; a task held and resumed; an extension granted (the deadline moves) and
// one denied (on the timeline); notifications; an overdue task's level in the "Overdue only" list;
// a title with markup shown as text everywhere; a customer's mail to the support mailbox (a real
// SMTP client to Baton's listener) answered from the ticket page, the reply reaching the
// customer's mailbox (a real SMTP server) from the thread's address, and the answer coming back.
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEV_PASSWORDS, userIdFor } from '@baton/db';
import { createTestDatabase, freeTestPort, type TestDatabase } from '@baton/db/testing';
import { startTestSmtp, type TestSmtp } from '@baton/workflows/testing';
import nodemailer from 'nodemailer';
import { findChromium, launchChromium } from './chromium.js';
import { watchCspViolations } from './csp.js';
import { REPO_ROOT, RESULTS, startBaton, type RunningServer } from './server.js';

const chromiumCheck = findChromium();
if (chromiumCheck.skipReason) console.warn(`[agent-lead browser test] skipped: ${chromiumCheck.skipReason}`);

/** The seed's logins (db/src/seed/data.ts). */
const LOGIN = {
  owner: { email: 'owner@baton.local', password: DEV_PASSWORDS.processOwner },
  sam: { email: 'support.agent1@baton.local', password: DEV_PASSWORDS.agent },
  rosa: { email: 'refunds.agent@baton.local', password: DEV_PASSWORDS.agent },
  lena: { email: 'support.lead@baton.local', password: DEV_PASSWORDS.agent },
  sofia: { email: 'support.agent2@baton.local', password: DEV_PASSWORDS.agent },
} as const;
type Who = keyof typeof LOGIN;
const userIdOf = (who: Who) => userIdFor(LOGIN[who].email);

/**
 * The API tests' support → refunds flow with a layout, as the modeler would save it (the file has
 * none); `fast` has a 3-second Triage deadline (overdue at once).
 */
const FLOW = readFileSync(path.join(REPO_ROOT, 'api/test/flows/support-refunds.bpmn'), 'utf8')
  .replace(
    '<bpmn:definitions ',
    '<bpmn:definitions xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" ',
  )
  .replace(
    '</bpmn:definitions>',
    `${readFileSync(path.join(REPO_ROOT, 'test/browser/fixtures/support-refunds-diagram.xml'), 'utf8')}</bpmn:definitions>`,
  );
const FAST_TYPE = 'browser-fast';
const SLOW_TYPE = 'browser-refund';
/** The same flow with a form: what the new-ticket form checks as the API does. */
const FORM_TYPE = 'browser-form';
const FORM_FIELDS = [
  { key: 'orderNumber', label: 'Order number', type: 'text', required: true },
  { key: 'amount', label: 'Amount', type: 'number' },
  { key: 'purchased', label: 'Purchased on', type: 'date' },
];
const MIN = 60_000;
const MARKUP = '<img src=x onerror=alert(1)>';
const SUPPORT_ADDRESS = 'help@baton.local';

type Task = { id: string; name: string; dueAt: string | null; slaLevel: string };
type Detail = { id: string; number: number; title: string; openTasks: Task[] };
type Client = <T>(method: string, route: string, body?: unknown) => Promise<T>;

describe.skipIf(!!chromiumCheck.skipReason)('agents and leads in the browser', () => {
  let database: TestDatabase;
  let server: RunningServer;
  /** The customers' mailbox: what Baton sends out over SMTP arrives here. */
  let customerMailbox: TestSmtp;
  /** A customer's mail client, talking SMTP to Baton's inbound listener. */
  let mailClient: nodemailer.Transporter;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  const cspViolations: string[] = [];
  const dialogs: string[] = [];
  const consoleErrors: string[] = [];
  const api = {} as Record<Who, Client>;

  /** A JSON API client signed in as `who` (its own cookie). */
  async function signIn(who: Who): Promise<Client> {
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(LOGIN[who]),
    });
    if (!login.ok) throw new Error(`login ${who}: ${login.status} ${await login.text()}`);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    return async <T>(method: string, route: string, body?: unknown): Promise<T> => {
      const res = await fetch(`${server.url}${route}`, {
        method,
        headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    };
  }

  const pages = new Map<Who, Page>();
  /**
   * A browser session at 1366×768 signed in as `who` (one per person for the whole suite: sign-in
   * is rate-limited per e-mail address).
   */
  async function open(who: Who): Promise<Page> {
    const known = pages.get(who);
    if (known) return known;
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(`${who}: ${err.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(`${who}: ${message.text()}`);
    });
    page.on('dialog', (dialog) => {
      dialogs.push(`${who}: ${dialog.type()} ${dialog.message()}`);
      void dialog.dismiss();
    });
    await watchCspViolations(page, cspViolations);
    await page.goto(`${server.url}/login`);
    await page.fill('input[name=email]', LOGIN[who].email);
    await page.fill('input[name=password]', LOGIN[who].password);
    await page.press('input[name=password]', 'Enter');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    pages.set(who, page);
    return page;
  }

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: path.join(RESULTS, name), fullPage: false });

  const newTicket = (who: Who, typeId: string, title: string) =>
    api[who]<Detail>('POST', '/api/tickets', {
      typeId,
      title,
      priority: 'high',
      customer: { name: 'Carla Customer', email: 'carla@example.com' },
    });

  beforeAll(async () => {
    mkdirSync(RESULTS, { recursive: true });
    database = await createTestDatabase();
    customerMailbox = await startTestSmtp();
    const mailInPort = await freeTestPort();
    server = await startBaton({
      databaseUrl: database.url,
      env: {
        SMTP_URL: customerMailbox.url,
        BATON_SUPPORT_ADDRESS: SUPPORT_ADDRESS,
        BATON_MAIL_IN_PORT: String(mailInPort),
        BATON_MAIL_IN_HOST: '127.0.0.1',
        BATON_MAIL_IN_TICKET_TYPE: 'customer-email',
      },
    });
    mailClient = nodemailer.createTransport({ host: '127.0.0.1', port: mailInPort, ignoreTLS: true });
    browser = await launchChromium(chromiumCheck.path as string);
    for (const who of Object.keys(LOGIN) as Who[]) api[who] = await signIn(who);
    for (const [id, xml, fields] of [
      [SLOW_TYPE, FLOW, []],
      [FAST_TYPE, FLOW.replace('baton:sla="PT1H"', 'baton:sla="PT3S"'), []],
      [FORM_TYPE, FLOW, FORM_FIELDS],
    ] as const) {
      await api.owner('POST', '/api/ticket-types', { id, name: `${id} (test)`, fields });
      await api.owner('PUT', `/api/ticket-types/${id}/flow`, { xml });
      await api.owner('POST', `/api/ticket-types/${id}/flow/deploy`, {});
    }
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    mailClient?.close();
    await server?.stop();
    await customerMailbox?.close();
    await database?.drop();
  });

  const detail = (who: Who, id: string) => api[who]<Detail>('GET', `/api/tickets/${id}`);
  const timeline = (page: Page) => page.locator('[data-test=timeline]').textContent();
  const taskOf = (page: Page, ticket: Detail) =>
    page.locator(`[data-test-task="${ticket.openTasks[0]!.id}"]`);

  it("creates a ticket from the form (checked as the API checks), completes its first task, and the next department's agent has it", async () => {
    const sam = await open('sam');
    await sam.goto(`${server.url}/inbox`);
    await sam.click('[data-test=new-ticket-link]');
    await sam.waitForURL(/\/tickets\/new$/);
    await sam.selectOption('[data-test=new-ticket-type]', FORM_TYPE);
    await sam.locator('[data-test=field-orderNumber]').waitFor();

    // Enter with the required field empty: refused in the browser, its field focused.
    await sam.fill('[data-test=new-ticket-title]', `Refund for order 4711`);
    await sam.press('[data-test=new-ticket-title]', 'Enter');
    await expect
      .poll(() => sam.locator('[data-test="problem-fields.orderNumber"]').textContent())
      .toBe('Order number is required');
    expect(await sam.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('fields.orderNumber');
    await sam.keyboard.type('4711');
    await sam.fill('[data-test=field-amount]', 'twelve');
    await sam.press('[data-test=field-amount]', 'Enter');
    await expect
      .poll(() => sam.locator('[data-test="problem-fields.amount"]').textContent())
      .toBe('Amount must be a number');
    expect(await sam.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('fields.amount');
    await sam.fill('[data-test=field-amount]', '12.50');
    // A customer address the API refuses: its problem beside the field, which gets the focus.
    await sam.fill('[data-test=new-ticket-customer-name]', 'Carla Customer');
    await sam.fill('[data-test=new-ticket-customer-email]', 'carla at example');
    await sam.press('[data-test=new-ticket-customer-email]', 'Enter');
    await sam.locator('[data-test="problem-customer.email"]').waitFor();
    expect(await sam.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('customer.email');
    await shot(sam, 'agent-new-ticket.png');
    await sam.fill('[data-test=new-ticket-customer-email]', 'carla@example.com');
    await sam.press('[data-test=new-ticket-customer-email]', 'Enter');
    await sam.waitForURL(/\/tickets\/[0-9a-f-]{36}$/);
    const id = sam.url().split('/').at(-1)!;
    const created = await detail('sam', id);
    expect(created).toMatchObject({ title: 'Refund for order 4711' });

    // The ticket view: its fields, the diagram with Triage open, and only the actions allowed.
    await expect
      .poll(() => sam.locator('[data-test=ticket-fields]').textContent())
      .toMatch(/Order number\s*4711.*Amount\s*12\.5/s);
    await sam.locator('[data-test=ticket-diagram][data-shown=true]').waitFor();
    expect(await sam.locator('[data-test=diagram-open-task][data-element=Task_Triage]').textContent()).toBe(
      'unclaimed',
    );
    const triage = taskOf(sam, created);
    await triage.locator('[data-test=claim]').click();
    await expect.poll(() => timeline(sam)).toContain('Sam Li claimed Triage');
    // Triage is not returnable: no Return button; it may go to refunds only.
    expect(await triage.locator('[data-test=return]').count()).toBe(0);
    await triage.locator('[data-test=transfer]').click();
    expect(await triage.locator('[data-test=transfer-department] option').allTextContents()).toEqual([
      'Refunds',
    ]);
    await triage.locator('[data-test=transfer]').click(); // closes the form again
    expect(await triage.locator('[data-test=complete-refund]').textContent()).toContain('Refund');
    await shot(sam, 'agent-ticket-open.png');
    await triage.locator('[data-test=complete-refund]').click();
    await expect.poll(() => timeline(sam)).toContain('Sam Li completed Triage with outcome “Refund”');
    await expect
      .poll(() => sam.locator('[data-test=diagram-open-task]').getAttribute('data-element'))
      .toBe('Task_Refund');

    // Rosa, in refunds, has it in her department's queue, and may return it.
    const rosa = await open('rosa');
    await rosa.goto(`${server.url}/inbox`);
    await rosa.click('[data-test=tab-department]');
    await expect
      .poll(() => rosa.locator('[data-test=inbox]').textContent())
      .toContain('Refund for order 4711');
    await rosa.locator('[data-test=inbox] a', { hasText: `#${created.number}` }).click();
    await rosa.waitForURL(new RegExp(`/tickets/${id}$`));
    const refund = rosa.locator('[data-test=open-tasks] li').first();
    await refund.locator('[data-test=claim]').waitFor();
    await refund.locator('[data-test=claim]').click();
    await refund.locator('[data-test=return]').waitFor();
    await rosa.locator('[data-test=ticket-diagram][data-shown=true]').waitFor();
    await rosa.waitForTimeout(300); // the diagram's fit settles
    await shot(rosa, 'agent-ticket-view.png');
    // The page scrolls inside the app's main area: the lower half (stages, timeline) as a second shot.
    await rosa.evaluate(() => document.querySelector('main.content')?.scrollTo(0, 10_000));
    await shot(rosa, 'agent-ticket-view-lower.png');
    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });

  it('puts a task on hold with a reason (the clock stops) and resumes it', async () => {
    const ticket = await newTicket('sam', SLOW_TYPE, 'Waiting for a photo');
    const sam = await open('sam');
    await sam.goto(`${server.url}/tickets/${ticket.id}`);
    const task = taskOf(sam, ticket);
    await task.locator('[data-test=hold]').click();
    await task.locator('[data-test=reason]').fill('waiting for the customer’s photo');
    await task.locator('[data-test=reason]').press('Enter');
    await task.locator('[data-test=task-held]').waitFor();
    expect(await task.locator('[data-test=task-due]').textContent()).toBe('clock stopped');
    await expect
      .poll(() => timeline(sam))
      .toContain('Sam Li put Triage on hold: waiting for the customer’s photo');
    expect(await task.locator('[data-test=hold]').count()).toBe(0);
    await task.locator('[data-test=resume]').click();
    await expect.poll(() => timeline(sam)).toContain('Triage resumed');
    expect(await task.locator('[data-test=task-held]').count()).toBe(0);
    await task.locator('[data-test=deadline-explanation] summary').click();
    expect(await task.locator('[data-test=deadline-pauses]').textContent()).toContain(
      'waiting for the customer’s photo',
    );
    // The clock's ledger as a bar: counted, then on hold (with its reason), counted again, and
    // what is left until the deadline.
    const ledger = task.locator('[data-test=clock-ledger]');
    expect(
      await ledger.locator('.piece').evaluateAll((ps) => ps.map((p) => p.getAttribute('data-kind'))),
    ).toEqual(expect.arrayContaining(['counting', 'paused', 'left']));
    expect(await ledger.locator('[data-kind=paused]').getAttribute('title')).toContain(
      'On hold, clock stopped',
    );
    expect(await ledger.locator('[data-kind=paused]').getAttribute('title')).toContain(
      'waiting for the customer’s photo',
    );
    expect((await detail('sam', ticket.id)).openTasks[0]).toMatchObject({ held: false });
  });

  it('reopens a done ticket from its page with a reason; it goes back to the stage that closed last', async () => {
    const ticket = await newTicket('sam', SLOW_TYPE, 'Refund never arrived');
    const triage = ticket.openTasks[0]!.id;
    await api.sam('POST', `/api/tasks/${triage}/claim`, {});
    await api.sam('POST', `/api/tasks/${triage}/complete`, { outcome: 'solved' });
    const sam = await open('sam');
    await sam.goto(`${server.url}/tickets/${ticket.id}`);
    await expect.poll(() => sam.locator('[data-test=ticket-status]').textContent()).toBe('done');
    // A stopped clock says so, with no deadline ahead.
    const resolution = sam.locator('[data-clock=resolution]');
    expect(await resolution.locator('[data-test=deadline-explanation] summary').textContent()).toMatch(
      /used .* · stopped\s*$/,
    );
    await sam.locator('[data-test=reopen-start]').click();
    // The reason field has the focus; the stage that closed last is the default.
    expect(await sam.evaluate(() => document.activeElement?.getAttribute('data-test'))).toBe('reopen-reason');
    expect(await sam.locator('[data-test=reopen-at]').inputValue()).toBe('Task_Triage');
    expect(await sam.locator('[data-test=reopen-at] option').allTextContents()).toEqual([
      'Triage (closed last)',
      'Refund',
    ]);
    // Without a reason nothing is sent.
    await sam.locator('[data-test=reopen-confirm]').click();
    expect(await sam.locator('[data-test=problem-reason]').textContent()).toContain('say why');
    expect((await detail('sam', ticket.id)).openTasks).toEqual([]);
    await sam.locator('[data-test=reopen-reason]').fill('The customer says the refund never arrived');
    expect(await sam.locator('[data-test=problem-reason]').count()).toBe(0);
    await shot(sam, 'ticket-reopen.png');
    await sam.locator('[data-test=reopen-reason]').press('Control+Enter');
    await sam.locator('[data-test=open-tasks]').waitFor();
    expect(await sam.locator('[data-test=open-tasks] .task-head > strong').allTextContents()).toEqual([
      'Triage',
    ]);
    expect(await sam.locator('[data-test=reopen]').count()).toBe(0);
    await expect
      .poll(() => timeline(sam))
      .toContain('Sam Li reopened the ticket: The customer says the refund never arrived');
    // The seed's resolution rule times a reopened ticket again; first response does not.
    await expect
      .poll(() => resolution.locator('[data-test=clock-cycle]').textContent())
      .toBe('cycle 2 (reopened)');
    expect(await resolution.locator('[data-test=clock-earlier]').textContent()).toMatch(
      /Cycle 1: met · took/,
    );
    expect(await sam.locator('[data-clock=first-response] [data-test=clock-cycle]').count()).toBe(0);
    await sam.locator('[data-test=open-tasks]').scrollIntoViewIfNeeded();
    await shot(sam, 'ticket-reopened.png');
    const after = await detail('sam', ticket.id);
    expect(after.openTasks.map((task) => task.name)).toEqual(['Triage']);
    expect(after.openTasks[0]!.id).not.toBe(triage);
  });

  it('a lead grants an extension with an amount (the deadline moves) and denies another (on the timeline)', async () => {
    const ticket = await newTicket('sam', SLOW_TYPE, 'Needs the warehouse');
    const dueBefore = Date.parse(ticket.openTasks[0]!.dueAt!);
    const sam = await open('sam');
    await sam.goto(`${server.url}/tickets/${ticket.id}`);
    const task = taskOf(sam, ticket);
    const ask = async (minutes: number, reason: string) => {
      await task.locator('[data-test=request-extension]').click();
      await task.locator('[data-test=extension-minutes]').fill(String(minutes));
      await task.locator('[data-test=reason]').fill(reason);
      await task.locator('[data-test=reason]').press('Enter');
      await task.locator('[data-test=extension-pending]').waitFor();
    };
    await ask(30, 'the warehouse answers tomorrow');

    const lena = await open('lena');
    await lena.goto(`${server.url}/extension-requests`);
    const request = lena.locator('[data-test=requests-to-decide] li', { hasText: 'Needs the warehouse' });
    await request.waitFor();
    expect(await request.locator('[data-test=asked]').textContent()).toBe('30 min');
    await request.locator('[data-test=grant-minutes]').fill('45');
    await shot(lena, 'lead-extension-requests.png');
    await request.locator('[data-test=grant-minutes]').press('Enter');
    await expect.poll(() => request.count()).toBe(0);
    const granted = await detail('sam', ticket.id);
    expect(Date.parse(granted.openTasks[0]!.dueAt!) - dueBefore).toBe(45 * MIN);

    await sam.reload();
    await expect.poll(() => timeline(sam)).toContain('Lena Wu extended the deadline of Triage by 45 min');
    await task.locator('[data-test=deadline-explanation] summary').click();
    expect(await task.locator('[data-test=deadline-extensions]').textContent()).toContain(
      '+45 min by Lena Wu',
    );
    expect(await task.locator('[data-test=ledger-extension]').getAttribute('title')).toBe(
      '+45 min granted by Lena Wu',
    );
    await shot(sam, 'ticket-clock-ledger.png');

    await ask(20, 'and a little more');
    await lena.reload();
    const second = lena.locator('[data-test=requests-to-decide] li', { hasText: 'Needs the warehouse' });
    await second.locator('[data-test=deny-reason]').fill('finish it today');
    await second.locator('[data-test=deny]').click();
    await expect.poll(() => second.count()).toBe(0);
    await sam.reload();
    await expect.poll(() => timeline(sam)).toContain('Lena Wu denied 20 min more on Triage: finish it today');
    expect((await detail('sam', ticket.id)).openTasks[0]!.dueAt).toBe(granted.openTasks[0]!.dueAt);
    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });

  /** The ticket the overdue test makes; its SLA levels are what the notifications test counts. */
  let overdueTicketId: string | undefined;

  it("lists a ticket whose task is overdue with the task's level, not the ticket's on-time badge", async () => {
    const ticket = await newTicket('sam', FAST_TYPE, 'Overdue at once');
    overdueTicketId = ticket.id;
    const page = await open('sam');
    // The task's deadline is 3 s away; its overdue (and severe) levels come through Temporal timers.
    await expect
      .poll(
        async () =>
          (await api.sam<{ items: { id: string }[] }>('GET', '/api/tickets?overdue=true')).items.map(
            (t) => t.id,
          ),
        { timeout: 30_000 },
      )
      .toContain(ticket.id);
    await page.goto(`${server.url}/tickets?overdue=true`);
    const row = page.locator(`[data-test=ticket-list] tr[data-test-ticket="${ticket.id}"]`);
    await row.waitFor();
    expect(await row.locator('[data-test=sla-badge]').textContent()).toMatch(/overdue|severe/);
    await shot(page, 'agent-tickets-overdue.png');
  });

  it('counts unread notifications in the header; one opens its ticket and is read, then all are', async () => {
    // The overdue ticket above told Sam of its levels. Count once its last level (severe) is in:
    // a level's notifications are written with it, so none arrives while the badge is counted.
    expect(overdueTicketId).toBeDefined();
    await expect
      .poll(async () => (await detail('sam', overdueTicketId!)).openTasks[0]?.slaLevel, { timeout: 30_000 })
      .toBe('severe');
    expect(
      (await api.sam<{ unread: number }>('GET', '/api/notifications/unread-count')).unread,
    ).toBeGreaterThan(1);
    const sam = await open('sam');
    await sam.goto(`${server.url}/tickets`);
    const badge = sam.locator('[data-test=unread-count]');
    const before = Number(await badge.textContent());
    expect(before).toBeGreaterThan(1);
    await sam.click('[data-test=notifications-link]');
    await sam.waitForURL(/\/notifications$/);
    const first = sam.locator('[data-test=notifications] li[data-read=false]').first();
    await first.waitFor();
    await shot(sam, 'agent-notifications.png');
    await first.locator('[data-test=notification-link]').click();
    await sam.waitForURL(/\/tickets\/[0-9a-f-]{36}$/);
    await expect.poll(async () => Number(await badge.textContent())).toBe(before - 1);
    await sam.click('[data-test=notifications-link]');
    await sam.click('[data-test=mark-all-read]');
    await expect.poll(() => badge.count()).toBe(0);
    expect(await sam.locator('[data-test=notifications] li[data-read=false]').count()).toBe(0);
  });

  it('shows a title with markup as text on the ticket page, in the inbox and in the ticket list', async () => {
    const ticket = await newTicket('sam', SLOW_TYPE, `Broken ${MARKUP} kettle`);
    const page = await open('sam');
    const title = `Broken ${MARKUP} kettle`;
    await page.goto(`${server.url}/tickets/${ticket.id}`);
    await expect.poll(() => page.locator('[data-test=ticket-heading]').textContent()).toContain(title);
    await page.goto(`${server.url}/inbox`);
    await page.click('[data-test=tab-department]');
    await expect.poll(() => page.locator('[data-test=inbox]').textContent()).toContain(title);
    await page.goto(`${server.url}/tickets`);
    await expect.poll(() => page.locator('[data-test=ticket-list]').textContent()).toContain(title);
    // No element was made of the title: the markup is text only, and nothing ran.
    expect(await page.locator('img[src=x]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });

  it("answers a customer's mail from the ticket page; the reply leaves from the thread's address and the answer comes back", async () => {
    const customer = 'dora.mail@example.com';
    await mailClient.sendMail({
      from: `Dora Mail <${customer}>`,
      to: SUPPORT_ADDRESS,
      subject: `Parcel ${MARKUP} never came`,
      text: 'Ordered on Monday, order 5521. Nothing yet.',
      attachments: [{ filename: 'receipt.txt', content: 'order 5521' }],
    });
    type Listed = { items: { id: string; title: string }[] };
    const found = async () =>
      (await api.sam<Listed>('GET', `/api/tickets?q=${encodeURIComponent('never came')}`)).items;
    await expect.poll(found, { timeout: 20_000 }).toHaveLength(1);
    const [ticket] = await found();

    const page = await open('sam');
    await page.goto(`${server.url}/tickets/${ticket!.id}`);
    const incoming = page.locator('[data-test=mail-in]');
    await expect.poll(() => incoming.first().textContent()).toContain('Nothing yet.');
    expect(await incoming.first().textContent()).toContain(`Parcel ${MARKUP} never came`);
    // The customer by name, with the address beside it.
    expect(await incoming.first().locator('[data-test=mail-author]').textContent()).toBe('Dora Mail');
    expect(await incoming.first().textContent()).toContain(`<${customer}>`);
    expect(await page.locator('[data-test=attachment]').textContent()).toBe('receipt.txt');

    await page.fill('[data-test=reply-text]', 'Sorry, Dora! It left our warehouse today.');
    await page.press('[data-test=reply-text]', 'Control+Enter');
    await expect
      .poll(() => page.locator('[data-test=mail-out]').textContent())
      .toContain('It left our warehouse today.');
    expect(await page.locator('[data-test=reply-text]').inputValue()).toBe('');

    // The outbox relay delivers it to the customer, with the thread's address to answer to.
    const delivered = () => customerMailbox.received.filter((m) => m.to.includes(customer));
    await expect.poll(() => delivered().length, { timeout: 20_000 }).toBe(1);
    const replyTo = /^Reply-To: (.+)$/im.exec(delivered()[0]!.raw)?.[1]?.trim() ?? '';
    expect(replyTo).toMatch(/^help\+[0-9a-f]{32}@baton\.local$/);
    await page.reload();
    await expect.poll(() => page.locator('[data-test=delivery]').textContent()).toBe('Sent');
    await shot(page, 'ticket-conversation.png');

    await mailClient.sendMail({
      from: customer,
      to: replyTo,
      subject: 'Re: parcel',
      text: 'Thanks, got it!',
    });
    type Conversation = { items: { text: string }[] };
    await expect
      .poll(
        async () =>
          (await api.sam<Conversation>('GET', `/api/tickets/${ticket!.id}/conversation`)).items.length,
        {
          timeout: 20_000,
        },
      )
      .toBe(3);
    expect(await found()).toHaveLength(1);

    // The customer opens the status link from the reply, signed in to nothing, and adds to it.
    const statusUrl = /https?:\/\/\S+\/status\/[0-9a-f]{32}/.exec(
      delivered()[0]!.raw.replace(/=\r?\n/g, ''),
    )?.[0];
    expect(statusUrl).toBeDefined();
    const stranger = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    contexts.push(stranger);
    const customerPage = await stranger.newPage();
    customerPage.on('pageerror', (err) => pageErrors.push(`customer: ${err.message}`));
    await watchCspViolations(customerPage, cspViolations);
    await customerPage.goto(statusUrl!);
    await expect
      .poll(() => customerPage.locator('[data-test=customer-state]').textContent())
      .toBe('We are working on it');
    expect(await customerPage.locator('[data-test=customer-departments]').textContent()).toBe(
      'Customer service (front line)',
    );
    expect(await customerPage.locator('[data-test=customer-expected]').textContent()).toMatch(/\(in \d/);
    expect(await customerPage.locator('[data-test=customer-message]').count()).toBe(3);
    expect(await customerPage.locator('[data-test=customer-status]').textContent()).not.toContain('Sam Li');
    await customerPage.fill('[data-test=customer-text]', 'One more thing: the box was open.');
    await customerPage.click('[data-test=customer-send]');
    await expect.poll(() => customerPage.locator('[data-test=customer-message]').count()).toBe(4);
    await shot(customerPage, 'customer-status.png');
    await expect
      .poll(
        async () =>
          (await api.sam<Conversation>('GET', `/api/tickets/${ticket!.id}/conversation`)).items.length,
      )
      .toBe(4);

    // Support answers it (whoever round-robin gave it to); the customer, asked for a rating on
    // the page, gives a bad one, and the support lead finds the review waiting.
    type Assigned = { openTasks: { id: string; assignee: string | null }[] };
    const answered = await api.sam<Assigned>('GET', `/api/tickets/${ticket!.id}`);
    const task = answered.openTasks[0]!;
    const assignee = (['sam', 'sofia', 'lena'] as const).find((who) => task.assignee === userIdOf(who))!;
    await api[assignee]('POST', `/api/tasks/${task.id}/complete`, { outcome: 'resolved' });
    await customerPage.reload();
    await customerPage.locator('[data-test=customer-rate]').waitFor();
    await customerPage.check('[data-test=score-1]');
    await customerPage.fill('[data-test=rating-comment]', 'It took two mails to get an answer.');
    await customerPage.click('[data-test=send-rating]');
    await expect
      .poll(() => customerPage.locator('[data-test=customer-rated]').textContent())
      .toContain('1 of 5');
    const lead = await open('lena');
    await lead.goto(`${server.url}/reviews`);
    const review = lead.locator('[data-test=reviews] li').filter({ hasText: 'never came' });
    await expect.poll(() => review.textContent()).toContain('It took two mails to get an answer.');
    await shot(lead, 'reviews.png');
    await review.locator('[data-test=review-note]').fill('Called Dora back and apologised.');
    await review.locator('[data-test=close-review]').click();
    await expect.poll(() => review.count()).toBe(0);
    // The ticket page shows the rating with its closed review.
    await page.reload();
    await expect
      .poll(() => page.locator('[data-test=ticket-rating]').textContent())
      .toContain('Rated 1 of 5');
    expect(await page.locator('[data-test=rating-review]').textContent()).toContain(
      'Called Dora back and apologised.',
    );
    expect(await page.locator('img[src=x]').count()).toBe(0);
    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });

  it("keeps a type's mail template (a mistyped placeholder named at its field); an agent replies from it, filled in for the ticket", async () => {
    const owner = await open('owner');
    await owner.goto(`${server.url}/flows/${FORM_TYPE}`);
    const editor = owner.locator('[data-test=mail-templates]');
    await editor.locator('[data-test=no-mail-templates]').waitFor();
    await editor.locator('[data-test=mail-template-name]').fill('Order received');
    expect(await editor.locator('[data-test=mail-template-key]').inputValue()).toBe('order-received');
    await editor.locator('[data-test=mail-template-subject]').fill('We have your order');
    await editor
      .locator('[data-test=mail-template-body]')
      .fill('Hello ,\nwe have order {{fields.orderNo}}.\n');
    await editor.locator('[data-test=mail-template-save]').click();
    await expect
      .poll(() => editor.locator('[data-test=mail-template-body-error]').textContent())
      .toMatch(/^unknown placeholder \{\{fields\.orderNo\}\}/);
    // Fixed by the placeholder buttons, put in at the caret.
    const body = editor.locator('[data-test=mail-template-body]');
    await body.fill('Hello ,\nwe have order .\nFollow it here: ');
    await body.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(6, 6));
    await editor.getByRole('button', { name: 'customer.name', exact: true }).click();
    await body.evaluate((el: HTMLTextAreaElement) =>
      el.setSelectionRange(el.value.indexOf(' .') + 1, el.value.indexOf(' .') + 1),
    );
    await editor.getByRole('button', { name: 'fields.orderNumber', exact: true }).click();
    await body.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(el.value.length, el.value.length));
    await editor.getByRole('button', { name: 'status.url', exact: true }).click();
    expect(await body.inputValue()).toBe(
      'Hello {{customer.name}},\nwe have order {{fields.orderNumber}}.\nFollow it here: {{status.url}}',
    );
    await editor.locator('[data-test=mail-template-save]').click();
    await expect.poll(() => editor.locator('[data-test=mail-template-row]').count()).toBe(1);
    expect(await editor.locator('[data-test=mail-template-body-error]').count()).toBe(0);
    await shot(owner, 'mail-templates.png');

    const customer = 'olga.order@example.com';
    const ticket = await api.sam<Detail>('POST', '/api/tickets', {
      typeId: FORM_TYPE,
      title: 'Where is order K-77?',
      customer: { name: 'Olga Order', email: customer },
      fields: { orderNumber: 'K-77' },
    });
    const page = await open('sam');
    await page.goto(`${server.url}/tickets/${ticket.id}`);
    const picker = page.locator('[data-test=reply-template]');
    await picker.waitFor();
    await picker.selectOption({ label: 'Order received' });
    // Filled in for the ticket; the status link is issued when the reply goes.
    expect(await page.locator('[data-test=reply-text]').inputValue()).toBe(
      'Hello Olga Order,\nwe have order K-77.\nFollow it here: {{status.url}}',
    );
    await page.press('[data-test=reply-text]', 'Control+Enter');
    const delivered = () => customerMailbox.received.filter((m) => m.to.includes(customer));
    await expect.poll(() => delivered().length, { timeout: 20_000 }).toBe(1);
    const text = delivered()[0]!.raw.replace(/=\r?\n/g, '');
    expect(text).toContain('we have order K-77.');
    expect(text).toMatch(/Follow it here: https?:\/\/\S+\/status\/[0-9a-f]{32}/);
    expect(text).not.toContain('{{');
    expect(await page.locator('[data-test=mail-out]').last().textContent()).toContain('Hello Olga Order,');
  });

  it("publishes a type's web form; a page of a listed site embeds it and opens a ticket, an unlisted site cannot frame it", async () => {
    // Two sites of the company's own: one listed for the form, one not (other ports, other origins).
    const site = () =>
      new Promise<{ origin: string; page: { html: string }; close: () => Promise<void> }>((resolve) => {
        const page = { html: '' };
        const http = createServer((_req, res) =>
          res.writeHead(200, { 'content-type': 'text/html' }).end(page.html),
        );
        http.listen(0, '127.0.0.1', () => {
          const { port } = http.address() as AddressInfo;
          resolve({
            origin: `http://127.0.0.1:${port}`,
            page,
            close: () => new Promise((done) => http.close(() => done())),
          });
        });
      });
    const owner = await open('owner');
    await owner.goto(`${server.url}/flows/${FORM_TYPE}`);
    const settings = owner.locator('[data-test=public-form-settings]');
    await settings.waitFor();
    const shop = await site();
    const elsewhere = await site();
    try {
      await owner.check('[data-test=public-form-published]');
      await owner.fill('[data-test=public-form-origins]', `${shop.origin}/`);
      await owner.click('[data-test=public-form-save]');
      const snippet = owner.locator('[data-test=public-form-snippet]');
      await snippet.waitFor();
      await snippet.scrollIntoViewIfNeeded();
      await shot(owner, 'ticket-type-public-form.png');
      const iframe = await snippet.inputValue();
      expect(iframe).toContain(`src="${server.url}/forms/${FORM_TYPE}"`);

      shop.page.html = `<h1>Shop help</h1>${iframe}`;
      elsewhere.page.html = `<h1>Not ours</h1>${iframe}`;
      const visitor = await browser.newContext({ viewport: { width: 1024, height: 900 } });
      try {
        const page = await visitor.newPage();
        page.on('pageerror', (err) => pageErrors.push(`visitor: ${err.message}`));
        await page.goto(shop.origin);
        const form = page.frameLocator('iframe');
        await form.locator('[data-test=public-title]').fill('Kettle from the shop leaks');
        await form.locator('[data-test=public-send]').click();
        // Checked in the browser as the API checks: the required order number and the e-mail.
        await expect.poll(() => form.locator('[aria-invalid=true]').count()).toBe(2);
        await form.locator('[data-test=public-field-orderNumber]').fill('S-300');
        await form.locator('[data-test=public-email]').fill('erik@example.com');
        await form.locator('[data-test=public-send]').click();
        await expect
          .poll(() => form.locator('[data-test=public-form-received]').textContent(), { timeout: 20_000 })
          .toMatch(/we received your request #\d+/);
        await shot(page, 'public-form-embedded.png');
        type Listed = { items: { title: string; customer: { email?: string } }[] };
        const tickets = (
          await api.owner<Listed>('GET', `/api/tickets?q=${encodeURIComponent('from the shop')}`)
        ).items;
        expect(tickets.map((t) => [t.title, t.customer.email])).toEqual([
          ['Kettle from the shop leaks', 'erik@example.com'],
        ]);
        await expect
          .poll(() => customerMailbox.received.filter((m) => m.to.includes('erik@example.com')).length, {
            timeout: 20_000,
          })
          .toBe(1);

        const blocked = await visitor.newPage();
        await blocked.goto(elsewhere.origin);
        await expect
          .poll(() => blocked.frames().some((frame) => frame.url().startsWith('chrome-error:')), {
            timeout: 10_000,
          })
          .toBe(true);
        expect(await blocked.frameLocator('iframe').locator('[data-test=public-form]').count()).toBe(0);
      } finally {
        await visitor.close();
      }
    } finally {
      await shop.close();
      await elsewhere.close();
    }
  });
});
