// PLACEHOLDER until the compiler lands: the `baton` moddle descriptor.
export const moddleExtension = {
  name: 'Baton',
  prefix: 'baton',
  uri: 'https://baton.dev/schema/bpmn/1.0',
  xml: { tagAlias: 'lowerCase' },
  types: [] as unknown[],
};
