import { describe, expect, it, vi } from 'vitest';
import { MAX_SOFT_DECLINES } from '../hosted-page/soft-decline';
import { call, createSession, newSandbox } from '../testing/helpers';

const HOLD_MS = 7 * 24 * 60 * 60 * 1000;

const eventTypes = async (sandbox: ReturnType<typeof newSandbox>) =>
  (await sandbox.snapshot()).events.map((e) => e.eventData.type).reverse();

describe('hosted checkout outcomes', () => {
  it('approve with automatic capture: succeeded, one processed payment, events, success redirect', async () => {
    const now = 1_700_000_000_000;
    const sandbox = newSandbox({ now: () => now });
    const session = await createSession(sandbox);
    const view = await sandbox.getSessionForCheckout(session.id);
    expect(view?.lines.map((l) => l.name)).toEqual(['Tea', 'Coupon', 'Consumption tax']);
    const result = await sandbox.completeCheckout(session.id, 'approve');
    expect(result?.redirectTo).toBe(session.successUrl);
    const order = (await call(sandbox, 'GET', `/orders/${session.order.id}?expand=all`)).body;
    expect(order.status).toBe('succeeded');
    expect(order.expiresAt).toBe(now + 7 * 24 * 60 * 60 * 1000);
    expect(order.payments).toHaveLength(1);
    expect(order.payments[0]).toMatchObject({ object: 'payment', status: 'processed', amount: 2250, order: order.id });
    expect(await eventTypes(sandbox)).toEqual(['order.authorized', 'payment.created']);
    const event = (await sandbox.snapshot()).events.at(-1)!;
    expect(event).toMatchObject({ object: 'event', test: true, eventData: { version: '2022-02-18' } });
    expect((event.eventData.data as { lineItems: unknown[] }).lineItems[0]).toMatch(/^li_test_/);
  });

  it('approve with manual capture: requires_capture for 7 days, no payment', async () => {
    const now = 1_700_000_000_000;
    const sandbox = newSandbox({ now: () => now });
    const session = await createSession(sandbox, { captureMethod: 'manual' });
    await sandbox.completeCheckout(session.id, 'approve');
    const order = (await call(sandbox, 'GET', `/orders/${session.order.id}`)).body;
    expect(order.status).toBe('requires_capture');
    expect(order.expiresAt).toBe(now + 7 * 24 * 60 * 60 * 1000);
    expect(order.payments).toEqual([]);
    expect(await eventTypes(sandbox)).toEqual(['order.authorized']);
  });

  it('decline rejects the order and redirects to cancelUrl', async () => {
    const sandbox = newSandbox();
    const session = await createSession(sandbox);
    const result = await sandbox.completeCheckout(session.id, 'decline');
    expect(result?.redirectTo).toBe(session.cancelUrl);
    expect((await call(sandbox, 'GET', `/orders/${session.order.id}`)).body.status).toBe('rejected');
    expect(await eventTypes(sandbox)).toEqual(['order.rejected']);
    const again = await sandbox.completeCheckout(session.id, 'approve');
    expect(again?.alreadyFinal).toBe(true);
    expect(again?.order?.status).toBe('rejected');
  });

  it('soft decline keeps the order open for another try', async () => {
    const sandbox = newSandbox();
    const session = await createSession(sandbox);
    const result = await sandbox.completeCheckout(session.id, 'soft-decline');
    expect(result?.softDeclined).toBe(true);
    expect(result?.redirectTo).toBeUndefined();
    expect((await call(sandbox, 'GET', `/orders/${session.order.id}`)).body.status).toBe('requires_authorization');
    expect(await eventTypes(sandbox)).toEqual(['order.rejected']);
    await sandbox.completeCheckout(session.id, 'approve');
    expect((await call(sandbox, 'GET', `/orders/${session.order.id}`)).body.status).toBe('succeeded');
  });

  it('records and sends the first soft declines of a page only, so pressing it again and again stores and sends nothing more', async () => {
    const sandbox = newSandbox();
    const session = await createSession(sandbox);
    for (let press = 0; press < MAX_SOFT_DECLINES + 3; press += 1) {
      expect((await sandbox.completeCheckout(session.id, 'soft-decline'))?.softDeclined).toBe(true);
    }
    expect(await eventTypes(sandbox)).toEqual(Array.from({ length: MAX_SOFT_DECLINES }, () => 'order.rejected'));
    // The count is the sandbox's own: not in the API's session.
    const shown = (await call(sandbox, 'GET', `/checkout-sessions/${session.id}?expand=all`)).body;
    expect(shown).not.toHaveProperty('sandboxSoftDeclines');
    expect(shown.order).not.toHaveProperty('sandboxSoftDeclines');
    // The shopper can still pay.
    await sandbox.completeCheckout(session.id, 'approve');
    expect((await call(sandbox, 'GET', `/orders/${session.order.id}`)).body.status).toBe('succeeded');
  });

  it('cancel leaves the order unchanged and redirects to cancelUrl', async () => {
    const sandbox = newSandbox();
    const session = await createSession(sandbox);
    const result = await sandbox.completeCheckout(session.id, 'cancel');
    expect(result?.redirectTo).toBe(session.cancelUrl);
    expect((await call(sandbox, 'GET', `/orders/${session.order.id}`)).body.status).toBe('requires_authorization');
    expect(await eventTypes(sandbox)).toEqual([]);
  });

  it('knows nothing of unknown sessions', async () => {
    const sandbox = newSandbox();
    expect(await sandbox.getSessionForCheckout('checkout_test_nope')).toBeUndefined();
    expect(await sandbox.completeCheckout('checkout_test_nope', 'approve')).toBeUndefined();
  });
});

