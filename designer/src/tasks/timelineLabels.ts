// Ticket timeline rows in words. The raw ticket_events hold engine events (what someone did)
// and their effects (what the engine did about it); agents read names, not ids.
import { CUSTOMER_ACTOR_ID } from '@baton/engine';
import type { TicketEvent } from '../api/types.js';
import { outcomeLabel } from './outcomes.js';
import { formatDuration } from './timeLeft.js';

export type TimelineNames = {
  /** Task name by engine task id (from the ticket's stages). */
  task: (taskId: string | null) => string;
  /** Person's name by user id. */
  user: (userId: string | null) => string;
};

const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);
const quoted = (value: unknown) => (text(value) ? ` “${text(value)}”` : '');
const because = (value: unknown) => (text(value) ? `: ${text(value)}` : '');
const deadline = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const when = (value: unknown) => (typeof value === 'number' ? deadline.format(value) : 'an earlier time');

/**
 * What a calendars.changed entry changed: a department's hours (the calendar it now keeps comes
 * along with them, unedited), one calendar, or several.
 */
function changedCalendars(d: TicketEvent['data']): string {
  if (d.departmentCalendars) return 'Department hours';
  return Array.isArray(d.calendars) && d.calendars.length === 1
    ? `Calendar “${String(d.calendars[0])}”`
    : 'Calendars';
}

const target = (ms: unknown) => (typeof ms === 'number' ? formatDuration(ms) : 'no SLA');
/** "Triage 4 h (was 1 h)": a target that changed, null meaning none. */
const targetChange = (name: string, to: unknown, was: unknown) =>
  to === was ? undefined : `${name} ${target(to)} (was ${target(was)})`;
const SHOWN_TARGETS = 3;

/**
 * What an sla.targetsChanged entry changed, only the targets that differ: "Triage 4 h (was 1 h),
 * ticket 16 h (was 8 h)", the first few when many did.
 */
function changedTargets(d: TicketEvent['data']): string {
  const tasks = Array.isArray(d.tasks) ? (d.tasks as Record<string, unknown>[]) : [];
  const ticket = d.ticketSla as Record<string, unknown> | undefined;
  const changes = [
    ...tasks.map((t) => targetChange(text(t.name) ?? String(t.elementId), t.targetMs, t.wasMs)),
    ticket ? targetChange('ticket', ticket.targetMs, ticket.wasMs) : undefined,
  ].filter((c): c is string => c !== undefined);
  if (changes.length === 0) return 'SLA targets applied, none changed';
  const more = changes.length - SHOWN_TARGETS;
  return `SLA targets changed: ${changes.slice(0, SHOWN_TARGETS).join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

export function timelineLabel(e: TicketEvent, names: TimelineNames): string {
  const task = names.task(e.taskId);
  // The customer's own channel (their mail reopening the ticket) is no user of Baton.
  const who = e.actorId === CUSTOMER_ACTOR_ID ? 'The customer' : names.user(e.actorId);
  const d = e.data;
  switch (e.type) {
    case 'ticket.started':
      return 'Ticket started';
    case 'stage.opened':
      return `${task} opened${d.department ? ` in ${String(d.department)}` : ''}`;
    case 'task.claimed':
      return `${who} claimed ${task}`;
    case 'stage.claimed':
      return `${task} assigned to ${who}`;
    case 'task.completed':
      return `${who} completed ${task}${text(d.outcome) ? ` with outcome${quoted(outcomeLabel(text(d.outcome)!))}` : ''}`;
    case 'stage.closed':
      return `${task} closed${typeof d.totalMs === 'number' ? ` after ${formatDuration(d.totalMs)}` : ''}`;
    case 'task.transferred':
      return `${who} transferred ${task} to ${String(d.department)}${because(d.reason)}`;
    case 'task.returned':
      return `${who} returned ${task}${because(d.reason)}`;
    case 'task.held':
      return `${who} put ${task} on hold${because(d.reason)}`;
    case 'task.resumed':
      return `${task} resumed`;
    case 'task.extensionGranted':
      return `${who} extended the deadline of ${task}${typeof d.extendByMs === 'number' ? ` by ${formatDuration(d.extendByMs)}` : ''}`;
    case 'task.extensionDenied':
      return `${who} denied ${typeof d.extendByMs === 'number' ? `${formatDuration(d.extendByMs)} more` : 'more time'} on ${task}${because(d.reason)}`;
    case 'sla.level':
      return `${e.taskId ? task : 'Ticket'} SLA reached ${String(d.level)}`;
    case 'sla.recalculated':
      return `${e.taskId ? `Deadline of ${task}` : 'Ticket deadline'} moved from ${when(d.fromDueAt)} to ${when(d.toDueAt)}${text(d.reason) ? ` because ${text(d.reason)}` : ''}`;
    case 'calendars.changed':
      return `${changedCalendars(d)} changed${because(d.reason)}`;
    case 'sla.targetsChanged':
      return `${changedTargets(d)}${text(d.reason) ? ` (${text(d.reason)})` : ''}`;
    case 'timer.fired':
      return 'Timer fired';
    case 'activity.started':
      return `Activity${quoted(d.activity)} started`;
    case 'activity.completed':
      return 'Activity completed';
    case 'activity.failed':
      return `Activity failed${because(d.error)}`;
    case 'message.received': {
      // The customer's own mail (the intake) says so; other messages keep their name.
      const message =
        typeof d.data === 'object' && d.data !== null ? (d.data as Record<string, unknown>) : {};
      if (d.name === 'customer-reply' && message.channel === 'email')
        return `The customer answered by e-mail${text(message.from) ? ` (${text(message.from)})` : ''}`;
      return `Message${quoted(d.name)} received`;
    }
    case 'notification':
      return `Notified ${Array.isArray(d.to) ? d.to.join(', ') : 'someone'}`;
    case 'ticket.cancelled':
      return `${who} cancelled the ticket${because(d.reason)}`;
    case 'timing.ruleApplied':
      return `${who} applied version ${String(d.version)} of timing rule${quoted(d.name)}: its clock counts on it from now`;
    case 'ticket.status':
      return `Status: ${text(d.from)?.replaceAll('_', ' ') ?? '?'} → ${text(d.to)?.replaceAll('_', ' ') ?? '?'}`;
    case 'ticket.reopened':
      return `${who} reopened the ticket${because(d.reason)}`;
    case 'ticket.completed':
      return d.outcome === 'cancelled' ? 'Ticket cancelled' : 'Ticket done';
    default:
      return e.type;
  }
}

/**
 * The timeline without effects that only repeat their event: a claim's `stage.claimed` says
 * again what `task.claimed` of the same step said. Assignments by the engine stay.
 */
export function withoutEchoes(events: TicketEvent[]): TicketEvent[] {
  const claims = new Set(events.filter((e) => e.type === 'task.claimed').map((e) => `${e.seq}/${e.taskId}`));
  return events.filter((e) => e.type !== 'stage.claimed' || !claims.has(`${e.seq}/${e.taskId}`));
}
