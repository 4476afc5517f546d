import { describe, expect, it } from 'vitest';
import { MAX_SOFT_DECLINES } from '../hosted-page/soft-decline';
import { APP_URL, call, LIVE_KEY, newSandbox, validSessionBody, type Json } from '../testing/helpers';

type TestSandbox = ReturnType<typeof newSandbox>;

const tokenSessionBody = (overrides: Record<string, unknown> = {}) => ({
  mode: 'token',
  successUrl: `${APP_URL}/token/success`,
  cancelUrl: `${APP_URL}/token/cancel`,
  locale: 'en',
  reference: 'member-1',
  metadata: { plan: 'monthly' },
  customerInfo: { emailAddress: 'taro@example.com' },
  ...overrides,
});

async function createTokenSession(sandbox: TestSandbox, overrides: Record<string, unknown> = {}): Promise<Json> {
  const result = await call(sandbox, 'POST', '/checkout-sessions', { body: tokenSessionBody(overrides) });
  if (result.status !== 200) throw new Error(`create failed: ${JSON.stringify(result.body)}`);
  return result.body;
}

const outcome = (sandbox: TestSandbox, id: string, value: string) =>
  call(sandbox, 'POST', `/testing/checkout-sessions/${id}/outcome`, { body: { outcome: value } });

async function activeToken(sandbox: TestSandbox): Promise<string> {
  const session = await createTokenSession(sandbox);
  await sandbox.completeCheckout(session.id, 'approve');
  return session.token.id as string;
}

function orderBody(token: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const { amount, currency, items, shippingInfo, customerInfo, reference, metadata, description } = validSessionBody();
  return { token, amount, currency, items, shippingInfo, customerInfo, reference, metadata, description, ...overrides };
}

const eventTypes = async (sandbox: TestSandbox) => (await sandbox.snapshot()).events.map((e) => e.eventData.type).reverse();

