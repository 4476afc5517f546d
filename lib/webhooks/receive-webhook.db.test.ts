import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/lib/db/client';
import { getOrderByReference, getStatusHistory, recordPendingOrder, transitionOrder } from '@/lib/orders/repository';
import { receiveWebhook } from '@/lib/webhooks/receive-webhook';
import { computeSignature } from '@/lib/webhooks/signature';
import { databaseKind, openTestDatabase } from '@/test/database';
import { FakeSmartpay } from '@/test/fake-smartpay';
import { sampleOrder, uniqueSuffix } from '@/test/orders';

const secret = 'gybcsjixKyBW2d4z6iNPlaYzHUMtawnodwZt3W0q';
let handle: DatabaseHandle;
let smartpay: FakeSmartpay;

beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  await handle?.close();
});
beforeEach(() => {
  smartpay = new FakeSmartpay();
});

const unique = uniqueSuffix;

/** A stored order that went to Smartpay and is waiting for the shopper. */
async function awaitingOrder() {
  const reference = `SP-W${unique()}`;
  const smartpayOrderId = `order_test_${unique()}`;
  const order = await recordPendingOrder(
    handle.db,
    sampleOrder({ reference, subtotal: 1000, total: 1600, lines: [{ productId: 'p_sencha', name: 'sencha', unitPrice: 1000, quantity: 1 }] }),
  );
  await transitionOrder(handle.db, order.id, 'awaiting_authorization', 'checkout', undefined, { smartpayOrderId });
  return { reference, smartpayOrderId, id: order.id };
}

function event(type: string, data: Record<string, unknown>, id = `evt_test_${unique()}`) {
  return { id, object: 'event', createdAt: Date.now(), test: true, eventData: { type, version: '2022-02-18', data } };
}

function delivery(body: unknown, options: { timestamp?: number; signature?: string | null; secret?: string } = {}) {
  const raw = JSON.stringify(body);
  const timestamp = String(options.timestamp ?? Date.now());
  const headers: Record<string, string> = { 'Content-Type': 'application/json', 'Smartpay-Signature-Timestamp': timestamp };
  const signature = options.signature === undefined ? computeSignature(options.secret ?? secret, timestamp, raw) : options.signature;
  if (signature !== null) headers['Smartpay-Signature'] = signature;
  return new Request('http://shop.test/api/webhooks/smartpay', { method: 'POST', headers, body: raw });
}

const receive = (request: Request) => receiveWebhook(request, { db: handle.db, secret, client: smartpay.client() });
const statusOf = async (reference: string) => (await getOrderByReference(handle.db, reference))?.status;

