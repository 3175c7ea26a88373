// Every BPMN file of the BPMN MIWG corpus (369 files from 28 modelling tools, kept in
// test/corpus, CC BY 3.0) compiles or comes back with diagnostics: none throws, none rejects,
// every diagnostic is well formed. The corpus is part of the repository: a missing or empty one
// is a failure, never a pass with nothing checked.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileFlow } from '../src/compiler/index.js';
import type { Diagnostic } from '../src/types.js';

const corpus = fileURLToPath(new URL('./corpus/bpmn-miwg', import.meta.url));
const files = existsSync(corpus)
  ? (readdirSync(corpus, { recursive: true, encoding: 'utf8' }) as string[])
      .filter((file) => file.endsWith('.bpmn'))
      .sort()
  : [];

const wellFormed = (d: Diagnostic, severity: Diagnostic['severity']) =>
  /^[a-z]+(-[a-z]+)*$/.test(d.code) && d.message.length > 0 && d.severity === severity;

describe('BPMN MIWG corpus', () => {
  it('is all there', () => {
    expect(files.length, `no .bpmn files under ${corpus}`).toBe(369);
  });

  it(`compiles all ${files.length} files to a flow or diagnostics`, { timeout: 120_000 }, async () => {
    const started = performance.now();
    let ok = 0;
    const errorFiles = new Map<string, number>();
    for (const file of files) {
      const xml = readFileSync(join(corpus, file), 'utf8');
      const result = await compileFlow(xml).catch((err: unknown) =>
        expect.fail(`${file} rejected: ${String(err)}`),
      );
      expect(
        result.warnings.every((d) => wellFormed(d, 'warning')),
        file,
      ).toBe(true);
      if (result.ok) {
        ok++;
        expect(JSON.parse(JSON.stringify(result.flow))).toStrictEqual(result.flow);
        continue;
      }
      expect(result.errors.length, file).toBeGreaterThan(0);
      expect(
        result.errors.every((d) => wellFormed(d, 'error')),
        file,
      ).toBe(true);
      const internal = result.errors.filter((d) => d.code === 'internal-error');
      expect(internal, `${file} hit a compiler bug`).toEqual([]);
      for (const code of new Set(result.errors.map((d) => d.code)))
        errorFiles.set(code, (errorFiles.get(code) ?? 0) + 1);
    }
    const top = [...errorFiles]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([code, count]) => `${code} ${count}`);
    console.log(
      `corpus: ${files.length} files, ${ok} ok, ${files.length - ok} with errors in ${Math.round(performance.now() - started)} ms; files per error code: ${top.join(', ')}`,
    );
    expect(files.length).toBeGreaterThanOrEqual(369);
  });
});
