import type http from 'node:http';
import SmartpaySdk from '@smartpay/sdk-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../sandbox';
import { close, listen, readBody, sandboxListener, type Listening } from '../testing/serve-over-http';
import type { Json } from '../testing/helpers';

/** Drives the sandbox over real HTTP with Smartpay's official Node SDK. */

const KEY = 'sk_test_ContractTestKey00000000000';
const SHOP_KEY = 'sk_test_ContractShopKey00000000000';
const SHOP_SECRET = 'gybcsjixKyBW2d4z6iNPlaYzHUMtawnodwZt3W0q';

/** The SDK's published typings lose its mixin methods; these are the ones used here (see its docs/Reference.md). */
interface SmartpayClient {
  createCheckoutSession(payload: unknown): Promise<Json>;
  getCheckoutSession(params: { id: string; expand?: string }): Promise<Json>;
  listCheckoutSessions(params?: { maxResults?: number; pageToken?: string; expand?: string }): Promise<Json>;
  getOrder(params: { id: string; expand?: string }): Promise<Json>;
  createWebhookEndpoint(params: { url: string; eventSubscriptions?: string[] }): Promise<Json>;
  getToken(params: { id: string }): Promise<Json>;
  listTokens(params?: { maxResults?: number; pageToken?: string }): Promise<Json>;
  enableToken(params: { id: string; idempotencyKey?: string }): Promise<Json>;
  disableToken(params: { id: string; idempotencyKey?: string }): Promise<Json>;
  deleteToken(params: { id: string; idempotencyKey?: string }): Promise<Json>;
  createOrder(payload: unknown): Promise<Json>;
}
interface SmartpayClass {
  new (secretKey: string, options?: { apiPrefix?: string }): SmartpayClient;
  verifyWebhookSignature(params: { data: string; secret: string; signature: string }): boolean;
}
const Smartpay = SmartpaySdk as unknown as SmartpayClass;

interface Delivery {
  headers: http.IncomingHttpHeaders;
  body: string;
}

const payload = {
  amount: 1350,
  currency: 'JPY',
  locale: 'en',
  reference: 'contract-1',
  customerInfo: { emailAddress: 'hanako@example.com', firstName: 'Hanako', lastName: 'Yamada' },
  items: [
    { name: 'Matcha', amount: 600, quantity: 2, currency: 'JPY' },
    { kind: 'tax', name: 'Tax', amount: 100, currency: 'JPY' },
  ],
  shippingInfo: {
    address: { line1: '1-1-1 Chiyoda', locality: 'Chiyoda-ku', postalCode: '100-0001', country: 'JP' },
    feeAmount: 50,
    feeCurrency: 'JPY',
  },
  successUrl: 'https://shop.example/success',
  cancelUrl: 'https://shop.example/cancel',
};

