import SmartpaySdk from '@smartpay/sdk-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../sandbox';
import { close, listen, sandboxListener, type Listening } from '../testing/serve-over-http';
import type { Json } from '../testing/helpers';

/**
 * The calls of Smartpay's own SDK suites, over real HTTP through the official `@smartpay/sdk-node`: checkout
 * sessions from loose payloads, orders, a test consumer signing in and authorizing orders (so they can be
 * captured, refunded and canceled), webhook endpoints, coupons and promotion codes, and the token flow with
 * the consumer approving the token. The consumer calls go over plain `fetch`, as the suites make them.
 */

const KEY = 'sk_test_SdkSuiteMerchantKey00000000';
const SHOP_KEY = 'sk_test_SdkSuiteShopKey000000000000';
const PUBLIC_KEY = 'pk_test_SdkSuitePublicKey0000000000';
const SHOPPER = { emailAddress: 'suite+test@example.com', password: 'shopper-password' };

/** The SDK's published typings lose its mixin methods; these are the ones used here (its docs/Reference.md). */
interface SmartpayClient {
  createCheckoutSession(payload: unknown): Promise<Json>;
  getCheckoutSession(params: { id: string; expand?: string }): Promise<Json>;
  listCheckoutSessions(params?: { maxResults?: number }): Promise<Json>;
  listOrders(params?: { maxResults?: number; pageToken?: string }): Promise<Json>;
  getOrder(params: { id: string }): Promise<Json>;
  cancelOrder(params: { id: string }): Promise<Json>;
  createPayment(params: Record<string, unknown>): Promise<Json>;
  capture(params: Record<string, unknown>): Promise<Json>;
  getPayment(params: { id: string }): Promise<Json>;
  updatePayment(params: Record<string, unknown>): Promise<Json>;
  listPayments(params?: Record<string, unknown>): Promise<Json>;
  createRefund(params: Record<string, unknown>): Promise<Json>;
  getRefund(params: { id: string }): Promise<Json>;
  updateRefund(params: Record<string, unknown>): Promise<Json>;
  listRefunds(params?: Record<string, unknown>): Promise<Json>;
  createWebhookEndpoint(params: Record<string, unknown>): Promise<Json>;
  getWebhookEndpoint(params: { id: string }): Promise<Json>;
  updateWebhookEndpoint(params: Record<string, unknown>): Promise<Json>;
  listWebhookEndpoints(params?: Record<string, unknown>): Promise<Json>;
  deleteWebhookEndpoint(params: { id: string }): Promise<Json>;
  createCoupon(params: Record<string, unknown>): Promise<Json>;
  getCoupon(params: { id: string }): Promise<Json>;
  updateCoupon(params: Record<string, unknown>): Promise<Json>;
  listCoupons(params?: Record<string, unknown>): Promise<Json>;
  createPromotionCode(params: Record<string, unknown>): Promise<Json>;
  getPromotionCode(params: { id: string }): Promise<Json>;
  updatePromotionCode(params: Record<string, unknown>): Promise<Json>;
  listPromotionCodes(params?: Record<string, unknown>): Promise<Json>;
  listTokens(params?: Record<string, unknown>): Promise<Json>;
  getToken(params: { id: string }): Promise<Json>;
  enableToken(params: { id: string }): Promise<Json>;
  disableToken(params: { id: string }): Promise<Json>;
  deleteToken(params: { id: string }): Promise<Json>;
  createOrder(payload: unknown): Promise<Json>;
}
interface SmartpayClass {
  new (secretKey: string, options?: { publicKey?: string; apiPrefix?: string }): SmartpayClient;
  COUPON_DISCOUNT_TYPE_AMOUNT: string;
  REFUND_REQUEST_BY_CUSTOMER: string;
  ORDER_STATUS_CANCELED: string;
  TOKEN_STATUS_ACTIVE: string;
  TOKEN_STATUS_DISABLED: string;
}
const Smartpay = SmartpaySdk as unknown as SmartpayClass;

const shipping = {
  address: { line1: 'line1', locality: 'locality', postalCode: '123', country: 'JP' },
  feeAmount: 100,
  feeCurrency: 'JPY',
};

