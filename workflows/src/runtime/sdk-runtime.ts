// The Temporal SDK's process-wide Runtime, installed once by each Baton entry point (API, worker):
// - its own SIGINT/SIGTERM listeners are off: they would start shutting the worker down while the
//   HTTP server still takes requests and then drop themselves, so a second Ctrl-C killed the
//   process mid-shutdown; Baton's entry points handle signals and stop things in order;
// - its logs, and Core's (forwarded from the native side), go to the process's one pino logger.
import type { LogLevel, LogMetadata, Logger as SdkLogger } from '@temporalio/common';
import { Runtime, makeTelemetryFilterString } from '@temporalio/worker';
import type { Logger } from 'pino';

const PINO_LEVEL: Record<LogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = {
  TRACE: 'trace',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
};

/** The SDK's Logger interface on top of a pino logger. */
export function sdkLogger(log: Logger): SdkLogger {
  const write = (level: LogLevel, message: string, meta?: LogMetadata) =>
    log[PINO_LEVEL[level]]({ ...meta }, message);
  return {
    log: write,
    trace: (message, meta) => write('TRACE', message, meta),
    debug: (message, meta) => write('DEBUG', message, meta),
    info: (message, meta) => write('INFO', message, meta),
    warn: (message, meta) => write('WARN', message, meta),
    error: (message, meta) => write('ERROR', message, meta),
  };
}

export function installTemporalRuntime(log: Logger): void {
  const temporal = log.child({ module: 'temporal' });
  try {
    Runtime.install({
      shutdownSignals: [],
      logger: sdkLogger(temporal),
      telemetryOptions: {
        logging: { forward: {}, filter: makeTelemetryFilterString({ core: 'WARN', other: 'ERROR' }) },
      },
    });
  } catch (error) {
    // Already installed: a second runtime in one process (tests); the first call decided.
    temporal.debug(
      { err: error instanceof Error ? error.message : String(error) },
      'Temporal SDK runtime already installed',
    );
  }
}
