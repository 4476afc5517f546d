import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/lib/db/client';
import { databaseKind, openTestDatabase } from '@/test/database';
import { uniqueSuffix } from '@/test/orders';

/** The process's limits as the shop makes them (`shopLimits()`), from its settings, on the test database. */
const state = vi.hoisted(() => ({ handle: undefined as unknown as DatabaseHandle }));
vi.mock('@/lib/db/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/db/client')>()),
  db: async () => state.handle.db,
}));

const LIMITS_KEY = Symbol.for('smartpay-storefront.limits');
const forgetLimits = () => delete (globalThis as Record<symbol, unknown>)[LIMITS_KEY];

beforeAll(async () => {
  state.handle = await openTestDatabase();
});
afterAll(async () => {
  forgetLimits();
  vi.unstubAllEnvs();
  await state.handle?.close();
});

describe(`shopLimits() (${databaseKind})`, () => {
  it('counts re-checks over all addresses with the configured RECHECK_LIMIT_TOTAL', async () => {
    vi.stubEnv('RECHECK_LIMIT_TOTAL', '1');
    // A Smartpay key of this test alone, so that no other test's re-checks share its budget.
    vi.stubEnv('SMARTPAY_SECRET_KEY', `sk_test_Wiring${uniqueSuffix()}`);
    vi.resetModules();
    forgetLimits();
    const { shopLimits, RECHECK_INTERVAL_SECONDS } = await import('@/lib/rate-limits');
    const limits = await shopLimits();
    const askers = [0, 1].map(() => ({ order: `order-${uniqueSuffix()}`, ip: `203.0.113.${uniqueSuffix()}` }));
    // Each order's first re-check is not counted.
    for (const { order, ip } of askers) expect(await limits.claimRecheck(order, ip)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, RECHECK_INTERVAL_SECONDS * 1000 + 100));
    // Their second ones share a budget of one.
    expect(await limits.claimRecheck(askers[0]!.order, askers[0]!.ip)).toBe(true);
    expect(await limits.claimRecheck(askers[1]!.order, askers[1]!.ip)).toBe(false);
  });
});
