import { describe, expect, it } from 'vitest';
import { APP_URL, BASE, call, createSession, LIVE_KEY, newSandbox, TEST_KEY, validSessionBody } from './testing';

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
  it('answers 401 without a key', async () => {
    const { status, body } = await call(newSandbox(), 'GET', '/orders', { key: null });
    expect(status).toBe(401);
    expect(body).toMatchObject({ statusCode: 401, errorCode: 'request.unauthorized' });
    expect(typeof body.message).toBe('string');
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
    expect(await refused.json()).toMatchObject({ statusCode: 401, errorCode: 'request.unauthorized' });
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
