import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/lib/db/client';
import { merchantIdempotencyKey } from '@/lib/merchant/idempotency';
import type { ShopDeps } from '@/lib/deps';
import { allocateRefund, cancelOrder, captureOrder, refundOrder } from '@/lib/merchant/operations';
import { getOrderById, getOrderRefunds, getStatusHistory, recordPendingOrder, transitionOrder } from '@/lib/orders/repository';
import type { OrderStatus } from '@/lib/orders/status';
import { databaseKind, openTestDatabase } from '@/test/database';
import { FakeSmartpay } from '@/test/fake-smartpay';

const TOTAL = 1600;
let handle: DatabaseHandle;
let smartpay: FakeSmartpay;
let deps: ShopDeps;
let seq = 0;

beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  await handle?.close();
});
beforeEach(() => {
  smartpay = new FakeSmartpay();
  deps = { db: handle.db, client: smartpay.client() };
});

const unique = () => `${Date.now().toString(36)}${(seq++).toString(36)}`.toUpperCase();
const writes = () => smartpay.calls.filter((call) => call.method !== 'GET');

/** A stored order in `status`, and Smartpay's order in `remoteStatus` with the given payments. */
async function storedOrder(status: OrderStatus, remoteStatus: string, paymentAmounts: number[] = [], knownCaptured?: number, owner?: string) {
  const reference = `SP-M${unique()}`;
  const smartpayOrderId = `order_test_${unique()}`;
  const order = await recordPendingOrder(handle.db, {
    reference,
    owner,
    locale: 'ja',
    subtotal: 1000,
    shippingFee: 600,
    total: TOTAL,
    customer: { email: 'taro@example.com', familyName: '山田', givenName: '太郎', phone: '+819012345678' },
    shippingAddress: { postalCode: '150-0001', prefecture: '東京都', city: '渋谷区', line1: '1-2-3' },
    lines: [{ productId: 'p_sencha', name: 'sencha', unitPrice: 1000, quantity: 1 }],
  });
  const payments = paymentAmounts.map((amount) => ({
    id: `payment_test_${unique()}`,
    object: 'payment',
    amount,
    currency: 'JPY',
    order: smartpayOrderId,
    status: 'processed',
  }));
  const captured = paymentAmounts.reduce((sum, amount) => sum + amount, 0);
  await transitionOrder(handle.db, order.id, status, 'checkout', undefined, { smartpayOrderId, capturedAmount: knownCaptured ?? captured });
  smartpay.setOrder({ id: smartpayOrderId, status: remoteStatus, amount: TOTAL, reference, payments });
  return { id: order.id, smartpayOrderId, payments };
}

const reload = async (id: string) => (await getOrderById(handle.db, id))!;

