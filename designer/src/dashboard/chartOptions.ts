// ECharts options for the dashboard's charts, built from the same API answers as their tables
// (tables.ts). Pure: an option is plain data; EChart.vue draws it.
import { formatDuration } from '../tasks/timeLeft.js';
import type { ChartOption } from './echarts.js';
import type { DepartmentSla, DurationGroup, Handoff, LoadReport, WaitingFigures } from './reportTypes.js';
import type { Clock } from './rangeQuery.js';
import type { DepartmentName } from './tables.js';

const HOUR = 3_600_000;
export const COLOURS = {
  accent: '#2457c5',
  light: '#9db7ea',
  dark: '#172f6b',
  ok: '#1f7a3d',
  okLight: '#8cc084',
  warn: '#e3a03d',
  danger: '#c0272d',
  grid: '#e4e7ec',
  text: '#1d2330',
  muted: '#667085',
};

const TEXT = { color: COLOURS.text, fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' };
export const AXIS_LABEL = { color: COLOURS.muted, fontSize: 11 };
/** Department names on a category axis: long ones cut with an ellipsis (the tooltip has them whole). */
export const categoryLabel = (width: number) => ({ ...AXIS_LABEL, width, overflow: 'truncate' as const });
export const base = (description: string): ChartOption => ({
  textStyle: TEXT,
  animation: false,
  aria: { enabled: true, label: { description } },
});

const MINUTE = 60_000;
/**
 * Durations from a minute to weeks on one axis: the axis holds log10(minutes), so a bar starts at
 * one minute (0) and equal steps are equal ratios; ticks sit at durations people name.
 */
const logMinutes = (ms: number) => Math.log10(Math.max(ms, MINUTE) / MINUTE);
/** Back to ms, to the second (10 ** log10(240) is not quite 240). */
const fromLogMinutes = (value: number) => Math.round(10 ** value * 60) * 1000;
const DURATION_TICKS = [1, 10, 60, 4 * 60, 24 * 60, 7 * 24 * 60].map((m) => Math.log10(m));

/**
 * p50, p90 and p99 per department on a log scale (minutes to days side by side), with each
 * department's SLA targets marked when the clock is business time (targets are business time).
 */
export function durationsOption(
  groups: readonly DurationGroup[],
  targets: Map<string | null, number[]>,
  name: DepartmentName,
  clock: Clock,
): ChartOption {
  const categories = groups.map((g) => name(g.department));
  const bar = (label: string, color: string, pick: (g: DurationGroup) => number) => ({
    type: 'bar' as const,
    name: label,
    itemStyle: { color },
    barMaxWidth: 18,
    data: groups.map((g) => logMinutes(pick(g))),
  });
  const marks =
    clock === 'business'
      ? groups.flatMap((g, index) => (targets.get(g.department) ?? []).map((ms) => [index, logMinutes(ms)]))
      : [];
  const longest = Math.max(
    logMinutes(HOUR),
    ...groups.map((g) => logMinutes(g.p99Ms)),
    ...marks.map((m) => m[1]!),
  );
  return {
    ...base(
      `Stage durations per department in ${clock === 'business' ? 'business' : 'wall-clock'} time: p50, p90 and p99.`,
    ),
    legend: { top: 0, left: 0, textStyle: { fontSize: 12 } },
    grid: { left: 56, right: 12, top: 32, bottom: 40 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (value) => formatDuration(fromLogMinutes(Number(value))),
    },
    xAxis: { type: 'category', data: categories, axisLabel: { ...categoryLabel(96), interval: 0 } },
    yAxis: {
      type: 'value',
      min: 0,
      max: longest + 0.1,
      axisLabel: {
        ...AXIS_LABEL,
        customValues: DURATION_TICKS,
        formatter: (value: number) => formatDuration(fromLogMinutes(value)),
      },
      axisTick: { customValues: DURATION_TICKS },
      splitLine: { lineStyle: { color: COLOURS.grid } },
    },
    series: [
      bar('p50', COLOURS.light, (g) => g.p50Ms),
      bar('p90', COLOURS.accent, (g) => g.p90Ms),
      bar('p99', COLOURS.dark, (g) => g.p99Ms),
      ...(marks.length > 0
        ? [
            {
              type: 'scatter' as const,
              name: 'SLA target',
              symbol: 'rect',
              symbolSize: [58, 3],
              itemStyle: { color: COLOURS.danger },
              z: 5,
              data: marks,
            },
          ]
        : []),
    ],
  };
}

/**
 * Where a duration falls on the band axis: band i spans category positions i - 0.5 .. i + 0.5,
 * and within a band the position grows with the logarithm of the duration (linearly in the first
 * band, which starts at zero).
 */
export function bandPosition(bands: readonly { upToMs: number | null }[], ms: number): number {
  let lower = 0;
  for (const [index, band] of bands.entries()) {
    const upper = band.upToMs;
    if (upper === null) return index - 0.25;
    if (ms < upper) {
      const share = lower === 0 ? ms / upper : Math.log(ms / lower) / Math.log(upper / lower);
      return index - 0.5 + share;
    }
    lower = upper;
  }
  return bands.length - 0.5;
}

export const BAND_ROW_HEIGHT = 190;
/** Histograms per row: four at most, so each stays readable on a laptop screen. */
export const bandColumns = (groups: number) => Math.min(4, Math.max(1, groups));

export const SHORT_BANDS: Record<string, string> = {
  lt10m: '<10m',
  '10m-30m': '10–30m',
  '30m-1h': '30m–1h',
  '1h-4h': '1–4h',
  '4h-8h': '4–8h',
  '8h-24h': '8–24h',
  '1d-3d': '1–3d',
  gt3d: '>3d',
};

/**
 * One small histogram per department (share of its closed stages per duration band), side by
 * side on one scale; bands past the department's tightest target are amber, past 1.3 times it
 * red, and the target is a line among the bands.
 */
export function bandsOption(
  groups: readonly DurationGroup[],
  targets: Map<string | null, number[]>,
  name: DepartmentName,
  clock: Clock,
  /** Height of one row of histograms, px (ECharts grids take pixels or percentages, not both). */
  rowHeight = BAND_ROW_HEIGHT,
): ChartOption {
  const columns = bandColumns(groups.length);
  const cellWidth = 100 / columns;
  const option: ChartOption = {
    ...base(`Share of closed stages per duration band, per department, in ${clock} time.`),
    tooltip: {
      trigger: 'item',
      formatter: (params) => {
        const p = params as unknown as { seriesIndex: number; dataIndex: number };
        const group = groups[p.seriesIndex]!;
        const band = group.histogram[p.dataIndex]!;
        return `${name(group.department)}<br/>${band.label}: ${band.count} of ${group.count} (${share(band.count, group.count)} %)`;
      },
    },
    title: [],
    grid: [],
    xAxis: [],
    yAxis: [],
    series: [],
  };
  const maxShare = Math.max(
    10,
    ...groups.flatMap((g) => g.histogram.map((b) => (g.count ? (b.count / g.count) * 100 : 0))),
  );
  groups.forEach((group, index) => {
    const column = index % columns;
    const row = Math.floor(index / columns);
    const target = clock === 'business' ? targets.get(group.department)?.[0] : undefined;
    const left = column * cellWidth;
    (option.title as object[]).push({
      text: name(group.department),
      subtext: [
        target !== undefined
          ? `SLA ${formatDuration(target)}`
          : clock === 'business'
            ? 'no SLA target'
            : 'wall-clock',
        `p90 ${formatDuration(group.p90Ms)}`,
        `${group.count} closed`,
      ].join(' · '),
      left: `${left + 1}%`,
      top: row * rowHeight,
      textStyle: { fontSize: 12, fontWeight: 600, color: COLOURS.text, width: 200, overflow: 'truncate' },
      subtextStyle: { fontSize: 11, color: COLOURS.muted },
      itemGap: 2,
    });
    (option.grid as object[]).push({
      left: `${left + 3}%`,
      width: `${cellWidth - 5}%`,
      top: row * rowHeight + 44,
      height: rowHeight - 44 - 44,
    });
    (option.xAxis as object[]).push({
      type: 'category',
      gridIndex: index,
      data: group.histogram.map((b) => SHORT_BANDS[b.key] ?? b.label),
      axisLabel: { ...AXIS_LABEL, fontSize: 10, interval: 0, rotate: 45 },
      axisTick: { alignWithLabel: true },
    });
    (option.yAxis as object[]).push({
      type: 'value',
      gridIndex: index,
      max: Math.ceil(maxShare / 10) * 10,
      axisLabel: { ...AXIS_LABEL, fontSize: 10, formatter: '{value} %' },
      splitNumber: 2,
      splitLine: { lineStyle: { color: COLOURS.grid } },
    });
    (option.series as object[]).push({
      type: 'bar',
      xAxisIndex: index,
      yAxisIndex: index,
      barCategoryGap: '15%',
      data: group.histogram.map((band, i) => ({
        value: group.count ? (band.count / group.count) * 100 : 0,
        itemStyle: { color: bandColour(group.histogram, i, target) },
      })),
      ...(target !== undefined
        ? {
            markLine: {
              symbol: 'none',
              silent: true,
              lineStyle: { color: COLOURS.danger, type: 'dashed', width: 1.5 },
              label: { show: false },
              data: [{ xAxis: bandPosition(group.histogram, target) }],
            },
          }
        : {}),
    });
  });
  return option;
}

const share = (count: number, total: number) => (total ? ((count / total) * 100).toFixed(1) : '0.0');

function bandColour(bands: readonly { upToMs: number | null }[], index: number, target: number | undefined) {
  if (target === undefined) return COLOURS.accent;
  const lower = index === 0 ? 0 : (bands[index - 1]!.upToMs ?? 0);
  if (lower >= target * 1.3) return COLOURS.danger;
  if (lower >= target) return COLOURS.warn;
  return COLOURS.accent;
}

/** A second category axis on the right of a horizontal bar chart: one bold label per bar. */
export const rightLabels = (labels: string[], color: string) => ({
  type: 'category' as const,
  data: labels,
  inverse: true,
  position: 'right' as const,
  axisLine: { show: false },
  axisTick: { show: false },
  axisLabel: { color, fontWeight: 600 },
});

/**
 * Closed stages with a target per department, 100 % stacked: met the original target, met only
 * after an extension, overdue, severe. The figure on the right is the original attainment.
 */
export function slaOption(departments: readonly DepartmentSla[], name: DepartmentName): ChartOption {
  const shown = departments.filter((d) => d.withTarget > 0);
  const categories = shown.map((d) => name(d.department));
  const part = (label: string, color: string, pick: (d: DepartmentSla) => number) => ({
    type: 'bar' as const,
    name: label,
    stack: 'sla',
    itemStyle: { color },
    barMaxWidth: 22,
    data: shown.map((d) => (pick(d) / d.withTarget) * 100),
  });
  return {
    ...base(
      'SLA attainment per department: share of closed stages with a target that met the original target, and that met it only after an extension.',
    ),
    legend: { top: 0, left: 0, textStyle: { fontSize: 12 } },
    grid: { left: 130, right: 56, top: 54, bottom: 24 }, // the legend takes two lines on a laptop
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (value) => `${Number(value).toFixed(1)} %`,
    },
    xAxis: {
      type: 'value',
      max: 100,
      axisLabel: { ...AXIS_LABEL, formatter: '{value} %' },
      splitLine: { lineStyle: { color: COLOURS.grid } },
    },
    yAxis: [
      { type: 'category', data: categories, inverse: true, axisLabel: categoryLabel(120) },
      rightLabels(
        shown.map((d) =>
          d.originalAttainment === null ? '—' : `${Math.round(d.originalAttainment * 100)} %`,
        ),
        COLOURS.text,
      ),
    ],
    series: [
      part('Met the original target', COLOURS.ok, (d) => d.met - d.metAfterExtension),
      part('Met after an extension', COLOURS.okLight, (d) => d.metAfterExtension),
      part('Overdue', COLOURS.warn, (d) => d.overdue),
      part('Severely overdue', COLOURS.danger, (d) => d.severe),
    ],
  };
}

