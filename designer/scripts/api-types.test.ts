// The contract check: the committed API types are what the API's OpenAPI document generates now,
// and what it generates says what the API answers (a field the API sends as null admits null).
import { readFile } from 'node:fs/promises';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateApiTypes, REGENERATE, SCHEMA_FILE } from './api-types.js';

let current: string;
beforeAll(async () => {
  current = await generateApiTypes();
}, 120_000);

/** The compiler's complaints about `check` next to the generated types (both held in memory). */
function typeErrors(schema: string, check: string): string[] {
  const files: Record<string, string> = { '/api/schema.d.ts': schema, '/api/check.ts': check };
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    types: [],
    skipLibCheck: true,
  };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, directoryExists, readFile: read } = host;
  host.fileExists = (name) => name in files || fileExists(name);
  host.directoryExists = (name) => name === '/api' || (directoryExists?.(name) ?? false);
  host.readFile = (name) => files[name] ?? read(name);
  host.getSourceFile = (name, language, ...rest) =>
    name in files
      ? ts.createSourceFile(name, files[name]!, language)
      : getSourceFile(name, language, ...rest);
  const program = ts.createProgram(['/api/check.ts'], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('API contract', () => {
  it('src/api/schema.d.ts matches the OpenAPI document of the current API', async () => {
    const committed = await readFile(SCHEMA_FILE, 'utf8');
    expect(
      committed === current,
      `src/api/schema.d.ts is out of date with the API's OpenAPI document: run \`${REGENERATE}\`, ` +
        'then fix the designer code the new types break, and commit both',
    ).toBe(true);
  });

  it("types an action's task as an open task or null, and an open task as never null", () => {
    // A `.nullable()` on a named schema renders as a bare reference (and can make the component
    // itself nullable): the answer's null would then be missing from the type, or be everywhere.
    const check = `
      import type { components } from './schema.js';
      type Schemas = components['schemas'];
      const closed: Schemas['ActResult']['task'] = null;
      type NeverNull<T> = null extends T ? false : true;
      const openTask: NeverNull<Schemas['OpenTask']> = true;
      export { closed, openTask };
    `;
    expect(typeErrors(current, check)).toEqual([]);
  }, 30_000);
});
