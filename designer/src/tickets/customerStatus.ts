// The customer status page in words: a state a customer understands, and when to expect the
// answer. Pure, so it is tested without a browser.
import type { CustomerStatus } from '../api/types.js';
import { formatDuration } from '../tasks/timeLeft.js';

export const CUSTOMER_STATE_LABELS: Record<CustomerStatus['state'], string> = {
  'in-progress': 'We are working on it',
  'waiting-for-you': 'Waiting for your answer',
  done: 'Done',
  cancelled: 'Closed',
};

const expectedFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  hour: '2-digit',
  minute: '2-digit',
});

/**
 * "Wednesday 3 December, 14:00 (in 5 h)"; past the time, says so plainly ("we are 1 h late");
 * undefined when no time is expected.
 */
export function expectedLabel(expectedBy: string | null, now: number): string | undefined {
  if (!expectedBy) return undefined;
  const at = Date.parse(expectedBy);
  const left = at - now;
  const relative = left >= 0 ? `in ${formatDuration(left)}` : `we are ${formatDuration(left)} late`;
  return `${expectedFormat.format(at)} (${relative})`;
}
