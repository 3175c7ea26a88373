// What the ticket page shows of one ticket: its detail (fields, open tasks with explained
// deadlines and the caller's actions, stages, timeline), its type's field definitions, and the
// names the timeline and tasks speak of.
import { computed, watch, type Ref } from 'vue';
import { api } from '../api/http.js';
import type { TicketDetail, TicketType } from '../api/types.js';
import { isFinishedTicketStatus } from '@baton/engine';
import type { TimelineNames } from '../tasks/timelineLabels.js';
import { useResource } from './useResource.js';
import { useUserNames } from './useUserNames.js';

export function useTicketView(id: Ref<string>) {
  const ticket = useResource(() => api.get<TicketDetail>(`/api/tickets/${encodeURIComponent(id.value)}`), {
    key: id,
  });
  const typeId = computed(() => ticket.data.value?.type.id);
  const type = useResource(
    () => api.get<TicketType>(`/api/ticket-types/${encodeURIComponent(typeId.value!)}`),
    {
      immediate: false,
    },
  );
  watch(typeId, (now, before) => now && now !== before && void type.refresh(), { immediate: true });

  const nameOf = useUserNames();
  const person = (userId: string | null) => (userId ? nameOf(userId) : 'someone');
  const names = computed<TimelineNames>(() => {
    const tasks = new Map(ticket.data.value?.stages.map((s) => [s.taskId, s.name]));
    return { task: (taskId) => (taskId ? (tasks.get(taskId) ?? taskId) : 'task'), user: person };
  });

  /** The diagram's marks: the tasks the stages ran, the open ones with who has them. */
  const position = computed(() => {
    const t = ticket.data.value;
    return {
      visited: [...new Set(t?.stages.map((s) => s.elementId) ?? [])],
      open: (t?.openTasks ?? []).map((task) => ({
        elementId: task.elementId,
        label: task.held ? 'on hold' : task.assignee ? nameOf(task.assignee) : 'unclaimed',
        level: task.slaLevel,
      })),
      finished: !!t && isFinishedTicketStatus(t.status),
    };
  });

  /** Task ids (within the ticket) with an extension request waiting for the lead. */
  const pendingExtensions = computed(
    () =>
      new Set(
        ticket.data.value?.extensionRequests.filter((x) => x.status === 'pending').map((x) => x.taskId),
      ),
  );

  return { ticket, type, names, person, position, pendingExtensions };
}
