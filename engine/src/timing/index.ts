export * from './rule.js';
export * from './measure.js';
