// Interpreter throughput: 100,000 tickets through a call-centre flow in virtual time.
// Agents claim and complete the tasks the engine opens (sometimes transferring or returning
// them), the SLA timers the engine asks for fire when virtual time passes them, and every
// event is driven from the effects. Then the recorded events are replayed through the engine
// alone (same states, same effects, nothing else running) REPLAYS times; the goal is judged on
// the median replay's events per CPU-second (process.cpuUsage: on a shared machine wall time
// includes waiting for a core).
//   cd engine && npx tsx bench/throughput.ts [--tickets N] [--replays R] [--flow F.bpmn --calendars C.json]
// The flow is input: `pnpm bench` passes the seeded call-centre flow and the seed's calendars
// (db/src/seed/flows/call-centre.bpmn, db/src/seed/calendars.json). Without --flow it runs the
// equivalent flow built in code, with wall-clock SLAs (no calendar math).
// Exits 1 when the goal is missed.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  applyEvent,
  compileFlow,
  startRun,
  type Actor,
  type CalendarSpec,
  type Flow,
  type RunEvent,
  type RunInput,
  type RunState,
  type Step,
} from '../src/index.js';
import { callCentreFlow } from '../src/interpreter/testing/sample-flows.js';

const args = process.argv.slice(2);
/** `--name N` (or `--name=N`); a bare number is still read as the ticket count. */
function numberOption(name: string, fallback: number): number {
  const at = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  const text = at < 0 ? undefined : args[at]!.includes('=') ? args[at]!.split('=')[1] : args[at + 1];
  const value = Number(text ?? fallback);
  if (!Number.isSafeInteger(value) || value < 1) {
    console.error(`--${name} must be a positive whole number, got ${JSON.stringify(text)}`);
    process.exit(2);
  }
  return value;
}
const TICKETS = numberOption('tickets', Number(args.find((a) => /^\d+$/.test(a)) ?? 100_000));
const REPLAYS = numberOption('replays', 3);
/** `--name value` (or `--name=value`). */
function stringOption(name: string): string | undefined {
  const at = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  return at < 0 ? undefined : args[at]!.includes('=') ? args[at]!.split('=')[1] : args[at + 1];
}
const FLOW_FILE = stringOption('flow');
const CALENDARS_FILE = stringOption('calendars');
const GOAL_EVENTS_PER_SECOND = 500_000;
const MAX_EVENTS_PER_TICKET = 200;
const MINUTE = 60_000;

