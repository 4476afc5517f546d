import { afterAll, afterEach, beforeEach, describe } from 'vitest';
import { clearSandboxTables, dbStoreOn, openSandboxDatabase } from './db-testing';
import { closeSandboxes, useStores } from './testing';

/** The behavioural suites again, each sandbox on one shared in-memory PGlite database. */

const handle = await openSandboxDatabase();

beforeEach(async () => {
  await clearSandboxTables(handle);
  useStores(() => dbStoreOn(handle));
});

afterEach(async () => {
  await closeSandboxes();
  useStores(undefined);
});

afterAll(async () => {
  await handle.close();
});

describe('database store', async () => {
  await import('./api.test');
  await import('./idempotency.test');
  await import('./lifecycle.test');
  await import('./simulate.test');
  await import('./testing-endpoint.test');
  await import('./tokens.test');
  await import('./webhooks.test');
});
