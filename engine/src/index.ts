export * from './types.js';
export { addBusinessTime, businessTimeBetween } from './calendar/index.js';
