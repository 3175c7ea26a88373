// Every diagnostic the compiler emits, each provoked by the smallest diagram that shows it.
import { describe, expect, it } from 'vitest';
import * as b from '../../test/bpmn-builder.js';
import { codesOf, diagnose, shanghai } from '../../test/compile-helpers.js';
import type { CompileOptions, Diagnostic } from '../types.js';
import { compileFlow } from './index.js';

/** S -> T -> E with T drawn by the caller. */
const around = (task: string, options: b.ProcessOptions = {}, extras: string[] = []) =>
  b.bpmn([b.start('S'), task, b.end('E'), b.flow('S', 'T'), b.flow('T', 'E')], options, extras);

type Case = {
  code: string;
  severity?: Diagnostic['severity'];
  xml: string;
  options?: CompileOptions;
  elementId?: string;
  /** A word the message must contain, so the message says what is wrong. */
  mentions?: string;
};

const decision = (
  conditions: [string, string][],
  taskAttrs: b.Attrs = { outcomes: 'a,b' },
  gatewayAttrs: b.Attrs = {},
) =>
  b.bpmn([
    b.start('S'),
    b.userTask('T', taskAttrs),
    b.xor('G', gatewayAttrs),
    b.end('EA'),
    b.end('EB'),
    b.chain('S', 'T', 'G'),
    ...conditions.map(([target, condition]) => b.flow('G', target, condition || undefined)),
  ]);