describe(`merchant operations (${databaseKind})`, () => {
  it('lets a visitor of the public demo act only on the orders of their own browser', async () => {
    const mine = await storedOrder('succeeded', 'succeeded', [TOTAL], undefined, 'browser-mine');
    const theirs = await storedOrder('awaiting_authorization', 'requires_authorization', [], undefined, 'browser-theirs');
    const formKey = randomUUID();
    expect(await refundOrder(deps, { orderId: theirs.id, formKey, amount: 100, reason: 'requested_by_customer', owner: 'browser-mine' })).toMatchObject({
      ok: false,
      error: { reason: 'not-found' },
    });
    expect(await cancelOrder(deps, { orderId: theirs.id, formKey, owner: 'browser-mine' })).toMatchObject({ ok: false, error: { reason: 'not-found' } });
    expect(await cancelOrder(deps, { orderId: theirs.id, formKey, owner: '' })).toMatchObject({ ok: false, error: { reason: 'not-found' } });
    expect(writes()).toEqual([]);
    expect(await refundOrder(deps, { orderId: mine.id, formKey, amount: 100, reason: 'requested_by_customer', owner: 'browser-mine' })).toMatchObject({ ok: true });
  });

  it('captures the whole amount of an authorized order', async () => {
    const { id, smartpayOrderId } = await storedOrder('requires_capture', 'requires_capture');
    const result = await captureOrder(deps, { orderId: id, formKey: randomUUID(), amount: TOTAL });

    expect(result).toMatchObject({ ok: true, action: 'capture', amount: TOTAL });
    const order = await reload(id);
    expect(order.status).toBe('succeeded');
    expect(order.capturedAmount).toBe(TOTAL);
    const [capture] = writes();
    expect(capture).toMatchObject({ method: 'POST', path: '/v1/payments', body: { order: smartpayOrderId, amount: TOTAL, cancelRemainder: 'automatic' } });
    expect(capture?.idempotencyKey).toMatch(/^merchant-capture-/);
    expect((await getStatusHistory(handle.db, id)).at(-1)).toMatchObject({ fromStatus: 'requires_capture', toStatus: 'succeeded', source: 'merchant' });
  });

  it('refunds part, then the rest, and the order becomes refunded when Smartpay says all payments are', async () => {
    const { id, payments } = await storedOrder('succeeded', 'succeeded', [TOTAL]);

    const first = await refundOrder(deps, { orderId: id, formKey: randomUUID(), amount: 600, reason: 'requested_by_customer' });
    expect(first).toMatchObject({ ok: true, amount: 600 });
    let order = await reload(id);
    expect(order).toMatchObject({ status: 'succeeded', refundedAmount: 600 });

    const second = await refundOrder(deps, { orderId: id, formKey: randomUUID(), amount: 1000, reason: 'fraudulent' });
    expect(second).toMatchObject({ ok: true, amount: 1000 });
    order = await reload(id);
    expect(order).toMatchObject({ status: 'refunded', refundedAmount: TOTAL });
    const refunds = await getOrderRefunds(handle.db, id);
    expect(refunds.map((r) => [r.smartpayPaymentId, r.amount, r.reason])).toEqual([
      [payments[0]!.id, 600, 'requested_by_customer'],
      [payments[0]!.id, 1000, 'fraudulent'],
    ]);
    expect((await getStatusHistory(handle.db, id)).at(-1)).toMatchObject({ toStatus: 'refunded', source: 'merchant' });
  });

  it('refuses a refund above the refundable amount without asking Smartpay', async () => {
    const { id } = await storedOrder('succeeded', 'succeeded', [TOTAL]);
    const result = await refundOrder(deps, { orderId: id, formKey: randomUUID(), amount: TOTAL + 1, reason: 'requested_by_customer' });
    expect(result).toEqual({ ok: false, action: 'refund', error: { reason: 'invalid-amount', max: TOTAL } });
    expect(writes()).toEqual([]);
  });

  it("shows Smartpay's 403 amount.insufficient and records nothing when Smartpay knows of an earlier refund", async () => {
    const { id, payments } = await storedOrder('succeeded', 'succeeded', [TOTAL]);
    smartpay.refundElsewhere(payments[0]!.id, 1000);

    const result = await refundOrder(deps, { orderId: id, formKey: randomUUID(), amount: 1000, reason: 'requested_by_customer' });
    expect(result).toMatchObject({ ok: false, error: { reason: 'smartpay', statusCode: 403, errorCode: 'amount.insufficient' } });
    expect(await getOrderRefunds(handle.db, id)).toEqual([]);
    expect(await reload(id)).toMatchObject({ status: 'succeeded', refundedAmount: 0 });
  });

  it('splits a refund across payments that still have something to refund', async () => {
    const { id, payments } = await storedOrder('succeeded', 'succeeded', [1000, 600]);
    const result = await refundOrder(deps, { orderId: id, formKey: randomUUID(), amount: 1300, reason: 'requested_by_customer' });
    expect(result).toMatchObject({ ok: true, amount: 1300 });
    const refunds = await getOrderRefunds(handle.db, id);
    expect(refunds.map((r) => [r.smartpayPaymentId, r.amount]).sort()).toEqual([
      [payments[0]!.id, 1000],
      [payments[1]!.id, 300],
    ]);
    expect(allocateRefund(500, [{ id: 'a', refundable: 200 }, { id: 'b', refundable: 900 }])).toEqual([
      { paymentId: 'a', amount: 200 },
      { paymentId: 'b', amount: 300 },
    ]);
  });

  // Smartpay cancels only orders awaiting capture (https://en.docs.smartpay.co/reference/cancel-order).
  it('cancels an order awaiting capture', async () => {
    const { id, smartpayOrderId } = await storedOrder('requires_capture', 'requires_capture');
    const result = await cancelOrder(deps, { orderId: id, formKey: randomUUID() });
    expect(result).toMatchObject({ ok: true, action: 'cancel' });
    expect((await reload(id)).status).toBe('canceled');
    expect(writes().at(-1)).toMatchObject({ method: 'PUT', path: `/v1/orders/${smartpayOrderId}/cancellation` });
  });

  it('refuses actions the status does not allow, without calling Smartpay', async () => {
    const paid = await storedOrder('succeeded', 'succeeded', [TOTAL]);
    const waiting = await storedOrder('awaiting_authorization', 'requires_authorization');
    const refunded = await storedOrder('refunded', 'succeeded', [TOTAL]);
    const formKey = randomUUID();

    expect(await captureOrder(deps, { orderId: paid.id, formKey, amount: 100 })).toMatchObject({ ok: false, error: { reason: 'not-allowed', status: 'succeeded' } });
    expect(await cancelOrder(deps, { orderId: paid.id, formKey })).toMatchObject({ ok: false, error: { reason: 'not-allowed' } });
    expect(await refundOrder(deps, { orderId: waiting.id, formKey, amount: 100, reason: 'fraudulent' })).toMatchObject({ ok: false, error: { reason: 'not-allowed' } });
    expect(await captureOrder(deps, { orderId: waiting.id, formKey, amount: 100 })).toMatchObject({ ok: false, error: { reason: 'not-allowed' } });
    expect(await cancelOrder(deps, { orderId: waiting.id, formKey })).toMatchObject({ ok: false, error: { reason: 'not-allowed', status: 'awaiting_authorization' } });
    expect(await refundOrder(deps, { orderId: refunded.id, formKey, amount: 100, reason: 'fraudulent' })).toMatchObject({ ok: false, error: { reason: 'not-allowed' } });
    expect(await captureOrder(deps, { orderId: randomUUID(), formKey, amount: 100 })).toMatchObject({ ok: false, error: { reason: 'not-found' } });
    expect(await cancelOrder(deps, { orderId: waiting.id, formKey: 'not-a-key' })).toMatchObject({ ok: false, error: { reason: 'invalid-form' } });
    expect(smartpay.calls).toEqual([]);
  });

  it("keeps the page in step when Smartpay refuses: the error is returned and the order re-fetched", async () => {
    const { id } = await storedOrder('requires_capture', 'succeeded', [TOTAL], 0);
    const result = await captureOrder(deps, { orderId: id, formKey: randomUUID(), amount: TOTAL });
    expect(result).toMatchObject({ ok: false, error: { reason: 'smartpay', statusCode: 409, errorCode: 'order.cannot-capture' } });
    expect(await reload(id)).toMatchObject({ status: 'succeeded', capturedAmount: TOTAL });
  });

  it('sends one idempotency key per form, so a double submit refunds once', async () => {
    const { id } = await storedOrder('succeeded', 'succeeded', [TOTAL]);
    const formKey = randomUUID();
    const submit = () => refundOrder(deps, { orderId: id, formKey, amount: 500, reason: 'requested_by_customer' });

    expect(await submit()).toMatchObject({ ok: true });
    expect(await submit()).toMatchObject({ ok: true });
    const keys = writes().map((call) => call.idempotencyKey);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
    expect(smartpay.refunds.size).toBe(1);
    expect(await reload(id)).toMatchObject({ refundedAmount: 500 });

    expect(merchantIdempotencyKey(formKey, 'refund', 500, 'p')).toBe(merchantIdempotencyKey(formKey, 'refund', 500, 'p'));
    expect(merchantIdempotencyKey(formKey, 'refund', 500, 'p')).not.toBe(merchantIdempotencyKey(formKey, 'refund', 400, 'p'));
    expect(merchantIdempotencyKey(formKey, 'refund', 500, 'p')).not.toBe(merchantIdempotencyKey(randomUUID(), 'refund', 500, 'p'));
    expect(merchantIdempotencyKey(formKey, 'capture', 500)).not.toBe(merchantIdempotencyKey(formKey, 'refund', 500));
  });
});
