import { afterAll, bench, describe } from 'vitest';
import type { DatabaseHandle } from '@/lib/db/client';
import { dbStoreOn, openSandboxDatabase } from '../testing/database';
import type { Sandbox } from '../sandbox';
import { apiRequest, closeSandboxes, newSandbox, validSessionBody } from '../testing/helpers';

/**
 * Throughput and latency of POST /checkout-sessions, measured in-process (no HTTP in between), on the
 * in-memory store and on the database store (embedded PGlite). Run with `npm run bench:sandbox`.
 */

let memory: Sandbox | undefined;
let database: { handle: DatabaseHandle; sandbox: Sandbox } | undefined;
let seq = 0;

async function createSession(sandbox: Sandbox) {
  const response = await sandbox.handle(
    apiRequest('POST', '/checkout-sessions', { body: { ...validSessionBody(), reference: `bench-${seq++}` } }),
  );
  if (response.status !== 200) throw new Error(`create answered ${response.status}: ${await response.text()}`);
}

afterAll(async () => {
  await closeSandboxes();
  await database?.handle.close();
});

describe('POST /checkout-sessions', () => {
  bench(
    'memory store',
    async () => {
      memory ??= newSandbox();
      await createSession(memory);
    },
    { time: 3000, warmupTime: 500 },
  );

  bench(
    'database store (PGlite)',
    async () => {
      if (!database) {
        const handle = await openSandboxDatabase();
        database = { handle, sandbox: newSandbox({ store: dbStoreOn(handle) }) };
      }
      await createSession(database.sandbox);
    },
    { time: 3000, warmupTime: 500 },
  );

  bench(
    'database store (PGlite), with an Idempotency-Key replayed',
    async () => {
      if (!database) {
        const handle = await openSandboxDatabase();
        database = { handle, sandbox: newSandbox({ store: dbStoreOn(handle) }) };
      }
      const body = { ...validSessionBody(), reference: 'bench-replay' };
      const response = await database.sandbox.handle(
        apiRequest('POST', '/checkout-sessions', { body, headers: { 'Idempotency-Key': 'bench-replay-key' } }),
      );
      if (response.status !== 200) throw new Error(`replay answered ${response.status}`);
    },
    { time: 3000, warmupTime: 500 },
  );
});
