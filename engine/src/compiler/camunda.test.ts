// Camunda 8 models run as drawn where they use what Baton supports (the leading `=`,
// zeebe:taskDefinition, zeebe:assignmentDefinition candidateGroups, zeebe:ioMapping inputs);
// every other zeebe extension is a warning naming the element, never a silent difference.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as b from '../../test/bpmn-builder.js';
import { compileOk, diagnose } from '../../test/compile-helpers.js';
import { applyEvent, openTasks, startRun, type Effect, type Flow, type Step } from '../index.js';

const exported = readFileSync(
  new URL('../../test/fixtures/camunda-modeler-refunds.bpmn', import.meta.url),
  'utf8',
);
const activities = ['crm.lookup', 'payments.refund'];
type ActivityRun = Extract<Effect, { type: 'activity.run' }>;

/** Drives one ticket: every activity succeeds, every user task is completed with `answers`. */
function drive(flow: Flow, variables: Record<string, unknown>, answers: Record<string, unknown> = {}) {
  const ran: ActivityRun[] = [];
  const tasks: { elementId: string; department?: string }[] = [];
  let now = 0;
  let step: Step = startRun(flow, { ticketId: 'T-1', variables }, now);
  for (let guard = 0; guard < 20 && step.state.status === 'running'; guard++) {
    const run = step.effects.find((e): e is ActivityRun => e.type === 'activity.run');
    const [task] = openTasks(step.state);
    if (run) {
      ran.push(run);
      step = applyEvent(flow, step.state, { type: 'activity.completed', activityId: run.activityId }, ++now);
    } else if (task) {
      tasks.push({ elementId: task.elementId, department: task.department });
      const actor = { userId: 'ana', departments: [task.department ?? ''], roles: ['agent'] };
      step = applyEvent(
        flow,
        step.state,
        { type: 'task.completed', taskId: task.taskId, actor, data: answers },
        ++now,
      );
    } else break;
    if (step.rejected) expect.fail(step.rejected);
  }
  return { status: step.state.status, ran, tasks };
}

describe('compileFlow: a Camunda Modeler 5 export (Camunda 8)', () => {
  it('compiles without diagnostics: zeebe task types, candidate groups and inputs read', async () => {
    const { flow, warnings } = await compileOk(exported, { activities });
    expect(warnings).toEqual([]);
    expect(flow.departments).toEqual(['refunds', 'after-sales', 'support']);
    expect(flow.nodes.Activity_lookUpCustomer).toMatchObject({
      kind: 'serviceTask',
      activity: 'crm.lookup',
      // zeebe retries count attempts (5 = the first and four more); Baton's count the ones after the first
      retries: 4,
      inputs: [
        { name: 'email', expression: 'customer.email' },
        { name: 'channel', expression: '"refund-desk"' },
        { name: 'attempt', expression: '2' },
      ],
    });
    expect(flow.nodes.Activity_payRefund).toMatchObject({ activity: 'payments.refund', retries: 3 });
    expect(flow.flows.Flow_1refund!.condition).toBe('category = "refund"');
  });

  it('routes every case as drawn', async () => {
    const { flow } = await compileOk(exported, { activities });
    const customer = { email: 'mia@example.com' };

    const approved = drive(
      flow,
      { category: 'refund', priority: 'urgent', customer, refundAmount: 40 },
      { approved: true },
    );
    expect(approved.ran.map((r) => [r.activity, r.input])).toEqual([
      ['crm.lookup', { email: 'mia@example.com', channel: 'refund-desk', attempt: 2 }],
      ['payments.refund', { amount: 40 }],
    ]);
    expect(approved.tasks).toEqual([{ elementId: 'Activity_checkRefund', department: 'refunds' }]);
    expect(approved.status).toBe('done');

    const rejected = drive(flow, { category: 'refund', priority: 'low', customer }, { approved: false });
    expect(rejected.ran.map((r) => r.activity)).toEqual(['crm.lookup']);
    expect(rejected.tasks).toEqual([{ elementId: 'Activity_checkRefund', department: 'refunds' }]);
    expect(rejected.status).toBe('done');

    const urgent = drive(flow, { category: 'billing', priority: 'urgent', customer });
    expect(urgent.tasks).toEqual([{ elementId: 'Activity_handleUrgent', department: 'after-sales' }]);
    expect(urgent.status).toBe('done');

    const other = drive(flow, { category: 'billing', priority: 'low', customer });
    expect(other.tasks).toEqual([{ elementId: 'Activity_answerCustomer', department: 'support' }]);
    expect(other.status).toBe('done');
  });
});

const ZEEBE_NS = 'xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" ';
const withZeebe = (xml: string) => xml.replace('xmlns:baton=', `${ZEEBE_NS}xmlns:baton=`);
const extensions = (...children: string[]) =>
  `<bpmn:extensionElements>${children.join('')}</bpmn:extensionElements>`;

