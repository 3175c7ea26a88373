import { describe, expect, it } from 'vitest';
import { readBatonConfig } from './settings.js';

describe('readBatonConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    const config = readBatonConfig({});
    expect(config.http).toEqual({ port: 3000, host: '0.0.0.0', appUrl: 'http://localhost:3000' });
    expect(config.api).toEqual({
      timeZone: undefined,
      secureCookies: false,
      detailCacheBytes: 32 * 1024 * 1024,
      statusPageAgentNames: false,
    });
    expect(config.logLevel).toBe('info');
    expect(config.seed).toEqual({ history: true });
    expect(config.customerMail).toBeUndefined();
    expect(config.database).toMatchObject({
      url: undefined,
      embeddedPort: 5433,
      pool: { max: 10, acquireTimeoutMs: 10_000 },
    });
    expect(config.runtime).toMatchObject({
      choice: 'auto',
      temporal: { address: undefined, namespace: 'default', taskQueue: 'baton-tickets' },
      runWorker: true,
      workerShutdownMs: 10_000,
      devServer: { port: 7233, uiPort: 8233 },
    });
    expect(config.mail).toEqual({
      smtpUrl: undefined,
      from: 'Baton <baton@localhost>',
      appUrl: 'http://localhost:3000',
    });
  });

  it('reads what is set, empty values counting as unset', () => {
    const config = readBatonConfig({
      PORT: '4000',
      HOST: '',
      BATON_TIME_ZONE: 'Asia/Shanghai',
      BATON_SECURE_COOKIES: 'true',
      BATON_DETAIL_CACHE_MB: '0.5',
      BATON_APP_URL: 'https://baton.example.com',
      DATABASE_URL: 'postgres://baton@db.example.com/baton',
      BATON_PG_POOL_SIZE: '25',
      BATON_PG_ACQUIRE_TIMEOUT_MS: '2500',
      TEMPORAL_ADDRESS: 'temporal.example.com:7233',
      BATON_WORKER: 'off',
      BATON_TEMPORAL_UI: 'off',
      SMTP_URL: 'smtp://mail.example.com:587',
      LOG_LEVEL: 'debug',
      BATON_SEED_HISTORY: 'off',
      BATON_STATUS_PAGE_AGENT_NAMES: 'on',
    });
    expect(config.seed).toEqual({ history: false });
    expect(config.http).toEqual({ port: 4000, host: '0.0.0.0', appUrl: 'https://baton.example.com' });
    expect(config.api).toEqual({
      timeZone: 'Asia/Shanghai',
      secureCookies: true,
      detailCacheBytes: 524_288,
      statusPageAgentNames: true,
    });
    expect(config.database.url).toBe('postgres://baton@db.example.com/baton');
    expect(config.database.pool).toEqual({ max: 25, acquireTimeoutMs: 2_500 });
    expect(config.runtime).toMatchObject({
      temporal: { address: 'temporal.example.com:7233' },
      runWorker: false,
      devServer: { uiPort: undefined },
    });
    expect(config.mail.smtpUrl).toBe('smtp://mail.example.com:587');
    expect(config.logLevel).toBe('debug');
  });

  it('refuses invalid values, naming every variable that is wrong and what it holds', () => {
    const read = () =>
      readBatonConfig({
        PORT: 'eighty',
        BATON_TIME_ZONE: 'Mars/Olympus',
        BATON_DETAIL_CACHE_MB: '-1',
      });
    expect(read).toThrow(/PORT="eighty"/);
    expect(read).toThrow(/BATON_TIME_ZONE="Mars\/Olympus": is not an IANA time zone/);
    expect(read).toThrow(/BATON_DETAIL_CACHE_MB="-1": must be a number of megabytes/);
    for (const [variable, value] of [
      ['LOG_LEVEL', 'loud'],
      ['SMTP_URL', 'http://mail.example.com'],
      ['DATABASE_URL', 'mysql://db'],
      ['BATON_PG_PORT', '70000'],
      ['BATON_PG_POOL_SIZE', '0'],
      ['BATON_PG_ACQUIRE_TIMEOUT_MS', 'soon'],
      ['TEMPORAL_ADDRESS', 'no-port'],
      ['BATON_RUNTIME', 'durable'],
      ['BATON_SEED_HISTORY', 'yes'],
      ['BATON_SUPPORT_ADDRESS', 'support'],
      ['BATON_MAIL_IN_PORT', '0'],
      ['BATON_MAIL_IN_MAX_MB', '0'],
    ] as const)
      expect(() => readBatonConfig({ [variable]: value })).toThrow(`${variable}="${value}"`);
  });

  it('reads the customer mail channel, and refuses an inbound listener that lacks its mailbox or type', () => {
    expect(readBatonConfig({ BATON_SUPPORT_ADDRESS: 'help@example.com' }).customerMail).toEqual({
      supportAddress: 'help@example.com',
      inbound: undefined,
    });
    const inbound = readBatonConfig({
      HOST: '127.0.0.1',
      BATON_SUPPORT_ADDRESS: 'help@example.com',
      BATON_MAIL_IN_PORT: '2525',
      BATON_MAIL_IN_TICKET_TYPE: 'complaint',
    }).customerMail?.inbound;
    expect(inbound).toEqual({
      port: 2525,
      host: '127.0.0.1',
      ticketTypeId: 'complaint',
      maxBytes: 25 * 1024 * 1024,
      reopenWithinMs: 7 * 86_400_000,
    });
    const never = readBatonConfig({
      BATON_SUPPORT_ADDRESS: 'help@example.com',
      BATON_MAIL_IN_PORT: '2525',
      BATON_MAIL_IN_TICKET_TYPE: 'complaint',
      BATON_MAIL_IN_REOPEN_DAYS: '0',
    }).customerMail?.inbound;
    expect(never?.reopenWithinMs).toBe(0);
    expect(() =>
      readBatonConfig({
        BATON_SUPPORT_ADDRESS: 'help@example.com',
        BATON_MAIL_IN_PORT: '2525',
        BATON_MAIL_IN_TICKET_TYPE: 'complaint',
        BATON_MAIL_IN_REOPEN_DAYS: '-1',
      }),
    ).toThrow(/BATON_MAIL_IN_REOPEN_DAYS.*must be a number of days/);
    expect(() => readBatonConfig({ BATON_MAIL_IN_PORT: '2525' })).toThrow(
      'BATON_MAIL_IN_PORT="2525": also needs BATON_SUPPORT_ADDRESS and BATON_MAIL_IN_TICKET_TYPE',
    );
  });
});
