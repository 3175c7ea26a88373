import { calendarSpecErrors } from '../calendar/index.js';
import type { CalendarSpec, CompileOptions } from '../types.js';
import type { Diagnostics } from './diagnostics.js';

/** Resolves calendar keys against the options and collects the specs the flow refers to. */
export type CalendarRegistry = {
  /** True when `key` names a valid calendar; reports it on `elementId` otherwise. */
  use(key: string, elementId: string, attribute: string): boolean;
  used: Record<string, CalendarSpec>;
};

export function createCalendarRegistry(options: CompileOptions, diagnostics: Diagnostics): CalendarRegistry {
  const known = isRecord(options.calendars) ? options.calendars : {};
  const used: Record<string, CalendarSpec> = {};
  const invalid = new Set<string>();
  return {
    used,
    use(key, elementId, attribute) {
      if (key in used) return true;
      if (invalid.has(key)) return false;
      const spec: unknown = Object.hasOwn(known, key) ? known[key] : undefined;
      if (spec === undefined) {
        const names = Object.keys(known);
        diagnostics.error(
          'unknown-calendar',
          `${attribute} of '${elementId}' names calendar '${key}', which does not exist (${names.length ? `known: ${names.join(', ')}` : 'no calendars are defined'}); pick a defined calendar or create '${key}' first`,
          elementId,
        );
        invalid.add(key);
        return false;
      }
      const problems = calendarSpecErrors(spec);
      if (problems.length > 0) {
        diagnostics.error(
          'invalid-calendar',
          `calendar '${key}' (used by '${elementId}') is invalid: ${problems.join('; ')}`,
          elementId,
        );
        invalid.add(key);
        return false;
      }
      // A deep copy: the Flow must not share objects with the caller's options.
      used[key] = JSON.parse(JSON.stringify(spec)) as CalendarSpec;
      return true;
    },
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
