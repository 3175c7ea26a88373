// Timing rules counted in seconds, for the tests that wait for their levels: below the API's
// one-minute floor, so they are written as the seed writes its rules, dated before any ticket.
import { type Database, timingRules } from '@baton/db';
import type { TimingRule } from '@baton/engine';

export const QUICK_RULE_CLOCK = 'rule:quick-response';
export const QUICK_RESOLUTION_CLOCK = 'rule:quick-resolution';

type QuickRule = Pick<TimingRule, 'key' | 'name' | 'start' | 'stop'>;

/** "Quick response": from the ticket's creation until a task closes. */
const QUICK_RESPONSE: QuickRule = {
  key: 'quick-response',
  name: 'Quick response',
  start: [{ on: 'ticket.created' }],
  stop: [{ on: 'task.closed' }],
};

/** "Quick resolution": from the ticket's creation, and again from each reopen, until it is done. */
export const QUICK_RESOLUTION: QuickRule = {
  key: 'quick-resolution',
  name: 'Quick resolution',
  start: [{ on: 'ticket.created' }, { on: 'ticket.reopened' }],
  stop: [{ on: 'ticket.done' }],
};

/** A rule for medium tickets with `targetMs`, warning at half the target, severe at 1.5×. */
export async function insertQuickRule(
  db: Database,
  targetMs: number,
  { key, ...triggers }: QuickRule = QUICK_RESPONSE,
): Promise<void> {
  await db.insert(timingRules).values({
    key,
    version: 1,
    createdAt: new Date('2000-01-01T00:00:00Z'),
    rule: {
      ...triggers,
      pause: [],
      resume: [],
      targetsMs: { medium: targetMs },
      followOwner: false,
      warnAt: 0.5,
      severeAt: 1.5,
    },
  });
}
