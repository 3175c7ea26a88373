// The mail transport activities send through. Built once by the worker from SMTP_URL; absent when
// SMTP_URL is not set, in which case notifications stay in-app and `email-customer` fails clearly.
import nodemailer from 'nodemailer';
import { DEFAULT_MAIL_FROM } from '../settings.js';

/** `messageId`: stable per notification, so a mail sent twice by a crash can be recognised. */
export type MailMessage = { to: string; subject: string; text: string; messageId?: string };

export type Mailer = {
  send(message: MailMessage): Promise<{ messageId: string }>;
  close(): void;
};

/** `from`: the configured sender (MailSettings.from). */
export function createMailer(smtpUrl: string, from: string = DEFAULT_MAIL_FROM): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(message) {
      const info = await transport.sendMail({ from, ...message });
      return { messageId: String(info.messageId) };
    },
    close: () => transport.close(),
  };
}