describe('order cancellation', () => {
  it('cancels an authorized order and emits order.canceled', async () => {
    const sandbox = newSandbox();
    const session = await createSession(sandbox, { captureMethod: 'manual' });
    await sandbox.completeCheckout(session.id, 'approve');
    const canceled = await call(sandbox, 'PUT', `/orders/${session.order.id}/cancellation`);
    expect(canceled.status).toBe(200);
    expect(canceled.body.status).toBe('canceled');
    expect(await eventTypes(sandbox)).toEqual(['order.authorized', 'order.canceled']);
    expect((await call(sandbox, 'PUT', `/orders/${session.order.id}/cancellation`)).status).toBe(200);
  });

  // "Only orders in requires_capture or canceled status can be cancelled" (409 order.cannot-cancel,
  // https://en.docs.smartpay.co/reference/cancel-order).
  it('refuses to cancel an order still awaiting authorization with 409 order.cannot-cancel (cancel-order reference)', async () => {
    const sandbox = newSandbox();
    const session = await createSession(sandbox);
    const refused = await call(sandbox, 'PUT', `/orders/${session.order.id}/cancellation`);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ statusCode: 409, errorCode: 'order.cannot-cancel' });
    expect((await call(sandbox, 'GET', `/orders/${session.order.id}`)).body.status).toBe('requires_authorization');
    expect((await sandbox.snapshot()).events).toEqual([]);
    const soft = await createSession(sandbox);
    await sandbox.completeCheckout(soft.id, 'soft-decline');
    expect((await call(sandbox, 'PUT', `/orders/${soft.order.id}/cancellation`)).body.errorCode).toBe('order.cannot-cancel');
  });

  it('cancels a partly captured order (cancelRemainder manual)', async () => {
    const sandbox = newSandbox();
    const session = await createSession(sandbox, { captureMethod: 'manual' });
    await sandbox.completeCheckout(session.id, 'approve');
    await call(sandbox, 'POST', '/payments', { body: { order: session.order.id, amount: 1000, currency: 'JPY', cancelRemainder: 'manual' } });
    const canceled = await call(sandbox, 'PUT', `/orders/${session.order.id}/cancellation`);
    expect(canceled.body).toMatchObject({ status: 'canceled', payments: [expect.stringMatching(/^payment_test_/)] });
  });

  it('refuses to cancel a succeeded or rejected order with 409 order.cannot-cancel', async () => {
    const sandbox = newSandbox();
    const paid = await createSession(sandbox);
    await sandbox.completeCheckout(paid.id, 'approve');
    const refused = await call(sandbox, 'PUT', `/orders/${paid.order.id}/cancellation`);
    expect(refused.status).toBe(409);
    expect(refused.body.errorCode).toBe('order.cannot-cancel');
    const rejected = await createSession(sandbox);
    await sandbox.completeCheckout(rejected.id, 'decline');
    expect((await call(sandbox, 'PUT', `/orders/${rejected.order.id}/cancellation`)).status).toBe(409);
    expect((await call(sandbox, 'PUT', '/orders/order_test_nope/cancellation')).body.errorCode).toBe('order.not-found');
  });

});

