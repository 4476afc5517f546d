import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/lib/db/client';
import { getOrderById, getStatusHistory, recordPendingOrder, transitionOrder } from '@/lib/orders/repository';
import { applySmartpayOrder, findOrderForSmartpayOrder, syncOrderFromSmartpay } from '@/lib/orders/sync';
import type { SmartpayOrder } from '@/lib/smartpay-api/schemas';
import { databaseKind, openTestDatabase } from '@/test/database';
import { FakeSmartpay } from '@/test/fake-smartpay';
import { sampleOrder, uniqueSuffix } from '@/test/orders';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  await handle?.close();
});
beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** A stored order awaiting Smartpay's answer, naming its Smartpay order. */
async function awaitingOrder() {
  const order = await recordPendingOrder(handle.db, sampleOrder());
  const smartpayOrderId = `order_test_${uniqueSuffix()}`;
  const { order: awaiting } = await transitionOrder(handle.db, order.id, 'awaiting_authorization', 'checkout', undefined, { smartpayOrderId });
  return awaiting;
}

const remoteOf = (order: { reference: string; total: number; smartpayOrderId: string | null }, overrides: Partial<SmartpayOrder> = {}) =>
  ({ id: order.smartpayOrderId!, object: 'order', status: 'succeeded', amount: order.total, currency: 'JPY', reference: order.reference, payments: [], ...overrides }) as SmartpayOrder;

describe(`applySmartpayOrder: the guard on what Smartpay reports (${databaseKind})`, () => {
  it('moves the order when Smartpay reports its own order, with the same reference and amount', async () => {
    const order = await awaitingOrder();
    const result = await applySmartpayOrder(handle.db, order, remoteOf(order), 'webhook');
    expect(result.changed).toBe(true);
    expect(result.order.status).toBe('succeeded');
    expect((await getStatusHistory(handle.db, order.id)).at(-1)).toMatchObject({ toStatus: 'succeeded', source: 'webhook' });
  });

  it.each([
    ['another Smartpay order', { id: 'order_test_SomeoneElsesOrder00000' }],
    ['another reference', { reference: 'SP-000000000000' }],
    ['another amount', { amount: 1 }],
  ])('refuses news carrying %s, and changes nothing', async (_what, overrides) => {
    const order = await awaitingOrder();
    const result = await applySmartpayOrder(handle.db, order, remoteOf(order, overrides), 'webhook');
    expect(result.changed).toBe(false);
    const stored = await getOrderById(handle.db, order.id);
    expect(stored).toMatchObject({ status: 'awaiting_authorization', smartpayOrderId: order.smartpayOrderId, total: order.total });
    expect(console.error).toHaveBeenCalledOnce();
  });

  it('adopts the Smartpay order id when the stored order has none yet, and never replaces it afterwards', async () => {
    const order = await recordPendingOrder(handle.db, sampleOrder());
    const first = remoteOf({ ...order, smartpayOrderId: `order_test_${uniqueSuffix()}` }, { status: 'requires_authorization' });
    const adopted = await applySmartpayOrder(handle.db, order, first, 'return');
    expect(adopted.order.smartpayOrderId).toBe(first.id);
    const other = remoteOf({ ...order, smartpayOrderId: `order_test_${uniqueSuffix()}` });
    expect((await applySmartpayOrder(handle.db, adopted.order, other, 'webhook')).changed).toBe(false);
    expect((await getOrderById(handle.db, order.id))?.smartpayOrderId).toBe(first.id);
  });

  it('records the captured amount from the payments, and a fully refunded order as refunded', async () => {
    const order = await awaitingOrder();
    const paid = await applySmartpayOrder(
      handle.db,
      order,
      remoteOf(order, { payments: [{ id: 'payment_test_A', object: 'payment', amount: order.total, currency: 'JPY', status: 'processed' }] as never }),
      'webhook',
    );
    expect(paid.order).toMatchObject({ status: 'succeeded', capturedAmount: order.total });
    const refunded = await applySmartpayOrder(
      handle.db,
      paid.order,
      remoteOf(order, { payments: [{ id: 'payment_test_A', object: 'payment', amount: order.total, currency: 'JPY', status: 'refunded' }] as never }),
      'webhook',
    );
    expect(refunded.order.status).toBe('refunded');
  });
});

describe(`syncOrderFromSmartpay and findOrderForSmartpayOrder (${databaseKind})`, () => {
  it('asks Smartpay for the order it names and applies the answer; the guard holds there too', async () => {
    const fake = new FakeSmartpay();
    const order = await awaitingOrder();
    fake.setOrder({ id: order.smartpayOrderId!, status: 'succeeded', amount: order.total, reference: order.reference });
    expect((await syncOrderFromSmartpay({ db: handle.db, client: fake.client() }, order, 'return')).order.status).toBe('succeeded');
    expect(fake.requests).toEqual([`/v1/orders/${order.smartpayOrderId}`]);

    const tampered = await awaitingOrder();
    fake.setOrder({ id: tampered.smartpayOrderId!, status: 'succeeded', amount: tampered.total + 1, reference: tampered.reference });
    expect((await syncOrderFromSmartpay({ db: handle.db, client: fake.client() }, tampered, 'return')).changed).toBe(false);
  });

  it('finds the stored order by Smartpay order id, else by the reference it carries', async () => {
    const order = await awaitingOrder();
    expect((await findOrderForSmartpayOrder(handle.db, remoteOf(order)))?.id).toBe(order.id);
    const byReference = await recordPendingOrder(handle.db, sampleOrder());
    expect((await findOrderForSmartpayOrder(handle.db, remoteOf({ ...byReference, smartpayOrderId: 'order_test_Unknown' })))?.id).toBe(byReference.id);
    expect(await findOrderForSmartpayOrder(handle.db, remoteOf({ ...byReference, reference: 'SP-NONE', smartpayOrderId: 'order_test_Unknown' }))).toBeUndefined();
  });
});
