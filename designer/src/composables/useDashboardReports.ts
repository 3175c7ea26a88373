// The dashboard's figures for a view: stage durations in business and wall-clock time (of the
// view's measure: elapsed, work or waiting), SLA attainment, handoffs, load, time waiting on
// customers, the service figures (sources, first-contact resolution, handling time) and first-
// response and resolution times for its range and type, and the stuck stages (now, whatever the
// range). Each is its own resource, so one slow or refused report never blanks the others.
import { computed, type Ref } from 'vue';
import { api } from '../api/http.js';
import type { Answer } from '../api/types.js';
import { reportParams, type DashboardQuery } from '../dashboard/rangeQuery.js';
import type {
  HandoffReport,
  LoadReport,
  ResponseTimesReport,
  RuleClocksReport,
  ServiceReport,
  SlaReport,
  StageDurations,
  StuckStages,
  WaitingReport,
} from '../dashboard/reportTypes.js';
import { departmentNamer } from '../dashboard/tables.js';
import { useResource } from './useResource.js';

/** Stuck stages change as time passes, whatever the range: reloaded this often. */
const STUCK_REFRESH_MS = 60_000;

export function useDashboardReports(view: Ref<DashboardQuery>) {
  const params = computed(() => reportParams(view.value)?.toString());
  /** A report for the view's range; nothing while a custom range is incomplete. */
  const report = <T>(path: string, extra = '') =>
    useResource<T | undefined>(
      async () => (params.value === undefined ? undefined : api.get<T>(`${path}?${params.value}${extra}`)),
      { key: params },
    );

  /** Stage durations on `clock` of the view's measure, reloaded when the range or the measure changes. */
  const measured = computed(() =>
    params.value === undefined ? undefined : `${params.value}&measure=${view.value.measure}`,
  );
  const durations = (clock: 'business' | 'wall') =>
    useResource<StageDurations | undefined>(
      async () =>
        measured.value === undefined
          ? undefined
          : api.get<StageDurations>(`/api/reports/stage-durations?${measured.value}&clock=${clock}`),
      { key: measured },
    );

  const departments = useResource(() => api.get<Answer<'/api/departments', 'get'>>('/api/departments'));
  const ticketTypes = useResource(() => api.get<Answer<'/api/ticket-types', 'get'>>('/api/ticket-types'));
  const name = computed(() => departmentNamer(departments.data.value?.items ?? []));
  /** Department keys in the directory's order (the order charts list them in). */
  const departmentOrder = computed(() => (departments.data.value?.items ?? []).map((d) => d.key));

  return {
    params,
    departments,
    ticketTypes,
    name,
    departmentOrder,
    business: durations('business'),
    wall: durations('wall'),
    sla: report<SlaReport>('/api/reports/sla'),
    handoffs: report<HandoffReport>('/api/reports/handoffs'),
    load: report<LoadReport>('/api/reports/load'),
    waiting: report<WaitingReport>('/api/reports/waiting'),
    service: report<ServiceReport>('/api/reports/service'),
    responseTimes: report<ResponseTimesReport>('/api/reports/response-times'),
    ruleClocks: report<RuleClocksReport>('/api/reports/rule-clocks'),
    stuck: useResource(() => api.get<StuckStages>('/api/stages/stuck?level=overdue&limit=100'), {
      refreshMs: STUCK_REFRESH_MS,
    }),
  };
}
