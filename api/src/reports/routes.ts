// Report routes: stage durations, handoffs, SLA attainment, load, waiting on customers,
// satisfaction, service figures (sources, first-contact resolution, handling time), first-response
// and resolution times, stuck stages, flow heatmap.
import { TICKET_SOURCES } from '@baton/db';
import { reportDepartments } from '../access/report-scope.js';
import { REPORT_READERS } from '../access/roles.js';
import type { AppDeps, Principal } from '../http/env.js';
import { defineRoute, jsonResponse, newRouter, principalOf, z } from '../http/openapi.js';
import { invalid } from '../http/problem.js';
import { globalTaskId } from '../tasks/task-id.js';
import { DURATION_BUCKETS } from './buckets.js';
import { handoffs } from './handoffs.js';
import { heatmap, requireFlowVersion } from './heatmap.js';
import { load } from './load.js';
import { withReportSession } from './report-session.js';
import { RANGE_PRESETS, RangeError422, resolveRange, type TimeRange } from './range.js';
import { slaByDepartment } from './sla.js';
import { slaTargets } from './sla-targets.js';
import { DURATION_CLOCKS, DURATION_MEASURES } from './measures.js';
import { stageDurations } from './stage-durations.js';
import { STUCK_LEVELS, stuckStages } from './stuck.js';
import { satisfaction } from './satisfaction.js';
import { responseTimes } from './response-times.js';
import { ruleClocks } from './rule-clocks.js';
import { service, UNKNOWN_SOURCE } from './service.js';
import { waiting } from './waiting.js';
import { MIN_STAGES_FOR_OUTLIER } from './waiting-outliers.js';
import { organisationTimeZone } from './time-zone.js';

const RangeQuery = z.object({
  range: z.enum(RANGE_PRESETS).default('this-month').openapi({
    description:
      "Evaluated in the organisation's time zone (BATON_TIME_ZONE, else the default calendar's, else UTC).",
  }),
  from: z
    .string()
    .max(40)
    .optional()
    .openapi({ description: 'range=custom: YYYY-MM-DD (local day start) or ISO date-time' }),
  to: z
    .string()
    .max(40)
    .optional()
    .openapi({ description: 'range=custom: YYYY-MM-DD (through the end of that day) or ISO date-time' }),
  department: z.string().max(100).optional(),
  typeId: z.string().max(100).optional(),
});

const RangeSchema = z
  .object({ preset: z.string(), from: z.string(), to: z.string(), timeZone: z.string() })
  .openapi('ReportRange');
const ms = z.number().openapi({ description: 'milliseconds' });

const DurationGroupSchema = z
  .object({
    department: z.string().nullable(),
    elementId: z.string().optional(),
    task: z.string().optional(),
    count: z.number().int(),
    meanMs: ms,
    p50Ms: ms,
    p90Ms: ms,
    p99Ms: ms,
    histogram: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        upToMs: ms
          .nullable()
          .openapi({ description: "The band's exclusive upper bound; null for the last, open band" }),
        count: z.number().int(),
      }),
    ),
    sla: z.object({ withTarget: z.number().int(), met: z.number().int(), attainment: z.number().nullable() }),
  })
  .openapi('DurationGroup');

const SlaTargetSchema = z
  .object({
    typeId: z.string(),
    flowVersionId: z.string(),
    department: z.string().nullable(),
    elementId: z.string(),
    task: z.string(),
    slaTargetMs: ms,
    calendar: z.string().nullable().openapi({ description: 'Business calendar; null = wall-clock time' }),
  })
  .openapi('SlaTarget');

const rangeJson = (r: TimeRange) => ({
  preset: r.preset,
  from: r.from.toISOString(),
  to: r.to.toISOString(),
  timeZone: r.timeZone,
});

