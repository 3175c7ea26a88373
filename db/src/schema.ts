// Baton's tables, as code. Migrations under db/migrations are generated from this file by
// drizzle-kit (`pnpm --filter @baton/db generate`) and committed.
import { sql } from 'drizzle-orm';
import {
  CATEGORIES,
  PRIORITIES,
  SLA_LEVELS,
  TICKET_STATUSES,
  type Category,
  type FieldDefinition,
  type Priority,
  type SlaLevel,
  type TicketStatus,
} from '@baton/engine';
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
  check,
  foreignKey,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

export const ROLES = ['admin', 'process_owner', 'agent', 'manager', 'developer'] as const;
export type Role = (typeof ROLES)[number];
/**
 * Which departments a manager's reports and tickets cover, as an admin decides per person: every
 * department, or only those their memberships give. Nothing for users without the manager role.
 */
export const MANAGER_SCOPES = ['every_department', 'memberships'] as const;
export type ManagerScope = (typeof MANAGER_SCOPES)[number];

// The ticket vocabulary is the engine's (diagrams test it in FEEL); re-exported for db's users.
export {
  CATEGORIES,
  PRIORITIES,
  SLA_LEVELS,
  TICKET_STATUSES,
  type Category,
  type Priority,
  type TicketStatus,
};
export const EXTENSION_STATUSES = ['pending', 'granted', 'denied'] as const;
export type ExtensionStatus = (typeof EXTENSION_STATUSES)[number];

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const ms = (name: string) => bigint(name, { mode: 'number' });
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