/** Deterministic PRNG (mulberry32) so every run simulates the same tickets. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

async function loadFlow(): Promise<{ flow: Flow; source: string }> {
  if (FLOW_FILE) {
    // { calendars: [{ key, spec }] } as the seed keeps them; the flow counts its SLAs in them.
    const calendars = CALENDARS_FILE
      ? Object.fromEntries(
          (
            JSON.parse(readFileSync(CALENDARS_FILE, 'utf8')) as {
              calendars: { key: string; spec: CalendarSpec }[];
            }
          ).calendars.map((c) => [c.key, c.spec]),
        )
      : {};
    const result = await compileFlow(readFileSync(FLOW_FILE, 'utf8'), { calendars });
    if (!result.ok) {
      console.error(`${FLOW_FILE} does not compile: ${result.errors.map((e) => e.message).join('; ')}`);
      process.exit(2);
    }
    return {
      flow: result.flow,
      source: `${FLOW_FILE}${CALENDARS_FILE ? `, with the calendars of ${CALENDARS_FILE}` : ''}`,
    };
  }
  return {
    flow: callCentreFlow(),
    source:
      'hand-built equivalent of the call-centre flow (src/interpreter/testing/sample-flows.ts, wall-clock SLAs)',
  };
}

type Recorded = { input: RunInput; startAt: number; events: { event: RunEvent; at: number }[] };

type OpenTask = { taskId: string; elementId: string; department?: string; handedOver: boolean };

function main(flow: Flow, source: string): void {
  const random = prng(42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const actors = new Map<string, Actor>();
  const actorFor = (department: string | undefined): Actor => {
    const key = department ?? '*';
    let actor = actors.get(key);
    if (actor === undefined) {
      actor = {
        userId: `agent-${key}`,
        departments: department === undefined ? [] : [department],
        roles: [],
      };
      actors.set(key, actor);
    }
    return actor;
  };
  const categories = ['refund', 'fault', 'other'];
  let events = 0;
  let rejected = 0;
  let completed = 0;
  let slaLevels = 0;
  let transfers = 0;
  let engineMs = 0;
  const recording: Recorded[] = [];

  const wallStart = performance.now();
  const cpuStart = process.cpuUsage();
  for (let ticket = 0; ticket < TICKETS; ticket++) {
    let now = Date.UTC(2026, 2, 2, 1) + ticket * MINUTE; // Monday 09:00 in Shanghai, one call a minute
    const timers = new Map<string, number>();
    const open: OpenTask[] = [];
    const observe = (step: Step): void => {
      for (const effect of step.effects) {
        switch (effect.type) {
          case 'timer.start':
            timers.set(effect.timerId, effect.at);
            break;
          case 'timer.cancel':
            timers.delete(effect.timerId);
            break;
          case 'stage.opened':
            open.push({
              taskId: effect.taskId,
              elementId: effect.elementId,
              ...(effect.department === undefined ? {} : { department: effect.department }),
              handedOver: step.state.tasks[effect.taskId]?.handedOverBy !== undefined,
            });
            break;
          case 'stage.closed': {
            const i = open.findIndex((t) => t.taskId === effect.taskId);
            if (i >= 0) open.splice(i, 1);
            break;
          }
          case 'sla.level':
            slaLevels++;
            break;
          case 'ticket.completed':
            completed++;
            break;
          default:
            break;
        }
      }
    };
    const input: RunInput = {
      ticketId: `T-${ticket}`,
      variables: { category: pick(categories), priority: 1 + Math.floor(random() * 4) },
    };
    const recorded: Recorded = { input, startAt: now, events: [] };
    recording.push(recorded);
    let t0 = performance.now();
    let step = startRun(flow, input, now);
    engineMs += performance.now() - t0;
    observe(step);
    let state: RunState = step.state;
    let count = 0;
    const apply = (event: RunEvent): void => {
      t0 = performance.now();
      step = applyEvent(flow, state, event, now);
      engineMs += performance.now() - t0;
      recorded.events.push({ event, at: now });
      events++;
      count++;
      if (step.rejected !== undefined) rejected++;
      state = step.state;
      observe(step);
    };
    /** Fires every timer due by `until`, earliest first, advancing virtual time. */
    const passTime = (until: number): void => {
      for (;;) {
        let nextId: string | undefined;
        let nextAt = Infinity;
        for (const [id, at] of timers) if (at < nextAt) [nextId, nextAt] = [id, at];
        if (nextId === undefined || nextAt > until) break;
        timers.delete(nextId);
        now = Math.max(now, nextAt);
        apply({ type: 'timer.fired', timerId: nextId });
      }
      now = Math.max(now, until);
    };

    while (state.status === 'running' && count < MAX_EVENTS_PER_TICKET) {
      const task = open[0];
      if (task === undefined) {
        // Nothing for an agent: only timers can move the ticket on.
        if (timers.size === 0) break;
        passTime(Math.min(...timers.values()));
        continue;
      }
      const node = flow.nodes[task.elementId];
      if (node?.kind !== 'userTask') break;
      const actor = actorFor(task.department);
      passTime(now + Math.floor(random() * 40 * MINUTE));
      if (state.status !== 'running' || state.tasks[task.taskId]?.status !== 'open') continue;
      apply({ type: 'task.claimed', taskId: task.taskId, actor });
      passTime(now + 5 * MINUTE + Math.floor(random() * 90 * MINUTE));
      if (state.status !== 'running' || state.tasks[task.taskId]?.status !== 'open') continue;
      const roll = random();
      const targets = node.transferTo === '*' ? flow.departments : node.transferTo;
      const reachable = targets.filter((d) => flow.entryTasks[d] !== undefined && d !== task.department);
      if (roll < 0.08 && reachable.length > 0) {
        transfers++;
        apply({ type: 'task.transferred', taskId: task.taskId, actor, department: pick(reachable) });
      } else if (roll < 0.1 && node.returnable && task.handedOver) {
        apply({ type: 'task.returned', taskId: task.taskId, actor });
      } else {
        // Mostly the first outcome (progress), sometimes another one (loops, call-backs).
        const outcome =
          node.outcomes.length === 0 ? undefined : random() < 0.85 ? node.outcomes[0] : pick(node.outcomes);
        apply({
          type: 'task.completed',
          taskId: task.taskId,
          actor,
          ...(outcome === undefined ? {} : { outcome }),
          data: { note: 'done' },
        });
      }
    }
    if (state.status === 'running')
      apply({ type: 'ticket.cancelled', actor: actorFor(undefined), reason: 'benchmark cap' });
  }
  const wallMs = performance.now() - wallStart;
  const cpu = process.cpuUsage(cpuStart);
  const cpuMs = (cpu.user + cpu.system) / 1000;

  // Engine alone: replay the recorded events (same states, same effects) with nothing else.
  const replays = Array.from({ length: REPLAYS }, () => replay(flow, recording));
  const median = replays.map((r) => r.cpuMs).sort((a, b) => a - b)[Math.floor(REPLAYS / 2)]!;
  const medianReplay = replays.find((r) => r.cpuMs === median)!;
  const engineRate = (medianReplay.events / medianReplay.cpuMs) * 1000;

  const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
  const perSecond = (n: number, ms: number): string => fmt((n / ms) * 1000);
  console.log(`flow: ${source}`);
  console.log(`tickets: ${fmt(TICKETS)} (completed or cancelled: ${fmt(completed)})`);
  console.log(
    `events applied: ${fmt(events)} (rejected ${rejected}, transfers ${fmt(transfers)}, SLA levels reached ${fmt(slaLevels)})`,
  );
  console.log(
    `simulation: ${fmt(cpuMs)} ms CPU, ${fmt(wallMs)} ms wall -> ${perSecond(events, cpuMs)} events per CPU-second, ` +
      `${perSecond(events, wallMs)} events/s wall (agents and timer queue included; engine calls ${fmt(engineMs)} ms wall)`,
  );
  replays.forEach((r, i) =>
    console.log(
      `engine replay ${i + 1}/${REPLAYS}: ${fmt(r.cpuMs)} ms CPU -> ${perSecond(r.events, r.cpuMs)} events per CPU-second; ` +
        `${fmt(r.wallMs)} ms wall -> ${perSecond(r.events, r.wallMs)} events/s wall`,
    ),
  );
  const pass = engineRate >= GOAL_EVENTS_PER_SECOND;
  console.log(
    `engine only (median of ${REPLAYS} replays of ${fmt(medianReplay.events)} events): ${fmt(engineRate)} events per CPU-second, ` +
      `${perSecond(medianReplay.events, medianReplay.wallMs)} events/s wall; goal >= ${fmt(GOAL_EVENTS_PER_SECOND)} events per CPU-second: ${pass ? 'PASS' : 'FAIL'}`,
  );
  if (!pass) process.exitCode = 1;
}

type Measured = { events: number; cpuMs: number; wallMs: number };

/** Replays every recorded ticket through startRun/applyEvent only; counts the applied events. */
function replay(flow: Flow, recording: readonly Recorded[]): Measured {
  const wallStart = performance.now();
  const cpuStart = process.cpuUsage();
  let events = 0;
  for (const { input, startAt, events: timed } of recording) {
    let state = startRun(flow, input, startAt).state;
    for (const { event, at } of timed) state = applyEvent(flow, state, event, at).state;
    events += timed.length;
  }
  const wallMs = performance.now() - wallStart;
  const cpu = process.cpuUsage(cpuStart);
  return { events, cpuMs: (cpu.user + cpu.system) / 1000, wallMs };
}

const { flow, source } = await loadFlow();
main(flow, source);
