// The engine-runtime part of a process's configuration (API or worker): which Temporal, the
// local dev server, the worker, and mail. Read and checked (zod) once by the process's entry
// point from its environment and passed down; no workflows module reads process.env. A value
// that is set but invalid is an error naming the variable: a typo must not pick a default.
import { type DatabaseSettings, parseEnvironment, readDatabaseSettings } from '@baton/db';
import { z } from 'zod';
import { findTemporalCli } from './runtime/temporal-binaries.js';

/** `auto`: TEMPORAL_ADDRESS, else a local dev server, else in-memory (unless Temporal data exists). */
export type RuntimeChoice = 'auto' | 'temporal' | 'in-memory';

export const DEFAULT_NAMESPACE = 'default';
export const DEFAULT_TASK_QUEUE = 'baton-tickets';
export const DEFAULT_DEV_SERVER_PORT = 7233;
export const DEFAULT_DEV_SERVER_UI_PORT = 8233;
export const DEFAULT_WORKER_SHUTDOWN_MS = 10_000;
export const DEFAULT_MAIL_FROM = 'Baton <baton@localhost>';

export type TemporalSettings = { address: string; namespace: string; taskQueue: string };

export type DevServerSettings = {
  port: number;
  /** undefined: BATON_TEMPORAL_UI=off, the server runs headless. */
  uiPort: number | undefined;
};

export type RuntimeSettings = {
  choice: RuntimeChoice;
  /** TEMPORAL_ADDRESS (absent: the local dev server), TEMPORAL_NAMESPACE, TEMPORAL_TASK_QUEUE. */
  temporal: { address: string | undefined; namespace: string; taskQueue: string };
  /** BATON_WORKER=off: this process is a Temporal client only; `pnpm worker` processes do the work. */
  runWorker: boolean;
  /** How long a stopping worker may drain its tasks before the process stops without it. */
  workerShutdownMs: number;
  devServer: DevServerSettings;
  /** The `temporal` CLI found from BATON_TEMPORAL_BIN or PATH, if any. */
  temporalCli: string | undefined;
};

export type MailSettings = {
  /** SMTP_URL: absent = in-app notifications only. */
  smtpUrl: string | undefined;
  /** MAIL_FROM */
  from: string;
  /** BATON_APP_URL: base of links in e-mails. */
  appUrl: string | undefined;
};

const unsetIfEmpty = (value: unknown) => (value === '' ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(unsetIfEmpty, schema.optional());
const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(unsetIfEmpty, z.enum(values, { error: `must be one of ${values.join(', ')}` }).optional());

const runtimeEnvironment = z.object({
  BATON_RUNTIME: oneOf(['auto', 'temporal', 'in-memory'] as const),
  TEMPORAL_ADDRESS: optional(z.string().regex(/^[^\s]+:\d+$/, 'must be host:port')),
  TEMPORAL_NAMESPACE: optional(z.string().min(1)),
  TEMPORAL_TASK_QUEUE: optional(z.string().min(1)),
  BATON_WORKER: oneOf(['on', 'off'] as const),
  BATON_WORKER_SHUTDOWN_MS: optional(
    z.coerce.number().int('must be a whole number of milliseconds').min(0, 'must be 0 or more'),
  ),
  BATON_TEMPORAL_UI: oneOf(['on', 'off'] as const),
  BATON_TEMPORAL_PORT: optional(
    z.coerce
      .number()
      .int('must be a port number (1-65535)')
      .min(1, 'must be a port number (1-65535)')
      .max(65_535, 'must be a port number (1-65535)'),
  ),
  BATON_TEMPORAL_UI_PORT: optional(
    z.coerce
      .number()
      .int('must be a port number (1-65535)')
      .min(1, 'must be a port number (1-65535)')
      .max(65_535, 'must be a port number (1-65535)'),
  ),
});

const mailEnvironment = z.object({
  SMTP_URL: optional(z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')),
  MAIL_FROM: optional(z.string().min(3)),
  BATON_APP_URL: optional(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })),
});

export function readRuntimeSettings(env: NodeJS.ProcessEnv): RuntimeSettings {
  const parsed = parseEnvironment(runtimeEnvironment, env);
  const ui = parsed.BATON_TEMPORAL_UI ?? 'on';
  return {
    choice: parsed.BATON_RUNTIME ?? 'auto',
    temporal: {
      address: parsed.TEMPORAL_ADDRESS,
      namespace: parsed.TEMPORAL_NAMESPACE ?? DEFAULT_NAMESPACE,
      taskQueue: parsed.TEMPORAL_TASK_QUEUE ?? DEFAULT_TASK_QUEUE,
    },
    runWorker: (parsed.BATON_WORKER ?? 'on') === 'on',
    workerShutdownMs: parsed.BATON_WORKER_SHUTDOWN_MS ?? DEFAULT_WORKER_SHUTDOWN_MS,
    devServer: {
      port: parsed.BATON_TEMPORAL_PORT ?? DEFAULT_DEV_SERVER_PORT,
      uiPort: ui === 'off' ? undefined : (parsed.BATON_TEMPORAL_UI_PORT ?? DEFAULT_DEV_SERVER_UI_PORT),
    },
    temporalCli: findTemporalCli(env),
  };
}

export function readMailSettings(env: NodeJS.ProcessEnv): MailSettings {
  const parsed = parseEnvironment(mailEnvironment, env);
  return {
    smtpUrl: parsed.SMTP_URL,
    from: parsed.MAIL_FROM ?? DEFAULT_MAIL_FROM,
    appUrl: parsed.BATON_APP_URL,
  };
}

/** The Temporal server named by TEMPORAL_ADDRESS, if one is. */
export function configuredTemporal(settings: RuntimeSettings): TemporalSettings | undefined {
  const { address, namespace, taskQueue } = settings.temporal;
  return address ? { address, namespace, taskQueue } : undefined;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * What every Baton process that runs tickets needs (the API server and `pnpm worker`): its log
 * level, its database, its engine runtime and mail. The entry point reads it once.
 */
export type ProcessConfig = {
  logLevel: LogLevel;
  database: DatabaseSettings;
  runtime: RuntimeSettings;
  mail: MailSettings;
};

export function readProcessConfig(env: NodeJS.ProcessEnv): ProcessConfig {
  const { LOG_LEVEL } = parseEnvironment(z.object({ LOG_LEVEL: oneOf(LOG_LEVELS) }), env);
  return {
    logLevel: LOG_LEVEL ?? 'info',
    database: readDatabaseSettings(env),
    runtime: readRuntimeSettings(env),
    mail: readMailSettings(env),
  };
}
