import { describe, expect, it } from 'vitest';
import { dashboardScope, warningsOf } from './view';
import type { SandboxSnapshot } from '../sandbox';
import { APP_URL, call, createSession, newSandbox, OTHER_KEY, SHOP_SECRET, validSessionBody, type Json } from '../testing/helpers';

const ids = (records: { id: string }[]) => records.map((record) => record.id).sort();

/**
 * What a browser may see, worked out from everything stored, the shop key's and every other key's: the
 * definition `Sandbox.browserSnapshot` must meet while reading only the records it shows.
 */
function filteredByHand(state: SandboxSnapshot, shopSessions: readonly string[]): SandboxSnapshot {
  const wanted = new Set(shopSessions);
  const checkoutSessions = state.checkoutSessions.filter((session) => wanted.has(session.id));
  const orderIds = new Set(checkoutSessions.flatMap((session) => (session.order ? [session.order] : [])));
  const tokenIds = new Set(checkoutSessions.flatMap((session) => (session.token ? [session.token] : [])));
  const tokens = state.tokens.filter((token) => tokenIds.has(token.id));
  const orders = state.orders.filter((order) => orderIds.has(order.id) || (order.tokenId !== undefined && tokenIds.has(order.tokenId)));
  const shownOrders = new Set(orders.map((order) => order.id));
  const payments = state.payments.filter((payment) => shownOrders.has(payment.order));
  const paymentIds = new Set(payments.map((payment) => payment.id));
  const refunds = state.refunds.filter((refund) => paymentIds.has(refund.payment));
  const objectIds = new Set([...checkoutSessions, ...tokens, ...orders, ...payments, ...refunds].map((record) => record.id));
  const events = state.events.filter((event) => objectIds.has((event.eventData.data as { id: string }).id));
  const eventIds = new Set(events.map((event) => event.id));
  const deliveries = state.deliveries.filter((delivery) => eventIds.has(delivery.eventId));
  return { checkoutSessions, orders, payments, refunds, tokens, events, deliveries, webhookEndpoints: [], coupons: [], promotionCodes: [] };
}

describe('dashboard scope', () => {
  it('shows everything in development or behind the merchant password, else only this browser', () => {
    expect(dashboardScope({ production: false, merchantPassword: undefined })).toBe('everything');
    expect(dashboardScope({ production: true, merchantPassword: 'a-long-password' })).toBe('everything');
    expect(dashboardScope({ production: true, merchantPassword: undefined })).toBe('this-browser');
  });
});

