import { sql } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { sandboxRateLimits } from '../store/db-schema';
import { clearSandboxTables, dbStoreOn, openSandboxDatabase } from '../testing/database';
import { databaseRateLimiter } from './rate-limit';

/** The database limiter and the purge of its counters, on embedded PGlite. */

const handle = await openSandboxDatabase();
afterAll(() => handle.close());
beforeEach(() => clearSandboxTables(handle));

const call = (owner: string, ip: string, shop = false, write = false) => ({ owner, ip, shop, write });

describe('database rate limiter', () => {
  it('shares counters between limiters on one database (as between instances), per key and per address', async () => {
    const first = databaseRateLimiter(handle.db, 2, 1000);
    const second = databaseRateLimiter(handle.db, 2, 1000);
    expect(await first.take(call('owner-a', '203.0.113.1'))).toEqual({ allowed: true });
    expect(await second.take(call('owner-a', '203.0.113.2'))).toEqual({ allowed: true });
    const refused = await first.take(call('owner-a', '203.0.113.3'));
    expect(refused.allowed).toBe(false);
    expect(refused.allowed === false && refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    // Address 203.0.113.1 has one call left; a second invented key uses it, a third is refused.
    expect(await second.take(call('owner-b', '203.0.113.1'))).toEqual({ allowed: true });
    expect((await first.take(call('owner-c', '203.0.113.1'))).allowed).toBe(false);
    // The shop's key is counted per key only.
    expect(await first.take(call('shop', '203.0.113.1', true))).toEqual({ allowed: true });
    const rows = await handle.db.select().from(sandboxRateLimits);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.key.startsWith('sandbox-key:') || row.key.startsWith('sandbox-ip:'))).toBe(true);
    expect(rows.some((row) => row.key.includes('203.0.113'))).toBe(false);
  });

  it('counts the writes of invented keys per address over a day, not reads and not the shop\'s key', async () => {
    const first = databaseRateLimiter(handle.db, 100, 2);
    const second = databaseRateLimiter(handle.db, 100, 2);
    expect(await first.take(call('owner-a', '203.0.113.1', false, true))).toEqual({ allowed: true });
    expect(await second.take(call('owner-b', '203.0.113.1', false, true))).toEqual({ allowed: true });
    const refused = await first.take(call('owner-c', '203.0.113.1', false, true));
    expect(refused.allowed).toBe(false);
    // Until the day's window ends.
    expect(refused.allowed === false && refused.retryAfterSeconds).toBeGreaterThan(23 * 60 * 60);
    expect(await second.take(call('owner-c', '203.0.113.1'))).toEqual({ allowed: true });
    expect(await second.take(call('owner-c', '203.0.113.2', false, true))).toEqual({ allowed: true });
    for (let i = 0; i < 3; i += 1) expect(await first.take(call('shop', '203.0.113.1', true, true))).toEqual({ allowed: true });
    const rows = await handle.db.select().from(sandboxRateLimits);
    expect(rows.filter((row) => row.key.startsWith('sandbox-ip-writes:')).map((row) => row.points).sort()).toEqual([1, 3]);
  });

  it('lets the purge delete counters whose window ended before the cutoff', async () => {
    await handle.db.insert(sandboxRateLimits).values([
      { key: 'sandbox-key:old', points: 3, expire: new Date(Date.now() - 2 * 60 * 60 * 1000) },
      { key: 'sandbox-key:current', points: 1, expire: new Date(Date.now() + 60 * 1000) },
    ]);
    const counts = await dbStoreOn(handle).purge({ before: Date.now() - 60 * 60 * 1000 });
    expect(counts).toEqual({ records: 0, deliveries: 0, idempotency: 0, rateLimits: 1 });
    const left = await handle.db.execute(sql`SELECT key FROM sandbox_rate_limits`);
    expect((left as unknown as { rows: { key: string }[] }).rows.map((row) => row.key)).toEqual(['sandbox-key:current']);
  });
});
