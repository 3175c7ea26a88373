import { describe, expect, it } from 'vitest';
import { isoText } from './json-timestamps.js';

describe('isoText', () => {
  it('renders what Postgres JSON gives for a timestamptz as ISO 8601 UTC with milliseconds, as Date does', () => {
    const rendered = [
      '2026-11-24T06:19:48.436999+00:00', // microseconds are truncated, not rounded
      '2026-11-24T06:19:48.4+00:00',
      '2026-11-24T06:19:48+00:00',
      '2026-01-01T00:00:00.000001+00:00',
      '2026-11-24T06:19:48.43+05:30', // another session zone
      '2026-11-24T06:19:48.123456-03:00',
      '0099-01-01T00:00:00+00:00',
    ];
    for (const value of rendered) expect(isoText(value)).toBe(new Date(value).toISOString());
    expect(isoText('2026-11-24T06:19:48.436999+00:00')).toBe('2026-11-24T06:19:48.436Z');
    expect(isoText('2026-11-24T06:19:48+00:00')).toBe('2026-11-24T06:19:48.000Z');
  });

  it('keeps null for a missing timestamp', () => {
    expect(isoText(null)).toBeNull();
    expect(isoText(undefined)).toBeNull();
  });
});
