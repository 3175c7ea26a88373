// The escalation watch: records and notifies SLA levels on time when the workflows lag behind
// their timers. A workflow records a level when its timer fires, one workflow task and one local
// activity per ticket; when a thousand deadlines fall in the same second, a worker on two cores
// gets to the last of them tens of seconds late (workflows/test/real/load.long.test.ts). Each
// recorded step leaves its pending levels in sla_escalations, with the notices their firing will
// send (the engine's own step computed ahead); this watch, beside every worker, reads the levels
// falling due within the next second, resolves their recipients and renders their notices ahead,
// and at the due instant records them all in one transaction. The workflow's own step then finds
// the level recorded and sends nothing again (escalations/levels.ts).
//
// It acts on the read model as last written: a hold or a completion the workflow has taken but not
// yet recorded when a level falls due does not stop that level's notices (the lag it works around).
import {
  type Database,
  type EscalationNotice,
  loggableError,
  slaEscalations,
  stages,
  tickets,
} from '@baton/db';
import { and, asc, eq, isNull, like, lte, notInArray, sql } from 'drizzle-orm';
import type { ActivityContext } from '../activities/context.js';
import {
  type NoticeLookups,
  type NotificationRow,
  type Person,
  insertNotificationRows,
  notificationRows,
} from '../activities/notifications.js';
import { queueTicketsWebhookEvents } from '../webhooks/queue.js';
import type { SlaLevelKey } from '../workflows/records.js';
import { escalationKey, RULE_CLOCK_PREFIX } from './levels.js';

export type EscalationWatchOptions = {
  /** How often to look for levels falling due. Default 250 ms. */
  pollMs?: number;
  /** How far ahead levels are read and their notices prepared. Default 1 s. */
  lookaheadMs?: number;
  /** Levels read per pass. Default 2,000. */
  batchSize?: number;
  /** After a commit that queued e-mails or webhook deliveries (wakes their senders). */
  onQueued?: (queued: { emails: number; webhooks: number }) => void;
  /**
   * Only the timing-rule clocks' levels: beside the in-memory runtime, whose own timers record
   * its runs' levels in-process, no workflow ever records a rule clock's.
   */
  ruleClocksOnly?: boolean;
};

export type EscalationWatch = {
  start(): void;
  /** Stops and waits for the pass under way. */
  stop(): Promise<void>;
  /** One pass now: records the levels due by the end of it; answers how many it recorded. */
  runOnce(): Promise<number>;
};

type DueLevel = SlaLevelKey & {
  ticketId: string;
  taskId: string | null;
  notifications: EscalationNotice[];
  webhookData: Record<string, unknown>;
};

type PreparedLevel = DueLevel & { rows: NotificationRow[] };

/** The levels' keys as sla_escalations names its columns (one JSON parameter of a statement). */
const keyRows = (levels: readonly DueLevel[]) =>
  levels.map((l) => ({
    ticket_id: l.ticketId,
    clock: l.clock,
    level: l.level,
    due_at: new Date(l.dueAt).toISOString(),
  }));

async function readDueLevels(db: Database, horizon: number, batchSize: number, ruleClocksOnly: boolean) {
  return db
    .select({
      ticketId: slaEscalations.ticketId,
      clock: slaEscalations.clock,
      level: slaEscalations.level,
      dueAt: slaEscalations.dueAt,
      taskId: slaEscalations.taskId,
      notifications: slaEscalations.notifications,
      webhookData: slaEscalations.webhookData,
      number: tickets.number,
      title: tickets.title,
      customer: tickets.customer,
      stageName: stages.name,
      stageDepartment: stages.departmentKey,
      stageDueAt: stages.dueAt,
    })
    .from(slaEscalations)
    .innerJoin(tickets, eq(tickets.id, slaEscalations.ticketId))
    .leftJoin(
      stages,
      and(eq(stages.ticketId, slaEscalations.ticketId), eq(stages.taskId, slaEscalations.taskId)),
    )
    .where(
      and(
        isNull(slaEscalations.recordedAt),
        lte(slaEscalations.dueAt, new Date(horizon)),
        // A finished ticket's last step dropped its pending levels; this guards a write that did not.
        notInArray(tickets.status, ['done', 'cancelled']),
        ruleClocksOnly ? like(slaEscalations.clock, `${RULE_CLOCK_PREFIX}%`) : undefined,
      ),
    )
    .orderBy(asc(slaEscalations.dueAt))
    .limit(batchSize);
}

