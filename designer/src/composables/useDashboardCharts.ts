// The dashboard's tables and chart options, computed from its reports (useDashboardReports) and
// the view's clock: one place turns answers into what each panel shows.
import { computed, type Ref } from 'vue';
import {
  agentLoadOption,
  BAND_ROW_HEIGHT,
  bandColumns,
  bandsOption,
  departmentLoadOption,
  durationsOption,
  handoffOption,
  slaOption,
  waitingOption,
} from '../dashboard/chartOptions.js';
import type { DashboardQuery } from '../dashboard/rangeQuery.js';
import { responseBandsOption, responseTimesTable } from '../dashboard/responseTimes.js';
import { ruleClocksOption, ruleClocksTable } from '../dashboard/ruleClocks.js';
import {
  firstContactOption,
  handlingOption,
  serviceTable,
  sourcesOption,
  sourcesTable,
} from '../dashboard/service.js';
import {
  agentLoadTable,
  bandTable,
  departmentLoadTable,
  durationTable,
  handoffTable,
  slaTable,
  stuckTable,
  targetsByDepartment,
  waitingTable,
} from '../dashboard/tables.js';
import type { useDashboardReports } from './useDashboardReports.js';

type Reports = ReturnType<typeof useDashboardReports>;

export function useDashboardCharts(reports: Reports, view: Ref<DashboardQuery>) {
  const name = reports.name;
  const clock = computed(() => view.value.clock);
  const durations = computed(() => (clock.value === 'business' ? reports.business : reports.wall).data.value);
  // SLA targets are of business work time: no mark on time spent waiting.
  const targets = computed(() =>
    view.value.measure === 'waiting'
      ? new Map<string | null, number[]>()
      : targetsByDepartment(reports.business.data.value?.targets ?? []),
  );
  const groups = computed(() => durations.value?.groups ?? []);

  const durationRows = computed(() => {
    const business = reports.business.data.value;
    const wall = reports.wall.data.value;
    return business && wall
      ? durationTable(business.groups, wall.groups, business.targets, name.value)
      : undefined;
  });
  const bandRows = computed(() =>
    durations.value ? bandTable(durations.value.groups, name.value) : undefined,
  );
  const bandHeight = computed(
    () => Math.ceil(groups.value.length / bandColumns(groups.value.length)) * BAND_ROW_HEIGHT,
  );

  // Attainment is of stages with a target closed in the range: departments without any have no figure.
  const sla = computed(() => reports.sla.data.value?.departments.filter((d) => d.withTarget > 0));
  const handoffs = computed(() => reports.handoffs.data.value?.handoffs);
  const load = computed(() => reports.load.data.value);
  const waiting = computed(() => reports.waiting.data.value);
  const service = computed(() => reports.service.data.value);
  const responseTimes = computed(() => reports.responseTimes.data.value);
  const ruleClocks = computed(() => reports.ruleClocks.data.value?.rules);
  /** Rows of a horizontal bar chart: its height grows with them. */
  const barsHeight = (rows: number) => 60 + 30 * rows;

  return {
    durations: {
      table: durationRows,
      option: computed(() => durationsOption(groups.value, targets.value, name.value, clock.value)),
    },
    bands: {
      table: bandRows,
      option: computed(() => bandsOption(groups.value, targets.value, name.value, clock.value)),
      height: bandHeight,
    },
    sla: {
      table: computed(() => (sla.value ? slaTable(sla.value, name.value) : undefined)),
      option: computed(() => slaOption(sla.value ?? [], name.value)),
      height: computed(() => 84 + 30 * (sla.value?.length ?? 0)),
    },
    handoffs: {
      table: computed(() => (handoffs.value ? handoffTable(handoffs.value, name.value) : undefined)),
      option: computed(() => handoffOption(handoffs.value ?? [], reports.departmentOrder.value, name.value)),
    },
    departmentLoad: {
      table: computed(() =>
        load.value ? departmentLoadTable(load.value.departments, name.value) : undefined,
      ),
      option: computed(() => departmentLoadOption(load.value?.departments ?? [], name.value)),
      height: computed(() => 60 + 34 * (load.value?.departments.length ?? 0)),
    },
    agentLoad: {
      table: computed(() => (load.value ? agentLoadTable(load.value.agents) : undefined)),
      option: computed(() => agentLoadOption(load.value?.agents ?? [])),
      height: computed(() => 60 + 26 * Math.min(12, load.value?.agents.length ?? 0)),
    },
    waiting: {
      table: computed(() => (waiting.value ? waitingTable(waiting.value, name.value) : undefined)),
      option: computed(() => waitingOption(waiting.value?.departments ?? [], name.value)),
      height: computed(() => 40 + 30 * (waiting.value?.departments.length ?? 0)),
      /** The agents flagged, for the note under the chart. */
      outliers: computed(() => (waiting.value?.agents ?? []).filter((a) => a.outlier)),
    },
    sources: {
      table: computed(() => (service.value ? sourcesTable(service.value.sources) : undefined)),
      option: computed(() => sourcesOption(service.value?.sources ?? [])),
      height: computed(() => barsHeight(service.value?.sources.length ?? 0)),
    },
    service: {
      table: computed(() => (service.value ? serviceTable(service.value, name.value) : undefined)),
      firstContact: computed(() =>
        firstContactOption(service.value?.firstContact.departments ?? [], name.value),
      ),
      handling: computed(() =>
        handlingOption(service.value?.handling.departments ?? [], name.value, clock.value),
      ),
      /** Both charts side by side, as tall as the longer list. */
      height: computed(() =>
        barsHeight(
          Math.max(
            service.value?.firstContact.departments.length ?? 0,
            service.value?.handling.departments.length ?? 0,
          ),
        ),
      ),
      overall: computed(() => service.value?.firstContact.overall),
    },
    responseTimes: {
      table: computed(() =>
        responseTimes.value ? responseTimesTable(responseTimes.value, name.value) : undefined,
      ),
      firstResponse: computed(() =>
        responseTimes.value
          ? responseBandsOption(responseTimes.value, 'firstResponse', name.value)
          : undefined,
      ),
      resolution: computed(() =>
        responseTimes.value ? responseBandsOption(responseTimes.value, 'resolution', name.value) : undefined,
      ),
    },
    ruleClocks: {
      table: computed(() => (ruleClocks.value ? ruleClocksTable(ruleClocks.value, name.value) : undefined)),
      option: computed(() => (ruleClocks.value ? ruleClocksOption(ruleClocks.value) : undefined)),
      height: computed(() => barsHeight(ruleClocks.value?.length ?? 0) + 20),
    },
    stuck: {
      table: computed(() => {
        const answer = reports.stuck.data.value;
        return answer ? stuckTable(answer.items, reports.stuck.answeredAt.value, name.value) : undefined;
      }),
    },
  };
}
