// The timing rules a process owner keeps: the list at each rule's latest version, the one chosen
// (by key, NEW_RULE for a new one, the first when none is named) with its versions, what the form
// chooses from (ticket types, calendars, departments), and saving a new version.
import { computed, shallowRef, type Ref } from 'vue';
import { api } from '../api/http.js';
import type { Answer, TimingRuleVersion } from '../api/types.js';
import { ruleBody, type TimingRuleForm } from '../timing/timingRules.js';
import { useAction } from './useAction.js';
import { useResource } from './useResource.js';

const rulePath = (key: string) => `/api/timing-rules/${encodeURIComponent(key)}`;
export const NEW_RULE = '+new';

export function useTimingRules(chosenKey: Ref<string>) {
  const list = useResource(() => api.get<Answer<'/api/timing-rules', 'get'>>('/api/timing-rules'));
  const rules = computed(() => list.data.value?.items ?? []);
  const selected = computed(() =>
    chosenKey.value === NEW_RULE
      ? undefined
      : (rules.value.find((r) => r.key === chosenKey.value) ?? rules.value[0]),
  );
  const creating = computed(
    () => chosenKey.value === NEW_RULE || (list.data.value !== undefined && rules.value.length === 0),
  );
  const chosen = computed(() => (creating.value ? '' : (selected.value?.key ?? '')));
  const choices = useResource(() =>
    Promise.all([
      api.get<Answer<'/api/ticket-types', 'get'>>('/api/ticket-types'),
      api.get<Answer<'/api/calendars', 'get'>>('/api/calendars'),
      api.get<Answer<'/api/departments', 'get'>>('/api/departments'),
    ]).then(([types, calendars, departments]) => ({
      types: types.items,
      calendars: calendars.items,
      departments: departments.items,
    })),
  );
  const versions = useResource(
    () =>
      chosen.value
        ? api.get<Answer<'/api/timing-rules/{key}', 'get'>>(rulePath(chosen.value)).then((a) => a.items)
        : Promise.resolve([] as TimingRuleVersion[]),
    { key: chosen },
  );
  const saving = useAction();
  const applying = useAction();
  /** What the last apply answered, for the rule it was made on. */
  const applied = shallowRef<{ key: string; version: number; tickets: number } | null>(null);

  /** Applies the rule's latest version to the running tickets created under earlier ones. */
  async function apply(key: string): Promise<void> {
    const answer = await applying.run(() =>
      api.post<Answer<'/api/timing-rules/{key}/apply', 'post'>>(`${rulePath(key)}/apply`, {}),
    );
    if (answer) applied.value = { key, ...answer };
  }

  /** Saves the form as the rule's next version; answers it, or undefined when refused (see saving.error). */
  async function save(form: TimingRuleForm): Promise<TimingRuleVersion | undefined> {
    const saved = await saving.run(() =>
      api.put<Answer<'/api/timing-rules/{key}', 'put'>>(rulePath(form.key), ruleBody(form)),
    );
    if (saved) await Promise.all([list.refresh(), versions.refresh()]);
    return saved;
  }

  return {
    rules,
    selected,
    creating,
    listError: list.error,
    loading: list.loading,
    versions,
    ticketTypes: computed(() => choices.data.value?.types ?? []),
    calendars: computed(() => choices.data.value?.calendars ?? []),
    departments: computed(() => choices.data.value?.departments ?? []),
    save,
    saving,
    apply,
    applying,
    applied,
  };
}
