import { afterAll, afterEach, beforeEach, describe } from 'vitest';
import { clearSandboxTables, dbStoreOn, openSandboxDatabase } from './db-testing';
import { closeSandboxes, useStores } from './testing';

/** The behavioural suites again, each sandbox on one shared in-memory PGlite database. */

const handle = await openSandboxDatabase();

beforeEach(async () => {
  await clearSandboxTables(handle);
  useStores((options) => dbStoreOn(handle, options));
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
  await import('./ownership.test');
  await import('./url-rule.test');
  await import('./limits.test');
  await import('./outcome-post.test');
  await import('./dashboard-view.test');
  await import('./purge.test');
  await import('./coupons.test');
  await import('./consumers.test');
});