// An authorization holds up to 7 days, after which the order becomes canceled (https://en.docs.smartpay.co/docs/manual-capture,
// https://en.docs.smartpay.co/docs/capture-an-order; API.md §4.2): at expiry, by the background timer, not when it is next read.
describe('authorization expiry', () => {
  it('cancels the order at expiry from the background timer, with order.canceled, without any request', async () => {
    let now = 1_700_000_000_000;
    const sandbox = newSandbox({ now: () => now, expiryPollIntervalMs: 10 });
    const session = await createSession(sandbox, { captureMethod: 'manual' });
    await sandbox.completeCheckout(session.id, 'approve');
    now += HOLD_MS - 1;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await sandbox.snapshot()).orders[0]!.status).toBe('requires_capture');
    now += 1;
    await vi.waitFor(async () => expect((await sandbox.snapshot()).orders[0]!.status).toBe('canceled'), { timeout: 2_000 });
    expect(await eventTypes(sandbox)).toEqual(['order.authorized', 'order.canceled']);
    const event = (await sandbox.snapshot()).events[0]!;
    expect(event.eventData.data).toMatchObject({ id: session.order.id, status: 'canceled', updatedAt: now });
  });

  it('leaves reads alone: the order is canceled by the expiry run, once', async () => {
    let now = 1_700_000_000_000;
    const sandbox = newSandbox({ now: () => now, deliveryPollIntervalMs: 0 });
    const session = await createSession(sandbox, { captureMethod: 'manual' });
    await sandbox.completeCheckout(session.id, 'approve');
    now += HOLD_MS + 1;
    expect((await call(sandbox, 'GET', `/orders/${session.order.id}`)).body.status).toBe('requires_capture');
    expect((await call(sandbox, 'GET', '/orders')).body.data[0].status).toBe('requires_capture');
    expect(await eventTypes(sandbox)).toEqual(['order.authorized']);
    expect(await Promise.all([sandbox.expireAuthorizations(), sandbox.expireAuthorizations()])).toEqual(expect.arrayContaining([1, 0]));
    expect(await sandbox.expireAuthorizations()).toBe(0);
    expect((await call(sandbox, 'GET', `/orders/${session.order.id}`)).body.status).toBe('canceled');
    expect(await eventTypes(sandbox)).toEqual(['order.authorized', 'order.canceled']);
  });

  it('never captures past the hold, even before the expiry run', async () => {
    let now = 1_700_000_000_000;
    const sandbox = newSandbox({ now: () => now, deliveryPollIntervalMs: 0 });
    const session = await createSession(sandbox, { captureMethod: 'manual' });
    await sandbox.completeCheckout(session.id, 'approve');
    now += HOLD_MS;
    const capture = await call(sandbox, 'POST', '/payments', { body: { order: session.order.id, amount: 2250, currency: 'JPY' } });
    expect(capture.status).toBe(409);
    expect(capture.body.errorCode).toBe('order.cannot-capture');
    expect(await eventTypes(sandbox)).toEqual(['order.authorized', 'order.canceled']);
    expect((await call(sandbox, 'PUT', `/orders/${session.order.id}/cancellation`)).body.status).toBe('canceled');
    expect(await sandbox.expireAuthorizations()).toBe(0);
  });

  it('leaves succeeded orders alone', async () => {
    let now = 1_700_000_000_000;
    const sandbox = newSandbox({ now: () => now, deliveryPollIntervalMs: 0 });
    const session = await createSession(sandbox);
    await sandbox.completeCheckout(session.id, 'approve');
    now += HOLD_MS * 2;
    expect(await sandbox.expireAuthorizations()).toBe(0);
    expect((await call(sandbox, 'GET', `/orders/${session.order.id}`)).body.status).toBe('succeeded');
  });
});

