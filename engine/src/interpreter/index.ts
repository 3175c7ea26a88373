// The flow interpreter (semantics: see run.ts).
export { startRun, applyEvent } from './run.js';
export { openIncidents, openTasks, pendingSlaLevels, type PendingSlaLevel } from './views.js';
export { explainSla, type LedgerSegment, type SlaExplanation } from './explain.js';
export { flowOfRun } from './run-calendars.js';
