// Each supported element compiles to the Flow IR the interpreter expects.
import { describe, expect, it } from 'vitest';
import * as b from '../../test/bpmn-builder.js';
import { compileOk, shanghai } from '../../test/compile-helpers.js';
import { compileFlow } from './index.js';

const H = 3_600_000;
const lanes = (...departments: [string, string[]][]) =>
  departments.map(([department, nodes]) => ({ department, nodes }));

describe('compileFlow: elements', () => {
  it('compiles a minimal flow to plain JSON', async () => {
    const { flow, warnings } = await compileOk(
      b.bpmn([b.start('S'), b.userTask('T'), b.end('E'), b.chain('S', 'T', 'E')], {
        attrs: { name: 'Complaint' },
      }),
    );
    expect(warnings).toEqual([]);
    expect(JSON.parse(JSON.stringify(flow))).toStrictEqual(flow);
    expect(flow).toStrictEqual({
      schemaVersion: 1,
      id: 'Process_1',
      name: 'Complaint',
      starts: ['S'],
      nodes: {
        S: { id: 'S', kind: 'startEvent', incoming: [], outgoing: ['S_T'] },
        T: {
          id: 'T',
          name: 'Do T',
          kind: 'userTask',
          incoming: ['S_T'],
          outgoing: ['T_E'],
          assign: 'none',
          outcomes: [],
          transferTo: [],
          returnable: false,
          boundaries: [],
        },
        E: { id: 'E', kind: 'endEvent', terminate: false, incoming: ['T_E'], outgoing: [] },
      },
      flows: {
        S_T: { id: 'S_T', source: 'S', target: 'T' },
        T_E: { id: 'T_E', source: 'T', target: 'E' },
      },
      departments: [],
      entryTasks: {},
      calendars: {},
    });
  });

  it('reads user task attributes, lanes as departments and the process calendar', async () => {
    const xml = b.bpmn(
      [
        b.start('S'),
        b.userTask('Triage', {
          sla: 'PT4H',
          warnAt: 0.7,
          severeAt: 1.5,
          assign: 'round-robin',
          outcomes: 'solved, escalate',
          transferTo: 'product',
          returnable: true,
        }),
        b.userTask('Fix', { sla: 'PT16H', transferTo: '*' }),
        b.xor('G'),
        b.end('E'),
        b.chain('S', 'Triage', 'G'),
        b.flow('G', 'E', 'outcome = "solved"'),
        b.flow('G', 'Fix', 'outcome = "escalate"'),
        b.flow('Fix', 'E'),
      ],
      {
        attrs: { calendar: 'cn', ticketSla: 'PT40H' },
        lanes: lanes(['support', ['Triage']], ['product', ['Fix', 'G']]),
      },
    );
    const { flow, warnings } = await compileOk(xml, { calendars: { cn: shanghai, unused: shanghai } });
    expect(warnings).toEqual([]);
    expect(flow.nodes.Triage).toMatchObject({
      department: 'support',
      sla: { iso: 'PT4H', targetMs: 4 * H, calendar: 'cn', warnAt: 0.7, severeAt: 1.5 },
      assign: 'round-robin',
      outcomes: ['solved', 'escalate'],
      transferTo: ['product'],
      returnable: true,
    });
    expect(flow.nodes.Fix).toMatchObject({
      department: 'product',
      transferTo: '*',
      sla: { warnAt: 0.8, severeAt: 1.3 },
    });
    expect(flow.departments).toEqual(['support', 'product']);
    expect(flow.entryTasks).toEqual({ support: 'Triage', product: 'Fix' });
    expect(flow.calendar).toBe('cn');
    expect(flow.ticketSla).toEqual({
      iso: 'PT40H',
      targetMs: 40 * H,
      calendar: 'cn',
      warnAt: 0.8,
      severeAt: 1.3,
    });
    expect(flow.calendars).toEqual({ cn: shanghai });
    expect(flow.calendars.cn).not.toBe(shanghai);
  });

  it('takes the entry task of a department in flow order, not document order', async () => {
    const xml = b.bpmn(
      [
        b.userTask('Second'),
        b.start('S'),
        b.userTask('First'),
        b.end('E'),
        b.chain('S', 'First', 'Second', 'E'),
      ],
      { lanes: lanes(['support', ['Second', 'First']]) },
    );
    expect((await compileOk(xml)).flow.entryTasks).toEqual({ support: 'First' });
  });

  it('gives a task the department of its innermost lane, or of its sub-process', async () => {
    const xml = b.bpmn(
      [
        b.start('S'),
        b.userTask('A'),
        b.subProcess('Sub', b.start('SS'), b.userTask('B'), b.end('SE'), b.chain('SS', 'B', 'SE')),
        b.end('E'),
        b.chain('S', 'A', 'Sub', 'E'),
      ],
      {
        lanes: [
          { department: 'support', nodes: ['S', 'Sub', 'E'], lanes: [{ department: 'vip', nodes: ['A'] }] },
        ],
      },
    );
    const { flow } = await compileOk(xml);
    expect(flow.nodes.A).toMatchObject({ department: 'vip' });
    expect(flow.nodes.B).toMatchObject({ department: 'support', scope: 'Sub' });
    expect(flow.departments).toEqual(['support', 'vip']);
  });

  it('compiles service tasks with inputs, retries and timeout, and defaults', async () => {
    const xml = b.bpmn([
      b.start('S'),
      b.serviceTask(
        'Lookup',
        { activity: 'crm.lookup', retries: 5, timeout: 'PT30S' },
        { email: 'customer.email', tier: '"gold"' },
      ),
      b.serviceTask('Plain', { activity: 'crm.tag' }),
      b.end('E'),
      b.chain('S', 'Lookup', 'Plain', 'E'),
    ]);
    const { flow } = await compileOk(xml, { activities: ['crm.lookup', 'crm.tag'] });
    expect(flow.nodes.Lookup).toMatchObject({
      kind: 'serviceTask',
      activity: 'crm.lookup',
      inputs: [
        { name: 'email', expression: 'customer.email' },
        { name: 'tier', expression: '"gold"' },
      ],
      retries: 5,
      timeoutMs: 30_000,
      boundaries: [],
    });
    expect(flow.nodes.Plain).toMatchObject({ inputs: [], retries: 3, timeoutMs: 60_000 });
  });

  it('compiles send tasks', async () => {
    const xml = b.bpmn([
      b.start('S'),
      b.sendTask('N', { notify: 'assignee, lead,group:support', template: 'ticket-escalated' }),
      b.end('E'),
      b.chain('S', 'N', 'E'),
    ]);
    expect((await compileOk(xml)).flow.nodes.N).toMatchObject({
      kind: 'sendTask',
      notify: ['assignee', 'lead', 'group:support'],
      template: 'ticket-escalated',
    });
  });

  it('compiles exclusive gateways with conditions and a default flow', async () => {
    const xml = b.bpmn([
      b.start('S'),
      b.xor('G', { default: 'G_B' }),
      b.userTask('A'),
      b.userTask('B'),
      b.end('E'),
      b.flow('S', 'G'),
      b.flow('G', 'A', 'priority = "urgent"'),
      b.flow('G', 'B'),
      b.chain('A', 'E'),
      b.chain('B', 'E'),
    ]);
    const { flow } = await compileOk(xml);
    expect(flow.nodes.G).toMatchObject({
      kind: 'exclusiveGateway',
      defaultFlow: 'G_B',
      outgoing: ['G_A', 'G_B'],
    });
    expect(flow.flows.G_A!.condition).toBe('priority = "urgent"');
    expect(flow.flows.G_B!.condition).toBeUndefined();
  });

  it('compiles parallel fork and join', async () => {
    const xml = b.bpmn([
      b.start('S'),
      b.and('Fork'),
      b.userTask('A'),
      b.userTask('B'),
      b.and('Join'),
      b.end('E'),
      b.flow('S', 'Fork'),
      b.chain('Fork', 'A', 'Join'),
      b.chain('Fork', 'B', 'Join'),
      b.flow('Join', 'E'),
    ]);
    const { flow } = await compileOk(xml);
    expect(flow.nodes.Fork).toMatchObject({ kind: 'parallelGateway', outgoing: ['Fork_A', 'Fork_B'] });
    expect(flow.nodes.Join).toMatchObject({ kind: 'parallelGateway', incoming: ['A_Join', 'B_Join'] });
  });

  it('compiles event-based gateways racing a message against a timer', async () => {
    const xml = b.bpmn(
      [
        b.start('S'),
        b.eventGateway('G'),
        b.messageCatch('Reply', 'Msg_1'),
        b.timerCatch('Wait', { duration: 'P3D' }),
        b.end('E'),
        b.end('Closed'),
        b.flow('S', 'G'),
        b.chain('G', 'Reply', 'E'),
        b.chain('G', 'Wait', 'Closed'),
      ],
      {},
      [b.message('Msg_1', 'customer-reply')],
    );
    const { flow } = await compileOk(xml);
    expect(flow.nodes.G).toMatchObject({ kind: 'eventBasedGateway' });
    expect(flow.nodes.Reply).toMatchObject({ kind: 'intermediateCatchEvent', message: 'customer-reply' });
    expect(flow.nodes.Wait).toMatchObject({
      kind: 'intermediateCatchEvent',
      timer: { kind: 'duration', iso: 'P3D', ms: 72 * H },
    });
  });

  it('compiles timers: business-time duration, date with offset, cycle on a non-interrupting boundary', async () => {
    const xml = b.bpmn([
      b.start('S'),
      b.timerCatch('Wait', { duration: 'PT8H' }, { calendar: 'cn' }),
      b.timerCatch('Launch', { date: '2026-03-01T09:00:00+08:00' }),
      b.userTask('T'),
      b.boundaryTimer('Remind', 'T', { cycle: 'R3/PT1H' }, { cancelActivity: false }),
      b.sendTask('N', { notify: 'assignee', template: 'reminder' }),
      b.boundaryTimer('Escalate', 'T', { duration: 'PT4H' }),
      b.userTask('Lead'),
      b.end('E'),
      b.end('NE'),
      b.chain('S', 'Wait', 'Launch', 'T', 'E'),
      b.chain('Remind', 'N', 'NE'),
      b.chain('Escalate', 'Lead', 'E'),
    ]);
    const { flow } = await compileOk(xml, { calendars: { cn: shanghai } });
    expect(flow.nodes.Wait).toMatchObject({ timer: { kind: 'duration', ms: 8 * H, calendar: 'cn' } });
    expect(flow.nodes.Launch).toMatchObject({
      timer: { kind: 'date', iso: '2026-03-01T09:00:00+08:00', at: Date.UTC(2026, 2, 1, 1) },
    });
    expect(flow.nodes.Remind).toStrictEqual({
      id: 'Remind',
      kind: 'boundaryEvent',
      attachedTo: 'T',
      cancelActivity: false,
      incoming: [],
      outgoing: ['Remind_N'],
      timer: { kind: 'cycle', iso: 'R3/PT1H', ms: H, repetitions: 3 },
    });
    expect(flow.nodes.Escalate).toMatchObject({
      cancelActivity: true,
      timer: { kind: 'duration', ms: 4 * H },
    });
    expect(flow.nodes.T).toMatchObject({ boundaries: ['Remind', 'Escalate'] });
    expect(flow.calendars).toEqual({ cn: shanghai });
  });

  it('allows boundary timers on service tasks', async () => {
    const xml = b.bpmn([
      b.start('S'),
      b.serviceTask('Call', { activity: 'x' }),
      b.boundaryTimer('Slow', 'Call', { duration: 'PT5M' }),
      b.end('E'),
      b.chain('S', 'Call', 'E'),
      b.flow('Slow', 'E'),
    ]);
    expect((await compileOk(xml)).flow.nodes.Call).toMatchObject({ boundaries: ['Slow'] });
  });

  it('compiles embedded sub-processes with scoped nodes', async () => {
    const xml = b.bpmn([
      b.start('S'),
      b.subProcess('Sub', b.start('SS'), b.userTask('In'), b.end('SE'), b.chain('SS', 'In', 'SE')),
      b.end('E'),
      b.chain('S', 'Sub', 'E'),
    ]);
    const { flow } = await compileOk(xml);
    expect(flow.nodes.Sub).toMatchObject({ kind: 'subProcess', start: 'SS', outgoing: ['Sub_E'] });
    expect(flow.nodes.SS).toMatchObject({ scope: 'Sub' });
    expect(flow.nodes.In).toMatchObject({ scope: 'Sub' });
    expect(flow.nodes.SE).toMatchObject({ scope: 'Sub', kind: 'endEvent' });
    expect(flow.nodes.S).not.toHaveProperty('scope');
    expect(flow.starts).toEqual(['S']);
  });

  it('compiles message start events and terminate end events', async () => {
    const xml = b.bpmn(
      [
        b.start('S'),
        b.messageStart('MS', 'Msg_1'),
        b.userTask('T'),
        b.terminateEnd('E'),
        b.chain('S', 'T', 'E'),
        b.flow('MS', 'T'),
      ],
      {},
      [b.message('Msg_1', 'email-received')],
    );
    const { flow } = await compileOk(xml);
    expect(flow.starts).toEqual(['S']);
    expect(flow.nodes.MS).toMatchObject({ kind: 'startEvent', message: 'email-received' });
    expect(flow.nodes.E).toMatchObject({ kind: 'endEvent', terminate: true });
  });

  it('allows loops back to an earlier department', async () => {
    const xml = b.bpmn(
      [
        b.start('S'),
        b.userTask('Support', { outcomes: 'done,ask' }),
        b.xor('G'),
        b.userTask('Product'),
        b.end('E'),
        b.chain('S', 'Support', 'G'),
        b.flow('G', 'E', 'outcome = "done"'),
        b.flow('G', 'Product', 'outcome = "ask"'),
        b.flow('Product', 'Support'),
      ],
      { lanes: lanes(['support', ['Support', 'G']], ['product', ['Product']]) },
    );
    const { flow } = await compileOk(xml);
    expect(flow.nodes.Support!.incoming).toEqual(['S_Support', 'Product_Support']);
  });

  it('picks the executable process of a collaboration and the only process with nodes', async () => {
    const customer = b.process([b.start('CS'), b.end('CE'), b.chain('CS', 'CE')], {
      id: 'Customer',
      attrs: { isExecutable: false },
    });
    const main = b.process([b.start('S'), b.userTask('T'), b.end('E'), b.chain('S', 'T', 'E')], {
      id: 'Main',
    });
    const collaboration =
      '<bpmn:collaboration id="C"><bpmn:participant id="P1" processRef="Customer"/><bpmn:participant id="P2" processRef="Main"/></bpmn:collaboration>';
    const result = await compileFlow(b.definitions([customer, main], [collaboration]));
    expect(result).toMatchObject({
      ok: true,
      flow: { id: 'Main' },
      warnings: [{ code: 'ignored-processes' }],
    });
    const empty = b.process([], { id: 'Empty', attrs: { isExecutable: false } });
    const only = await compileFlow(b.definitions([empty, main]));
    expect(only).toMatchObject({ ok: true, flow: { id: 'Main' }, warnings: [] });
  });

  it('ignores data objects', async () => {
    const xml = b.bpmn([
      b.start('S'),
      '<bpmn:dataObject id="DO"/><bpmn:dataObjectReference id="DOR" dataObjectRef="DO"/>',
      b.userTask('T'),
      b.end('E'),
      b.chain('S', 'T', 'E'),
    ]);
    expect(Object.keys((await compileOk(xml)).flow.nodes)).toEqual(['S', 'T', 'E']);
  });
});
