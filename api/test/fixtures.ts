// Direct inserts for report tests: the read model as the runtime would have written it.
import { flowVersions, stages, tickets, ticketTypes } from '@baton/db';
import type { Harness } from './harness.js';

export async function insertTicketType(h: Harness, id = 'call', flowVersionId = `${id}-v1`) {
  await h.t.db.insert(ticketTypes).values({ id, name: id });
  await h.t.db.insert(flowVersions).values({ id: flowVersionId, ticketTypeId: id, version: 1, xml: '<definitions/>', compiled: {} });
}

export async function insertTicket(h: Harness, id: string, options: { typeId?: string; flowVersionId?: string; createdAt?: Date } = {}) {
  await h.t.db.insert(tickets).values({
    id,
    typeId: options.typeId ?? 'call',
    flowVersionId: options.flowVersionId ?? 'call-v1',
    title: `ticket ${id}`,
    createdAt: options.createdAt ?? new Date('2026-01-01T00:00:00Z'),
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
  slaLevel?: 'ok' | 'warning' | 'overdue' | 'severe';
  slaTargetMinutes?: number;
  dueAt?: string;
  assigneeId?: string;
};

export async function insertStages(h: Harness, specs: StageSpec[]) {
  await h.t.db.insert(stages).values(
    specs.map((s) => {
      const entered = new Date(s.enteredAt);
      const closed = s.minutes === undefined ? null : new Date(entered.getTime() + s.minutes * MIN);
      return {
        ticketId: s.ticketId,
        taskId: s.taskId,
        elementId: s.elementId ?? 'Task_Handle',
        name: s.name ?? 'Handle',
        departmentKey: s.department,
        assigneeId: s.assigneeId ?? null,
        enteredAt: entered,
        closedAt: closed,
        totalMs: s.minutes === undefined ? null : s.minutes * MIN,
        businessTotalMs: s.minutes === undefined ? null : (s.businessMinutes ?? s.minutes) * MIN,
        slaLevel: s.slaLevel ?? 'ok',
        slaTargetMs: s.slaTargetMinutes === undefined ? null : s.slaTargetMinutes * MIN,
        dueAt: s.dueAt ? new Date(s.dueAt) : null,
      };
    }),
  );
}
