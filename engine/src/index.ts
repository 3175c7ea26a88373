// @baton/engine public API. Names fixed by ARCHITECTURE.md; outside tests import exactly these.
export * from './types.js';
export { compileFlow } from './compiler/index.js';
export { moddleExtension } from './moddle/index.js';
export {
  startRun,
  applyEvent,
  openIncidents,
  pendingSlaLevels,
  type PendingSlaLevel,
  openTasks,
  explainSla,
  flowOfRun,
  type LedgerSegment,
  type SlaExplanation,
} from './interpreter/index.js';
export {
  addBusinessTime,
  businessTimeBetween,
  businessSegments,
  calendarSpecErrors,
  calendarSpecProblems,
  type CalendarSpecProblem,
  isOpenAt,
  isKnownTimeZone,
  localDateAt,
  NEVER,
  startOfLocalDate,
  type LocalDate,
} from './calendar/index.js';
export { feelSyntaxError } from './feel/syntax.js';
export { evaluateFeel } from './feel/index.js';
export * from './ticket-vocabulary.js';
export * from './ticket-fields.js';
export * from './timing/index.js';
export { ticketRecipients } from './interpreter/sla.js';
