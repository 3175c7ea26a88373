// Extension requests: an agent asks the department lead for more time on a task's deadline; a
// lead or manager of the department (or an admin) grants it (the time asked, or an amount of their
// own), which moves the deadline in the engine, or denies it, which the engine records as a step
// of the ticket too, so the timeline holds both. One pending request per task, enforced by a
// unique index; no statement here holds a connection or a transaction while the engine is asked.
import { randomUUID } from 'node:crypto';
import { postgresErrorOf } from '@baton/db';
import { isRuntimeFailure } from '@baton/workflows';
import {
  assertMayDecide,
  extensionDecisionSql,
  extensionRequestRefusal,
  extensionRequestVisibilitySql,
  pendingExtensionConflict,
} from '../access/extensions.js';
import { actorFor } from '../access/task-access.js';
import { rejection } from '../http/engine-rejection.js';
import type { AppDeps, Principal } from '../http/env.js';
import { conflict, notFound } from '../http/problem.js';
import { sqlParameters } from '../sql/parameters.js';
import type { Queryable } from '../sql/queryable.js';
import type { TaskEvent } from '../runtime.js';
import { taskStageFor } from './task-stage.js';

export type ExtensionStatus = 'pending' | 'granted' | 'denied';

export type ExtensionRow = {
  id: string;
  ticket_id: string;
  task_id: string;
  department_key: string | null;
  requested_by: string;
  extend_by_ms: string;
  reason: string;
  status: ExtensionStatus;
  decided_by: string | null;
  decided_at: Date | null;
  decision_note: string | null;
  created_at: Date;
  granted_ms: string | null;
  ticket_number: string;
  ticket_title: string;
  task_name: string | null;
  task_due_at: Date | null;
};

type Deps = Pick<AppDeps, 'pool' | 'runtime' | 'config'>;

/**
 * A decision on a request, by a lead or manager of its task's department, with an optional note;
 * a grant may set the time it grants (`extendByMs`, default: what was asked).
 */
export type Decision = (
  deps: Deps,
  principal: Principal,
  id: string,
  decision: { note?: string; extendByMs?: number },
) => Promise<ExtensionRow>;

const EXTENSION_SELECT = `select x.id, x.ticket_id, x.task_id, s.department_key, x.requested_by, x.extend_by_ms, x.reason, x.status,
    x.decided_by, x.decided_at, x.decision_note, x.created_at, x.granted_ms,
    t.number as ticket_number, t.title as ticket_title, s.name as task_name, s.due_at as task_due_at
  from extension_requests x join tickets t on t.id = x.ticket_id
  left join stages s on s.ticket_id = x.ticket_id and s.task_id = x.task_id`;

async function loadExtension(pool: Queryable, id: string): Promise<ExtensionRow | undefined> {
  const { rows } = await pool.query<ExtensionRow>(`${EXTENSION_SELECT} where x.id = $1`, [id]);
  return rows[0];
}

/** The request a principal may decide, or the 404/403 that says why not. */
async function decidableRequest(pool: Queryable, id: string, principal: Principal): Promise<ExtensionRow> {
  const request = await loadExtension(pool, id);
  if (!request) throw notFound('extension request', id);
  assertMayDecide(principal, request.department_key, id);
  return request;
}

/** Asks for `extendByMs` more on the task `taskGlobalId` (in the caller's department, open, with an SLA). */
export async function requestExtension(
  deps: Deps,
  principal: Principal,
  taskGlobalId: string,
  request: { extendByMs: number; reason: string },
): Promise<ExtensionRow> {
  const stage = await taskStageFor(deps.pool, taskGlobalId, principal);
  const pending = await deps.pool.query(
    "select 1 from extension_requests where ticket_id = $1 and task_id = $2 and status = 'pending'",
    [stage.ticketId, stage.taskId],
  );
  const facts = { ...stage, pendingExtension: !!pending.rowCount };
  const refusal =
    extensionRequestRefusal(facts, taskGlobalId) ??
    // A grant moves the deadline in the engine: a ticket it says it does not run never gets one.
    ((await engineSaysLost(deps, stage.ticketId))
      ? extensionRequestRefusal({ ...facts, noRun: 'lost' }, taskGlobalId)
      : undefined);
  if (refusal) throw refusal;
  const id = randomUUID();
  try {
    await deps.pool.query(
      `insert into extension_requests (id, ticket_id, task_id, requested_by, extend_by_ms, reason, created_at)
       values ($1, $2, $3, $4, $5, $6, $7)`,
      [
        id,
        stage.ticketId,
        stage.taskId,
        principal.id,
        request.extendByMs,
        request.reason,
        new Date(deps.config.now()),
      ],
    );
  } catch (error) {
    // A request that raced this one passed the check above too; the index took only one.
    if (postgresErrorOf(error)?.constraint === ONE_PENDING_INDEX)
      throw pendingExtensionConflict(taskGlobalId);
    throw error;
  }
  return (await loadExtension(deps.pool, id))!;
}

/**
 * True when the engine answers that it does not run the ticket (an in-memory restart lost it). An
 * engine that does not answer is no reason to refuse: the request waits for the lead, and the
 * ticket detail offers it then too (tasks/open-tasks.ts).
 */
async function engineSaysLost(deps: Deps, ticketId: string): Promise<boolean> {
  try {
    return (await deps.runtime.readState(ticketId)) === undefined;
  } catch {
    return false;
  }
}

/** The unique index on (ticket_id, task_id) of pending requests (db/migrations/0006). */
const ONE_PENDING_INDEX = 'extension_requests_one_pending';

/**
 * The requests with `status` that the principal decides or asked for (`scope` 'decide': only those
 * they decide, the leads' queue), oldest first.
 */