/**
 * Waiting share per department (of its closed stages' elapsed time), outliers in red with a flag:
 * a department far above the others puts tickets on hold more than its peers.
 */
export function waitingOption(departments: readonly WaitingFigures[], name: DepartmentName): ChartOption {
  const shown = departments.filter((d) => d.waitingShare !== null);
  return {
    ...base('Time waiting on the customer per department: share of the elapsed time of its closed stages.'),
    grid: { left: 130, right: 56, top: 8, bottom: 24 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (value) => `${Number(value).toFixed(1)} %`,
    },
    xAxis: {
      type: 'value',
      axisLabel: { ...AXIS_LABEL, formatter: '{value} %' },
      splitLine: { lineStyle: { color: COLOURS.grid } },
    },
    yAxis: [
      {
        type: 'category',
        data: shown.map((d) => name(d.department)),
        inverse: true,
        axisLabel: categoryLabel(120),
      },
      rightLabels(
        shown.map((d) => (d.outlier ? '⚑ outlier' : '')),
        COLOURS.danger,
      ),
    ],
    series: [
      {
        type: 'bar',
        name: 'Waiting on the customer',
        barMaxWidth: 18,
        data: shown.map((d) => ({
          value: (d.waitingShare ?? 0) * 100,
          itemStyle: { color: d.outlier ? COLOURS.danger : COLOURS.accent },
        })),
      },
    ],
  };
}

