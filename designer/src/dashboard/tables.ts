// Every dashboard chart's figures as a table: what its "Table" view shows and its CSV holds, so
// a chart, its table and its download never disagree. Pure functions of the API's answers.
import { formatDuration } from '../tasks/timeLeft.js';
import type {
  DepartmentSla,
  DurationGroup,
  Handoff,
  HeatmapElement,
  LoadReport,
  SlaTarget,
  StuckStage,
  WaitingFigures,
  WaitingReport,
} from './reportTypes.js';

export type Cell = string | number | null;
export type Column = { key: string; label: string; numeric?: boolean };
export type TableModel = { columns: Column[]; rows: Record<string, Cell>[] };

/** Department key -> its name (the key itself for a department the directory does not list). */
export type DepartmentName = (key: string | null) => string;

export const NO_DEPARTMENT = 'No department';

export function departmentNamer(departments: readonly { key: string; name: string }[]): DepartmentName {
  const names = new Map(departments.map((d) => [d.key, d.name]));
  return (key) => (key === null ? NO_DEPARTMENT : (names.get(key) ?? key));
}

export const duration = (ms: number | null | undefined): Cell =>
  ms === null || ms === undefined ? null : formatDuration(ms);
export const percent = (fraction: number | null | undefined): Cell =>
  fraction === null || fraction === undefined ? null : `${(fraction * 100).toFixed(1)} %`;

/** Each department's distinct SLA targets, shortest first. */
export function targetsByDepartment(targets: readonly SlaTarget[]): Map<string | null, number[]> {
  const byDepartment = new Map<string | null, number[]>();
  for (const t of targets) {
    const list = byDepartment.get(t.department) ?? [];
    if (!list.includes(t.slaTargetMs)) list.push(t.slaTargetMs);
    byDepartment.set(
      t.department,
      list.sort((a, b) => a - b),
    );
  }
  return byDepartment;
}

const targetText = (targets: number[] | undefined): Cell =>
  targets?.length ? targets.map((ms) => formatDuration(ms)).join(', ') : null;

/** Percentiles per department in business and wall-clock time side by side. */
export function durationTable(
  business: readonly DurationGroup[],
  wall: readonly DurationGroup[],
  targets: readonly SlaTarget[],
  name: DepartmentName,
): TableModel {
  const wallOf = new Map(wall.map((g) => [g.department, g]));
  const targetOf = targetsByDepartment(targets);
  return {
    columns: [
      { key: 'department', label: 'Department' },
      { key: 'count', label: 'Closed stages', numeric: true },
      { key: 'target', label: 'SLA target (business)' },
      { key: 'p50', label: 'p50 business' },
      { key: 'p90', label: 'p90 business' },
      { key: 'p99', label: 'p99 business' },
      { key: 'wallP50', label: 'p50 wall-clock' },
      { key: 'wallP90', label: 'p90 wall-clock' },
      { key: 'wallP99', label: 'p99 wall-clock' },
    ],
    rows: business.map((g) => {
      const w = wallOf.get(g.department);
      return {
        department: name(g.department),
        count: g.count,
        target: targetText(targetOf.get(g.department)),
        p50: duration(g.p50Ms),
        p90: duration(g.p90Ms),
        p99: duration(g.p99Ms),
        wallP50: duration(w?.p50Ms),
        wallP90: duration(w?.p90Ms),
        wallP99: duration(w?.p99Ms),
      };
    }),
  };
}

/** Closed stages per duration band (the API's bands) and department. */
export function bandTable(groups: readonly DurationGroup[], name: DepartmentName): TableModel {
  const bands = groups[0]?.histogram ?? [];
  return {
    columns: [
      { key: 'department', label: 'Department' },
      ...bands.map((b) => ({ key: b.key, label: b.label, numeric: true })),
      { key: 'count', label: 'All', numeric: true },
    ],
    rows: groups.map((g) => ({
      department: name(g.department),
      ...Object.fromEntries(g.histogram.map((b) => [b.key, b.count])),
      count: g.count,
    })),
  };
}

export function slaTable(departments: readonly DepartmentSla[], name: DepartmentName): TableModel {
  return {
    columns: [
      { key: 'department', label: 'Department' },
      { key: 'originalAttainment', label: 'Met the original target', numeric: true },
      { key: 'attainment', label: 'Met, extensions included', numeric: true },
      { key: 'withTarget', label: 'Closed with a target', numeric: true },
      { key: 'original', label: 'Met in time', numeric: true },
      { key: 'extended', label: 'Met after an extension', numeric: true },
      { key: 'warning', label: 'Met after the warning', numeric: true },
      { key: 'overdue', label: 'Overdue', numeric: true },
      { key: 'severe', label: 'Severely overdue', numeric: true },
      { key: 'openOverdueNow', label: 'Open overdue now', numeric: true },
    ],
    rows: departments.map((d) => ({
      department: name(d.department),
      originalAttainment: percent(d.originalAttainment),
      attainment: percent(d.attainment),
      withTarget: d.withTarget,
      original: d.met - d.metAfterExtension,
      extended: d.metAfterExtension,
      warning: d.warning,
      overdue: d.overdue,
      severe: d.severe,
      openOverdueNow: d.openOverdueNow,
    })),
  };
}

