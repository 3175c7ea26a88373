// The agent's inbox and ticket view end to end in a real Chromium against the real server
// (scripts/start.mjs on a fresh database): a ticket on the support → refunds flow shows in the
// support queue, is claimed with the keyboard, moves to "My tasks", is opened and completed with
// an outcome; the Gantt and the timeline follow, and a second agent's stale claim shows the 409.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  HISTORY_IMPORTED_FROM,
  hashPassword,
  memberships,
  stages,
  tickets,
  users,
  type Role,
} from '@baton/db';
import { createTestDatabase, type TestDatabase } from '@baton/db/testing';
import { findChromium, launchChromium } from './chromium.js';
import { watchCspViolations } from './csp.js';
import { REPO_ROOT, RESULTS, startBaton, type RunningServer } from './server.js';

const chromiumCheck = findChromium();
if (chromiumCheck.skipReason) console.warn(`[inbox browser test] skipped: ${chromiumCheck.skipReason}`);

const PASSWORD = 'correct horse battery staple';
const PEOPLE: { id: string; email: string; name: string; roles: Role[]; departments: string[] }[] = [
  {
    id: 'inbox-owner',
    email: 'owner@inbox.test',
    name: 'Olga Owner',
    roles: ['process_owner'],
    departments: [],
  },
  { id: 'inbox-ada', email: 'ada@inbox.test', name: 'Ada Agent', roles: ['agent'], departments: ['support'] },
  { id: 'inbox-bob', email: 'bob@inbox.test', name: 'Bob Agent', roles: ['agent'], departments: ['support'] },
];
const TYPE_ID = 'inbox-refund';
const FLOW = readFileSync(path.join(REPO_ROOT, 'api/test/flows/support-refunds.bpmn'), 'utf8');

