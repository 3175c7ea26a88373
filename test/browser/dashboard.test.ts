// The managers' dashboard end to end in a real Chromium against the real server (scripts/start.mjs
// on a fresh database, with the demo history a first start seeds): the seeded manager, who belongs
// to no department, signs in and lands on it; an overdue stage is in the stuck list (linking to
// its ticket) and on the flow heatmap; every range preset draws its charts from the seeded
// figures, the table view shows the API's numbers, and a CSV download holds the table's rows;
// tickets opened in the UI's session and with an API token join the seeded ones (whose source is
// unknown) in the ticket sources, beside first-contact resolution and handling time; agents' replies
// (and an automatic mail, which is no response) show in the first-response and resolution times.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '@baton/db/testing';
import { findChromium, launchChromium } from './chromium.js';
import { watchCspViolations } from './csp.js';
import { RESULTS, startBaton, type RunningServer } from './server.js';

const chromiumCheck = findChromium();
if (chromiumCheck.skipReason) console.warn(`[dashboard browser test] skipped: ${chromiumCheck.skipReason}`);

const MANAGER = { email: 'manager@baton.local', password: 'baton-manager' };
const ADMIN = { email: 'admin@baton.local', password: 'baton-admin' };
const PRESETS = [
  'today',
  'yesterday',
  'this-week',
  'last-week',
  'this-month',
  'last-month',
  'this-year',
  'last-year',
] as const;
/** Whole past periods: the 13 months of history always fill them, whenever the test runs. */
const ALWAYS_FILLED = ['last-week', 'last-month', 'last-year'];
/** Panels drawn from the range's closed stages. */
const RANGE_CHARTS = ['sla', 'durations', 'bands', 'handoffs', 'waiting'];

type Group = { department: string | null; count: number };
type Service = {
  sources: { source: string; tickets: number; share: number | null }[];
  firstContact: {
    overall: { done: number; firstContact: number; rate: number | null };
    departments: { department: string | null; done: number; firstContact: number; rate: number | null }[];
  };
  handling: { departments: { department: string | null }[]; agents: { name: string }[] };
};
type Distribution = { count: number; histogram: { key: string; count: number }[] };
type ResponseTimes = {
  firstResponse: {
    overall: Distribution & { noResponseYet: number };
    departments: (Distribution & { department: string | null; noResponseYet: number })[];
  };
  resolution: { overall: Distribution; departments: (Distribution & { department: string | null })[] };
};
type Stuck = { items: { ticketId: string; globalTaskId: string; elementId: string; ticketNumber: number }[] };