describe('contract with @smartpay/sdk-node', () => {
  let api: Listening;
  let receiver: Listening;
  let sandbox: Sandbox;
  let client: SmartpayClient;
  const deliveries: Delivery[] = [];

  beforeAll(async () => {
    api = await listen(sandboxListener(() => sandbox));
    sandbox = createSandbox({ appUrl: api.url, webhookSecret: SHOP_SECRET, shopApiKey: SHOP_KEY, deliveryRetryDelaysMs: [10] });
    receiver = await listen((req, res) => {
      void readBody(req).then((body) => {
        deliveries.push({ headers: req.headers, body: body.toString('utf8') });
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        res.end('ok');
      });
    });
    client = new Smartpay(KEY, { apiPrefix: `${api.url}/sandbox/v1` });
  });

  afterAll(async () => {
    await sandbox.flushDeliveries();
    await Promise.all([close(api.server), close(receiver.server)]);
  });

  it('creates, gets and lists checkout sessions and gets the order', async () => {
    const session = await client.createCheckoutSession(payload);
    expect(session.id).toMatch(/^checkout_test_[0-9A-Za-z]{22}$/);
    expect(session.url).toContain(`${api.url}/sandbox/checkout/${session.id}`);
    const order = session.order as { id: string; status: string };
    expect(order.status).toBe('requires_authorization');

    const fetched = await client.getCheckoutSession({ id: session.id });
    expect(fetched.id).toBe(session.id);
    expect(fetched.order).toBe(order.id);

    const list = await client.listCheckoutSessions({ maxResults: 10 });
    expect(list.object).toBe('collection');
    expect(list.data.map((s: { id: string }) => s.id)).toContain(session.id);

    const fetchedOrder = await client.getOrder({ id: order.id });
    expect(fetchedOrder).toMatchObject({ id: order.id, amount: 1350, currency: 'JPY', status: 'requires_authorization' });
  });

  it('runs the token flow: token session, approval, order, disable, delete', async () => {
    const session = await client.createCheckoutSession({
      mode: 'token',
      customerInfo: { emailAddress: 'hanako@example.com' },
      successUrl: 'https://shop.example/token/success',
      cancelUrl: 'https://shop.example/token/cancel',
      reference: 'member-9',
    });
    const tokenId = (session.token as { id: string }).id;
    expect(tokenId).toMatch(/^paytok_test_[0-9A-Za-z]{22}$/);
    await expect(client.enableToken({ id: tokenId })).rejects.toMatchObject({ errorCode: 'token.not-found', statusCode: 404 });
    await sandbox.completeCheckout(session.id, 'approve');
    expect(await client.getToken({ id: tokenId })).toMatchObject({ id: tokenId, status: 'active', reference: 'member-9' });
    expect((await client.listTokens({ maxResults: 5 })).data[0].id).toBe(tokenId);

    const { amount, currency, items, shippingInfo, customerInfo } = payload;
    const order = { amount, currency, items, shippingInfo, customerInfo };
    const created = await client.createOrder({ ...order, token: tokenId, reference: 'renewal-1' });
    expect(created).toMatchObject({ status: 'succeeded', tokenId, amount: 1350 });

    expect(await client.disableToken({ id: tokenId })).toBe('');
    await expect(client.createOrder({ ...order, token: tokenId })).rejects.toMatchObject({ errorCode: 'token.invalid', statusCode: 400 });
    expect(await client.enableToken({ id: tokenId })).toBe('');
    expect(await client.deleteToken({ id: tokenId })).toBe('');
    await expect(client.getToken({ id: tokenId })).rejects.toMatchObject({ errorCode: 'token.not-found', statusCode: 404 });
    // The token-management guide: the list holds active and disabled tokens only, never deleted ones.
    expect((await client.listTokens({ maxResults: 50 })).data.map((token: { id: string }) => token.id)).not.toContain(tokenId);
  });

  it('surfaces sandbox errors as SmartpayError', async () => {
    await expect(client.getOrder({ id: 'order_test_AAAAAAAAAAAAAAAAAAAAAA' })).rejects.toMatchObject({
      errorCode: 'order.not-found',
      statusCode: 404,
    });
  });

  it('delivers webhooks the SDK verifies', async () => {
    const endpoint = await client.createWebhookEndpoint({ url: `${receiver.url}/hook` });
    expect(endpoint.signingSecret).toMatch(/^[A-Za-z0-9]{40}$/);
    const session = await client.createCheckoutSession({ ...payload, reference: 'contract-2' });
    await sandbox.completeCheckout(session.id, 'approve');
    await sandbox.flushDeliveries();

    expect(deliveries.map((d) => JSON.parse(d.body).eventData.type).sort()).toEqual(['order.authorized', 'payment.created']);
    for (const delivery of deliveries) {
      const timestamp = String(delivery.headers['smartpay-signature-timestamp']);
      const signature = String(delivery.headers['smartpay-signature']);
      expect(delivery.headers['smartpay-subscription-id']).toBe(endpoint.id);
      expect(Smartpay.verifyWebhookSignature({ data: `${timestamp}.${delivery.body}`, secret: endpoint.signingSecret, signature })).toBe(true);
      expect(Smartpay.verifyWebhookSignature({ data: `${timestamp}.${delivery.body}x`, secret: endpoint.signingSecret, signature })).toBe(false);
    }

    const order = await client.getOrder({ id: (session.order as { id: string }).id });
    expect(order.status).toBe('succeeded');
  });
});