export async function listExtensionRequests(
  pool: Queryable,
  principal: Principal,
  status: ExtensionStatus,
  scope: 'all' | 'decide' = 'all',
): Promise<ExtensionRow[]> {
  const params = sqlParameters([status]);
  const seen =
    scope === 'decide'
      ? extensionDecisionSql(principal, params)
      : extensionRequestVisibilitySql(principal, params);
  const { rows } = await pool.query<ExtensionRow>(
    `${EXTENSION_SELECT} where x.status = $1 and ${seen}
     order by x.created_at`,
    params.values,
  );
  return rows;
}

/**
 * How long a decision holds a request while it asks the engine: longer than any runtime call takes
 * (Temporal's update deadlines are 5 s to be accepted plus 30 s for the result), so only a decision
 * cut short by a crash ever lets it expire; a later one then asks the engine again with the same
 * update id, which applies the event once.
 */
const DECISION_LEASE = "interval '2 minutes'";

/** The request is free to decide: no decision holds it (or the one that did has expired). */
const NOT_HELD = '(granting_until is null or granting_until < clock_timestamp())';

/**
 * Decides a pending request through the engine, as one step of the ticket: the request is leased
 * to this decision in one statement, the engine applies the grant or denial with no connection
 * held, then the request is marked. A refusal or failure of the engine gives the request back,
 * still pending. `lapsed`: the run is over (or lost), so there is no timeline to write to and the
 * decision is kept without it (a denial of a finished ticket's request).
 */
async function decideThroughEngine(
  deps: Deps,
  principal: Principal,
  id: string,
  status: 'granted' | 'denied',
  note: string | undefined,
  event: (request: ExtensionRow, actor: ReturnType<typeof actorFor>) => TaskEvent,
  lapsed: (error: unknown) => boolean,
  grantedMs?: (request: ExtensionRow) => number,
): Promise<ExtensionRow> {
  const request = await decidableRequest(deps.pool, id, principal);
  const leased = await deps.pool.query<{ lease: string }>(
    `update extension_requests set granting_until = clock_timestamp() + ${DECISION_LEASE}
     where id = $1 and status = 'pending' and ${NOT_HELD}
     returning granting_until::text as lease`,
    [id],
  );
  const lease = leased.rows[0]?.lease;
  if (lease === undefined) throw await undecidable(deps.pool, id);
  try {
    // One update id per request and decision: however often it is retried (a lost answer, a 503,
    // an expired lease), the engine applies it once.
    const result = await deps.runtime.act(
      request.ticket_id,
      event(request, actorFor(principal, request.department_key)),
      { requestId: `${status === 'granted' ? 'grant' : 'deny'}-${id}` },
    );
    if (!result.ok)
      throw rejection(result.rejected, `${status === 'granted' ? 'grant' : 'deny'} extension request ${id}`);
  } catch (error) {
    if (!lapsed(error)) {
      await deps.pool
        .query(
          'update extension_requests set granting_until = null where id = $1 and granting_until = $2::timestamptz',
          [id, lease],
        )
        .catch(() => undefined); // the lease expires by itself
      throw error;
    }
  }
  await decide(deps.pool, id, status, principal, note, deps.config.now(), lease, grantedMs?.(request));
  return (await loadExtension(deps.pool, id))!;
}

/** Grants a pending request: the task's deadline moves by `extendByMs` (default: the time asked). */
export const grantExtension: Decision = (deps, principal, id, { note, extendByMs }) => {
  const granted = (request: ExtensionRow) => extendByMs ?? Number(request.extend_by_ms);
  return decideThroughEngine(
    deps,
    principal,
    id,
    'granted',
    note,
    (request, actor) => ({
      type: 'task.extensionGranted',
      taskId: request.task_id,
      actor,
      extendByMs: granted(request),
    }),
    () => false,
    granted,
  );
};

/** Denies a pending request; the deadline stays, the ticket's timeline records the denial and its note. */
export const denyExtension: Decision = (deps, principal, id, { note }) =>
  decideThroughEngine(
    deps,
    principal,
    id,
    'denied',
    note,
    (request, actor) => ({
      type: 'task.extensionDenied',
      taskId: request.task_id,
      actor,
      extendByMs: Number(request.extend_by_ms),
      ...(note ? { reason: note } : {}),
    }),
    (error) => isRuntimeFailure(error, 'finished') || isRuntimeFailure(error, 'not-running'),
  );

/** Why a request cannot be decided now: decided already, or a grant of it is under way. */
async function undecidable(pool: Queryable, id: string) {
  const { rows } = await pool.query<{ status: ExtensionStatus }>(
    'select status from extension_requests where id = $1',
    [id],
  );
  const row = rows[0];
  if (!row) return notFound('extension request', id);
  return row.status === 'pending'
    ? conflict(`extension request ${id} is being decided by another request`)
    : conflict(`extension request ${id} is already ${row.status}`);
}

/** Records the decision on the request this decision holds (`lease`); false when it no longer does. */
async function decide(
  db: Queryable,
  id: string,
  status: 'granted' | 'denied',
  principal: Principal,
  note: string | undefined,
  now: number,
  lease: string,
  grantedMs: number | undefined,
): Promise<boolean> {
  const updated = await db.query(
    `update extension_requests set status = $2, decided_by = $3, decided_at = $4, decision_note = $5,
       granting_until = null, granted_ms = $7
     where id = $1 and status = 'pending' and granting_until = $6::timestamptz`,
    [id, status, principal.id, new Date(now), note ?? null, lease, grantedMs ?? null],
  );
  return (updated.rowCount ?? 0) > 0;
}
