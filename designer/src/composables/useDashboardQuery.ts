// The dashboard's view (range, dates, type, clock, heatmap flow) read from the URL and written
// back to it, so a link reproduces the view and Back returns to the previous one.
import { computed } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { dashboardQueryFrom, routeQueryOf, type DashboardQuery } from '../dashboard/rangeQuery.js';

export function useDashboardQuery() {
  const route = useRoute();
  const router = useRouter();
  const view = computed(() => dashboardQueryFrom(route.query));
  /** Changes part of the view; a new range or type is a new history entry, so Back undoes it. */
  const change = (next: Partial<DashboardQuery>) =>
    router.push({ query: routeQueryOf({ ...view.value, ...next }) });
  return { view, change };
}
