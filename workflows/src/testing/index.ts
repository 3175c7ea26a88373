// @baton/workflows/testing: real Temporal servers for test suites.
export { realTemporal, skipWithoutTemporal, timeSkippingServer } from './temporal.js';
export { eventTypesOf } from './history.js';
export { startTestSmtp, type ReceivedMail, type TestSmtp } from './smtp.js';
// The driver's planning: what the read model is told of each engine step (its stage records).
export { planEvent, planStart, type DriverState } from '../workflows/driver.js';
export type { StageRecord } from '../workflows/records.js';