export function createEscalationWatch(
  ctx: ActivityContext,
  options: EscalationWatchOptions = {},
): EscalationWatch {
  const log = ctx.log.child({ module: 'escalation-watch' });
  const pollMs = options.pollMs ?? 250;
  const lookaheadMs = options.lookaheadMs ?? 1_000;
  const batchSize = options.batchSize ?? 2_000;
  let stopping = false;
  let looping: Promise<void> | undefined;
  let wakeSleeper: (() => void) | undefined;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wakeSleeper = undefined;
        resolve();
      }
      wakeSleeper = done;
    });

  /** Recipients and texts, resolved before the levels are due (one lookup per recipient). */
  async function prepare(due: Awaited<ReturnType<typeof readDueLevels>>): Promise<PreparedLevel[]> {
    const people = new Map<string, Promise<Person[]>>();
    return ctx.db.transaction(async (tx) => {
      const prepared: PreparedLevel[] = [];
      for (const row of due) {
        const level: DueLevel = {
          ticketId: row.ticketId,
          clock: row.clock,
          level: row.level,
          dueAt: row.dueAt.getTime(),
          taskId: row.taskId,
          notifications: row.notifications,
          webhookData: row.webhookData,
        };
        const lookups: NoticeLookups = {
          people,
          ...(row.stageName === null
            ? {}
            : {
                stageOf: () => ({
                  name: row.stageName as string,
                  department: row.stageDepartment,
                  dueAt: row.stageDueAt,
                }),
              }),
        };
        const summary = {
          id: row.ticketId,
          number: row.number,
          title: row.title,
          ...(row.customer.email ? { customerEmail: row.customer.email } : {}),
        };
        const rows = await notificationRows(
          ctx,
          tx,
          summary,
          { escalation: escalationKey(level) },
          row.notifications,
          lookups,
        );
        prepared.push({ ...level, rows });
      }
      return prepared;
    });
  }

  /** Records the levels still pending (none locked by a step being written), with their notices. */
  async function commit(levels: PreparedLevel[]): Promise<number> {
    const keys = keyRows(levels);
    const result = await ctx.db.transaction(async (tx) => {
      const pending = await tx.execute<{
        ticket_id: string;
        clock: string;
        level: string;
        due_ms: string;
      }>(sql`
        select e.ticket_id, e.clock, e.level, (extract(epoch from e.due_at) * 1000)::bigint::text as due_ms
        from ${slaEscalations} e
        join jsonb_to_recordset(${JSON.stringify(keys)}::jsonb)
          as k(ticket_id text, clock text, level text, due_at timestamptz)
          on e.ticket_id = k.ticket_id and e.clock = k.clock and e.level = k.level and e.due_at = k.due_at
        where e.recorded_at is null
        for update of e skip locked`);
      const still = new Set(pending.rows.map((r) => `${r.ticket_id}|${r.clock}|${r.level}|${r.due_ms}`));
      const recording = levels.filter((l) => still.has(`${l.ticketId}|${l.clock}|${l.level}|${l.dueAt}`));
      if (recording.length === 0) return { recorded: 0, emails: 0, webhooks: 0 };
      const notices = await insertNotificationRows(
        tx,
        recording.flatMap((l) => l.rows),
      );
      const webhooks = await queueTicketsWebhookEvents(
        tx,
        recording.map((l) => ({
          ticketId: l.ticketId,
          seq: null,
          eventId: `${l.ticketId}:${escalationKey(l)}`,
          event: 'ticket.sla_level' as const,
          at: l.dueAt,
          data: l.webhookData,
        })),
      );
      const recordedKeys = keyRows(recording);
      await tx.execute(sql`
        update ${slaEscalations} e set recorded_at = clock_timestamp(), recorded_by = 'watch'
        from jsonb_to_recordset(${JSON.stringify(recordedKeys)}::jsonb)
          as k(ticket_id text, clock text, level text, due_at timestamptz)
        where e.ticket_id = k.ticket_id and e.clock = k.clock and e.level = k.level and e.due_at = k.due_at`);
      return { recorded: recording.length, emails: notices.emails, webhooks };
    });
    if (result.emails > 0 || result.webhooks > 0)
      options.onQueued?.({ emails: result.emails, webhooks: result.webhooks });
    return result.recorded;
  }

  async function runOnce(): Promise<number> {
    const due = await readDueLevels(
      ctx.db,
      Date.now() + lookaheadMs,
      batchSize,
      options.ruleClocksOnly ?? false,
    );
    if (due.length === 0) return 0;
    const prepared = await prepare(due);
    const first = prepared[0]!.dueAt;
    if (first > Date.now()) await sleep(first - Date.now());
    if (stopping) return 0;
    const now = Date.now();
    const dueNow = prepared.filter((level) => level.dueAt <= now);
    const recorded = await commit(dueNow);
    if (recorded > 0)
      log.info(
        {
          levels: recorded,
          lagMs: Date.now() - first,
          commitMs: Date.now() - now,
          prepared: prepared.length,
        },
        'recorded SLA levels ahead of their workflows',
      );
    return recorded;
  }

  async function loop(): Promise<void> {
    while (!stopping) {
      let recorded = 0;
      try {
        recorded = await runOnce();
      } catch (error) {
        log.warn({ err: loggableError(error) }, 'escalation watch pass failed; trying again');
      }
      // Straight on after a pass that recorded: more may have fallen due meanwhile.
      if (recorded === 0 && !stopping) await sleep(pollMs);
    }
  }

  return {
    start() {
      stopping = false;
      looping ??= loop().finally(() => {
        looping = undefined;
      });
    },
    async stop() {
      stopping = true;
      wakeSleeper?.();
      await looping;
    },
    runOnce,
  };
}
