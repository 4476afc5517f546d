import { defineConfig } from 'drizzle-kit';

/** `npx drizzle-kit generate --config lib/sandbox/store/drizzle.config.ts --name <name>` writes the sandbox's migrations. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './lib/sandbox/store/db-schema.ts',
  out: './lib/sandbox/store/migrations',
});
