import { defineConfig } from 'drizzle-kit';

/** `npm run db:generate` writes a new versioned migration to drizzle/ from lib/db/schema.ts. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './lib/db/schema.ts',
  out: './drizzle',
});
