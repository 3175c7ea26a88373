// Timing-rule routes: read by whoever reads tickets (the clocks on a ticket come from them), kept
// by admins and process owners. A save is a new version; tickets keep the version they started on.
import { TICKET_READERS, TIMING_RULE_KEEPERS } from '../access/roles.js';
import type { AppDeps } from '../http/env.js';
import { defineRoute, jsonBody, jsonResponse, newRouter, principalOf, z } from '../http/openapi.js';
import { TimingRuleBodySchema, TimingRuleVersionSchema } from './schemas.js';
import { applyTimingRule, listTimingRules, saveTimingRule, timingRuleVersions } from './timing-rules.js';

const KeyParams = z.object({
  key: z.string().min(1).max(63).openapi({ example: 'first-response' }),
});

export function timingRuleRoutes(deps: AppDeps) {
  const { db } = deps;
  const app = newRouter();

  app.openapi(
    defineRoute(TICKET_READERS, {
      method: 'get',
      path: '/timing-rules',
      tags: ['timing rules'],
      summary: 'The timing rules, each at its latest version',
      responses: {
        200: jsonResponse(z.object({ items: z.array(TimingRuleVersionSchema) }), 'Every rule'),
      },
    }),
    async (c) => c.json({ items: await listTimingRules(db) }, 200),
  );

  app.openapi(
    defineRoute(TICKET_READERS, {
      method: 'get',
      path: '/timing-rules/{key}',
      tags: ['timing rules'],
      summary: 'Every version of one timing rule, newest first',
      request: { params: KeyParams },
      responses: {
        200: jsonResponse(z.object({ items: z.array(TimingRuleVersionSchema) }), 'The versions'),
      },
    }),
    async (c) => c.json({ items: await timingRuleVersions(db, c.req.valid('param').key) }, 200),
  );

  app.openapi(
    defineRoute(TIMING_RULE_KEEPERS, {
      method: 'put',
      path: '/timing-rules/{key}',
      tags: ['timing rules'],
      summary: 'Save a new version of a timing rule (the first creates it)',
      description:
        'Tickets created from now on are timed by this version; tickets already created keep the version they were created under. `active: false` retires the rule for tickets created later. A refused rule adds no version; each problem names its field (`body.rule.targetsMs.high`, `body.rule.stop.0.department`, …).',
      request: {
        params: KeyParams,
        body: jsonBody(z.object({ rule: TimingRuleBodySchema, active: z.boolean().optional() })),
      },
      responses: { 201: jsonResponse(TimingRuleVersionSchema, 'Saved as a new version') },
    }),
    async (c) => {
      const { rule, active } = c.req.valid('json');
      const saved = await saveTimingRule(
        db,
        c.req.valid('param').key,
        { rule, active: active ?? true },
        principalOf(c).id,
        new Date(deps.config.now()),
      );
      return c.json(saved, 201);
    },
  );

  app.openapi(
    defineRoute(TIMING_RULE_KEEPERS, {
      method: 'post',
      path: '/timing-rules/{key}/apply',
      tags: ['timing rules'],
      summary: "Apply a rule's latest version to the running tickets created under earlier ones",
      description:
        "Their clocks count against it from now on: the time counted and the levels reached stay, the levels ahead get new deadlines, and each clock's explanation records the move with the old and new target. Stopped clocks never change. 409 when the latest version is retired. A repeat reaches no ticket.",
      request: { params: KeyParams },
      responses: {
        200: jsonResponse(
          z.object({
            version: z.number().int().openapi({ description: 'The version applied' }),
            tickets: z.number().int().openapi({ description: 'The running tickets it reached' }),
          }),
          'Applied',
        ),
      },
    }),
    async (c) =>
      c.json(
        await applyTimingRule(db, c.req.valid('param').key, principalOf(c).id, new Date(deps.config.now())),
        200,
      ),
  );

  return app;
}
