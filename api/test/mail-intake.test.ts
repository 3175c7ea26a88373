// E-mail to ticket and back, with real parts: nodemailer sends to Baton's SMTP listener, the
// engine runs on the in-memory runtime, and agents' replies leave through the outbox relay to a
// real SMTP server that keeps what it got. A new mail opens a ticket; the agent's reply carries
// the thread's token; the customer's answer threads back (by address or by header) and resumes
// the held task; automatic mail is ignored; mail that is too large is refused and leaves nothing.
import nodemailer from 'nodemailer';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer, createOutboxRelay, type InMemoryRuntime, type OutboxRelay } from '@baton/workflows';
import { startTestSmtp, type TestSmtp } from '@baton/workflows/testing';
import { type MailIntake, startMailIntake } from '../src/intake/smtp-listener.js';
import { deploySupportRefunds } from './fixtures.js';
import { createHarness, type Harness } from './harness.js';

const SUPPORT = 'help@example.test';
const CUSTOMER = 'ana.lima@customer.example';
const TYPE = 'mail-request';
const MB = 1024 * 1024;
const DAY = 86_400_000;
const REOPEN_WITHIN_MS = 7 * DAY;
let h: Harness;
let intake: MailIntake;
let outgoing: TestSmtp;
let relay: OutboxRelay;
let client: nodemailer.Transporter;

const log = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
const settled = () => (h.deps.runtime as InMemoryRuntime).settled();
const count = async (table: string) =>
  (await h.t.pool.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0]!.n;
const json = async <T>(res: Response | Promise<Response>): Promise<T> => {
  const response = await res;
  if (response.status >= 300) throw new Error(`${response.status} ${await response.text()}`);
  return (await response.json()) as T;
};

type Conversation = {
  replies: { enabled: boolean };
  items: {
    id: number;
    direction: string;
    subject: string;
    text: string;
    from: string;
    attachments: { id: number; filename: string; sizeBytes: number }[];
    delivery: { state: string } | null;
  }[];
};
type Detail = {
  id: string;
  title: string;
  customer: { email?: string; name?: string };
  openTasks: { id: string; held: boolean }[];
  stages: { heldSince: string | null }[];
  timeline: { type: string; data: Record<string, unknown> }[];
};

async function ticketIds(): Promise<string[]> {
  return (await h.t.pool.query<{ id: string }>('select id from tickets order by created_at')).rows.map(
    (r) => r.id,
  );
}

beforeAll(async () => {
  h = await createHarness({ runtime: 'in-memory', config: { supportAddress: SUPPORT } });
  await deploySupportRefunds(h, TYPE, undefined, [
    { key: 'orderNumber', label: 'Order number', type: 'text', required: false },
  ]);
  await deploySupportRefunds(h); // refund-request: its order number is required
  outgoing = await startTestSmtp();
  relay = createOutboxRelay({ db: h.t.db, mailer: createMailer(outgoing.url), log });
  intake = await startMailIntake(h.deps, {
    port: 0,
    host: '127.0.0.1',
    supportAddress: SUPPORT,
    ticketTypeId: TYPE,
    maxBytes: 25 * MB,
    reopenWithinMs: REOPEN_WITHIN_MS,
    ownAddresses: [SUPPORT, 'baton@example.test'],
  });
  client = nodemailer.createTransport({
    host: '127.0.0.1',
    port: intake.port,
    secure: false,
    ignoreTLS: true,
  });
});
afterAll(async () => {
  client?.close();
  await intake?.close();
  await outgoing?.close();
  await h?.close();
});

