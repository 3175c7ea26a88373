// The SLA a ticket list row shows: the worst of the ticket's own clock and its open tasks' clocks,
// so a ticket listed as overdue because a task is overdue says so (the ticket's own may be on time).
import { SLA_LEVELS } from '@baton/engine';
import type { SlaLevel, TicketSummary } from '../api/types.js';

export type ShownSla = {
  level: SlaLevel;
  dueAt: string | null;
  /** Whose clock it is: the open task's name, or undefined for the ticket's own. */
  task?: string;
};

const rank = (level: SlaLevel) => SLA_LEVELS.indexOf(level);

/** The worst level among the ticket and its open tasks; a tie keeps the ticket's own (listed first). */
export function listSla(ticket: Pick<TicketSummary, 'slaLevel' | 'slaDueAt' | 'openTasks'>): ShownSla {
  let shown: ShownSla = { level: ticket.slaLevel, dueAt: ticket.slaDueAt };
  for (const task of ticket.openTasks) {
    if (rank(task.slaLevel) > rank(shown.level))
      shown = { level: task.slaLevel, dueAt: task.dueAt, task: task.name };
  }
  return shown;
}
