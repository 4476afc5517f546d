import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '@/lib/db/client';
import { orders } from '@/lib/db/schema';
import { abandonUnpaidOrders, NEWER_ORDER_SOURCE, scheduleAbandonRule, UNPAID_TOO_LONG_SOURCE } from '@/lib/orders/abandon';
import { getOrderByReference, getStatusHistory, recordPendingOrder, transitionOrder, type Order } from '@/lib/orders/repository';
import { canTransition } from '@/lib/orders/status';
import { databaseKind, openTestDatabase } from '@/test/database';
import { sampleOrder, uniqueSuffix } from '@/test/orders';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  await handle?.close();
});

const statusOf = async (order: Order) => (await getOrderByReference(handle.db, order.reference))?.status;
const history = async (order: Order) =>
  (await getStatusHistory(handle.db, order.id)).map((c) => ({ from: c.fromStatus, to: c.toStatus, source: c.source, detail: c.detail }));

describe(`abandoned orders (${databaseKind})`, () => {
  it('abandons the older unpaid orders of a browser when it records a newer one, saying why', async () => {
    const owner = `browser-${uniqueSuffix()}`;
    const otherBrowser = await recordPendingOrder(handle.db, sampleOrder({ owner: `browser-${uniqueSuffix()}` }));
    const noBrowser = await recordPendingOrder(handle.db, sampleOrder({ owner: null }));
    const waiting = await recordPendingOrder(handle.db, sampleOrder({ owner }));
    await transitionOrder(handle.db, waiting.id, 'awaiting_authorization', 'checkout');

    const failed = await recordPendingOrder(handle.db, sampleOrder({ owner }));
    expect(await statusOf(waiting)).toBe('abandoned');
    expect((await history(waiting)).at(-1)).toEqual({
      from: 'awaiting_authorization',
      to: 'abandoned',
      source: NEWER_ORDER_SOURCE,
      detail: `newer order ${failed.reference}`,
    });
    expect(await statusOf(failed)).toBe('pending');
    await transitionOrder(handle.db, failed.id, 'failed', 'checkout');

    const pending = await recordPendingOrder(handle.db, sampleOrder({ owner }));
    expect(await statusOf(failed)).toBe('abandoned');
    expect((await history(failed)).at(-1)).toMatchObject({ from: 'failed', to: 'abandoned', source: NEWER_ORDER_SOURCE });

    const paid = await recordPendingOrder(handle.db, sampleOrder({ owner }));
    expect(await statusOf(pending)).toBe('abandoned');
    expect((await history(pending)).at(-1)).toMatchObject({ from: 'pending', to: 'abandoned' });
    await transitionOrder(handle.db, paid.id, 'succeeded', 'return');

    const newest = await recordPendingOrder(handle.db, sampleOrder({ owner }));
    expect(await statusOf(newest)).toBe('pending');
    expect(await statusOf(paid)).toBe('succeeded');
    expect(await history(paid)).not.toContainEqual(expect.objectContaining({ to: 'abandoned' }));
    // Orders of another browser, or made outside a browser, are not this browser's to give up.
    expect(await statusOf(otherBrowser)).toBe('pending');
    expect(await statusOf(noBrowser)).toBe('pending');
    await recordPendingOrder(handle.db, sampleOrder({ owner: null }));
    expect(await statusOf(noBrowser)).toBe('pending');
  });

  it('abandons nothing when the same form is sent again, and an older order sent again stays abandoned', async () => {
    const owner = `browser-${uniqueSuffix()}`;
    const olderInput = sampleOrder({ owner });
    const older = await recordPendingOrder(handle.db, olderInput);
    const newerInput = sampleOrder({ owner });
    const newer = await recordPendingOrder(handle.db, newerInput);
    await transitionOrder(handle.db, newer.id, 'awaiting_authorization', 'checkout');

    expect((await recordPendingOrder(handle.db, { ...newerInput })).id).toBe(newer.id);
    expect(await statusOf(newer)).toBe('awaiting_authorization');
    const again = await recordPendingOrder(handle.db, { ...olderInput });
    expect(again).toMatchObject({ id: older.id, status: 'abandoned' });
    expect(await statusOf(newer)).toBe('awaiting_authorization');
    expect((await history(older)).filter((c) => c.to === 'abandoned')).toHaveLength(1);
  });

  it('still moves an abandoned order on late news from Smartpay, and not on news that it is still awaiting', async () => {
    const owner = `browser-${uniqueSuffix()}`;
    const paidLate = await recordPendingOrder(handle.db, sampleOrder({ owner }));
    await transitionOrder(handle.db, paidLate.id, 'awaiting_authorization', 'checkout');
    const declinedLate = await recordPendingOrder(handle.db, sampleOrder({ owner }));
    await transitionOrder(handle.db, declinedLate.id, 'awaiting_authorization', 'checkout');
    await recordPendingOrder(handle.db, sampleOrder({ owner }));
    expect(await statusOf(paidLate)).toBe('abandoned');

    expect((await transitionOrder(handle.db, paidLate.id, 'awaiting_authorization', 'recheck')).changed).toBe(false);
    expect((await transitionOrder(handle.db, paidLate.id, 'succeeded', 'webhook')).changed).toBe(true);
    expect((await transitionOrder(handle.db, declinedLate.id, 'rejected', 'recheck')).changed).toBe(true);
    expect(await statusOf(paidLate)).toBe('succeeded');
    expect(await statusOf(declinedLate)).toBe('rejected');
    expect((await history(paidLate)).map((c) => `${c.from}→${c.to}@${c.source}`)).toEqual([
      'null→pending@checkout',
      'pending→awaiting_authorization@checkout',
      `awaiting_authorization→abandoned@${NEWER_ORDER_SOURCE}`,
      'abandoned→succeeded@webhook',
    ]);
  });

  it('settles a webhook racing a newer order to one forward path', async () => {
    for (let round = 0; round < 5; round++) {
      const owner = `browser-${uniqueSuffix()}`;
      const older = await recordPendingOrder(handle.db, sampleOrder({ owner }));
      await transitionOrder(handle.db, older.id, 'awaiting_authorization', 'checkout');
      await Promise.all([recordPendingOrder(handle.db, sampleOrder({ owner })), transitionOrder(handle.db, older.id, 'succeeded', 'webhook')]);
      expect(await statusOf(older)).toBe('succeeded');
      const changes = await getStatusHistory(handle.db, older.id);
      for (let i = 1; i < changes.length; i++) {
        expect(changes[i]!.fromStatus).toBe(changes[i - 1]!.toStatus);
        expect(canTransition(changes[i]!.fromStatus!, changes[i]!.toStatus)).toBe(true);
      }
    }
  });

  // Dates far in the past keep these orders apart from those of other test files sharing a PostgreSQL database.
  it('abandons orders still pending or awaiting authorization past the age limit, and only those', async () => {
    const placedAt = async (status: 'pending' | 'awaiting_authorization' | 'failed' | 'succeeded', iso: string) => {
      const order = await recordPendingOrder(handle.db, sampleOrder({ owner: `browser-${uniqueSuffix()}` }));
      if (status !== 'pending') await transitionOrder(handle.db, order.id, status, 'checkout');
      await handle.db.update(orders).set({ createdAt: new Date(iso) }).where(eq(orders.id, order.id));
      return order;
    };
    const oldWaiting = await placedAt('awaiting_authorization', '2001-03-01T00:00:00Z');
    const oldPending = await placedAt('pending', '2001-03-01T06:00:00Z');
    const oldFailed = await placedAt('failed', '2001-03-01T00:00:00Z');
    const oldPaid = await placedAt('succeeded', '2001-03-01T00:00:00Z');
    const recentWaiting = await placedAt('awaiting_authorization', '2001-03-01T18:00:00Z');

    // 24 hours before noon on 2 March is noon on 1 March: orders placed before it.
    const moved = await abandonUnpaidOrders(handle.db, new Date('2001-03-01T12:00:00Z'), 24);
    expect(moved.sort()).toEqual([oldWaiting.id, oldPending.id].sort());
    expect(await statusOf(oldWaiting)).toBe('abandoned');
    expect(await statusOf(oldPending)).toBe('abandoned');
    expect(await statusOf(oldFailed)).toBe('failed');
    expect(await statusOf(oldPaid)).toBe('succeeded');
    expect(await statusOf(recentWaiting)).toBe('awaiting_authorization');
    expect((await history(oldWaiting)).at(-1)).toEqual({
      from: 'awaiting_authorization',
      to: 'abandoned',
      source: UNPAID_TOO_LONG_SOURCE,
      detail: 'no payment within 24 h of the order',
    });

    // Applied again, it finds nothing more to do and writes no second entry.
    expect(await abandonUnpaidOrders(handle.db, new Date('2001-03-01T12:00:00Z'), 24)).toEqual([]);
    expect((await history(oldWaiting)).filter((c) => c.to === 'abandoned')).toHaveLength(1);
  });

  it('is applied by the timer every instance starts, without anything being read', async () => {
    const placed = async (iso: string) => {
      const order = await recordPendingOrder(handle.db, sampleOrder({ owner: `browser-${uniqueSuffix()}` }));
      await transitionOrder(handle.db, order.id, 'awaiting_authorization', 'checkout');
      await handle.db.update(orders).set({ createdAt: new Date(iso) }).where(eq(orders.id, order.id));
      return order;
    };
    // Dates before any other test file's orders, and an age that puts the limit between the two.
    const old = await placed('1999-01-01T00:00:00Z');
    const recent = await placed('1999-12-01T00:00:00Z');
    const hours = (Date.now() - Date.parse('1999-06-01T00:00:00Z')) / 3_600_000;
    const stop = scheduleAbandonRule(handle.db, hours);
    try {
      await expect.poll(() => statusOf(old), { timeout: 10_000 }).toBe('abandoned');
      expect(await statusOf(recent)).toBe('awaiting_authorization');
      expect((await history(old)).at(-1)).toMatchObject({ to: 'abandoned', source: UNPAID_TOO_LONG_SOURCE });
    } finally {
      stop();
    }
  });
});
