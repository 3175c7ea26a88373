// What moved a deadline besides its instants: the target and the calendar before and after, as
// the engine records them on each recalculation (an SLA policy applied, a department handoff).
import type { SlaExplanation } from '../api/types.js';
import { formatDuration } from './timeLeft.js';

type Move = SlaExplanation['recalculations'][number];

const calendarName = (key: string | undefined) => key ?? 'wall-clock time';

/** "target 1 h → 4 h, calendar office → weekend", or undefined when only the instants moved. */
export function moveChanges(move: Move): string | undefined {
  const parts: string[] = [];
  if (move.targetMs)
    parts.push(`target ${formatDuration(move.targetMs.from)} → ${formatDuration(move.targetMs.to)}`);
  if (move.calendar)
    parts.push(`calendar ${calendarName(move.calendar.from)} → ${calendarName(move.calendar.to)}`);
  return parts.length > 0 ? parts.join(', ') : undefined;
}
