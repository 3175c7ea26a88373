// The webhook subscriptions an admin or developer keeps: the list with its delivery counts, the
// ticket types a subscription may be limited to, and the changes (create, edit, pause or resume,
// rotate the secret, delete). A secret the API answers (once) is kept here until dismissed.
// useDeliveryLog pages one subscription's deliveries and sends one again.
import { computed, shallowRef, type Ref } from 'vue';
import { api } from '../api/http.js';
import type {
  Answer,
  BodyOf,
  WebhookDelivery,
  WebhookDeliveryStatus,
  WebhookSubscription,
} from '../api/types.js';
import { webhookBody, type DeliveryFilter, type WebhookForm } from '../webhooks/webhooks.js';
import { useAction } from './useAction.js';
import { useCursorPages } from './useCursorPages.js';
import { useResource } from './useResource.js';

type Created = Answer<'/api/webhooks', 'post'>;
type Changed = Answer<'/api/webhooks/{id}', 'patch'>;
type Change = BodyOf<'/api/webhooks/{id}', 'patch'>;

/** The secret answered by a creation or a rotation: the API never shows it again. */
export type ShownSecret = {
  subscriptionId: string;
  url: string;
  secret: string;
  reason: 'created' | 'rotated';
};

const subscriptionPath = (id: string) => `/api/webhooks/${encodeURIComponent(id)}`;

export function useWebhooks() {
  const list = useResource(() => api.get<Answer<'/api/webhooks', 'get'>>('/api/webhooks'));
  const types = useResource(() => api.get<Answer<'/api/ticket-types', 'get'>>('/api/ticket-types'));
  const subscriptions = computed<WebhookSubscription[]>(() => list.data.value?.items ?? []);
  const ticketTypes = computed(() => types.data.value?.items ?? []);
  const secret = shallowRef<ShownSecret | null>(null);
  // Apart, so the form's field errors and a row's refusal each show where they belong.
  const saving = useAction();
  const changing = useAction();

  async function create(form: WebhookForm): Promise<WebhookSubscription | undefined> {
    const body: BodyOf<'/api/webhooks', 'post'> = webhookBody(form);
    const made = await saving.run(() => api.post<Created>('/api/webhooks', body));
    if (!made) return undefined;
    secret.value = { subscriptionId: made.id, url: made.url, secret: made.secret, reason: 'created' };
    await list.refresh();
    return made;
  }

  async function save(id: string, form: WebhookForm): Promise<boolean> {
    const body: Change = webhookBody(form);
    const changed = await saving.run(() => api.patch<Changed>(subscriptionPath(id), body));
    if (!changed) return false;
    await list.refresh();
    return true;
  }

  async function change(id: string, body: Change): Promise<Changed | undefined> {
    const changed = await changing.run(() => api.patch<Changed>(subscriptionPath(id), body));
    if (changed) await list.refresh();
    return changed;
  }

  const setActive = (id: string, active: boolean) => change(id, { active });

  async function rotateSecret(id: string): Promise<boolean> {
    const changed = await change(id, { rotateSecret: true });
    if (!changed?.secret) return false;
    secret.value = { subscriptionId: id, url: changed.url, secret: changed.secret, reason: 'rotated' };
    return true;
  }

  async function remove(id: string): Promise<boolean> {
    const done = await changing.run(async () => {
      await api.del<void>(subscriptionPath(id));
      return true;
    });
    if (!done) return false;
    if (secret.value?.subscriptionId === id) secret.value = null;
    await list.refresh();
    return true;
  }

  return {
    list,
    subscriptions,
    ticketTypes,
    typesError: types.error,
    /** A ticket type's name for its id ("All types" for none, the id while unknown). */
    typeName: (typeId: string | null) =>
      typeId ? (ticketTypes.value.find((t) => t.id === typeId)?.name ?? typeId) : 'All types',
    secret,
    saving,
    changing,
    create,
    save,
    setActive,
    rotateSecret,
    remove,
  };
}

export type Webhooks = ReturnType<typeof useWebhooks>;

type DeliveryPage = Answer<'/api/webhooks/{id}/deliveries', 'get'>;

/** One subscription's delivery log, newest first, filtered by status; a new filter starts over. */
export function useDeliveryLog(subscriptionId: Readonly<Ref<string>>, filter: Readonly<Ref<DeliveryFilter>>) {
  const log = useCursorPages<WebhookDelivery>(
    (cursor) => {
      const query = new URLSearchParams({ limit: '20' });
      if (cursor) query.set('cursor', cursor);
      const status: WebhookDeliveryStatus | undefined = filter.value === 'all' ? undefined : filter.value;
      if (status) query.set('status', status);
      return api.get<DeliveryPage>(`${subscriptionPath(subscriptionId.value)}/deliveries?${query}`);
    },
    { key: () => `${subscriptionId.value} ${filter.value}` },
  );
  const redelivering = useAction();

  async function redeliver(deliveryId: string): Promise<boolean> {
    const path = `${subscriptionPath(subscriptionId.value)}/deliveries/${encodeURIComponent(deliveryId)}/redeliver`;
    const done = await redelivering.run(async () => {
      await api.post<void>(path);
      return true;
    });
    if (done) await log.refresh();
    return !!done;
  }

  return { log, redelivering, redeliver };
}
