// Business calendars: time zone, opening hours, holidays.
import { asc, eq } from 'drizzle-orm';
import { calendarSpecProblems, type CalendarSpec } from '@baton/engine';
import { calendars } from '@baton/db';
import type { Database } from '../http/env.js';
import { invalid } from '../http/problem.js';

export type CalendarInput = { key: string; name: string; spec: CalendarSpec; isDefault: boolean };

const calendarOf = (row: typeof calendars.$inferSelect): CalendarInput => ({
  key: row.key,
  name: row.name,
  spec: row.spec as CalendarSpec,
  isDefault: row.isDefault,
});

export async function listCalendars(db: Database): Promise<CalendarInput[]> {
  return (await db.select().from(calendars).orderBy(asc(calendars.key))).map(calendarOf);
}

/** Creates or replaces the calendar; making it the default clears the flag on the others. */
export async function saveCalendar(db: Database, calendar: CalendarInput, now: Date): Promise<CalendarInput> {
  // The engine's own rule, as the compiler and the designer's form apply it.
  const problems = calendarSpecProblems(calendar.spec);
  if (problems.length > 0)
    throw invalid(
      'the calendar cannot be used',
      problems.map((p) => ({ path: ['body.spec', p.field].filter(Boolean).join('.'), message: p.message })),
    );
  const row = await db.transaction(async (tx) => {
    if (calendar.isDefault)
      await tx.update(calendars).set({ isDefault: false }).where(eq(calendars.isDefault, true));
    const fields = {
      name: calendar.name,
      spec: calendar.spec,
      isDefault: calendar.isDefault,
      updatedAt: now,
    };
    const [saved] = await tx
      .insert(calendars)
      .values({ key: calendar.key, ...fields })
      .onConflictDoUpdate({ target: calendars.key, set: fields })
      .returning();
    return saved!;
  });
  return calendarOf(row);
}
