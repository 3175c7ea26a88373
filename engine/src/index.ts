// @baton/engine public API. Names fixed by ARCHITECTURE.md; outside tests import exactly these.
export * from './types.js';
export { compileFlow } from './compiler/index.js';
export { moddleExtension } from './moddle/index.js';
export { startRun, applyEvent, openTasks, explainSla, type SlaExplanation } from './interpreter/index.js';
export {
  addBusinessTime,
  businessTimeBetween,
  businessSegments,
  calendarSpecErrors,
  isOpenAt,
  isKnownTimeZone,
  localDateAt,
  startOfLocalDate,
  type LocalDate,
} from './calendar/index.js';
export { feelSyntaxError, evaluateFeel } from './feel/index.js';
export * from './ticket-vocabulary.js';
