// Tasks are addressed globally as `<ticketId>.<taskId>`: ticket ids never contain a dot, the
// engine's task id (unique within its ticket) may.
import { notFound } from '../http/problem.js';

export const globalTaskId = (ticketId: string, taskId: string) => `${ticketId}.${taskId}`;

export function parseTaskId(id: string): { ticketId: string; taskId: string } {
  const dot = id.indexOf('.');
  if (dot <= 0 || dot === id.length - 1) throw notFound('task', id);
  return { ticketId: id.slice(0, dot), taskId: id.slice(dot + 1) };
}

export const TASK_ID_DESCRIPTION =
  'Global task id `<ticketId>.<taskId>`: the ticket id, a dot, then the engine task id within that ticket (as listed by GET /api/tasks and GET /api/tickets/{id}).';
