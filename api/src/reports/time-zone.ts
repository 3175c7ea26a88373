// The organisation's zone: BATON_TIME_ZONE (config), else the default calendar's zone, else UTC.
import type { Queryable } from '../sql/queryable.js';
import { isKnownTimeZone } from '@baton/engine';

export async function organisationTimeZone(db: Queryable, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  const { rows } = await db.query<{ zone: string | null }>(
    "select spec->>'timeZone' as zone from calendars where is_default order by key limit 1",
  );
  const zone = rows[0]?.zone;
  return zone && isKnownTimeZone(zone) ? zone : 'UTC';
}
