import { defineConfig } from 'drizzle-kit';

// `npx drizzle-kit generate` diffs src/schema.ts against the committed snapshots; it needs no database.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema.ts',
  out: './migrations',
});
