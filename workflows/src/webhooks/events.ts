// Which ticket events a recorded step is, in webhook terms: a pure reading of the step's timeline.
// Each event's id is its timeline entry's key (ticket, seq, ord), so writing the same step again
// names the same events and queues nothing twice.
import type { WebhookEvent } from '@baton/db';
import type { RecordStepInput, StageRecord } from '../workflows/records.js';

export type WebhookEventRecord = {
  eventId: string;
  event: WebhookEvent;
  at: number;
  data: Record<string, unknown>;
};

const stageSummary = (stage: StageRecord | undefined, taskId: string) => ({
  taskId,
  ...(stage
    ? {
        elementId: stage.elementId,
        name: stage.name,
        department: stage.department ?? null,
        dueAt: stage.dueAt === undefined ? null : new Date(stage.dueAt).toISOString(),
      }
    : {}),
});

/** The data of a ticket.sla_level event: the level, and the stage whose clock reached it (none: the ticket's). */
export const slaLevelEventData = (
  level: unknown,
  stage: StageRecord | undefined,
  taskId: string | undefined,
): Record<string, unknown> => ({
  level,
  // Absent: the whole ticket's clock reached the level, not one stage's.
  ...(taskId ? { stage: stageSummary(stage, taskId) } : {}),
});

export function webhookEventsOfStep(step: RecordStepInput): WebhookEventRecord[] {
  const stageOf = (taskId: string | undefined) => step.stages.find((stage) => stage.taskId === taskId);
  const events: WebhookEventRecord[] = [];
  step.timeline.forEach((entry, ord) => {
    const eventId = `${step.ticketId}:${step.seq}:${ord}`;
    const base = { eventId, at: entry.at };
    if (entry.type === 'ticket.started') events.push({ ...base, event: 'ticket.created', data: {} });
    else if (entry.type === 'stage.opened' && entry.taskId)
      events.push({
        ...base,
        event: 'ticket.stage_changed',
        data: { stage: stageSummary(stageOf(entry.taskId), entry.taskId) },
      });
    else if (entry.type === 'sla.level')
      events.push({
        ...base,
        event: 'ticket.sla_level',
        data: slaLevelEventData(entry.data.level, stageOf(entry.taskId), entry.taskId),
      });
    else if (entry.type === 'ticket.completed' && entry.data.outcome === 'done')
      events.push({ ...base, event: 'ticket.done', data: {} });
    else if (entry.type === 'ticket.reopened')
      events.push({
        ...base,
        event: 'ticket.reopened',
        data: { reason: entry.data.reason ?? null, by: entry.actorId ?? null },
      });
  });
  return events;
}
