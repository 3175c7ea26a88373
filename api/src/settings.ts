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
  api: Pick<ApiConfig, 'secureCookies' | 'detailCacheBytes'> & { timeZone: string | undefined };
  /** What a first start writes into an empty database besides the help desk: months of demo history. */
  seed: { history: boolean };
};

const unsetIfEmpty = (value: unknown) => (value === '' ? undefined : value);

const apiEnvironment = z.object({
  PORT: z.preprocess(
    unsetIfEmpty,
    z.coerce
      .number()
      .int('is not a port number')
      .min(1, 'is not a port number')
      .max(65_535, 'is not a port number')
      .default(3000),
  ),
  HOST: z.preprocess(unsetIfEmpty, z.string().min(1).default('0.0.0.0')),
  BATON_TIME_ZONE: z.preprocess(
    unsetIfEmpty,
    z.string().refine(isKnownTimeZone, 'is not an IANA time zone').optional(),
  ),
  BATON_SECURE_COOKIES: z.preprocess(unsetIfEmpty, z.enum(['true', 'false']).default('false')),
  BATON_SEED_HISTORY: z.preprocess(unsetIfEmpty, z.enum(['on', 'off']).default('on')),
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
    },
    seed: { history: parsed.BATON_SEED_HISTORY === 'on' },
  };
}
