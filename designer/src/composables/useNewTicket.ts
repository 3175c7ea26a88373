// The new-ticket form: the ticket types that can start a ticket, the form of the chosen type, the
// problems with it (the custom fields by the engine's rule before sending, then whatever the API
// names), and the submit that creates the ticket once however often it is retried.
import { computed, ref, shallowRef, watch } from 'vue';
import { api, fieldErrorsOf } from '../api/http.js';
import type { Answer, Problem, TicketDetail } from '../api/types.js';
import {
  fieldProblems,
  formFor,
  formOrder,
  idempotencyKeys,
  ticketBody,
  type NewTicketForm,
} from '../tickets/newTicket.js';
import { useAction } from './useAction.js';
import { useResource } from './useResource.js';

export function useNewTicket(initialType: () => string | undefined) {
  const types = useResource(() => api.get<Answer<'/api/ticket-types', 'get'>>('/api/ticket-types'));
  /** Only types with a deployed flow can start a ticket. */
  const startable = computed(() => (types.data.value?.items ?? []).filter((t) => t.latestVersion));
  const form = ref<NewTicketForm>(formFor(undefined));
  const type = computed(() => startable.value.find((t) => t.id === form.value.typeId));
  const browserProblems = shallowRef<Record<string, string>>({});
  const { busy, error, run } = useAction();
  const keyFor = idempotencyKeys();

  // The first type (or the one the address names) once the list is in; a new type starts its
  // own fields from its defaults, keeping what was typed for the ticket as a whole.
  watch(startable, (list) => {
    if (form.value.typeId || !list.length) return;
    chooseType(list.find((t) => t.id === initialType())?.id ?? list[0]!.id);
  });
  function chooseType(typeId: string) {
    const next = formFor(startable.value.find((t) => t.id === typeId));
    const { title, customerName, customerEmail } = form.value;
    form.value = { ...next, title, customerName, customerEmail };
    browserProblems.value = {};
    error.value = null;
  }

  /** Every problem by form field name (`title`, `fields.callerPhone`, `customer.email`...). */
  const problems = computed<Record<string, string>>(() => ({
    ...fieldErrorsOf(error.value),
    ...browserProblems.value,
  }));
  const order = computed(() => formOrder(type.value));
  /** The API's problem when none of its errors can be shown beside a field. */
  const unplaced = computed<Problem | null>(() => {
    const p = error.value;
    if (!p) return null;
    const placed = Object.keys(fieldErrorsOf(p)).filter((name) => order.value.includes(name));
    return placed.length && placed.length === (p.errors?.length ?? 0) ? null : p;
  });
  const firstProblem = () => order.value.find((name) => problems.value[name]);

  /** Sends the ticket; resolves to the new ticket, or undefined when a problem stopped it. */
  async function submit(): Promise<TicketDetail | undefined> {
    const chosen = type.value;
    if (!chosen || busy.value) return undefined;
    const body = ticketBody(form.value, chosen);
    browserProblems.value = fieldProblems(body, chosen);
    error.value = null;
    if (Object.keys(browserProblems.value).length) return undefined;
    return run(() => api.post<TicketDetail>('/api/tickets', body, { idempotencyKey: keyFor(body) }));
  }

  return { types, startable, form, type, chooseType, problems, unplaced, firstProblem, busy, submit };
}