describe('captures', () => {
  const capture = (order: string, amount: number, extra: Record<string, unknown> = {}) => ({
    body: { order, amount, currency: 'JPY', ...extra },
  });

  it('captures in full by default and the order succeeds', async () => {
    const sandbox = newSandbox();
    const session = await createSession(sandbox, { captureMethod: 'manual' });
    await sandbox.completeCheckout(session.id, 'approve');
    const payment = await call(sandbox, 'POST', '/payments', capture(session.order.id, 2250, { reference: 'cap-1' }));
    expect(payment.status).toBe(200);
    expect(payment.body).toMatchObject({ object: 'payment', amount: 2250, status: 'processed', reference: 'cap-1' });
    expect(payment.body.id).toMatch(/^payment_test_[0-9A-Za-z]{22}$/);
    expect((await call(sandbox, 'GET', `/orders/${session.order.id}`)).body.status).toBe('succeeded');
    expect((await call(sandbox, 'GET', `/payments/${payment.body.id}`)).body.id).toBe(payment.body.id);
    expect((await call(sandbox, 'GET', '/payments')).body.results).toBe(1);
    expect((await eventTypes(sandbox)).at(-1)).toBe('payment.created');
  });

  it('a partial capture with cancelRemainder automatic ends capturing', async () => {
    const sandbox = newSandbox();
    const session = await createSession(sandbox, { captureMethod: 'manual' });
    await sandbox.completeCheckout(session.id, 'approve');
    expect((await call(sandbox, 'POST', '/payments', capture(session.order.id, 1000))).status).toBe(200);
    expect((await call(sandbox, 'GET', `/orders/${session.order.id}`)).body.status).toBe('succeeded');
    const again = await call(sandbox, 'POST', '/payments', capture(session.order.id, 100));
    expect(again.status).toBe(409);
    expect(again.body.errorCode).toBe('order.cannot-capture');
  });

  it('cancelRemainder manual allows partial captures up to the total', async () => {
    const sandbox = newSandbox();
    const session = await createSession(sandbox, { captureMethod: 'manual' });
    await sandbox.completeCheckout(session.id, 'approve');
    const manual = { cancelRemainder: 'manual' };
    expect((await call(sandbox, 'POST', '/payments', capture(session.order.id, 1000, manual))).status).toBe(200);
    expect((await call(sandbox, 'GET', `/orders/${session.order.id}`)).body.status).toBe('requires_capture');
    const excessive = await call(sandbox, 'POST', '/payments', capture(session.order.id, 1251, manual));
    expect(excessive.status).toBe(409);
    expect(excessive.body.errorCode).toBe('payment.excessive-amount');
    expect((await call(sandbox, 'POST', '/payments', capture(session.order.id, 1250, manual))).status).toBe(200);
    const order = (await call(sandbox, 'GET', `/orders/${session.order.id}`)).body;
    expect(order.status).toBe('succeeded');
    expect(order.payments).toHaveLength(2);
  });

  it('refuses to capture an order that is not authorized, or unknown', async () => {
    const sandbox = newSandbox();
    const session = await createSession(sandbox);
    const refused = await call(sandbox, 'POST', '/payments', capture(session.order.id, 100));
    expect(refused.status).toBe(409);
    expect(refused.body.errorCode).toBe('order.cannot-capture');
    const unknown = await call(sandbox, 'POST', '/payments', capture('order_test_AAAAAAAAAAAAAAAAAAAAAA', 100));
    expect(unknown.status).toBe(404);
    expect(unknown.body.errorCode).toBe('order.not-found');
    const invalid = await call(sandbox, 'POST', '/payments', { body: { order: session.order.id, amount: 0, currency: 'JPY' } });
    expect(invalid.body.details[0].path).toBe('amount');
  });
});

