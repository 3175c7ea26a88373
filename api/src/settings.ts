// The API server's one configuration: read and checked (zod) once by main.ts from the
// environment, then passed down. No other api module reads process.env. An invalid value stops
// start-up with an error naming the variable.
import { parseEnvironment } from '@baton/db';
import { isKnownTimeZone } from '@baton/engine';
import { type ProcessConfig, readProcessConfig } from '@baton/workflows';
import { z } from 'zod';
import type { ApiConfig } from './config.js';

export type BatonConfig = ProcessConfig & {
  http: { port: number; host: string; appUrl: string };
  api: Pick<ApiConfig, 'secureCookies' | 'detailCacheBytes' | 'statusPageAgentNames'> & {
    timeZone: string | undefined;
  };
  /** What a first start writes into an empty database besides the help desk: months of demo history. */
  seed: { history: boolean };
  /** The customer's e-mail channel; undefined without BATON_SUPPORT_ADDRESS. */
  customerMail: CustomerMailSettings | undefined;
};

export type CustomerMailSettings = {
  /** BATON_SUPPORT_ADDRESS: the mailbox customers write to; its plus addresses thread the replies. */
  supportAddress: string;
  /** The inbound SMTP listener (BATON_MAIL_IN_PORT); undefined: no mail comes in through Baton. */
  inbound: MailIntakeSettings | undefined;
};

export type MailIntakeSettings = {
  port: number;
  /** BATON_MAIL_IN_HOST, default HOST. */
  host: string;
  /** BATON_MAIL_IN_TICKET_TYPE: the ticket type a new mail opens. */
  ticketTypeId: string;
  /** BATON_MAIL_IN_MAX_MB (default 25): a larger mail is refused with SMTP 552. */
  maxBytes: number;
  /**
   * BATON_MAIL_IN_REOPEN_DAYS (default 7, 0: never): an answer to a ticket done at most this long
   * ago reopens it; a later one opens a new ticket.
   */
  reopenWithinMs: number;
};

const port = (message: string) => z.coerce.number().int(message).min(1, message).max(65_535, message);

const unsetIfEmpty = (value: unknown) => (value === '' ? undefined : value);

const apiEnvironment = z.object({
  PORT: z.preprocess(unsetIfEmpty, port('is not a port number').default(3000)),
  HOST: z.preprocess(unsetIfEmpty, z.string().min(1).default('0.0.0.0')),
  BATON_TIME_ZONE: z.preprocess(
    unsetIfEmpty,
    z.string().refine(isKnownTimeZone, 'is not an IANA time zone').optional(),
  ),
  BATON_SECURE_COOKIES: z.preprocess(unsetIfEmpty, z.enum(['true', 'false']).default('false')),
  BATON_SEED_HISTORY: z.preprocess(unsetIfEmpty, z.enum(['on', 'off']).default('on')),
  BATON_STATUS_PAGE_AGENT_NAMES: z.preprocess(unsetIfEmpty, z.enum(['on', 'off']).default('off')),
  BATON_SUPPORT_ADDRESS: z.preprocess(unsetIfEmpty, z.email('is not an e-mail address').optional()),
  BATON_MAIL_IN_PORT: z.preprocess(unsetIfEmpty, port('is not a port number').optional()),
  BATON_MAIL_IN_HOST: z.preprocess(unsetIfEmpty, z.string().min(1).optional()),
  BATON_MAIL_IN_TICKET_TYPE: z.preprocess(unsetIfEmpty, z.string().min(1).optional()),
  BATON_MAIL_IN_MAX_MB: z.preprocess(
    unsetIfEmpty,
    z.coerce
      .number('must be a number of megabytes (more than 0)')
      .positive('must be a number of megabytes (more than 0)')
      .default(25),
  ),
  BATON_MAIL_IN_REOPEN_DAYS: z.preprocess(
    unsetIfEmpty,
    z.coerce
      .number('must be a number of days (0 or more)')
      .min(0, 'must be a number of days (0 or more)')
      .default(7),
  ),
  BATON_DETAIL_CACHE_MB: z.preprocess(
    unsetIfEmpty,
    z.coerce
      .number('must be a number of megabytes (0 or more)')
      .min(0, 'must be a number of megabytes (0 or more)')
      .default(32),
  ),
});

export function readBatonConfig(env: NodeJS.ProcessEnv): BatonConfig {
  const processConfig = readProcessConfig(env);
  const parsed = parseEnvironment(apiEnvironment, env);
  const appUrl = processConfig.mail.appUrl ?? `http://localhost:${parsed.PORT}`;
  return {
    ...processConfig,
    mail: { ...processConfig.mail, appUrl },
    http: { port: parsed.PORT, host: parsed.HOST, appUrl },
    api: {
      timeZone: parsed.BATON_TIME_ZONE,
      secureCookies: parsed.BATON_SECURE_COOKIES === 'true',
      detailCacheBytes: Math.round(parsed.BATON_DETAIL_CACHE_MB * 1024 * 1024),
      statusPageAgentNames: parsed.BATON_STATUS_PAGE_AGENT_NAMES === 'on',
    },
    seed: { history: parsed.BATON_SEED_HISTORY === 'on' },
    customerMail: customerMailSettings(parsed),
  };
}

/** The mail intake needs its mailbox and the type its mails open: a half-configured one stops start-up. */
function customerMailSettings(parsed: z.infer<typeof apiEnvironment>): CustomerMailSettings | undefined {
  const { BATON_SUPPORT_ADDRESS: supportAddress, BATON_MAIL_IN_PORT: inPort } = parsed;
  const missing = [
    ...(inPort !== undefined && !supportAddress ? ['BATON_SUPPORT_ADDRESS'] : []),
    ...(inPort !== undefined && !parsed.BATON_MAIL_IN_TICKET_TYPE ? ['BATON_MAIL_IN_TICKET_TYPE'] : []),
  ];
  if (missing.length > 0)
    throw new Error(
      `Invalid configuration:\n  BATON_MAIL_IN_PORT="${inPort}": also needs ${missing.join(' and ')}`,
    );
  if (!supportAddress) return undefined;
  return {
    supportAddress,
    inbound:
      inPort === undefined
        ? undefined
        : {
            port: inPort,
            host: parsed.BATON_MAIL_IN_HOST ?? parsed.HOST,
            ticketTypeId: parsed.BATON_MAIL_IN_TICKET_TYPE!,
            maxBytes: Math.round(parsed.BATON_MAIL_IN_MAX_MB * 1024 * 1024),
            reopenWithinMs: Math.round(parsed.BATON_MAIL_IN_REOPEN_DAYS * 86_400_000),
          },
  };
}
