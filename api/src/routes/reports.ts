// Manager reports: stage durations, handoffs, SLA attainment, stuck stages, flow heatmap.
import type { AppDeps } from '../http/env.js';
import { defineRoute, jsonResponse, newRouter, principalOf, z } from '../http/openapi.js';
import { invalid, notFound } from '../http/problem.js';
import { DURATION_BUCKETS } from '../reports/buckets.js';
import { handoffs } from '../reports/handoffs.js';
import { heatmap } from '../reports/heatmap.js';
import { withReportSession } from '../reports/queryable.js';
import { RANGE_PRESETS, RangeError422, resolveRange, type TimeRange } from '../reports/range.js';
import { REPORT_READERS, reportDepartments } from '../reports/scope.js';
import { slaByDepartment } from '../reports/sla.js';
import { stageDurations } from '../reports/stage-durations.js';
import { STUCK_LEVELS, stuckStages } from '../reports/stuck.js';
import { organisationTimeZone } from '../reports/time-zone.js';

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
    histogram: z.array(z.object({ key: z.string(), label: z.string(), count: z.number().int() })),
    sla: z.object({ withTarget: z.number().int(), met: z.number().int(), attainment: z.number().nullable() }),
  })
  .openapi('DurationGroup');

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

  app.openapi(
    defineRoute(REPORT_READERS, {
      method: 'get',
      path: '/reports/stage-durations',
      tags: ['reports'],
      summary:
        'Stage durations per department or task: count, mean, p50/p90/p99, duration bands, SLA attainment',
      description: `Closed stages whose close time falls in the range. \`clock=business\` measures in each stage's business calendar. Bands: ${DURATION_BUCKETS.map((b) => b.label).join(', ')}. Managers see their departments; agents only departments they lead.`,
      request: {
        query: RangeQuery.extend({
          by: z.enum(['department', 'task']).default('department'),
          clock: z.enum(['wall', 'business']).default('wall'),
        }),
      },
      responses: {
        200: jsonResponse(
          z.object({
            range: RangeSchema,
            by: z.string(),
            clock: z.string(),
            groups: z.array(DurationGroupSchema),
          }),
          'Per-group figures',
        ),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const departments = reportDepartments(principalOf(c), q.department);
      const range = await rangeOf(q);
      const groups = await withReportSession(deps.pool, (client) =>
        stageDurations(client, {
          from: range.from,
          to: range.to,
          by: q.by,
          clock: q.clock,
          departments,
          typeId: q.typeId,
        }),
      );
      return c.json({ range: rangeJson(range), by: q.by, clock: q.clock, groups }, 200);
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
              }),
            ),
          }),
          'Handoffs, most frequent first',
        ),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const departments = reportDepartments(principalOf(c), q.department);
      const range = await rangeOf(q);
      const rows = await withReportSession(deps.pool, (client) =>
        handoffs(client, { from: range.from, to: range.to, departments, typeId: q.typeId }),
      );
      return c.json({ range: rangeJson(range), handoffs: rows }, 200);
    },
  );

  app.openapi(
    defineRoute(REPORT_READERS, {
      method: 'get',
      path: '/reports/sla',
      tags: ['reports'],
      summary: 'SLA attainment per department (closed stages in the range) and breaches open now',
      description: 'A stage met its target when it closed at level ok or warning.',
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
                warning: z.number().int(),
                overdue: z.number().int(),
                severe: z.number().int(),
                attainment: z.number().nullable(),
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
      const q = c.req.valid('query');
      const departments = reportDepartments(principalOf(c), q.department);
      const range = await rangeOf(q);
      const rows = await slaByDepartment(deps.pool, {
        from: range.from,
        to: range.to,
        departments,
        typeId: q.typeId,
      });
      return c.json({ range: rangeJson(range), departments: rows }, 200);
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
      return c.json({ items: items.map((s) => ({ ...s, globalTaskId: `${s.ticketId}.${s.taskId}` })) }, 200);
    },
  );

  app.openapi(
    defineRoute(REPORT_READERS, {
      method: 'get',
      path: '/flow-versions/{id}/heatmap',
      tags: ['reports'],
      summary: 'Per-element figures of a flow version: open now, completed in range, p50, p90, overdue',
      request: { params: z.object({ id: z.string().max(200) }), query: RangeQuery.omit({ typeId: true }) },
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
      const q = c.req.valid('query');
      const departments = reportDepartments(principalOf(c), q.department);
      const exists = await deps.pool.query('select 1 from flow_versions where id = $1', [id]);
      if (exists.rowCount === 0) throw notFound('flow version', id);
      const range = await rangeOf(q);
      const elements = await withReportSession(deps.pool, (client) =>
        heatmap(client, { flowVersionId: id, from: range.from, to: range.to, departments }),
      );
      return c.json({ range: rangeJson(range), flowVersionId: id, elements }, 200);
    },
  );

  return app;
}
