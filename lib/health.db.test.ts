import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/lib/db/client';
import { checkHealth } from '@/lib/health';
import { databaseKind, openTestDatabase } from '@/test/database';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  await handle?.close();
});

describe(`health (${databaseKind})`, () => {
  it('reports the mode, the database and migrations current, and nothing else', async () => {
    const health = await checkHealth(async () => handle, { mode: 'sandbox' });
    expect(health).toEqual({ status: 'ok', mode: 'sandbox', database: databaseKind, migrations: 'current' });
  });

  it('says when this build ships a migration the database does not have', async () => {
    const health = await checkHealth(async () => handle, { mode: 'test', newestMigration: Date.now() + 60_000 });
    expect(health).toMatchObject({ status: 'ok', migrations: 'behind' });
  });

  it('is unavailable when the database cannot be opened or does not answer in time', async () => {
    const refused = await checkHealth(async () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5432')), { mode: 'live' });
    expect(refused).toEqual({ status: 'unavailable', mode: 'live', database: 'unknown', migrations: 'unknown', problem: 'the database did not answer' });
    const hanging = { kind: 'postgres' as const, db: { execute: () => new Promise(() => undefined) } as unknown as DatabaseHandle['db'] };
    const slow = await checkHealth(async () => hanging, { mode: 'sandbox', timeoutMs: 50 });
    expect(slow).toMatchObject({ status: 'unavailable', database: 'postgres', migrations: 'unknown' });
  });
});
