// Notification routes: the caller's in-app notifications (written by the workflows), their unread
// count, and marking one or all of them read.
import type { AppDeps } from '../http/env.js';
import { defineRoute, jsonResponse, newRouter, principalOf, z } from '../http/openapi.js';
import { notFound } from '../http/problem.js';
import { iso } from '../http/schemas.js';
import { globalTaskId, TASK_ID_DESCRIPTION } from '../tasks/task-id.js';
import {
  countUnread,
  listMyNotifications,
  markAllRead,
  markRead,
  type NotificationRow,
} from './my-notifications.js';

const NotificationId = z.object({
  id: z
    .string()
    .regex(/^[1-9]\d{0,17}$/, 'a notification id (digits)')
    .openapi({ example: '42' }),
});

const NotificationSchema = z
  .object({
    id: z.string(),
    ticketId: z.string().nullable(),
    ticketNumber: z.number().int().nullable(),
    taskId: z
      .string()
      .nullable()
      .openapi({ description: `${TASK_ID_DESCRIPTION} Null when it concerns the whole ticket.` }),
    template: z
      .string()
      .openapi({ example: 'sla.overdue', description: 'What it is about (the diagram template).' }),
    subject: z.string(),
    body: z.string(),
    createdAt: z.string(),
    readAt: z.string().nullable().openapi({ description: 'Null while unread.' }),
  })
  .openapi('Notification');

const notificationJson = (n: NotificationRow) => ({
  id: n.id,
  ticketId: n.ticket_id,
  ticketNumber: n.ticket_number === null ? null : Number(n.ticket_number),
  taskId: n.ticket_id && n.task_id ? globalTaskId(n.ticket_id, n.task_id) : null,
  template: n.template,
  subject: n.subject,
  body: n.body,
  createdAt: n.created_at.toISOString(),
  readAt: iso(n.read_at),
});

const UnreadSchema = z.object({ unread: z.number().int() }).openapi('UnreadNotifications');

export function notificationRoutes(deps: AppDeps) {
  const app = newRouter();

  app.openapi(
    defineRoute('authenticated', {
      method: 'get',
      path: '/notifications',
      tags: ['notifications'],
      summary: 'My in-app notifications, newest first, with cursor pagination',
      description: 'Pass `nextCursor` back as `cursor`; `unread=true` keeps the unread ones.',
      request: {
        query: z.object({
          unread: z.enum(['true', 'false']).default('false'),
          cursor: NotificationId.shape.id.optional(),
          limit: z.coerce.number().int().min(1).max(200).default(30),
        }),
      },
      responses: {
        200: jsonResponse(
          z.object({ items: z.array(NotificationSchema), nextCursor: z.string().nullable() }),
          'A page of notifications',
        ),
      },
    }),
    async (c) => {
      const { unread, cursor, limit } = c.req.valid('query');
      const { rows, nextCursor } = await listMyNotifications(deps.pool, principalOf(c).id, {
        limit,
        unread: unread === 'true',
        ...(cursor === undefined ? {} : { cursor }),
      });
      return c.json({ items: rows.map(notificationJson), nextCursor }, 200);
    },
  );

  app.openapi(
    defineRoute('authenticated', {
      method: 'get',
      path: '/notifications/unread-count',
      tags: ['notifications'],
      summary: 'How many of my in-app notifications are unread',
      responses: { 200: jsonResponse(UnreadSchema, 'Unread count') },
    }),
    async (c) => c.json({ unread: await countUnread(deps.pool, principalOf(c).id) }, 200),
  );

  app.openapi(
    defineRoute('authenticated', {
      method: 'post',
      path: '/notifications/{id}/read',
      tags: ['notifications'],
      summary: 'Mark one of my notifications read',
      description: 'Marking it again keeps the first time. Another person’s notification is a 404.',
      request: { params: NotificationId },
      responses: { 200: jsonResponse(NotificationSchema, 'Marked read') },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const row = await markRead(deps.pool, principalOf(c).id, id, new Date(deps.config.now()));
      if (!row) throw notFound('notification', id);
      return c.json(notificationJson(row), 200);
    },
  );

  app.openapi(
    defineRoute('authenticated', {
      method: 'post',
      path: '/notifications/read-all',
      tags: ['notifications'],
      summary: 'Mark all my unread notifications read',
      responses: { 200: jsonResponse(z.object({ marked: z.number().int() }), 'How many were marked') },
    }),
    async (c) =>
      c.json({ marked: await markAllRead(deps.pool, principalOf(c).id, new Date(deps.config.now())) }, 200),
  );

  return app;
}
