// bpmn-moddle has no types for its entry point; the declaration must reach every program that
// imports this descriptor (the designer too), which only a reference does for an ambient module.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./bpmn-moddle.d.ts" />
// The `baton` moddle extension: the attributes and elements Baton adds to BPMN. The designer
// (bpmn-js) registers this same object as a moddle extension, so it must stay plain JSON.
export const BATON_URI = 'https://baton.dev/schema/bpmn/1.0';

const attr = (name: string, type: 'String' | 'Boolean' | 'Integer' | 'Real' = 'String') => ({
  name,
  isAttr: true,
  type,
});

export const moddleExtension = {
  name: 'Baton',
  prefix: 'baton',
  uri: BATON_URI,
  xml: { tagAlias: 'lowerCase' },
  associations: [] as string[],
  enumerations: [] as unknown[],
  types: [
    { name: 'Lane', extends: ['bpmn:Lane'], properties: [attr('department')] },
    { name: 'Process', extends: ['bpmn:Process'], properties: [attr('ticketSla'), attr('calendar')] },
    {
      name: 'UserTask',
      extends: ['bpmn:UserTask'],
      properties: [
        attr('sla'),
        attr('calendar'),
        attr('warnAt', 'Real'),
        attr('severeAt', 'Real'),
        attr('assign'),
        attr('outcomes'),
        attr('transferTo'),
        attr('returnable', 'Boolean'),
      ],
    },
    {
      name: 'ServiceTask',
      extends: ['bpmn:ServiceTask'],
      properties: [attr('activity'), attr('retries', 'Integer'), attr('timeout')],
    },
    { name: 'SendTask', extends: ['bpmn:SendTask'], properties: [attr('notify'), attr('template')] },
    {
      name: 'TimerEvent',
      extends: ['bpmn:IntermediateCatchEvent', 'bpmn:BoundaryEvent'],
      properties: [attr('calendar')],
    },
    {
      // <baton:input name="customerId" value="ticket.customer"/> inside bpmn:extensionElements.
      name: 'Input',
      superClass: ['Element'],
      meta: { allowedIn: ['bpmn:ServiceTask'] },
      properties: [attr('name'), attr('value')],
    },
  ],
};
