// The agent actions on one task, as the API's task routes take them (api/src/routes/tasks.ts).
import { api } from '../api/http.js';

const path = (taskId: string, action: string) => `/api/tasks/${encodeURIComponent(taskId)}/${action}`;

export const claimTask = (taskId: string) => api.post(path(taskId, 'claim'), {});

/** Completes with `outcome`, or plainly when the task offers no outcomes. */
export const completeTask = (taskId: string, outcome?: string) =>
  api.post(path(taskId, 'complete'), outcome ? { outcome } : {});

export const returnTask = (taskId: string) => api.post(path(taskId, 'return'), {});