describe('the mail intake', () => {
  let ticketId: string;
  /** The thread's reply address, from the agent's reply. */
  let threadAddress: string;
  const photo = Buffer.from(Array.from({ length: 3000 }, (_, i) => i % 256));

  it('opens a ticket from a new mail: subject, sender, body and files kept; a redelivery adds nothing', async () => {
    const mail = {
      from: '"Ana Lima" <Ana.Lima@customer.example>',
      to: SUPPORT,
      subject: 'My blender arrived broken',
      text: 'The jar is cracked. Order 4711.',
      messageId: '<first-mail@customer.example>',
      attachments: [{ filename: 'jar photo.jpg', content: photo, contentType: 'image/jpeg' }],
    };
    const info = await client.sendMail(mail);
    expect(info.response).toMatch(/^250 /);
    await settled();
    const ids = await ticketIds();
    expect(ids).toHaveLength(1);
    ticketId = ids[0]!;
    const detail = await json<Detail>(h.call('agent', 'GET', `/api/tickets/${ticketId}`));
    expect(detail.title).toBe('My blender arrived broken');
    expect(detail.customer).toEqual({ email: CUSTOMER, name: 'Ana Lima' });
    expect(detail.openTasks).toHaveLength(1);

    const conversation = await json<Conversation>(
      h.call('agent', 'GET', `/api/tickets/${ticketId}/conversation`),
    );
    expect(conversation.replies.enabled).toBe(true);
    expect(conversation.items).toEqual([
      expect.objectContaining({
        direction: 'in',
        from: CUSTOMER,
        fromName: 'Ana Lima',
        subject: 'My blender arrived broken',
        text: expect.stringContaining('The jar is cracked. Order 4711.'),
        attachments: [expect.objectContaining({ filename: 'jar photo.jpg', sizeBytes: photo.length })],
      }),
    ]);
    const download = await h.call(
      'agent',
      'GET',
      `/api/tickets/${ticketId}/attachments/${conversation.items[0]!.attachments[0]!.id}`,
    );
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/octet-stream');
    expect(download.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(Buffer.from(await download.arrayBuffer()).equals(photo)).toBe(true);

    // The sender's retry of the same mail (same Message-ID): still one ticket, one mail.
    await client.sendMail(mail);
    await settled();
    expect(await ticketIds()).toEqual([ticketId]);
    expect(await count('ticket_mails')).toBe(1);
  });

  it("sends the agent's reply from the thread's address, and threads the answer back onto the held task", async () => {
    const detail = await json<Detail>(h.call('agent', 'GET', `/api/tickets/${ticketId}`));
    const task = `/api/tasks/${detail.openTasks[0]!.id}`;
    await json(h.call('agent', 'POST', `${task}/claim`, {}));
    const reply = await h.call('agent', 'POST', `/api/tickets/${ticketId}/replies`, {
      text: 'Sorry! Could you send the order number from your receipt?',
    });
    expect(reply.status).toBe(201);
    expect(((await reply.json()) as { delivery: { state: string } }).delivery.state).toBe('queued');
    await json(h.call('agent', 'POST', `${task}/hold`, { reason: 'asked the customer for the receipt' }));

    expect(await relay.flush()).toEqual({ sent: 1, failed: 0 });
    expect(outgoing.received).toHaveLength(1);
    const sent = outgoing.received[0]!;
    expect(sent.to).toEqual([CUSTOMER]);
    expect(sent.subject).toMatch(/^Re: \[#\d+\] My blender arrived broken$/);
    const replyTo = /^Reply-To: (.+)$/im.exec(sent.raw)?.[1]?.trim();
    expect(replyTo).toMatch(/^help\+[0-9a-f]{32}@example\.test$/);
    threadAddress = replyTo!;
    const token = replyTo!.slice('help+'.length, 'help+'.length + 32);
    const messageId = /^Message-ID: (.+)$/im.exec(sent.raw)?.[1]?.trim();
    expect(messageId).toContain(token);
    // The customer's status link rides along: the same one the ticket's link route gives.
    const link = await json<{ url: string }>(h.call('agent', 'POST', `/api/tickets/${ticketId}/status-link`));
    expect(link.url).toMatch(/^http:\/\/localhost:3000\/status\/[0-9a-f]{32}$/);
    expect(sent.raw.replace(/=\r?\n/g, '')).toContain(link.url);
    // A person's reply, not an automatic notice: auto-responders may answer it.
    expect(sent.raw).not.toMatch(/^Auto-Submitted:/im);

    const conversation = await json<Conversation>(
      h.call('agent', 'GET', `/api/tickets/${ticketId}/conversation`),
    );
    expect(conversation.items.map((m) => [m.direction, m.delivery?.state ?? null])).toEqual([
      ['in', null],
      ['out', 'sent'],
    ]);

    const before = await json<Detail>(h.call('agent', 'GET', `/api/tickets/${ticketId}`));
    await client.sendMail({
      from: CUSTOMER,
      to: replyTo!,
      subject: 'Re: anything at all',
      text: 'It is R-2026-118.',
      inReplyTo: messageId!,
    });
    await settled();
    const after = await json<Detail>(h.call('agent', 'GET', `/api/tickets/${ticketId}`));
    expect(before.openTasks[0]!.held).toBe(true);
    expect(after.openTasks[0]!.held).toBe(false);
    const message = after.timeline.find((e) => e.type === 'message.received');
    expect(message?.data).toMatchObject({
      name: 'customer-reply',
      data: { text: 'It is R-2026-118.\n', from: CUSTOMER, channel: 'email' },
    });
    expect(after.stages[0]).toMatchObject({ heldSince: null });
    expect(await ticketIds()).toEqual([ticketId]);

    // A client that answers the plain support address still threads by the quoted Message-ID.
    await client.sendMail({
      from: CUSTOMER,
      to: SUPPORT,
      subject: 'one more thing',
      text: 'The box is fine.',
      references: [messageId!],
    });
    await settled();
    expect(await ticketIds()).toEqual([ticketId]);
    const texts = (
      await json<Conversation>(h.call('agent', 'GET', `/api/tickets/${ticketId}/conversation`))
    ).items.map((m) => m.text.trim());
    expect(texts.slice(2)).toEqual(['It is R-2026-118.', 'The box is fine.']);
  });

  it('reopens a ticket done lately when the customer answers, and opens a new one for an answer long after', async () => {
    const solve = async () => {
      const task = (await json<Detail>(h.call('agent', 'GET', `/api/tickets/${ticketId}`))).openTasks[0]!;
      await json(h.call('agent', 'POST', `/api/tasks/${task.id}/claim`, {})).catch(() => undefined);
      await json(h.call('agent', 'POST', `/api/tasks/${task.id}/complete`, { outcome: 'solved' }));
      await settled();
      expect(
        (await json<{ status: string }>(h.call('agent', 'GET', `/api/tickets/${ticketId}`))).status,
      ).toBe('done');
    };
    await solve();
    const mails = await count('ticket_mails');
    await client.sendMail({ from: CUSTOMER, to: threadAddress, subject: 'Re: it', text: 'Still broken.' });
    await settled();
    expect(await ticketIds()).toEqual([ticketId]);
    const reopened = await json<Detail & { status: string }>(
      h.call('agent', 'GET', `/api/tickets/${ticketId}`),
    );
    expect(reopened.status).not.toBe('done');
    expect(reopened.openTasks).toHaveLength(1);
    expect(reopened.timeline.filter((e) => e.type === 'ticket.reopened')).toEqual([
      expect.objectContaining({
        actorId: 'customer',
        data: { reason: 'answered by e-mail after it was done' },
      }),
    ]);
    const conversation = await json<Conversation>(
      h.call('agent', 'GET', `/api/tickets/${ticketId}/conversation`),
    );
    expect(conversation.items.at(-1)).toMatchObject({
      direction: 'in',
      text: expect.stringContaining('Still broken.'),
    });
    expect(await count('ticket_mails')).toBe(mails + 1);

    // Done again, and answered after the window: a new ticket, the old one stays done.
    await solve();
    await h.clock!.advance(REOPEN_WITHIN_MS + 60_000);
    await client.sendMail({ from: CUSTOMER, to: threadAddress, subject: 'Re: it', text: 'Again broken.' });
    await settled();
    const ids = await ticketIds();
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(ticketId);
    expect((await json<{ status: string }>(h.call('agent', 'GET', `/api/tickets/${ticketId}`))).status).toBe(
      'done',
    );
  });

  it('ignores auto-replies and mail loops: accepted, and nothing is opened or added', async () => {
    const before = { tickets: await count('tickets'), mails: await count('ticket_mails') };
    const outOfOffice = await client.sendMail({
      from: CUSTOMER,
      to: SUPPORT,
      subject: 'Out of office',
      text: 'I am away until Monday.',
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
    expect(outOfOffice.response).toMatch(/^250 .*Ignored: Auto-Submitted: auto-replied/);
    const loop = await client.sendMail({ from: SUPPORT, to: SUPPORT, subject: 'Re: Re: Re:', text: 'loop' });
    expect(loop.response).toMatch(/^250 .*Ignored: .*mail loop/);
    await settled();
    expect({ tickets: await count('tickets'), mails: await count('ticket_mails') }).toEqual(before);
  });

  it('refuses a 30 MB mail with an SMTP error and keeps none of it', async () => {
    const before = [await count('tickets'), await count('ticket_mails'), await count('ticket_attachments')];
    const huge = client.sendMail({
      from: CUSTOMER,
      to: SUPPORT,
      subject: 'The whole video',
      text: 'see attached',
      attachments: [{ filename: 'video.mp4', content: Buffer.alloc(30 * MB, 7) }],
    });
    await expect(huge).rejects.toMatchObject({ responseCode: 552 });
    await settled();
    expect([await count('tickets'), await count('ticket_mails'), await count('ticket_attachments')]).toEqual(
      before,
    );
  });

  it('takes mail for the support mailbox only: another address is refused at RCPT TO', async () => {
    await expect(
      client.sendMail({ from: CUSTOMER, to: 'sales@example.test', subject: 'hi', text: 'hi' }),
    ).rejects.toMatchObject({ responseCode: 550 });
  });

  it('offers no reply to a ticket without a customer e-mail, and refuses one with nothing queued', async () => {
    const created = await json<{ id: string }>(
      h.call('agent', 'POST', '/api/tickets', { typeId: TYPE, title: 'Phoned in', fields: {} }),
    );
    await settled();
    const conversation = await json<Conversation & { replies: { reason?: string } }>(
      h.call('agent', 'GET', `/api/tickets/${created.id}/conversation`),
    );
    expect(conversation).toEqual({
      mayManageStatusLink: true,
      replies: { enabled: false, reason: 'the ticket has no customer e-mail' },
      items: [],
      rating: null,
    });
    const [queued, mails] = [await count('notifications'), await count('ticket_mails')];
    const refused = await h.call('agent', 'POST', `/api/tickets/${created.id}/replies`, { text: 'hello?' });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { detail: string }).detail).toContain('no customer e-mail');
    expect([await count('notifications'), await count('ticket_mails')]).toEqual([queued, mails]);
  });

  it('will not start for a ticket type whose form a mail cannot fill', async () => {
    await expect(
      startMailIntake(h.deps, {
        port: 0,
        host: '127.0.0.1',
        supportAddress: SUPPORT,
        ticketTypeId: 'refund-request',
        maxBytes: MB,
        reopenWithinMs: REOPEN_WITHIN_MS,
        ownAddresses: [SUPPORT],
      }),
    ).rejects.toThrow(/BATON_MAIL_IN_TICKET_TYPE="refund-request": a mail cannot fill .*orderNumber/);
  });
});
