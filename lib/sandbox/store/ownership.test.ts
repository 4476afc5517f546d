import { describe, expect, it } from 'vitest';
import { APP_URL, call, createSession, newSandbox, OTHER_KEY, TEST_KEY, validSessionBody, type Json } from '../testing/helpers';

type TestSandbox = ReturnType<typeof newSandbox>;

const other = (body?: unknown) => ({ key: OTHER_KEY, body });

/** A manual-capture order of TEST_KEY, approved, partly captured and partly refunded, plus a token and an endpoint. */
async function ownedObjects(sandbox: TestSandbox) {
  const session = await createSession(sandbox, { captureMethod: 'manual' });
  await sandbox.completeCheckout(session.id, 'approve');
  const payment = (await call(sandbox, 'POST', '/payments', { body: { order: session.order.id, amount: 1000, currency: 'JPY', cancelRemainder: 'manual' } })).body;
  const refund = (await call(sandbox, 'POST', '/refunds', { body: { payment: payment.id, amount: 100, currency: 'JPY', reason: 'requested_by_customer' } })).body;
  const tokenSession = (
    await call(sandbox, 'POST', '/checkout-sessions', { body: { mode: 'token', successUrl: `${APP_URL}/ok`, cancelUrl: `${APP_URL}/no` } })
  ).body;
  await sandbox.completeCheckout(tokenSession.id, 'approve');
  const endpoint = (await call(sandbox, 'POST', '/webhook-endpoints', { body: { url: 'https://example.com/hook' } })).body;
  return { session, order: session.order.id as string, payment, refund, token: tokenSession.token.id as string, endpoint };
}

