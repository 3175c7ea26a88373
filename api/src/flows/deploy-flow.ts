// Deploying a draft: compiled, checked, and stored as the ticket type's next immutable version.
import { desc, eq, sql } from 'drizzle-orm';
import type { Diagnostic } from '@baton/engine';
import { flowVersions } from '@baton/db';
import type { ActivityInfo, Database } from '../http/env.js';
import { invalid } from '../http/problem.js';
import { compileAgainstInstallation } from './compile-draft.js';
import { draftXml } from './flow-drafts.js';

export type DeployOptions = {
  activities: readonly ActivityInfo[];
  /** A larger compiled Flow is refused: it travels in every ticket's workflow input. */
  maxCompiledFlowBytes: number;
  userId: string;
  now: Date;
};

/**
 * Deploys the saved draft; refused with 422 and the diagnostics while it has errors. New tickets
 * start on the new version, running tickets keep theirs.
 */
export async function deployFlow(db: Database, typeId: string, options: DeployOptions) {
  const xml = await draftXml(db, typeId);
  const result = await compileAgainstInstallation(db, options.activities, xml, typeId);
  if (!result.ok) {
    throw invalid(
      `the flow has ${result.errors.length} error(s); fix them before deploying`,
      diagnosticErrors(result.errors),
      { diagnostics: [...result.errors, ...result.warnings] },
    );
  }
  const compiledSize = Buffer.byteLength(JSON.stringify(result.flow));
  if (compiledSize > options.maxCompiledFlowBytes) {
    throw invalid(
      `the compiled flow is ${compiledSize} bytes; at most ${options.maxCompiledFlowBytes} are allowed`,
      [{ path: 'body', message: 'flow too large' }],
    );
  }
  const row = await db.transaction(async (tx) => {
    // Lock the type so two deploys cannot pick the same version number.
    await tx.execute(sql`select 1 from ticket_types where id = ${typeId} for update`);
    const [last] = await tx
      .select({ version: flowVersions.version })
      .from(flowVersions)
      .where(eq(flowVersions.ticketTypeId, typeId))
      .orderBy(desc(flowVersions.version))
      .limit(1);
    const version = (last?.version ?? 0) + 1;
    const [inserted] = await tx
      .insert(flowVersions)
      .values({
        id: `${typeId}-v${version}`,
        ticketTypeId: typeId,
        version,
        xml,
        compiled: result.flow,
        deployedAt: options.now,
        deployedBy: options.userId,
      })
      .returning();
    return inserted!;
  });
  return { version: row, warnings: result.warnings };
}

const diagnosticErrors = (errors: Diagnostic[]) =>
  errors.map((d) => ({
    path: d.elementId ? `flow.${d.elementId}` : 'flow',
    message: d.message,
    code: d.code,
  }));
