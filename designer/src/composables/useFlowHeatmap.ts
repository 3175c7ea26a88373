// The flow heatmap's data: the chosen ticket type's deployed versions, the chosen version's
// diagram, and its per-element figures for the view's range.
import { computed, type Ref } from 'vue';
import { api } from '../api/http.js';
import type { Answer, FlowVersion, TicketType } from '../api/types.js';
import { reportParams, type DashboardQuery } from '../dashboard/rangeQuery.js';
import type { Heatmap } from '../dashboard/reportTypes.js';
import { useResource } from './useResource.js';

type Versions = Answer<'/api/ticket-types/{id}/flow/versions', 'get'>;

export function useFlowHeatmap(view: Ref<DashboardQuery>, types: Ref<readonly TicketType[]>) {
  /** Types with a deployed flow; the view's type, else the dashboard's type filter, else the first. */
  const deployed = computed(() => types.value.filter((t) => t.latestVersion));
  const typeId = computed(
    () =>
      [view.value.flowType, view.value.typeId].find((id) => deployed.value.some((t) => t.id === id)) ??
      deployed.value[0]?.id ??
      '',
  );
  const versions = useResource<Versions | undefined>(
    async () =>
      typeId.value
        ? api.get<Versions>(`/api/ticket-types/${encodeURIComponent(typeId.value)}/flow/versions`)
        : undefined,
    { key: typeId },
  );
  /** The view's version when it is one of the type's, else the latest. */
  const versionId = computed(() => {
    const items = versions.data.value?.items ?? [];
    return (
      items.find((v) => v.id === view.value.flowVersion)?.id ??
      [...items].sort((a, b) => b.version - a.version)[0]?.id ??
      ''
    );
  });
  const diagram = useResource<FlowVersion | undefined>(
    async () =>
      versionId.value
        ? api.get<FlowVersion>(`/api/flow-versions/${encodeURIComponent(versionId.value)}`)
        : undefined,
    { key: versionId },
  );
  /** The heatmap request for the version and the view's range (the type filter does not apply: the version is one type). */
  const heatmapUrl = computed(() => {
    const params = reportParams({ ...view.value, typeId: '' });
    return params && versionId.value
      ? `/api/flow-versions/${encodeURIComponent(versionId.value)}/heatmap?${params.toString()}`
      : undefined;
  });
  const heatmap = useResource<Heatmap | undefined>(
    async () => (heatmapUrl.value ? api.get<Heatmap>(heatmapUrl.value) : undefined),
    { key: heatmapUrl },
  );
  return { deployed, typeId, versions, versionId, diagram, heatmap };
}
