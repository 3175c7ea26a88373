// Shared request/response pieces.
import { z } from './openapi.js';
import { EXTENSION_STATUSES, MANAGER_SCOPES, ROLES, SLA_LEVELS } from '@baton/db';
import { FIELD_KEY, FIELD_TYPES, isKnownTimeZone, type SlaExplanation, type SlaLevel } from '@baton/engine';

export const Slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'lower-case letters, digits, - and _ (at most 63)')
  .openapi({ example: 'after-sales' });

export const IdParam = z.object({ id: z.string().min(1).max(200) });

export const RoleSchema = z.enum(ROLES).openapi('Role');

export const ManagerScopeSchema = z.enum(MANAGER_SCOPES).openapi('ManagerScope', {
  description:
    "What the manager role covers for this user, as an admin decides: every department's tickets and figures (every_department), or only those of the departments the user is a member of (memberships). Nothing without the manager role.",
});

/** Where an SLA clock stands: the ticket's, a task's, a stage's. */
export const SlaLevelSchema = z.enum(SLA_LEVELS).openapi('SlaLevel', {
  description:
    'ok; warning (past baton:warnAt of the target); overdue (past the target); severe (past baton:severeAt).',
}) satisfies z.ZodType<SlaLevel>;

/** What the API says of any person: the caller (`Me`) and directory entries (`User`) add to it. */
export const PersonFields = {
  id: z.string(),
  email: z.string(),
  name: z.string(),
  roles: z.array(RoleSchema),
  departments: z.array(z.string()),
};

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'HH:MM');
const Weekday = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);

// What a change that re-times open clocks did to the running tickets (CalendarReach): answered by
// the calendar and department routes and by applying a version's SLA targets.
export const RunningTicketsSchema = z.object({
  total: z.number().int(),
  reached: z.number().int(),
  failed: z.array(z.object({ ticketId: z.string(), error: z.string() })),
});

export const CalendarSpecSchema = z
  .strictObject({
    timeZone: z.string().refine(isKnownTimeZone, 'unknown IANA time zone'),
    week: z.partialRecord(
      Weekday,
      z
        .array(
          z
            .tuple([HHMM, HHMM])
            .refine(([from, to]) => from < to, 'an opening interval must end after it starts'),
        )
        .max(12),
    ),
    holidays: z
      .array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD'))
      .max(1000)
      .optional(),
  })
  .openapi('CalendarSpec');

export const FieldDefinitionSchema = z
  .strictObject({
    key: z.string().regex(FIELD_KEY, 'a letter, then letters, digits or _'),
    label: z.string().min(1).max(200),
    type: z.enum(FIELD_TYPES),
    required: z.boolean().optional(),
    options: z.array(z.string().min(1).max(200)).min(1).max(200).optional(),
  })
  .refine((f) => f.type !== 'select' || (f.options?.length ?? 0) > 0, {
    message: 'a select field needs options',
    path: ['options'],
  })
  .openapi('FieldDefinition');

export const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

const EpochMs = z.number().openapi({ description: 'Epoch milliseconds' });

/** The engine's SlaExplanation (epoch milliseconds), as it sends it. */
export const SlaExplanationSchema = z
  .object({
    targetMs: z.number().openapi({ description: 'The target, with granted extensions, in business time' }),
    calendar: z.string().optional().openapi({ description: 'The business calendar it counts in' }),
    dueAt: EpochMs.optional().openapi({ description: 'Absent while held' }),
    consumedMs: z.number(),
    remainingMs: z.number(),
    segments: z.array(z.object({ from: EpochMs, to: EpochMs })).openapi({
      description: 'The spans counted: running, not paused, inside the open hours of the calendar',
    }),
    ledger: z
      .array(
        z.object({
          kind: z.enum(['counting', 'closed', 'paused']),
          from: EpochMs,
          to: EpochMs,
          reason: z.string().optional().openapi({ description: 'paused: the reason of the hold' }),
          calendar: z.string().optional().openapi({
            description:
              'counting and closed: the calendar in force then (absent: wall-clock time); it changes where the ticket moved to a department keeping other hours',
          }),
        }),
      )
      .openapi({
        description:
          "The clock's life end to end, from its start to now or to when it stopped: counting (running in open hours), closed (running outside them: nothing counted) and paused (on hold) stretches. Their lengths add up to the elapsed time, the counting ones to consumedMs.",
      }),
    pauses: z.array(z.object({ from: EpochMs, to: EpochMs.optional(), reason: z.string() })),
    extensions: z.array(z.object({ at: EpochMs, byMs: z.number(), by: z.string() })),
    recalculations: z
      .array(
        z.object({
          at: EpochMs,
          fromDueAt: EpochMs,
          toDueAt: EpochMs,
          reason: z.string(),
          targetMs: z
            .object({ from: z.number(), to: z.number() })
            .optional()
            .openapi({ description: 'The target before and after, when an SLA policy changed it' }),
          calendar: z.object({ from: z.string().optional(), to: z.string().optional() }).optional().openapi({
            description:
              'The calendar before and after, when the clock changed calendars (absent: wall-clock time)',
          }),
        }),
      )
      .openapi({
        description:
          'Deadlines moved by calendar edits, department handoffs and SLA policy changes, oldest first; the first `fromDueAt` is the original deadline',
      }),
  })
  .openapi('SlaExplanation', {
    description:
      'Why the deadline of an SLA clock is where it is: the business time counted, pauses, extensions, calendar edits.',
  }) satisfies z.ZodType<SlaExplanation>;

export const ExtensionStatusSchema = z.enum(EXTENSION_STATUSES).openapi('ExtensionStatus');
