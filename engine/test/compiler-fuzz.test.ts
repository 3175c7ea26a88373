// compileFlow against hostile and damaged documents: the MIWG corpus and Baton flows, mutated
// (truncated, ids dropped or duplicated, references swapped, 1-5 MB attributes, 10,000-deep
// nesting, entity tricks, hostile FEEL). Each must resolve to a Flow or well-formed diagnostics
// (no throw, no rejection, no internal error), within 1 s, and the run must not run out of
// memory. `pnpm test` runs BATON_FUZZ_RUNS (default 600) mutations; `pnpm test:long` 10,000.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileFlow } from '../src/compiler/index.js';
import type { Diagnostic } from '../src/types.js';
import * as b from './bpmn-builder.js';

const RUNS = Number(process.env.BATON_FUZZ_RUNS ?? 600);
const MAX_MS = 1_000;
const corpusDir = fileURLToPath(new URL('./corpus/bpmn-miwg', import.meta.url));
const corpus = (readdirSync(corpusDir, { recursive: true, encoding: 'utf8' }) as string[])
  .filter((file) => file.endsWith('.bpmn'))
  .sort()
  .map((file) => readFileSync(join(corpusDir, file), 'utf8'));

/** A Baton flow using every extension attribute the compiler reads, as a richer seed. */
const batonFlow = b.bpmn(
  [
    b.start('S'),
    b.userTask('T', {
      sla: 'PT4H',
      outcomes: 'a,b',
      transferTo: 'refunds',
      returnable: true,
      assign: 'round-robin',
    }),
    b.serviceTask(
      'A',
      { activity: 'http-webhook', retries: 2, timeout: 'PT10S' },
      { url: '"https://x.test"', body: '{ t: title }' },
    ),
    b.xor('G', { default: 'G_E2' }),
    b.boundaryTimer('B', 'T', { duration: 'PT1H' }, { cancelActivity: false }),
    b.end('E'),
    b.end('E2'),
    b.chain('S', 'T', 'A', 'G'),
    b.flow('G', 'E', 'outcome = "a" and count(items) > 1'),
    b.flow('G', 'E2'),
    b.flow('B', 'E2'),
  ],
  { lanes: [{ department: 'support', nodes: ['S', 'T', 'A', 'G', 'E', 'E2', 'B'] }] },
);
const seeds = [...corpus, batonFlow];

const ids = (xml: string) => [...xml.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]!);
const pick = <T>(items: T[], n: number): T | undefined =>
  items.length === 0 ? undefined : items[n % items.length];

type Mutation = (xml: string, n: number, m: number) => string;

const HOSTILE_FEEL = [
  Array.from({ length: 20_000 }, (_, i) => `amount = ${i}`).join(' or '),
  'count(for i in 1..2000000 return i) > 1',
  'matches(title, "(a+)+$")',
  `${'('.repeat(5_000)}true${')'.repeat(5_000)}`,
  'for i in 1..n return i',
  '"\u0000"',
  '} ] ) unbalanced',
];

