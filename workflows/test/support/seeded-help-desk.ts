// The seeded help desk (db's seedDatabase with the engine's compileFlow): departments, users,
// the office calendar and the call-centre flow deployed as version 1.
import { type Database, flowVersions } from '@baton/db';
import { type Flow, compileFlow } from '@baton/engine';
import { eq } from 'drizzle-orm';
// Not in @baton/db's exports yet (requested: "./seed": "./src/seed/seed.ts").
import { seedDatabase } from '@baton/db';

export const CALL_CENTRE = { typeId: 'call-centre', flowVersionId: 'fv_call-centre_1' } as const;

/** Seeded user ids (db seed: `usr_<local part>`). */
export const USERS = {
  supportAgent1: 'usr_support_agent1',
  supportAgent2: 'usr_support_agent2',
  faultsAgent: 'usr_faults_agent',
  faultsLead: 'usr_faults_lead',
  afterSalesAgent: 'usr_aftersales_agent',
  callbackAgent: 'usr_callback_agent',
} as const;

export async function seedHelpDesk(db: Database): Promise<Flow> {
  const summary = await seedDatabase(db, { compile: compileFlow });
  if (summary.notDeployed.length > 0)
    throw new Error(`seed flows did not compile: ${JSON.stringify(summary.notDeployed)}`);
  const [version] = await db
    .select()
    .from(flowVersions)
    .where(eq(flowVersions.id, CALL_CENTRE.flowVersionId));
  if (!version) throw new Error(`seed has no flow version ${CALL_CENTRE.flowVersionId}`);
  return version.compiled as Flow;
}
