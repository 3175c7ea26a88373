// What the customer's status page shows: the ticket's state in the customer's words, the
// department working on it, when it is expected to be done (from its open clocks), and the
// conversation. Nothing internal: no internal notes, no ids but the number, and no agent names
// unless the admin allows them (BATON_STATUS_PAGE_AGENT_NAMES).
import type { Pool } from 'pg';
import { isFinished } from '../tickets/ticket-status.js';

export type CustomerState = 'in-progress' | 'waiting-for-you' | 'done' | 'cancelled';

export type CustomerStatus = {
  number: number;
  title: string;
  state: CustomerState;
  openedAt: string;
  closedAt: string | null;
  /** Names of the departments working on it now. */
  departments: string[];
  /** Who is working on it now, when the admin allows names on the page; else empty. */
  agents: string[];
  /** When it is expected to be done; null when done, or while it waits for the customer. */
  expectedBy: string | null;
  /** How expectedBy was found, in the customer's words. */
  expectation: string;
  messages: { from: 'you' | 'support'; text: string; at: string }[];
  /** The customer may add a message while the ticket is open. */
  canWrite: boolean;
  /** Their rating, once given. */
  rating: { score: number; comment: string } | null;
  /** Done and not rated yet: the page asks for a rating. */
  canRate: boolean;
};

type Row = {
  number: string;
  title: string;
  status: string;
  created_at: Date;
  closed_at: Date | null;
  sla_due_at: Date | null;
};
type OpenStage = {
  department: string | null;
  name: string | null;
  due_at: Date | null;
  held: boolean;
  agent: string | null;
};

export async function customerStatus(
  pool: Pool,
  ticketId: string,
  options: { agentNames: boolean },
): Promise<CustomerStatus> {
  const [ticket, stages, mails, ratings] = await Promise.all([
    pool.query<Row>(
      'select number, title, status, created_at, closed_at, sla_due_at from tickets where id = $1',
      [ticketId],
    ),
    pool.query<OpenStage>(
      `select s.department_key as department, d.name, s.due_at, s.held_since is not null as held,
              u.name as agent
         from stages s left join departments d on d.key = s.department_key
         left join users u on u.id = s.assignee_id
        where s.ticket_id = $1 and s.closed_at is null order by s.entered_at`,
      [ticketId],
    ),
    pool.query<{ direction: string; body: string; at: Date }>(
      'select direction, body, at from ticket_mails where ticket_id = $1 order by at, id',
      [ticketId],
    ),
    pool.query<{ score: number; comment: string }>(
      'select score, comment from ticket_ratings where ticket_id = $1',
      [ticketId],
    ),
  ]);
  const rating = ratings.rows[0] ?? null;
  const row = ticket.rows[0]!;
  const open = stages.rows;
  const finished = isFinished(row.status);
  const waiting = !finished && open.length > 0 && open.every((stage) => stage.held);
  const state: CustomerState = finished
    ? row.status === 'cancelled'
      ? 'cancelled'
      : 'done'
    : waiting
      ? 'waiting-for-you'
      : 'in-progress';
  const stageDue = open
    .filter((stage) => !stage.held && stage.due_at)
    .map((stage) => stage.due_at!.getTime())
    .sort((a, b) => b - a)[0];
  const expectedBy = state !== 'in-progress' ? null : (row.sla_due_at?.getTime() ?? stageDue ?? undefined);
  return {
    number: Number(row.number),
    title: row.title,
    state,
    openedAt: row.created_at.toISOString(),
    closedAt: row.closed_at?.toISOString() ?? null,
    departments: [...new Set(open.map((stage) => stage.name ?? stage.department ?? 'Support'))],
    agents: options.agentNames
      ? [...new Set(open.flatMap((stage) => (stage.agent ? [stage.agent] : [])))]
      : [],
    expectedBy: expectedBy === undefined || expectedBy === null ? null : new Date(expectedBy).toISOString(),
    expectation:
      state === 'waiting-for-you'
        ? 'We are waiting for your answer; our clock is stopped until you write.'
        : state !== 'in-progress'
          ? 'Your request is closed.'
          : row.sla_due_at
            ? 'Our target for solving requests like yours, in our business hours.'
            : stageDue
              ? 'Our target for the step your request is at, in our business hours.'
              : 'We have no target time for this request.',
    messages: mails.rows.map((mail) => ({
      from: mail.direction === 'in' ? 'you' : 'support',
      text: mail.body,
      at: mail.at.toISOString(),
    })),
    canWrite: !finished,
    rating,
    canRate: state === 'done' && !rating,
  };
}
