// Direct inserts for report tests: the read model as the runtime would have written it.
import {
  flowVersions,
  HISTORY_IMPORTED_FROM,
  stages,
  tickets,
  ticketTypes,
  type TicketSource,
} from '@baton/db';
import type { Harness } from './harness.js';

export async function insertTicketType(h: Harness, id = 'call', flowVersionId = `${id}-v1`) {
  await h.t.db.insert(ticketTypes).values({ id, name: id });
  await h.t.db
    .insert(flowVersions)
    .values({ id: flowVersionId, ticketTypeId: id, version: 1, xml: '<definitions/>', compiled: {} });
}

export async function insertTicket(
  h: Harness,
  id: string,
  options: {
    typeId?: string;
    flowVersionId?: string;
    createdAt?: Date;
    /** A finished ticket: its status and close time (the ticket stays open without them). */
    finished?: { status: 'done' | 'cancelled'; closedAt: Date };
    /** Absent: null, as tickets from before sources were recorded. */
    source?: TicketSource;
  } = {},
) {
  await h.t.db.insert(tickets).values({
    id,
    typeId: options.typeId ?? 'call',
    flowVersionId: options.flowVersionId ?? 'call-v1',
    title: `ticket ${id}`,
    createdAt: options.createdAt ?? new Date('2026-01-01T00:00:00Z'),
    ...(options.finished ? { status: options.finished.status, closedAt: options.finished.closedAt } : {}),
    source: options.source ?? null,
  });
}

const MIN = 60_000;

export type StageSpec = {
  ticketId: string;
  taskId: string;
  department: string | null;
  elementId?: string;
  name?: string;
  enteredAt: string;
  /** closed = enteredAt + minutes */
  minutes?: number;
  businessMinutes?: number;
  /** Time on hold (waiting on the customer); absent = unknown (null), as rows written before it was kept. */
  heldMinutes?: number;
  businessHeldMinutes?: number;
  slaLevel?: 'ok' | 'warning' | 'overdue' | 'severe';
  slaTargetMinutes?: number;
  /** Extensions granted and the business time the clock counted; absent = unknown (null). */
  slaExtendedMinutes?: number;
  slaConsumedMinutes?: number;
  dueAt?: string;
  assigneeId?: string;
  /** Claimed then: a closed stage's work time is claimed..closed, as the runtime records it. */
  claimedAt?: string;
  /** The work time in the stage's business calendar; absent = the wall-clock work time. */
  businessWorkMinutes?: number;
};

export async function insertStages(h: Harness, specs: StageSpec[]) {
  await h.t.db.insert(stages).values(
    specs.map((s) => {
      const entered = new Date(s.enteredAt);
      const closed = s.minutes === undefined ? null : new Date(entered.getTime() + s.minutes * MIN);
      const claimed = s.claimedAt ? new Date(s.claimedAt) : null;
      const workMs = closed && claimed ? closed.getTime() - claimed.getTime() : null;
      return {
        ticketId: s.ticketId,
        taskId: s.taskId,
        elementId: s.elementId ?? 'Task_Handle',
        name: s.name ?? 'Handle',
        departmentKey: s.department,
        assigneeId: s.assigneeId ?? null,
        enteredAt: entered,
        claimedAt: claimed,
        closedAt: closed,
        workMs,
        businessWorkMs:
          workMs === null ? null : s.businessWorkMinutes === undefined ? workMs : s.businessWorkMinutes * MIN,
        totalMs: s.minutes === undefined ? null : s.minutes * MIN,
        businessTotalMs: s.minutes === undefined ? null : (s.businessMinutes ?? s.minutes) * MIN,
        heldMs: s.heldMinutes === undefined ? null : s.heldMinutes * MIN,
        businessHeldMs: s.businessHeldMinutes === undefined ? null : s.businessHeldMinutes * MIN,
        slaLevel: s.slaLevel ?? 'ok',
        slaTargetMs: s.slaTargetMinutes === undefined ? null : s.slaTargetMinutes * MIN,
        slaExtendedMs: s.slaExtendedMinutes === undefined ? null : s.slaExtendedMinutes * MIN,
        slaConsumedMs: s.slaConsumedMinutes === undefined ? null : s.slaConsumedMinutes * MIN,
        dueAt: s.dueAt ? new Date(s.dueAt) : null,
      };
    }),
  );
}

/**
 * A ticket type `typeId` with the support → refunds test flow deployed (through the API, as a
 * process owner); `edit` changes its XML first (a variant of the flow).
 */
export async function deploySupportRefunds(
  h: Harness,
  typeId = 'refund-request',
  edit: (xml: string) => string = (xml) => xml,
  fields: unknown[] = [{ key: 'orderNumber', label: 'Order number', type: 'text', required: true }],
) {
  const { readFileSync } = await import('node:fs');
  const xml = edit(readFileSync(new URL('./flows/support-refunds.bpmn', import.meta.url), 'utf8'));
  const steps: [string, string, unknown][] = [
    [
      'POST',
      '/api/ticket-types',
      {
        id: typeId,
        name: typeId,
        fields,
      },
    ],
    ['PUT', `/api/ticket-types/${typeId}/flow`, { xml }],
    ['POST', `/api/ticket-types/${typeId}/flow/deploy`, {}],
  ];
  for (const [method, path, body] of steps) {
    const res = await h.call('owner', method, path, body);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  }
  return xml;
}

/** Creates a ticket (as `person`) and returns its id and the global id of its first open task. */
export async function openTicket(
  h: Harness,
  person: Parameters<Harness['call']>[0] = 'admin',
  typeId = 'refund-request',
) {
  const res = await h.call(person, 'POST', '/api/tickets', {
    typeId,
    title: 'Matrix ticket',
    fields: { orderNumber: 'M-1' },
  });
  if (res.status !== 201) throw new Error(`create ticket: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { id: string; openTasks: { id: string }[] };
  return { ticketId: body.id, taskId: body.openTasks[0]!.id };
}

/**
 * A ticket imported from an older system as the demo history writes one (db/src/seed/
 * seed-history.ts), with no engine run: of the deployed type `typeId`, created by `createdBy`,
 * waiting at its Triage task (support, one-hour target, already past it) claimed by `createdBy`.
 * Answers the global id of that task.
 */
export async function insertImportedTicket(
  h: Harness,
  id: string,
  createdBy: string,
  typeId = 'refund-request',
): Promise<string> {
  const { rows } = await h.t.pool.query<{ id: string }>(
    'select id from flow_versions where ticket_type_id = $1 order by version desc limit 1',
    [typeId],
  );
  const now = h.deps.config.now();
  const HOUR = 3_600_000;
  await h.t.db.insert(tickets).values({
    id,
    typeId,
    flowVersionId: rows[0]!.id,
    title: `Imported ${id}`,
    status: 'in_progress',
    fields: { orderNumber: 'OLD-1' },
    createdBy,
    createdAt: new Date(now - 3 * HOUR),
    updatedAt: new Date(now - 3 * HOUR),
    lastSeq: 1,
    importedFrom: HISTORY_IMPORTED_FROM,
  });
  await h.t.db.insert(stages).values({
    ticketId: id,
    taskId: 't1',
    elementId: 'Task_Triage',
    name: 'Triage',
    departmentKey: 'support',
    assigneeId: createdBy,
    enteredAt: new Date(now - 3 * HOUR),
    claimedAt: new Date(now - 3 * HOUR),
    slaTargetMs: HOUR,
    dueAt: new Date(now - 2 * HOUR),
    slaLevel: 'severe',
  });
  return `${id}.t1`;
}
