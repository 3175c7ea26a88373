// A timing rule counted in seconds, for the tests that wait for its levels: below the API's
// one-minute floor, so it is written as the seed writes its rules, dated before any ticket.
import { type Database, timingRules } from '@baton/db';

export const QUICK_RULE_CLOCK = 'rule:quick-response';

/** "Quick response": from the ticket's creation until a task closes; warning at half, severe at 1.5×. */
export async function insertQuickRule(db: Database, targetMs: number): Promise<void> {
  await db.insert(timingRules).values({
    key: 'quick-response',
    version: 1,
    createdAt: new Date('2000-01-01T00:00:00Z'),
    rule: {
      name: 'Quick response',
      start: [{ on: 'ticket.created' }],
      pause: [],
      resume: [],
      stop: [{ on: 'task.closed' }],
      targetsMs: { medium: targetMs },
      followOwner: false,
      warnAt: 0.5,
      severeAt: 1.5,
    },
  });
}
