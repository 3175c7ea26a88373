// The inbound SMTP listener: the support mailbox's mail, delivered to Baton (directly by DNS, or
// forwarded by the company's mail server). It takes mail for the support address and its thread
// addresses only (it relays nothing), refuses what is too large before storing a byte of it,
// parses it (mailparser) and hands it to receiveMail. Each answer is an honest SMTP reply: 250
// once the mail is kept (or deliberately ignored), 550/552/554 for mail that will never be
// taken, 451 when it could not be kept now and the sender should retry.
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import { type FieldDefinition, loggableError, ticketTypes } from '@baton/db';
import { supportRecipient } from '@baton/workflows';
import type { AppDeps } from '../http/env.js';
import { ApiError } from '../http/problem.js';
import { fieldErrors } from '../tickets/fields.js';
import { type InboundMail, type IntakeRules, receiveMail } from './receive-mail.js';

export type MailIntakeOptions = IntakeRules & {
  port: number;
  host: string;
  /** The largest mail taken, in bytes (advertised with SMTP SIZE). */
  maxBytes: number;
};

export type MailIntake = { port: number; close(): Promise<void> };

/** An SMTP reply with its code: smtp-server sends `responseCode` and the message. */
const smtpError = (responseCode: number, message: string) =>
  Object.assign(new Error(message), { responseCode });

const firstAddress = (from: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(from) ? from[0] : from)?.value[0];

const messageIds = (value: string | string[] | undefined) =>
  value === undefined ? [] : Array.isArray(value) ? value : value.split(/\s+/).filter(Boolean);

/** What receiveMail needs of a parsed mail; undefined when it names no sender to answer. */
function inboundMail(
  parsed: ParsedMail,
  raw: Buffer,
  envelope: { from: string; to: string[] },
): InboundMail | undefined {
  const sender = firstAddress(parsed.from);
  if (!sender?.address) return undefined;
  return {
    // Without a Message-ID the bytes stand in for it, so a retried delivery is still one mail.
    messageId: parsed.messageId ?? `<sha256-${createHash('sha256').update(raw).digest('hex')}@baton.intake>`,
    envelopeFrom: envelope.from,
    from: { address: sender.address.toLowerCase(), name: sender.name || undefined },
    recipients: envelope.to,
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    references: [...messageIds(parsed.inReplyTo), ...messageIds(parsed.references)],
    headers: parsed.headers,
    attachments: parsed.attachments.map((file) => ({
      filename: file.filename ?? 'attachment',
      contentType: file.contentType,
      content: file.content,
    })),
  };
}

/** Reads the DATA stream up to the limit; past it, keeps nothing more (and says so). */
function readLimited(stream: SMTPServerDataStream, maxBytes: number): Promise<Buffer | 'too large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
    });
    stream.on('error', reject);
    stream.on('end', () =>
      resolve(stream.sizeExceeded || size > maxBytes ? 'too large' : Buffer.concat(chunks)),
    );
  });
}

/** A mail brings no form fields: the type must open a ticket without them (or with its defaults). */
async function assertTypeTakesMail(deps: Pick<AppDeps, 'db'>, typeId: string): Promise<void> {
  const types = await deps.db.select().from(ticketTypes);
  const type = types.find((t) => t.id === typeId);
  if (!type)
    throw new Error(
      `BATON_MAIL_IN_TICKET_TYPE="${typeId}": no such ticket type (there are: ${types.map((t) => t.id).join(', ') || 'none'})`,
    );
  const missing = fieldErrors(type.fields as FieldDefinition[], type.defaults.fields ?? {});
  if (missing.length > 0)
    throw new Error(
      `BATON_MAIL_IN_TICKET_TYPE="${typeId}": a mail cannot fill this type's form (${missing.map((e) => `${e.path}: ${e.message}`).join('; ')}); give those fields defaults or pick another type`,
    );
}

export async function startMailIntake(
  deps: Pick<AppDeps, 'db' | 'runtime' | 'log' | 'config'>,
  options: MailIntakeOptions,
): Promise<MailIntake> {
  const log = deps.log.child({ module: 'mail-intake' });
  await assertTypeTakesMail(deps, options.ticketTypeId);
  const megabytes = Math.round((options.maxBytes / 1024 / 1024) * 10) / 10;

  async function take(stream: SMTPServerDataStream, envelope: { from: string; to: string[] }) {
    const raw = await readLimited(stream, options.maxBytes);
    if (raw === 'too large') {
      log.warn({ maxBytes: options.maxBytes }, 'mail refused: larger than the limit');
      throw smtpError(552, `5.3.4 Message too big: this mailbox takes mail up to ${megabytes} MB`);
    }
    const parsed = await simpleParser(raw).catch((error: unknown) => {
      log.warn({ err: loggableError(error) }, 'mail refused: it could not be parsed');
      throw smtpError(554, '5.6.0 The message could not be parsed');
    });
    const mail = inboundMail(parsed, raw, envelope);
    if (!mail) {
      log.warn('mail refused: it has no From address');
      throw smtpError(550, '5.6.0 The message has no From address');
    }
    try {
      const outcome = await receiveMail(deps, options, mail);
      // Ids and outcomes only: addresses, subjects and bodies are customer data.
      log.info(
        { outcome: outcome.kind, ...outcome, attachments: mail.attachments.length, bytes: raw.length },
        `mail received: ${outcome.kind}`,
      );
      return outcome.kind === 'ignored' ? `2.0.0 Ignored: ${outcome.reason}` : `2.0.0 Received`;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'validation-failed') {
        // The configured ticket type refuses what a mail can give (a required form field): an
        // administrator must fix the type; retrying would not help.
        log.error(
          { err: loggableError(error), typeId: options.ticketTypeId },
          'mail refused: the ticket type refuses it',
        );
        throw smtpError(550, `5.7.0 This mailbox cannot open tickets now: ${error.message}`);
      }
      log.error({ err: loggableError(error) }, 'mail not kept: the sender will retry');
      throw smtpError(451, '4.3.0 The message could not be kept now; please try again later');
    }
  }

  const server = new SMTPServer({
    name: 'baton',
    banner: 'Baton mail intake',
    size: options.maxBytes,
    authOptional: true,
    // TLS belongs to the mail server in front (or a TLS-terminating proxy): see README.
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (supportRecipient(address.address, options.supportAddress)) return callback();
      callback(smtpError(550, `5.1.1 <${address.address}>: no such mailbox here`));
    },
    onData(stream, session, callback) {
      const envelope = {
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
        to: session.envelope.rcptTo.map((r) => r.address),
      };
      take(stream, envelope).then(
        (message) => callback(null, message),
        (error: Error) => {
          // Whatever went wrong, the rest of the stream is read so the answer reaches the sender.
          stream.resume();
          callback(error);
        },
      );
    },
  });
  server.on('error', (error) => log.warn({ err: loggableError(error) }, 'SMTP connection error'));
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.server.address() as AddressInfo;
  log.info({ port, host: options.host }, `mail intake listening on ${options.host}:${port}`);
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
