// The OpenAPI shapes of timing rules and of the clocks they give a ticket.
import { CLOCK_STATUSES, CLOCK_TRIGGERS, PRIORITIES } from '@baton/engine';
import { z } from '../http/openapi.js';
import { SlaExplanationSchema, SlaLevelSchema } from '../http/schemas.js';

const TriggerSchema = z
  .object({
    on: z.enum(CLOCK_TRIGGERS).openapi({
      description:
        '`ticket.created`; `task.opened` / `task.closed` (a stage opened or closed); `task.held` / `task.resumed`; `customer.message` (a mail in, or a message from the status page or an agent recording one); `agent.reply` (a reply an agent sent the customer); `ticket.done`; `ticket.cancelled`; `ticket.reopened` (a done ticket opened again: as a start trigger, it begins a new cycle of a stopped clock); `status.changed` (the ticket took `status`).',
    }),
    department: z
      .string()
      .optional()
      .openapi({ description: 'Task events only: just this department’s tasks.' }),
    status: z
      .enum(CLOCK_STATUSES)
      .optional()
      .openapi({ description: '`status.changed` only, and required there: the status the ticket took.' }),
  })
  .openapi('ClockTrigger');

const TargetsSchema = z
  .object(Object.fromEntries(PRIORITIES.map((priority) => [priority, z.number().int().optional()])))
  .openapi({ description: 'Target in ms per priority; a priority without one is not timed by the rule.' });

/** A rule as it is sent: checked by the engine's rule when saved, problems named by field. */
export const TimingRuleBodySchema = z
  .object({
    name: z.string(),
    typeIds: z
      .array(z.string())
      .optional()
      .openapi({ description: 'Ticket types the rule is for; absent: every type.' }),
    filter: z.string().optional().openapi({
      description:
        'FEEL over the ticket: priority, category, service and its form fields. Absent: every ticket.',
      example: 'category = "refund" and amount > 100',
    }),
    start: z.array(TriggerSchema),
    pause: z.array(TriggerSchema),
    resume: z.array(TriggerSchema),
    stop: z.array(TriggerSchema),
    targetsMs: TargetsSchema,
    calendar: z.string().optional().openapi({ description: 'Calendar key; absent: wall-clock time.' }),
    followOwner: z.boolean().openapi({
      description: 'Count on the hours of the department holding the ticket where it keeps its own.',
    }),
    warnAt: z.number().openapi({ description: 'Warning at this fraction of the target (below 1).' }),
    severeAt: z.number().openapi({ description: 'Severe at this fraction of the target (above 1).' }),
  })
  .openapi('TimingRuleBody');

export const TimingRuleVersionSchema = z
  .object({
    key: z.string(),
    version: z.number().int(),
    active: z.boolean().openapi({ description: 'False: retired for tickets created after this version.' }),
    rule: TimingRuleBodySchema,
    createdBy: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('TimingRuleVersion');

/** One cycle of a clock: its first run, or a run a reopen started. */
const ClockCycleFields = {
  cycle: z
    .number()
    .int()
    .min(1)
    .openapi({ description: "1 for the clock's first run; one more for each reopen that started it again." }),
  state: z.enum(['waiting', 'running', 'paused', 'stopped']),
  targetMs: z.number().int().openapi({ description: "The rule's target for the ticket's priority" }),
  level: SlaLevelSchema,
  met: z
    .boolean()
    .optional()
    .openapi({ description: 'Stopped: whether the time counted stayed within the target' }),
  startedAt: z.number().optional(),
  stoppedAt: z.number().optional(),
  explanation: SlaExplanationSchema.optional().openapi({
    description: 'Absent while waiting for its start',
  }),
  pendingLevels: z
    .array(z.object({ level: z.enum(['warning', 'overdue', 'severe']), at: z.number() }))
    .openapi({
      description:
        'Running: the levels ahead and when each falls due if the clock keeps running (epoch ms). Each is recorded and notified at its instant.',
    }),
};

export const TicketClockSchema = z
  .object({
    key: z.string(),
    name: z.string(),
    version: z
      .number()
      .int()
      .openapi({ description: 'The version of the rule current when the ticket was created.' }),
    ...ClockCycleFields,
    earlier: z.array(z.object(ClockCycleFields)).openapi({
      description:
        'The cycles a reopen ended, oldest first (stopped). Only a rule whose start names `ticket.reopened` has them.',
    }),
    filterError: z.string().optional().openapi({
      description:
        "The rule's filter could not be evaluated on this ticket (a field it reads is missing…): not measured.",
    }),
  })
  .openapi('TicketClock', {
    description:
      "A timing rule's clock on the ticket, measured from its recorded events on the rule version current when the ticket was created.",
  });
