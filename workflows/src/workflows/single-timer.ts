// ONE pending runtime timer for the earliest engine timer, shared by ticketWorkflow (workflow
// sleep in a cancellation scope) and InMemoryRuntime (its clock), so both count the same commands.
// One timer instead of one per engine timer keeps the history small: an SLA clock arms three
// engine timers (warning, overdue, severe) but costs one workflow timer at a time.
import { earliestTimer, type TimerBook } from './driver.js';
import type { CommandStats } from './records.js';

export type TimerPort = {
  /** Arms a timer firing `fire` at the absolute instant `at`; `cancel` disarms it. */
  start(at: number, fire: () => void): { cancel(): void };
};

export type SingleTimer = {
  /** Re-arms for the earliest pending engine timer; no-op while that instant is already armed. */
  reschedule(timers: TimerBook): void;
  armedAt(): number | undefined;
  /** Disarms without counting a command (the run is going away). */
  dispose(): void;
};

export function singleTimer(port: TimerPort, stats: CommandStats, onFire: () => void): SingleTimer {
  let armed: { at: number; cancel(): void } | undefined;
  return {
    reschedule(timers) {
      const earliest = earliestTimer(timers);
      if (armed?.at === earliest) return;
      if (armed) {
        armed.cancel();
        stats.timersCancelled += 1;
        armed = undefined;
      }
      if (earliest === undefined) return;
      stats.timersStarted += 1;
      const current = {
        at: earliest,
        ...port.start(earliest, () => {
          if (armed === current) armed = undefined;
          stats.timersFired += 1;
          onFire();
        }),
      };
      armed = current;
    },
    armedAt: () => armed?.at,
    dispose() {
      armed?.cancel();
      armed = undefined;
    },
  };
}
