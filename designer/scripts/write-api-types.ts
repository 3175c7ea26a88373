// `pnpm --filter @baton/designer api-types`: regenerates src/api/schema.d.ts from the API.
import { writeFile } from 'node:fs/promises';
import { generateApiTypes, SCHEMA_FILE } from './api-types.js';

await writeFile(SCHEMA_FILE, await generateApiTypes());
console.log(`wrote ${SCHEMA_FILE}`);
