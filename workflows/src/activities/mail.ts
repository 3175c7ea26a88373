// The mail transport activities send through. Built once by the worker from SMTP_URL; absent when
// SMTP_URL is not set, in which case notifications stay in-app and `email-customer` fails clearly.
import nodemailer from 'nodemailer';
import { DEFAULT_MAIL_FROM } from '../settings.js';

/**
 * `messageId`: stable per notification, so a mail sent twice by a crash can be recognised.
 * `replyTo`: where the answer goes (a ticket's thread address, mail/reply-token.ts).
 * `automatic`: sent by Baton on its own (a notice, not a person's reply): marked
 * `Auto-Submitted: auto-generated` (RFC 3834), so that auto-responders do not answer it.
 */
export type MailMessage = {
  to: string;
  subject: string;
  text: string;
  messageId?: string;
  replyTo?: string;
  automatic?: boolean;
};

export type Mailer = {
  send(message: MailMessage): Promise<{ messageId: string }>;
  close(): void;
};

/** `from`: the configured sender (MailSettings.from). */
export function createMailer(smtpUrl: string, from: string = DEFAULT_MAIL_FROM): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send({ automatic, ...message }) {
      const info = await transport.sendMail({
        from,
        ...message,
        ...(automatic ? { headers: { 'Auto-Submitted': 'auto-generated' } } : {}),
      });
      return { messageId: String(info.messageId) };
    },
    close: () => transport.close(),
  };
}
