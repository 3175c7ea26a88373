// What GET /api/activities serves the designer: every registered custom activity with its input
// JSON schema and default retries/timeout.
import { customActivities } from './custom/index.js';
import { type ActivityDefinition, type CatalogueEntry, catalogueEntry } from './sdk.js';

export function activityCatalogue(
  definitions: readonly ActivityDefinition[] = customActivities,
): CatalogueEntry[] {
  const seen = new Set<string>();
  for (const { type } of definitions) {
    if (seen.has(type)) throw new Error(`custom activity type '${type}' is defined twice`);
    seen.add(type);
  }
  return definitions.map(catalogueEntry);
}

/** The types compileFlow should accept (`compileFlow(xml, { activities: activityTypes() })`). */
export const activityTypes = (): string[] => customActivities.map((d) => d.type);