describe('token-mode checkout sessions', () => {
  it('creates a token and a session with the token expanded, emitting token.created', async () => {
    const sandbox = newSandbox();
    const session = await createTokenSession(sandbox);
    expect(session).toMatchObject({
      object: 'checkoutSession',
      test: true,
      successUrl: `${APP_URL}/token/success`,
      url: `${APP_URL}/sandbox/checkout/${session.id}`,
      reference: 'member-1',
      metadata: { plan: 'monthly' },
      customerInfo: { emailAddress: 'taro@example.com' },
    });
    expect(session.order).toBeUndefined();
    expect(session.token).toMatchObject({ object: 'token', status: 'requires_authorization', reference: 'member-1', metadata: { plan: 'monthly' }, test: true });
    expect(session.token.id).toMatch(/^paytok_test_[0-9A-Za-z]{22}$/);
    expect(typeof session.token.createdAt).toBe('number');
    expect(await eventTypes(sandbox)).toEqual(['token.created']);

    expect((await call(sandbox, 'GET', `/checkout-sessions/${session.id}`)).body.token).toBe(session.token.id);
    expect((await call(sandbox, 'GET', `/checkout-sessions/${session.id}?expand=all`)).body.token).toEqual(session.token);
    const list = (await call(sandbox, 'GET', '/checkout-sessions?expand=all')).body;
    expect(list.data[0].token.id).toBe(session.token.id);
  });

  it('accepts the minimal body and rejects order fields and bad URLs', async () => {
    const sandbox = newSandbox();
    const minimal = await call(sandbox, 'POST', '/checkout-sessions', {
      body: { mode: 'token', successUrl: 'https://shop.example/ok', cancelUrl: 'https://shop.example/no' },
    });
    expect(minimal.status).toBe(200);
    expect(minimal.body.customerInfo).toEqual({});
    expect(minimal.body.token.metadata).toEqual({});

    const withItems = await call(sandbox, 'POST', '/checkout-sessions', { body: tokenSessionBody({ amount: 100, items: [] }) });
    expect(withItems.status).toBe(400);
    expect(withItems.body.details.map((d: { path: string }) => d.path).sort()).toEqual(['amount', 'items']);

    const badUrl = await call(sandbox, 'POST', '/checkout-sessions', { body: tokenSessionBody({ successUrl: 'nope', locale: 'fr' }) });
    expect(badUrl.status).toBe(400);
    expect(badUrl.body.details.map((d: { path: string }) => d.path).sort()).toEqual(['locale', 'successUrl']);
    expect((await sandbox.snapshot()).tokens).toHaveLength(1);
  });

  it('shows the registration page and approves the token', async () => {
    const sandbox = newSandbox();
    const session = await createTokenSession(sandbox);
    const view = await sandbox.getSessionForCheckout(session.id);
    expect(view?.kind).toBe('token');
    expect(view?.lines).toEqual([]);
    const result = await sandbox.completeCheckout(session.id, 'approve');
    expect(result).toMatchObject({ redirectTo: session.successUrl, token: { status: 'active' } });
    expect((await call(sandbox, 'GET', `/tokens/${session.token.id}`)).body.status).toBe('active');
    expect(await eventTypes(sandbox)).toEqual(['token.created', 'token.approved']);
    const again = await sandbox.completeCheckout(session.id, 'decline');
    expect(again).toMatchObject({ alreadyFinal: true, token: { status: 'active' } });
  });

  it('records and sends the first soft declines of a token session\'s page only', async () => {
    const sandbox = newSandbox();
    const session = await createTokenSession(sandbox);
    for (let press = 0; press < MAX_SOFT_DECLINES + 2; press += 1) {
      expect((await outcome(sandbox, session.id, 'soft-decline')).body).toMatchObject({ token: { status: 'requires_authorization' } });
    }
    expect(await eventTypes(sandbox)).toEqual(['token.created', ...Array.from({ length: MAX_SOFT_DECLINES }, () => 'token.rejected')]);
    expect((await call(sandbox, 'GET', `/checkout-sessions/${session.id}`)).body).not.toHaveProperty('sandboxSoftDeclines');
  });

  it('declines, soft-declines and cancels through the testing endpoint', async () => {
    const sandbox = newSandbox();
    const session = await createTokenSession(sandbox);
    const soft = await outcome(sandbox, session.id, 'soft-decline');
    expect(soft.body).toMatchObject({
      redirectUrl: `${APP_URL}/sandbox/checkout/${session.id}?result=soft-declined`,
      token: { id: session.token.id, status: 'requires_authorization' },
    });
    const cancel = await outcome(sandbox, session.id, 'cancel');
    expect(cancel.body).toMatchObject({ redirectUrl: session.cancelUrl, token: { status: 'requires_authorization' } });
    const hard = await outcome(sandbox, session.id, 'decline');
    expect(hard.body).toMatchObject({ redirectUrl: session.cancelUrl, token: { status: 'rejected' } });
    const late = await outcome(sandbox, session.id, 'approve');
    expect(late.body).toMatchObject({ redirectUrl: `${APP_URL}/sandbox/checkout/${session.id}`, token: { status: 'rejected' } });
    expect(await eventTypes(sandbox)).toEqual(['token.created', 'token.rejected', 'token.rejected']);
  });
});

