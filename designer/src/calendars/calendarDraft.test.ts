import { describe, expect, it } from 'vitest';
import type { Calendar } from '../api/types.js';
import {
  draftOf,
  formatIn,
  newDraft,
  nextInterval,
  previewEnd,
  problemsOf,
  serverProblemsOf,
  specOf,
  timeZones,
  withHoliday,
} from './calendarDraft.js';

const office: Calendar = {
  key: 'office',
  name: 'Office',
  isDefault: true,
  spec: {
    timeZone: 'Asia/Shanghai',
    week: {
      mon: [
        ['09:00', '12:00'],
        ['13:00', '18:00'],
      ],
      tue: [['09:00', '18:00']],
    },
    holidays: ['2026-10-01'],
  },
};
// Monday 2026-03-02, 10:00 in Shanghai.
const MONDAY_10 = Date.parse('2026-03-02T02:00:00Z');
const HOUR = 3_600_000;

describe('calendar drafts', () => {
  it('round-trips a stored calendar through the form', () => {
    const draft = draftOf(office);
    expect(draft.week.mon).toEqual([
      { from: '09:00', to: '12:00' },
      { from: '13:00', to: '18:00' },
    ]);
    expect(draft.week.sun).toEqual([]);
    expect(specOf(draft)).toEqual(office.spec);
  });

  it('starts a new calendar with weekday office hours and a lunch break', () => {
    const spec = specOf(newDraft('Europe/Berlin'));
    expect(Object.keys(spec.week)).toEqual(['mon', 'tue', 'wed', 'thu', 'fri']);
    expect(spec.week.fri).toEqual([
      ['09:00', '12:00'],
      ['13:00', '18:00'],
    ]);
    expect(problemsOf(spec)).toEqual({});
  });

  it('adds hours after an hour’s break, up to the end of the day', () => {
    expect(nextInterval(undefined)).toEqual({ from: '09:00', to: '17:00' });
    expect(nextInterval({ from: '09:00', to: '12:00' })).toEqual({ from: '13:00', to: '17:00' });
    expect(nextInterval({ from: '13:00', to: '21:30' })).toEqual({ from: '22:30', to: '24:00' });
    expect(nextInterval({ from: '13:00', to: 'x' })).toEqual({ from: '09:00', to: '17:00' });
  });

  it('keeps holidays sorted and each once', () => {
    expect(withHoliday(['2026-10-01', '2026-05-01'].sort(), ' 2026-01-01 ')).toEqual([
      '2026-01-01',
      '2026-05-01',
      '2026-10-01',
    ]);
    expect(withHoliday(['2026-10-01'], '2026-10-01')).toEqual(['2026-10-01']);
  });

  it('names each problem by the form field it belongs to, from the engine and from the server', () => {
    const draft = draftOf(office);
    draft.week.mon[1] = { from: '11:00', to: '18:00' };
    draft.week.tue[0] = { from: '9', to: '18:00' };
    expect(Object.keys(problemsOf(specOf(draft)))).toEqual(['week.mon.1', 'week.tue.0']);
    expect(serverProblemsOf({ 'spec.holidays.0': 'bad', name: 'required', spec: 'x' })).toEqual({
      'holidays.0': 'bad',
      name: 'required',
      '': 'x',
    });
  });
});

describe('the deadline preview', () => {
  it('counts business hours with breaks and skips holidays, as the engine does', () => {
    // 10:00 + 4 h: 2 h until the lunch break, 2 h after it -> 15:00 the same day.
    const monday = previewEnd(office.spec, MONDAY_10, 4);
    expect(monday).toEqual({ kind: 'ends', at: MONDAY_10 + 5 * HOUR, date: '2026-03-02' });
    // 10 h: the rest of Monday (7 h) and 3 h of Tuesday -> Tuesday 12:00.
    expect(previewEnd(office.spec, MONDAY_10, 10)).toMatchObject({ date: '2026-03-03' });
    // With Monday a holiday, the 4 h fall on Tuesday 09:00-13:00.
    const holiday = { ...office.spec, holidays: ['2026-03-02'] };
    expect(previewEnd(holiday, MONDAY_10, 4)).toEqual({
      kind: 'ends',
      at: Date.parse('2026-03-03T05:00:00Z'),
      date: '2026-03-03',
    });
  });

  it('says nothing for an invalid calendar or amount, and "never" for one that never opens', () => {
    expect(previewEnd({ timeZone: 'UTC', week: { mon: [['18:00', '09:00']] } }, MONDAY_10, 4)).toEqual({
      kind: 'invalid',
    });
    expect(previewEnd(office.spec, MONDAY_10, Number.NaN)).toEqual({ kind: 'invalid' });
    expect(previewEnd(office.spec, MONDAY_10, -1)).toEqual({ kind: 'invalid' });
    // Open on Mondays only, but every Monday for 30 years is a holiday: the engine gives up.
    const mondays: string[] = [];
    for (let t = MONDAY_10; t < MONDAY_10 + 30 * 366 * 24 * HOUR; t += 7 * 24 * HOUR)
      mondays.push(new Date(t).toISOString().slice(0, 10));
    const closed = { timeZone: 'Asia/Shanghai', week: { mon: office.spec.week.mon }, holidays: mondays };
    expect(previewEnd(closed, MONDAY_10, 1)).toEqual({ kind: 'never' });
  });

  it('formats an instant in the calendar’s zone, and offers the browser’s zones with the current one', () => {
    expect(formatIn(MONDAY_10 + 5 * HOUR, 'Asia/Shanghai')).toMatch(/^Mon,? 2 Mar 2026, 15:00$/);
    const zones = timeZones('Etc/Unknown-Zone');
    expect(zones).toContain('Europe/Berlin');
    expect(zones).toContain('UTC');
    expect(zones).toContain('Etc/Unknown-Zone');
  });
});