describe('refunds', () => {
  async function paidPayment(sandbox: ReturnType<typeof newSandbox>) {
    const session = await createSession(sandbox);
    await sandbox.completeCheckout(session.id, 'approve');
    const order = (await call(sandbox, 'GET', `/orders/${session.order.id}`)).body;
    return order.payments[0] as string;
  }
  const refund = (payment: string, amount: number) => ({
    body: { payment, amount, currency: 'JPY', reason: 'requested_by_customer' },
  });

  it('refunds partially, then fully, and marks the payment refunded', async () => {
    const sandbox = newSandbox();
    const payment = await paidPayment(sandbox);
    const first = await call(sandbox, 'POST', '/refunds', refund(payment, 250));
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ object: 'refund', payment, amount: 250, status: 'succeeded' });
    expect((await call(sandbox, 'GET', `/payments/${payment}`)).body.status).toBe('processed');
    const over = await call(sandbox, 'POST', '/refunds', refund(payment, 2001));
    expect(over.status).toBe(403);
    expect(over.body.errorCode).toBe('amount.insufficient');
    expect((await call(sandbox, 'POST', '/refunds', refund(payment, 2000))).status).toBe(200);
    expect((await call(sandbox, 'GET', `/payments/${payment}`)).body.status).toBe('refunded');
    expect((await call(sandbox, 'GET', `/refunds/${first.body.id}`)).body.id).toBe(first.body.id);
    expect((await call(sandbox, 'GET', '/refunds')).body.results).toBe(2);
    expect((await eventTypes(sandbox)).filter((t) => t === 'refund.created')).toHaveLength(2);
  });

  // sdk-go types.go `RefundCreate.Amount`: "If this is not set, the default will be the full unrefunded amount of the payment."
  it('refunds what is left when amount is absent (sdk-go RefundCreate)', async () => {
    const sandbox = newSandbox();
    const payment = await paidPayment(sandbox);
    await call(sandbox, 'POST', '/refunds', refund(payment, 250));
    const rest = await call(sandbox, 'POST', '/refunds', { body: { payment, currency: 'JPY', reason: 'fraudulent' } });
    expect(rest.status).toBe(200);
    expect(rest.body).toMatchObject({ amount: 2000, payment, status: 'succeeded' });
    expect((await call(sandbox, 'GET', `/payments/${payment}`)).body.status).toBe('refunded');
    const nothing = await call(sandbox, 'POST', '/refunds', { body: { payment, currency: 'JPY', reason: 'fraudulent' } });
    expect(nothing.status).toBe(403);
    expect(nothing.body.errorCode).toBe('amount.insufficient');
  });

  it('answers 404 payment.not-found for an unknown payment and validates reason', async () => {
    const sandbox = newSandbox();
    const unknown = await call(sandbox, 'POST', '/refunds', refund('payment_test_AAAAAAAAAAAAAAAAAAAAAA', 1));
    expect(unknown.status).toBe(404);
    expect(unknown.body.errorCode).toBe('payment.not-found');
    const payment = await paidPayment(sandbox);
    const bad = await call(sandbox, 'POST', '/refunds', { body: { payment, amount: 1, currency: 'JPY', reason: 'because' } });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].path).toBe('reason');
  });
});
