// Tickets whose clocks were never stored (written before ticket_clocks existed, or imported, like
// the demo history) are measured once, in the background after a start, so the rule-clock report
// covers them too. One pass in ticket id order: a ticket no rule times leaves no row, and the
// cursor still moves past it. Each ticket in its own short transaction, as a recorded step does.
import type { Database } from '@baton/db';
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
        where t.id > $1 and not exists (select 1 from ticket_clocks c where c.ticket_id = t.id)
          and exists (select 1 from timing_rules)
        order by t.id limit $2`,
      [after, batch],
    );
    if (rows.length === 0) break;
    for (const { id } of rows) {
      if (options.stopped?.()) break;
      await db.transaction((tx) => refreshRuleClocks(tx, id, options.now()));
      tickets += 1;
    }
    after = rows.at(-1)!.id;
    options.log.info({ tickets }, 'measuring the timing-rule clocks of tickets measured before');
  }
  return { tickets, ms: Math.round(performance.now() - started) };
}
