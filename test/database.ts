import { openDatabase, type DatabaseHandle } from '@/lib/db/client';

/**
 * The database tests run against: PostgreSQL when TEST_DATABASE_URL is set (`npm run test:pg` starts one),
 * otherwise an embedded PGlite in memory.
 */
export function openTestDatabase(): Promise<DatabaseHandle> {
  return openDatabase({ databaseUrl: process.env.TEST_DATABASE_URL });
}

export const databaseKind = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';