describe('Sandbox.browserSnapshot', () => {
  it('lists coupons and promotion codes in the full snapshot, and none in a browser\'s view', async () => {
    const sandbox = newSandbox();
    const coupon = (await call(sandbox, 'POST', '/coupons', { body: { name: 'Spring', discountType: 'amount', discountAmount: 300, currency: 'JPY' } })).body;
    const promotion = (await call(sandbox, 'POST', '/promotion-codes', { body: { coupon: coupon.id, code: 'SPRING300' } })).body;
    const session = await createSession(sandbox);
    const everything = await sandbox.snapshot();
    expect(ids(everything.coupons)).toEqual([coupon.id]);
    expect(everything.promotionCodes.map((p) => [p.id, p.code, p.coupon])).toEqual([[promotion.id, 'SPRING300', coupon.id]]);
    const mine = await sandbox.browserSnapshot([session.id]);
    expect(ids(mine.checkoutSessions)).toEqual([session.id]);
    expect([mine.coupons, mine.promotionCodes, mine.webhookEndpoints]).toEqual([[], [], []]);
  });

  it('keeps the browser’s sessions and what hangs off them, and nothing else', async () => {
    const sandbox = newSandbox();
    // This browser: a paid order with a partial refund, and a token charged once.
    const paid = await createSession(sandbox);
    await sandbox.completeCheckout(paid.id, 'approve');
    const payment = (await call(sandbox, 'GET', `/orders/${paid.order.id}`)).body.payments[0] as string;
    const refund = (await call(sandbox, 'POST', '/refunds', { body: { payment, amount: 100, currency: 'JPY', reason: 'requested_by_customer' } })).body;
    const tokenSession = (await call(sandbox, 'POST', '/checkout-sessions', { body: { mode: 'token', successUrl: `${APP_URL}/ok`, cancelUrl: `${APP_URL}/no` } })).body;
    await sandbox.completeCheckout(tokenSession.id, 'approve');
    const { amount, currency, items, shippingInfo } = validSessionBody();
    const charged = (await call(sandbox, 'POST', '/orders', { body: { token: tokenSession.token.id, amount, currency, items, shippingInfo } })).body;
    // Other browsers: a session of the same key, and one of another key.
    const elsewhere = await createSession(sandbox);
    await sandbox.completeCheckout(elsewhere.id, 'approve');
    const theirs: Json = (await call(sandbox, 'POST', '/checkout-sessions', { key: OTHER_KEY, body: validSessionBody() })).body;
    await sandbox.completeCheckout(theirs.id, 'decline');
    await sandbox.flushDeliveries();

    const everything = await sandbox.snapshot();
    const mine = await sandbox.browserSnapshot([paid.id, tokenSession.id, 'checkout_test_Unknown0000000000000000']);
    expect(mine).toEqual(filteredByHand(everything, [paid.id, tokenSession.id]));
    // A cookie may name any session id: another key's session, and what hangs off it, is never shown.
    expect(await sandbox.browserSnapshot([theirs.id])).toEqual(filteredByHand(everything, []));

    expect(ids(mine.checkoutSessions)).toEqual([paid.id, tokenSession.id].sort());
    expect(ids(mine.orders)).toEqual([paid.order.id, charged.id].sort());
    expect(ids(mine.tokens)).toEqual([tokenSession.token.id]);
    expect(ids(mine.payments)).toEqual([payment, charged.payments[0].id].sort());
    expect(ids(mine.refunds)).toEqual([refund.id]);
    expect(mine.webhookEndpoints).toEqual([]);
    const subjects = new Set(mine.events.map((event) => (event.eventData.data as { id: string }).id));
    expect([...subjects].sort()).toEqual([paid.order.id, payment, refund.id, tokenSession.token.id, charged.id, charged.payments[0].id].sort());
    expect(mine.events.map((event) => event.eventData.type).sort()).toEqual(
      [
        'order.authorized', 'payment.created', 'refund.created',
        'token.created', 'token.approved', 'order.authorized', 'payment.created', 'token.used',
      ].sort(),
    );
    expect(ids(mine.deliveries)).toEqual(ids(everything.deliveries.filter((d) => mine.events.some((e) => e.id === d.eventId))));
    expect(mine.deliveries).toHaveLength(mine.events.length);

    const text = JSON.stringify(mine);
    for (const hidden of [elsewhere.id, elsewhere.order.id, theirs.id, theirs.order.id, SHOP_SECRET]) expect(text).not.toContain(hidden);
    // Newest first, as the full snapshot.
    expect(mine.checkoutSessions.map((s) => s.id)).toEqual([tokenSession.id, paid.id]);
  });

  it('shows nothing without sessions', async () => {
    const sandbox = newSandbox();
    const session = await createSession(sandbox);
    await sandbox.completeCheckout(session.id, 'approve');
    const empty = await sandbox.browserSnapshot([]);
    expect(Object.values(empty).every((list) => list.length === 0)).toBe(true);
  });
});

// Rules Smartpay does not confirm are accepted with a warning kept on the object (API.md §3.7 for the amount),
// which the dashboard lists next to the object it belongs to.
describe('warningsOf', () => {
  it('lists the warnings kept on orders and payments, newest first, and only those of the browser view', async () => {
    let now = 1_700_000_000_000;
    const sandbox = newSandbox({ now: () => now });
    const mismatched = await createSession(sandbox, { amount: 2000, captureMethod: 'manual' });
    now += 1_000;
    await sandbox.completeCheckout(mismatched.id, 'approve');
    const capture = await call(sandbox, 'POST', '/payments', {
      body: { order: mismatched.order.id, amount: 2000, currency: 'JPY', lineItems: ['li_test_Unknown000000000000000'] },
    });
    now += 1_000;
    const other = await createSession(sandbox, { amount: 1 });
    const clean = await createSession(sandbox);

    const everything = await sandbox.snapshot();
    expect(warningsOf(everything)).toEqual([
      { object: 'order', id: other.order.id, createdAt: now, message: expect.stringMatching(/^amount 1 differs/) },
      { object: 'payment', id: capture.body.id, createdAt: now - 1_000, message: expect.stringContaining('is not a line item of order') },
      { object: 'order', id: mismatched.order.id, createdAt: now - 2_000, message: expect.stringMatching(/^amount 2000 differs/) },
    ]);
    expect(warningsOf(await sandbox.browserSnapshot([mismatched.id])).map((warning) => warning.id)).toEqual([capture.body.id, mismatched.order.id]);
    expect(warningsOf(await sandbox.browserSnapshot([clean.id]))).toEqual([]);
  });
});
