import { sql } from 'drizzle-orm';
import { openDatabase, type DatabaseHandle } from '@/lib/db/client';
import { openDbStore } from '../store/db-open';
import { DbStore } from '../store/db-store';

/** Helpers for tests that run the sandbox on a database (PGlite in memory or on disk). */

/** Opens a database with the shop's and the sandbox's migrations applied. */
export async function openSandboxDatabase(dataDir?: string): Promise<DatabaseHandle> {
  const handle = await openDatabase(dataDir ? { dataDir } : {});
  await openDbStore(handle);
  return handle;
}

export const dbStoreOn = (handle: DatabaseHandle, options: { clock?: () => number } = {}) => new DbStore(handle.db, options);

/** Empties every sandbox table. */
export async function clearSandboxTables(handle: DatabaseHandle): Promise<void> {
  await handle.db.execute(sql`TRUNCATE sandbox_records, sandbox_idempotency, sandbox_webhook_deliveries, sandbox_rate_limits`);
}
