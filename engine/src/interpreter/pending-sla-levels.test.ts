import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Flow, RunEvent, RunState } from '../types.js';
import { applyEvent, pendingSlaLevels, startRun } from './index.js';
import { agent, manager } from './testing/actors.js';
import { flowBuilder, HOUR, MINUTE, sla } from './testing/flow-builder.js';

const T0 = Date.UTC(2026, 0, 5, 9); // Monday 09:00 UTC
const ann = agent('ann', 'support');
const input = { ticketId: 'T', variables: {} };

const flow: Flow = flowBuilder('pending')
  .start('s')
  .userTask('work', { department: 'support', sla: sla(10 * HOUR) })
  .end('e')
  .path('s', 'work', 'e')
  .with({ ticketSla: sla(24 * HOUR) })
  .build();

describe('pendingSlaLevels', () => {
  it('lists the next level of every running clock, soonest first, and none of a held one', () => {
    const start = startRun(flow, input, T0);
    expect(pendingSlaLevels(start.state)).toEqual([
      { timerId: 'sla:t1:warning', taskId: 't1', level: 'warning', at: T0 + 8 * HOUR },
      { timerId: 'sla:ticket:warning', level: 'warning', at: T0 + 0.8 * 24 * HOUR },
    ]);
    const held = applyEvent(
      flow,
      start.state,
      { type: 'task.held', taskId: 't1', actor: ann, reason: 'waiting for the customer' },
      T0 + HOUR,
    );
    expect(pendingSlaLevels(held.state).map((level) => level.timerId)).toEqual(['sla:ticket:warning']);
  });

  // What the watch sends ahead of the workflow must be what the workflow's own firing would send.
  it('names exactly the level each pending timer reaches when it fires, whatever came before', () => {
    const event = fc.oneof(
      fc.constant<RunEvent>({ type: 'task.claimed', taskId: 't1', actor: ann }),
      fc.constant<RunEvent>({ type: 'task.held', taskId: 't1', actor: ann, reason: 'customer' }),
      fc.constant<RunEvent>({ type: 'task.resumed', taskId: 't1', actor: ann }),
      fc.integer({ min: 1, max: 5 }).map<RunEvent>((hours) => ({
        type: 'task.extensionGranted',
        taskId: 't1',
        actor: manager,
        extendByMs: hours * HOUR,
      })),
      fc.constant<RunEvent>({ type: 'timer.fired', timerId: '' }), // the soonest pending timer
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(event, fc.integer({ min: 1, max: 6 * 60 })), { maxLength: 12 }),
        (events) => {
          let state: RunState = startRun(flow, input, T0).state;
          let now = T0;
          for (const [next, minutes] of events) {
            const pending = pendingSlaLevels(state);
            for (const level of pending) {
              const fired = applyEvent(
                flow,
                state,
                { type: 'timer.fired', timerId: level.timerId },
                level.at,
              );
              expect(fired.rejected).toBeUndefined();
              expect(fired.effects.filter((e) => e.type === 'sla.level')).toEqual([
                {
                  type: 'sla.level',
                  ...(level.taskId ? { taskId: level.taskId } : {}),
                  level: level.level,
                  at: level.at,
                },
              ]);
            }
            const soonest = pending[0];
            if (next.type === 'timer.fired') {
              if (soonest === undefined) continue;
              now = Math.max(now, soonest.at);
              state = applyEvent(flow, state, { type: 'timer.fired', timerId: soonest.timerId }, now).state;
            } else {
              // Events happen before the soonest deadline, as a workflow would see them.
              const at = now + minutes * MINUTE;
              if (soonest !== undefined && at >= soonest.at) continue;
              now = at;
              state = applyEvent(flow, state, next, now).state;
            }
          }
        },
      ),
      { numRuns: Number(process.env.BATON_FUZZ_RUNS ?? 200) },
    );
  });
});
