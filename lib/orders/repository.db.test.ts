import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { DatabaseHandle } from '@/lib/db/client';
import { orderRefunds, orders } from '@/lib/db/schema';
import {
  getOrderById,
  getOrderByReference,
  getOrderLines,
  getStatusHistory,
  listOrders,
  OrderConflictError,
  recordPendingOrder,
  recordRefund,
  transitionOrder,
} from '@/lib/orders/repository';
import { canTransition, orderStatuses, statusFromSmartpay } from '@/lib/orders/status';
import { databaseKind, openTestDatabase } from '@/test/database';
import { sampleOrder } from '@/test/orders';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  await handle?.close();
});

const newOrder = sampleOrder;

describe(`orders repository (${databaseKind})`, () => {
  it('records a pending order with its lines, prices as charged, and the first history entry', async () => {
    const input = newOrder();
    const order = await recordPendingOrder(handle.db, input);
    expect(order).toMatchObject({ reference: input.reference, status: 'pending', total: 3540, shippingFee: 600 });
    const lines = await getOrderLines(handle.db, order.id);
    expect(lines).toEqual([expect.objectContaining({ productId: 'p_hojicha', unitPrice: 980, quantity: 3, lineTotal: 2940 })]);
    expect((await getStatusHistory(handle.db, order.id)).map((c) => [c.fromStatus, c.toStatus, c.source])).toEqual([
      [null, 'pending', 'checkout'],
    ]);
  });

  it('returns the same order when the same browser submits the same content again, and never changes an order', async () => {
    const input = newOrder({ owner: 'browser-a' });
    const first = await recordPendingOrder(handle.db, input);
    const [again, concurrent] = await Promise.all([recordPendingOrder(handle.db, { ...input }), recordPendingOrder(handle.db, { ...input })]);
    expect(again.id).toBe(first.id);
    expect(concurrent.id).toBe(first.id);

    // Another browser with the same reference (it guessed or saw it), or the same browser with other content: refused.
    const takeover = { ...input, owner: 'browser-b', customer: { ...input.customer, email: 'attacker@example.com' } };
    await expect(recordPendingOrder(handle.db, takeover)).rejects.toBeInstanceOf(OrderConflictError);
    await expect(recordPendingOrder(handle.db, { ...input, total: 1 })).rejects.toBeInstanceOf(OrderConflictError);
    await expect(recordPendingOrder(handle.db, { ...input, owner: null })).rejects.toBeInstanceOf(OrderConflictError);
    const stored = await getOrderByReference(handle.db, input.reference);
    expect(stored).toMatchObject({ id: first.id, owner: 'browser-a', total: 3540, customer: input.customer });
    expect(await getOrderLines(handle.db, first.id)).toHaveLength(1);
  });

  it('moves orders only forward and records who moved them', async () => {
    const order = await recordPendingOrder(handle.db, newOrder());
    expect((await transitionOrder(handle.db, order.id, 'awaiting_authorization', 'checkout')).changed).toBe(true);
    expect((await transitionOrder(handle.db, order.id, 'succeeded', 'return')).changed).toBe(true);
    // Late news: a webhook still saying "awaiting authorization", then a stale rejection.
    expect((await transitionOrder(handle.db, order.id, 'awaiting_authorization', 'webhook')).changed).toBe(false);
    expect((await transitionOrder(handle.db, order.id, 'rejected', 'webhook')).changed).toBe(false);
    expect((await transitionOrder(handle.db, order.id, 'succeeded', 'webhook')).changed).toBe(false);
    const stored = await getOrderByReference(handle.db, order.reference);
    expect(stored?.status).toBe('succeeded');
    expect((await getStatusHistory(handle.db, order.id)).map((c) => `${c.fromStatus}→${c.toStatus}@${c.source}`)).toEqual([
      'null→pending@checkout',
      'pending→awaiting_authorization@checkout',
      'awaiting_authorization→succeeded@return',
    ]);
  });

  it('settles concurrent news to exactly one forward path', async () => {
    const order = await recordPendingOrder(handle.db, newOrder());
    await transitionOrder(handle.db, order.id, 'awaiting_authorization', 'checkout');
    const sources = ['return', 'webhook', 'recheck'] as const;
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        transitionOrder(handle.db, order.id, i % 2 ? 'succeeded' : 'requires_capture', sources[i % 3]!),
      ),
    );
    const history = await getStatusHistory(handle.db, order.id);
    const stored = await getOrderByReference(handle.db, order.reference);
    expect(stored?.status).toBe('succeeded');
    // Each recorded step is allowed by the table, and steps chain.
    for (let i = 1; i < history.length; i++) {
      expect(history[i]!.fromStatus).toBe(history[i - 1]!.toStatus);
      expect(canTransition(history[i]!.fromStatus!, history[i]!.toStatus)).toBe(true);
    }
  });

  it('starts from the row the caller holds, reads again when it is stale, and never replaces a Smartpay id stored meanwhile', async () => {
    const order = await recordPendingOrder(handle.db, newOrder());
    // The caller's row is stale: the order moved on since it was read.
    await transitionOrder(handle.db, order.id, 'awaiting_authorization', 'checkout', undefined, { smartpaySessionId: 'cs_first' });
    const late = await transitionOrder(handle.db, order, 'requires_capture', 'webhook');
    expect(late).toMatchObject({ changed: true, order: { status: 'requires_capture', smartpaySessionId: 'cs_first' } });

    // The row says "no session yet", but another session was stored meanwhile: the move is refused, the id kept.
    const other = await recordPendingOrder(handle.db, newOrder());
    await handle.db.update(orders).set({ smartpaySessionId: 'cs_stored_meanwhile' }).where(eq(orders.id, other.id));
    const refused = await transitionOrder(handle.db, other, 'awaiting_authorization', 'checkout', undefined, { smartpaySessionId: 'cs_other' });
    expect(refused.changed).toBe(false);
    expect(await getOrderByReference(handle.db, other.reference)).toMatchObject({ status: 'pending', smartpaySessionId: 'cs_stored_meanwhile' });
    expect((await getStatusHistory(handle.db, other.id)).map((c) => c.toStatus)).toEqual(['pending']);
  });

  it('news that moves nothing changes nothing, also when it names a Smartpay object the order does not know yet', async () => {
    const order = await recordPendingOrder(handle.db, newOrder());
    await transitionOrder(handle.db, order.id, 'abandoned', 'merchant');
    const stale = await transitionOrder(handle.db, order.id, 'awaiting_authorization', 'recheck', undefined, { smartpayOrderId: 'order_test_not_yet_known' });
    expect(stale).toMatchObject({ changed: false, order: { status: 'abandoned', smartpayOrderId: null } });
    expect((await getStatusHistory(handle.db, order.id)).map((c) => c.toStatus)).toEqual(['pending', 'abandoned']);
  });

  it('leaves a stored value alone when the news leaves it out (undefined)', async () => {
    const order = await recordPendingOrder(handle.db, newOrder());
    const suffix = order.reference;
    await transitionOrder(handle.db, order.id, 'awaiting_authorization', 'checkout', undefined, { smartpaySessionId: `cs_${suffix}`, smartpayOrderId: `order_${suffix}` });
    // The same session again, naming no order: nothing to move, and the stored order id stays.
    const again = await transitionOrder(handle.db, order.id, 'awaiting_authorization', 'checkout', undefined, { smartpaySessionId: `cs_${suffix}`, smartpayOrderId: undefined });
    expect(again).toMatchObject({ changed: false, order: { smartpaySessionId: `cs_${suffix}`, smartpayOrderId: `order_${suffix}` } });
    // A move that leaves the amounts out keeps them.
    const captured = await transitionOrder(handle.db, order.id, 'succeeded', 'webhook', undefined, { smartpayOrderId: `order_${suffix}`, capturedAmount: undefined, refundedAmount: undefined });
    expect(captured).toMatchObject({ changed: true, order: { status: 'succeeded', smartpayOrderId: `order_${suffix}`, capturedAmount: 0, refundedAmount: 0 } });
  });

  it('counts each refund once and lists orders newest first', async () => {
    const order = await recordPendingOrder(handle.db, newOrder());
    expect(await recordRefund(handle.db, order.id, { id: 'refund_test_a', paymentId: 'payment_test_a', amount: 500 })).toBe(500);
    expect(await recordRefund(handle.db, order.id, { id: 'refund_test_a', paymentId: 'payment_test_a', amount: 500 })).toBe(500);
    expect(await recordRefund(handle.db, order.id, { id: 'refund_test_b', paymentId: 'payment_test_a', amount: 40 })).toBe(540);
    const later = await recordPendingOrder(handle.db, newOrder());
    const { orders, total } = await listOrders(handle.db, { limit: 2 });
    expect(orders[0]?.id).toBe(later.id);
    expect(total).toBeGreaterThanOrEqual(2);
  });
  it.runIf(databaseKind === 'postgres')('counts a refund recorded while another is being recorded on another connection', async () => {
    const order = await recordPendingOrder(handle.db, newOrder());
    let recording: Promise<number> | undefined;
    // The other refund being recorded, held open between its sum and its update: its row is written but not
    // committed, and it holds the order's row as recordRefund does (a refund's own row only shares its key).
    await handle.db.transaction(async (tx) => {
      await tx.execute(sql`select 1 from ${orders} where ${orders.id} = ${order.id} for no key update`);
      await tx.insert(orderRefunds).values({ smartpayRefundId: 'refund_test_first', orderId: order.id, smartpayPaymentId: 'payment_test_a', amount: 500 });
      const { rows } = (await tx.execute(sql`select pg_backend_pid() as pid`)) as unknown as { rows: { pid: number }[] };
      const pid = rows[0]!.pid;
      recording = recordRefund(handle.db, order.id, { id: 'refund_test_second', paymentId: 'payment_test_a', amount: 40 });
      recording.catch(() => undefined);
      // The second refund goes as far as it can: until it waits for this transaction.
      await expect
        .poll(async () => {
          const { rows } = (await handle.db.execute(
            sql`select count(*)::int as waiting from pg_stat_activity where ${pid}::int = any(pg_blocking_pids(pid))`,
          )) as unknown as { rows: { waiting: number }[] };
          return rows[0]?.waiting;
        }, { timeout: 5_000 })
        .toBe(1);
      await tx.update(orders).set({ refundedAmount: 500 }).where(eq(orders.id, order.id));
    });
    expect(await recording).toBe(540);
    expect((await getOrderById(handle.db, order.id))?.refundedAmount).toBe(540);
  });
});

describe('status table', () => {
  it('maps Smartpay statuses, and settled statuses never go back to waiting', () => {
    expect(statusFromSmartpay('requires_authorization')).toBe('awaiting_authorization');
    expect(statusFromSmartpay('succeeded', true)).toBe('refunded');
    for (const from of ['succeeded', 'rejected', 'canceled', 'refunded', 'requires_capture'] as const) {
      expect(canTransition(from, 'awaiting_authorization')).toBe(false);
      expect(canTransition(from, 'pending')).toBe(false);
    }
    for (const s of orderStatuses) expect(canTransition(s, s)).toBe(false);
  });
});
