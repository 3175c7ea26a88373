// Tickets whose clocks were never measured (written before ticket_clocks existed, or imported,
// like the demo history) are measured once, in the background after a start, so the rule-clock
// report covers them too. One pass in ticket id order; a measure marks the ticket
// (clocks_measured_at), also one no rule times, which leaves no clock row, so no later pass
// measures it again. Each ticket in its own short transaction, as a recorded step does.
import type { Database } from '@baton/db';
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { refreshRuleClocks } from './rule-clocks.js';

export type UnmeasuredPass = { tickets: number; ms: number };

export async function measureUnmeasuredClocks(
  db: Database,
  options: { now: () => number; log: Logger; batch?: number; stopped?: () => boolean },
): Promise<UnmeasuredPass> {
  const started = performance.now();
  const batch = options.batch ?? 500;
  let after = '';
  let tickets = 0;
  for (;;) {
    if (options.stopped?.()) break;
    const { rows } = await db.$client.query<{ id: string }>(
      `select t.id from tickets t
        where t.id > $1 and t.clocks_measured_at is null and exists (select 1 from timing_rules)
        order by t.id limit $2`,
      [after, batch],
    );
    if (rows.length === 0) break;
    for (const { id } of rows) {
      if (options.stopped?.()) break;
      await db.transaction(async (tx) => {
        // The ticket's row lock orders this with a step being recorded (which updates that row):
        // whichever comes second measures the facts the first left, and a ticket measured meanwhile
        // is left as it is.
        const { rows: still } = await tx.execute<{ unmeasured: boolean }>(sql`
          select t.clocks_measured_at is null as unmeasured from tickets t where t.id = ${id} for update`);
        if (still[0]?.unmeasured) await refreshRuleClocks(tx, id, options.now());
      });
      tickets += 1;
    }
    after = rows.at(-1)!.id;
    options.log.info({ tickets }, 'measuring the timing-rule clocks of tickets measured before');
  }
  return { tickets, ms: Math.round(performance.now() - started) };
}
