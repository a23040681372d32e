import { defineConfig } from 'drizzle-kit';

// Generates SQL migrations from the schema. Never point drizzle-kit at a live PGlite data dir:
// the app applies migrations itself at start-up (two processes on one PGlite dir corrupt it).
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/server/db/schema/index.ts',
  out: './drizzle',
});
