// @baton/engine/run: the run-time part of the engine (the interpreter, business calendars, FEEL
// evaluation and the contract types), without the BPMN compiler and bpmn-moddle. What the
// Temporal workflow bundle imports: every cached ticket holds its own copy of the bundle's
// modules, so what is not needed at run time costs memory per open ticket.
export * from './types.js';
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
export { addBusinessTime, businessTimeBetween, businessSegments } from './calendar/index.js';
export * from './ticket-vocabulary.js';
