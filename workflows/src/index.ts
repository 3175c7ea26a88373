// @baton/workflows public API: the runtime port and its adapters, the custom-activity SDK and
// its catalogue (GET /api/activities).
export * from './runtime/port.js';
export { activityCatalogue, activityTypes } from './activities/catalogue.js';
export { defineActivity, type ActivityDefinition, type CatalogueEntry, type CustomActivityContext } from './activities/sdk.js';
