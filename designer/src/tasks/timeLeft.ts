// How agents read deadlines: coarse, human units ("1 h 5 min"), never seconds, because the
// inbox refreshes every 30 s and finer units would only flicker.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A duration in the two largest units that matter: "42 min", "1 h 5 min", "2 d 3 h". */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < MINUTE) return '< 1 min';
  if (abs < HOUR) return `${Math.floor(abs / MINUTE)} min`;
  if (abs < DAY) {
    const h = Math.floor(abs / HOUR);
    const m = Math.floor((abs % HOUR) / MINUTE);
    return m ? `${h} h ${m} min` : `${h} h`;
  }
  const d = Math.floor(abs / DAY);
  const h = Math.floor((abs % DAY) / HOUR);
  return h ? `${d} d ${h} h` : `${d} d`;
}

/** "due in 42 min", "overdue 1 h 5 min", or "no deadline" for tasks without an SLA. */
export function timeLeft(dueAt: string | null, now: number): string {
  if (!dueAt) return 'no deadline';
  const left = Date.parse(dueAt) - now;
  return left >= 0 ? `due in ${formatDuration(left)}` : `overdue ${formatDuration(left)}`;
}
