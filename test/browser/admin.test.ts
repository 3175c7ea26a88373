// The admin and developer pages end to end in a real Chromium against the real server
// (scripts/start.mjs on a fresh, seeded database, in-memory runtime: the banner is part of it):
// an admin adds a holiday and the calendar preview moves, adds a user to a department; a developer
// creates an API token that works as a bearer token until it is revoked. Also the small defects:
// the field key typed by hand, the modeler's undo across a reload, the not-found page, the
// favicon and who sees the not-durable banner's details.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '@baton/db/testing';
import { DEV_PASSWORDS } from '@baton/db';
import { findChromium, launchChromium } from './chromium.js';
import { watchCspViolations } from './csp.js';
import { RESULTS, startBaton, type RunningServer } from './server.js';

const chromiumCheck = findChromium();
if (chromiumCheck.skipReason) console.warn(`[admin browser test] skipped: ${chromiumCheck.skipReason}`);

/** The seed's logins (db/src/seed/data.ts), which README lists. */
const LOGIN = {
  admin: { email: 'admin@baton.local', password: DEV_PASSWORDS.admin },
  owner: { email: 'owner@baton.local', password: DEV_PASSWORDS.processOwner },
  developer: { email: 'dev@baton.local', password: DEV_PASSWORDS.developer },
  agent: { email: 'support.agent1@baton.local', password: DEV_PASSWORDS.agent },
  lead: { email: 'support.lead@baton.local', password: DEV_PASSWORDS.agent },
} as const;
type Who = keyof typeof LOGIN;

