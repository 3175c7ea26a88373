// The dashboard's view lives in its URL (time range, custom dates, ticket type, clock, measure), so a link
// reproduces it; these turn the route query into report parameters and back.
import type { DurationMeasure, RangePreset } from './reportTypes.js';

/** Every preset the API offers, in picker order; typed against the API's list, so a new one fails here. */
export const RANGE_LABELS: Record<RangePreset, string> = {
  today: 'Today',
  yesterday: 'Yesterday',
  'this-week': 'This week',
  'last-week': 'Last week',
  'this-month': 'This month',
  'last-month': 'Last month',
  'this-year': 'This year',
  'last-year': 'Last year',
  custom: 'Custom dates',
};
export const RANGE_PRESETS = Object.keys(RANGE_LABELS) as RangePreset[];

export type Clock = 'business' | 'wall';

/** Every measure the API offers, in picker order, with its label; typed against the API's list. */
export const MEASURE_LABELS: Record<DurationMeasure, string> = {
  elapsed: 'Elapsed',
  work: 'Work',
  waiting: 'Waiting',
};
const MEASURES = Object.keys(MEASURE_LABELS) as DurationMeasure[];
const isMeasure = (value: unknown): value is DurationMeasure =>
  typeof value === 'string' && (MEASURES as string[]).includes(value);

export type DashboardQuery = {
  range: RangePreset;
  /** range=custom: local dates YYYY-MM-DD, both days included. */
  from: string;
  to: string;
  /** '' = every ticket type. */
  typeId: string;
  clock: Clock;
  /** Of each stage: elapsed time, work (elapsed minus time on hold) or waiting (on hold). */
  measure: DurationMeasure;
  /** The flow heatmap's ticket type and version ('' = the first type, its latest version). */
  flowType: string;
  flowVersion: string;
};

export const DEFAULT_QUERY: DashboardQuery = {
  range: 'this-month',
  from: '',
  to: '',
  typeId: '',
  clock: 'business',
  measure: 'elapsed',
  flowType: '',
  flowVersion: '',
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isPreset = (value: unknown): value is RangePreset =>
  typeof value === 'string' && (RANGE_PRESETS as string[]).includes(value);

/** The view a route query asks for; unknown values fall back to the defaults, never an error. */
export function dashboardQueryFrom(query: Record<string, unknown>): DashboardQuery {
  const text = (key: string) => (typeof query[key] === 'string' ? (query[key] as string) : '');
  return {
    range: isPreset(query.range) ? query.range : DEFAULT_QUERY.range,
    from: DATE.test(text('from')) ? text('from') : '',
    to: DATE.test(text('to')) ? text('to') : '',
    typeId: text('type'),
    clock: text('clock') === 'wall' ? 'wall' : 'business',
    measure: isMeasure(query.measure) ? query.measure : DEFAULT_QUERY.measure,
    flowType: text('flow'),
    flowVersion: text('version'),
  };
}

/** The route query for a view: defaults left out, dates only for a custom range. */
export function routeQueryOf(view: DashboardQuery): Record<string, string> {
  const query: Record<string, string> = {};
  if (view.range !== DEFAULT_QUERY.range) query.range = view.range;
  if (view.range === 'custom') {
    if (view.from) query.from = view.from;
    if (view.to) query.to = view.to;
  }
  if (view.typeId) query.type = view.typeId;
  if (view.clock !== DEFAULT_QUERY.clock) query.clock = view.clock;
  if (view.measure !== DEFAULT_QUERY.measure) query.measure = view.measure;
  if (view.flowType) query.flow = view.flowType;
  if (view.flowVersion) query.version = view.flowVersion;
  return query;
}

/** Why a custom range cannot be asked for yet; undefined when the view can be. */
export function incompleteRange(view: DashboardQuery): string | undefined {
  if (view.range !== 'custom') return undefined;
  if (!view.from || !view.to) return 'Pick a first and a last day for the custom range.';
  if (view.to < view.from) return 'The last day is before the first day.';
  return undefined;
}

/** Report query parameters (range, dates, type) for the API; undefined while the range is incomplete. */
export function reportParams(view: DashboardQuery): URLSearchParams | undefined {
  if (incompleteRange(view)) return undefined;
  const params = new URLSearchParams({ range: view.range });
  if (view.range === 'custom') {
    params.set('from', view.from);
    params.set('to', view.to);
  }
  if (view.typeId) params.set('typeId', view.typeId);
  return params;
}

/** The days a resolved range covers, in the zone it was resolved in: "1 Dec 2026 – 31 Dec 2026". */
export function rangeText(range: { from: string; to: string; timeZone: string }): string {
  const day = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: range.timeZone,
  });
  const first = day.format(new Date(range.from));
  // `to` is exclusive: the range's last day is the one that ends at it.
  const last = day.format(new Date(Date.parse(range.to) - 1));
  return first === last ? first : `${first} – ${last}`;
}