describe('token endpoints', () => {
  it('gets and lists tokens newest first with paging, mode-scoped', async () => {
    const sandbox = newSandbox();
    const first = await createTokenSession(sandbox, { reference: 'a' });
    const second = await createTokenSession(sandbox, { reference: 'b' });
    for (const session of [first, second]) await sandbox.completeCheckout(session.id, 'approve');
    const page1 = (await call(sandbox, 'GET', '/tokens?maxResults=1')).body;
    expect(page1).toMatchObject({ object: 'collection', pageToken: '', maxResults: 1, results: 1 });
    expect(page1.data[0].id).toBe(second.token.id);
    const page2 = (await call(sandbox, 'GET', `/tokens?maxResults=1&pageToken=${page1.nextPageToken}`)).body;
    expect(page2.data[0].id).toBe(first.token.id);
    expect(page2.nextPageToken).toBeUndefined();
    expect((await call(sandbox, 'GET', `/tokens/${first.token.id}`)).body).toMatchObject({ id: first.token.id, status: 'active', reference: 'a' });
    const other = await call(sandbox, 'GET', `/tokens/${first.token.id}`, { key: LIVE_KEY });
    expect(other.status).toBe(404);
    expect(other.body.errorCode).toBe('token.not-found');
    expect((await call(sandbox, 'GET', '/tokens', { key: LIVE_KEY })).body.data).toEqual([]);
    expect((await call(sandbox, 'GET', '/tokens/paytok_test_AAAAAAAAAAAAAAAAAAAAAA')).body.errorCode).toBe('token.not-found');
  });

  // "We will only return the list of all active and disabled tokens. We do not return the tokens that have been
  // deleted." (https://en.docs.smartpay.co/docs/token-management)
  it('lists only active and disabled tokens, never deleted ones (token-management guide)', async () => {
    const sandbox = newSandbox();
    const pending = await createTokenSession(sandbox, { reference: 'pending' });
    const rejected = await createTokenSession(sandbox, { reference: 'rejected' });
    await sandbox.completeCheckout(rejected.id, 'decline');
    const active = await activeToken(sandbox);
    const disabled = await activeToken(sandbox);
    await call(sandbox, 'PUT', `/tokens/${disabled}/disable`);
    const deleted = await activeToken(sandbox);
    expect((await call(sandbox, 'DELETE', `/tokens/${deleted}`)).status).toBe(204);
    const list = (await call(sandbox, 'GET', '/tokens')).body;
    expect(list.data.map((token: Json) => [token.id, token.status])).toEqual([
      [disabled, 'disabled'],
      [active, 'active'],
    ]);
    expect(list.results).toBe(2);
    expect((await call(sandbox, 'GET', `/tokens/${pending.token.id}`)).body.status).toBe('requires_authorization');
    expect((await call(sandbox, 'GET', `/tokens/${rejected.token.id}`)).body.status).toBe('rejected');
  });

  it('disables and enables active tokens with empty 200 answers and events', async () => {
    const sandbox = newSandbox();
    const id = await activeToken(sandbox);
    const disabled = await call(sandbox, 'PUT', `/tokens/${id}/disable`);
    expect(disabled.status).toBe(200);
    expect(disabled.body).toBeUndefined();
    expect(disabled.response.headers.get('content-type')).toBeNull();
    expect((await call(sandbox, 'GET', `/tokens/${id}`)).body.status).toBe('disabled');
    expect((await call(sandbox, 'PUT', `/tokens/${id}/disable`)).status).toBe(200);
    expect((await call(sandbox, 'PUT', `/tokens/${id}/enable`)).status).toBe(200);
    expect((await call(sandbox, 'GET', `/tokens/${id}`)).body.status).toBe('active');
    expect(await eventTypes(sandbox)).toEqual(['token.created', 'token.approved', 'token.disabled', 'token.enabled']);
  });

  it('answers token.not-found to enable/disable a token that is not active or disabled', async () => {
    const sandbox = newSandbox();
    const pending = await createTokenSession(sandbox);
    for (const action of ['enable', 'disable']) {
      const answer = await call(sandbox, 'PUT', `/tokens/${pending.token.id}/${action}`);
      expect(answer.status).toBe(404);
      expect(answer.body.errorCode).toBe('token.not-found');
    }
    const rejected = await createTokenSession(sandbox);
    await sandbox.completeCheckout(rejected.id, 'decline');
    expect((await call(sandbox, 'PUT', `/tokens/${rejected.token.id}/enable`)).body.errorCode).toBe('token.not-found');
    expect((await call(sandbox, 'PUT', '/tokens/paytok_test_AAAAAAAAAAAAAAAAAAAAAA/enable')).status).toBe(404);
  });

  it('deletes a token: 204, status deleted, token.deleted; then 404', async () => {
    const sandbox = newSandbox();
    const id = await activeToken(sandbox);
    const deleted = await call(sandbox, 'DELETE', `/tokens/${id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeUndefined();
    expect((await call(sandbox, 'GET', `/tokens/${id}`)).body.errorCode).toBe('token.not-found');
    expect((await call(sandbox, 'DELETE', `/tokens/${id}`)).body.errorCode).toBe('token.not-found');
    expect((await call(sandbox, 'PUT', `/tokens/${id}/enable`)).status).toBe(404);
    expect((await eventTypes(sandbox)).at(-1)).toBe('token.deleted');
    const event = (await sandbox.snapshot()).events[0]!;
    expect(event.eventData.data).toMatchObject({ id, object: 'token', status: 'deleted' });
  });
});

describe('POST /orders with a token', () => {
  it('automatic capture: succeeded at once with a processed payment, events and tokenId', async () => {
    const now = 1_700_000_000_000;
    const sandbox = newSandbox({ now: () => now });
    const token = await activeToken(sandbox);
    const { status, body } = await call(sandbox, 'POST', '/orders', { body: orderBody(token) });
    expect(status).toBe(200);
    expect(body).toMatchObject({ object: 'order', status: 'succeeded', amount: 2250, tokenId: token, reference: 'order-1', discounts: [] });
    // sdk-go types.go `OrderExpanded` has `tokenId` but neither `captureMethod` nor `customerInfo`.
    expect(body).not.toHaveProperty('captureMethod');
    expect(body).not.toHaveProperty('customerInfo');
    expect(body.id).toMatch(/^order_test_/);
    expect(body.expiresAt).toBe(now + 7 * 24 * 60 * 60 * 1000);
    expect(body.payments[0]).toMatchObject({ object: 'payment', status: 'processed', amount: 2250 });
    expect(body.lineItems[0].price.product.name).toBe('Tea');
    expect(await eventTypes(sandbox)).toEqual(['token.created', 'token.approved', 'order.authorized', 'payment.created', 'token.used']);
    expect((await call(sandbox, 'GET', `/orders/${body.id}`)).body.tokenId).toBe(token);
  });

  it('manual capture: requires_capture, then capturable with POST /payments', async () => {
    const sandbox = newSandbox();
    const token = await activeToken(sandbox);
    const { body } = await call(sandbox, 'POST', '/orders', { body: orderBody(token, { captureMethod: 'manual' }) });
    expect(body).toMatchObject({ status: 'requires_capture', payments: [] });
    expect(await eventTypes(sandbox)).toEqual(['token.created', 'token.approved', 'order.authorized', 'token.used']);
    const capture = await call(sandbox, 'POST', '/payments', { body: { order: body.id, amount: 2250, currency: 'JPY' } });
    expect(capture.status).toBe(200);
  });

  it('answers token.not-found for unknown tokens and token.invalid for unusable ones', async () => {
    const sandbox = newSandbox();
    const unknown = await call(sandbox, 'POST', '/orders', { body: orderBody('paytok_test_AAAAAAAAAAAAAAAAAAAAAA') });
    expect(unknown.status).toBe(404);
    expect(unknown.body.errorCode).toBe('token.not-found');
    expect((await call(sandbox, 'POST', '/orders', { body: orderBody('nonsense') })).body.errorCode).toBe('token.not-found');

    const token = await activeToken(sandbox);
    expect((await call(sandbox, 'POST', '/orders', { body: orderBody(token), key: LIVE_KEY })).status).toBe(404);
    await call(sandbox, 'PUT', `/tokens/${token}/disable`);
    const disabled = await call(sandbox, 'POST', '/orders', { body: orderBody(token) });
    expect(disabled.status).toBe(400);
    expect(disabled.body.errorCode).toBe('token.invalid');

    const rejected = await createTokenSession(sandbox);
    await sandbox.completeCheckout(rejected.id, 'decline');
    expect((await call(sandbox, 'POST', '/orders', { body: orderBody(rejected.token.id) })).body.errorCode).toBe('token.invalid');
    const pending = await createTokenSession(sandbox);
    expect((await call(sandbox, 'POST', '/orders', { body: orderBody(pending.token.id) })).body.errorCode).toBe('token.invalid');
    expect((await sandbox.snapshot()).orders).toEqual([]);
  });

  it('validates the order part like checkout sessions', async () => {
    const sandbox = newSandbox();
    const token = await activeToken(sandbox);
    const paths = async (body: Record<string, unknown>) => {
      const answer = await call(sandbox, 'POST', '/orders', { body });
      expect(answer.status).toBe(400);
      expect(answer.body.errorCode).toBe('request.invalid');
      return answer.body.details.map((d: { path: string }) => d.path);
    };
    expect(await paths(orderBody(token, { amount: -1 }))).toEqual(['amount']);
    expect(await paths(orderBody(token, { items: [] }))).toContain('items');
    expect(await paths(orderBody(token, { currency: 'USD', captureMethod: 'autommatic' }))).toEqual(['currency', 'captureMethod']);
    const withoutToken = orderBody(token);
    delete withoutToken.token;
    expect(await paths(withoutToken)).toEqual(['token']);
    const noShipping = orderBody(token);
    delete noShipping.shippingInfo;
    expect(await paths(noShipping)).toContain('shippingInfo');
    const noCustomer = orderBody(token);
    delete noCustomer.customerInfo;
    expect((await call(sandbox, 'POST', '/orders', { body: noCustomer })).status).toBe(200);
  });

  it('accepts an amount other than the items with a Sandbox-Warning kept on the order (API.md §3.7)', async () => {
    const sandbox = newSandbox();
    const token = await activeToken(sandbox);
    const { status, body, response } = await call(sandbox, 'POST', '/orders', { body: orderBody(token, { amount: 2000 }) });
    expect(status).toBe(200);
    expect(body.amount).toBe(2000);
    expect(response.headers.get('sandbox-warning')).toMatch(/^amount 2000 differs/);
    expect((await sandbox.snapshot()).orders[0]!.sandboxWarnings).toHaveLength(1);
  });

  it('replays with the same Idempotency-Key and creates one order', async () => {
    const sandbox = newSandbox();
    const token = await activeToken(sandbox);
    const headers = { 'Idempotency-Key': 'token-order-1' };
    const first = await call(sandbox, 'POST', '/orders', { body: orderBody(token), headers });
    const second = await call(sandbox, 'POST', '/orders', { body: orderBody(token), headers });
    expect(second.body).toEqual(first.body);
    expect(second.response.headers.get('idempotency-replayed')).toBe('true');
    expect((await sandbox.snapshot()).orders).toHaveLength(1);
    const reused = await call(sandbox, 'POST', '/orders', { body: orderBody(token, { reference: 'x' }), headers });
    expect(reused.status).toBe(409);
    const disable = { 'Idempotency-Key': 'disable-1' };
    expect((await call(sandbox, 'PUT', `/tokens/${token}/disable`, { headers: disable })).status).toBe(200);
    const replayed = await call(sandbox, 'PUT', `/tokens/${token}/disable`, { headers: disable });
    expect(replayed.status).toBe(200);
    expect(replayed.response.headers.get('idempotency-replayed')).toBe('true');
  });

  it('simulates token.not-found on demand', async () => {
    const sandbox = newSandbox();
    const token = await activeToken(sandbox);
    const answer = await call(sandbox, 'POST', '/orders', { body: orderBody(token), headers: { 'Sandbox-Simulate': '404' } });
    expect(answer.body.errorCode).toBe('token.not-found');
    expect((await sandbox.snapshot()).orders).toEqual([]);
  });
});