describe('compileFlow: zeebe extensions', () => {
  it('takes a lane department before candidateGroups, and says so when they differ', async () => {
    const xml = withZeebe(
      b.bpmn(
        [
          b.start('S'),
          b.el('userTask', 'T', { name: 'Check' }, [
            extensions('<zeebe:assignmentDefinition candidateGroups="support"/>'),
          ]),
          b.end('E'),
          b.chain('S', 'T', 'E'),
        ],
        { lanes: [{ department: 'refunds', nodes: ['T'] }] },
      ),
    );
    const { flow, warnings } = await compileOk(xml);
    expect(flow.nodes.T).toMatchObject({ department: 'refunds' });
    expect(warnings).toContainEqual(
      expect.objectContaining({
        code: 'zeebe-candidate-groups-ignored',
        elementId: 'T',
        severity: 'warning',
      }),
    );
  });

  it('fills a lane without baton:department from candidateGroups', async () => {
    const xml = withZeebe(
      b.bpmn(
        [
          b.start('S'),
          b.el('userTask', 'T', { name: 'Check' }, [
            extensions('<zeebe:assignmentDefinition candidateGroups="refunds"/>'),
          ]),
          b.end('E'),
          b.chain('S', 'T', 'E'),
        ],
        { lanes: [{ id: 'Lane_1', nodes: ['T'] }] },
      ),
    );
    const { flow, warnings } = await compileOk(xml);
    expect(flow.nodes.T).toMatchObject({ department: 'refunds' });
    expect(flow.departments).toEqual(['refunds']);
    expect(warnings).toEqual([]);
  });

  it('warns, naming the element and the extension, about every zeebe extension it does not run', async () => {
    const xml = withZeebe(
      b.bpmn(
        [
          b.start('S'),
          b.el('serviceTask', 'Call', { name: 'Call' }, [
            extensions(
              '<zeebe:taskDefinition type="crm.lookup"/>',
              '<zeebe:taskHeaders><zeebe:header key="a" value="b"/></zeebe:taskHeaders>',
              '<zeebe:ioMapping><zeebe:input source="=x" target="y"/><zeebe:output source="=result" target="crm"/></zeebe:ioMapping>',
            ),
          ]),
          b.el('userTask', 'Form', { name: 'Fill in' }, [
            extensions(
              '<zeebe:formDefinition formKey="camunda-forms:bpmn:Form_1"/>',
              '<zeebe:assignmentDefinition assignee="=initiator" candidateGroups="support, refunds"/>',
            ),
          ]),
          b.el('intermediateCatchEvent', 'Wait', {}, ['<bpmn:messageEventDefinition messageRef="M"/>']),
          b.end('E'),
          b.chain('S', 'Call', 'Form', 'Wait', 'E'),
        ],
        {},
        [
          `<bpmn:message id="M" name="reply">${extensions('<zeebe:subscription correlationKey="=ticketId"/>')}</bpmn:message>`,
        ],
      ),
    );
    const { flow, warnings } = await compileOk(xml);
    const found = warnings.map((w) => [w.code, w.elementId, /zeebe:\w+/.exec(w.message)?.[0]]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['unsupported-zeebe-extension', 'Call', 'zeebe:taskHeaders'],
        ['unsupported-zeebe-extension', 'Call', 'zeebe:output'],
        ['unsupported-zeebe-extension', 'Form', 'zeebe:formDefinition'],
        ['unsupported-zeebe-extension', 'Form', 'zeebe:assignmentDefinition'],
        ['zeebe-candidate-groups', 'Form', 'zeebe:assignmentDefinition'],
        ['unsupported-zeebe-extension', 'M', 'zeebe:subscription'],
      ]),
    );
    // The first of several candidate groups is the department, with the warning above.
    expect(flow.nodes.Form).toMatchObject({ department: 'support' });
    expect(flow.nodes.Call).toMatchObject({
      activity: 'crm.lookup',
      inputs: [{ name: 'y', expression: 'x' }],
    });
  });

  it('reports a task type computed by FEEL, which Baton cannot deploy', async () => {
    const xml = withZeebe(
      b.bpmn([
        b.start('S'),
        b.el('serviceTask', 'Call', { name: 'Call' }, [extensions('<zeebe:taskDefinition type="=kind"/>')]),
        b.end('E'),
        b.chain('S', 'Call', 'E'),
      ]),
    );
    const diagnostics = await diagnose(xml);
    expect(diagnostics).toContainEqual(
      expect.objectContaining({
        code: 'unsupported-zeebe-extension',
        elementId: 'Call',
        severity: 'warning',
      }),
    );
    expect(diagnostics).toContainEqual(
      expect.objectContaining({ code: 'missing-activity', elementId: 'Call' }),
    );
  });
});
