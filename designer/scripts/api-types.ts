// The designer's API types, generated from the API's OpenAPI document: the document comes from
// api/scripts/openapi-document.ts (no server, no database), openapi-typescript turns it into
// TypeScript, and prettier formats it like the rest of the tree so the committed file stays stable.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const documentScript = fileURLToPath(new URL('../../api/scripts/openapi-document.ts', import.meta.url));

/** Where the generated types live (committed; the contract test compares against it). */
export const SCHEMA_FILE = fileURLToPath(new URL('../src/api/schema.d.ts', import.meta.url));

/** How to bring the committed types up to date; the contract test's failure message says it. */
export const REGENERATE = 'pnpm --filter @baton/designer api-types';

const HEADER = `// Generated from the API's OpenAPI document by \`${REGENERATE}\`. Do not edit by hand:
// change the API's route schemas and regenerate.
`;

/** The document as GET /api/openapi.json answers it, built by the API's own code. */
export async function openApiDocument(): Promise<OpenAPI3> {
  // A child process: the API's code and dependencies stay out of the designer's module graph.
  const run = promisify(execFile)(process.execPath, ['--import', 'tsx', documentScript], {
    cwd: repoRoot,
    maxBuffer: 64 * 1024 * 1024,
  });
  const { stdout } = await run.catch((err: Error & { stderr?: string }) => {
    throw new Error(`api/scripts/openapi-document.ts could not build the API: ${err.stderr || err.message}`);
  });
  return JSON.parse(stdout) as OpenAPI3;
}

/** The text schema.d.ts should have for the API as it stands now. */
export async function generateApiTypes(): Promise<string> {
  const ast = await openapiTS(await openApiDocument(), { silent: true });
  const text = HEADER + astToString(ast);
  const options = await resolveConfig(SCHEMA_FILE);
  return format(text, { ...options, filepath: SCHEMA_FILE });
}