export const users = pgTable(
  'users',
  {
    id: text('id').primaryKey(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    /** scrypt hash `scrypt$N$r$p$salt$hash`; null = cannot log in with a password. */
    passwordHash: text('password_hash'),
    roles: text('roles')
      .array()
      .$type<Role[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    active: boolean('active').notNull().default(true),
    /** What a manager covers (MANAGER_SCOPES); the default keeps managers seeing every department. */
    managerScope: text('manager_scope').$type<ManagerScope>().notNull().default('every_department'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_email_key').on(sql`lower(${t.email})`),
    check('users_roles_known', sql`${t.roles} <@ ARRAY[${inList(ROLES)}]::text[]`),
    check('users_manager_scope_known', sql`${t.managerScope} in (${inList(MANAGER_SCOPES)})`),
  ],
);

export const departments = pgTable(
  'departments',
  {
    key: text('key').primaryKey(),
    name: text('name').notNull(),
    leadUserId: text('lead_user_id').references((): AnyPgColumn => users.id, { onDelete: 'set null' }),
    /**
     * The manager who answers for the department: its tasks' `notify: manager` and severe SLA
     * escalations reach them; with none, the managers whose scope covers the department
     * (workflows/src/activities/notifications.ts).
     */
    managerUserId: text('manager_user_id').references((): AnyPgColumn => users.id, {
      onDelete: 'set null',
    }),
    /** Contact address for the department (notifications to `group:<key>` fall back to it). */
    email: text('email'),
    /**
     * The department's own business hours: its tasks' clocks count on this calendar (unless a task
     * names one), and the ticket's clock while the department holds the ticket. Null: the flow's.
     */
    calendarKey: text('calendar_key').references((): AnyPgColumn => calendars.key, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  // Keys appear in BPMN attributes (baton:department, baton:transferTo lists, group:KEY): keep them plain.
  (t) => [check('departments_key_format', sql`${t.key} ~ '^[a-z0-9][a-z0-9_-]*$'`)],
);

export const memberships = pgTable(
  'memberships',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    departmentKey: text('department_key')
      .notNull()
      .references(() => departments.key, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.departmentKey] }),
    index('memberships_department_idx').on(t.departmentKey),
  ],
);

export const calendars = pgTable(
  'calendars',
  {
    key: text('key').primaryKey(),
    name: text('name').notNull(),
    /** engine CalendarSpec: { timeZone, week, holidays } */
    spec: jsonb('spec').notNull(),
    isDefault: boolean('is_default').notNull().default(false),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  // At most one default calendar.
  (t) => [
    uniqueIndex('calendars_one_default_key')
      .on(t.isDefault)
      .where(sql`${t.isDefault}`),
  ],
);

/** A custom field of a ticket type's form: the engine's type, whose rule checks the values. */
export type { FieldDefinition };

/** What a new ticket of a type starts with when its request does not say. */
export type TicketTypeDefaults = {
  priority?: Priority;
  category?: Category;
  service?: string;
  /** Custom field values, under the field keys. */
  fields?: Record<string, unknown>;
};

export const ticketTypes = pgTable('ticket_types', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  fields: jsonb('fields')
    .$type<FieldDefinition[]>()
    .notNull()
    .default(sql`'[]'::jsonb`),
  defaults: jsonb('defaults')
    .$type<TicketTypeDefaults>()
    .notNull()
    .default(sql`'{}'::jsonb`),
  /** Published as a public web form at /forms/ID (no account needed). */
  formPublished: boolean('form_published').notNull().default(false),
  /** Origins whose pages may embed the form (an iframe); none: only Baton's own pages. */
  formOrigins: text('form_origins')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** The editable draft of a ticket type's flow (one per type). */
export const flows = pgTable('flows', {
  ticketTypeId: text('ticket_type_id')
    .primaryKey()
    .references(() => ticketTypes.id, { onDelete: 'cascade' }),
  xml: text('xml').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  updatedBy: text('updated_by').references(() => users.id, { onDelete: 'set null' }),
});

/** Immutable deployed versions; running tickets keep the version they started with. */
export const flowVersions = pgTable(
  'flow_versions',
  {
    id: text('id').primaryKey(),
    ticketTypeId: text('ticket_type_id')
      .notNull()
      .references(() => ticketTypes.id, { onDelete: 'restrict' }),
    version: integer('version').notNull(),
    xml: text('xml').notNull(),
    /** The engine's Flow, as compileFlow made it (an object; its shape is the engine's). */
    compiled: jsonb('compiled').$type<Record<string, unknown>>().notNull(),
    deployedAt: ts('deployed_at').notNull().defaultNow(),
    deployedBy: text('deployed_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('flow_versions_type_version_key').on(t.ticketTypeId, t.version),
    check('flow_versions_version_positive', sql`${t.version} > 0`),
  ],
);

export type Customer = { name?: string; email?: string; phone?: string; tier?: string };

/**
 * Versions of ticket details: every change to a ticket's row, stages, timeline or extension
 * requests gives the ticket a value never used before (triggers in migration 0004), so a reader
 * that saw version N has seen exactly that state.
 */
export const ticketDetailVersions = pgSequence('ticket_detail_versions');

/** Where a ticket came from: an agent in the UI, a script through the API, a web form, a mail. */
export const TICKET_SOURCES = ['agent', 'api', 'form', 'email'] as const;
export type TicketSource = (typeof TICKET_SOURCES)[number];

export const tickets = pgTable(
  'tickets',
  {
    id: text('id').primaryKey(),
    /** Human-facing number, e.g. #1042. */
    number: bigserial('number', { mode: 'number' }).notNull().unique(),
    typeId: text('type_id')
      .notNull()
      .references(() => ticketTypes.id, { onDelete: 'restrict' }),
    flowVersionId: text('flow_version_id')
      .notNull()
      .references(() => flowVersions.id, { onDelete: 'restrict' }),
    title: text('title').notNull(),
    priority: text('priority').$type<Priority>().notNull().default('medium'),
    category: text('category').$type<Category>().notNull().default('other'),
    /** Service catalogue entry, e.g. 'shop-after-sales'. */
    service: text('service'),
    status: text('status').$type<TicketStatus>().notNull().default('submitted'),
    customer: jsonb('customer')
      .$type<Customer>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    fields: jsonb('fields')
      .$type<Record<string, unknown>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    ownerId: text('owner_id').references(() => users.id, { onDelete: 'set null' }),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    closedAt: ts('closed_at'),
    /** Whole-ticket SLA (process baton:ticketSla). */
    slaDueAt: ts('sla_due_at'),
    slaLevel: text('sla_level').$type<SlaLevel>().notNull().default('ok'),
    /** Seq of the last step written: a write of a step at or below it replaces that step and what followed. */
    lastSeq: integer('last_seq').notNull().default(0),
    /**
     * Temporal history length of the workflow task that wrote last (see workflows' RecordStepInput):
     * a write from an older, already replaced attempt changes nothing.
     */
    recordFence: bigint('record_fence', { mode: 'number' }),
    /**
     * Workflow time of the attempt that wrote last. Retried attempts of one workflow task share a
     * history length (Temporal attaches their task events without writing them), so between equal
     * fences the later attempt wins.
     */
    recordFenceAt: bigint('record_fence_at', { mode: 'number' }),
    /** Changes with the ticket's detail; see ticketDetailVersions. The API's detail cache keys on it. */
    detailVersion: bigint('detail_version', { mode: 'number' })
      .notNull()
      .default(sql`nextval('ticket_detail_versions')`),
    /**
     * The older system the ticket was imported from, with its history as it stood there (the demo
     * history is one): no engine runs it, so its tasks take no action. Null: Baton's engine runs it.
     */
    importedFrom: text('imported_from'),
    /** How the ticket came in; null for tickets from before sources were recorded. */
    source: text('source').$type<TicketSource>(),
    /**
     * When its timing-rule clocks were first measured (ticket_clocks); null: never, so the
     * background pass measures it. Kept for tickets no rule times too, which leave no clock row.
     */
    clocksMeasuredAt: ts('clocks_measured_at'),
  },
  (t) => [
    check('tickets_source_known', sql`${t.source} is null or ${t.source} in (${inList(TICKET_SOURCES)})`),
    check('tickets_priority_known', sql`${t.priority} in (${inList(PRIORITIES)})`),
    check('tickets_category_known', sql`${t.category} in (${inList(CATEGORIES)})`),
    check('tickets_status_known', sql`${t.status} in (${inList(TICKET_STATUSES)})`),
    check('tickets_sla_level_known', sql`${t.slaLevel} in (${inList(SLA_LEVELS)})`),
    check('tickets_closed_after_created', sql`${t.closedAt} is null or ${t.closedAt} >= ${t.createdAt}`),
    index('tickets_type_status_idx').on(t.typeId, t.status),
    index('tickets_created_idx').on(t.createdAt, t.id),
  ],
);

/** One row per user-task instance: how long each department held the ticket. */
export const stages = pgTable(
  'stages',
  {
    ticketId: text('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    /** Engine task id, unique within the ticket. */
    taskId: text('task_id').notNull(),
    elementId: text('element_id').notNull(),
    name: text('name').notNull(),
    departmentKey: text('department_key').references(() => departments.key, { onDelete: 'restrict' }),
    assigneeId: text('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    enteredAt: ts('entered_at').notNull(),
    claimedAt: ts('claimed_at'),
    closedAt: ts('closed_at'),
    outcome: text('outcome'),
    slaTargetMs: ms('sla_target_ms'),
    slaCalendar: text('sla_calendar'),
    /**
     * Time granted by extensions, summed (0: none), and once closed the business time the clock
     * counted: a stage met its original target when that is within sla_target_ms, and met it only
     * thanks to an extension when it is above. Null: recorded before these were kept.
     */
    slaExtendedMs: ms('sla_extended_ms'),
    slaConsumedMs: ms('sla_consumed_ms'),
    dueAt: ts('due_at'),
    slaLevel: text('sla_level').$type<SlaLevel>().notNull().default('ok'),
    /** Wall-clock durations: queue = entered..claimed, work = claimed..closed, total = entered..closed. */
    queueMs: ms('queue_ms'),
    workMs: ms('work_ms'),
    totalMs: ms('total_ms'),
    /** The same in the stage's business calendar (equal to wall-clock when it has none). */
    businessQueueMs: ms('business_queue_ms'),
    businessWorkMs: ms('business_work_ms'),
    businessTotalMs: ms('business_total_ms'),
    /**
     * Of the total, time on hold (waiting on the customer), every hold summed, wall-clock and in
     * the same business calendar: work time = total - held. For an open stage the holds that have
     * ended, `held_since` being the start of the one in progress. Null: unknown (written before
     * these columns; reports count it as no waiting).
     */
    heldMs: ms('held_ms'),
    businessHeldMs: ms('business_held_ms'),
    heldSince: ts('held_since'),
    /**
     * Element id of the user task that handed this one over (the engine's TaskState.handedOverBy):
     * where a return goes. Null: none, or written before the engine's word was recorded.
     */
    handedOverBy: text('handed_over_by'),
  },
  (t) => [
    primaryKey({ columns: [t.ticketId, t.taskId] }),
    check('stages_sla_level_known', sql`${t.slaLevel} in (${inList(SLA_LEVELS)})`),
    check('stages_claimed_after_entered', sql`${t.claimedAt} is null or ${t.claimedAt} >= ${t.enteredAt}`),
    check('stages_closed_after_entered', sql`${t.closedAt} is null or ${t.closedAt} >= ${t.enteredAt}`),
    check(
      'stages_durations_non_negative',
      sql`coalesce(${t.queueMs}, 0) >= 0 and coalesce(${t.workMs}, 0) >= 0 and coalesce(${t.totalMs}, 0) >= 0
        and coalesce(${t.businessQueueMs}, 0) >= 0 and coalesce(${t.businessWorkMs}, 0) >= 0
        and coalesce(${t.businessTotalMs}, 0) >= 0 and coalesce(${t.slaTargetMs}, 0) >= 0`,
    ),
    check(
      'stages_held_within_total',
      sql`coalesce(${t.heldMs}, 0) >= 0 and coalesce(${t.businessHeldMs}, 0) >= 0
        and (${t.totalMs} is null or coalesce(${t.heldMs}, 0) <= ${t.totalMs})`,
    ),
    check('stages_closed_has_total', sql`${t.closedAt} is null or ${t.totalMs} is not null`),
    index('stages_open_due_idx')
      .on(t.dueAt)
      .where(sql`${t.closedAt} is null`),
    index('stages_closed_department_idx')
      .on(t.departmentKey, t.closedAt)
      .where(sql`${t.closedAt} is not null`),
    index('stages_assignee_open_idx')
      .on(t.assigneeId)
      .where(sql`${t.closedAt} is null`),
    index('stages_element_idx').on(t.elementId),
  ],
);

/**
 * UTC days whose closed stages changed since their rollup was built. Triggers on `stages` append a
 * row per statement and day (migration 0002); the compactor deletes the rows it has consumed.
 * Append-only, so concurrent stage writers never wait on each other here.
 */
export const stageDayChanges = pgTable(
  'stage_day_changes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    day: date('day', { mode: 'string' }).notNull(),
  },
  (t) => [index('stage_day_changes_day_idx').on(t.day)],
);

/** UTC days whose closed stages are summarised in stage_rollups (valid while no change is pending). */
export const stageRollupDays = pgTable('stage_rollup_days', {
  day: date('day', { mode: 'string' }).primaryKey(),
  compactedAt: ts('compacted_at').notNull().defaultNow(),
});

/**
 * Closed stages summarised per UTC day, ticket type, department, task element and clock, so that
 * duration reports over months read a few thousand rows instead of millions of stages. Counts,
 * sums, bands and SLA figures are exact; `histogram` holds the durations in log-spaced bins
 * (big-endian int32 pairs: bin, count; see api/src/reports/duration-sketch.ts) for percentiles.
 */
export const stageRollups = pgTable(
  'stage_rollups',
  {
    day: date('day', { mode: 'string' })
      .notNull()
      .references(() => stageRollupDays.day, { onDelete: 'cascade' }),
    typeId: text('type_id').notNull(),
    departmentKey: text('department_key'),
    elementId: text('element_id').notNull(),
    taskName: text('task_name').notNull(),
    /** 'wall' or 'business' (business time, wall-clock when the stage has none). */
    clock: text('clock').notNull(),
    /**
     * What is measured: 'elapsed' (entered..closed), 'waiting' (on hold) or 'work' (elapsed minus
     * waiting); see api/src/reports/measures.ts.
     */
    measure: text('measure').notNull().default('elapsed'),
    count: integer('count').notNull(),
    sumMs: doublePrecision('sum_ms').notNull(),
    /** Stages shorter than each duration band's upper bound, in band order. */
    below: integer('below').array().notNull(),
    withTarget: integer('with_target').notNull(),
    met: integer('met').notNull(),
    histogram: bytea('histogram').notNull(),
  },
  (t) => [
    index('stage_rollups_day_idx').on(t.day),
    check('stage_rollups_clock_known', sql`${t.clock} in ('wall', 'business')`),
    check('stage_rollups_measure_known', sql`${t.measure} in ('elapsed', 'work', 'waiting')`),
  ],
);

/** The ticket's timeline. (ticket, seq, ord) makes read-model writes idempotent. */
export const ticketEvents = pgTable(
  'ticket_events',
  {
    ticketId: text('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    /** Engine event sequence number (RunState.seq after the event). */
    seq: integer('seq').notNull(),
    /** Position among the entries one engine event produced. */
    ord: integer('ord').notNull().default(0),
    type: text('type').notNull(),
    at: ts('at').notNull(),
    actorId: text('actor_id'),
    taskId: text('task_id'),
    data: jsonb('data')
      .$type<Record<string, unknown>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
  },
  (t) => [primaryKey({ columns: [t.ticketId, t.seq, t.ord] }), index('ticket_events_at_idx').on(t.at)],
);

export const notifications = pgTable(
  'notifications',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** Deterministic key (ticket, seq, recipient, channel) so a retried activity adds nothing. */
    dedupeKey: text('dedupe_key').notNull().unique(),
    ticketId: text('ticket_id').references(() => tickets.id, { onDelete: 'cascade' }),
    /** The engine step that queued it; a rewritten step drops what it had queued and not delivered. */
    seq: integer('seq'),
    taskId: text('task_id'),
    userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
    email: text('email'),
    channel: text('channel').$type<'email' | 'in_app'>().notNull(),
    template: text('template').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    sentAt: ts('sent_at'),
    /** E-mail outbox (workflows' outbox relay): attempts so far, when to try next, and the lease of
     * the relay sending it now (a crashed relay's lease runs out). */
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at'),
    sendingUntil: ts('sending_until'),
    readAt: ts('read_at'),
    error: text('error'),
    /** Reply-To of an e-mail to a customer: the ticket's thread address, so the answer finds the ticket. */
    replyTo: text('reply_to'),
  },
  (t) => [
    check('notifications_channel_known', sql`${t.channel} in ('email', 'in_app')`),
    index('notifications_user_unread_idx')
      .on(t.userId, t.createdAt)
      .where(sql`${t.readAt} is null`),
    // The outbox: e-mails not delivered yet.
    index('notifications_outbox_idx')
      .on(t.nextAttemptAt, t.id)
      .where(sql`${t.channel} = 'email' and ${t.sentAt} is null`),
  ],
);

/** A notice as the engine asks for it: symbolic recipients (`user:`, `lead:`, `role:`...) and a template. */
/** `clock`: the name of the timing-rule clock the notice is about (absent: a stage's or the ticket's SLA). */
export type EscalationNotice = { to: string[]; template: string; taskId?: string; clock?: string };
export const ESCALATION_RECORDERS = ['workflow', 'watch'] as const;

/**
 * The SLA levels of open clocks, pending and recorded, keyed by (ticket, clock, level, due
 * instant): a level reached again after an extension is another row. recordStep keeps a ticket's
 * pending rows in step with its run, each with the notices its firing will send (computed ahead
 * by the workflow); the escalation watch (workflows/src/escalations) records a level and sends
 * them when it falls due before the workflow got to it. Whichever records it first sends; the
 * other sends nothing again.
 */
export const slaEscalations = pgTable(
  'sla_escalations',
  {
    ticketId: text('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    /** The task id, or `ticket` for the whole ticket's clock. */
    clock: text('clock').notNull(),
    level: text('level').$type<Exclude<SlaLevel, 'ok'>>().notNull(),
    dueAt: ts('due_at').notNull(),
    taskId: text('task_id'),
    notifications: jsonb('notifications').$type<EscalationNotice[]>().notNull(),
    /** The `data` of its ticket.sla_level webhook event (the stage as the step that armed it wrote it). */
    webhookData: jsonb('webhook_data').$type<Record<string, unknown>>().notNull(),
    /** The step that armed it (while pending), or that recorded it (by the workflow). */
    seq: integer('seq').notNull(),
    recordedAt: ts('recorded_at'),
    recordedBy: text('recorded_by').$type<(typeof ESCALATION_RECORDERS)[number]>(),
  },
  (t) => [
    primaryKey({ columns: [t.ticketId, t.clock, t.level, t.dueAt] }),
    check('sla_escalations_level_known', sql`${t.level} in ('warning', 'overdue', 'severe')`),
    check(
      'sla_escalations_recorded_by_known',
      sql`(${t.recordedAt} is null) = (${t.recordedBy} is null) and (${t.recordedBy} is null or ${t.recordedBy} in (${inList(ESCALATION_RECORDERS)}))`,
    ),
    // The watch's scan: pending levels by due instant.
    index('sla_escalations_pending_idx')
      .on(t.dueAt)
      .where(sql`${t.recordedAt} is null`),
  ],
);

export const extensionRequests = pgTable(
  'extension_requests',
  {
    id: text('id').primaryKey(),
    ticketId: text('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    taskId: text('task_id').notNull(),
    requestedBy: text('requested_by')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    extendByMs: ms('extend_by_ms').notNull(),
    reason: text('reason').notNull(),
    status: text('status').$type<ExtensionStatus>().notNull().default('pending'),
    decidedBy: text('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: ts('decided_at'),
    decisionNote: text('decision_note'),
    createdAt: ts('created_at').notNull().defaultNow(),
    /**
     * While a grant asks the engine to move the deadline (no transaction is held across that
     * call), the request is that grant's until this time: another grant or a denial is refused.
     * Null when no grant is under way; a lease, so that a grant cut short by a crash expires.
     */
    grantingUntil: ts('granting_until'),
    /** The time granted, which the lead may set apart from what was asked; null unless granted. */
    grantedMs: ms('granted_ms'),
  },
  (t) => [
    check('extension_requests_positive', sql`${t.extendByMs} > 0`),
    check('extension_requests_granted_positive', sql`${t.grantedMs} is null or ${t.grantedMs} > 0`),
    check('extension_requests_status_known', sql`${t.status} in (${inList(EXTENSION_STATUSES)})`),
    index('extension_requests_ticket_idx').on(t.ticketId, t.taskId),
    // One pending request per task, however many agents ask at once.
    uniqueIndex('extension_requests_one_pending')
      .on(t.ticketId, t.taskId)
      .where(sql`${t.status} = 'pending'`),
  ],
);

export const apiTokens = pgTable('api_tokens', {
  id: text('id').primaryKey(),
  userId: text('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  /** sha256 of the token; the token itself is shown once and never stored. */
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: ts('created_at').notNull().defaultNow(),
  lastUsedAt: ts('last_used_at'),
  revokedAt: ts('revoked_at'),
});

export const sessions = pgTable(
  'sessions',
  {
    /** sha256 of the cookie value. */
    idHash: text('id_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Answers to mutations sent with an Idempotency-Key, replayed on a repeat. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: text('user_id').notNull(),
    key: text('key').notNull(),
    method: text('method').notNull(),
    path: text('path').notNull(),
    requestHash: text('request_hash').notNull(),
    status: integer('status').notNull(),
    body: jsonb('body'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] })],
);

/** Next assignee per department for round-robin assignment. */
export const assignmentCursors = pgTable('assignment_cursors', {
  departmentKey: text('department_key')
    .primaryKey()
    .references(() => departments.key, { onDelete: 'cascade' }),
  lastUserId: text('last_user_id'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const MAIL_DIRECTIONS = ['in', 'out'] as const;
export type MailDirection = (typeof MAIL_DIRECTIONS)[number];
/** How a customer's words came: their e-mail, or the status page's message form. */
export const MAIL_CHANNELS = ['email', 'status-page'] as const;
export type MailChannel = (typeof MAIL_CHANNELS)[number];

/**
 * A ticket's e-mail conversation with its customer: mail received (the one that opened the
 * ticket, replies) and replies sent by agents. Kept apart from the timeline, which only the
 * ticket's run writes.
 */
export const ticketMails = pgTable(
  'ticket_mails',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    ticketId: text('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    direction: text('direction').$type<MailDirection>().notNull(),
    channel: text('channel').$type<MailChannel>().notNull().default('email'),
    /** The Message-ID of a received mail: one delivered twice (a sender's retry) is kept once. */
    messageId: text('message_id').unique(),
    fromAddress: text('from_address').notNull(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** The agent who sent a reply. */
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    /** The outbox row that delivers a reply (its sentAt and error say how delivery went). */
    notificationId: bigint('notification_id', { mode: 'number' }).references(() => notifications.id, {
      onDelete: 'set null',
    }),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [
    check('ticket_mails_direction_known', sql`${t.direction} in (${inList(MAIL_DIRECTIONS)})`),
    check('ticket_mails_channel_known', sql`${t.channel} in (${inList(MAIL_CHANNELS)})`),
    index('ticket_mails_ticket_idx').on(t.ticketId, t.at),
  ],
);

/** Files that came with a received mail, within the intake's size limits. */
export const ticketAttachments = pgTable(
  'ticket_attachments',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    ticketId: text('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    mailId: bigint('mail_id', { mode: 'number' })
      .notNull()
      .references(() => ticketMails.id, { onDelete: 'cascade' }),
    filename: text('filename').notNull(),
    /** As the sender declared it; downloads are always served as attachments, never rendered. */
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    content: bytea('content').notNull(),
  },
  (t) => [index('ticket_attachments_ticket_idx').on(t.ticketId)],
);

/**
 * The reply token of a ticket's e-mail thread. Baton's mail to the customer carries it in its
 * Reply-To address (support+TOKEN@domain) and Message-ID, so an answer finds its ticket by the
 * token, not by its subject. Random: knowing a ticket's number does not let anyone write to it.
 */
export const ticketMailThreads = pgTable('ticket_mail_threads', {
  ticketId: text('ticket_id')
    .primaryKey()
    .references(() => tickets.id, { onDelete: 'cascade' }),
  replyToken: text('reply_token').notNull().unique(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/**
 * The customer's status link of a ticket (/status/TOKEN): 128 random bits, shown to nobody but
 * the customer (it is in Baton's mail to them). Revoking it ends it at once; the next mail
 * carries a new one. One link per ticket is live at a time.
 */
export const ticketStatusLinks = pgTable(
  'ticket_status_links',
  {
    token: text('token').primaryKey(),
    ticketId: text('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    revokedAt: ts('revoked_at'),
  },
  (t) => [
    uniqueIndex('ticket_status_links_one_live')
      .on(t.ticketId)
      .where(sql`${t.revokedAt} is null`),
  ],
);

export const REVIEW_STATUSES = ['none', 'open', 'closed'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/**
 * The customer's satisfaction rating of a finished ticket (1-5 and a comment), one per ticket,
 * with whom it is about (the department and agent of the ticket's last stage when it was rated)
 * and, for a bad rating, the review of the department's manager.
 */
export const ticketRatings = pgTable(
  'ticket_ratings',
  {
    ticketId: text('ticket_id')
      .primaryKey()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    score: integer('score').notNull(),
    comment: text('comment').notNull().default(''),
    ratedAt: ts('rated_at').notNull().defaultNow(),
    departmentKey: text('department_key').references(() => departments.key, { onDelete: 'set null' }),
    agentId: text('agent_id').references(() => users.id, { onDelete: 'set null' }),
    /** Whether the rated stage was late (overdue or severe) when it closed. */
    late: boolean('late').notNull().default(false),
    reviewStatus: text('review_status').$type<ReviewStatus>().notNull().default('none'),
    reviewedBy: text('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
    reviewedAt: ts('reviewed_at'),
    reviewNote: text('review_note'),
  },
  (t) => [
    check('ticket_ratings_score_range', sql`${t.score} between 1 and 5`),
    check('ticket_ratings_review_known', sql`${t.reviewStatus} in (${inList(REVIEW_STATUSES)})`),
    index('ticket_ratings_rated_idx').on(t.ratedAt),
    index('ticket_ratings_open_reviews_idx')
      .on(t.departmentKey)
      .where(sql`${t.reviewStatus} = 'open'`),
  ],
);

/** The ticket events a webhook subscription can follow. */
export const WEBHOOK_EVENTS = [
  'ticket.created',
  'ticket.stage_changed',
  'ticket.sla_level',
  'ticket.done',
  'ticket.rated',
  'ticket.reopened',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/**
 * A URL an admin subscribed to ticket events (of one ticket type, or of all when typeId is null).
 * The secret signs every delivery (HMAC-SHA256); it is shown once, when set, and never answered.
 */
export const webhookSubscriptions = pgTable(
  'webhook_subscriptions',
  {
    id: text('id').primaryKey(),
    url: text('url').notNull(),
    description: text('description').notNull().default(''),
    secret: text('secret').notNull(),
    events: text('events').array().$type<WebhookEvent[]>().notNull(),
    typeId: text('type_id').references(() => ticketTypes.id, { onDelete: 'cascade' }),
    active: boolean('active').notNull().default(true),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('webhook_subscriptions_events_known', sql`${t.events} <@ ARRAY[${inList(WEBHOOK_EVENTS)}]::text[]`),
    check('webhook_subscriptions_events_some', sql`cardinality(${t.events}) > 0`),
  ],
);

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/**
 * One event for one subscription: queued in the transaction that recorded the event (an outbox),
 * then posted by the delivery activity until the receiver answers 2xx or the attempts run out.
 * `eventId` is the event's own key (a rewritten step queues the same keys, which stay queued once).
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    subscriptionId: text('subscription_id')
      .notNull()
      .references(() => webhookSubscriptions.id, { onDelete: 'cascade' }),
    eventId: text('event_id').notNull(),
    event: text('event').$type<WebhookEvent>().notNull(),
    ticketId: text('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    /** The step that recorded the event; null for events from outside the run (ratings). */
    seq: integer('seq'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    status: text('status').$type<WebhookDeliveryStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** When the dispatcher handed it to the delivery activity (null: not yet, or handed back). */
    dispatchedAt: ts('dispatched_at'),
    nextAttemptAt: ts('next_attempt_at'),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    deliveredAt: ts('delivered_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    check('webhook_deliveries_status_known', sql`${t.status} in (${inList(WEBHOOK_DELIVERY_STATUSES)})`),
    uniqueIndex('webhook_deliveries_event_uq').on(t.subscriptionId, t.eventId),
    index('webhook_deliveries_due_idx')
      .on(t.id)
      .where(sql`${t.status} = 'pending' and ${t.dispatchedAt} is null`),
    index('webhook_deliveries_log_idx').on(t.subscriptionId, t.id),
  ],
);

/** The delivery log: every POST of a delivery with what the receiver answered. */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    deliveryId: bigint('delivery_id', { mode: 'number' })
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    attempt: integer('attempt').notNull(),
    at: ts('at').notNull().defaultNow(),
    durationMs: integer('duration_ms').notNull(),
    /** The receiver's HTTP status; null when it never answered (refused, timed out). */
    statusCode: integer('status_code'),
    error: text('error'),
    /** The first characters of the receiver's answer, for the admin reading the log. */
    responseExcerpt: text('response_excerpt'),
  },
  (t) => [uniqueIndex('webhook_attempts_delivery_attempt_uq').on(t.deliveryId, t.attempt)],
);

/**
 * A ticket type's mail templates: what agents start a reply from, and what the flow's
 * `email-customer` service tasks send by key. Subject and body are plain text with placeholders
 * (`{{ticket.number}}`, `{{fields.orderNumber}}` ...), checked when saved (workflows' mail/templates.ts).
 */
export const mailTemplates = pgTable(
  'mail_templates',
  {
    typeId: text('type_id')
      .notNull()
      .references(() => ticketTypes.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    name: text('name').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    updatedBy: text('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.typeId, t.key] })],
);

/**
 * Timing rules, versioned: each save of a rule adds a version, and a ticket is timed by the
 * version of each rule that was current when the ticket was created, so a change never rewrites
 * a clock that a running ticket already counts on. `rule` is the engine's TimingRule without its
 * key; `active` false retires the rule for tickets created after that version.
 */
export const timingRules = pgTable(
  'timing_rules',
  {
    key: text('key').notNull(),
    version: integer('version').notNull(),
    rule: jsonb('rule').$type<Record<string, unknown>>().notNull(),
    active: boolean('active').notNull().default(true),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.key, t.version] }),
    check('timing_rules_version_positive', sql`${t.version} > 0`),
  ],
);

/**
 * A later version of a timing rule applied to a running ticket created under an earlier one: from
 * `appliedAt` its clock counts against that version (the time counted and levels reached stay).
 */
export const timingRuleApplications = pgTable(
  'timing_rule_applications',
  {
    ticketId: text('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    version: integer('version').notNull(),
    appliedBy: text('applied_by').references(() => users.id, { onDelete: 'set null' }),
    appliedAt: ts('applied_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.ticketId, t.key, t.version] }),
    foreignKey({
      columns: [t.key, t.version],
      foreignColumns: [timingRules.key, timingRules.version],
    }).onDelete('cascade'),
  ],
);

export const TICKET_CLOCK_STATES = ['waiting', 'running', 'paused', 'stopped'] as const;
export type TicketClockState = (typeof TICKET_CLOCK_STATES)[number];

/**
 * Each timing-rule clock of a ticket as last measured (workflows/src/timing/rule-clocks.ts): written
 * whenever its facts change, so reports read attainment and counted time without replaying every
 * ticket's timeline. A running clock's `dueAt` is its deadline if it keeps running.
 */
export const ticketClocks = pgTable(
  'ticket_clocks',
  {
    ticketId: text('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    ruleKey: text('rule_key').notNull(),
    /** 1 for the clock's first run; each reopen that starts it again adds a row, one more. */
    cycle: integer('cycle').notNull().default(1),
    version: integer('version').notNull(),
    state: text('state').$type<TicketClockState>().notNull(),
    level: text('level').$type<'ok' | 'warning' | 'overdue' | 'severe'>().notNull(),
    /** Stopped: whether the time counted stayed within the target; null until then. */
    met: boolean('met'),
    targetMs: ms('target_ms').notNull(),
    /** Time counted on the clock's calendar (business time), pauses left out. */
    countedMs: ms('counted_ms').notNull(),
    /** Time paused (waiting on the customer, by the rule's pause triggers). */
    pausedMs: ms('paused_ms').notNull(),
    startedAt: ts('started_at'),
    stoppedAt: ts('stopped_at'),
    dueAt: ts('due_at'),
    measuredAt: ts('measured_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.ticketId, t.ruleKey, t.cycle] }),
    index('ticket_clocks_rule_stopped_idx').on(t.ruleKey, t.stoppedAt),
    check('ticket_clocks_state_known', sql`${t.state} in (${inList(TICKET_CLOCK_STATES)})`),
  ],
);
