// The agent actions on one task, as the API's task routes take them, and the buttons the API's
// `actions` of a task allow (the API decides who may do what; the browser only shows it).
import { api } from '../api/http.js';
import type { ActResult, Answer, BodyOf, TaskActions } from '../api/types.js';
import { outcomeLabel } from './outcomes.js';

const path = (taskId: string, action: string) => `/api/tasks/${encodeURIComponent(taskId)}/${action}`;

export const claimTask = (taskId: string) => api.post<ActResult>(path(taskId, 'claim'), {});
/** Completes with `outcome`, or plainly when the task offers no outcomes. */
export const completeTask = (taskId: string, outcome?: string) =>
  api.post<ActResult>(path(taskId, 'complete'), outcome ? { outcome } : {});
export const transferTask = (taskId: string, body: BodyOf<'/api/tasks/{id}/transfer', 'post'>) =>
  api.post<ActResult>(path(taskId, 'transfer'), body);
export const returnTask = (taskId: string, body: BodyOf<'/api/tasks/{id}/return', 'post'> = {}) =>
  api.post<ActResult>(path(taskId, 'return'), body);
export const holdTask = (taskId: string, body: BodyOf<'/api/tasks/{id}/hold', 'post'>) =>
  api.post<ActResult>(path(taskId, 'hold'), body);
export const resumeTask = (taskId: string) => api.post<ActResult>(path(taskId, 'resume'), {});
export const requestExtension = (
  taskId: string,
  body: BodyOf<'/api/tasks/{id}/extension-requests', 'post'>,
) => api.post<Answer<'/api/tasks/{id}/extension-requests', 'post'>>(path(taskId, 'extension-requests'), body);

export type CompletionButton = { test: string; label: string; outcome?: string };

/** One button per outcome the caller may complete with; a plain Complete when it needs none. */
export function completionButtons(actions: TaskActions): CompletionButton[] {
  if (!actions.complete) return [];
  const { outcomes } = actions.complete;
  return outcomes.length
    ? outcomes.map((o) => ({ test: `complete-${o}`, label: outcomeLabel(o), outcome: o }))
    : [{ test: 'complete', label: 'Complete' }];
}