describe.skipIf(!!chromiumCheck.skipReason)('admin and developer pages in the browser', () => {
  let database: TestDatabase;
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  const cspViolations: string[] = [];

  beforeAll(async () => {
    mkdirSync(RESULTS, { recursive: true });
    database = await createTestDatabase();
    // In memory on purpose: who sees the not-durable banner's details is part of this suite.
    server = await startBaton({ databaseUrl: database.url, runtime: 'in-memory' });
    browser = await launchChromium(chromiumCheck.path as string);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await database?.drop();
  });

  /** One signed-in browser session per person (sign-ins are rate-limited per account). */
  const sessions = new Map<Who, BrowserContext>();
  const newContext = async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    contexts.push(context);
    return context;
  };
  async function signedIn(who: Who): Promise<BrowserContext> {
    const known = sessions.get(who);
    if (known) return known;
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.fill('input[name=email]', LOGIN[who].email);
    await page.fill('input[name=password]', LOGIN[who].password);
    await page.press('input[name=password]', 'Enter');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.close();
    sessions.set(who, context);
    return context;
  }

  /** A new page at 1366×768 on the person's home page (or the login page with null). */
  async function open(who: Who | null): Promise<Page> {
    const page = await (who ? await signedIn(who) : await newContext()).newPage();
    page.on('pageerror', (err) => pageErrors.push(`${who}: ${err.message}`));
    await watchCspViolations(page, cspViolations);
    await page.goto(`${server.url}/${who ? '' : 'login'}`);
    if (who) await page.waitForURL((url) => url.pathname !== '/');
    return page;
  }
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: path.join(RESULTS, `admin-${name}.png`) });

  /** A JSON API call with a bearer token or a signed-in user's cookie (from the test, not the page). */
  const cookieOf = async (who: Who) =>
    (await (await signedIn(who)).cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  const apiAs = async (auth: { token?: string; who?: Who }, route: string) => {
    const headers: Record<string, string> = {};
    if (auth.token) headers.authorization = `Bearer ${auth.token}`;
    if (auth.who) headers.cookie = await cookieOf(auth.who);
    return fetch(`${server.url}${route}`, { headers });
  };

  it('offers each role its own areas, and the admin and developer sections their pages', async () => {
    const admin = await open('admin');
    await admin.waitForURL(/\/admin\/departments$/);
    expect(await admin.locator('nav[aria-label=Main] a').allTextContents()).toEqual(
      expect.arrayContaining(['Admin', 'Developer']),
    );
    expect(await admin.locator('.section-tabs a').allTextContents()).toEqual([
      'Departments',
      'Users and memberships',
      'Business calendars',
      'Ticket types',
    ]);
    const developer = await open('developer');
    await developer.waitForURL(/\/developer\/tokens$/);
    const devAreas = await developer.locator('nav[aria-label=Main] a').allTextContents();
    expect(devAreas).toContain('Developer');
    expect(devAreas).not.toContain('Admin');
    expect(await developer.locator('.section-tabs a').allTextContents()).toEqual([
      'API tokens',
      'Activity catalogue',
      'Webhooks',
    ]);
    // An admin page is not offered to a developer, and its address leads back home.
    await developer.goto(`${server.url}/admin/users`);
    await developer.waitForURL(/\/developer\/tokens$/);
  });

  /** A running ticket of the seeded call-centre flow, whose lanes include every seeded department. */
  async function startCallCentreTicket(title: string): Promise<void> {
    const created = await fetch(`${server.url}/api/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url, cookie: await cookieOf('admin') },
      body: JSON.stringify({
        typeId: 'call-centre',
        title,
        fields: { callerPhone: '13800000000', description: 'No signal' },
      }),
    });
    expect(created.status).toBe(201);
  }

  it('lets an admin edit a department’s lead and manager, offering only managers as its manager', async () => {
    // Its flow has the call-back team: new hours for the team reach it.
    await startCallCentreTicket('Department hours reach me');
    const page = await open('admin');
    await page.goto(`${server.url}/admin/departments`);
    const row = page.locator('[data-test-department=callback]');
    await row.waitFor();
    await shot(page, 'departments');
    await row.locator('button:text("Edit")').click();
    const form = page.locator('[data-test=edit-department]');
    // Focus lands in the form; the manager list holds people with the manager role only.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('name');
    const managers = await form.locator('select[name=manager] option').allTextContents();
    expect(managers).toContain('Mia Manager (manager@baton.local)');
    expect(managers.some((m) => m.includes('Carl Jensen'))).toBe(false); // an agent
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Call-back team (EU)');
    await form.locator('select[name=manager]').selectOption({ label: 'Mia Manager (manager@baton.local)' });
    // Its own business hours: the saved calendars are offered, the flow's is the default.
    const hours = form.locator('select[name=calendar]');
    expect(await hours.inputValue()).toBe('');
    await hours.selectOption('office');
    await shot(page, 'department-edit');
    const patched = page.waitForResponse(
      (r) => r.request().method() === 'PATCH' && r.url().endsWith('/api/departments/callback'),
    );
    await form.locator('input[name=name]').press('Enter');
    await expect.poll(() => row.textContent()).toContain('Mia Manager');
    // The new hours' reach, as the API answered it, beside the table.
    const answer = (await (await patched).json()) as {
      runningTickets?: { total: number; reached: number; failed: unknown[] };
    };
    expect(answer.runningTickets?.total).toBeGreaterThanOrEqual(1);
    const reachLine = page.locator('[data-test=department-reach]');
    expect(((await reachLine.textContent()) ?? '').replace(/\s+/g, ' ').trim()).toBe(
      `Saved callback: new business hours; ${answer.runningTickets!.reached} of ${answer.runningTickets!.total} running ${
        answer.runningTickets!.total === 1 ? 'ticket' : 'tickets'
      } recalculated.`,
    );
    await shot(page, 'department-reach');
    const departments = (await (await apiAs({ who: 'admin' }, '/api/departments')).json()) as {
      items: { key: string; name: string; managerUserId: string | null; calendarKey: string | null }[];
    };
    expect(departments.items.find((d) => d.key === 'callback')).toMatchObject({
      name: 'Call-back team (EU)',
      managerUserId: expect.any(String),
      calendarKey: 'office',
    });
    expect(await row.locator('[data-test=department-calendar]').textContent()).not.toBe("the flow's");
  });

  it('lets an admin add a user to a department', async () => {
    const page = await open('admin');
    await page.goto(`${server.url}/admin/users`);
    await page.fill('[data-test=user-search]', 'sofia');
    await page.locator('[data-test-user="support.agent2@baton.local"] button').click();
    const editor = page.locator('[data-test=user-editor]');
    await editor.locator('h2:text("Sofia Gomez")').waitFor();
    await editor.locator('select[name=department]').selectOption('refunds');
    await editor.locator('button:text-is("Add")').click();
    await editor.locator('[data-test=memberships] [data-department=refunds]').waitFor();
    expect(await page.locator('[data-test=user-notice]').textContent()).toContain('Added to refunds');
    await shot(page, 'users');
    // Sofia's own view of herself now has the department.
    const sofia = (await (
      await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'support.agent2@baton.local', password: DEV_PASSWORDS.agent }),
      })
    ).json()) as { user: { departments: string[] } };
    expect(sofia.user.departments).toEqual(['refunds', 'support']);
  });

  it('lets an admin choose, by keyboard, what a manager’s reports and tickets cover', async () => {
    const refundsFigures = '/api/reports/stage-durations?department=refunds';
    // The seed's support lead manages support only.
    expect((await apiAs({ who: 'lead' }, refundsFigures)).status).toBe(403);
    const page = await open('admin');
    await page.goto(`${server.url}/admin/users`);
    const editor = page.locator('[data-test=user-editor]');
    // Offered with the manager role only: not for an agent until the role is ticked.
    await page.locator('[data-test-user="support.agent1@baton.local"] button').click();
    await editor.locator('h2:text("Sam Li")').waitFor();
    expect(await editor.locator('[data-test=manager-scope]').count()).toBe(0);
    await editor.locator('input[name=role-manager]').check();
    await editor.locator('[data-test=manager-scope]').waitFor();

    const lena = page.locator('[data-test-user="support.lead@baton.local"]');
    expect(await lena.locator('td').nth(1).textContent()).toContain('Manager (their departments)');
    await lena.locator('button').click();
    await editor.locator('h2:text("Lena Wu")').waitFor();
    const scope = editor.getByRole('group', { name: 'Reports and tickets over' });
    expect(await scope.getByRole('radio', { name: 'only their departments' }).isChecked()).toBe(true);
    await scope.getByRole('radio', { name: 'only their departments' }).focus();
    await page.keyboard.press('ArrowUp'); // radios: the arrow keys move the choice
    expect(await scope.getByRole('radio', { name: 'every department' }).isChecked()).toBe(true);
    await shot(page, 'manager-scope');
    await editor.locator('button:text-is("Save")').click();
    await expect.poll(() => page.locator('[data-test=user-notice]').textContent()).toContain('Saved');
    await expect.poll(() => lena.locator('td').nth(1).textContent()).toBe('Agent, Manager');
    // Her next request is decided by it.
    expect((await apiAs({ who: 'lead' }, refundsFigures)).status).toBe(200);
  });

  it('previews a deadline in business hours, and adding a holiday on its day moves it', async () => {
    // A call-centre ticket counts on the office calendar: saving the calendar reaches it.
    await startCallCentreTicket('Calendar edit reaches me');
    const page = await open('admin');
    await page.goto(`${server.url}/admin/calendars?calendar=office`);
    const preview = page.locator('[data-test=calendar-preview]');
    await preview.locator('[data-test=preview-text]').waitFor();
    await page.fill('input[name=preview-hours]', '4');
    await expect.poll(() => preview.getAttribute('data-end-date')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const before = (await preview.getAttribute('data-end-date')) as string;
    const textBefore = await preview.locator('[data-test=preview-text]').textContent();
    expect(textBefore).toMatch(/^4 business hours from now .* end at .* in Asia\/Shanghai/);
    await shot(page, 'calendars');

    await page.fill('input[name=holiday]', before);
    await page.click('[data-test=add-holiday]');
    await page.locator(`[data-test=holidays] [data-date="${before}"]`).waitFor();
    await expect.poll(() => preview.getAttribute('data-end-date')).not.toBe(before);
    expect(((await preview.getAttribute('data-end-date')) as string) > before).toBe(true);
    expect(await preview.locator('[data-test=preview-text]').textContent()).not.toBe(textBefore);

    // An interval that overlaps the one before is named beside it, and the calendar cannot be saved.
    await page.fill('[aria-label="Monday hours 2 from"]', '11:00');
    await page.locator('[data-day=mon] .error').waitFor();
    expect(await page.locator('[data-day=mon] .error').textContent()).toContain('overlaps');
    expect(await page.locator('[data-test=save-calendar]').isDisabled()).toBe(true);
    await page.fill('[aria-label="Monday hours 2 from"]', '13:00');
    await page.click('[data-test=save-calendar]');
    await page.locator('.calendar-editor .ok:text("Saved")').waitFor();
    // Every running ticket on the calendar took the change, the one made above among them.
    const reach = /^Saved; (\d+) of (\d+) running tickets? recalculated$/.exec(
      ((await page.locator('[data-test=calendar-saved]').textContent()) ?? '').replace(/\s+/g, ' ').trim(),
    );
    expect(reach).not.toBeNull();
    expect(Number(reach![1])).toBe(Number(reach![2]));
    expect(Number(reach![2])).toBeGreaterThanOrEqual(1);
    await shot(page, 'calendar-saved');
    const stored = (await (await apiAs({ who: 'admin' }, '/api/calendars')).json()) as {
      items: { key: string; spec: { holidays?: string[] } }[];
    };
    expect(stored.items.find((c) => c.key === 'office')?.spec.holidays).toContain(before);
  });

  it('lists ticket types with the way to their fields and flows', async () => {
    const page = await open('admin');
    await page.goto(`${server.url}/admin/ticket-types`);
    const row = page.locator('[data-test=admin-ticket-types] tr[data-test-type]').first();
    await row.waitFor();
    expect(await row.locator('a:text("Open flow")').getAttribute('href')).toMatch(
      /^\/flows\/[^/]+\/modeler$/,
    );
    await shot(page, 'ticket-types');
  });

  it('lets a developer create an API token that works as a bearer token until it is revoked', async () => {
    const page = await open('developer');
    await page.goto(`${server.url}/developer/tokens`);
    await page.fill('#token-name', 'nightly export');
    await page.press('#token-name', 'Enter');
    const once = page.locator('[data-test=new-token]');
    await once.waitFor();
    expect(await once.textContent()).toContain('you will not see it again');
    const token = ((await page.locator('[data-test=token-secret]').textContent()) ?? '').trim();
    expect(token).toMatch(/^bt_/);
    await shot(page, 'token-created');

    const me = await apiAs({ token }, '/api/me');
    expect(me.status).toBe(200);
    expect(((await me.json()) as { email: string }).email).toBe('dev@baton.local');

    // The secret is not shown again after a reload; the list says when the token was last used.
    await page.reload();
    const row = page.locator('[data-test=tokens] tr', { hasText: 'nightly export' });
    await row.waitFor();
    expect(await page.locator('[data-test=new-token]').count()).toBe(0);
    expect(await page.content()).not.toContain(token);
    await expect
      .poll(async () => {
        await page.reload();
        return row.locator('td').nth(2).textContent();
      })
      .not.toBe('never');

    await row.locator('[data-test=revoke]').click();
    // The confirmation takes the focus; Enter confirms.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-test'))).toBe(
      'confirm-revoke',
    );
    await shot(page, 'token-revoke');
    await page.keyboard.press('Enter');
    await expect.poll(() => row.textContent()).toContain('revoked');
    expect((await apiAs({ token }, '/api/me')).status).toBe(401);
  });

  it('shows the activity catalogue with each input’s type, whether it is required, and its default', async () => {
    const page = await open('developer');
    await page.goto(`${server.url}/developer/activities`);
    const webhook = page.locator('[data-activity=http-webhook]');
    await webhook.waitFor();
    const headers = webhook.locator('tr[data-input=headers]');
    expect((await headers.locator('td').allTextContents()).map((t) => t.trim())).toEqual([
      'headers',
      'object',
      'optional',
      '{}',
      'Extra request headers',
    ]);
    expect(await webhook.locator('tr[data-input=url] td').nth(2).textContent()).toBe('required');
    expect(await page.locator('a[href="/api/docs"]').count()).toBeGreaterThan(0);
    await shot(page, 'activities');
  });

  it('derives a field key from the label until the key is typed by hand, and keeps what was typed', async () => {
    const page = await open('owner');
    await page.goto(`${server.url}/flows/new`);
    await page.click('button:text("Add field")');
    const label = page.locator('[aria-label="Field 1 label"]');
    const key = page.locator('[aria-label="Field 1 key"]');
    await label.click();
    await page.keyboard.type('Account e-mail');
    // Derived while typing, before the label loses focus.
    expect(await key.inputValue()).toBe('account_e_mail');
    await key.click();
    await page.keyboard.type('accountEmail');
    expect(await key.inputValue()).toBe('accountEmail');
    // Once typed, the key stays when the label changes.
    await label.click();
    await page.keyboard.type(' address');
    await label.press('Tab');
    expect(await key.inputValue()).toBe('accountEmail');

    // Tabbing from the label into a derived key and typing replaces it too.
    await page.click('button:text("Add field")');
    await page.locator('[aria-label="Field 2 label"]').click();
    await page.keyboard.type('Order number');
    await page.keyboard.press('Tab');
    await page.keyboard.type('orderNo');
    expect(await page.locator('[aria-label="Field 2 key"]').inputValue()).toBe('orderNo');
  });

  it('shows a real not-found page with a way home', async () => {
    const page = await open('agent');
    await page.goto(`${server.url}/no/such/page`);
    await page.locator('[data-test=not-found]').waitFor();
    const text = await page.locator('[data-test=not-found]').textContent();
    expect(text).toContain('Page not found');
    expect(text).toContain('/no/such/page');
    expect(text).not.toContain('Coming next');
    await page.click('[data-test=not-found] a:text("inbox")');
    await page.waitForURL(/\/inbox$/);
    await page.goto(`${server.url}/no/such/page`);
    await page.locator('[data-test=not-found]').waitFor();
    await shot(page, 'not-found');
  });

  it('serves an SVG favicon that the app shell links', async () => {
    const shell = await (await fetch(`${server.url}/tickets`)).text();
    expect(shell).toMatch(/<link rel="icon" type="image\/svg\+xml" href="\/favicon.svg"/);
    const icon = await fetch(`${server.url}/favicon.svg`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(await icon.text()).toContain('<svg');
  });

  it('tells admins how to make the engine durable and everyone else only that it is not', async () => {
    const health = (await (await fetch(`${server.url}/api/health`)).json()) as {
      engine: { durable: boolean; warning: string };
    };
    expect(health.engine.durable).toBe(false);
    const banner = (page: Page) => page.locator('[data-test=not-durable-banner]');

    const signedOut = await open(null);
    await banner(signedOut).waitFor();
    const agent = await open('agent');
    await banner(agent).waitFor();
    for (const [who, page] of [
      ['signed out', signedOut],
      ['agent', agent],
    ] as const) {
      const text = (await banner(page).textContent()) ?? '';
      expect(text, who).toContain('Demo mode');
      expect(text, who).not.toMatch(/TEMPORAL_ADDRESS|BATON_|temporal. CLI/);
    }
    const admin = await open('admin');
    await banner(admin).waitFor();
    expect(await banner(admin).textContent()).toContain('TEMPORAL_ADDRESS');
  });

  it('keeps undo across a reload and offers the last error-free draft when a broken flow was saved', async () => {
    const page = await open('owner');
    await page.goto(`${server.url}/flows`);
    await page.fill('[data-test=create-ticket-type] input[name=name]', 'Undo after reload');
    await page.click('[data-test=create-ticket-type] button[type=submit]');
    await page.waitForURL(/\/flows\/[^/]+$/);
    const typeId = decodeURIComponent(new URL(page.url()).pathname.split('/')[2] ?? '');
    await page.click('[data-test=open-modeler]');
    const element = (id: string) => page.locator(`.djs-element[data-element-id="${id}"]`).first();
    const errorCount = () => page.locator('[data-test=error-count]').textContent();
    const saved = () =>
      expect
        .poll(() => page.locator('[data-test=save-status]').textContent(), { timeout: 15_000 })
        .toMatch(/^Saved|^All changes saved/);
    await element('EndEvent_1').waitFor();
    await expect.poll(errorCount, { timeout: 15_000 }).toBe('0 errors');
    await saved();

    // Break the flow: without its end event nothing can finish.
    await element('EndEvent_1').click();
    await page.keyboard.press('Delete');
    await expect.poll(errorCount, { timeout: 15_000 }).not.toBe('0 errors');
    await saved();
    expect(await page.locator('[data-test=save-status]').textContent()).toMatch(/with \d+ errors?/);
    await page.locator('[data-test=revert-to-valid]').waitFor();
    await shot(page, 'modeler-broken');

    await page.reload();
    await element('UserTask_1').waitFor();
    expect(await element('EndEvent_1').count()).toBe(0);
    const undo = page.locator('.toolbar button:text-is("Undo")');
    await expect.poll(() => undo.isEnabled()).toBe(true);
    await undo.click();
    await element('EndEvent_1').waitFor();
    await expect.poll(errorCount, { timeout: 15_000 }).toBe('0 errors');
    await saved();
    const draft = (await page.evaluate(
      async (id) => (await (await fetch(`/api/ticket-types/${id}/flow`)).json()) as { xml: string },
      typeId,
    )) as { xml: string };
    expect(draft.xml).toContain('id="EndEvent_1"');
    // And redo brings the broken step back (the draft history goes both ways).
    const redo = page.locator('.toolbar button:text-is("Redo")');
    await expect.poll(() => redo.isEnabled()).toBe(true);
    await redo.click();
    await expect.poll(() => element('EndEvent_1').count()).toBe(0);
  });

  it('lets a process owner define a timing rule, checked as it is typed, and save a second version', async () => {
    const page = await open('owner');
    await page.goto(`${server.url}/timing-rules`);
    // The seed's built-in clocks.
    await page.locator('[data-rule=first-response]').waitFor();
    expect(
      await page
        .locator('.rule-list [data-rule]')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-rule'))),
    ).toEqual(['first-response', 'resolution']);
    await page.locator('button:text("+ New timing rule")').click();
    const form = page.locator('[data-test=timing-rule-form]');
    await form.locator('input[name=key]').fill('refund-analysis');
    await form.locator('input[name=name]').fill('Refund analysis');
    // Starts when a task opens in Refunds, stops when it closes there.
    await form.locator('select[name=start-0-on]').selectOption('task.opened');
    await form.locator('select[name=start-0-department]').selectOption('refunds');
    await form.locator('select[name=stop-0-on]').selectOption('task.closed');
    await form.locator('select[name=stop-0-department]').selectOption('refunds');
    // A target that is no number is named at once, and the rule cannot be saved.
    await form.locator('input[name=target-urgent]').fill('soon');
    await form.locator('[data-test=rule-targets] .error').waitFor();
    expect(await form.locator('[data-test=save-rule]').isDisabled()).toBe(true);
    await form.locator('input[name=target-urgent]').fill('2');
    await form.locator('select[name=calendar]').selectOption('office');
    await shot(page, 'timing-rule-new');
    const created = page.waitForResponse(
      (r) => r.url().endsWith('/api/timing-rules/refund-analysis') && r.request().method() === 'PUT',
    );
    await form.locator('[data-test=save-rule]').click();
    expect((await created).status()).toBe(201);
    await page.waitForURL(/rule=refund-analysis/);
    await page.locator('[data-rule=refund-analysis]:has-text("v1")').waitFor();
    // A ticket created now is timed by v1.
    await startCallCentreTicket('Timed by refund analysis v1');
    // A change is a new version; the versions list shows both, newest first.
    await form.locator('input[name=target-urgent]').fill('1.5');
    await form.locator('[data-test=save-rule]').click();
    await page.locator('[data-test=rule-versions] li').nth(1).waitFor();
    const versions = await page.locator('[data-test=rule-versions] li').allTextContents();
    expect(versions[0]).toMatch(/^v2 · .*urgent 1 h 30 min/);
    expect(versions[1]).toMatch(/^v1 · .*urgent 2 h .*starts when a task opens in Refunds/);
    // Applied to the running ticket created under v1, after a confirmation.
    await page.locator('[data-test=apply-rule-start]').click();
    await page.locator('[data-test=apply-rule-confirm]').click();
    await page.locator('[data-test=apply-rule-result]').waitFor();
    expect(await page.locator('[data-test=apply-rule-result]').textContent()).toBe(
      'Applied v2 to 1 running ticket.',
    );
    await page.locator('[data-test=rule-versions]').scrollIntoViewIfNeeded();
    await shot(page, 'timing-rules');
    const saved = (await (await apiAs({ who: 'owner' }, '/api/timing-rules/refund-analysis')).json()) as {
      items: {
        version: number;
        rule: { start: unknown[]; targetsMs: Record<string, number>; calendar?: string };
      }[];
    };
    expect(saved.items[0]).toMatchObject({
      version: 2,
      rule: {
        start: [{ on: 'task.opened', department: 'refunds' }],
        targetsMs: { urgent: 90 * 60_000 },
        calendar: 'office',
      },
    });
  });

  it("shows a ticket's timing-rule clocks with their ledgers", async () => {
    const created = await fetch(`${server.url}/api/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url, cookie: await cookieOf('admin') },
      body: JSON.stringify({
        typeId: 'call-centre',
        title: 'Clocks on a new call',
        priority: 'high',
        fields: { callerPhone: '13800000000', description: 'No signal' },
      }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const page = await open('admin');
    await page.goto(`${server.url}/tickets/${id}`);
    const clocks = page.locator('[data-test=ticket-clocks]');
    await clocks.waitFor();
    expect(
      await clocks
        .locator('li[data-clock]')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-clock'))),
    ).toEqual(['first-response', 'refund-analysis', 'resolution']);
    // The seed's two run from the ticket's creation, on the office calendar: a first response due
    // within 1 h of business time for a high-priority ticket, resolution within 8 h. The rule the
    // last test made is for every type too: it waits for a task to open in Refunds.
    const summary = (key: string) =>
      clocks.locator(`li[data-clock=${key}] [data-test=clock-summary]`).textContent();
    expect(await summary('first-response')).toMatch(/^(running · (due in|overdue)|running ·).*1 h/);
    expect(await summary('resolution')).toMatch(/8 h/);
    expect(await summary('refund-analysis')).toBe('not started · target 8 h');
    await clocks.locator('li[data-clock=resolution] [data-test=deadline-explanation] summary').click();
    await clocks.locator('li[data-clock=resolution] [data-test=clock-ledger]').waitFor();
    await shot(page, 'ticket-clocks');
  });

  it('had no page errors and no Content-Security-Policy violations', () => {
    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});
