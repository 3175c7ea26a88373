// What the worker hands every activity: created once at start-up, passed explicitly (no globals),
// so tests build their own against a test database and an in-process SMTP server.
import type { Database } from '@baton/db';
import type { Logger } from 'pino';
import type { Mailer } from './mail.js';

export type ActivityContext = {
  db: Database;
  log: Logger;
  /** Absent when SMTP_URL is not set: notifications are in-app only. */
  mailer?: Mailer;
  /** Base URL for links in e-mails, e.g. http://localhost:3000. */
  appUrl?: string;
};
