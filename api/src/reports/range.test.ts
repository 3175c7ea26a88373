import { describe, expect, it } from 'vitest';
import { resolveRange, RangeError422, startOfCivilDate } from './range.js';

const iso = (r: { from: Date; to: Date }) => [r.from.toISOString(), r.to.toISOString()];

describe('resolveRange', () => {
  // 2026-03-01 00:30 in Shanghai (UTC+8) is still 2026-02-28 in UTC: the zone decides the month.
  const now = Date.parse('2026-02-28T16:30:00Z');

  it('evaluates presets in the organisation zone across a month boundary', () => {
    const tz = 'Asia/Shanghai';
    expect(iso(resolveRange('today', { now, timeZone: tz }))).toEqual([
      '2026-02-28T16:00:00.000Z',
      '2026-03-01T16:00:00.000Z',
    ]);
    expect(iso(resolveRange('yesterday', { now, timeZone: tz }))).toEqual([
      '2026-02-27T16:00:00.000Z',
      '2026-02-28T16:00:00.000Z',
    ]);
    expect(iso(resolveRange('this-month', { now, timeZone: tz }))).toEqual([
      '2026-02-28T16:00:00.000Z',
      '2026-03-31T16:00:00.000Z',
    ]);
    expect(iso(resolveRange('last-month', { now, timeZone: tz }))).toEqual([
      '2026-01-31T16:00:00.000Z',
      '2026-02-28T16:00:00.000Z',
    ]);
    // 2026-03-01 is a Sunday: the ISO week started Monday 2026-02-23.
    expect(iso(resolveRange('this-week', { now, timeZone: tz }))).toEqual([
      '2026-02-22T16:00:00.000Z',
      '2026-03-01T16:00:00.000Z',
    ]);
  });

  it('starts this week and last week on Monday in the organisation zone', () => {
    // Monday 2026-03-02 00:30 in Shanghai is still Sunday in UTC: the zone decides the week.
    const mondayInShanghai = Date.parse('2026-03-01T16:30:00Z');
    expect(iso(resolveRange('this-week', { now: mondayInShanghai, timeZone: 'Asia/Shanghai' }))).toEqual([
      '2026-03-01T16:00:00.000Z',
      '2026-03-08T16:00:00.000Z',
    ]);
    expect(iso(resolveRange('last-week', { now: mondayInShanghai, timeZone: 'Asia/Shanghai' }))).toEqual([
      '2026-02-22T16:00:00.000Z',
      '2026-03-01T16:00:00.000Z',
    ]);
    expect(iso(resolveRange('last-week', { now: mondayInShanghai, timeZone: 'UTC' }))).toEqual([
      '2026-02-16T00:00:00.000Z',
      '2026-02-23T00:00:00.000Z',
    ]);
    // Across a year boundary: Thursday 2026-01-01's last week is 22–29 December 2025.
    expect(
      iso(resolveRange('last-week', { now: Date.parse('2026-01-01T12:00:00Z'), timeZone: 'UTC' })),
    ).toEqual(['2025-12-22T00:00:00.000Z', '2025-12-29T00:00:00.000Z']);
  });

  it('makes last week 167 hours long when daylight saving time starts in it', () => {
    // Europe/Paris moves to UTC+2 on Sunday 2026-03-29.
    const week = resolveRange('last-week', {
      now: Date.parse('2026-04-01T12:00:00Z'),
      timeZone: 'Europe/Paris',
    });
    expect(iso(week)).toEqual(['2026-03-22T23:00:00.000Z', '2026-03-29T22:00:00.000Z']);
    expect(week.to.getTime() - week.from.getTime()).toBe(167 * 3600_000);
  });

  it('gives a different month for the same instant in UTC', () => {
    expect(iso(resolveRange('this-month', { now, timeZone: 'UTC' }))).toEqual([
      '2026-02-01T00:00:00.000Z',
      '2026-03-01T00:00:00.000Z',
    ]);
    expect(iso(resolveRange('this-year', { now, timeZone: 'UTC' }))).toEqual([
      '2026-01-01T00:00:00.000Z',
      '2027-01-01T00:00:00.000Z',
    ]);
    expect(iso(resolveRange('last-year', { now, timeZone: 'UTC' }))).toEqual([
      '2025-01-01T00:00:00.000Z',
      '2026-01-01T00:00:00.000Z',
    ]);
  });

  it('handles January: last month is December of the previous year', () => {
    const january = Date.parse('2026-01-15T12:00:00Z');
    expect(iso(resolveRange('last-month', { now: january, timeZone: 'Europe/Paris' }))).toEqual([
      '2025-11-30T23:00:00.000Z',
      '2025-12-31T23:00:00.000Z',
    ]);
  });

  it('makes a day 23 hours long when daylight saving time starts', () => {
    const dstDay = Date.parse('2026-03-29T12:00:00Z'); // Europe/Paris switches to UTC+2 at 01:00 UTC
    const today = resolveRange('today', { now: dstDay, timeZone: 'Europe/Paris' });
    expect(iso(today)).toEqual(['2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z']);
    expect(today.to.getTime() - today.from.getTime()).toBe(23 * 3600_000);
  });

  it('reads custom dates as whole local days and date-times as instants', () => {
    const tz = 'America/New_York';
    expect(iso(resolveRange('custom', { now, timeZone: tz, from: '2026-01-01', to: '2026-01-31' }))).toEqual([
      '2026-01-01T05:00:00.000Z',
      '2026-02-01T05:00:00.000Z',
    ]);
    expect(
      iso(
        resolveRange('custom', {
          now,
          timeZone: tz,
          from: '2026-01-01T00:00:00Z',
          to: '2026-01-02T00:00:00+02:00',
        }),
      ),
    ).toEqual(['2026-01-01T00:00:00.000Z', '2026-01-01T22:00:00.000Z']);
  });

  it('refuses incomplete, reversed or malformed custom ranges', () => {
    const tz = 'UTC';
    expect(() => resolveRange('custom', { now, timeZone: tz, from: '2026-01-01' })).toThrow(RangeError422);
    expect(() => resolveRange('custom', { now, timeZone: tz, from: '2026-02-01', to: '2026-01-01' })).toThrow(
      /after/,
    );
    expect(() => resolveRange('custom', { now, timeZone: tz, from: '2026-02-30', to: '2026-03-01' })).toThrow(
      /calendar date/,
    );
    expect(() =>
      resolveRange('custom', {
        now,
        timeZone: tz,
        from: "2026-01-01'; drop table stages;--",
        to: '2026-03-01',
      }),
    ).toThrow(RangeError422);
  });

  it('starts a day at the DST jump when local midnight does not exist', () => {
    // America/Santiago skipped 2024-09-08 00:00 -> 01:00 local.
    expect(startOfCivilDate({ year: 2024, month: 9, day: 8 }, 'America/Santiago').toISOString()).toBe(
      '2024-09-08T04:00:00.000Z',
    );
  });
});
