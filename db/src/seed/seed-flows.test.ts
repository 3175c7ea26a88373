// The flows and calendars the database seeds: every calendar is a valid spec, and every flow
// compiles without errors against them (and the activities it uses). The inputs are in this
// package, so a missing one is a failure, not a skip.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { calendarSpecErrors, compileFlow } from '@baton/engine';
import { describe, expect, it } from 'vitest';
import { SEED_CALENDARS, SEED_TICKET_TYPES } from './data.js';
import { readSeedFlow } from './seed.js';

const folder = fileURLToPath(new URL('./flows', import.meta.url));
const calendars = Object.fromEntries(SEED_CALENDARS.map((c) => [c.key, c.spec]));

describe('seed data', () => {
  it('has a flow file for every seeded ticket type and nothing else', () => {
    const files = readdirSync(folder)
      .filter((file) => file.endsWith('.bpmn'))
      .sort();
    expect(files.length).toBeGreaterThan(0);
    expect(files).toEqual(SEED_TICKET_TYPES.map((type) => type.flowFile).sort());
  });

  it.each(SEED_CALENDARS.map((c) => [c.key, c.spec] as const))(
    'calendar %s is a valid spec',
    (_key, spec) => {
      expect(calendarSpecErrors(spec)).toEqual([]);
    },
  );

  it.each(SEED_TICKET_TYPES.map((type) => [type.id, type] as const))(
    "%s's flow compiles without errors on the seed calendars, its conditions reading only its tickets' variables",
    async (_id, type) => {
      const result = await compileFlow(await readSeedFlow(type.flowFile), {
        calendars,
        ticketFields: type.fields,
      });
      expect(result.ok ? [] : result.errors).toEqual([]);
      expect(result.warnings.filter((w) => w.code === 'unknown-variable')).toEqual([]);
    },
  );
});
