// The mail transport activities send through. Built once by the worker from SMTP_URL; absent when
// SMTP_URL is not set, in which case notifications stay in-app and `email-customer` fails clearly.
import nodemailer from 'nodemailer';

export type MailMessage = { to: string; subject: string; text: string };

export type Mailer = {
  send(message: MailMessage): Promise<{ messageId: string }>;
  close(): void;
};

export const DEFAULT_MAIL_FROM = 'Baton <baton@localhost>';

export function createMailer(smtpUrl: string, from = process.env.MAIL_FROM ?? DEFAULT_MAIL_FROM): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(message) {
      const info = await transport.sendMail({ from, ...message });
      return { messageId: String(info.messageId) };
    },
    close: () => transport.close(),
  };
}
