import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startTestSmtp, type TestSmtp } from '../testing/smtp.js';
import { activityCatalogue } from './catalogue.js';
import emailCustomer from './custom/email-customer.js';
import httpWebhook from './custom/http-webhook.js';
import { createMailer, type Mailer } from './mail.js';
import { type CustomActivityContext, defineActivity, runCustomActivity, timeoutMs } from './sdk.js';

const log = pino({ level: 'silent' });
const ctx = (extra: Partial<CustomActivityContext> = {}): CustomActivityContext => ({
  ticketId: 't-1',
  activityId: 'a-1',
  attempt: 1,
  log,
  customerEmail: async () => 'customer@example.com',
  // The ticket type's templates (their rendering against a database: mail/templates.test.ts).
  mailTemplate: async (key) =>
    key === 'refund-approved'
      ? { subject: 'Refund approved for #7', text: 'Hello Ana, it is done.' }
      : undefined,
  ...extra,
});

describe('defineActivity', () => {
  it('parses timeouts', () => {
    expect(timeoutMs('30s')).toBe(30_000);
    expect(timeoutMs('5m')).toBe(300_000);
    expect(timeoutMs('250ms')).toBe(250);
    expect(timeoutMs(1200)).toBe(1200);
    expect(() => timeoutMs('soon' as never)).toThrow(/invalid timeout 'soon'/);
  });

  it('refuses a non-kebab type and a bad retry count', () => {
    const base = {
      title: 't',
      description: 'd',
      input: z.object({}),
      timeout: '1s' as const,
      run: async () => 1,
    };
    expect(() => defineActivity({ ...base, type: 'Bad_Type', retry: { maximumAttempts: 1 } })).toThrow(
      /kebab-case/,
    );
    expect(() => defineActivity({ ...base, type: 'ok-type', retry: { maximumAttempts: 0 } })).toThrow(
      /maximumAttempts/,
    );
  });
});

describe('activityCatalogue', () => {
  it('lists the shipped activities with their input JSON schema', () => {
    const catalogue = activityCatalogue();
    expect(catalogue.map((e) => e.type)).toEqual(['http-webhook', 'email-customer']);
    const webhook = catalogue[0]!;
    expect(webhook).toMatchObject({ title: 'HTTP webhook', retries: 2, timeoutMs: 30_000 });
    expect(webhook.inputSchema).toMatchObject({ type: 'object', required: ['url'] });
    expect(Object.keys((webhook.inputSchema as { properties: object }).properties)).toEqual([
      'url',
      'headers',
      'body',
    ]);
  });

  it('refuses two definitions of one type', () => {
    expect(() => activityCatalogue([httpWebhook, httpWebhook])).toThrow(/'http-webhook' is defined twice/);
  });
});

describe('http-webhook', () => {
  let url = '';
  const requests: { headers: IncomingMessage['headers']; body: unknown; path: string }[] = [];
  const server = createServer((req, res) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString()));
    req.on('end', () => {
      requests.push({ headers: req.headers, body: JSON.parse(data), path: req.url ?? '' });
      const fail = req.url === '/fail';
      res.writeHead(fail ? 503 : 200, { 'content-type': 'application/json' });
      res.end(fail ? '{"error":"down"}' : '{"accepted":true}');
    });
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('POSTs JSON with headers and an idempotency key, returning the parsed answer', async () => {
    const result = await runCustomActivity(
      httpWebhook,
      { url: `${url}/hook`, headers: { 'x-token': 'abc' }, body: { kind: 'refund' } },
      ctx(),
    );
    expect(result).toEqual({ webhook: { status: 200, body: { accepted: true } } });
    const last = requests.at(-1)!;
    expect(last.body).toEqual({ ticketId: 't-1', kind: 'refund' });
    expect(last.headers['x-token']).toBe('abc');
    expect(last.headers['idempotency-key']).toBe('t-1:a-1');
  });

  it('fails on a non-2xx answer', async () => {
    await expect(runCustomActivity(httpWebhook, { url: `${url}/fail` }, ctx())).rejects.toThrow(
      /answered 503/,
    );
  });

  it('refuses a bad input naming the field, without calling anything', async () => {
    const before = requests.length;
    const failure = runCustomActivity(httpWebhook, { url: 'not a url', headers: { a: 1 } }, ctx());
    await expect(failure).rejects.toMatchObject({ nonRetryable: true, type: 'ActivityInputError' });
    await expect(failure).rejects.toThrow(/url: .*; headers\.a: /);
    expect(requests.length).toBe(before);
  });
});

describe('email-customer', () => {
  let smtp: TestSmtp;
  let mailer: Mailer;
  beforeAll(async () => {
    smtp = await startTestSmtp();
    mailer = createMailer(smtp.url);
  });
  afterAll(async () => {
    mailer.close();
    await smtp.close();
  });

  it("sends to the ticket's customer through the SMTP server", async () => {
    const result = await runCustomActivity(
      emailCustomer,
      { subject: 'Your ticket', text: 'We are on it.' },
      ctx({ mailer }),
    );
    expect(result).toMatchObject({ customerEmail: { to: 'customer@example.com' } });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]).toMatchObject({ to: ['customer@example.com'], subject: 'Your ticket' });
    expect(smtp.received[0]!.raw).toContain('We are on it.');
  });

  it("sends one of the ticket type's mail templates by key, and refuses an unknown key without retrying", async () => {
    const before = smtp.received.length;
    const result = await runCustomActivity(emailCustomer, { template: 'refund-approved' }, ctx({ mailer }));
    expect(result).toMatchObject({
      customerEmail: { to: 'customer@example.com', template: 'refund-approved' },
    });
    expect(smtp.received[before]).toMatchObject({ subject: 'Refund approved for #7' });
    expect(smtp.received[before]!.raw).toContain('Hello Ana, it is done.');
    await expect(
      runCustomActivity(emailCustomer, { template: 'nope' }, ctx({ mailer })),
    ).rejects.toMatchObject({
      nonRetryable: true,
      message: expect.stringMatching(/has no mail template 'nope'/),
    });
    expect(smtp.received).toHaveLength(before + 1);
  });

  it('takes either a template or a subject and text, naming the rule', async () => {
    for (const input of [{}, { subject: 's' }, { template: 'refund-approved', subject: 's', text: 't' }])
      await expect(runCustomActivity(emailCustomer, input, ctx({ mailer }))).rejects.toThrow(
        /give either `template`, or `subject` and `text`/,
      );
  });

  it('fails clearly without a mail transport', async () => {
    await expect(runCustomActivity(emailCustomer, { subject: 's', text: 't' }, ctx())).rejects.toThrow(
      /SMTP_URL is not set/,
    );
  });
});
