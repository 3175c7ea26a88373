// Conditions that cannot work at run time, caught when the flow is compiled: a variable no
// ticket of the type has (a warning, with the type's fields given) and a result that is
// certainly not a boolean (an error), each naming the sequence flow.
import { describe, expect, it } from 'vitest';
import * as b from '../../test/bpmn-builder.js';
import { compileOk, diagnose } from '../../test/compile-helpers.js';
import type { CompileOptions, Diagnostic } from '../types.js';
import { compileFlow } from './index.js';

/** S -> G, then the end Big when `condition`, else the end Small (the default). */
const gated = (condition: string, extra: { serviceTask?: boolean; userTask?: boolean } = {}) => {
  const before = [
    ...(extra.userTask ? [b.userTask('Review')] : []),
    ...(extra.serviceTask ? [b.serviceTask('Lookup', { activity: 'crm.lookup' })] : []),
  ];
  return b.bpmn([
    b.start('S'),
    ...before,
    b.xor('G', { default: 'G_Small' }),
    b.end('Big'),
    b.end('Small'),
    b.chain('S', ...before.map((node) => /id="([^"]+)"/.exec(node)![1]!), 'G'),
    b.flow('G', 'Big', condition, 'Flow_big'),
    b.flow('G', 'Small', undefined, 'G_Small'),
  ]);
};

const refundFields: CompileOptions = {
  ticketFields: [
    { key: 'amount', type: 'number' },
    { key: 'note', type: 'textarea' },
    { key: 'orderNumber', type: 'text' },
    { key: 'vip', type: 'boolean' },
    { key: 'dueOn', type: 'date' },
  ],
};

const ofCode = (diagnostics: Diagnostic[], code: string) => diagnostics.filter((d) => d.code === code);
const unknownNames = async (condition: string, options: CompileOptions = refundFields, extra = {}) =>
  ofCode(await diagnose(gated(condition, extra), options), 'unknown-variable').map((d) =>
    d.message.match(/variable '([^']+)'/)?.at(1),
  );

