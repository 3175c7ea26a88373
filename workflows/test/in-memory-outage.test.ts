// The in-memory stand-in through a database outage: a timer that falls due while Postgres is down
// is recorded once Postgres is back (it used to be dropped after ~1.5 s of failed writes, leaving
// the ticket with no reminder until something else poked it).
import { ticketEvents } from '@baton/db';
import { compileFlow } from '@baton/engine';
import { and, eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createActivities } from '../src/activities/index.js';
import { VirtualClock } from '../src/runtime/clock.js';
import { InMemoryRuntime } from '../src/runtime/in-memory.js';
import { FIXTURE, insertFixture } from './support/fixtures.js';
import { type OwnPostgres, ownPostgres } from '@baton/db/testing';
import { oneTaskXml } from './support/flows.js';

const T0 = Date.parse('2026-03-02T09:00:00Z');
let pg: OwnPostgres;

beforeAll(async () => {
  pg = await ownPostgres();
  await insertFixture(pg.opened.db);
}, 120_000);
afterAll(() => pg?.close());

it('records an SLA level that fell due during a 4 s database outage once the database is back', async () => {
  const compiled = await compileFlow(oneTaskXml({ sla: 'PT1H' }));
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));
  const log = pino({ level: 'silent' });
  const clock = new VirtualClock(T0);
  const runtime = new InMemoryRuntime({
    activities: createActivities({ db: pg.opened.db, log }),
    log,
    clock,
    maxRetryDelayMs: 500,
  });
  const ticket = {
    ticketId: 'outage-1',
    typeId: FIXTURE.typeId,
    flowVersionId: FIXTURE.flowVersionId,
    variables: {},
  };
  await runtime.startTicket({ flow: compiled.flow, ticket });
  const overdue = async () =>
    (
      await pg.opened.db
        .select()
        .from(ticketEvents)
        .where(and(eq(ticketEvents.ticketId, 'outage-1'), eq(ticketEvents.type, 'sla.level')))
    ).map((e) => (e.data as { level: string }).level);

  await pg.down();
  const firing = clock.advanceTo(T0 + 61 * 60_000); // warning and overdue fall due while it is down
  await new Promise((resolve) => setTimeout(resolve, 4_000));
  await pg.up();
  await firing;
  await runtime.settled();
  expect(await overdue()).toEqual(['warning', 'overdue']);
  expect((await runtime.readState('outage-1'))?.tasks[0]?.slaLevel).toBe('overdue');
  await runtime.close();
}, 60_000);