/** Departments, then agents: the share of their closed stages' time spent waiting on the customer. */
export function waitingTable(report: WaitingReport, name: DepartmentName): TableModel {
  const row = (who: string, department: string | null, w: WaitingFigures) => ({
    who,
    department: name(department),
    stages: w.stages,
    held: w.held,
    waiting: duration(w.waitingMs),
    share: percent(w.waitingShare),
    outlier: w.outlier ? 'Far above its peers' : null,
  });
  return {
    columns: [
      { key: 'who', label: 'Department or agent' },
      { key: 'department', label: 'Department' },
      { key: 'stages', label: 'Closed stages', numeric: true },
      { key: 'held', label: 'Put on hold', numeric: true },
      { key: 'waiting', label: 'Waiting on the customer', numeric: true },
      { key: 'share', label: 'Share of elapsed time', numeric: true },
      { key: 'outlier', label: 'Flag' },
    ],
    rows: [
      ...report.departments.map((d) => row(name(d.department), d.department, d)),
      ...report.agents.map((a) => row(a.name, a.department, a)),
    ],
  };
}

export function handoffTable(handoffs: readonly Handoff[], name: DepartmentName): TableModel {
  return {
    columns: [
      { key: 'from', label: 'From' },
      { key: 'to', label: 'To' },
      { key: 'count', label: 'Handoffs', numeric: true },
      { key: 'gapP50', label: 'Gap p50' },
      { key: 'gapP90', label: 'Gap p90' },
      { key: 'pickupP50', label: 'Picked up, p50' },
      { key: 'pickupP90', label: 'Picked up, p90' },
    ],
    rows: handoffs.map((h) => ({
      from: name(h.fromDepartment),
      to: name(h.toDepartment),
      count: h.count,
      gapP50: duration(h.gapP50Ms),
      gapP90: duration(h.gapP90Ms),
      pickupP50: duration(h.pickupP50Ms),
      pickupP90: duration(h.pickupP90Ms),
    })),
  };
}

export function departmentLoadTable(load: LoadReport['departments'], name: DepartmentName): TableModel {
  return {
    columns: [
      { key: 'department', label: 'Department' },
      { key: 'openTickets', label: 'Open tickets', numeric: true },
      { key: 'overdue', label: 'Overdue stages', numeric: true },
      { key: 'unassigned', label: 'Unassigned stages', numeric: true },
      { key: 'closed', label: 'Closed in range', numeric: true },
    ],
    rows: load.map((d) => ({
      department: name(d.department),
      openTickets: d.openTickets,
      overdue: d.overdue,
      unassigned: d.unassigned,
      closed: d.closed,
    })),
  };
}

export function agentLoadTable(load: LoadReport['agents']): TableModel {
  return {
    columns: [
      { key: 'agent', label: 'Agent' },
      { key: 'openTickets', label: 'Open tickets', numeric: true },
      { key: 'overdue', label: 'Overdue stages', numeric: true },
      { key: 'closed', label: 'Closed in range', numeric: true },
    ],
    rows: load.map((a) => ({
      agent: a.name,
      openTickets: a.openTickets,
      overdue: a.overdue,
      closed: a.closed,
    })),
  };
}

export function heatmapTable(elements: readonly HeatmapElement[], name: DepartmentName): TableModel {
  return {
    columns: [
      { key: 'task', label: 'Task' },
      { key: 'department', label: 'Department' },
      { key: 'openNow', label: 'Open now', numeric: true },
      { key: 'done', label: 'Done in range', numeric: true },
      { key: 'p50', label: 'p50 (wall-clock)' },
      { key: 'p90', label: 'p90 (wall-clock)' },
      { key: 'overdue', label: 'Overdue', numeric: true },
    ],
    rows: elements.map((e) => ({
      task: e.name,
      department: name(e.department),
      openNow: e.openNow,
      done: e.done,
      p50: duration(e.p50Ms),
      p90: duration(e.p90Ms),
      overdue: e.overdue,
    })),
  };
}

export function stuckTable(items: readonly StuckStage[], now: number, name: DepartmentName): TableModel {
  return {
    columns: [
      { key: 'ticket', label: 'Ticket' },
      { key: 'task', label: 'Stage' },
      { key: 'department', label: 'Department' },
      { key: 'assignee', label: 'Assignee' },
      { key: 'pastDue', label: 'Past due by' },
      { key: 'ratio', label: 'Time used', numeric: true },
      { key: 'level', label: 'Level' },
    ],
    rows: items.map((s) => ({
      ticket: `#${s.ticketNumber} ${s.ticketTitle}`,
      task: s.name,
      department: name(s.department),
      assignee: s.assignee?.name ?? null,
      pastDue: s.dueAt ? duration(Math.max(0, now - Date.parse(s.dueAt))) : null,
      ratio: s.overdueRatio === null ? null : `${Math.round(s.overdueRatio * 100)} %`,
      level: s.slaLevel,
    })),
  };
}