describe('compileFlow: conditions against the ticket type (unknown-variable)', () => {
  it('warns about a misspelt field, naming the flow, the expression and the name', async () => {
    const { warnings } = await compileOk(gated('amout > 100'), refundFields);
    const [warning, ...others] = ofCode(warnings, 'unknown-variable');
    expect(others).toEqual([]);
    expect(warning).toMatchObject({ severity: 'warning', elementId: 'Flow_big' });
    expect(warning!.message).toContain("'Flow_big'");
    expect(warning!.message).toContain('"amout > 100"');
    expect(warning!.message).toContain("variable 'amout'");
    expect(warning!.message).toContain("did you mean 'amount'");
    // It says why it is only a warning: the flow can bring variables the compiler cannot see.
    expect(warning!.message).toMatch(/task's data|message/);
  });

  it('says nothing without the ticket fields: existing callers see no change', async () => {
    for (const condition of ['amout > 100', 'whatever = 1', 'not approved'])
      expect(ofCode(await diagnose(gated(condition)), 'unknown-variable'), condition).toEqual([]);
    expect(await compileFlow(gated('amout > 100'))).toMatchObject({ ok: true, warnings: [] });
  });

  it("knows the type's fields and the variables every ticket has", async () => {
    for (const condition of [
      'amount > 100 and vip',
      'orderNumber != null and string length(note) > 3',
      'title = "x" or priority = "urgent" or category = "refund" or service = null',
      'customer.email = "a@b.c" and fields.amount > 1',
      'dueOn < "2026-01-01"',
    ])
      expect(await unknownNames(condition), condition).toEqual([]);
  });

  it('knows outcome when the flow has a user task and error when it has a service task', async () => {
    expect(await unknownNames('outcome = "approve"', refundFields, { userTask: true })).toEqual([]);
    expect(await unknownNames('error = null', refundFields, { serviceTask: true })).toEqual([]);
    expect(await unknownNames('error.message = "x"', refundFields, { serviceTask: true })).toEqual([]);
    // Nothing in this flow sets them: only a task's data or a message could.
    expect(await unknownNames('outcome = "approve" or error = null')).toEqual(['outcome', 'error']);
  });

  it('reads names from the FEEL syntax tree: spaces, paths by their first segment, each name once', async () => {
    expect(await unknownNames('order total > 100')).toEqual(['order total']);
    // FEEL has no `not` operator: this is one variable named "not vip".
    expect(await unknownNames('not vip')).toEqual(['not vip']);
    expect(await unknownNames('custmer.email = "a" and custmer.name = "b"')).toEqual(['custmer']);
    expect(await unknownNames('customer.first name = "Ann"')).toEqual([]);
    expect(await unknownNames('amount > limit or limit = null')).toEqual(['limit']);
    // Names in strings are not variables.
    expect(await unknownNames('note = "amout"')).toEqual([]);
  });

  it('does not take function names, parameter names or names a condition binds for variables', async () => {
    for (const condition of [
      'count(fields) > 0',
      'contains(string: note, match: "refund")',
      'some x in [1, 2] satisfies x > amount',
      'every tag in customer.tags satisfies tag != "spam"',
      'for n in [1, 2] return n > amount = [true]',
      '(function(limit) amount > limit)(100)',
      '{ limit: 100, over: amount > limit }.over',
      'customer.orders[total > 100] != []',
      'amount instance of number',
      'amount in (> 100)',
      'date(dueOn) < today()',
    ])
      expect(await unknownNames(condition), condition).toEqual([]);
    // What a binding does not cover is still read.
    expect(await unknownNames('some x in items satisfies x > amount')).toEqual(['items']);
    expect(await unknownNames('orders[total > 100] != []')).toEqual(['orders']);
  });

  it('names every unknown variable of every condition, and checks no invalid one', async () => {
    const xml = b.bpmn([
      b.start('S'),
      b.xor('G', { default: 'Flow_c' }),
      b.userTask('A'),
      b.userTask('B'),
      b.userTask('C'),
      b.end('E'),
      b.chain('S', 'G'),
      b.flow('G', 'A', 'vipp', 'Flow_a'),
      b.flow('G', 'B', 'amount >', 'Flow_b'),
      b.flow('G', 'C', undefined, 'Flow_c'),
      b.chain('A', 'E'),
      b.chain('B', 'E'),
      b.chain('C', 'E'),
    ]);
    const diagnostics = await diagnose(xml, refundFields);
    expect(ofCode(diagnostics, 'unknown-variable').map((d) => d.elementId)).toEqual(['Flow_a']);
    expect(ofCode(diagnostics, 'invalid-feel').map((d) => d.elementId)).toEqual(['Flow_b']);
  });

  it('ignores ticket fields that are not a list', async () => {
    const odd = { ticketFields: 'amount' } as unknown as CompileOptions;
    expect(await compileFlow(gated('amout > 1'), odd)).toMatchObject({ ok: true, warnings: [] });
  });
});

describe('compileFlow: conditions that are not true or false (non-boolean-condition)', () => {
  const nonBoolean = async (condition: string, options?: CompileOptions) =>
    ofCode(await diagnose(gated(condition), options), 'non-boolean-condition');

  it('refuses a literal, arithmetic, a list or a context as a condition, naming the flow', async () => {
    const result = await compileFlow(gated('"yes"'));
    expect(result.ok).toBe(false);
    const [error] = ofCode(result.ok ? [] : result.errors, 'non-boolean-condition');
    expect(error).toMatchObject({ severity: 'error', elementId: 'Flow_big' });
    expect(error!.message).toContain("'Flow_big'");
    expect(error!.message).toContain('"\\"yes\\""');
    expect(error!.message).toContain('a string');
    for (const condition of [
      '100',
      'amount + 100',
      '-amount',
      '"a" + "b"',
      '("yes")',
      'null',
      '[true]',
      '{ ok: true }',
      '@"2026-01-01"',
      'if vip then "gold" else "silver"',
      'for x in [1] return x > 0',
    ])
      expect(await nonBoolean(condition), condition).toHaveLength(1);
  });

  it('lets through what can be true: comparisons, logic, booleans and whatever it cannot know', async () => {
    for (const condition of [
      'true',
      'amount > 100',
      'vip and amount > 1',
      'vip',
      'not(vip)',
      'contains(note, "x")',
      'if vip then true else amount > 100',
      'flags[1]',
      'customer.vip',
      'error = null',
      'amount between 1 and 5',
      'amount instance of number',
      'some x in [1] satisfies x > 0',
      // One variable when a task's data or a message brings one of that name (FEEL names may
      // hold + - * /), else arithmetic: which one only the run can tell.
      'is-vip',
      'approved+checked',
    ])
      expect(await nonBoolean(condition, refundFields), condition).toEqual([]);
  });

  it("with the type's fields, refuses a text or number field alone", async () => {
    for (const condition of ['note', 'amount', 'orderNumber', 'fields.amount', 'dueOn', '(note)'])
      expect(await nonBoolean(condition, refundFields), condition).toHaveLength(1);
    for (const builtIn of ['priority', 'title', 'customer', 'fields'])
      expect(await nonBoolean(builtIn, refundFields), builtIn).toHaveLength(1);
    // Without them nothing is known of a variable's type.
    for (const condition of ['note', 'amount', 'priority'])
      expect(await nonBoolean(condition), condition).toEqual([]);
    // A built-in wins over a field of the same name, as in the API's run variables.
    expect(
      await nonBoolean('priority', { ticketFields: [{ key: 'priority', type: 'boolean' }] }),
    ).toHaveLength(1);
  });

  it('checks conditions only where they are evaluated: not on a default flow', async () => {
    const xml = b.bpmn([
      b.start('S'),
      b.xor('G', { default: 'Flow_default' }),
      b.userTask('A'),
      b.userTask('B'),
      b.end('E'),
      b.chain('S', 'G'),
      b.flow('G', 'A', 'vip', 'Flow_a'),
      b.flow('G', 'B', '"ignored"', 'Flow_default'),
      b.chain('A', 'E'),
      b.chain('B', 'E'),
    ]);
    const diagnostics = await diagnose(xml, refundFields);
    expect(ofCode(diagnostics, 'non-boolean-condition')).toEqual([]);
    expect(ofCode(diagnostics, 'default-flow-condition')).toHaveLength(1);
  });
});