/** Parses the CSV the dashboard writes (RFC 4180: CRLF line ends, quoted cells, "" for a quote). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      endCell();
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else {
      cell += c;
    }
  }
  return rows;
}

describe.skipIf(!!chromiumCheck.skipReason)('the managers’ dashboard in the browser', () => {
  let database: TestDatabase;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let cookie: string;
  const pageErrors: string[] = [];
  let cspViolations: string[] = [];

  const api = async <T>(route: string): Promise<T> => {
    const res = await fetch(`${server.url}${route}`, { headers: { cookie } });
    if (!res.ok) throw new Error(`GET ${route}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const panel = (id: string) => page.locator(`[data-test=panel-${id}]`);
  /** A panel has drawn its chart (an SVG from ECharts) or said it has nothing. */
  const settled = (id: string) => panel(id).locator('[data-test=chart] svg, [data-test=panel-empty]').first();

  const signIn = async (person: typeof MANAGER) => {
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(person),
    });
    expect(login.status).toBe(200);
    return login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
  };

  beforeAll(async () => {
    mkdirSync(RESULTS, { recursive: true });
    database = await createTestDatabase();
    server = await startBaton({ databaseUrl: database.url, history: true });
    cookie = await signIn(MANAGER);

    browser = await launchChromium(chromiumCheck.path as string);
    const context = await browser.newContext({
      viewport: { width: 1366, height: 768 },
      acceptDownloads: true,
    });
    page = await context.newPage();
    cspViolations = await watchCspViolations(page);
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await page.goto(`${server.url}/login`);
    await page.fill('input[name=email]', MANAGER.email);
    await page.fill('input[name=password]', MANAGER.password);
    await page.press('input[name=password]', 'Enter');
    await page.waitForURL(/\/dashboard$/); // a manager lands on the dashboard
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await database?.drop();
  });

  it('lists an overdue stage in the stuck stages, linking to its ticket, and on the flow heatmap', async () => {
    const stuck = await api<Stuck>('/api/stages/stuck?level=overdue');
    expect(stuck.items.length).toBeGreaterThan(0);
    const first = stuck.items[0]!;
    const row = panel('stuck').locator(`tr[data-test-stuck="${first.globalTaskId}"]`);
    await row.waitFor();
    // Most overdue first, as the API sorts them.
    expect(await panel('stuck').locator('tbody tr').first().getAttribute('data-test-stuck')).toBe(
      first.globalTaskId,
    );
    expect(await row.locator('a').getAttribute('href')).toBe(`/tickets/${first.ticketId}`);
    expect(await panel('stuck').locator('tbody tr').count()).toBe(stuck.items.length);

    // On the heatmap of that ticket's flow version, its task counts at least this overdue stage.
    const ticket = await api<{ type: { id: string }; flowVersionId: string }>(
      `/api/tickets/${first.ticketId}`,
    );
    await page.getByLabel('Flow', { exact: true }).selectOption(ticket.type.id);
    await page.getByLabel('Version', { exact: true }).selectOption(ticket.flowVersionId);
    const badge = panel('heatmap').locator(`[data-test=heat-badge][data-element="${first.elementId}"]`);
    await badge.waitFor();
    expect(Number(await badge.getAttribute('data-overdue'))).toBeGreaterThanOrEqual(1);
    expect(await badge.textContent()).toMatch(/\d+ open · (p90 .+|no p90 yet) · \d+ overdue/);
    const heat = await api<{ elements: { elementId: string; overdue: number; openNow: number }[] }>(
      `/api/flow-versions/${ticket.flowVersionId}/heatmap?range=this-month`,
    );
    const figures = heat.elements.find((e) => e.elementId === first.elementId)!;
    expect(await badge.textContent()).toContain(`${figures.openNow} open`);
    expect(await badge.textContent()).toContain(`${figures.overdue} overdue`);
    await page.screenshot({ path: path.join(RESULTS, 'dashboard.png') });

    // The row's link opens the ticket.
    await row.locator('a').click();
    await page.waitForURL(new RegExp(`/tickets/${first.ticketId}$`));
    await page.locator('[data-test=ticket-heading]').waitFor();
    expect(await page.locator('[data-test=ticket-heading]').textContent()).toContain(
      `#${first.ticketNumber}`,
    );
    await page.goBack();
    await page.waitForURL(/\/dashboard/);
  });

  it('draws every preset’s charts from the seeded figures, with the range in the URL', async () => {
    for (const preset of PRESETS) {
      await page.getByLabel('Time range').selectOption(preset);
      await page.waitForURL((url) => (url.searchParams.get('range') ?? 'this-month') === preset);
      const { groups } = await api<{ groups: Group[] }>(`/api/reports/stage-durations?range=${preset}`);
      if (ALWAYS_FILLED.includes(preset)) expect([preset, groups.length > 0]).toEqual([preset, true]);
      for (const id of RANGE_CHARTS) await settled(id).waitFor();
      if (groups.length === 0) {
        expect(await panel('durations').locator('[data-test=panel-empty]').textContent()).toContain(
          'pick a longer range',
        );
        continue;
      }
      // A range with closed stages may still hold no handoff (today, early in the morning): that
      // panel then says so instead of drawing an empty chart.
      const { handoffs } = await api<{ handoffs: unknown[] }>(`/api/reports/handoffs?range=${preset}`);
      const charted = [...RANGE_CHARTS, 'department-load', 'agent-load'].filter(
        (id) => id !== 'handoffs' || handoffs.length > 0,
      );
      for (const id of charted)
        expect([preset, id, await panel(id).locator('[data-test=chart] svg').count()]).toEqual([
          preset,
          id,
          1,
        ]);
      if (handoffs.length === 0)
        expect(await panel('handoffs').locator('[data-test=panel-empty]').textContent()).toContain(
          'No ticket moved between departments',
        );
      // The ECharts SVG holds the departments' bars: one rect per department and percentile at least.
      expect(await panel('durations').locator('[data-test=chart] svg path').count()).toBeGreaterThan(
        groups.length,
      );

      // The table view shows the API's counts per department (polled: the answer for the new range may still be on its way).
      await panel('durations').locator('[data-test=show-table]').click();
      const counts = panel('durations').locator('[data-test=panel-table] tbody tr td:nth-child(2)');
      await expect
        .poll(async () => (await counts.allTextContents()).map(Number).sort())
        .toEqual(groups.map((g) => g.count).sort());
      await panel('durations').locator('[data-test=show-chart]').click();
      await page.screenshot({ path: path.join(RESULTS, `dashboard-${preset}.png`) });
    }
    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });

  it('measures durations as elapsed, work or waiting time, the choice kept in the URL', async () => {
    await page.getByLabel('Time range').selectOption('last-month');
    await settled('durations').waitFor();
    const durations = panel('durations');
    expect(await durations.locator('[data-test=measure-elapsed]').getAttribute('aria-pressed')).toBe('true');
    const p50s: Record<string, string[]> = {};
    for (const measure of ['work', 'waiting', 'elapsed'] as const) {
      await durations.locator(`[data-test=measure-${measure}]`).click();
      await page.waitForURL((url) => (url.searchParams.get('measure') ?? 'elapsed') === measure);
      expect(await durations.locator(`[data-test=measure-${measure}]`).getAttribute('aria-pressed')).toBe(
        'true',
      );
      await expect
        .poll(async () => durations.locator('[data-test=durations-note]').textContent())
        .toContain({ elapsed: 'elapsed time', work: 'work time', waiting: 'time on hold' }[measure]);
      // The table shows the API's figures for that measure (business time, the dashboard's default).
      const { groups } = await api<{ groups: Group[] }>(
        `/api/reports/stage-durations?range=last-month&clock=business&measure=${measure}`,
      );
      await durations.locator('[data-test=show-table]').click();
      const counts = durations.locator('[data-test=panel-table] tbody tr td:nth-child(2)');
      await expect
        .poll(async () => (await counts.allTextContents()).map(Number).sort())
        .toEqual(groups.map((g) => g.count).sort());
      p50s[measure] = await durations
        .locator('[data-test=panel-table] tbody tr td:nth-child(4)')
        .allTextContents();
      await durations.locator('[data-test=show-chart]').click();
    }
    // The demo history puts some stages on hold: waiting is a small part of the elapsed time.
    expect(p50s.waiting).not.toEqual(p50s.elapsed);
    expect(pageErrors).toEqual([]);
  });

  it('shows the time waiting on customers per department and names the agents far above their peers', async () => {
    await page.getByLabel('Time range').selectOption('last-month');
    type Waiting = { waitingShare: number | null; outlier: boolean; department: string | null };
    const report = await api<{ departments: Waiting[]; agents: (Waiting & { name: string })[] }>(
      '/api/reports/waiting?range=last-month',
    );
    const flagged = report.agents.filter((a) => a.outlier).map((a) => a.name);
    // The demo history has one agent per department who puts far more on hold than the others.
    expect(flagged.length).toBeGreaterThan(0);
    const waiting = panel('waiting');
    await settled('waiting').waitFor();
    await expect
      .poll(async () => waiting.locator('[data-test=waiting-outlier]').allTextContents())
      .toEqual(flagged);
    await waiting.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(RESULTS, 'dashboard-waiting.png') });
    await waiting.locator('[data-test=show-table]').click();
    const rows = waiting.locator('[data-test=panel-table] tbody tr');
    await expect.poll(() => rows.count()).toBe(report.departments.length + report.agents.length);
    const shares = await waiting
      .locator('[data-test=panel-table] tbody tr td:nth-child(6)')
      .allTextContents();
    expect(shares.slice(0, report.departments.length)).toEqual(
      report.departments.map((d) =>
        d.waitingShare === null ? '—' : `${(d.waitingShare * 100).toFixed(1)} %`,
      ),
    );
    await waiting.locator('[data-test=show-chart]').click();
    expect(pageErrors).toEqual([]);
  });

  it('downloads a panel as CSV with the rows its table shows', async () => {
    await page.getByLabel('Time range').selectOption('last-month');
    await settled('sla').waitFor();
    await panel('sla').locator('[data-test=show-table]').click();
    const table = panel('sla').locator('[data-test=panel-table]');
    await table.waitFor();
    const header = await table.locator('thead th').allTextContents();
    const rows = await table
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent?.trim() ?? '')),
      );
    expect(rows.length).toBeGreaterThan(0);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel('sla').locator('[data-test=download-csv]').click(),
    ]);
    expect(download.suggestedFilename()).toBe('sla-attainment-last-month.csv');
    const csv = parseCsv(readFileSync((await download.path())!, 'utf8'));
    expect(csv[0]).toEqual(header.map((h) => h.trim()));
    // The table shows an empty cell as "—"; the CSV leaves it empty.
    expect(csv.slice(1)).toEqual(rows.map((r) => r.map((c) => (c === '—' ? '' : c))));
  });

  it('keeps a custom range in the URL, so a link reproduces the view', async () => {
    const lastMonth = await api<{ range: { from: string; timeZone: string } }>(
      '/api/reports/sla?range=last-month',
    );
    const day = (iso: string) =>
      new Intl.DateTimeFormat('en-CA', { timeZone: lastMonth.range.timeZone }).format(new Date(iso));
    const from = day(lastMonth.range.from);
    const to = day(new Date(Date.parse(lastMonth.range.from) + 6 * 86_400_000).toISOString());
    await page.getByLabel('Time range').selectOption('custom');
    await page.locator('[data-test=range-incomplete]').waitFor();
    await page.getByLabel('From', { exact: true }).fill(from);
    await page.getByLabel('To', { exact: true }).fill(to);
    await page.waitForURL(
      (url) => url.searchParams.get('from') === from && url.searchParams.get('to') === to,
    );
    await settled('durations').waitFor();
    const link = page.url();

    // Someone else opens the link: signs in first, then sees the same view.
    const again = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    await again.goto(link);
    await again.waitForURL(/\/login\?next=/);
    await again.fill('input[name=email]', MANAGER.email);
    await again.fill('input[name=password]', MANAGER.password);
    await again.press('input[name=password]', 'Enter');
    await again.waitForURL((url) => url.searchParams.get('from') === from);
    expect(await again.getByLabel('Time range').inputValue()).toBe('custom');
    expect(await again.getByLabel('From', { exact: true }).inputValue()).toBe(from);
    await again.locator('[data-test=range-text]').waitFor();
    expect(await again.locator('[data-test=range-text]').textContent()).toBe(
      await page.locator('[data-test=range-text]').textContent(),
    );
    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });

  it('shows ticket sources, first-contact resolution and handling time as the service report answers', async () => {
    // Tickets of today from two sources: an agent in the UI (a session) and a script (a token).
    const adminCookie = await signIn(ADMIN);
    const post = async (route: string, auth: Record<string, string>, body: unknown) => {
      const res = await fetch(`${server.url}${route}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.url, ...auth },
        body: JSON.stringify(body),
      });
      if (res.status !== 201) throw new Error(`POST ${route}: ${res.status} ${await res.text()}`);
      return (await res.json()) as { token: string };
    };
    const { token } = await post('/api/me/tokens', { cookie: adminCookie }, { name: 'dashboard sources' });
    const call = (title: string) => ({
      typeId: 'call-centre',
      title,
      fields: { callerPhone: '13800000000', description: title },
    });
    await post('/api/tickets', { cookie: adminCookie }, call('Phoned in, no signal'));
    await post('/api/tickets', { cookie: adminCookie }, call('Phoned in, billing'));
    await post('/api/tickets', { authorization: `Bearer ${token}` }, call('From the shop’s script'));

    // Opened afresh, so the dashboard's reports count the new tickets.
    await page.goto(`${server.url}/dashboard?range=this-month`);
    const report = await api<Service>('/api/reports/service?range=this-month');
    const count = (source: string) => report.sources.find((s) => s.source === source)?.tickets;
    expect([count('agent'), count('api')]).toEqual([2, 1]);
    expect(count('unknown')).toBeGreaterThan(0); // the seeded history predates sources
    expect(report.firstContact.departments.length).toBeGreaterThan(0);

    // The chart labels each source's bar with the API's count and share.
    const sources = panel('sources');
    await settled('sources').waitFor();
    const barLabels = report.sources.map(
      (s) => `${s.tickets}${s.share === null ? '' : ` (${Math.round(s.share * 100)} %)`}`,
    );
    await expect
      .poll(async () => sources.locator('[data-test=chart] svg text').allTextContents())
      .toEqual(expect.arrayContaining(['Agent', 'API', 'Web form', 'E-mail', 'Unknown', ...barLabels]));

    // "resolved of done" per department beside its first-contact bar, and the overall rate.
    const service = panel('service');
    await settled('service').waitFor();
    await expect
      .poll(async () => service.locator('[data-test=chart] svg text').allTextContents())
      .toEqual(
        expect.arrayContaining(report.firstContact.departments.map((d) => `${d.firstContact} of ${d.done}`)),
      );
    const { overall } = report.firstContact;
    expect(await service.locator('[data-test=first-contact-note]').textContent()).toContain(
      `Overall ${((overall.rate ?? 0) * 100).toFixed(1)} %: ${overall.firstContact} of ${overall.done} done tickets`,
    );

    await sources.scrollIntoViewIfNeeded();
    const [a, b] = [await sources.boundingBox(), await service.boundingBox()];
    const top = Math.min(a!.y, b!.y);
    await page.screenshot({
      path: path.join(RESULTS, 'dashboard-service.png'),
      clip: {
        x: a!.x - 8,
        y: top - 8,
        width: b!.x + b!.width - a!.x + 16,
        height: Math.max(a!.y + a!.height, b!.y + b!.height) - top + 16,
      },
    });

    // The tables hold the same figures: tickets per source; rates per department, then each agent.
    await sources.locator('[data-test=show-table]').click();
    await expect
      .poll(async () => sources.locator('[data-test=panel-table] tbody tr td:nth-child(2)').allTextContents())
      .toEqual(report.sources.map((s) => String(s.tickets)));
    await sources.locator('[data-test=show-chart]').click();
    await service.locator('[data-test=show-table]').click();
    const departmentRows = new Set([
      ...report.firstContact.departments.map((d) => d.department),
      ...report.handling.departments.map((d) => d.department),
    ]).size;
    const rows = service.locator('[data-test=panel-table] tbody tr');
    await expect.poll(() => rows.count()).toBe(departmentRows + report.handling.agents.length);
    const rates = await service.locator('[data-test=panel-table] tbody tr td:nth-child(5)').allTextContents();
    expect(rates.slice(0, report.firstContact.departments.length)).toEqual(
      report.firstContact.departments.map((d) => (d.rate === null ? '—' : `${(d.rate * 100).toFixed(1)} %`)),
    );
    const agents = await service
      .locator('[data-test=panel-table] tbody tr td:nth-child(1)')
      .allTextContents();
    expect(agents.slice(departmentRows).map((n) => n.trim())).toEqual(
      report.handling.agents.map((a) => a.name),
    );
    await service.locator('[data-test=show-chart]').click();
    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });

  it('shows first-response and resolution times per department as the response-times report answers', async () => {
    // Agents answer the first tickets of the month 25 minutes after they came in; the next one
    // gets only an automatic mail (no author), so it is still waiting for a response.
    const mail = `insert into ticket_mails (ticket_id, direction, from_address, to_address, subject, body, author_id, at)
      select t.id, 'out', 'support@baton.local', 'customer@example.com', 'Re: ' || t.title, 'On it.', $1,
             t.created_at + interval '25 minutes'
        from tickets t where t.created_at >= date_trunc('month', now()) order by t.created_at, t.id`;
    const { rows } = await database.pool.query<{ id: string }>(
      "select id from users where email = 'admin@baton.local'",
    );
    await database.pool.query(`${mail} limit 4`, [rows[0]!.id]);
    await database.pool.query(`${mail} offset 4 limit 1`, [null]);

    await page.goto(`${server.url}/dashboard?range=this-month`);
    const report = await api<ResponseTimes>('/api/reports/response-times?range=this-month');
    const { firstResponse, resolution } = report;
    expect(firstResponse.overall.count).toBeGreaterThan(0);

    // Each chart's subtitle carries the overall counts; each department is a stacked series.
    const times = panel('response-times');
    await settled('response-times').waitFor();
    const waitingText = ` · ${firstResponse.overall.noResponseYet} without reply`;
    const resolvedText =
      resolution.overall.count > 0 ? ` · ${resolution.overall.count} resolved` : 'no ticket measured';
    await expect
      .poll(async () => (await times.locator('[data-test=chart] svg text').allTextContents()).join('\n'))
      .toMatch(new RegExp(`${firstResponse.overall.count} answered${waitingText}[\\s\\S]*${resolvedText}`));

    await times.scrollIntoViewIfNeeded();
    await times.screenshot({ path: path.join(RESULTS, 'dashboard-response-times.png') });

    // The table: all departments, then each, for both measures, with the API's counts.
    await times.locator('[data-test=show-table]').click();
    const expected = (
      [
        ['First response', firstResponse],
        ['Resolution', resolution],
      ] as const
    ).flatMap(([measure, d]) =>
      d.overall.count === 0 && !('noResponseYet' in d.overall && d.overall.noResponseYet > 0)
        ? []
        : [d.overall, ...d.departments].map((g) => [measure, String(g.count)]),
    );
    const cells = async (column: number) =>
      (await times.locator(`[data-test=panel-table] tbody tr td:nth-child(${column})`).allTextContents()).map(
        (t) => t.trim(),
      );
    const measureAndCount = async () => {
      const [measures, counts] = [await cells(1), await cells(3)];
      return measures.map((measure, row) => [measure, counts[row]]);
    };
    await expect.poll(measureAndCount).toEqual(expected);
    const noResponse = await cells(4);
    expect(noResponse.slice(0, 1 + firstResponse.departments.length)).toEqual(
      [firstResponse.overall, ...firstResponse.departments].map((d) => String(d.noResponseYet)),
    );
    await times.locator('[data-test=show-chart]').click();
    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });

  it("shows the timing rules' clocks: met and missed per rule, attainment and overdue now, every figure in the table", async () => {
    // The seed's two built-in rules time its demo history, measured in the background after the
    // first start (the server logs when it is done).
    await expect
      .poll(() => server.output().includes('measured the timing-rule clocks of earlier tickets'), {
        timeout: 120_000,
      })
      .toBe(true);
    await page.goto(`${server.url}/dashboard?range=last-year`);
    const report = await api<RuleClocks>('/api/reports/rule-clocks?range=last-year');
    expect(report.rules.map((r) => r.name)).toEqual(['First response', 'Resolution']);
    expect(report.rules.some((r) => r.overall.stopped > 0)).toBe(true);

    const clocks = panel('rule-clocks');
    await settled('rule-clocks').waitFor();
    const labels = report.rules.map((r) => {
      const attainment = r.overall.attainment === null ? '—' : `${Math.round(r.overall.attainment * 100)} %`;
      return r.overall.overdueNow > 0 ? `${attainment} · ${r.overall.overdueNow} overdue now` : attainment;
    });
    await expect
      .poll(async () => (await clocks.locator('[data-test=chart] svg text').allTextContents()).join('\n'))
      .toContain(labels.join('\n'));
    await clocks.scrollIntoViewIfNeeded();
    await clocks.screenshot({ path: path.join(RESULTS, 'dashboard-rule-clocks.png') });

    await clocks.locator('[data-test=show-table]').click();
    const cells = async (column: number) =>
      (
        await clocks.locator(`[data-test=panel-table] tbody tr td:nth-child(${column})`).allTextContents()
      ).map((t) => t.trim());
    const expected = report.rules.flatMap((r) =>
      [r.overall, ...r.departments].map((f) => [r.name, String(f.stopped), String(f.met), String(f.openNow)]),
    );
    const shown = async () => {
      const [names, stopped, met, open] = [await cells(1), await cells(3), await cells(4), await cells(10)];
      return names.map((n, row) => [n, stopped[row], met[row], open[row]]);
    };
    await expect.poll(shown).toEqual(expected);
    await clocks.locator('[data-test=show-chart]').click();
    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});

type RuleClockFigures = {
  stopped: number;
  met: number;
  attainment: number | null;
  openNow: number;
  overdueNow: number;
};
type RuleClocks = {
  rules: { key: string; name: string; overall: RuleClockFigures; departments: RuleClockFigures[] }[];
};
