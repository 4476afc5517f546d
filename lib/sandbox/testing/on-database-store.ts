import { afterEach, beforeEach } from 'vitest';
import type { DatabaseHandle } from '@/lib/db/client';
import { clearSandboxTables, dbStoreOn, openSandboxDatabase } from './database';
import { closeSandboxes, useStores } from './helpers';

/**
 * Setup of the vitest project `sandbox-on-database`: the same suites, with every store that `newSandbox` and
 * `newStore` make sitting on an in-memory PGlite database, emptied before each test. The project runs
 * without isolation, so each worker opens one database and keeps it for all its files.
 */
const shared = globalThis as typeof globalThis & { sandboxTestDatabase?: Promise<DatabaseHandle> };
const handle = await (shared.sandboxTestDatabase ??= openSandboxDatabase());

beforeEach(async () => {
  await clearSandboxTables(handle);
  useStores((options) => dbStoreOn(handle, options));
});

afterEach(async () => {
  await closeSandboxes();
  useStores(undefined);
});
