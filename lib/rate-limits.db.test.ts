import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/lib/db/client';
import { ShopLimits } from '@/lib/rate-limits';
import { databaseKind, openTestDatabase } from '@/test/database';
import { uniqueSuffix } from '@/test/orders';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  await handle?.close();
});

describe(`shop rate limits (${databaseKind})`, () => {
  it('limits checkout submissions per browser and per address, with the wait until the next one', async () => {
    const limits = new ShopLimits(handle.db, { checkoutsPerBrowser: 3, checkoutsPerIp: 5 });
    const ip = `198.51.100.${uniqueSuffix()}`;
    const browser = `browser-${uniqueSuffix()}`;
    const verdicts = [];
    for (let i = 0; i < 4; i++) verdicts.push(await limits.checkout(browser, ip));
    expect(verdicts.slice(0, 3)).toEqual([{ allowed: true }, { allowed: true }, { allowed: true }]);
    expect(verdicts[3]).toMatchObject({ allowed: false });
    expect((verdicts[3] as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(500);
    // Other browsers from the same address share its limit: 3 of its 5 are used (the refused one was not counted).
    const others = await Promise.all([1, 2, 3].map((n) => limits.checkout(`other-${n}-${uniqueSuffix()}`, ip)));
    expect(others.filter((v) => v.allowed)).toHaveLength(2);
  });

  it('counts the addresses of one IPv6 /64 as one address', async () => {
    const limits = new ShopLimits(handle.db, { checkoutsPerBrowser: 100, checkoutsPerIp: 2 });
    const site = `2001:db8:${(Date.now() % 0xffff).toString(16)}`;
    const verdicts = [];
    for (const ip of [`${site}:1::1`, `${site}:1::2`, `${site}:1:abcd:ef01:2345:6789`]) verdicts.push(await limits.checkout(`browser-${uniqueSuffix()}`, ip));
    expect(verdicts.map((v) => v.allowed)).toEqual([true, true, false]);
    // The next /64 has its own allowance.
    expect((await limits.checkout(`browser-${uniqueSuffix()}`, `${site}:2::1`)).allowed).toBe(true);
  });

  it('limits the demo visitors\' order actions per address, with the wait until the next one', async () => {
    const limits = new ShopLimits(handle.db, { checkoutsPerBrowser: 10, checkoutsPerIp: 10, demoActionsPerIp: 2 });
    const ip = `203.0.113.${uniqueSuffix()}`;
    const verdicts = [];
    for (let i = 0; i < 3; i++) verdicts.push(await limits.demoAction(ip));
    expect(verdicts.slice(0, 2)).toEqual([{ allowed: true }, { allowed: true }]);
    expect(verdicts[2]).toMatchObject({ allowed: false });
    expect((verdicts[2] as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(500);
  });

  it('counts across instances sharing the database', async () => {
    const a = new ShopLimits(handle.db, { checkoutsPerBrowser: 2, checkoutsPerIp: 100 });
    const b = new ShopLimits(handle.db, { checkoutsPerBrowser: 2, checkoutsPerIp: 100 });
    const browser = `browser-${uniqueSuffix()}`;
    const verdicts = await Promise.all([a, b, a, b].map((limits) => limits.checkout(browser, '192.0.2.1')));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(2);
  });

  it('blocks an address after five failed sign-ins, each further failure twice as long, until a success', async () => {
    const limits = new ShopLimits(handle.db, { checkoutsPerBrowser: 10, checkoutsPerIp: 10 });
    const ip = `203.0.113.${uniqueSuffix()}`;
    expect(await limits.signInAllowed(ip)).toEqual({ allowed: true });
    const blocks = [];
    for (let i = 0; i < 8; i++) blocks.push((await limits.signInFailed(ip)).blockedSeconds);
    const verdict = await limits.signInAllowed(ip);
    expect(verdict).toMatchObject({ allowed: false });
    expect((verdict as { retryAfterSeconds: number }).retryAfterSeconds).toBe(4);
    expect(blocks.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    expect(blocks.slice(5)).toEqual([1, 2, 4]);
    await limits.signInSucceeded(ip);
    expect(await limits.signInAllowed(ip)).toEqual({ allowed: true });
    expect((await limits.signInFailed(ip)).failures).toBe(1);
  });

  it('lets one caller at a time ask Smartpay about an order, once per interval', async () => {
    const limits = new ShopLimits(handle.db, { checkoutsPerBrowser: 10, checkoutsPerIp: 10, recheckIntervalSeconds: 1 });
    const order = `order-${uniqueSuffix()}`;
    const ip = `203.0.113.${uniqueSuffix()}`;
    const claims = await Promise.all(Array.from({ length: 10 }, () => limits.claimRecheck(order, ip)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await limits.claimRecheck(order, ip)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await limits.claimRecheck(order, ip)).toBe(true);
  });

  it('lets one address cause only so many re-checks a minute over all orders', async () => {
    const limits = new ShopLimits(handle.db, { checkoutsPerBrowser: 10, checkoutsPerIp: 10, rechecksPerAddressPerMinute: 3 });
    const ip = `198.51.100.${uniqueSuffix()}`;
    const orders = Array.from({ length: 5 }, () => `order-${uniqueSuffix()}`);
    const claims = [];
    for (const order of orders) claims.push(await limits.claimRecheck(order, ip));
    expect(claims).toEqual([true, true, true, false, false]);
    // Another address still has its own budget, for an order nobody asked about.
    expect(await limits.claimRecheck(`order-${uniqueSuffix()}`, `192.0.2.${uniqueSuffix()}`)).toBe(true);
  });

  it('lets all addresses together cause only so many re-checks a minute with one Smartpay key, except each order\'s first', async () => {
    const options = { checkoutsPerBrowser: 10, checkoutsPerIp: 10, recheckIntervalSeconds: 1 };
    const limits = new ShopLimits(handle.db, { ...options, rechecksPerMinute: { points: 4, key: `key-${uniqueSuffix()}` } });
    // Six orders, each asked about from its own address.
    const askers = Array.from({ length: 6 }, () => ({ order: `order-${uniqueSuffix()}`, ip: `203.0.113.${uniqueSuffix()}` }));
    const ask = async () => {
      const claims = [];
      for (const { order, ip } of askers) claims.push(await limits.claimRecheck(order, ip));
      return claims;
    };
    // The shoppers' returns from Smartpay: each order's first re-check is never refused by the total.
    expect(await ask()).toEqual([true, true, true, true, true, true]);
    // Their pages' polls, once each order's interval is over: only the total stops the fifth and sixth.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await ask()).toEqual([true, true, true, true, false, false]);
    // Another Smartpay key's budget is its own.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const other = new ShopLimits(handle.db, { ...options, rechecksPerMinute: { points: 4, key: `key-${uniqueSuffix()}` } });
    expect(await other.claimRecheck(askers[5]!.order, askers[5]!.ip)).toBe(true);
  });
});
