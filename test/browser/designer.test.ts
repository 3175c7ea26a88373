// The designer end to end in a real Chromium against the real server (scripts/start.mjs on a fresh
// database): a process owner signs in, creates a ticket type, imports a flow, fixes what live
// validation reports through the Baton properties panel, deploys, and finds version 1 after a
// reload. Also measures how long a 500-element diagram takes to open in the modeler next to the
// read-only viewer, and the modeler route's JavaScript size.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { calendars, departments, hashPassword, users, type Role } from '@baton/db';
import { createTestDatabase, type TestDatabase } from '@baton/db/testing';
import { routeSize } from './bundleSize.js';
import { findChromium, launchChromium } from './chromium.js';
import { watchCspViolations } from './csp.js';
import { largeFlowXml } from './largeDiagram.js';
import { REPO_ROOT, RESULTS, startBaton, type RunningServer } from './server.js';

const chromiumCheck = findChromium();
const startScript = path.join(REPO_ROOT, 'scripts/start.mjs');
const skipReason =
  chromiumCheck.skipReason ??
  (existsSync(startScript) ? undefined : `${startScript} does not exist yet (pnpm start cannot run)`);
if (skipReason) console.warn(`[designer browser test] skipped: ${skipReason}`);

const RUNS = 5;
const ROUNDS = 3;
const GOAL_RATIO = 1.3;
const OWNER = { email: 'owner@browser.test', password: 'correct horse battery staple' };
/** One user per role, all with OWNER's password. */
const ROLE_USERS: Partial<Record<Role, string>> = {
  process_owner: OWNER.email,
  agent: 'agent@browser.test',
  manager: 'manager@browser.test',
  admin: 'admin@browser.test',
};
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe.skipIf(!!skipReason)('designer in the browser', () => {
  let database: TestDatabase;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  /** What the Content-Security-Policy blocked, over the whole suite (must stay empty). */
  let cspViolations: string[] = [];

  beforeAll(async () => {
    mkdirSync(RESULTS, { recursive: true });
    database = await createTestDatabase();
    // In memory on purpose: this suite checks the not-durable banner (the inbox suite runs on Temporal).
    server = await startBaton({ databaseUrl: database.url, runtime: 'in-memory' });
    // After the server started (and migrated/seeded what it wanted), add what this test needs.
    await database.db
      .insert(departments)
      .values([
        { key: 'support', name: 'Support' },
        { key: 'refunds', name: 'Refunds' },
      ])
      .onConflictDoNothing();
    await database.db
      .insert(calendars)
      .values({
        key: 'office',
        name: 'Office hours',
        spec: { timeZone: 'Europe/Berlin', week: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']] } },
      })
      .onConflictDoNothing();
    const passwordHash = await hashPassword(OWNER.password);
    await database.db
      .insert(users)
      .values(
        Object.entries(ROLE_USERS).map(([role, email]) => ({
          id: `browser-${role}`,
          email,
          name: `Browser ${role}`,
          passwordHash,
          roles: [role as Role],
        })),
      )
      .onConflictDoNothing();
    browser = await launchChromium(chromiumCheck.path as string);
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    page.on('pageerror', (err) =>
      pageErrors.push(err.message + ' @ ' + (err.stack ?? '').split('\n').slice(1, 4).join(' / ')),
    );
    cspViolations = await watchCspViolations(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await database?.drop();
  });

  const shot = (name: string) => page.screenshot({ path: path.join(RESULTS, `designer-${name}.png`) });
  const element = (id: string) => page.locator(`.djs-element[data-element-id="${id}"]`).first();
  /** Opens the flows page as the process owner, signing in when the session is missing. */
  const openFlowsAsOwner = async () => {
    await page.goto(`${server.url}/flows`);
    await page.locator('[data-test=create-ticket-type], input[name=password]').first().waitFor();
    if (page.url().includes('/login')) {
      await page.fill('input[name=email]', OWNER.email);
      await page.fill('input[name=password]', OWNER.password);
      await page.press('input[name=password]', 'Enter');
      await page.waitForURL(/\/flows$/);
    }
  };
  /** Clicks a connection on its path (the centre of its bounding box may lie off the line). */
  const clickConnection = async (id: string) => {
    const point = await element(id).evaluate((g) => {
      // Middle of the first segment, from the path's diagram coordinates through the viewport transform.
      const d = g.querySelector('.djs-visual > path')?.getAttribute('d') ?? '';
      const [a, b] = [...d.matchAll(/(-?[\d.]+)[ ,](-?[\d.]+)/g)].map((m) => ({
        x: Number(m[1]),
        y: Number(m[2]),
      }));
      if (!a || !b) throw new Error(`connection path without two points: ${d}`);
      const svg = (g as SVGGraphicsElement).ownerSVGElement as SVGSVGElement;
      const viewport = svg.querySelector('.viewport') as SVGGraphicsElement;
      const m = viewport.transform.baseVal.consolidate()?.matrix ?? new DOMMatrix();
      const rect = svg.getBoundingClientRect();
      const x = (a.x + b.x) / 2;
      const y = (a.y + b.y) / 2;
      return { x: rect.left + x * m.a + y * m.c + m.e, y: rect.top + x * m.b + y * m.d + m.f };
    });
    await page.mouse.click(point.x, point.y);
  };
  /** Selects an element on the canvas (clicking a selected element would deselect it). */
  const select = async (id: string) => {
    if (!(await element(id).getAttribute('class'))?.includes('selected')) await element(id).click();
  };
  const errorCount = () => page.locator('[data-test=error-count]').textContent();
  /** Waits until live validation has settled (debounce + compile) and shows `n` errors. */
  const expectErrors = async (n: number) => {
    await page.locator('[data-test=problems] .muted', { hasText: 'checking' }).waitFor({ state: 'detached' });
    await expect.poll(errorCount, { timeout: 15_000 }).toBe(`${n} error${n === 1 ? '' : 's'}`);
  };
  const typeInPanel = async (entryId: string, value: string) => {
    const input = page.locator(`#bio-properties-panel-${entryId}`);
    await input.fill(value);
    await input.press('Tab');
    // The panel debounces text input (600 ms) before it writes to the diagram.
    await page.waitForTimeout(700);
  };

  it('signs in, creates a ticket type, imports a flow, fixes it in the panel, deploys, finds version 1, undoes, restores and exports', async () => {
    await page.goto(`${server.url}/flows`);
    await page.waitForURL(/\/login/);
    await page.fill('input[name=email]', OWNER.email);
    await page.fill('input[name=password]', 'wrong password');
    await page.press('input[name=password]', 'Enter');
    await expect
      .poll(() => page.locator('[data-test=problem]').textContent())
      .toContain('email or password is wrong');
    await page.fill('input[name=password]', OWNER.password);
    await page.press('input[name=password]', 'Enter');
    await page.waitForURL(/\/flows$/);
    await page
      .locator('[data-test=ticket-types], .page .muted:text("No ticket types yet.")')
      .first()
      .waitFor();
    await shot('flows');

    await page.fill('[data-test=create-ticket-type] input[name=name]', 'Refund request');
    await page.click('[data-test=create-ticket-type] button[type=submit]');
    await page.waitForURL(/\/flows\/[^/]+$/);
    const typeUrl = page.url();
    await page.click('[data-test=open-modeler]');
    await page.waitForURL(/\/modeler$/);
    await element('UserTask_1').waitFor(); // the template: a lane per department, start, task, end
    expect(await page.locator('.djs-element[data-element-id^="Lane_"]').count()).toBeGreaterThanOrEqual(2);

    // Import the refund flow: its Refunds lane has no department, which the compiler reports.
    await page.setInputFiles('[data-test=import-file]', {
      name: 'refund-flow.bpmn',
      mimeType: 'application/xml',
      buffer: Buffer.from(fixture('refund-flow.bpmn')),
    });
    await element('Task_Triage').waitFor();
    await expectErrors(1);
    await expect.poll(() => element('Lane_Refunds').getAttribute('class')).toContain('baton-has-error');
    expect(await page.locator('[data-test=problems]').textContent()).toContain(
      "lane 'Lane_Refunds' holds user tasks but has no baton:department",
    );
    await expect.poll(() => page.locator('[data-test=deploy]').isDisabled()).toBe(true);
    await shot('lane-error');

    // Clicking the problem selects the lane; the panel offers the departments.
    await page.locator('.problem-item[data-element-id="Lane_Refunds"] button').click();
    await page.locator('#bio-properties-panel-baton-department').selectOption('refunds');
    await expectErrors(0);
    expect(await element('Lane_Refunds').getAttribute('class')).not.toContain('baton-has-error');

    // A broken SLA shows on the task and goes away when fixed.
    await select('Task_Triage');
    await typeInPanel('baton-sla', '4 hours');
    await expect
      .poll(() => page.locator('[data-entry-id="baton-sla"] .bio-properties-panel-error').textContent())
      .toContain('not an ISO 8601 duration');
    await expectErrors(1);
    expect(await element('Task_Triage').getAttribute('class')).toContain('baton-has-error');
    expect(await page.locator(`.djs-overlay-baton-problems [data-element-id="Task_Triage"]`).count()).toBe(1);
    await shot('sla-error');
    await typeInPanel('baton-sla', 'PT4H');
    await expectErrors(0);
    expect(await element('Task_Triage').getAttribute('class')).not.toContain('baton-has-error');
    await page.locator('#bio-properties-panel-baton-calendar').selectOption('office');
    await expectErrors(0);
    await expect
      .poll(() => page.locator('[data-test=save-status]').textContent(), { timeout: 15_000 })
      .toBe('All changes saved');
    await shot('modeler');

    await page.click('[data-test=deploy]');
    await expect
      .poll(() => page.locator('[data-test=deployed-version]').textContent(), { timeout: 30_000 })
      .toBe('Deployed version 1');

    // After a reload the draft still has the edits (autosave) and the versions list shows v1.
    await page.reload();
    await select('Task_Triage');
    expect(await page.locator('#bio-properties-panel-baton-sla').inputValue()).toBe('PT4H');
    await page.click('[data-test=versions-tab]');
    await page.locator('[data-test=versions] li[data-version="1"]').waitFor();
    expect(await page.locator('[data-test=versions] li[data-version="1"]').textContent()).toContain('v1');
    await page.click('[role=tab]:text("Properties")');

    // Undo through the keyboard (bpmn-js binds it to the focused canvas).
    const slaOfTriage = async () => {
      await select('Task_Triage');
      return page.locator('#bio-properties-panel-baton-sla').inputValue();
    };
    await select('Task_Triage');
    await typeInPanel('baton-sla', 'PT9H');
    expect(await slaOfTriage()).toBe('PT9H');
    await page.locator('[data-test=canvas] .djs-container').focus();
    await page.keyboard.press('Control+z');
    // The panel's text entry takes a changed model value in an effect, after the next frame.
    await expect.poll(slaOfTriage).toBe('PT4H');

    // Restoring version 1 replaces a changed draft with the deployed diagram.
    await typeInPanel('baton-sla', 'PT9H');
    await expect
      .poll(() => page.locator('[data-test=save-status]').textContent(), { timeout: 15_000 })
      .toBe('All changes saved');
    await page.click('[data-test=versions-tab]');
    await page.locator('[data-test=versions] li[data-version="1"] button').click();
    await page.click('[role=tab]:text("Properties")');
    await expect.poll(slaOfTriage).toBe('PT4H');

    // Exports: the .bpmn carries the Baton attributes; SVG and PNG are real images.
    const download = async (button: string) => {
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.click(`.toolbar button:text-is("${button}")`),
      ]);
      return { name: file.suggestedFilename(), body: readFileSync(await file.path()) };
    };
    const bpmn = await download('Export .bpmn');
    expect(bpmn.name).toMatch(/\.bpmn$/);
    expect(bpmn.body.toString()).toContain('baton:sla="PT4H"');
    expect(bpmn.body.toString()).toContain('baton:department="refunds"');
    const svg = await download('SVG');
    expect(svg.body.toString()).toContain('<svg');
    const png = await download('PNG');
    expect(png.body.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(png.body.length).toBeGreaterThan(5_000);

    await page.goto(typeUrl);
    await page.locator('[data-test=versions] li[data-version="1"]').waitFor();
    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });

  it('shows each role its areas and the not-durable banner when the engine runs in memory', async () => {
    const health = (await (await fetch(`${server.url}/api/health`)).json()) as {
      engine: { durable: boolean };
    };
    const expected: Record<string, string[]> = {
      process_owner: ['Flows', 'Tickets', 'Incidents', 'Timing rules'],
      agent: ['Inbox', 'Tickets', 'Extensions'],
      manager: ['Inbox', 'Tickets', 'Extensions', 'Satisfaction', 'Dashboard'], // GET /api/tasks serves managers too
      admin: [
        'Flows',
        'Inbox',
        'Tickets',
        'Incidents',
        'Timing rules',
        'Extensions',
        'Satisfaction',
        'Dashboard',
        'Admin',
        'Developer',
      ],
    };
    const landing: Record<string, RegExp> = {
      process_owner: /\/flows$/,
      agent: /\/inbox$/,
      manager: /\/dashboard$/,
      admin: /\/admin\/departments$/,
    };
    for (const [role, email] of Object.entries(ROLE_USERS)) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const p = await context.newPage();
      await p.goto(`${server.url}/`);
      await p.fill('input[name=email]', email);
      await p.fill('input[name=password]', OWNER.password);
      await p.press('input[name=password]', 'Enter');
      await p.waitForURL(landing[role] ?? /never/);
      expect(await p.locator('nav[aria-label=Main] a').allTextContents(), role).toEqual(expected[role]);
      expect(await p.locator('[data-test=not-durable-banner]').isVisible(), role).toBe(
        !health.engine.durable,
      );
      if (role === 'agent') {
        // Areas outside the role lead back home instead of showing a broken page.
        await p.goto(`${server.url}/flows`);
        await p.waitForURL(/\/inbox$/);
      }
      await context.close();
    }
  });

  it('creates a ticket type with form fields and defaults, naming invalid fields', async () => {
    await openFlowsAsOwner();
    await page.click('a:text("New ticket type with fields")');
    await page.waitForURL(/\/flows\/new$/);
    await page.fill('[data-test=ticket-type-form] input[name=name]', 'Warranty claim');
    await page.click('button:text("Add field")');
    await page.fill('[aria-label="Field 1 label"]', 'Order number');
    await page.press('[aria-label="Field 1 label"]', 'Tab');
    expect(await page.locator('[aria-label="Field 1 key"]').inputValue()).toBe('order_number');
    await page.click('button:text("Add field")');
    await page.fill('[aria-label="Field 2 label"]', 'Product line');
    await page.press('[aria-label="Field 2 label"]', 'Tab');
    await page.selectOption('[aria-label="Field 2 type"]', 'select');
    await page.fill('[aria-label="Field 2 key"]', 'order_number');
    await page.press('[aria-label="Field 2 key"]', 'Tab');
    await expect
      .poll(() => page.locator('[data-test=fields] .error').allTextContents())
      .toEqual(['key "order_number" is already used by field 1', 'a select field needs at least one option']);
    expect(await page.locator('[data-test=ticket-type-form] button[type=submit]').isDisabled()).toBe(true);
    await page.fill('[aria-label="Field 2 key"]', 'product_line');
    await page.fill('[aria-label="Field 2 options"]', 'phones, laptops');
    await page.check('[aria-label="Field 1 required"]');
    await page.selectOption('select[name=priority]', 'high');
    await page.click('[data-test=ticket-type-form] button[type=submit]');
    await page.waitForURL(/\/flows\/warranty-claim$/);
    await page.locator('[aria-label="Field 2 options"]').waitFor();
    expect(await page.locator('[aria-label="Field 2 options"]').inputValue()).toBe('phones, laptops');
    const saved = await page.evaluate(async () => (await fetch('/api/ticket-types/warranty-claim')).json());
    expect(saved).toMatchObject({
      name: 'Warranty claim',
      fields: [
        { key: 'order_number', label: 'Order number', type: 'text', required: true },
        { key: 'product_line', label: 'Product line', type: 'select', options: ['phones', 'laptops'] },
      ],
      defaults: { priority: 'high' },
    });
  });

  it('edits activity inputs, timers, notifications and FEEL conditions in the panel', async () => {
    const openNewFlow = async (name: string, file: string, xml: string) => {
      await openFlowsAsOwner();
      await page.fill('[data-test=create-ticket-type] input[name=name]', name);
      await page.click('[data-test=create-ticket-type] button[type=submit]');
      await page.waitForURL(/\/flows\/[^/]+$/);
      await page.click('[data-test=open-modeler]');
      await element('UserTask_1').waitFor();
      await page.setInputFiles('[data-test=import-file]', {
        name: file,
        mimeType: 'application/xml',
        buffer: Buffer.from(xml),
      });
    };
    const savedXml = async () => {
      await expect
        .poll(() => page.locator('[data-test=save-status]').textContent(), { timeout: 15_000 })
        .toBe('All changes saved');
      const typeId = decodeURIComponent(new URL(page.url()).pathname.split('/')[2] ?? '');
      return page.evaluate(
        async (id) => (await (await fetch(`/api/ticket-types/${id}/flow`)).json()).xml as string,
        typeId,
      );
    };

    // A service task without an activity type is an error; choosing one offers its input form.
    await openNewFlow('Acknowledge', 'notify-flow.bpmn', fixture('notify-flow.bpmn'));
    await element('Service_Ack').waitFor();
    await expectErrors(1);
    await select('Service_Ack');
    await page.locator('#bio-properties-panel-baton-activity-type').selectOption('email-customer');
    await page.locator('#bio-properties-panel-baton-input-subject').waitFor();
    await typeInPanel('baton-input-subject', '"We got your ticket ' + '"');
    await expect
      .poll(() => page.locator('[data-entry-id="baton-input-subject"] .bio-properties-panel-error').count())
      .toBe(0);
    await typeInPanel('baton-input-text', '"Thanks, " + ');
    await expect
      .poll(() =>
        page.locator('[data-entry-id="baton-input-text"] .bio-properties-panel-error').textContent(),
      )
      .toContain('FEEL');
    await typeInPanel('baton-input-text', '"Thanks, we are on it."');
    await expectErrors(0);
    await shot('service-task');

    // Timer: duration with a business calendar.
    await select('Timer_Wait');
    expect(await page.locator('#bio-properties-panel-baton-timer-value').inputValue()).toBe('PT1H');
    await typeInPanel('baton-timer-value', 'PT2H');
    await page.locator('#bio-properties-panel-baton-timer-calendar').selectOption('office');
    await expectErrors(0);
    const xml = await savedXml();
    expect(xml).toContain('baton:activity="email-customer"');
    expect(xml).toMatch(
      /<baton:input name="subject" value="&#34;We got your ticket &#34;"|<baton:input name="subject" value="&quot;We got your ticket &quot;"/,
    );
    expect(xml).toContain('<bpmn:timeDuration');
    expect(xml).toContain('PT2H');
    expect(xml).toMatch(/id="Timer_Wait"[^>]*baton:calendar="office"/);

    // The seeded call-centre flow opens without errors; its send task and gateway flows are editable.
    await openNewFlow(
      'Call centre copy',
      'call-centre.bpmn',
      readFileSync(path.join(REPO_ROOT, 'db/src/seed/flows/call-centre.bpmn'), 'utf8'),
    );
    await element('Send_FaultReminder').waitFor();
    await expectErrors(0);
    await select('Send_FaultReminder');
    expect(await page.locator('#bio-properties-panel-baton-notify').inputValue()).toBe('assignee,lead');
    await typeInPanel('baton-notify', 'assignee,lead,nobody');
    await expect
      .poll(() => page.locator('[data-entry-id="baton-notify"] .bio-properties-panel-error').textContent())
      .toContain('unknown recipient: nobody');
    await typeInPanel('baton-notify', 'assignee,lead,manager');
    await clickConnection('Flow_ToRefunds');
    const condition = page.locator('#bio-properties-panel-baton-condition');
    const before = await condition.inputValue();
    expect(before).not.toBe('');
    await typeInPanel('baton-condition', 'category = ');
    await expect
      .poll(() => page.locator('[data-entry-id="baton-condition"] .bio-properties-panel-error').count())
      .toBe(1);
    await typeInPanel('baton-condition', before);
    await expectErrors(0);
    await shot('condition');
    expect(await savedXml()).toContain('baton:notify="assignee,lead,manager"');
    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });

  it('opens a 500-element diagram in the modeler within 1.3x of the viewer alone, and reports the route size', async () => {
    const { xml, elementCount } = largeFlowXml(500);
    await openFlowsAsOwner();
    await page.fill('[data-test=create-ticket-type] input[name=name]', 'Large flow');
    await page.click('[data-test=create-ticket-type] button[type=submit]');
    await page.waitForURL(/\/flows\/[^/]+$/);
    const typeId = decodeURIComponent(new URL(page.url()).pathname.split('/')[2] ?? '');

    // Both sides are measured the same way: a fresh page load that imports the stored diagram.
    const lastImport = (name: string) =>
      page.evaluate((n) => performance.getEntriesByName(n).at(-1)?.duration ?? Number.NaN, name);
    const modelerUrl = `${server.url}/flows/${encodeURIComponent(typeId)}/modeler`;
    await page.goto(modelerUrl);
    await element('UserTask_1').waitFor();
    await page.setInputFiles('[data-test=import-file]', {
      name: 'large.bpmn',
      mimeType: 'application/xml',
      buffer: Buffer.from(xml),
    });
    await element('End').waitFor({ state: 'attached' });
    await expectErrors(0);
    await expect
      .poll(() => page.locator('[data-test=save-status]').textContent(), { timeout: 30_000 })
      .toBe('All changes saved');

    expect(await element('Task_248').count()).toBe(1);
    await shot('large-modeler');
    await page.click('[data-test=deploy]');
    await expect
      .poll(() => page.locator('[data-test=deployed-version]').textContent(), { timeout: 60_000 })
      .toBe('Deployed version 1');
    await page.click('[data-test=versions-tab]');
    const viewLink = page.locator('[data-test=versions] li[data-version="1"] a');
    await viewLink.waitFor();
    const viewerUrl = `${server.url}${await viewLink.getAttribute('href')}`;

    // Interleaved, so both sides see the same load on a shared machine.
    const measureRound = async () => {
      const modelerRuns: number[] = [];
      const viewerRuns: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        await page.goto(modelerUrl);
        await page.waitForFunction(
          () => performance.getEntriesByName('baton:modeler-import').length > 0,
          undefined,
          { timeout: 60_000 },
        );
        modelerRuns.push(await lastImport('baton:modeler-import'));
        await page.goto(viewerUrl);
        await page.waitForFunction(
          () => performance.getEntriesByName('baton:viewer-import').length > 0,
          undefined,
          { timeout: 60_000 },
        );
        viewerRuns.push(await lastImport('baton:viewer-import'));
      }
      // Best of N is the figure least distorted by other processes on a shared machine.
      return { modelerRuns, viewerRuns, ratio: Math.min(...modelerRuns) / Math.min(...viewerRuns) };
    };
    // A busy machine can spoil one round; a real regression spoils every round.
    const rounds = [await measureRound()];
    while (rounds.length < ROUNDS && (rounds.at(-1)?.ratio ?? Infinity) > GOAL_RATIO)
      rounds.push(await measureRound());
    await shot('large-viewer');

    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
    const ms = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');
    const dist = path.join(REPO_ROOT, 'designer/dist');
    const modelerRoute = routeSize(dist, 'src/pages/ModelerPage.vue');
    const viewerRoute = routeSize(dist, 'src/pages/VersionPage.vue');
    const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
    console.log(
      [
        `[designer bench] ${elementCount}-element diagram, importXML incl. rendering, best of ${RUNS} cold page loads (interleaved), ${rounds.length} round(s):`,
        ...rounds.map(
          (r, i) =>
            `  round ${i + 1}: modeler best ${Math.min(...r.modelerRuns).toFixed(0)} ms / median ${median(r.modelerRuns).toFixed(0)} ms (${ms(r.modelerRuns)}); ` +
            `viewer best ${Math.min(...r.viewerRuns).toFixed(0)} ms / median ${median(r.viewerRuns).toFixed(0)} ms (${ms(r.viewerRuns)}); ratio ${r.ratio.toFixed(2)}x (goal <= ${GOAL_RATIO}x)`,
        ),
        `[designer bench] modeler route JS on top of the shell: ${kb(modelerRoute.jsGzipBytes)} gzip (${kb(modelerRoute.jsBytes)} raw, ${modelerRoute.files.join(' ')}), CSS ${kb(modelerRoute.cssGzipBytes)} gzip`,
        `[designer bench] viewer route JS on top of the shell: ${kb(viewerRoute.jsGzipBytes)} gzip (${viewerRoute.files.join(' ')})`,
      ].join('\n'),
    );
    expect(Math.min(...rounds.map((r) => r.ratio))).toBeLessThanOrEqual(GOAL_RATIO);
    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });

  it('runs the designer and the API docs under the Content-Security-Policy with no violation', async () => {
    // Everything above ran under the policy; this says the policy was there and is watched.
    const shell = await page.goto(`${server.url}/flows`);
    const policy = (await shell?.allHeaders())?.['content-security-policy'] ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    await page.locator('[data-test=create-ticket-type]').waitFor();
    await page.evaluate(() => {
      const inline = document.createElement('script');
      inline.textContent = 'window.__inlineRan = true';
      document.body.append(inline);
    });
    await expect.poll(() => cspViolations.length).toBeGreaterThan(0);
    expect(await page.evaluate(() => '__inlineRan' in window)).toBe(false);
    cspViolations.length = 0;

    await page.goto(`${server.url}/api/docs`);
    await page.locator('#ops h2').first().waitFor();
    expect(await page.locator('#ops details').count()).toBeGreaterThan(30);
    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});
