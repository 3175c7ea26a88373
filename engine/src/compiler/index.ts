// PLACEHOLDER until the compiler lands.
import type { CompileOptions, CompileResult } from '../types.js';

export async function compileFlow(_xml: string, _options: CompileOptions = {}): Promise<CompileResult> {
  return {
    ok: false,
    errors: [{ code: 'not-implemented', message: 'compiler not built yet', severity: 'error' }],
    warnings: [],
  };
}