/** A JSON API client signed in as `email` (its own cookie jar). */
async function signIn(baseUrl: string, email: string) {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!login.ok) throw new Error(`login ${email}: ${login.status} ${await login.text()}`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return async <T>(method: string, route: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${baseUrl}${route}`, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
}

describe.skipIf(!!chromiumCheck.skipReason)('inbox and ticket view in the browser', () => {
  let database: TestDatabase;
  let server: RunningServer;
  let browser: Browser;
  let ada: Page;
  let bob: Page;
  let ticketId: string;
  let taskId: string;
  const pageErrors: string[] = [];
  /** What the Content-Security-Policy blocked on either agent's page (must stay empty). */
  const cspViolations: string[] = [];

  beforeAll(async () => {
    mkdirSync(RESULTS, { recursive: true });
    database = await createTestDatabase();
    // The server seeds an empty database (departments support and refunds among them) on start.
    server = await startBaton({ databaseUrl: database.url });
    // Agents work on the real, durable runtime: the local Temporal dev server `pnpm start` runs.
    const health = (await (await fetch(`${server.url}/api/health`)).json()) as {
      engine: { mode: string; durable: boolean };
    };
    expect(health.engine).toMatchObject({ mode: 'temporal', durable: true });
    const passwordHash = await hashPassword(PASSWORD);
    await database.db
      .insert(users)
      .values(PEOPLE.map(({ departments: _, ...p }) => ({ ...p, passwordHash })))
      .onConflictDoNothing();
    await database.db
      .insert(memberships)
      .values(PEOPLE.flatMap((p) => p.departments.map((departmentKey) => ({ userId: p.id, departmentKey }))))
      .onConflictDoNothing();

    const owner = await signIn(server.url, 'owner@inbox.test');
    await owner('POST', '/api/ticket-types', { id: TYPE_ID, name: 'Refund (inbox test)', fields: [] });
    await owner('PUT', `/api/ticket-types/${TYPE_ID}/flow`, { xml: FLOW });
    await owner('POST', `/api/ticket-types/${TYPE_ID}/flow/deploy`, {});
    const created = await (
      await signIn(server.url, 'ada@inbox.test')
    )<{ id: string; openTasks: { id: string }[] }>('POST', '/api/tickets', {
      typeId: TYPE_ID,
      title: 'Refund for order 4711',
      priority: 'high',
      customer: { name: 'Carla Customer', email: 'carla@example.com' },
    });
    ticketId = created.id;
    taskId = created.openTasks[0]!.id;

    browser = await launchChromium(chromiumCheck.path as string);
    const open = async (email: string) => {
      const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
      page.on('pageerror', (err) => pageErrors.push(`${email}: ${err.message}`));
      await watchCspViolations(page, cspViolations);
      await page.goto(`${server.url}/login`);
      await page.fill('input[name=email]', email);
      await page.fill('input[name=password]', PASSWORD);
      await page.press('input[name=password]', 'Enter');
      await page.waitForURL(/\/inbox$/); // agents land on their inbox
      return page;
    };
    [ada, bob] = await Promise.all([open('ada@inbox.test'), open('bob@inbox.test')]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await database?.drop();
  });

  const row = (page: Page) => page.locator(`[data-test=inbox] tr[data-test-task="${taskId}"]`);

  it('claims from the department queue with the keyboard, completes with an outcome, and shows a stale claim’s 409', async () => {
    // Bob opens the ticket while it is still unclaimed: his Claim button goes stale below.
    await bob.goto(`${server.url}/tickets/${ticketId}`);
    await bob.locator('[data-test=open-tasks] [data-test=claim]').waitFor();

    await ada.locator('[data-test=inbox-empty]').waitFor();
    await ada.click('[data-test=tab-department]');
    await row(ada).waitFor();
    expect(await row(ada).textContent()).toMatch(/Refund for order 4711.*Triage.*support.*ok.*due in/s);
    for (let i = 0; i < 20 && (await row(ada).getAttribute('aria-selected')) !== 'true'; i++)
      await ada.keyboard.press('j');
    await ada.keyboard.press('c');
    await expect.poll(() => row(ada).textContent()).toContain('Ada Agent');
    expect(await row(ada).locator('[data-test=claim]').count()).toBe(0);

    await ada.click('[data-test=tab-mine]');
    await row(ada).waitFor();
    await ada.screenshot({ path: path.join(RESULTS, 'inbox.png') });

    await bob.click('[data-test=open-tasks] [data-test=claim]');
    await expect
      .poll(() => bob.locator('[data-test=problem]').textContent())
      .toMatch(/Conflict.*already claimed by inbox-ada/);

    // Enter opens the selected row's ticket.
    await ada.keyboard.press('Enter');
    await ada.waitForURL(new RegExp(`/tickets/${ticketId}$`));
    await ada.locator('[data-test=gantt]').waitFor();
    expect(await ada.locator('[data-test=gantt-bar]').count()).toBe(1);
    expect(await ada.locator('[data-test=ticket-heading]').textContent()).toContain('Refund for order 4711');

    await ada.click('[data-test=complete-refund]');
    await expect
      .poll(() => ada.locator('[data-test=timeline]').textContent())
      .toContain('Ada Agent completed Triage with outcome “Refund”');
    // Triage closed, Refund opened in the refunds department: one bar per stage.
    await expect.poll(() => ada.locator('[data-test=gantt-bar]').count()).toBe(2);
    // The department by its name (the seed's 'Refunds'), the task unclaimed there.
    expect(await ada.locator('[data-test=open-tasks]').textContent()).toMatch(/Refund\s*Refunds\s*unclaimed/);
    expect(await ada.locator('[data-test=timeline]').textContent()).toContain('Refund opened in refunds');
    await ada.screenshot({ path: path.join(RESULTS, 'ticket-view.png'), fullPage: true });

    await ada.goto(`${server.url}/inbox`);
    await ada.locator('[data-test=inbox-empty]').waitFor();
    await ada.click('[data-test=tab-department]');
    await ada.locator('[data-test=inbox], [data-test=inbox-empty]').first().waitFor();
    expect(await row(ada).count()).toBe(0);
    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });

  it('finds the ticket in the ticket list by search and status, with the filters in the URL', async () => {
    await ada.click('nav >> text=Tickets');
    const listed = ada.locator(`[data-test=ticket-list] tr[data-test-ticket="${ticketId}"]`);
    await listed.waitFor();
    expect(await listed.textContent()).toMatch(
      /#1 Refund for order 4711.*in progress.*high.*Refund \(refunds\)/s,
    );

    await ada.fill('[data-test=ticket-search]', 'no such ticket');
    await ada.locator('[data-test=ticket-list-empty]').waitFor();
    await ada.fill('[data-test=ticket-search]', '4711');
    await listed.waitFor();
    await ada.selectOption('[data-test=ticket-status-filter]', 'done');
    await ada.locator('[data-test=ticket-list-empty]').waitFor();
    expect(new URL(ada.url()).search).toBe('?q=4711&status=done');

    // A bookmarked URL restores the filters.
    await ada.goto(`${server.url}/tickets?q=4711&status=in_progress`);
    await listed.waitFor();
    expect(await ada.inputValue('[data-test=ticket-search]')).toBe('4711');
    await listed.locator('a').click();
    await ada.waitForURL(new RegExp(`/tickets/${ticketId}$`));
    await ada.locator('[data-test=ticket-heading]').waitFor();
    await ada.goto(`${server.url}/tickets`);
    await listed.waitFor();
    await ada.screenshot({ path: path.join(RESULTS, 'ticket-list.png') });
    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });

  it('shows a ticket imported from an older system as read only, with nothing to click', async () => {
    // As the demo history writes one: Bob's, still at triage, but no engine runs it.
    const { rows } = await database.pool.query<{ id: string }>(
      'select id from flow_versions where ticket_type_id = $1',
      [TYPE_ID],
    );
    const at = new Date(Date.now() - 3_600_000);
    await database.db.insert(tickets).values({
      id: 'hist-inbox-1',
      typeId: TYPE_ID,
      flowVersionId: rows[0]!.id,
      title: 'Refund for order 1999 (old desk)',
      status: 'in_progress',
      createdBy: 'inbox-bob',
      createdAt: at,
      updatedAt: at,
      importedFrom: HISTORY_IMPORTED_FROM,
    });
    await database.db.insert(stages).values({
      ticketId: 'hist-inbox-1',
      taskId: 't1',
      elementId: 'Task_Triage',
      name: 'Triage',
      departmentKey: 'support',
      assigneeId: 'inbox-bob',
      enteredAt: at,
      claimedAt: at,
    });
    await bob.goto(`${server.url}/inbox`);
    const imported = bob.locator('[data-test=inbox] tr[data-test-task="hist-inbox-1.t1"]');
    await imported.waitFor();
    expect(await imported.locator('[data-test=read-only]').textContent()).toContain('Imported, read only');
    expect(await imported.locator('button').count()).toBe(0);

    await bob.keyboard.press('j');
    await bob.keyboard.press('Enter');
    await bob.waitForURL(/\/tickets\/hist-inbox-1$/);
    expect(await bob.locator('[data-test=imported]').textContent()).toContain('Imported from demo history');
    await bob.locator('[data-test=open-tasks]').waitFor();
    expect(await bob.locator('[data-test=open-tasks] button').count()).toBe(0);
    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});
