// compileFlow is total: damaged documents (cut, spliced, with junk inserted) still resolve to a
// well-formed result, never a rejection.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as b from '../../test/bpmn-builder.js';
import { compileFlow } from './index.js';

const valid = b.bpmn(
  [
    b.start('S'),
    b.userTask('T', { sla: 'PT4H', outcomes: 'a,b' }),
    b.xor('G'),
    b.boundaryTimer('B', 'T', { cycle: 'R2/PT1H' }, { cancelActivity: false }),
    b.end('E'),
    b.end('E2'),
    b.chain('S', 'T', 'G'),
    b.flow('G', 'E', 'outcome = "a"'),
    b.flow('G', 'E2', 'outcome = "b"'),
    b.flow('B', 'E2'),
  ],
  { lanes: [{ department: 'support', nodes: ['T'] }] },
);

const junk = fc.constantFrom(
  '<',
  '>',
  '"',
  '/>',
  '<bpmn:task id="X"/>',
  'bpmn:',
  '&amp;',
  '&bogus;',
  ' id="T"',
  '</bpmn:process>',
  'P1M',
  '\u0000',
);

describe('compileFlow on damaged input', () => {
  it('always resolves with code, message and severity on every diagnostic', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(valid.length), fc.nat(valid.length), junk, async (from, length, insert) => {
        const damaged =
          valid.slice(0, from) + insert + valid.slice(Math.min(valid.length, from + (length % 40)));
        const result = await compileFlow(damaged);
        const diagnostics = result.ok ? result.warnings : [...result.errors, ...result.warnings];
        for (const d of diagnostics) {
          expect(d.code).toMatch(/^[a-z]+(-[a-z]+)*$/);
          expect(d.message).not.toBe('');
        }
        if (!result.ok) expect(result.errors.map((d) => d.code)).not.toContain('internal-error');
      }),
      { numRuns: 300 },
    );
  });
});