const MUTATIONS: Record<string, Mutation> = {
  truncate: (xml, n) => xml.slice(0, n % (xml.length + 1)),
  dropId: (xml, n) => {
    const id = pick(ids(xml), n);
    return id ? xml.replace(`id="${id}"`, '') : xml;
  },
  duplicateId: (xml, n, m) => {
    const all = ids(xml);
    const [a, c] = [pick(all, n), pick(all, m)];
    return a && c ? xml.replace(`id="${a}"`, `id="${c}"`) : xml;
  },
  swapReferences: (xml, n, m) => {
    const all = ids(xml);
    let i = 0;
    return xml.replace(
      /\b(sourceRef|targetRef|attachedToRef|default|processRef)="([^"]*)"/g,
      (all0, attr: string) => {
        i += 1;
        return (i + n) % 3 === 0 ? `${attr}="${pick(all, m + i) ?? 'nowhere'}"` : all0;
      },
    );
  },
  hugeAttribute: (xml, n) => {
    const size = (1 + (n % 5)) * 1024 * 1024;
    return xml.replace(
      /<(bpmn2?:|semantic:)?(userTask|task|startEvent|process)\b/,
      (open) => `${open} name="${'x'.repeat(size)}"`,
    );
  },
  deepNesting: (xml) => {
    const depth = 10_000;
    const nest = `${'<bpmn:extensionElements>'.repeat(depth)}${'</bpmn:extensionElements>'.repeat(depth)}`;
    return xml.replace(/(<(bpmn2?:|semantic:)?process\b[^>]*>)/, `$1${nest}`);
  },
  deepSubProcesses: (xml) => {
    const depth = 2_000;
    const open = Array.from({ length: depth }, (_, i) => `<bpmn:subProcess id="Deep_${i}">`).join('');
    return xml.replace(
      /(<(bpmn2?:|semantic:)?process\b[^>]*>)/,
      `$1${open}${'</bpmn:subProcess>'.repeat(depth)}`,
    );
  },
  entityTricks: (xml, n) => {
    const doctypes = [
      '<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>',
      '<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
      '<!DOCTYPE d [<!ENTITY % p SYSTEM "http://127.0.0.1:1/evil.dtd"> %p;]>',
    ];
    const withDoctype = xml.replace(
      /^(<\?xml[^>]*\?>)?/,
      (prolog) => `${prolog}${doctypes[n % doctypes.length]}`,
    );
    return withDoctype.replace(
      /name="[^"]*"/,
      n % 2 === 0 ? 'name="&d;&x;&undefined;"' : 'name="&#0;&#xFFFF;"',
    );
  },
  hostileFeel: (xml, n) => {
    const feel = HOSTILE_FEEL[n % HOSTILE_FEEL.length]!.replaceAll('&', '&amp;')
      .replaceAll('<', '&lt;')
      .replaceAll('"', '&quot;');
    const condition = `<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${feel}</bpmn:conditionExpression>`;
    const replaced = xml.replace(
      /<(bpmn2?:|semantic:)?conditionExpression\b[^>]*>[\s\S]*?<\/(bpmn2?:|semantic:)?conditionExpression>/,
      condition,
    );
    return replaced === xml
      ? xml.replace(/(<baton:input name="[^"]+" value=")[^"]*"/, `$1${feel}"`)
      : replaced;
  },
  junk: (xml, n, m) => {
    const junk = [
      '<',
      '>',
      '"',
      '/>',
      ']]>',
      '<![CDATA[',
      '&bogus;',
      '\u0000',
      '<bpmn:task id="X"/>',
      '</bpmn:process>',
    ];
    const at = n % (xml.length + 1);
    return xml.slice(0, at) + junk[m % junk.length] + xml.slice(at + (m % 40));
  },
};

const wellFormed = (d: Diagnostic) =>
  /^[a-z]+(-[a-z]+)*$/.test(d.code) &&
  d.message.length > 0 &&
  (d.severity === 'error' || d.severity === 'warning');

describe('compileFlow fuzzing', () => {
  // Found by this suite: one stray quote in a 450 KB export made the XML parser look up the line
  // of each of its thousands of warnings from the start of the document (3.2 s). The parser is
  // patched (patches/saxen@11.2.0.patch) to index the lines once.
  it('compiles a large export damaged by one stray quote within the bound', async () => {
    const exportFile = corpus.find((xml) => xml.length > 400_000 && xml.includes('triso:'))!;
    const at = 252_210;
    const damaged = exportFile.slice(0, at) + '"' + exportFile.slice(at + 12);
    const started = performance.now();
    const result = await compileFlow(damaged);
    expect(performance.now() - started).toBeLessThan(MAX_MS);
    expect(result.ok ? [] : result.errors.map((e) => e.code)).toEqual(['malformed-xml']);
  });

  it(
    `resolves ${RUNS} mutated documents to a flow or well-formed diagnostics, each within ${MAX_MS} ms`,
    { timeout: Math.max(120_000, RUNS * 200) },
    async () => {
      expect(seeds.length).toBe(370);
      const kinds = Object.keys(MUTATIONS);
      const slowest = { ms: 0, kind: '' };
      const seen = new Map<string, number>();
      await fc.assert(
        fc.asyncProperty(
          fc.nat(seeds.length - 1),
          fc.constantFrom(...kinds),
          fc.nat(1_000_000),
          fc.nat(1_000_000),
          async (seed, kind, n, m) => {
            const mutated = MUTATIONS[kind]!(seeds[seed]!, n, m);
            const started = performance.now();
            const result = await compileFlow(mutated);
            const ms = performance.now() - started;
            seen.set(kind, (seen.get(kind) ?? 0) + 1);
            if (ms > slowest.ms) Object.assign(slowest, { ms, kind });
            const diagnostics = result.ok ? result.warnings : [...result.errors, ...result.warnings];
            expect(diagnostics.every(wellFormed), `${kind} of seed ${seed}`).toBe(true);
            if (!result.ok) expect(result.errors.map((d) => d.code)).not.toContain('internal-error');
            expect(ms, `${kind} of seed ${seed} took ${Math.round(ms)} ms`).toBeLessThan(MAX_MS);
          },
        ),
        // Fixed seed: the same documents every run. No shrinking: 5 MB inputs shrink for ever.
        { numRuns: RUNS, seed: 20_261_201, endOnFailure: true },
      );
      console.log(
        `[fuzz] ${RUNS} mutations (${[...seen].map(([k, v]) => `${k} ${v}`).join(', ')}); slowest ${Math.round(slowest.ms)} ms (${slowest.kind}); heap ${Math.round(process.memoryUsage().heapUsed / 1024 / 1024)} MiB`,
      );
    },
  );
});
