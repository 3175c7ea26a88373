// Timing rules as admins and process owners keep them: every save is a new version of its key,
// checked by the engine's rule (timingRuleProblems) against the calendars and departments that
// exist. A ticket is timed by each rule's version current when it was created.
import { timingRuleProblems, type TimingRule } from '@baton/engine';
import { calendars, departments, timingRules, type Transaction } from '@baton/db';
import { desc, eq, sql } from 'drizzle-orm';
import { refreshRuleClocks } from '@baton/workflows';
import type { Database } from '../http/env.js';
import { conflict, invalid, notFound } from '../http/problem.js';

export type TimingRuleVersion = {
  key: string;
  version: number;
  active: boolean;
  rule: Omit<TimingRule, 'key'>;
  createdBy: string | null;
  createdAt: string;
};

const versionOf = (row: typeof timingRules.$inferSelect): TimingRuleVersion => ({
  key: row.key,
  version: row.version,
  active: row.active,
  rule: row.rule as Omit<TimingRule, 'key'>,
  createdBy: row.createdBy,
  createdAt: row.createdAt.toISOString(),
});

/** The latest version of every rule, retired ones included (`active` false), by key. */
export async function listTimingRules(db: Database): Promise<TimingRuleVersion[]> {
  const rows = await db
    .selectDistinctOn([timingRules.key])
    .from(timingRules)
    .orderBy(timingRules.key, desc(timingRules.version));
  return rows.map(versionOf);
}

/** Every version of one rule, newest first; 404 when there is no such rule. */
export async function timingRuleVersions(db: Database, key: string): Promise<TimingRuleVersion[]> {
  const rows = await db
    .select()
    .from(timingRules)
    .where(eq(timingRules.key, key))
    .orderBy(desc(timingRules.version));
  if (rows.length === 0) throw notFound('timing rule', key);
  return rows.map(versionOf);
}

/**
 * The latest version of `key` (undefined for a new key), with the key locked for the rest of the
 * transaction: two saves (or a save and an apply) of one key take turns, so each save gets its
 * own version number and an apply sees the version it applies.
 */
async function lockedLatestVersion(tx: Transaction, key: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`timing-rule:${key}`}))`);
  const [latest] = await tx
    .select({ version: timingRules.version, active: timingRules.active })
    .from(timingRules)
    .where(eq(timingRules.key, key))
    .orderBy(desc(timingRules.version))
    .limit(1);
  return latest;
}

/**
 * Saves `rule` as the next version of `key` (the first when the key is new). A refused rule adds
 * no version; each problem names its field under `body.rule`.
 */
export async function saveTimingRule(
  db: Database,
  key: string,
  input: { rule: Omit<TimingRule, 'key'>; active: boolean },
  actorId: string,
  now: Date,
): Promise<TimingRuleVersion> {
  return db.transaction(async (tx) => {
    const known = {
      calendars: (await tx.select({ key: calendars.key }).from(calendars)).map((row) => row.key),
      departments: (await tx.select({ key: departments.key }).from(departments)).map((row) => row.key),
    };
    const problems = timingRuleProblems({ ...input.rule, key }, known);
    if (problems.length > 0)
      throw invalid(
        `timing rule "${key}" cannot be used`,
        problems.map((problem) => ({
          path:
            problem.field === 'key' ? 'params.key' : ['body.rule', problem.field].filter(Boolean).join('.'),
          message: problem.message,
        })),
      );
    const latest = await lockedLatestVersion(tx, key);
    const [saved] = await tx
      .insert(timingRules)
      .values({
        key,
        version: (latest?.version ?? 0) + 1,
        rule: input.rule,
        active: input.active,
        createdBy: actorId,
        createdAt: now,
      })
      .returning();
    return versionOf(saved!);
  });
}

/**
 * Applies the rule's latest version to the running tickets created under an earlier one (and not
 * given it since): their clocks count against it from now on, keeping the time counted and the
 * levels reached, and their levels ahead are measured again. 409 when the latest version is
 * retired. Answers how many tickets it reached; a repeat reaches none.
 */
export async function applyTimingRule(
  db: Database,
  key: string,
  actorId: string,
  now: Date,
): Promise<{ version: number; tickets: number }> {
  return db.transaction(async (tx) => {
    const latest = await lockedLatestVersion(tx, key);
    if (!latest) throw notFound('timing rule', key);
    if (!latest.active)
      throw conflict(
        `version ${latest.version} of timing rule "${key}" is retired: there is nothing to apply`,
      );
    const { rows } = await tx.execute<{ ticket_id: string }>(sql`
      insert into timing_rule_applications (ticket_id, key, version, applied_by, applied_at)
      select t.id, ${key}, ${latest.version}, ${actorId}, ${now.toISOString()}::timestamptz
        from tickets t
        cross join lateral (
          select r.version, r.active from timing_rules r
           where r.key = ${key} and r.created_at <= t.created_at
           order by r.version desc limit 1) born
       where t.status not in ('done', 'cancelled') and born.active
         and greatest(born.version, coalesce((select max(a.version) from timing_rule_applications a
               where a.ticket_id = t.id and a.key = ${key}), 0)) < ${latest.version}
      returning ticket_id`);
    for (const row of rows) await refreshRuleClocks(tx, row.ticket_id, now.getTime());
    return { version: latest.version, tickets: rows.length };
  });
}
