import { parseCycle, parseDateTime, parseDuration, type Duration } from '../duration/index.js';
import { slaLevelsValid } from '../sla-levels.js';
import type { SlaSpec, TimerSpec } from '../types.js';
import type { CalendarRegistry } from './calendars.js';
import { withoutUndefined, type Diagnostics } from './diagnostics.js';
import { FEEL_MARKER } from '../feel/syntax.js';
import { expressionBody, type ModdleElement } from './moddle-access.js';

export type TimeContext = { diagnostics: Diagnostics; calendars: CalendarRegistry };

export const DEFAULT_WARN_AT = 0.8;
export const DEFAULT_SEVERE_AT = 1.3;

/** A positive ISO duration from attribute `attribute` of `elementId`, or undefined (reported). */
export function readPositiveDuration(
  iso: string,
  elementId: string,
  attribute: string,
  diagnostics: Diagnostics,
): Duration | undefined {
  const parsed = parseDuration(iso);
  if (!parsed.ok) {
    diagnostics.error(parsed.code, `${attribute} of '${elementId}': ${parsed.error}`, elementId);
    return undefined;
  }
  if (parsed.value.ms <= 0) {
    diagnostics.error(
      'invalid-duration',
      `${attribute} of '${elementId}' is zero; give it a length such as PT4H`,
      elementId,
    );
    return undefined;
  }
  return parsed.value;
}

function warnBusinessDays(
  iso: string,
  elementId: string,
  attribute: string,
  calendar: string,
  diagnostics: Diagnostics,
): void {
  diagnostics.warn(
    'business-days',
    `${attribute} '${iso}' of '${elementId}' counts days in business calendar '${calendar}', where one day = 24 business hours (about three working days); write working hours instead, e.g. PT8H for one working day`,
    elementId,
  );
}

/** The calendar key if it resolves; undefined (and reported) otherwise. */
const resolveCalendar = (key: string | undefined, elementId: string, attribute: string, ctx: TimeContext) =>
  key !== undefined && ctx.calendars.use(key, elementId, attribute) ? key : undefined;

export type SlaInput = {
  iso: string;
  elementId: string;
  attribute: string;
  calendar?: string;
  calendarAttribute: string;
  warnAt?: unknown;
  severeAt?: unknown;
};

/** An SLA target in the given calendar (wall-clock when none), with its level fractions. */
export function readSla(input: SlaInput, ctx: TimeContext): SlaSpec | undefined {
  const { iso, elementId, attribute } = input;
  const { diagnostics } = ctx;
  const duration = readPositiveDuration(iso, elementId, attribute, diagnostics);
  const calendar = resolveCalendar(input.calendar, elementId, input.calendarAttribute, ctx);
  const warnAt = readFraction(input.warnAt, DEFAULT_WARN_AT, elementId, 'baton:warnAt', diagnostics);
  const severeAt = readFraction(input.severeAt, DEFAULT_SEVERE_AT, elementId, 'baton:severeAt', diagnostics);
  if (warnAt !== undefined && severeAt !== undefined && !slaLevelsValid(warnAt, severeAt)) {
    diagnostics.error(
      'invalid-sla-levels',
      `SLA levels of '${elementId}' must satisfy 0 < baton:warnAt < 1 < baton:severeAt (got warnAt ${warnAt}, severeAt ${severeAt}); e.g. warnAt 0.8 and severeAt 1.3`,
      elementId,
    );
    return undefined;
  }
  if (!duration || warnAt === undefined || severeAt === undefined) return undefined;
  if (duration.usesDays && calendar !== undefined)
    warnBusinessDays(iso, elementId, attribute, calendar, diagnostics);
  return withoutUndefined({ iso, targetMs: duration.ms, calendar, warnAt, severeAt });
}

function readFraction(
  value: unknown,
  fallback: number,
  elementId: string,
  attribute: string,
  diagnostics: Diagnostics,
): number | undefined {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  diagnostics.error(
    'invalid-sla-levels',
    `${attribute} of '${elementId}' is not a number; write a fraction such as 0.8`,
    elementId,
  );
  return undefined;
}

const TIMER_KINDS = ['timeDuration', 'timeDate', 'timeCycle'] as const;

/** The timer of a bpmn:TimerEventDefinition on `event` (where cycles may go is the caller's check). */
export function readTimer(
  event: ModdleElement,
  definition: ModdleElement,
  calendarKey: string | undefined,
  ctx: TimeContext,
): TimerSpec | undefined {
  const elementId = String(event.id);
  const written = TIMER_KINDS.flatMap((kind) => {
    const body = expressionBody(definition, kind);
    return body === undefined ? [] : [{ kind, body }];
  });
  if (written.length !== 1) {
    ctx.diagnostics.error(
      'invalid-timer',
      written.length === 0
        ? `timer '${elementId}' has no time; set a duration (e.g. PT4H), a date (2026-03-01T09:00:00Z) or a cycle (R3/PT1H)`
        : `timer '${elementId}' sets ${written.map((w) => w.kind).join(' and ')}; keep exactly one`,
      elementId,
    );
    return undefined;
  }
  const { kind, body } = written[0]!;
  if (FEEL_MARKER.test(body)) {
    // Camunda 8 would compute the time per ticket; Baton's timers are fixed when deployed.
    ctx.diagnostics.error(
      'unsupported-timer-expression',
      `${kind} of '${elementId}' is a FEEL expression (it starts with =), which Baton does not evaluate for timers; write the ISO 8601 value itself, e.g. PT4H`,
      elementId,
    );
    return undefined;
  }
  const calendar = resolveCalendar(calendarKey, elementId, 'baton:calendar', ctx);
  if (calendarKey !== undefined && calendar === undefined) return undefined;
  if (kind === 'timeDate') {
    const at = parseDateTime(body);
    if (!at.ok)
      return void ctx.diagnostics.error('invalid-date', `timeDate of '${elementId}': ${at.error}`, elementId);
    if (calendar !== undefined) {
      ctx.diagnostics.warn(
        'calendar-ignored',
        `baton:calendar of '${elementId}' has no effect on a fixed date; remove it`,
        elementId,
      );
    }
    return { kind: 'date', iso: body, at: at.value };
  }
  if (kind === 'timeCycle') {
    const cycle = parseCycle(body);
    if (!cycle.ok)
      return void ctx.diagnostics.error(cycle.code, `timeCycle of '${elementId}': ${cycle.error}`, elementId);
    if (cycle.value.duration.usesDays && calendar !== undefined)
      warnBusinessDays(body, elementId, 'timeCycle', calendar, ctx.diagnostics);
    return withoutUndefined({
      kind: 'cycle' as const,
      iso: body,
      ms: cycle.value.duration.ms,
      repetitions: cycle.value.repetitions,
      calendar,
    });
  }
  const parsed = parseDuration(body);
  if (!parsed.ok)
    return void ctx.diagnostics.error(
      parsed.code,
      `timeDuration of '${elementId}': ${parsed.error}`,
      elementId,
    );
  if (parsed.value.usesDays && calendar !== undefined)
    warnBusinessDays(body, elementId, 'timeDuration', calendar, ctx.diagnostics);
  return withoutUndefined({ kind: 'duration' as const, iso: body, ms: parsed.value.ms, calendar });
}