export function reportRoutes(deps: AppDeps) {
  const app = newRouter();

  async function rangeOf(query: {
    range: (typeof RANGE_PRESETS)[number];
    from?: string;
    to?: string;
  }): Promise<TimeRange> {
    const timeZone = await organisationTimeZone(deps.pool, deps.config.timeZone);
    try {
      return resolveRange(query.range, { now: deps.config.now(), timeZone, from: query.from, to: query.to });
    } catch (error) {
      if (error instanceof RangeError422)
        throw invalid(error.message, [{ path: 'query.range', message: error.message }]);
      throw error;
    }
  }

  /** What every ranged report starts from: the range and the caller's departments in it. */
  async function scopeOf(principal: Principal, query: z.output<typeof RangeQuery>) {
    const departments = reportDepartments(principal, query.department);
    const range = await rangeOf(query);
    return { range, filter: { from: range.from, to: range.to, departments, typeId: query.typeId } };
  }

  app.openapi(
    defineRoute(REPORT_READERS, {
      method: 'get',
      path: '/reports/stage-durations',
      tags: ['reports'],
      summary:
        'Stage durations per department or task: count, mean, p50/p90/p99, duration bands, SLA attainment',
      description: `Closed stages whose close time falls in the range. \`clock=business\` measures in each stage's business calendar. \`measure\`: \`elapsed\` (default) is entered..closed, time on hold included; \`waiting\` is the time on hold, waiting on the customer (every hold summed); \`work\` is elapsed minus waiting. Stages recorded before hold time was kept count as no waiting. Bands: ${DURATION_BUCKETS.map((b) => b.label).join(', ')}. Managers see every department; agents only departments they lead. \`targets\` are the SLA targets of each ticket type's latest deployed version, for marking them on the bands.`,
      request: {
        query: RangeQuery.extend({
          by: z.enum(['department', 'task']).default('department'),
          clock: z.enum(DURATION_CLOCKS).default('wall'),
          measure: z.enum(DURATION_MEASURES).default('elapsed'),
        }),
      },
      responses: {
        200: jsonResponse(
          z.object({
            range: RangeSchema,
            by: z.string(),
            clock: z.string(),
            measure: z.enum(DURATION_MEASURES),
            groups: z.array(DurationGroupSchema),
            targets: z.array(SlaTargetSchema),
          }),
          'Per-group figures',
        ),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const { range, filter } = await scopeOf(principalOf(c), q);
      const [groups, targets] = await withReportSession(deps.pool, async (client) => [
        await stageDurations(client, { ...filter, by: q.by, clock: q.clock, measure: q.measure }),
        await slaTargets(client, { departments: filter.departments, typeId: q.typeId }),
      ]);
      return c.json(
        { range: rangeJson(range), by: q.by, clock: q.clock, measure: q.measure, groups, targets },
        200,
      );
    },
  );

  app.openapi(
    defineRoute(REPORT_READERS, {
      method: 'get',
      path: '/reports/handoffs',
      tags: ['reports'],
      summary: 'Handoffs between departments and the idle gap between one closing and the next opening',
      description:
        'For each stage opened in the range, the previous stage of the same ticket is the one that closed last before it opened; when their departments differ that is a handoff.',
      request: { query: RangeQuery },
      responses: {
        200: jsonResponse(
          z.object({
            range: RangeSchema,
            handoffs: z.array(
              z.object({
                fromDepartment: z.string().nullable(),
                toDepartment: z.string().nullable(),
                count: z.number().int(),
                gapMeanMs: ms,
                gapP50Ms: ms,
                gapP90Ms: ms,
                pickupP50Ms: ms.nullable().openapi({
                  description: 'How long the receiving stage waited to be claimed (ms); null when none was',
                }),
                pickupP90Ms: ms.nullable(),
              }),
            ),
          }),
          'Handoffs, most frequent first',
        ),
      },
    }),
    async (c) => {
      const { range, filter } = await scopeOf(principalOf(c), c.req.valid('query'));
      const rows = await withReportSession(deps.pool, (client) => handoffs(client, filter));
      return c.json({ range: rangeJson(range), handoffs: rows }, 200);
    },
  );

  app.openapi(
    defineRoute(REPORT_READERS, {
      method: 'get',
      path: '/reports/sla',
      tags: ['reports'],
      summary: 'SLA attainment per department (closed stages in the range) and breaches open now',
      description:
        'A stage met its target when it closed at level ok or warning. metAfterExtension: of those, the ones whose clock counted more than the original target (they met it only thanks to an extension); originalAttainment leaves them out.',
      request: { query: RangeQuery },
      responses: {
        200: jsonResponse(
          z.object({
            range: RangeSchema,
            departments: z.array(
              z.object({
                department: z.string().nullable(),
                closed: z.number().int(),
                withTarget: z.number().int(),
                met: z.number().int(),
                metAfterExtension: z.number().int(),
                warning: z.number().int(),
                overdue: z.number().int(),
                severe: z.number().int(),
                attainment: z.number().nullable(),
                originalAttainment: z.number().nullable(),
                openOverdueNow: z.number().int(),
                openSevereNow: z.number().int(),
              }),
            ),
          }),
          'Per department',
        ),
      },
    }),
    async (c) => {
      const { range, filter } = await scopeOf(principalOf(c), c.req.valid('query'));
      const rows = await slaByDepartment(deps.pool, filter);
      return c.json({ range: rangeJson(range), departments: rows }, 200);
    },
  );

  app.openapi(
    defineRoute(REPORT_READERS, {
      method: 'get',
      path: '/reports/load',
      tags: ['reports'],
      summary:
        'Load per department and per agent: open tickets, unassigned and overdue stages now, stages closed in the range',
      description:
        'Open figures are as of now; `closed` counts stages closed in the range. Agents are the members with the agent role of the departments in scope, and anyone else assigned their stages, busiest first.',
      request: { query: RangeQuery },
      responses: {
        200: jsonResponse(
          z.object({
            range: RangeSchema,
            departments: z.array(
              z.object({
                department: z.string().nullable(),
                openTickets: z.number().int(),
                openStages: z.number().int(),
                unassigned: z.number().int(),
                overdue: z.number().int(),
                closed: z.number().int(),
              }),
            ),
            agents: z.array(
              z.object({
                userId: z.string(),
                name: z.string(),
                openTickets: z.number().int(),
                overdue: z.number().int(),
                closed: z.number().int(),
              }),
            ),
          }),
          'Per department and per agent',
        ),
      },
    }),
    async (c) => {
      const { range, filter } = await scopeOf(principalOf(c), c.req.valid('query'));
      const answer = await withReportSession(deps.pool, (client) =>
        load(client, { now: new Date(deps.config.now()), ...filter }),
      );
      return c.json({ range: rangeJson(range), ...answer }, 200);
    },
  );

  const WaitingFigures = {
    stages: z.number().int().openapi({ description: 'Stages closed in the range' }),
    held: z.number().int().openapi({ description: 'Of those, how many were ever on hold' }),
    elapsedMs: ms,
    waitingMs: ms,
    waitingShare: z.number().nullable().openapi({ description: 'waitingMs / elapsedMs' }),
    outlier: z.boolean().openapi({
      description: `Waiting share at least twice its peers' median and 15 points above it, over at least ${MIN_STAGES_FOR_OUTLIER} stages`,
    }),
  };
  app.openapi(
    defineRoute(REPORT_READERS, {
      method: 'get',
      path: '/reports/waiting',
      tags: ['reports'],
      summary: 'Time waiting on the customer (on hold) per department and per agent, with outliers flagged',
      description:
        "Over the stages closed in the range, wall-clock time. A department is compared with the other departments, an agent with the other agents of the same department: a share far above its peers' is how an SLA clock gets gamed. Stages recorded before hold time was kept count as no waiting.",
      request: { query: RangeQuery },
      responses: {
        200: jsonResponse(
          z.object({
            range: RangeSchema,
            departments: z.array(z.object({ department: z.string().nullable(), ...WaitingFigures })),
            agents: z.array(
              z.object({
                department: z.string().nullable(),
                userId: z.string(),
                name: z.string(),
                ...WaitingFigures,
              }),
            ),
          }),
          'Per department and per agent',
        ),
      },
    }),
    async (c) => {
      const { range, filter } = await scopeOf(principalOf(c), c.req.valid('query'));
      const answer = await withReportSession(deps.pool, (client) => waiting(client, filter));
      return c.json({ range: rangeJson(range), ...answer }, 200);
    },
  );

  const SatisfactionFigures = {
    ratings: z.number().int(),
    meanScore: z.number().nullable(),
    bad: z.number().int(),
    badShare: z.number().nullable(),
    badShareWhenLate: z
      .number()
      .nullable()
      .openapi({ description: 'Bad share among tickets whose last stage was late (overdue or severe)' }),
    badShareOnTime: z.number().nullable(),
  };

  app.openapi(
    defineRoute(REPORT_READERS, {
      method: 'get',
      path: '/reports/satisfaction',
      tags: ['reports'],
      summary:
        'Customer satisfaction per department and per agent, with bad ratings of late and on-time tickets apart',
      description:
        "Over the ratings given in the range, each about the department and agent of its ticket's last stage. Bad: a score of 2 or less.",
      request: { query: RangeQuery },
      responses: {
        200: jsonResponse(
          z.object({
            range: RangeSchema,
            departments: z.array(z.object({ department: z.string().nullable(), ...SatisfactionFigures })),
            agents: z.array(
              z.object({
                department: z.string().nullable(),
                userId: z.string(),
                name: z.string(),
                ...SatisfactionFigures,
              }),
            ),
          }),
          'Per department and per agent',
        ),
      },
    }),
    async (c) => {
      const { range, filter } = await scopeOf(principalOf(c), c.req.valid('query'));
      const answer = await withReportSession(deps.pool, (client) => satisfaction(client, filter));
      return c.json({ range: rangeJson(range), ...answer }, 200);
    },
  );

  const FirstContactFigures = {
    done: z
      .number()
      .int()
      .openapi({ description: 'Tickets done (not cancelled) with their close in the range' }),
    firstContact: z.number().int().openapi({
      description: 'Of those, the tickets whose every stage was in the first stage’s department',
    }),
    rate: z.number().nullable().openapi({ description: 'firstContact / done; null without done tickets' }),
  };
  const HandlingFigures = {
    stages: z.number().int().openapi({ description: 'Claimed stages closed in the range' }),
    meanWorkMs: ms.openapi({ description: 'Mean claimed..closed, wall-clock (ms), time on hold included' }),
    meanBusinessWorkMs: ms.openapi({
      description: "Mean claimed..closed in each stage's business calendar (ms), time on hold included",
    }),
  };

  app.openapi(
    defineRoute(REPORT_READERS, {
      method: 'get',
      path: '/reports/service',
      tags: ['reports'],
      summary:
        'Ticket sources, first-contact resolution per department and average handling time per department and agent',
      description: `Three figures for the range. **sources**: tickets created in the range per source (agent: a person in the UI; api: a script with a token; form: a public web form; email: the support mailbox), every source listed; \`${UNKNOWN_SOURCE}\` counts tickets from before sources were recorded and is listed only when there are some; share = tickets / all listed tickets. **firstContact**: tickets done (status done, not cancelled) whose close falls in the range, each attributed to the department of its first stage (earliest entered); a first-contact resolution is one whose every stage was in that department, so no transfer or handoff to another department; rate = firstContact / done; tickets without stages are left out; \`overall\` sums the departments listed. **handling**: stages closed in the range that were claimed: the mean work time (claimed until closed, time on hold included) in wall-clock and business time, per department and per agent within a department (the stage's assignee). Scope: sources and first contact follow the first stage's department, handling each stage's department; managers of their memberships and department leads see their departments only, and an unscoped caller's sources count every ticket created, those with no stage yet too.`,
      request: { query: RangeQuery },
      responses: {
        200: jsonResponse(
          z.object({
            range: RangeSchema,
            sources: z.array(
              z.object({
                source: z.enum([...TICKET_SOURCES, UNKNOWN_SOURCE]),
                tickets: z.number().int(),
                share: z.number().nullable(),
              }),
            ),
            firstContact: z.object({
              overall: z.object(FirstContactFigures),
              departments: z.array(z.object({ department: z.string().nullable(), ...FirstContactFigures })),
            }),
            handling: z.object({
              departments: z.array(z.object({ department: z.string().nullable(), ...HandlingFigures })),
              agents: z.array(
                z.object({
                  department: z.string().nullable(),
                  userId: z.string(),
                  name: z.string(),
                  ...HandlingFigures,
                }),
              ),
            }),
          }),
          'Sources, first-contact resolution and handling time',
        ),
      },
    }),
    async (c) => {
      const { range, filter } = await scopeOf(principalOf(c), c.req.valid('query'));
      const answer = await withReportSession(deps.pool, (client) => service(client, filter));
      return c.json({ range: rangeJson(range), ...answer }, 200);
    },
  );

  const DistributionFigures = {
    count: z.number().int().openapi({ description: 'Tickets with a time measured' }),
    meanMs: ms.nullable().openapi({ description: 'Mean (ms); null without measured tickets' }),
    p50Ms: ms.nullable(),
    p90Ms: ms.nullable(),
    histogram: DurationGroupSchema.shape.histogram,
  };
  const FirstResponseFigures = {
    ...DistributionFigures,
    noResponseYet: z.number().int().openapi({
      description: 'Tickets created in the range that no agent has replied to yet; not in the distribution',
    }),
  };

  app.openapi(
    defineRoute(REPORT_READERS, {
      method: 'get',
      path: '/reports/response-times',
      tags: ['reports'],
      summary:
        'First-response and resolution time distributions per department: count, mean, p50/p90, duration bands',
      description: `Two distributions for the range, wall-clock time only (a ticket crosses departments with their own calendars, and business time is kept per stage, not per ticket). **firstResponse**: tickets created in the range; a ticket's first response time runs from its creation to the first reply an agent sent the customer (an outgoing ticket mail with an author; Baton's automatic mails have none and do not count); tickets without such a reply yet are counted in \`noResponseYet\` and left out of the distribution. **resolution**: tickets done (status done, not cancelled) whose close falls in the range; resolution time runs from creation to close. Each ticket is attributed to the department of its first stage (earliest entered); tickets without a stage are left out; \`overall\` covers the departments listed. p50/p90 are exact (percentile_cont); null with no measured ticket. Bands as the stage-durations report's: ${DURATION_BUCKETS.map((b) => b.label).join(', ')}. Managers of their memberships and department leads see their departments only.`,
      request: { query: RangeQuery },
      responses: {
        200: jsonResponse(
          z.object({
            range: RangeSchema,
            clock: z.literal('wall'),
            firstResponse: z.object({
              overall: z.object(FirstResponseFigures),
              departments: z.array(z.object({ department: z.string().nullable(), ...FirstResponseFigures })),
            }),
            resolution: z.object({
              overall: z.object(DistributionFigures),
              departments: z.array(z.object({ department: z.string().nullable(), ...DistributionFigures })),
            }),
          }),
          'First-response and resolution distributions',
        ),
      },
    }),
    async (c) => {
      const { range, filter } = await scopeOf(principalOf(c), c.req.valid('query'));
      const answer = await withReportSession(deps.pool, (client) => responseTimes(client, filter));
      return c.json({ range: rangeJson(range), clock: 'wall' as const, ...answer }, 200);
    },
  );

  const RuleClockFigures = {
    stopped: z.number().int().openapi({ description: 'Clocks that stopped in the range' }),
    met: z.number().int().openapi({ description: 'Of those, within their target' }),
    attainment: z.number().nullable().openapi({ description: 'met / stopped; null when none stopped' }),
    p50CountedMs: ms.nullable().openapi({ description: "Time counted on the rule's calendar, p50 (exact)" }),
    p90CountedMs: ms.nullable(),
    meanPausedMs: ms.nullable().openapi({ description: 'Mean time paused (not counted)' }),
    pausedShare: z
      .number()
      .nullable()
      .openapi({ description: 'Paused time over counted plus paused time of the stopped clocks' }),
    openNow: z.number().int().openapi({ description: 'Running or paused now' }),
    overdueNow: z.number().int().openapi({ description: 'Of those, past their target now' }),
  };

  app.openapi(
    defineRoute(REPORT_READERS, {
      method: 'get',
      path: '/reports/rule-clocks',
      tags: ['reports'],
      summary:
        "Attainment of the timing rules' clocks per rule and department: met, counted and paused time, overdue now",
      description:
        "Each ticket's timing-rule clocks as last measured (whenever its facts change). `stopped` figures cover the clocks that stopped in the range; `openNow` and `overdueNow` are as of now. Counted time is business time on the rule's calendar; paused time is beside it, never in it. A clock belongs to the department of its ticket's first stage (earliest entered); tickets without a stage are left out when departments are filtered. Managers of their memberships and department leads see their departments only.",
      request: { query: RangeQuery },
      responses: {
        200: jsonResponse(
          z.object({
            range: RangeSchema,
            rules: z.array(
              z.object({
                key: z.string(),
                name: z.string(),
                overall: z.object(RuleClockFigures),
                departments: z.array(z.object({ department: z.string().nullable(), ...RuleClockFigures })),
              }),
            ),
          }),
          'Per timing rule',
        ),
      },
    }),
    async (c) => {
      const { range, filter } = await scopeOf(principalOf(c), c.req.valid('query'));
      const rules = await withReportSession(deps.pool, (client) =>
        ruleClocks(client, { ...filter, now: new Date(deps.config.now()) }),
      );
      return c.json({ range: rangeJson(range), rules }, 200);
    },
  );

  app.openapi(
    defineRoute(REPORT_READERS, {
      method: 'get',
      path: '/stages/stuck',
      tags: ['reports'],
      summary: 'Open stages at or beyond an SLA level, most overdue first',
      description:
        '`overdueRatio` is the time elapsed over the time allowed (1 = due now; 1.3 = severely overdue).',
      request: {
        query: z.object({
          department: z.string().max(100).optional(),
          level: z.enum(STUCK_LEVELS).default('overdue'),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
      },
      responses: {
        200: jsonResponse(
          z.object({
            items: z.array(
              z.object({
                ticketId: z.string(),
                ticketNumber: z.number().int(),
                ticketTitle: z.string(),
                taskId: z.string(),
                globalTaskId: z.string(),
                elementId: z.string(),
                name: z.string(),
                department: z.string().nullable(),
                assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
                enteredAt: z.string(),
                dueAt: z.string().nullable(),
                slaLevel: z.string(),
                ageMs: ms,
                overdueRatio: z.number().nullable(),
              }),
            ),
          }),
          'Stuck stages',
        ),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const departments = reportDepartments(principalOf(c), q.department);
      const items = await stuckStages(deps.pool, {
        now: new Date(deps.config.now()),
        level: q.level,
        departments,
        limit: q.limit,
      });
      return c.json(
        { items: items.map((s) => ({ ...s, globalTaskId: globalTaskId(s.ticketId, s.taskId) })) },
        200,
      );
    },
  );

  app.openapi(
    defineRoute(REPORT_READERS, {
      method: 'get',
      path: '/flow-versions/{id}/heatmap',
      tags: ['reports'],
      summary: 'Per-element figures of a flow version: open now, completed in range, p50, p90, overdue',
      description:
        'p50 and p90 are wall-clock durations of the stages closed in the range; `measure` as for stage-durations: `elapsed` (default), `work` (elapsed minus time on hold) or `waiting` (time on hold; unknown for stages recorded before hold time was kept, counted as none).',
      request: {
        params: z.object({ id: z.string().max(200) }),
        query: RangeQuery.omit({ typeId: true }).extend({
          measure: z.enum(DURATION_MEASURES).default('elapsed'),
        }),
      },
      responses: {
        200: jsonResponse(
          z.object({
            range: RangeSchema,
            flowVersionId: z.string(),
            elements: z.array(
              z.object({
                elementId: z.string(),
                name: z.string(),
                department: z.string().nullable(),
                openNow: z.number().int(),
                done: z.number().int(),
                p50Ms: z.number().nullable(),
                p90Ms: z.number().nullable(),
                overdue: z.number().int(),
              }),
            ),
          }),
          'Per element',
        ),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const query = c.req.valid('query');
      const { range, filter } = await scopeOf(principalOf(c), query);
      await requireFlowVersion(deps.pool, id);
      const elements = await withReportSession(deps.pool, (client) =>
        heatmap(client, {
          flowVersionId: id,
          from: filter.from,
          to: filter.to,
          departments: filter.departments,
          measure: query.measure,
        }),
      );
      return c.json({ range: rangeJson(range), flowVersionId: id, elements }, 200);
    },
  );

  return app;
}
