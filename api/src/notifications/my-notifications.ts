// A person's in-app notifications, as the workflows' notification activity writes them
// (workflows/src/activities/notifications.ts): newest first with a cursor, the unread count, and
// marking them read. Only the recipient sees or marks a notification; anyone else's id is a 404.
import type { Queryable } from '../sql/queryable.js';
import { sqlParameters } from '../sql/parameters.js';

export type NotificationRow = {
  id: string;
  ticket_id: string | null;
  ticket_number: string | null;
  task_id: string | null;
  template: string;
  subject: string;
  body: string;
  created_at: Date;
  read_at: Date | null;
};

const MINE = "n.channel = 'in_app' and n.user_id =";

const SELECT = `select n.id::text as id, n.ticket_id, t.number::text as ticket_number, n.task_id, n.template,
    n.subject, n.body, n.created_at, n.read_at
  from notifications n left join tickets t on t.id = n.ticket_id`;

/** A page of the user's notifications, newest first, and the cursor of the next page (null on the last). */
export async function listMyNotifications(
  pool: Queryable,
  userId: string,
  page: { cursor?: string; limit: number; unread: boolean },
): Promise<{ rows: NotificationRow[]; nextCursor: string | null }> {
  const params = sqlParameters();
  const where = [`${MINE} ${params.add(userId)}`];
  if (page.unread) where.push('n.read_at is null');
  // Ids grow with every insert, so the id orders them and is the cursor.
  if (page.cursor !== undefined) where.push(`n.id < ${params.add(page.cursor)}::bigint`);
  const { rows } = await pool.query<NotificationRow>(
    `${SELECT} where ${where.join(' and ')} order by n.id desc limit ${params.add(page.limit + 1)}`,
    params.values,
  );
  const more = rows.length > page.limit;
  const shown = more ? rows.slice(0, page.limit) : rows;
  return { rows: shown, nextCursor: more ? shown.at(-1)!.id : null };
}

export async function countUnread(pool: Queryable, userId: string): Promise<number> {
  const { rows } = await pool.query<{ unread: number }>(
    `select count(*)::int as unread from notifications n where ${MINE} $1 and n.read_at is null`,
    [userId],
  );
  return rows[0]!.unread;
}

/** Marks one of the user's notifications read (a second time keeps the first time); undefined: not theirs. */
export async function markRead(
  pool: Queryable,
  userId: string,
  id: string,
  now: Date,
): Promise<NotificationRow | undefined> {
  const { rowCount } = await pool.query(
    `update notifications n set read_at = coalesce(n.read_at, $3) where n.id = $2::bigint and ${MINE} $1`,
    [userId, id, now],
  );
  if (!rowCount) return undefined;
  const { rows } = await pool.query<NotificationRow>(`${SELECT} where n.id = $1::bigint`, [id]);
  return rows[0];
}

/** Marks every unread notification of the user read; answers how many it marked. */
export async function markAllRead(pool: Queryable, userId: string, now: Date): Promise<number> {
  const { rowCount } = await pool.query(
    `update notifications n set read_at = $2 where ${MINE} $1 and n.read_at is null`,
    [userId, now],
  );
  return rowCount ?? 0;
}
