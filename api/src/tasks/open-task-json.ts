// An open task as the API shows it (ticket detail, action answers), with its schemas.
import type { TaskView } from '@baton/engine';
import type { TaskActions } from '../access/task-actions.js';
import { z } from '../http/openapi.js';
import { SlaExplanationSchema, SlaLevelSchema } from '../http/schemas.js';
import { globalTaskId, TASK_ID_DESCRIPTION } from './task-id.js';

export const TaskActionsSchema = z
  .object({
    claim: z.boolean(),
    complete: z
      .object({ outcomes: z.array(z.string()) })
      .nullable()
      .openapi({ description: 'null: may not complete; no outcomes: a plain complete.' }),
    transfer: z
      .object({ departments: z.array(z.string()) })
      .nullable()
      .openapi({
        description: "The departments it may go to (the task's baton:transferTo); null: may not transfer.",
      }),
    return: z.boolean().openapi({ description: 'Back to the task that handed it over (baton:returnable).' }),
    hold: z.boolean(),
    resume: z.boolean(),
    requestExtension: z
      .boolean()
      .openapi({ description: 'Open, its ticket run by the engine, has an SLA, no request pending.' }),
    cancel: z.boolean().openapi({ description: 'May cancel the ticket (POST /tickets/{id}/cancel).' }),
  })
  .openapi('TaskActions', {
    description:
      'What the caller may do with the task now: each flag is true only when the matching POST would be accepted.',
  }) satisfies z.ZodType<TaskActions>;

/** A ticket's tickets.imported_from, in the ticket detail and the queue. */
export const ImportedFromSchema = z.string().nullable().openapi({
  description:
    'The older system the ticket was imported from, with its history as it stood there: no engine runs it, so it is read only (its tasks offer no action; an admin may cancel it to close its open stages). null: Baton runs it.',
});

export const OpenTaskSchema = z
  .object({
    id: z.string().openapi({ description: TASK_ID_DESCRIPTION }),
    taskId: z.string(),
    elementId: z.string(),
    name: z.string(),
    department: z.string().nullable(),
    outcomes: z.array(z.string()),
    assignee: z.string().nullable(),
    openedAt: z.string(),
    claimedAt: z.string().nullable(),
    dueAt: z.string().nullable(),
    held: z.boolean(),
    slaLevel: SlaLevelSchema,
    sla: z.union([SlaExplanationSchema, z.null()]).optional().openapi({
      description:
        'Why the deadline is where it is. Null when the engine did not answer or the task has no SLA; absent in action answers.',
    }),
    actions: TaskActionsSchema,
  })
  .openapi('OpenTask');

/** An open task as the engine lists it, shown with the caller's actions on it. */
export const taskJson = (ticketId: string, t: TaskView, actions: TaskActions) => ({
  id: globalTaskId(ticketId, t.taskId),
  taskId: t.taskId,
  elementId: t.elementId,
  name: t.name,
  department: t.department ?? null,
  outcomes: t.outcomes,
  assignee: t.assignee ?? null,
  openedAt: new Date(t.openedAt).toISOString(),
  claimedAt: t.claimedAt === undefined ? null : new Date(t.claimedAt).toISOString(),
  dueAt: t.dueAt === undefined ? null : new Date(t.dueAt).toISOString(),
  held: t.held ?? false,
  slaLevel: t.slaLevel,
  actions,
});
