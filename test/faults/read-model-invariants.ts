// What "no half-written ticket" means in the schema, checked against Postgres and the Temporal
// server after a fault: a ticket's row is written by its run's first recorded step, in the same
// transaction as its first stage and its `ticket.started` timeline entry (api/src/tickets/
// create-ticket.ts, workflows' record-step), so
//  - every ticket the API answered 201 for has a row;
//  - a row exists exactly for each run Temporal started (no row without its workflow, no
//    workflow that never got its row);
//  - every row has at least one stage and exactly one `ticket.started` entry, and its last
//    recorded seq is its timeline's last;
//  - a finished ticket has no open stage and an unfinished one has one;
//  - what the API answered 200 for is recorded: a claimed stage has its assignee, a completed
//    ticket is done with its stage closed under that outcome;
//  - no step is recorded twice: one `sla.level` entry per stage and level at most.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { OpenedDatabase } from '@baton/db';

type Pool = OpenedDatabase['pool'];

export type Acknowledged = {
  /** Tickets the API answered 201 for. */
  created: Iterable<string>;
  /** Global task ids (`<ticket>.<task>`) the API answered 200 to a claim for. */
  claimed: Iterable<string>;
  /** The same for a completion, with the outcome sent. */
  completed: Iterable<[taskId: string, outcome: string]>;
};

const run = promisify(execFile);

/** The ids of the tickets whose workflow (`ticket-<id>`) the Temporal server holds. */
export async function ticketWorkflows(cli: string, address: string): Promise<Set<string>> {
  const { stdout } = await run(
    cli,
    [
      'workflow',
      'list',
      '--address',
      address,
      '--namespace',
      'default',
      '--output',
      'json',
      '--limit',
      '100000',
    ],
    { maxBuffer: 256 * 1024 * 1024 },
  );
  const text = stdout.trim();
  // One JSON document (an array) or one per line, as CLI versions differ.
  const items = (
    text.startsWith('[')
      ? JSON.parse(text)
      : text
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l))
  ) as { execution?: { workflowId?: string }; workflowId?: string }[];
  return new Set(
    items
      .map((w) => w.execution?.workflowId ?? w.workflowId ?? '')
      .filter((id) => id.startsWith('ticket-'))
      .map((id) => id.slice('ticket-'.length)),
  );
}

const FINISHED = ['done', 'cancelled'];

/** Every breach of the invariants above, as a sentence naming the ticket (empty: none). */
export async function readModelBreaches(
  pool: Pool,
  workflows: Set<string>,
  acknowledged: Acknowledged,
): Promise<string[]> {
  const { rows } = await pool.query<{
    id: string;
    status: string;
    last_seq: number;
    stages: number;
    open_stages: number;
    started: number;
    last_event_seq: number | null;
  }>(
    `select t.id, t.status, t.last_seq,
       (select count(*)::int from stages s where s.ticket_id = t.id) as stages,
       (select count(*)::int from stages s where s.ticket_id = t.id and s.closed_at is null) as open_stages,
       (select count(*)::int from ticket_events e where e.ticket_id = t.id and e.type = 'ticket.started') as started,
       (select max(seq) from ticket_events e where e.ticket_id = t.id) as last_event_seq
     from tickets t`,
  );
  const breaches: string[] = [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const id of acknowledged.created) if (!byId.has(id)) breaches.push(`${id}: answered 201, no row`);
  for (const id of workflows) if (!byId.has(id)) breaches.push(`${id}: a run without its row`);
  for (const r of rows) {
    if (!workflows.has(r.id)) breaches.push(`${r.id}: a row without its run`);
    if (r.stages === 0) breaches.push(`${r.id}: no stage`);
    if (r.started !== 1) breaches.push(`${r.id}: ${r.started} ticket.started entries`);
    if (r.last_event_seq !== r.last_seq)
      breaches.push(`${r.id}: last seq ${r.last_seq}, timeline ends at ${r.last_event_seq}`);
    if (FINISHED.includes(r.status) && r.open_stages > 0)
      breaches.push(`${r.id}: ${r.status} with ${r.open_stages} open stages`);
    if (!FINISHED.includes(r.status) && r.open_stages === 0)
      breaches.push(`${r.id}: ${r.status}, no open stage`);
  }
  const stage = async (taskId: string) => {
    const dot = taskId.indexOf('.');
    const { rows: found } = await pool.query<{
      assignee_id: string | null;
      closed_at: Date | null;
      outcome: string | null;
      status: string;
    }>(
      `select s.assignee_id, s.closed_at, s.outcome, t.status from stages s join tickets t on t.id = s.ticket_id
       where s.ticket_id = $1 and s.task_id = $2`,
      [taskId.slice(0, dot), taskId.slice(dot + 1)],
    );
    return found[0];
  };
  for (const taskId of acknowledged.claimed) {
    const s = await stage(taskId);
    if (!s?.assignee_id) breaches.push(`${taskId}: claim answered 200, stage has no assignee`);
  }
  for (const [taskId, outcome] of acknowledged.completed) {
    const s = await stage(taskId);
    if (!s?.closed_at || s.outcome !== outcome || s.status !== 'done')
      breaches.push(`${taskId}: completion answered 200, stage ${JSON.stringify(s)}`);
  }
  const { rows: twice } = await pool.query<{ ticket_id: string; task_id: string; level: string; n: number }>(
    `select ticket_id, task_id, data->>'level' as level, count(*)::int as n from ticket_events
     where type = 'sla.level' group by 1, 2, 3 having count(*) > 1`,
  );
  for (const t of twice)
    breaches.push(`${t.ticket_id}: sla.level ${t.level} of ${t.task_id} recorded ${t.n} times`);
  return breaches;
}
