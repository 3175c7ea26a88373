// How many Temporal history events the commands of a run cost, from the driver's command counts.
// Event costs in SDK 1.24 / server 1.2x: every workflow task that handles an input is 3 events
// (scheduled, started, completed); an update adds accepted + completed; a signal 1; a local
// activity 1 marker; an activity 3 (scheduled, started, completed) plus the workflow task its
// completion wakes; a timer 1 to start plus 1 when it fires or is cancelled (a fire also wakes a
// workflow task). Conservative: inputs that arrive together share a workflow task in reality.
import type { CommandStats } from './records.js';

export function estimatedHistoryEvents(stats: CommandStats, starts = 1): number {
  const workflowTasks = starts + stats.updates + stats.signals + stats.timersFired + stats.activities;
  return (
    2 * starts + // WorkflowExecutionStarted + (Completed | ContinuedAsNew)
    3 * workflowTasks +
    2 * stats.updates +
    stats.signals +
    stats.localActivities +
    3 * stats.activities +
    stats.timersStarted +
    stats.timersFired +
    stats.timersCancelled
  );
}
