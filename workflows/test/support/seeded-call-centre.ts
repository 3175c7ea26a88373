// The seeded call-centre flow compiled on the seeded calendars, as unit tests of the run loop,
// the driver and the sandbox drive it.
import { readFileSync } from 'node:fs';
import { SEED_CALENDARS } from '@baton/db';
import { type Flow, compileFlow } from '@baton/engine';

export async function seededCallCentre(): Promise<Flow> {
  const xml = readFileSync(new URL('../../../db/src/seed/flows/call-centre.bpmn', import.meta.url), 'utf8');
  const compiled = await compileFlow(xml, {
    calendars: Object.fromEntries(SEED_CALENDARS.map((c) => [c.key, c.spec])),
  });
  if (!compiled.ok) throw new Error(`seed flow does not compile: ${JSON.stringify(compiled.errors)}`);
  return compiled.flow;
}