describe(`Smartpay webhook endpoint (${databaseKind})`, () => {
  it('settles an order from a valid order.authorized event, re-fetching the order from the API', async () => {
    const { reference, smartpayOrderId } = await awaitingOrder();
    smartpay.setOrder({ id: smartpayOrderId, status: 'succeeded', amount: 1600, reference, payments: [{ id: 'payment_test_1', object: 'payment', amount: 1600, order: smartpayOrderId, status: 'processed' }] });
    // The payload claims nothing useful: only the API's answer counts.
    const response = await receive(delivery(event('order.authorized', { id: smartpayOrderId, object: 'order', status: 'bogus' })));
    expect(response.status).toBe(200);
    expect(await statusOf(reference)).toBe('succeeded');
    expect(smartpay.requests).toEqual([`/v1/orders/${smartpayOrderId}`]);
    const stored = await getOrderByReference(handle.db, reference);
    expect(stored?.capturedAmount).toBe(1600);
  });

  it('answers 400 to forged, unsigned and stale deliveries without touching state or calling Smartpay', async () => {
    const { reference, smartpayOrderId } = await awaitingOrder();
    smartpay.setOrder({ id: smartpayOrderId, status: 'succeeded', amount: 1600, reference });
    const body = event('order.authorized', { id: smartpayOrderId });
    const forged = await receive(delivery(body, { secret: 'AAAAcsjixKyBW2d4z6iNPlaYzHUMtawnodwZt3W0q' }));
    const unsigned = await receive(delivery(body, { signature: null }));
    const stale = await receive(delivery(body, { timestamp: Date.now() - 10 * 60 * 1000 }));
    const tampered = delivery(body);
    const tamperedBody = (await tampered.text()).replace(smartpayOrderId, 'order_test_other');
    const tamperedResponse = await receive(new Request(tampered.url, { method: 'POST', headers: tampered.headers, body: tamperedBody }));
    expect([forged.status, unsigned.status, stale.status, tamperedResponse.status]).toEqual([400, 400, 400, 400]);
    expect(await unsigned.json()).toEqual({ error: 'missing-headers' });
    expect(await stale.json()).toEqual({ error: 'stale-timestamp' });
    expect(await statusOf(reference)).toBe('awaiting_authorization');
    expect(smartpay.requests).toEqual([]);
  });

  it('acknowledges a duplicated event and handles it only once', async () => {
    const { reference, smartpayOrderId, id } = await awaitingOrder();
    smartpay.setOrder({ id: smartpayOrderId, status: 'succeeded', amount: 1600, reference });
    const body = event('order.authorized', { id: smartpayOrderId });
    const first = await receive(delivery(body));
    const second = await receive(delivery(body));
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(await second.json()).toEqual({ received: true, duplicate: true });
    expect(smartpay.requests).toHaveLength(1);
    expect((await getStatusHistory(handle.db, id)).filter((c) => c.source === 'webhook')).toHaveLength(1);
  });

  it('never moves an order back when events arrive out of order', async () => {
    const { reference, smartpayOrderId } = await awaitingOrder();
    smartpay.setOrder({ id: smartpayOrderId, status: 'canceled', amount: 1600, reference });
    expect((await receive(delivery(event('order.canceled', { id: smartpayOrderId })))).status).toBe(200);
    // An older order.authorized arrives late, and the API (say, a stale replica) still reports authorization.
    smartpay.setOrder({ id: smartpayOrderId, status: 'requires_capture', amount: 1600, reference });
    expect((await receive(delivery(event('order.authorized', { id: smartpayOrderId })))).status).toBe(200);
    expect(await statusOf(reference)).toBe('canceled');
  });

  it('finds the order of payment.created and refund.created events', async () => {
    const { reference, smartpayOrderId, id } = await awaitingOrder();
    const payment = { id: 'payment_test_' + unique(), object: 'payment', amount: 1600, order: smartpayOrderId, status: 'refunded' };
    smartpay.payments.set(payment.id, payment);
    smartpay.setOrder({ id: smartpayOrderId, status: 'succeeded', amount: 1600, reference, payments: [payment] });
    expect((await receive(delivery(event('payment.created', { id: payment.id, order: smartpayOrderId })))).status).toBe(200);
    const refund = { id: 'refund_test_' + unique(), object: 'refund', amount: 1600, payment: payment.id, reason: 'requested_by_customer' };
    smartpay.refunds.set(refund.id, refund);
    expect((await receive(delivery(event('refund.created', refund)))).status).toBe(200);
    const stored = await getOrderByReference(handle.db, reference);
    expect(stored).toMatchObject({ status: 'refunded', refundedAmount: 1600 });
    expect((await getStatusHistory(handle.db, id)).map((c) => c.toStatus)).toEqual(['pending', 'awaiting_authorization', 'refunded']);
  });

  it('records a refund as the API reports it, never as the payload claims (a signed ¥999,999 refund on a ¥1,600 order)', async () => {
    const { reference, smartpayOrderId } = await awaitingOrder();
    const payment = { id: 'payment_test_' + unique(), object: 'payment', amount: 1600, order: smartpayOrderId, status: 'processed' };
    smartpay.payments.set(payment.id, payment);
    smartpay.setOrder({ id: smartpayOrderId, status: 'succeeded', amount: 1600, reference, payments: [payment] });
    expect((await receive(delivery(event('order.authorized', { id: smartpayOrderId })))).status).toBe(200);

    // A refund Smartpay never made: acknowledged, nothing recorded.
    const invented = await receive(delivery(event('refund.created', { id: 'refund_test_invented', payment: payment.id, amount: 999_999 })));
    expect(invented.status).toBe(200);
    expect((await invented.json()).outcome).toBe('ignored: unknown refund');
    // A real refund of ¥500 whose payload claims ¥999,999 and another payment.
    const refund = { id: 'refund_test_' + unique(), object: 'refund', amount: 500, payment: payment.id, reason: 'requested_by_customer', status: 'succeeded' };
    smartpay.refunds.set(refund.id, refund);
    expect((await receive(delivery(event('refund.created', { ...refund, amount: 999_999, payment: 'payment_test_other' })))).status).toBe(200);
    expect(await getOrderByReference(handle.db, reference)).toMatchObject({ status: 'succeeded', refundedAmount: 500 });
  });

  it('refuses news of a Smartpay order other than the one the stored order names', async () => {
    const { reference, smartpayOrderId, id } = await awaitingOrder();
    // Another Smartpay order carrying this shop's reference and amount, unpaid.
    smartpay.setOrder({ id: 'order_test_intruder', status: 'requires_authorization', amount: 1600, reference });
    smartpay.setOrder({ id: smartpayOrderId, status: 'succeeded', amount: 1600, reference });
    expect((await receive(delivery(event('order.rejected', { id: 'order_test_intruder' })))).status).toBe(200);
    expect(await getOrderByReference(handle.db, reference)).toMatchObject({ status: 'awaiting_authorization', smartpayOrderId });
    // Even a status move cannot bring in another Smartpay order's id.
    const moved = await transitionOrder(handle.db, id, 'rejected', 'recheck', undefined, { smartpayOrderId: 'order_test_intruder', smartpayStatus: 'rejected' });
    expect(moved.changed).toBe(false);
    expect(await getOrderByReference(handle.db, reference)).toMatchObject({ status: 'awaiting_authorization', smartpayOrderId, smartpayStatus: null });
    // The real order's news still settles it.
    expect((await receive(delivery(event('order.authorized', { id: smartpayOrderId })))).status).toBe(200);
    expect(await statusOf(reference)).toBe('succeeded');
  });

  it('acknowledges and ignores unknown event types and orders of other shops', async () => {
    const unknownType = await receive(delivery(event('coupon.created', { id: 'coupon_test_1' })));
    expect(unknownType.status).toBe(200);
    expect((await unknownType.json()).outcome).toMatch(/^ignored/);
    smartpay.setOrder({ id: 'order_test_elsewhere', status: 'succeeded', amount: 5, reference: 'OTHER-SHOP' });
    const otherShop = await receive(delivery(event('order.authorized', { id: 'order_test_elsewhere' })));
    expect(otherShop.status).toBe(200);
    expect((await otherShop.json()).outcome).toBe('ignored: unknown order');
  });

  it('answers 500 when Smartpay cannot be asked, then handles the redelivery', async () => {
    const { reference, smartpayOrderId } = await awaitingOrder();
    smartpay.setOrder({ id: smartpayOrderId, status: 'succeeded', amount: 1600, reference });
    const body = event('order.authorized', { id: smartpayOrderId });
    smartpay.failWith = 503;
    expect((await receive(delivery(body))).status).toBe(500);
    expect(await statusOf(reference)).toBe('awaiting_authorization');
    smartpay.failWith = undefined;
    expect((await receive(delivery(body))).status).toBe(200);
    expect(await statusOf(reference)).toBe('succeeded');
  });

  it('answers 413 to a body over 256 KiB, declared or streamed, without reading it, and 400 at once without signature headers', async () => {
    const { reference, smartpayOrderId } = await awaitingOrder();
    smartpay.setOrder({ id: smartpayOrderId, status: 'succeeded', amount: 1600, reference });
    const huge = { ...event('order.authorized', { id: smartpayOrderId }), padding: 'x'.repeat(300 * 1024) };
    expect((await receive(delivery(huge))).status).toBe(413);
    let pulled = 0;
    const endlessStream = () =>
      new ReadableStream<Uint8Array>({
        pull(controller) {
          pulled++;
          controller.enqueue(new Uint8Array(64 * 1024).fill(32));
        },
      });
    const endless = endlessStream();
    const signedHeaders = { 'Smartpay-Signature': '0'.repeat(64), 'Smartpay-Signature-Timestamp': String(Date.now()) };
    const streamed = new Request('http://shop.test/api/webhooks/smartpay', { method: 'POST', headers: signedHeaders, body: endless, duplex: 'half' } as RequestInit);
    expect((await receive(streamed)).status).toBe(413);
    expect(pulled).toBeLessThan(10);
    pulled = 0;
    const unsigned = new Request('http://shop.test/api/webhooks/smartpay', { method: 'POST', body: endlessStream(), duplex: 'half' } as RequestInit);
    expect((await receive(unsigned)).status).toBe(400);
    expect(pulled).toBeLessThan(3);
    expect(await statusOf(reference)).toBe('awaiting_authorization');
    expect(smartpay.requests).toEqual([]);
  });

  it('refuses a body that is not a Smartpay event', async () => {
    expect((await receive(delivery({ hello: 'world' }))).status).toBe(400);
    const raw = 'not json';
    const timestamp = String(Date.now());
    const request = new Request('http://shop.test/api/webhooks/smartpay', {
      method: 'POST',
      headers: { 'Smartpay-Signature': computeSignature(secret, timestamp, raw), 'Smartpay-Signature-Timestamp': timestamp },
      body: raw,
    });
    expect((await receive(request)).status).toBe(400);
  });
});
