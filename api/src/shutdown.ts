// Stopping what start-up opened, newest first: the HTTP server before the engine runtime before
// the database, each step timed in the log. Signals start it once; repeats while it runs are
// logged and otherwise ignored, so nothing is left half-stopped, until a third press forces exit.
import type { Logger } from 'pino';

export type StopStep = { name: string; stop(): Promise<void> };

/**
 * A terminal's Ctrl-C reaches every process of the foreground group, and scripts/start.mjs also
 * relays it: signals this close together are one press.
 */
const SAME_PRESS_MS = 1_000;

export type Shutdown = {
  /**
   * Registers what was just opened: these steps run in the order given, and before every step
   * registered earlier (what was opened later stops first).
   */
  add(...group: StopStep[]): void;
  /**
   * Runs every step once (later calls join it), then exits with `code`. A stop during start-up
   * first lets the start-up finish or fail, so nothing it is starting right then is left behind.
   */
  stop(code: number): Promise<never>;
  /** The start-up in progress (see stop). */
  starting(startup: Promise<unknown>): void;
  /** SIGINT, SIGTERM and SIGHUP stop the process (exit 0). */
  onSignals(): void;
};

export function createShutdown(log: Logger): Shutdown {
  /** In stop order. */
  const steps: StopStep[] = [];
  const done = new Set<StopStep>();
  const left = () => steps.filter((step) => !done.has(step)).map((step) => step.name);
  let stopping: Promise<never> | undefined;
  let startup: Promise<unknown> = Promise.resolve();

  const stop = (code: number): Promise<never> =>
    (stopping ??= (async () => {
      await startup.catch(() => undefined);
      const started = performance.now();
      log.info({ steps: steps.map((s) => s.name) }, 'shutting down');
      for (const step of steps) {
        const stepStarted = performance.now();
        try {
          await step.stop();
          const ms = Math.round(performance.now() - stepStarted);
          log.info({ step: step.name, ms }, `stopped ${step.name} in ${ms} ms`);
        } catch (error) {
          // Carry on: what comes after (the database above all) must still be stopped.
          log.error({ step: step.name, err: error }, `${step.name} did not stop cleanly`);
        }
        done.add(step);
      }
      log.info({ ms: Math.round(performance.now() - started) }, 'stopped');
      process.exit(code);
    })());

  let presses = 0;
  let lastPress = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    const now = Date.now();
    const samePress = presses > 0 && now - lastPress < SAME_PRESS_MS;
    if (!samePress) {
      presses += 1;
      lastPress = now;
    }
    if (presses === 1 && !samePress) {
      log.info({ signal }, `${signal}: shutting down`);
      void stop(0);
    } else if (presses >= 3 && !samePress) {
      // Whatever we own still gets a stop signal from its exit hook; it just is not awaited.
      log.warn({ signal, left: left() }, 'forced exit while these were still stopping');
      process.exit(1);
    } else {
      log.info(
        { signal, left: left() },
        'already stopping' + (presses === 2 && !samePress ? ' (once more to exit at once)' : ''),
      );
    }
  };

  return {
    add(...group) {
      steps.unshift(...group);
    },
    stop,
    starting(promise) {
      startup = promise;
    },
    onSignals() {
      for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, onSignal);
    },
  };
}
