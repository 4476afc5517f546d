import { describe, expect, it } from 'vitest';
import { APP_URL, BASE, call, createSession, LIVE_KEY, newSandbox, TEST_KEY, validSessionBody } from '../testing/helpers';

const ID = (prefix: string) => new RegExp(`^${prefix}_test_[0-9A-Za-z]{22}$`);

describe('checkout sessions', () => {
  it('creates a session with the order and line items expanded', async () => {
    const sandbox = newSandbox();
    const { status, body: session, response } = await call(sandbox, 'POST', '/checkout-sessions?dev-lang=nodejs&sdk-version=0.9.1', {
      body: validSessionBody(),
    });
    expect(status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(session.id).toMatch(ID('checkout'));
    expect(session.object).toBe('checkoutSession');
    expect(session.test).toBe(true);
    expect(session.url).toBe(`${APP_URL}/sandbox/checkout/${session.id}`);
    expect(session.metadata).toEqual({ cart: 'c1' });
    expect(session.order.id).toMatch(ID('order'));
    expect(session.order.status).toBe('requires_authorization');
    expect(session.order.amount).toBe(2250);
    expect(session.order.payments).toEqual([]);
    const [product, discount] = session.order.lineItems;
    expect(product.id).toMatch(ID('li'));
    expect(product.object).toBe('lineItem');
    expect(product.quantity).toBe(2);
    expect(product.price.id).toMatch(ID('price'));
    expect(product.price.product.id).toMatch(ID('product'));
    expect(product.price.product.name).toBe('Tea');
    expect(discount.kind).toBe('discount');
    expect(discount.price).toBeUndefined();
    expect(typeof session.createdAt).toBe('number');
  });

  it('returns the order as an id on GET unless expand=all', async () => {
    const sandbox = newSandbox();
    const created = await createSession(sandbox);
    const plain = await call(sandbox, 'GET', `/checkout-sessions/${created.id}`);
    expect(plain.status).toBe(200);
    expect(plain.body.order).toBe(created.order.id);
    const no = await call(sandbox, 'GET', `/checkout-sessions/${created.id}?expand=no`);
    expect(no.body.order).toBe(created.order.id);
    const all = await call(sandbox, 'GET', `/checkout-sessions/${created.id}?expand=all&dev-lang=nodejs`);
    expect(all.body.order.id).toBe(created.order.id);
    expect(all.body.order.lineItems[0].price.product.name).toBe('Tea');
    expect(all.body.order.payments).toEqual([]);
  });

  it('expands orders on GET /orders/{id}', async () => {
    const sandbox = newSandbox();
    const created = await createSession(sandbox);
    const plain = await call(sandbox, 'GET', `/orders/${created.order.id}`);
    expect(plain.body.object).toBe('order');
    expect(plain.body.lineItems[0]).toMatch(ID('li'));
    const all = await call(sandbox, 'GET', `/orders/${created.order.id}?expand=all`);
    expect(all.body.lineItems[0].object).toBe('lineItem');
  });

  it('pages through collections newest first', async () => {
    const sandbox = newSandbox();
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) ids.push((await createSession(sandbox)).id);
    const first = await call(sandbox, 'GET', '/checkout-sessions?maxResults=2');
    expect(first.body).toMatchObject({ object: 'collection', maxResults: 2, results: 2, pageToken: '' });
    expect(first.body.data.map((s: { id: string }) => s.id)).toEqual([ids[4], ids[3]]);
    expect(typeof first.body.data[0].order).toBe('string');
    const second = await call(sandbox, 'GET', `/checkout-sessions?maxResults=2&pageToken=${first.body.nextPageToken}`);
    expect(second.body.pageToken).toBe(first.body.nextPageToken);
    expect(second.body.data.map((s: { id: string }) => s.id)).toEqual([ids[2], ids[1]]);
    const third = await call(sandbox, 'GET', `/checkout-sessions?maxResults=2&pageToken=${second.body.nextPageToken}`);
    expect(third.body.data.map((s: { id: string }) => s.id)).toEqual([ids[0]]);
    expect(third.body.nextPageToken).toBeUndefined();
    const all = await call(sandbox, 'GET', '/checkout-sessions?expand=all');
    expect(all.body.maxResults).toBe(20);
    expect(all.body.results).toBe(5);
    expect(all.body.data[0].order.object).toBe('order');
    const orders = await call(sandbox, 'GET', '/orders');
    expect(orders.body.results).toBe(5);
  });

  it('rejects a bad page token and maxResults', async () => {
    const sandbox = newSandbox();
    expect((await call(sandbox, 'GET', '/orders?pageToken=nonsense')).body.details[0].path).toBe('pageToken');
    expect((await call(sandbox, 'GET', '/orders?maxResults=0')).body.details[0].path).toBe('maxResults');
    expect((await call(sandbox, 'GET', '/orders?maxResults=2.5')).body.details[0].path).toBe('maxResults');
  });

  // sdk-go types.go `ListAll…Params.MaxResults`: "Number of objects to return. Defaults to 20 if not set." No upper bound is documented.
  it('takes any maxResults of 1 or more (sdk-go ListAllOrdersParams)', async () => {
    const sandbox = newSandbox();
    for (let i = 0; i < 3; i += 1) await createSession(sandbox);
    const big = await call(sandbox, 'GET', '/orders?maxResults=1000');
    expect(big.status).toBe(200);
    expect(big.body).toMatchObject({ maxResults: 1000, results: 3 });
    expect(big.body.nextPageToken).toBeUndefined();
  });

  it('answers 404 checkout-session.not-found to unknown ids', async () => {
    const sandbox = newSandbox();
    const { status, body } = await call(sandbox, 'GET', '/checkout-sessions/checkout_test_AAAAAAAAAAAAAAAAAAAAAA');
    expect(status).toBe(404);
    expect(body.errorCode).toBe('checkout-session.not-found');
    expect((await call(sandbox, 'GET', '/orders/order_test_nope')).body.errorCode).toBe('order.not-found');
  });

  it('answers 404 JSON to an unknown route', async () => {
    const { status, body, response } = await call(newSandbox(), 'GET', '/customers');
    expect(status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(body.errorCode).toBe('route.not-found');
  });
});

describe('authentication', () => {
  // The 401 body is the OpenAPI model of sdk-go types.go `N401` ({statusCode, scheme, realm}; the `JSON401` of api.go).
  it('answers 401 without a key, with the body of sdk-go N401', async () => {
    const { status, body, response } = await call(newSandbox(), 'GET', '/orders', { key: null });
    expect(status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(body).toEqual({ statusCode: 401, scheme: 'Basic', realm: 'Smartpay sandbox' });
  });

  it('answers 401 to a key that is not a secret key', async () => {
    const sandbox = newSandbox();
    expect((await call(sandbox, 'GET', '/orders', { key: 'pk_test_abc' })).status).toBe(401);
    const headers = { Authorization: 'Token sk_test_abc' };
    const response = await sandbox.handle(new Request(`${BASE}/orders`, { headers }));
    expect(response.status).toBe(401);
  });

  it('accepts only Basic with the raw key, as Smartpay does', async () => {
    const sandbox = newSandbox();
    const status = async (authorization: string) =>
      (await sandbox.handle(new Request(`${BASE}/orders`, { headers: { Authorization: authorization } }))).status;
    expect(await status(`Basic ${TEST_KEY}`)).toBe(200);
    expect(await status(`basic ${TEST_KEY}`)).toBe(200);
    expect(await status(`Basic ${Buffer.from(`${TEST_KEY}:`).toString('base64')}`)).toBe(401);
    expect(await status(`Bearer ${TEST_KEY}`)).toBe(401);
    expect(await status(`Basic ${TEST_KEY} extra`)).toBe(401);
    const refused = await sandbox.handle(new Request(`${BASE}/orders`, { headers: { Authorization: `Bearer ${TEST_KEY}` } }));
    expect(refused.headers.get('www-authenticate')).toBe('Basic realm="Smartpay sandbox"');
    expect(await refused.json()).toEqual({ statusCode: 401, scheme: 'Basic', realm: 'Smartpay sandbox' });
  });

  it('keeps test objects invisible to live keys', async () => {
    const sandbox = newSandbox();
    const created = await createSession(sandbox);
    const live = await call(sandbox, 'GET', `/checkout-sessions/${created.id}`, { key: LIVE_KEY });
    expect(live.status).toBe(404);
    expect(live.body.errorCode).toBe('checkout-session.not-found');
    expect((await call(sandbox, 'GET', `/orders/${created.order.id}`, { key: LIVE_KEY })).body.errorCode).toBe('order.not-found');
    expect((await call(sandbox, 'GET', '/checkout-sessions', { key: LIVE_KEY })).body.results).toBe(0);
    const liveSession = await call(sandbox, 'POST', '/checkout-sessions', { key: LIVE_KEY, body: validSessionBody() });
    expect(liveSession.body.id).toMatch(/^checkout_live_/);
    expect(liveSession.body.test).toBe(false);
  });

  it('accepts a GET with Content-Type: application/json and no body', async () => {
    const request = new Request(`${BASE}/orders?dev-lang=nodejs&sdk-version=0.9.1`, {
      headers: { Authorization: `Basic ${TEST_KEY}`, 'Content-Type': 'application/json' },
    });
    expect((await newSandbox().handle(request)).status).toBe(200);
  });
});

describe('object shapes', () => {
  // sdk-go types.go `Order`/`OrderExpanded` and sdk-node src/types.ts `Order` list the order's fields: `discounts`
  // (`[]` in the sample of https://en.docs.smartpay.co/reference/the-order-object), `tokenId`, no `captureMethod`, no `customerInfo`.
  it('orders carry discounts: [] and neither captureMethod nor customerInfo, in answers and in events (sdk-go Order)', async () => {
    const sandbox = newSandbox();
    const session = await createSession(sandbox, { captureMethod: 'manual' });
    await sandbox.completeCheckout(session.id, 'approve');
    await call(sandbox, 'PUT', `/orders/${session.order.id}/cancellation`);
    const orders = [
      session.order,
      (await call(sandbox, 'GET', `/orders/${session.order.id}`)).body,
      (await call(sandbox, 'GET', `/orders/${session.order.id}?expand=all`)).body,
      (await call(sandbox, 'GET', '/orders')).body.data[0],
      (await call(sandbox, 'GET', `/checkout-sessions/${session.id}?expand=all`)).body.order,
      ...(await sandbox.snapshot()).events.map((event) => event.eventData.data as Record<string, unknown>),
    ];
    expect(orders).toHaveLength(7);
    for (const order of orders) {
      expect(order).toMatchObject({ object: 'order', discounts: [] });
      expect(order).not.toHaveProperty('captureMethod');
      expect(order).not.toHaveProperty('customerInfo');
      expect(order).not.toHaveProperty('sandboxWarnings');
    }
    expect(session.customerInfo).toEqual({ emailAddress: 'taro@example.com', firstName: 'Taro' });
  });

  // sdk-go types.go `RetrieveAPaymentParams`/`ListAllPaymentsParams`/`RetrieveARefundParams`/`ListAllRefundsParams` take
  // `expand`; `PaymentExpanded` and `RefundExpanded` expand `lineItems` and keep `order` and `payment` as ids.
  it('expand=all expands the line items of payments and refunds (sdk-go PaymentExpanded, RefundExpanded)', async () => {
    const sandbox = newSandbox();
    const session = await createSession(sandbox, { captureMethod: 'manual' });
    await sandbox.completeCheckout(session.id, 'approve');
    const [tea] = session.order.lineItems;
    const capture = await call(sandbox, 'POST', '/payments', {
      body: { order: session.order.id, amount: 2250, currency: 'JPY', lineItems: [tea.id] },
    });
    expect(capture.body.lineItems).toEqual([tea.id]);
    const refund = await call(sandbox, 'POST', '/refunds', {
      body: { payment: capture.body.id, amount: 100, currency: 'JPY', reason: 'requested_by_customer', lineItems: [tea.id] },
    });
    const payments = [
      (await call(sandbox, 'GET', `/payments/${capture.body.id}?expand=all`)).body,
      (await call(sandbox, 'GET', '/payments?expand=all')).body.data[0],
      (await call(sandbox, 'GET', `/orders/${session.order.id}?expand=all`)).body.payments[0],
    ];
    for (const payment of payments) {
      expect(payment).toMatchObject({ id: capture.body.id, order: session.order.id });
      expect(payment.lineItems[0]).toMatchObject({ id: tea.id, object: 'lineItem', price: { product: { name: 'Tea' } } });
    }
    for (const found of [
      (await call(sandbox, 'GET', `/refunds/${refund.body.id}?expand=all`)).body,
      (await call(sandbox, 'GET', '/refunds?expand=all')).body.data[0],
    ]) {
      expect(found).toMatchObject({ id: refund.body.id, payment: capture.body.id });
      expect(found.lineItems[0]).toMatchObject({ id: tea.id, object: 'lineItem' });
    }
    expect((await call(sandbox, 'GET', `/payments/${capture.body.id}`)).body.lineItems).toEqual([tea.id]);
    expect((await call(sandbox, 'GET', `/refunds/${refund.body.id}`)).body.lineItems).toEqual([tea.id]);
  });

  it('accepts line items of another order on a capture with a Sandbox-Warning, and leaves them unexpanded', async () => {
    const sandbox = newSandbox();
    const session = await createSession(sandbox, { captureMethod: 'manual' });
    const other = await createSession(sandbox);
    await sandbox.completeCheckout(session.id, 'approve');
    const foreign = other.order.lineItems[0].id;
    const capture = await call(sandbox, 'POST', '/payments', {
      body: { order: session.order.id, amount: 2250, currency: 'JPY', lineItems: [foreign, 'li_test_unknown'] },
    });
    expect(capture.status).toBe(200);
    expect(capture.response.headers.get('sandbox-warning')).toContain(`lineItems.0 (${foreign}) is not a line item of order`);
    expect((await sandbox.snapshot()).payments[0]!.sandboxWarnings).toHaveLength(2);
    const expanded = (await call(sandbox, 'GET', `/payments/${capture.body.id}?expand=all`)).body;
    expect(expanded.lineItems[0]).toMatchObject({ id: foreign, object: 'lineItem' });
    expect(expanded.lineItems[1]).toBe('li_test_unknown');
    expect(expanded).not.toHaveProperty('sandboxWarnings');
    const refund = await call(sandbox, 'POST', '/refunds', {
      body: { payment: capture.body.id, amount: 1, currency: 'JPY', reason: 'fraudulent', lineItems: ['明細-1'] },
    });
    expect(refund.status).toBe(200);
    expect(refund.response.headers.get('sandbox-warning')).toContain('lineItems.0 (??-1) is not a line item of order');
    expect((await sandbox.snapshot()).refunds[0]!.sandboxWarnings).toEqual([expect.stringContaining('(明細-1)')]);
  });
});
