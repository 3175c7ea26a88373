// FEEL's own libraries (feelin, lezer, luxon) inside Temporal's sandbox on a real server, with the
// engine's run-time modules loaded once and shared (frozen) by every ticket (worker.ts,
// SHARED_WORKFLOW_MODULES): date arithmetic, string and list functions and contexts in gateway
// conditions and activity inputs route and build exactly as they do outside the sandbox.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { compileFlow, evaluateFeel } from '@baton/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityTypes } from '../../src/activities/catalogue.js';
import { realTemporal, skipWithoutTemporal } from '../../src/testing/index.js';
import { type RealRig, deployFlow, realRig } from '../support/real-rig.js';
import type { Flow } from '@baton/engine';

const skip = skipWithoutTemporal('workflows/test/real/feel.test.ts');

const BODY =
  '{ summary: substring(upper case(title), 1, 6), total: sum(amounts), due: string(date(orderDate) + duration("P30D")) }';
const URGENT = 'contains(upper case(title), "URGENT") and count(amounts) >= 2';
const OLD = 'date(orderDate) + duration("P30D") < date("2026-06-01")';

const escape = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:baton="https://baton.dev/schema/bpmn/1.0" id="D" targetNamespace="t">
  <bpmn:process id="feel" isExecutable="true">
    <bpmn:laneSet id="LS"><bpmn:lane id="L" baton:department="support">
      <bpmn:flowNodeRef>start</bpmn:flowNodeRef><bpmn:flowNodeRef>hook</bpmn:flowNodeRef><bpmn:flowNodeRef>route</bpmn:flowNodeRef>
      <bpmn:flowNodeRef>urgent</bpmn:flowNodeRef><bpmn:flowNodeRef>old</bpmn:flowNodeRef><bpmn:flowNodeRef>other</bpmn:flowNodeRef><bpmn:flowNodeRef>end</bpmn:flowNodeRef>
    </bpmn:lane></bpmn:laneSet>
    <bpmn:startEvent id="start" />
    <bpmn:serviceTask id="hook" name="Tell the CRM" baton:activity="http-webhook" baton:retries="0" baton:timeout="PT5S">
      <bpmn:extensionElements>
        <baton:input name="url" value="webhookUrl" />
        <baton:input name="body" value="${escape(BODY)}" />
      </bpmn:extensionElements>
    </bpmn:serviceTask>
    <bpmn:exclusiveGateway id="route" default="toOther" />
    <bpmn:userTask id="urgent" name="Urgent" baton:assign="none" />
    <bpmn:userTask id="old" name="Old order" baton:assign="none" />
    <bpmn:userTask id="other" name="Other" baton:assign="none" />
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="hook" />
    <bpmn:sequenceFlow id="f2" sourceRef="hook" targetRef="route" />
    <bpmn:sequenceFlow id="toUrgent" sourceRef="route" targetRef="urgent">
      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${escape(URGENT)}</bpmn:conditionExpression>
    </bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="toOld" sourceRef="route" targetRef="old">
      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${escape(OLD)}</bpmn:conditionExpression>
    </bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="toOther" sourceRef="route" targetRef="other" />
    <bpmn:sequenceFlow id="f3" sourceRef="urgent" targetRef="end" />
    <bpmn:sequenceFlow id="f4" sourceRef="old" targetRef="end" />
    <bpmn:sequenceFlow id="f5" sourceRef="other" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

describe.skipIf(skip)('FEEL inside the sandbox, with the engine modules shared', () => {
  let rig: RealRig;
  let flow: Flow;
  const received: { body: unknown }[] = [];
  const receiver = createServer((req, res) => {
    let data = '';
    req.on('data', (chunk: Buffer) => (data += chunk.toString()));
    req.on('end', () => {
      received.push({ body: JSON.parse(data) });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });

  beforeAll(async () => {
    const server = realTemporal();
    if (!('address' in server)) throw new Error(server.skipReason);
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    rig = await realRig(server.address);
    const compiled = await compileFlow(xml, { activities: activityTypes() });
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));
    flow = compiled.flow;
    await deployFlow(rig, { typeId: 'feel', flowVersionId: 'fv_feel_1' }, xml);
  }, 120_000);
  afterAll(async () => {
    await rig?.close();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  });

  const cases = [
    { title: 'urgent: printer on fire', amounts: [10, 20], orderDate: '2026-05-10', task: 'Urgent' },
    { title: 'refund for an old order', amounts: [5], orderDate: '2026-03-01', task: 'Old order' },
    { title: 'a question', amounts: [1, 2, 3], orderDate: '2026-09-01', task: 'Other' },
  ];

  it('routes on FEEL conditions and builds FEEL activity inputs as the engine does outside', async () => {
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/crm`;
    for (const [n, c] of cases.entries()) {
      const ticketId = `feel-${process.pid}-${n}`;
      const variables = { title: c.title, amounts: c.amounts, orderDate: c.orderDate, webhookUrl: url };
      await rig.runtime.startTicket({
        flow,
        ticket: { ticketId, typeId: 'feel', flowVersionId: 'fv_feel_1', variables },
      });
      await expect
        .poll(async () => (await rig.runtime.readState(ticketId))?.tasks.map((t) => t.name), {
          timeout: 15_000,
        })
        .toEqual([c.task]);
      // The same expressions evaluated outside the sandbox, by the same engine code.
      expect(evaluateFeel(URGENT, variables)).toBe(c.task === 'Urgent');
      // (http-webhook adds the ticket id to an object body.)
      expect(received[n]?.body).toEqual({ ticketId, ...(evaluateFeel(BODY, variables) as object) });
    }
    expect(received.map((r) => (r.body as { due: string }).due)).toEqual([
      '2026-06-09',
      '2026-03-31',
      '2026-10-01',
    ]);
  }, 60_000);
});