const cases: Case[] = [
  { code: 'empty-document', xml: '  ' },
  {
    code: 'malformed-xml',
    xml: '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="P">',
  },
  { code: 'malformed-xml', xml: 'this is not xml at all' },
  { code: 'not-bpmn', xml: '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body/></html>' },
  { code: 'no-process', xml: b.definitions([]) },
  { code: 'no-process', xml: b.definitions([b.process([])]), mentions: 'Process_1' },
  {
    code: 'multiple-processes',
    xml: b.definitions([b.process([b.start('A')], { id: 'One' }), b.process([b.start('B')], { id: 'Two' })]),
    mentions: "'One', 'Two'",
  },
  {
    code: 'ignored-processes',
    severity: 'warning',
    xml: b.definitions([
      b.process([b.start('A'), b.end('AE'), b.chain('A', 'AE')], { id: 'One' }),
      b.process([b.start('B')], { id: 'Doc', attrs: { isExecutable: false } }),
    ]),
  },
  {
    code: 'xml-ignored',
    severity: 'warning',
    xml: b.bpmn([b.start('S'), b.end('E'), b.chain('S', 'E'), '<bpmn:madeUpThing id="X"/>']),
  },
  {
    code: 'unsupported-element',
    xml: b.bpmn([
      b.start('S'),
      b.el('complexGateway', 'Gateway_1'),
      b.end('E'),
      b.chain('S', 'Gateway_1', 'E'),
    ]),
    elementId: 'Gateway_1',
    mentions: "unsupported element bpmn:ComplexGateway 'Gateway_1'",
  },
  {
    code: 'unsupported-element',
    xml: b.bpmn([b.start('S'), b.el('task', 'Plain'), b.end('E'), b.chain('S', 'Plain', 'E')]),
    elementId: 'Plain',
    mentions: 'bpmn:Task',
  },
  {
    code: 'unsupported-element',
    xml: around(b.el('userTask', 'T', { name: 'Many' }, ['<bpmn:multiInstanceLoopCharacteristics/>'])),
    elementId: 'T',
    mentions: 'multi-instance',
  },
  {
    code: 'unsupported-element',
    xml: b.bpmn([
      b.el('startEvent', 'TS', {}, [
        '<bpmn:timerEventDefinition><bpmn:timeCycle>R/P1D</bpmn:timeCycle></bpmn:timerEventDefinition>',
      ]),
      b.end('E'),
      b.chain('TS', 'E'),
    ]),
    elementId: 'TS',
    mentions: 'bpmn:TimerEventDefinition',
  },
  {
    code: 'unsupported-element',
    xml: b.bpmn([
      b.start('S'),
      b.el('endEvent', 'Err', {}, ['<bpmn:errorEventDefinition/>']),
      b.chain('S', 'Err'),
    ]),
    elementId: 'Err',
  },
  {
    code: 'unsupported-element',
    xml: around(b.el('subProcess', 'T', { triggeredByEvent: true })),
    elementId: 'T',
    mentions: 'event sub-process',
  },
  {
    code: 'unsupported-element',
    xml: b.bpmn([
      b.start('S'),
      b.userTask('T'),
      b.el('boundaryEvent', 'Msg', { attachedToRef: 'T' }, ['<bpmn:messageEventDefinition/>']),
      b.end('E'),
      b.chain('S', 'T', 'E'),
      b.flow('Msg', 'E'),
    ]),
    elementId: 'Msg',
  },
  { code: 'duplicate-id', xml: around(b.userTask('T') + b.userTask('T')), elementId: 'T' },
  { code: 'missing-id', xml: around(b.userTask('T') + b.el('userTask', undefined)) },
  {
    code: 'missing-message',
    xml: b.bpmn([
      b.start('S'),
      b.el('intermediateCatchEvent', 'M', {}, ['<bpmn:messageEventDefinition/>']),
      b.end('E'),
      b.chain('S', 'M', 'E'),
    ]),
    elementId: 'M',
  },
  { code: 'missing-name', severity: 'warning', xml: around(b.el('userTask', 'T')), elementId: 'T' },
  {
    code: 'missing-sla',
    severity: 'warning',
    xml: around(b.userTask('T'), { attrs: { calendar: 'cn' } }),
    options: { calendars: { cn: shanghai } },
    elementId: 'T',
  },
  {
    code: 'sla-levels-ignored',
    severity: 'warning',
    xml: around(b.userTask('T', { warnAt: 0.5 })),
    elementId: 'T',
  },
  {
    code: 'invalid-assign',
    xml: around(b.userTask('T', { assign: 'random' })),
    elementId: 'T',
    mentions: 'round-robin',
  },
  {
    code: 'duplicate-outcome',
    severity: 'warning',
    xml: around(b.userTask('T', { outcomes: 'a,b,a' })),
    elementId: 'T',
  },
  { code: 'missing-activity', xml: around(b.serviceTask('T')), elementId: 'T' },
  {
    code: 'unknown-activity',
    xml: around(b.serviceTask('T', { activity: 'crm.lookup' })),
    options: { activities: ['erp.invoice'] },
    elementId: 'T',
    mentions: 'erp.invoice',
  },
  {
    code: 'invalid-input',
    xml: around(b.serviceTask('T', { activity: 'x' }, { email: '' })),
    elementId: 'T',
  },
  {
    code: 'invalid-feel',
    xml: around(b.serviceTask('T', { activity: 'x' }, { email: 'customer.(' })),
    elementId: 'T',
  },
  {
    code: 'invalid-retries',
    xml: around(b.serviceTask('T', { activity: 'x', retries: 'many' })),
    elementId: 'T',
  },
  {
    code: 'invalid-retries',
    xml: around(b.serviceTask('T', { activity: 'x', retries: -1 })),
    elementId: 'T',
  },
  {
    code: 'invalid-duration',
    xml: around(b.serviceTask('T', { activity: 'x', timeout: '30s' })),
    elementId: 'T',
  },
  {
    code: 'invalid-duration',
    xml: around(b.userTask('T', { sla: 'four hours' })),
    elementId: 'T',
    mentions: 'baton:sla',
  },
  {
    code: 'invalid-duration',
    xml: around(b.userTask('T', { sla: 'PT0S' })),
    elementId: 'T',
    mentions: 'zero',
  },
  {
    code: 'ambiguous-duration',
    xml: around(b.userTask('T', { sla: 'P1M' })),
    elementId: 'T',
    mentions: 'months',
  },
  {
    code: 'invalid-duration',
    xml: b.bpmn([
      b.start('S'),
      b.timerCatch('W', { duration: '${wait}' }),
      b.end('E'),
      b.chain('S', 'W', 'E'),
    ]),
    elementId: 'W',
  },
  {
    code: 'ambiguous-duration',
    xml: b.bpmn([b.start('S'), b.timerCatch('W', { duration: 'P1Y' }), b.end('E'), b.chain('S', 'W', 'E')]),
    elementId: 'W',
  },
  { code: 'missing-recipients', xml: around(b.sendTask('T', { template: 'x' })), elementId: 'T' },
  {
    code: 'invalid-recipient',
    xml: around(b.sendTask('T', { template: 'x', notify: 'assignee,boss' })),
    elementId: 'T',
    mentions: 'boss',
  },
  { code: 'missing-template', xml: around(b.sendTask('T', { notify: 'lead' })), elementId: 'T' },
  {
    code: 'invalid-cycle',
    xml: b.bpmn([b.start('S'), b.timerCatch('W', { cycle: 'R3/PT1H' }), b.end('E'), b.chain('S', 'W', 'E')]),
    elementId: 'W',
    mentions: 'timeDuration',
  },
  {
    code: 'invalid-cycle',
    xml: b.bpmn([
      b.start('S'),
      b.userTask('T'),
      b.boundaryTimer('B', 'T', { cycle: 'every hour' }, { cancelActivity: false }),
      b.end('E'),
      b.chain('S', 'T', 'E'),
      b.flow('B', 'E'),
    ]),
    elementId: 'B',
  },
  {
    code: 'interrupting-cycle',
    xml: b.bpmn([
      b.start('S'),
      b.userTask('T'),
      b.boundaryTimer('B', 'T', { cycle: 'R2/PT1H' }),
      b.end('E'),
      b.chain('S', 'T', 'E'),
      b.flow('B', 'E'),
    ]),
    elementId: 'B',
  },
  {
    code: 'invalid-timer',
    xml: b.bpmn([b.start('S'), b.timerCatch('W', {}), b.end('E'), b.chain('S', 'W', 'E')]),
    elementId: 'W',
  },
  {
    code: 'invalid-timer',
    xml: b.bpmn([
      b.start('S'),
      b.timerCatch('W', { duration: 'PT1H', date: '2026-01-01T00:00:00Z' }),
      b.end('E'),
      b.chain('S', 'W', 'E'),
    ]),
    elementId: 'W',
  },
  {
    code: 'invalid-date',
    xml: b.bpmn([
      b.start('S'),
      b.timerCatch('W', { date: '2026-03-01T09:00:00' }),
      b.end('E'),
      b.chain('S', 'W', 'E'),
    ]),
    elementId: 'W',
    mentions: 'offset',
  },
  {
    code: 'calendar-ignored',
    severity: 'warning',
    xml: b.bpmn([
      b.start('S'),
      b.timerCatch('W', { date: '2026-03-01T09:00:00Z' }, { calendar: 'cn' }),
      b.end('E'),
      b.chain('S', 'W', 'E'),
    ]),
    options: { calendars: { cn: shanghai } },
    elementId: 'W',
  },
  {
    code: 'subprocess-start',
    xml: b.bpmn([
      b.start('S'),
      b.subProcess('Sub', b.userTask('In'), b.end('SE'), b.chain('In', 'SE')),
      b.end('E'),
      b.chain('S', 'Sub', 'E'),
    ]),
    elementId: 'Sub',
  },
  {
    code: 'invalid-boundary-host',
    xml: b.bpmn([
      b.start('S'),
      b.sendTask('N', { notify: 'lead', template: 't' }),
      b.boundaryTimer('B', 'N', { duration: 'PT1H' }),
      b.end('E'),
      b.chain('S', 'N', 'E'),
      b.flow('B', 'E'),
    ]),
    elementId: 'B',
  },
  {
    code: 'invalid-sequence-flow',
    xml: b.bpmn([
      b.start('S'),
      b.end('E'),
      b.chain('S', 'E'),
      '<bpmn:sequenceFlow id="Loose" sourceRef="S"/>',
    ]),
    elementId: 'Loose',
  },
  {
    code: 'flow-crosses-scope',
    xml: b.bpmn([
      b.start('S'),
      b.subProcess('Sub', b.start('SS'), b.userTask('In'), b.end('SE'), b.chain('SS', 'In', 'SE')),
      b.end('E'),
      b.chain('S', 'Sub', 'E'),
      b.flow('In', 'E', undefined, 'Jump'),
    ]),
    elementId: 'Jump',
  },
  {
    code: 'unsupported-expression-language',
    xml: b.bpmn([
      b.start('S'),
      b.xor('G', { default: 'G_E' }),
      b.end('E'),
      b.end('E2'),
      b.flow('S', 'G'),
      b.flow('G', 'E'),
      '<bpmn:sequenceFlow id="Js" sourceRef="G" targetRef="E2"><bpmn:conditionExpression language="javascript">x > 1</bpmn:conditionExpression></bpmn:sequenceFlow>',
    ]),
    elementId: 'Js',
  },
  {
    code: 'empty-condition',
    xml: b.bpmn([
      b.start('S'),
      b.xor('G', { default: 'G_E' }),
      b.end('E'),
      b.end('E2'),
      b.flow('S', 'G'),
      b.flow('G', 'E'),
      '<bpmn:sequenceFlow id="Blank" sourceRef="G" targetRef="E2"><bpmn:conditionExpression> </bpmn:conditionExpression></bpmn:sequenceFlow>',
    ]),
    elementId: 'Blank',
  },
  {
    code: 'invalid-feel',
    xml: decision(
      [
        ['EA', 'outcome = "a"'],
        ['EB', 'outcome == "b" &&'],
      ],
      { outcomes: 'a,b' },
      { default: 'G_EA' },
    ),
    elementId: 'G_EB',
    mentions: 'FEEL',
  },
  {
    code: 'business-days',
    severity: 'warning',
    xml: around(b.userTask('T', { sla: 'P1D' }), { attrs: { calendar: 'cn' } }),
    options: { calendars: { cn: shanghai } },
    elementId: 'T',
    mentions: 'PT8H',
  },
  { code: 'invalid-sla-levels', xml: around(b.userTask('T', { sla: 'PT4H', warnAt: 1.2 })), elementId: 'T' },
  {
    code: 'invalid-sla-levels',
    xml: around(b.userTask('T', { sla: 'PT4H', severeAt: 0.9 })),
    elementId: 'T',
  },
  {
    code: 'invalid-sla-levels',
    xml: around(b.userTask('T', { sla: 'PT4H', warnAt: 'soon' })),
    elementId: 'T',
  },
  {
    code: 'unknown-calendar',
    xml: around(b.userTask('T', { sla: 'PT4H', calendar: 'mars' })),
    options: { calendars: { cn: shanghai } },
    elementId: 'T',
    mentions: 'cn',
  },
  {
    code: 'unknown-calendar',
    xml: around(b.userTask('T', { sla: 'PT4H' }), { attrs: { calendar: 'cn' } }),
    elementId: 'Process_1',
  },
  {
    code: 'invalid-calendar',
    xml: around(b.userTask('T', { sla: 'PT4H', calendar: 'bad' })),
    options: { calendars: { bad: { timeZone: 'Mars/Olympus', week: { mon: [['09:00', '18:00']] } } } },
    elementId: 'T',
    mentions: 'Mars/Olympus',
  },
  {
    code: 'task-outside-lanes',
    xml: b.bpmn(
      [b.start('S'), b.userTask('In'), b.userTask('Out'), b.end('E'), b.chain('S', 'In', 'Out', 'E')],
      {
        lanes: [{ department: 'support', nodes: ['S', 'In', 'E'] }],
      },
    ),
    elementId: 'Out',
  },
  {
    code: 'lane-without-department',
    xml: around(b.userTask('T'), { lanes: [{ id: 'Nameless', nodes: ['S', 'T', 'E'] }] }),
    elementId: 'Nameless',
  },
  {
    code: 'lane-without-department',
    severity: 'warning',
    xml: around(b.userTask('T'), {
      lanes: [
        { department: 'support', nodes: ['T'] },
        { id: 'Bots', nodes: ['S', 'E'] },
      ],
    }),
    elementId: 'Bots',
  },
  {
    code: 'unknown-transfer-department',
    xml: around(b.userTask('T', { transferTo: 'support,legal' }), {
      lanes: [{ department: 'support', nodes: ['T'] }],
    }),
    elementId: 'T',
    mentions: 'legal',
  },
  {
    code: 'conditional-flow-from-parallel-gateway',
    xml: b.bpmn([
      b.start('S'),
      b.and('P'),
      b.end('E'),
      b.flow('S', 'P'),
      b.flow('P', 'E', 'priority = "high"'),
    ]),
    elementId: 'P_E',
  },
  {
    code: 'conditional-flow-from-activity',
    xml: b.bpmn([b.start('S'), b.userTask('T'), b.end('E'), b.flow('S', 'T'), b.flow('T', 'E', 'true')]),
    elementId: 'T_E',
  },
  {
    code: 'conditional-flow-from-event-gateway',
    xml: b.bpmn([
      b.start('S'),
      b.eventGateway('G'),
      b.timerCatch('A', { duration: 'PT1H' }),
      b.timerCatch('B', { duration: 'PT2H' }),
      b.end('E'),
      b.flow('S', 'G'),
      b.flow('G', 'A', 'true'),
      b.flow('G', 'B'),
      b.chain('A', 'E'),
      b.chain('B', 'E'),
    ]),
    elementId: 'G_A',
  },
  {
    code: 'invalid-default-flow',
    xml: decision(
      [
        ['EA', 'outcome = "a"'],
        ['EB', 'outcome = "b"'],
      ],
      undefined,
      { default: 'S_T' },
    ),
    elementId: 'G',
  },
  {
    code: 'default-flow-condition',
    severity: 'warning',
    xml: decision(
      [
        ['EA', 'outcome = "a"'],
        ['EB', 'outcome = "b"'],
      ],
      undefined,
      { default: 'G_EB' },
    ),
    elementId: 'G_EB',
  },
  {
    code: 'missing-condition',
    xml: decision(
      [
        ['EA', 'outcome = "a"'],
        ['EB', ''],
      ],
      undefined,
    ),
    elementId: 'G_EB',
  },
  {
    code: 'gateway-not-exhaustive',
    xml: decision(
      [
        ['EA', 'outcome = "a"'],
        ['EB', 'outcome = "b"'],
      ],
      { outcomes: 'a,b,c' },
    ),
    elementId: 'G',
    mentions: 'default',
  },
  {
    code: 'gateway-not-exhaustive',
    xml: b.bpmn([
      b.start('S'),
      b.xor('G'),
      b.end('EA'),
      b.end('EB'),
      b.flow('S', 'G'),
      b.flow('G', 'EA', 'priority = "urgent"'),
      b.flow('G', 'EB', 'priority != "urgent"'),
    ]),
    elementId: 'G',
  },
  {
    code: 'unknown-outcome',
    xml: decision(
      [
        ['EA', 'outcome = "a"'],
        ['EB', 'outcome = "z"'],
      ],
      { outcomes: 'a,b' },
      { default: 'G_EA' },
    ),
    elementId: 'G_EB',
    mentions: '"z"',
  },
  {
    code: 'unknown-outcome',
    xml: decision(
      [
        ['EA', 'outcome = "a"'],
        ['EB', ''],
      ],
      {},
      { default: 'G_EB' },
    ),
    elementId: 'G_EA',
    mentions: 'offers no outcomes',
  },
  {
    code: 'unused-outcome',
    severity: 'warning',
    xml: decision(
      [
        ['EA', 'outcome = "a"'],
        ['EB', ''],
      ],
      { outcomes: 'a,b,c' },
      { default: 'G_EB' },
    ),
    elementId: 'T',
    mentions: '"b"',
  },
  {
    code: 'event-gateway-target',
    xml: b.bpmn([
      b.start('S'),
      b.eventGateway('G'),
      b.timerCatch('A', { duration: 'PT1H' }),
      b.userTask('T'),
      b.end('E'),
      b.flow('S', 'G'),
      b.chain('G', 'A', 'E'),
      b.chain('G', 'T', 'E'),
    ]),
    elementId: 'G',
    mentions: "userTask 'T'",
  },
  {
    code: 'event-gateway-single-path',
    severity: 'warning',
    xml: b.bpmn([
      b.start('S'),
      b.eventGateway('G'),
      b.timerCatch('A', { duration: 'PT1H' }),
      b.end('E'),
      b.chain('S', 'G', 'A', 'E'),
    ]),
    elementId: 'G',
  },
  { code: 'no-start-event', xml: b.bpmn([b.userTask('T'), b.end('E'), b.chain('T', 'E')]) },
  {
    code: 'no-start-event',
    xml: b.bpmn([b.messageStart('MS', 'M1'), b.end('E'), b.chain('MS', 'E')], {}, [b.message('M1', 'mail')]),
  },
  {
    code: 'multiple-start-events',
    severity: 'warning',
    xml: b.bpmn([b.start('S1'), b.start('S2'), b.end('E'), b.chain('S1', 'E'), b.chain('S2', 'E')]),
    elementId: 'S2',
  },
  {
    code: 'unreachable-node',
    xml: b.bpmn([
      b.start('S'),
      b.userTask('T'),
      b.userTask('Orphan'),
      b.end('E'),
      b.chain('S', 'T', 'E'),
      b.chain('Orphan', 'E'),
    ]),
    elementId: 'Orphan',
  },
  { code: 'no-end-event', xml: b.bpmn([b.start('S'), b.userTask('T'), b.chain('S', 'T')]) },
  {
    code: 'no-path-to-end',
    xml: b.bpmn([
      b.start('S'),
      b.userTask('T'),
      b.userTask('Stuck'),
      b.end('E'),
      b.chain('S', 'T', 'E'),
      b.flow('T', 'Stuck'),
    ]),
    elementId: 'Stuck',
    mentions: 'no outgoing',
  },
  {
    code: 'no-path-to-end',
    xml: b.bpmn([
      b.start('S'),
      b.userTask('A'),
      b.userTask('B'),
      b.end('E'),
      b.chain('S', 'A', 'B', 'A'),
      b.flow('S', 'E', undefined, 'Direct'),
    ]),
    elementId: 'A',
    mentions: 'loops',
  },
  {
    code: 'incoming-to-start',
    xml: b.bpmn([
      b.start('S'),
      b.userTask('T'),
      b.end('E'),
      b.chain('S', 'T', 'E'),
      b.flow('T', 'S', undefined, 'Back'),
    ]),
    elementId: 'S',
  },
  {
    code: 'outgoing-from-end',
    xml: b.bpmn([b.start('S'), b.end('E'), b.userTask('T'), b.end('E2'), b.chain('S', 'E', 'T', 'E2')]),
    elementId: 'E',
  },
];