describe('the calls of Smartpay’s SDK suites, through @smartpay/sdk-node', () => {
  let api: Listening;
  let sandbox: Sandbox;
  let smartpay: SmartpayClient;
  /** The shopper-side base, where the suites' `API_BASE` points. */
  let consumerBase: string;

  beforeAll(async () => {
    api = await listen(sandboxListener(() => sandbox));
    sandbox = createSandbox({
      appUrl: api.url,
      webhookSecret: 'gybcsjixKyBW2d4z6iNPlaYzHUMtawnodwZt3W0q',
      shopApiKey: SHOP_KEY,
      fetch: async () => new Response('ok', { status: 200 }),
    });
    smartpay = new Smartpay(KEY, { publicKey: PUBLIC_KEY, apiPrefix: `${api.url}/sandbox/v1` });
    consumerBase = `${api.url}/sandbox/v1`;
  });

  afterAll(async () => {
    await sandbox.close();
    api.server.closeAllConnections();
    await close(api.server);
  });

  /** As the suites do: no Content-Type, the body as a string. */
  async function accessToken(): Promise<string> {
    const response = await fetch(`${consumerBase}/consumers/auth/login`, {
      method: 'POST',
      body: JSON.stringify(SHOPPER),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { accessToken: string }).accessToken;
  }

  async function authorizeOrder(orderId: string): Promise<Json> {
    const response = await fetch(`${consumerBase}/orders/${orderId}/authorizations`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${await accessToken()}` },
      body: '{"paymentMethod":"pm_test_visaApproved","paymentPlan":"pay_in_three"}',
    });
    expect(response.status).toBe(200);
    return response.json();
  }

  async function manualCaptureOrder(reference: string): Promise<string> {
    const session = await smartpay.createCheckoutSession({
      items: [{ name: 'レブロン 18 LOW', amount: 350, currency: 'JPY', quantity: 1 }],
      shippingInfo: shipping,
      customerInfo: { email: 'john@smartpay.co', firstName: 'John', lastName: 'Doe' },
      captureMethod: 'manual',
      reference,
      successUrl: 'https://smartpay.co',
      cancelUrl: 'https://smartpay.co',
    });
    return session.order.id as string;
  }

  it('creates sessions from loose payloads (the SDK adds amount and currency) and lists orders', async () => {
    const session = await smartpay.createCheckoutSession({
      currency: 'JPY',
      items: [
        { name: 'レブロン 18 LOW', amount: 250, currency: 'JPY', quantity: 1 },
        { kind: 'discount', name: 'discount', amount: 10, currency: 'JPY' },
        { kind: 'tax', name: 'tax', amount: 10, currency: 'JPY' },
      ],
      shippingInfo: shipping,
      captureMethod: 'manual',
      reference: 'order_ref_1234567',
      successUrl: 'https://smartpay.co',
      cancelUrl: 'https://smartpay.co',
    });
    expect(session.order).toMatchObject({ amount: 350, status: 'requires_authorization' });
    expect((await smartpay.getCheckoutSession({ id: session.id })).id).toBe(session.id);
    expect((await smartpay.listCheckoutSessions({ maxResults: 10 })).data.length).toBeGreaterThan(0);

    await manualCaptureOrder('order_ref_2');
    const orders = await smartpay.listOrders({ maxResults: 1 });
    expect(orders.data).toHaveLength(1);
    const next = await smartpay.listOrders({ maxResults: 1, pageToken: orders.nextPageToken });
    expect(next.data).toHaveLength(1);
    expect(next.pageToken).toBe(orders.nextPageToken);
    expect((await smartpay.getOrder({ id: orders.data[0].id })).id).toBe(orders.data[0].id);
  });

  it('captures, updates and lists payments of an order a test consumer authorized, then refunds them', async () => {
    const orderId = await manualCaptureOrder('capture-1');
    expect((await authorizeOrder(orderId)).status).toBe('requires_capture');

    const payment1 = await smartpay.createPayment({ order: orderId, amount: 150, currency: 'JPY', cancelRemainder: 'manual' });
    const payment2 = await smartpay.capture({ order: orderId, amount: 151, currency: 'JPY', cancelRemainder: 'manual' });
    expect(payment1.id).toMatch(/^payment_test_/);
    expect(payment2.amount).toBe(151);
    expect((await smartpay.updatePayment({ id: payment2.id, reference: 'updated' })).id).toBe(payment2.id);
    expect(await smartpay.getPayment({ id: payment2.id })).toMatchObject({ id: payment2.id, amount: 151, reference: 'updated' });
    expect((await smartpay.listPayments()).data.length).toBeGreaterThan(0);

    const order = await smartpay.getOrder({ id: orderId });
    expect(order.payments).toEqual([payment1.id, payment2.id]);
    const refund1 = await smartpay.createRefund({ payment: order.payments[0], amount: 1, currency: 'JPY', reason: Smartpay.REFUND_REQUEST_BY_CUSTOMER });
    const refund2 = await smartpay.createRefund({ payment: order.payments[0], amount: 2, currency: 'JPY', reason: Smartpay.REFUND_REQUEST_BY_CUSTOMER });
    expect([refund1.amount, refund2.amount]).toEqual([1, 2]);
    expect((await smartpay.updateRefund({ id: refund2.id, reference: 'updated' })).id).toBe(refund2.id);
    expect(await smartpay.getRefund({ id: refund2.id })).toMatchObject({ id: refund2.id, amount: 2, reference: 'updated' });
    expect((await smartpay.listRefunds()).data.length).toBeGreaterThan(0);
  });

  it('cancels an order a test consumer authorized', async () => {
    const orderId = await manualCaptureOrder('cancel-1');
    await authorizeOrder(orderId);
    expect((await smartpay.cancelOrder({ id: orderId })).status).toBe(Smartpay.ORDER_STATUS_CANCELED);
  });

  it('creates, updates, gets, lists and deletes a webhook endpoint', async () => {
    const endpoint = await smartpay.createWebhookEndpoint({ url: 'https://smartpay.co', eventSubscriptions: ['merchant_user.created'] });
    expect((await smartpay.updateWebhookEndpoint({ id: endpoint.id, description: 'updated' })).id).toBe(endpoint.id);
    expect((await smartpay.getWebhookEndpoint({ id: endpoint.id })).description).toBe('updated');
    expect((await smartpay.listWebhookEndpoints()).data.length).toBeGreaterThan(0);
    expect(await smartpay.deleteWebhookEndpoint({ id: endpoint.id })).toBe('');
  });

  it('creates, updates, gets and lists coupons and promotion codes', async () => {
    const coupon = await smartpay.createCoupon({
      name: 'E2E Test coupon',
      discountType: Smartpay.COUPON_DISCOUNT_TYPE_AMOUNT,
      discountAmount: 100,
      currency: 'JPY',
    });
    expect(coupon).toMatchObject({ object: 'coupon', active: true, discountAmount: 100, redemptionCount: 0 });
    expect((await smartpay.updateCoupon({ id: coupon.id, name: 'updatedCoupon' })).id).toBe(coupon.id);
    // The suites read a coupon back with an update that changes nothing.
    expect((await smartpay.updateCoupon({ id: coupon.id })).name).toBe('updatedCoupon');
    expect((await smartpay.getCoupon({ id: coupon.id })).name).toBe('updatedCoupon');
    expect((await smartpay.listCoupons()).data[0].id).toBe(coupon.id);

    const code = `THECODE${Date.now()}`;
    const promotionCode = await smartpay.createPromotionCode({ coupon: coupon.id, code });
    expect(promotionCode).toMatchObject({ object: 'promotionCode', code, coupon: coupon.id, active: true });
    expect((await smartpay.updatePromotionCode({ id: promotionCode.id, active: false })).id).toBe(promotionCode.id);
    expect((await smartpay.updatePromotionCode({ id: promotionCode.id })).active).toBe(false);
    expect((await smartpay.getPromotionCode({ id: promotionCode.id })).active).toBe(false);
    expect((await smartpay.listPromotionCodes()).data[0].id).toBe(promotionCode.id);

    await expect(smartpay.createPromotionCode({ coupon: coupon.id, code: code.toLowerCase() })).rejects.toMatchObject({
      statusCode: 409,
      errorCode: 'promotion-code.exists',
    });
    await expect(smartpay.createPromotionCode({ coupon: 'coupon_test_AAAAAAAAAAAAAAAAAAAAAA', code: 'OTHER' })).rejects.toMatchObject({
      statusCode: 404,
      errorCode: 'coupon.not-found',
    });
  });

  it('runs the token flow with a test consumer approving the token', async () => {
    const session = await smartpay.createCheckoutSession({
      mode: 'token',
      customerInfo: { accountAge: 20, email: 'merchant-support@smartpay.co', firstName: '田中', lastName: '太郎', dateOfBirth: '1985-06-30' },
      reference: 'order_ref_1234567',
      successUrl: 'https://docs.smartpay.co/example-pages/checkout-successful',
      cancelUrl: 'https://docs.smartpay.co/example-pages/checkout-canceled',
    });
    const tokenId = session.token.id as string;
    expect((await smartpay.getCheckoutSession({ id: session.id })).token).toBe(tokenId);
    expect((await smartpay.getCheckoutSession({ id: session.id, expand: 'all' })).token.id).toBe(tokenId);

    const approval = await fetch(`${consumerBase}/tokens/${tokenId}/approve`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${await accessToken()}` },
    });
    expect(approval.status).toBe(200);
    expect((await smartpay.listTokens()).data.length).toBeGreaterThan(0);
    expect((await smartpay.getToken({ id: tokenId })).status).toBe(Smartpay.TOKEN_STATUS_ACTIVE);

    const order = await smartpay.createOrder({
      token: tokenId,
      amount: 350,
      currency: 'JPY',
      items: [{ name: 'レブロン 18 LOW', amount: 250, currency: 'JPY', quantity: 1 }],
      shippingInfo: shipping,
      customerInfo: { email: 'john@smartpay.co', firstName: 'John', lastName: 'Doe' },
      captureMethod: 'manual',
      reference: 'order_ref_1234567',
    });
    expect(order.tokenId).toBe(tokenId);

    await smartpay.disableToken({ id: tokenId });
    expect((await smartpay.getToken({ id: tokenId })).status).toBe(Smartpay.TOKEN_STATUS_DISABLED);
    await smartpay.enableToken({ id: tokenId });
    expect((await smartpay.getToken({ id: tokenId })).status).toBe(Smartpay.TOKEN_STATUS_ACTIVE);
    await smartpay.deleteToken({ id: tokenId });
    await expect(smartpay.getToken({ id: tokenId })).rejects.toMatchObject({ statusCode: 404, errorCode: 'token.not-found' });
  });
});
