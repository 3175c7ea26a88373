// A ticket type's mail templates for its editor: loaded with the placeholders the API offers,
// saved (create or replace by key) and deleted, the list reloaded after each change.
import type { Ref } from 'vue';
import { api } from '../api/http.js';
import type { Answer, BodyOf } from '../api/types.js';
import { useAction } from './useAction.js';
import { useResource } from './useResource.js';

type Listed = Answer<'/api/ticket-types/{id}/mail-templates', 'get'>;
export type MailTemplate = Listed['items'][number];
export type MailTemplateBody = BodyOf<'/api/ticket-types/{id}/mail-templates/{key}', 'put'>;

export function useMailTemplates(typeId: Ref<string>) {
  const path = () => `/api/ticket-types/${encodeURIComponent(typeId.value)}/mail-templates`;
  const templates = useResource(() => api.get<Listed>(path()), { key: typeId });
  const saving = useAction();
  const removing = useAction();

  async function save(key: string, body: MailTemplateBody): Promise<MailTemplate | undefined> {
    const saved = await saving.run(() => api.put<MailTemplate>(`${path()}/${encodeURIComponent(key)}`, body));
    if (saved) await templates.refresh();
    return saved;
  }

  async function remove(key: string): Promise<boolean> {
    const done = await removing.run(() => api.del<void>(`${path()}/${encodeURIComponent(key)}`));
    if (done === undefined && removing.error.value) return false;
    await templates.refresh();
    return true;
  }

  return { templates, saving, removing, save, remove };
}
