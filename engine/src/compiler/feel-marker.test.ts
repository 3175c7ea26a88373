// Camunda Modeler writes FEEL with a leading `=` (Camunda 8's marker for "this is an
// expression"). The compiler strips the marker, so the Flow holds the bare FEEL and a ticket
// takes the path the diagram draws.
import { describe, expect, it } from 'vitest';
import * as b from '../../test/bpmn-builder.js';
import { compileOk, diagnose } from '../../test/compile-helpers.js';
import { openTasks, startRun } from '../index.js';

const routedByCategory = (condition: string) =>
  b.bpmn(
    [
      b.start('S'),
      b.xor('G', { default: 'G_Other' }),
      b.userTask('Refund'),
      b.userTask('Other'),
      b.end('E'),
      b.flow('S', 'G'),
      b.flow('G', 'Refund', condition),
      b.flow('G', 'Other'),
      b.flow('Refund', 'E'),
      b.flow('Other', 'E'),
    ],
    { lanes: [{ department: 'refunds', nodes: ['Refund', 'Other'] }] },
  );

const firstTask = async (xml: string, variables: Record<string, unknown>) => {
  const { flow } = await compileOk(xml);
  return openTasks(startRun(flow, { ticketId: 'T-1', variables }, 0).state).map((t) => t.elementId);
};

describe('compileFlow: the leading = of Camunda 8 expressions', () => {
  it('routes a condition written as = category = "refund" as drawn', async () => {
    const xml = routedByCategory('= category = "refund"');
    expect(await firstTask(xml, { category: 'refund' })).toEqual(['Refund']);
    expect(await firstTask(xml, { category: 'billing' })).toEqual(['Other']);
    const { flow } = await compileOk(xml);
    expect(flow.flows.G_Refund!.condition).toBe('category = "refund"');
  });

  it('accepts the marker without a space and keeps conditions without one as FEEL', async () => {
    for (const condition of ['=category = "refund"', 'category = "refund"', '  =  category = "refund" ']) {
      expect(await firstTask(routedByCategory(condition), { category: 'refund' }), condition).toEqual([
        'Refund',
      ]);
    }
  });

  it('checks the expression after the marker, and a bare = is an empty condition', async () => {
    expect((await diagnose(routedByCategory('= category = '))).map((d) => d.code)).toContain('invalid-feel');
    expect((await diagnose(routedByCategory('='))).map((d) => d.code)).toContain('empty-condition');
  });

  it('strips the marker from service-task inputs too', async () => {
    const { flow } = await compileOk(
      b.bpmn([
        b.start('S'),
        b.serviceTask('Call', { activity: 'crm.lookup' }, { email: '= customer.email' }),
        b.end('E'),
        b.chain('S', 'Call', 'E'),
      ]),
    );
    expect(flow.nodes.Call).toMatchObject({ inputs: [{ name: 'email', expression: 'customer.email' }] });
  });

  it('reports a timer written as a FEEL expression, which Baton does not evaluate', async () => {
    const diagnostics = await diagnose(
      b.bpmn([
        b.start('S'),
        b.timerCatch('Wait', { duration: '= duration("PT1H")' }),
        b.end('E'),
        b.chain('S', 'Wait', 'E'),
      ]),
    );
    expect(diagnostics).toContainEqual(
      expect.objectContaining({ code: 'unsupported-timer-expression', elementId: 'Wait', severity: 'error' }),
    );
  });
});
