import { describe, expect, it } from 'vitest';
import { calendarSpecProblems } from './calendar-spec.js';

describe('calendarSpecProblems', () => {
  it('names each problem’s field as a dotted path, for a form to show it beside the field', () => {
    expect(
      calendarSpecProblems({
        timeZone: 'Mars/Olympus',
        week: {
          mon: [
            ['09:00', '13:00'],
            ['12:00', '18:00'],
          ],
          tue: [['18:00', '09:00']],
        },
        holidays: ['2026-02-30'],
      }),
    ).toEqual([
      { field: 'timeZone', message: 'unknown IANA time zone "Mars/Olympus"' },
      {
        field: 'week.mon.1',
        message:
          '12:00-18:00 overlaps or comes before the previous range; list ranges in order without overlap',
      },
      { field: 'week.tue.0', message: 'from 18:00 is not before to 09:00' },
      { field: 'holidays.0', message: '"2026-02-30" is not a date \'YYYY-MM-DD\'' },
    ]);
  });

  it('names the week for a calendar that never opens and the spec itself when it is no object', () => {
    expect(calendarSpecProblems({ timeZone: 'UTC', week: {} }).map((p) => p.field)).toEqual(['week']);
    expect(calendarSpecProblems(null).map((p) => p.field)).toEqual(['']);
    expect(calendarSpecProblems({ timeZone: 'UTC', week: { mon: [['09:00', '17:00']] } })).toEqual([]);
  });
});