/** From-department rows × to-department columns, coloured by how many tickets went that way. */
export function handoffOption(
  handoffs: readonly Handoff[],
  order: readonly string[],
  name: DepartmentName,
): ChartOption {
  const keyOf = (k: string | null) => k ?? '';
  /** The departments that appear on one side, in the directory's order (unknown ones last). */
  const side = (pick: (h: Handoff) => string | null) => {
    const seen = new Set(handoffs.map((h) => keyOf(pick(h))));
    return [...order.filter((k) => seen.has(k)), ...[...seen].filter((k) => !order.includes(k))];
  };
  const from = side((h) => h.fromDepartment);
  const to = side((h) => h.toDepartment);
  const max = Math.max(1, ...handoffs.map((h) => h.count));
  return {
    ...base('Handoffs between departments: rows hand over to columns; the colour is how many tickets.'),
    grid: { left: 130, right: 16, top: 8, bottom: 86 },
    tooltip: {
      formatter: (params) => {
        const p = params as unknown as { dataIndex: number };
        const h = handoffs[p.dataIndex]!;
        const pickup =
          h.pickupP50Ms === null ? '' : `<br/>picked up after ${formatDuration(h.pickupP50Ms)} (p50)`;
        return `${name(h.fromDepartment)} → ${name(h.toDepartment)}<br/>${h.count} handoffs<br/>gap ${formatDuration(h.gapP50Ms)} (p50), ${formatDuration(h.gapP90Ms)} (p90)${pickup}`;
      },
    },
    xAxis: {
      type: 'category',
      data: to.map((k) => name(k || null)),
      name: 'to',
      nameLocation: 'middle',
      nameGap: 60,
      axisLabel: { ...categoryLabel(84), interval: 0, rotate: 30 },
      splitArea: { show: true },
    },
    yAxis: {
      type: 'category',
      data: from.map((k) => name(k || null)),
      inverse: true,
      axisLabel: categoryLabel(120),
      splitArea: { show: true },
    },
    visualMap: {
      type: 'continuous',
      min: 0,
      max,
      show: false,
      inRange: { color: ['#e8eefb', COLOURS.accent, COLOURS.dark] },
    },
    series: [
      {
        type: 'heatmap',
        label: { show: true, fontSize: 11 },
        data: handoffs.map((h) => [
          to.indexOf(keyOf(h.toDepartment)),
          from.indexOf(keyOf(h.fromDepartment)),
          h.count,
        ]),
      },
    ],
  };
}