describe('compileFlow: diagnostics', () => {
  it.each(cases.map((c, index) => [`${c.code} #${index}`, c] as const))('%s', async (_name, c) => {
    const diagnostics = await diagnose(c.xml, c.options);
    const found = diagnostics.filter(
      (d) =>
        d.code === c.code &&
        d.severity === (c.severity ?? 'error') &&
        (c.elementId === undefined || d.elementId === c.elementId),
    );
    expect(found, `got ${JSON.stringify(diagnostics, null, 1)}`).not.toEqual([]);
    if (c.mentions)
      expect(
        found.some((d) => d.message.includes(c.mentions!)),
        JSON.stringify(found),
      ).toBe(true);
    const result = await compileFlow(c.xml, c.options);
    expect(result.ok).toBe(c.severity === 'warning' ? codesOf(diagnostics, 'error').length === 0 : false);
  });

  it('reports the compiler failing as a diagnostic instead of throwing', async () => {
    const hostile = {
      get calendars(): never {
        throw new Error('options exploded');
      },
    };
    const xml = around(b.userTask('T'));
    await expect(compileFlow(xml, hostile)).resolves.toMatchObject({
      ok: false,
      errors: [{ code: 'internal-error' }],
    });
  });

  it('never rejects on non-string or huge input', async () => {
    await expect(compileFlow(undefined as unknown as string)).resolves.toMatchObject({
      ok: false,
      errors: [{ code: 'empty-document' }],
    });
    const huge = around(b.userTask('T')).replace(
      '<bpmn:process',
      `<!--${'x'.repeat(10_000_001)}--><bpmn:process`,
    );
    await expect(compileFlow(huge)).resolves.toMatchObject({
      ok: false,
      errors: [{ code: 'document-too-large' }],
    });
  });

  it('reports an unsupported element once, not every node behind it', async () => {
    const xml = b.bpmn([
      b.start('S'),
      b.el('task', 'Plain'),
      b.userTask('After'),
      b.el('boundaryEvent', 'Esc', { attachedToRef: 'After' }, ['<bpmn:escalationEventDefinition/>']),
      b.userTask('Escalated'),
      b.end('E'),
      b.chain('S', 'Plain', 'After', 'E'),
      b.chain('Esc', 'Escalated', 'E'),
    ]);
    const diagnostics = await diagnose(xml);
    expect(diagnostics.map((d) => [d.code, d.elementId])).toEqual([
      ['unsupported-element', 'Plain'],
      ['unsupported-element', 'Esc'],
    ]);
  });

  it('proves an outcome gateway exhaustive without a default flow', async () => {
    const xml = decision([
      ['EA', 'outcome = "a"'],
      ['EB', '"b" = outcome'],
    ]);
    const result = await compileFlow(xml);
    expect(result).toMatchObject({ ok: true, warnings: [] });
  });

  it('lets a merge gateway with one unconditional outgoing flow pass', async () => {
    const xml = b.bpmn([b.start('S'), b.xor('Merge'), b.end('E'), b.chain('S', 'Merge', 'E')]);
    expect(await compileFlow(xml)).toMatchObject({ ok: true, warnings: [] });
  });

  it('does not warn about business days in wall-clock time', async () => {
    const diagnostics = await diagnose(around(b.userTask('T', { sla: 'P2D' })));
    expect(codesOf(diagnostics)).toEqual([]);
  });

  it('gives every diagnostic a code, a message that says what to do and a severity', async () => {
    for (const c of cases) {
      for (const d of await diagnose(c.xml, c.options)) {
        expect(d.code).toMatch(/^[a-z]+(-[a-z]+)*$/);
        expect(d.message.length).toBeGreaterThan(20);
        expect(['error', 'warning']).toContain(d.severity);
      }
    }
  });
});
