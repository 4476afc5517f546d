import 'server-only';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { getConfig } from '@/lib/config';
import * as schema from '@/lib/db/schema';
import { applyMigrations, SHOP_MIGRATIONS, type MigrationTarget } from '@/lib/db/migrate';

/**
 * The shop's database: PostgreSQL when DATABASE_URL is set, otherwise an embedded PostgreSQL (PGlite)
 * kept under DATA_DIR (default ./data). One Drizzle query layer serves both; migrations are applied
 * before the first query.
 */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
  db: Database;
  kind: 'postgres' | 'pglite';
  /** Applies another set of versioned migrations (e.g. the sandbox's own tables) to this database. */
  migrate(migrations: { folder: string; table: string }): Promise<void>;
  close(): Promise<void>;
}

/** Opens a database and applies every pending migration. */
export async function openDatabase(options: { databaseUrl?: string; dataDir?: string; poolSize?: number }): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const { Pool } = await import('pg');
    const { drizzle } = await import('drizzle-orm/node-postgres');
    const pool = new Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // An idle connection the server drops (a restart, a failover) is an 'error' of the pool: logged, never
    // an uncaught exception that ends the process. The next query opens a new connection.
    pool.on('error', (error) => console.error('[database] an idle connection was lost:', error.message));
    const db = drizzle(pool, { schema }) as unknown as Database;
    const target: MigrationTarget = { kind: 'postgres', db, pool };
    await applyMigrations(target, SHOP_MIGRATIONS);
    return { db, kind: 'postgres', migrate: (m) => applyMigrations(target, m), close: () => pool.end() };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  let client;
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    client = new PGlite(options.dataDir);
  } else {
    client = new PGlite();
  }
  const db = drizzle(client, { schema }) as unknown as Database;
  const target: MigrationTarget = { kind: 'pglite', db };
  await applyMigrations(target, SHOP_MIGRATIONS);
  return { db, kind: 'pglite', migrate: (m) => applyMigrations(target, m), close: () => client.close() };
}

const GLOBAL_KEY = Symbol.for('smartpay-storefront.database');
type WithDatabase = typeof globalThis & { [GLOBAL_KEY]?: Promise<DatabaseHandle> };

/** The process-wide database, opened (and migrated) on first use. */
export function getDatabase(): Promise<DatabaseHandle> {
  const holder = globalThis as WithDatabase;
  if (!holder[GLOBAL_KEY]) {
    const config = getConfig();
    holder[GLOBAL_KEY] = openDatabase({
      databaseUrl: config.databaseUrl,
      poolSize: config.databasePoolSize,
      dataDir: path.join(config.dataDir, 'pglite'),
    }).catch((error: unknown) => {
      delete holder[GLOBAL_KEY];
      throw error;
    });
  }
  return holder[GLOBAL_KEY];
}

export async function db(): Promise<Database> {
  return (await getDatabase()).db;
}
