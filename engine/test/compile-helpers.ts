import { expect } from 'vitest';
import { compileFlow } from '../src/compiler/index.js';
import type { CalendarSpec, CompileOptions, Diagnostic, Flow } from '../src/types.js';

export const shanghai: CalendarSpec = {
  timeZone: 'Asia/Shanghai',
  week: {
    mon: [['09:00', '18:00']],
    tue: [['09:00', '18:00']],
    wed: [['09:00', '18:00']],
    thu: [['09:00', '18:00']],
    fri: [['09:00', '18:00']],
  },
  holidays: ['2026-10-01'],
};

/** Compiles and fails the test with the diagnostics when the flow does not compile. */
export async function compileOk(
  xml: string,
  options?: CompileOptions,
): Promise<{ flow: Flow; warnings: Diagnostic[] }> {
  const result = await compileFlow(xml, options);
  if (!result.ok)
    expect.fail(
      `expected the flow to compile, got:\n${result.errors.map((d) => `${d.code}: ${d.message}`).join('\n')}`,
    );
  return result;
}

/** Every diagnostic of a compile, errors first. */
export async function diagnose(xml: string, options?: CompileOptions): Promise<Diagnostic[]> {
  const result = await compileFlow(xml, options);
  return result.ok ? result.warnings : [...result.errors, ...result.warnings];
}

export const codesOf = (diagnostics: Diagnostic[], severity?: Diagnostic['severity']): string[] =>
  diagnostics.filter((d) => severity === undefined || d.severity === severity).map((d) => d.code);