/** Open tickets, overdue and unassigned stages per department now. */
export function departmentLoadOption(load: LoadReport['departments'], name: DepartmentName): ChartOption {
  const bar = (label: string, color: string, pick: (d: LoadReport['departments'][number]) => number) => ({
    type: 'bar' as const,
    name: label,
    itemStyle: { color },
    barMaxWidth: 12,
    data: load.map(pick),
  });
  return {
    ...base('Load per department now: open tickets, overdue stages and unassigned stages.'),
    legend: { top: 0, left: 0, textStyle: { fontSize: 12 } },
    grid: { left: 130, right: 16, top: 30, bottom: 24 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: AXIS_LABEL,
      splitLine: { lineStyle: { color: COLOURS.grid } },
    },
    yAxis: {
      type: 'category',
      data: load.map((d) => name(d.department)),
      inverse: true,
      axisLabel: categoryLabel(120),
    },
    series: [
      bar('Open tickets', COLOURS.accent, (d) => d.openTickets),
      bar('Overdue stages', COLOURS.danger, (d) => d.overdue),
      bar('Unassigned stages', COLOURS.warn, (d) => d.unassigned),
    ],
  };
}

/** The busiest agents: open tickets and overdue stages each holds now. */
export function agentLoadOption(load: LoadReport['agents'], limit = 12): ChartOption {
  const shown = load.slice(0, limit);
  return {
    ...base(`Load of the ${shown.length} busiest agents now: open tickets and overdue stages.`),
    legend: { top: 0, left: 0, textStyle: { fontSize: 12 } },
    grid: { left: 110, right: 16, top: 30, bottom: 24 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: AXIS_LABEL,
      splitLine: { lineStyle: { color: COLOURS.grid } },
    },
    yAxis: { type: 'category', data: shown.map((a) => a.name), inverse: true, axisLabel: categoryLabel(100) },
    series: [
      {
        type: 'bar',
        name: 'Open tickets',
        itemStyle: { color: COLOURS.accent },
        barMaxWidth: 12,
        data: shown.map((a) => a.openTickets),
      },
      {
        type: 'bar',
        name: 'Overdue stages',
        itemStyle: { color: COLOURS.danger },
        barMaxWidth: 12,
        data: shown.map((a) => a.overdue),
      },
    ],
  };
}