describe('objects belong to the API key that created them', () => {
  it('answers another key 404 <resource>.not-found for every object and action', async () => {
    const sandbox = newSandbox();
    const { session, order, payment, refund, token, endpoint } = await ownedObjects(sandbox);
    const { amount, currency, items, shippingInfo } = validSessionBody();
    const cases: [string, string, unknown, string][] = [
      ['GET', `/checkout-sessions/${session.id}`, undefined, 'checkout-session.not-found'],
      ['GET', `/orders/${order}`, undefined, 'order.not-found'],
      ['PUT', `/orders/${order}/cancellation`, undefined, 'order.not-found'],
      ['POST', '/payments', { order, amount: 100, currency: 'JPY' }, 'order.not-found'],
      ['GET', `/payments/${payment.id}`, undefined, 'payment.not-found'],
      ['PATCH', `/payments/${payment.id}`, { description: 'mine now' }, 'payment.not-found'],
      ['POST', '/refunds', { payment: payment.id, amount: 1, currency: 'JPY', reason: 'fraudulent' }, 'payment.not-found'],
      ['GET', `/refunds/${refund.id}`, undefined, 'refund.not-found'],
      ['PATCH', `/refunds/${refund.id}`, { description: 'mine now' }, 'refund.not-found'],
      ['GET', `/tokens/${token}`, undefined, 'token.not-found'],
      ['PUT', `/tokens/${token}/disable`, undefined, 'token.not-found'],
      ['DELETE', `/tokens/${token}`, undefined, 'token.not-found'],
      ['POST', '/orders', { token, amount, currency, items, shippingInfo }, 'token.not-found'],
      ['GET', `/webhook-endpoints/${endpoint.id}`, undefined, 'webhook-endpoint.not-found'],
      ['PATCH', `/webhook-endpoints/${endpoint.id}`, { active: false }, 'webhook-endpoint.not-found'],
      ['DELETE', `/webhook-endpoints/${endpoint.id}`, undefined, 'webhook-endpoint.not-found'],
      ['POST', `/testing/checkout-sessions/${session.id}/outcome`, { outcome: 'decline' }, 'checkout-session.not-found'],
    ];
    for (const [method, path, body, errorCode] of cases) {
      const answer = await call(sandbox, method, path, other(body));
      expect({ method, path, status: answer.status, errorCode: answer.body?.errorCode }).toEqual({ method, path, status: 404, errorCode });
    }

    // Nothing changed for the owner.
    expect((await call(sandbox, 'GET', `/orders/${order}`)).body).toMatchObject({ status: 'requires_capture', payments: [payment.id] });
    expect((await call(sandbox, 'GET', `/payments/${payment.id}`)).body.description).toBeUndefined();
    expect((await call(sandbox, 'GET', `/tokens/${token}`)).body.status).toBe('active');
    expect((await call(sandbox, 'GET', `/webhook-endpoints/${endpoint.id}`)).body.active).toBe(true);
  });

  it('lists nothing of another key', async () => {
    const sandbox = newSandbox();
    await ownedObjects(sandbox);
    for (const path of ['/checkout-sessions', '/orders', '/payments', '/refunds', '/tokens', '/webhook-endpoints']) {
      expect((await call(sandbox, 'GET', path)).body.results, path).toBeGreaterThan(0);
      const theirs = await call(sandbox, 'GET', path, other());
      expect({ path, status: theirs.status, data: theirs.body.data }).toEqual({ path, status: 200, data: [] });
    }
    const mine = await createSession(sandbox, {});
    const theirs = await call(sandbox, 'POST', '/checkout-sessions', other(validSessionBody()));
    expect((await call(sandbox, 'GET', '/checkout-sessions', other())).body.data.map((s: Json) => s.id)).toEqual([theirs.body.id]);
    expect((await call(sandbox, 'GET', '/checkout-sessions')).body.data.map((s: Json) => s.id)).not.toContain(theirs.body.id);
    expect((await call(sandbox, 'GET', '/checkout-sessions')).body.data[0].id).toBe(mine.id);
  });

  it('sends events only to the webhook endpoints of the key that owns the object', async () => {
    const received: { url: string; type: string }[] = [];
    const sandbox = newSandbox({
      fetch: async (url, init) => {
        received.push({ url: String(url), type: JSON.parse(String(init?.body)).eventData.type });
        return new Response('ok', { status: 200 });
      },
    });
    const theirs = await call(sandbox, 'POST', '/webhook-endpoints', other({ url: 'https://other.example/hook' }));
    expect(theirs.status).toBe(200);
    const mine = await createSession(sandbox);
    await call(sandbox, 'POST', `/testing/checkout-sessions/${mine.id}/outcome`, { body: { outcome: 'approve' } });
    const their = (await call(sandbox, 'POST', '/checkout-sessions', other({ ...validSessionBody(), captureMethod: 'manual' }))).body;
    await call(sandbox, 'POST', `/testing/checkout-sessions/${their.id}/outcome`, other({ outcome: 'approve' }));
    await sandbox.flushDeliveries();
    const byUrl = (url: string) => received.filter((r) => r.url === url).map((r) => r.type).sort();
    expect(byUrl(`${APP_URL}/api/webhooks/smartpay`)).toEqual(['order.authorized', 'payment.created']);
    expect(byUrl('https://other.example/hook')).toEqual(['order.authorized']);
    const deliveries = (await sandbox.snapshot()).deliveries;
    expect(deliveries).toHaveLength(3);
  });

  it('lets the hosted page act as the session’s owner, whoever holds the id', async () => {
    const received: string[] = [];
    const sandbox = newSandbox({
      fetch: async (url) => {
        received.push(String(url));
        return new Response('ok', { status: 200 });
      },
    });
    await call(sandbox, 'POST', '/webhook-endpoints', other({ url: 'https://other.example/hook' }));
    const their = (await call(sandbox, 'POST', '/checkout-sessions', other(validSessionBody()))).body;
    const view = await sandbox.getSessionForCheckout(their.id);
    expect(view).toMatchObject({ kind: 'order', session: { id: their.id }, order: { id: their.order.id } });
    const result = await sandbox.completeCheckout(their.id, 'approve');
    expect(result).toMatchObject({ redirectTo: their.successUrl, order: { status: 'succeeded' } });
    await sandbox.flushDeliveries();
    expect(received).toEqual(['https://other.example/hook', 'https://other.example/hook']);
    // The payment made on the hosted page is the session owner's.
    const order = (await call(sandbox, 'GET', `/orders/${their.order.id}?expand=all`, other())).body;
    expect(order.payments).toHaveLength(1);
    expect((await call(sandbox, 'GET', `/payments/${order.payments[0].id}`, other())).status).toBe(200);
    expect((await call(sandbox, 'GET', `/payments/${order.payments[0].id}`)).status).toBe(404);
    expect((await call(sandbox, 'GET', '/payments')).body.data).toEqual([]);
  });

  it('keys idempotency entries by the key’s owner', async () => {
    const sandbox = newSandbox();
    const headers = { 'Idempotency-Key': 'shared' };
    const mine = await call(sandbox, 'POST', '/checkout-sessions', { body: validSessionBody(), headers });
    const theirs = await call(sandbox, 'POST', '/checkout-sessions', { body: validSessionBody(), headers, key: OTHER_KEY });
    expect(theirs.response.headers.get('idempotency-replayed')).toBeNull();
    expect(theirs.body.id).not.toBe(mine.body.id);
    const again = await call(sandbox, 'POST', '/checkout-sessions', { body: validSessionBody(), headers, key: TEST_KEY });
    expect(again.body.id).toBe(mine.body.id);
  });
});
