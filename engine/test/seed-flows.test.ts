// The flows the database seeds must compile cleanly with the calendars and activities they use.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileFlow } from '../src/compiler/index.js';
import type { CalendarSpec } from '../src/types.js';

const folder = fileURLToPath(new URL('../../db/src/seed/flows', import.meta.url));
const files = existsSync(folder)
  ? readdirSync(folder)
      .filter((file) => file.endsWith('.bpmn'))
      .sort()
  : [];

/** Every calendar key the seeded flows name resolves to a valid calendar for this check. */
const anyCalendar: CalendarSpec = { timeZone: 'UTC', week: { mon: [['09:00', '17:00']] } };
const calendarsNamedIn = (xml: string): Record<string, CalendarSpec> =>
  Object.fromEntries([...xml.matchAll(/baton:calendar="([^"]+)"/g)].map((match) => [match[1]!, anyCalendar]));

describe('seeded flows', () => {
  if (files.length === 0) {
    it('are not written yet', () => {
      console.log(`seed flow test skipped: no .bpmn files in ${folder} yet`);
    });
    return;
  }
  it.each(files)('%s compiles without errors', async (file) => {
    const xml = readFileSync(join(folder, file), 'utf8');
    const result = await compileFlow(xml, { calendars: calendarsNamedIn(xml) });
    expect(result.ok ? [] : result.errors).toEqual([]);
  });
});
