// The Webhooks page end to end in a real Chromium against the real server (scripts/start.mjs on a
// fresh, seeded database, in-memory runtime: its delivery loop waits the real 10 s backoff). A real
// HTTP receiver on 127.0.0.1 answers 500 to its first POST and 200 after. An admin subscribes it
// through the page (a refused URL is named beside its field), copies the secret shown once, a
// ticket is created, and the delivery log shows the failed first attempt and the later success;
// every request the receiver got verifies with that secret. Redelivery, pause and delete follow.
import { mkdirSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '@baton/db/testing';
import { DEV_PASSWORDS } from '@baton/db';
import { verifyWebhook } from '@baton/workflows';
import { findChromium, launchChromium } from './chromium.js';
import { watchCspViolations } from './csp.js';
import { RESULTS, startBaton, type RunningServer } from './server.js';

const chromiumCheck = findChromium();
if (chromiumCheck.skipReason) console.warn(`[webhooks browser test] skipped: ${chromiumCheck.skipReason}`);

type Received = { headers: IncomingHttpHeaders; body: string; status: number };

/** A receiver that answers 500 to its first POST and 200 to every one after. */
async function flakyReceiver() {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const status = received.length === 0 ? 500 : 200;
      received.push({ headers: req.headers, body, status });
      res
        .writeHead(status, { 'content-type': 'text/plain' })
        .end(status === 200 ? 'ok' : 'receiver is warming up');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/baton`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const header = (r: Received, name: string) => {
  const value = r.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

describe.skipIf(!!chromiumCheck.skipReason)('the Webhooks page in the browser', () => {
  let database: TestDatabase;
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let receiver: Awaited<ReturnType<typeof flakyReceiver>>;
  const pageErrors: string[] = [];
  const cspViolations: string[] = [];

  beforeAll(async () => {
    mkdirSync(RESULTS, { recursive: true });
    receiver = await flakyReceiver();
    database = await createTestDatabase();
    server = await startBaton({ databaseUrl: database.url, runtime: 'in-memory' });
    browser = await launchChromium(chromiumCheck.path as string);
    context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const login = await context.newPage();
    await login.goto(`${server.url}/login`);
    await login.fill('input[name=email]', 'admin@baton.local');
    await login.fill('input[name=password]', DEV_PASSWORDS.admin);
    await login.press('input[name=password]', 'Enter');
    await login.waitForURL((url) => !url.pathname.startsWith('/login'));
    await login.close();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await database?.drop();
    await receiver?.close();
  });

  async function open(route: string): Promise<Page> {
    const page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await watchCspViolations(page, cspViolations);
    await page.goto(`${server.url}${route}`);
    return page;
  }
  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(RESULTS, `${name}.png`) });

  async function createTicket(): Promise<{ id: string; number: number }> {
    const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const created = await fetch(`${server.url}/api/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url, cookie },
      body: JSON.stringify({
        typeId: 'call-centre',
        title: 'Webhook reaches the CRM',
        fields: { callerPhone: '13800000000', description: 'No signal since Monday' },
      }),
    });
    expect(created.status).toBe(201);
    return (await created.json()) as { id: string; number: number };
  }

  it('subscribes a receiver, shows its secret once and logs a failed attempt and the retry that delivered', async () => {
    const page = await open('/developer/webhooks');
    const form = page.locator('[data-test=create-webhook]');
    await form.waitFor();
    // Admins reach it in the developer section, beside the developer's other pages.
    expect(await page.locator('.section-tabs a').allTextContents()).toContain('Webhooks');
    await page.locator('[data-test=no-webhooks]').waitFor();

    // The defaults: created, stage changed and done; a URL the API refuses is named beside its field.
    const checked = async () =>
      form
        .locator('input[type=checkbox]:checked')
        .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    expect(await checked()).toEqual(['ticket.created', 'ticket.stage_changed', 'ticket.done']);
    const url = form.locator('input[name=url]');
    await url.fill('ftp://crm.example.com/hooks');
    await url.press('Enter');
    await form.locator('[data-test=url-error]').waitFor();
    expect(await url.getAttribute('aria-invalid')).toBe('true');

    // By keyboard: the URL, a description, and the events (Space toggles a checkbox).
    await url.fill(receiver.url);
    await page.keyboard.press('Tab');
    await page.keyboard.type('CRM sync');
    await form.locator('input[name="event-ticket.stage_changed"]').focus();
    await page.keyboard.press('Space');
    expect(await checked()).toEqual(['ticket.created', 'ticket.done']);
    await form.locator('select[name=typeId]').selectOption('call-centre');
    await form.locator('input[name=description]').press('Enter');

    const once = page.locator('[data-test=webhook-secret-once]');
    await once.waitFor();
    expect(await once.textContent()).toContain('shown only now');
    const secretField = page.locator('[data-test=webhook-secret]');
    expect(await secretField.getAttribute('readonly')).not.toBeNull();
    // Focused and selected, so Ctrl+C copies it straight away.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-test'))).toBe(
      'webhook-secret',
    );
    const secret = await secretField.inputValue();
    expect(secret).toMatch(/^whsec_/);
    expect(await form.locator('input[name=url]').inputValue()).toBe('');
    await shot(page, 'webhooks-secret');

    const row = page.locator(`[data-test-webhook="${receiver.url}"]`);
    await row.waitFor();
    expect(await row.locator('[data-test=webhook-type]').textContent()).not.toBe('All types');
    expect(await row.locator('.chip').allTextContents()).toEqual(['Ticket created', 'Ticket done']);
    // The log of the new subscription is open, and empty.
    const log = page.locator('[data-test=delivery-log]');
    await log.locator('[data-test=no-deliveries]').waitFor();

    const ticket = await createTicket();
    // The first POST (whichever delivery it was) got the 500; the same delivery is retried after 10 s.
    await expect.poll(() => receiver.received.length, { timeout: 10_000 }).toBeGreaterThan(0);
    const first = receiver.received[0]!;
    expect(first.status).toBe(500);
    const deliveryId = header(first, 'baton-delivery')!;
    const delivery = log.locator(`tr[data-delivery="${deliveryId}"]`);
    const refreshLog = () => log.locator('[data-test=refresh-log]').click();

    // While its retry waits, it is pending with its failed attempt, and not offered for redelivery
    // (the log shows what its last refresh answered, so the checks below read that answer).
    await expect
      .poll(
        async () => {
          await refreshLog();
          await log.locator('[data-test=refresh-log]:enabled').waitFor();
          if (!(await delivery.count())) return 'not listed';
          return `${await delivery.getAttribute('data-status')} ${await delivery.locator('[data-test=delivery-attempts]').textContent()}`;
        },
        { timeout: 8_000, interval: 500 },
      )
      .toBe('pending 1');
    expect(await delivery.locator('[data-test=redeliver]').count()).toBe(0);
    expect(await delivery.textContent()).toContain('answered 500');

    await expect
      .poll(
        async () => {
          await refreshLog();
          await log.locator('[data-test=refresh-log]:enabled').waitFor();
          return delivery.getAttribute('data-status');
        },
        { timeout: 40_000, interval: 1_000 },
      )
      .toBe('delivered');
    expect(await delivery.locator('[data-test=delivery-attempts]').textContent()).toBe('2');
    expect(await delivery.locator('[data-test=delivery-ticket]').textContent()).toBe(`#${ticket.number}`);
    expect(await delivery.locator('[data-test=delivery-ticket]').getAttribute('href')).toBe(
      `/tickets/${ticket.id}`,
    );
    expect(await delivery.locator('[data-test=redeliver]').count()).toBe(1);

    await delivery.locator('[data-test=delivery-details]').click();
    const details = log.locator('[data-test=delivery-expanded]');
    await details.waitFor();
    expect(
      await details.locator('[data-test=attempts] li[data-attempt="1"]').getAttribute('data-status-code'),
    ).toBe('500');
    expect(await details.locator('[data-test=attempts] li[data-attempt="1"]').textContent()).toContain(
      'receiver is warming up',
    );
    expect(
      await details.locator('[data-test=attempts] li[data-attempt="2"]').getAttribute('data-status-code'),
    ).toBe('200');
    const payload = JSON.parse((await details.locator('[data-test=payload]').textContent()) ?? '') as {
      event: string;
      ticket: { id: string; number: number };
    };
    expect(payload.ticket).toMatchObject({ id: ticket.id, number: ticket.number });

    // Every request verifies with the secret read from the page; a retry keeps its delivery id.
    const ofDelivery = receiver.received.filter((r) => header(r, 'baton-delivery') === deliveryId);
    expect(ofDelivery.map((r) => header(r, 'baton-attempt'))).toEqual(['1', '2']);
    expect(ofDelivery.map((r) => r.body)).toEqual([ofDelivery[0]!.body, ofDelivery[0]!.body]);
    for (const r of receiver.received) {
      expect(verifyWebhook(secret, r.body, header(r, 'baton-signature'), Math.floor(Date.now() / 1000))).toBe(
        true,
      );
      expect(
        verifyWebhook('whsec_not-the-secret', r.body, header(r, 'baton-signature'), Date.now() / 1000),
      ).toBe(false);
    }
    expect(header(first, 'baton-event')).toBe(payload.event);
    await expect
      .poll(() => row.locator('[data-test=webhook-counts]').textContent())
      .toMatch(/^\s*\d+ delivered · 0 pending · 0 failed/);
    await page.locator('[data-test=dismiss-secret]').click();
    // The app scrolls inside its content pane, not the document: a taller window shows it all.
    await page.setViewportSize({ width: 1366, height: 1330 });
    await shot(page, 'webhooks');
    await page.setViewportSize({ width: 1366, height: 900 });

    // Redelivered: the same delivery and event, one more attempt.
    await delivery.locator('[data-test=redeliver]').click();
    await expect
      .poll(() => receiver.received.filter((r) => header(r, 'baton-delivery') === deliveryId).length)
      .toBe(3);
    const again = receiver.received.filter((r) => header(r, 'baton-delivery') === deliveryId)[2]!;
    expect(header(again, 'baton-attempt')).toBe('3');
    expect(JSON.parse(again.body)).toMatchObject({ eventId: JSON.parse(first.body).eventId });
  }, 90_000);

  it('edits, rotates the secret of, pauses, resumes and, after a confirmation, deletes a subscription', async () => {
    const page = await open('/developer/webhooks');
    const row = page.locator(`[data-test-webhook="${receiver.url}"]`);
    await row.waitFor();

    // Edit: the form takes the subscription and the focus; Enter saves.
    await row.locator('[data-test=edit-subscription]').click();
    const edit = page.locator('form[data-test=edit-webhook]');
    await edit.waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('url');
    await edit.locator('input[name=description]').fill('CRM sync (EU)');
    await edit.locator('input[name="event-ticket.rated"]').check();
    await edit.locator('input[name=description]').press('Enter');
    await page.locator('[data-test=create-webhook]').waitFor();
    await expect.poll(() => row.textContent()).toContain('CRM sync (EU)');
    expect(await row.locator('.chip').allTextContents()).toEqual([
      'Ticket created',
      'Ticket done',
      'Ticket rated',
    ]);

    // A rotated secret is shown once, and differs from the hint of the old one.
    const hintBefore = await row.locator('dd code').textContent();
    await row.locator('[data-test=rotate-secret]').click();
    await page.keyboard.press('Enter');
    const once = page.locator('[data-test=webhook-secret-once]');
    await once.waitFor();
    expect(await once.textContent()).toContain('Secret rotated');
    expect(await page.locator('[data-test=webhook-secret]').inputValue()).toMatch(/^whsec_/);
    await expect.poll(() => row.locator('dd code').textContent()).not.toBe(hintBefore);
    await page.locator('[data-test=dismiss-secret]').click();

    const active = row.locator('[data-test=webhook-active]');
    await active.uncheck();
    await expect.poll(() => row.locator('.switch').textContent()).toContain('Paused');
    await page.reload();
    expect(await row.locator('[data-test=webhook-active]').isChecked()).toBe(false);
    await row.locator('[data-test=webhook-active]').check();
    await expect.poll(() => row.locator('.switch').textContent()).toContain('Active');

    await row.locator('[data-test=delete-webhook]').click();
    // The confirmation takes the focus; Escape keeps it, Enter on the confirmation deletes.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-test'))).toBe(
      'confirm-webhook',
    );
    await page.keyboard.press('Escape');
    await row.locator('[data-test=delete-webhook]').waitFor();
    await row.locator('[data-test=delete-webhook]').click();
    await page.keyboard.press('Enter');
    await page.locator('[data-test=no-webhooks]').waitFor();
    expect(await row.count()).toBe(0);
  });

  it('had no page errors and no Content-Security-Policy violations', () => {
    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});
