import { describe, expect, it } from 'vitest';
import { ACCESS_TOKEN_TTL_MS } from './consumers';
import { memoryRateLimiter } from '../api/rate-limit';
import { MAX_SOFT_DECLINES } from '../hosted-page/soft-decline';
import { APP_URL, BASE, call, LIVE_KEY, newSandbox, OTHER_KEY, TEST_KEY, type Json } from '../testing/helpers';

type TestSandbox = ReturnType<typeof newSandbox>;

const SHOPPER = { emailAddress: 'hanako+test@example.com', password: 'correct horse' };
const APPROVED = { paymentMethod: 'pm_test_visaApproved', paymentPlan: 'pay_in_three' };

/** A checkout session body every rule of the API accepts. */
function sessionBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    amount: 1350,
    currency: 'JPY',
    captureMethod: 'manual',
    customerInfo: { emailAddress: 'john@example.com', firstName: 'John' },
    items: [
      { name: 'Matcha', amount: 600, currency: 'JPY', quantity: 2 },
      { kind: 'tax', name: 'Tax', amount: 100, currency: 'JPY' },
    ],
    shippingInfo: {
      address: { line1: '1-1-1 Chiyoda', locality: 'Chiyoda-ku', postalCode: '100-0001', country: 'JP' },
      feeAmount: 50,
      feeCurrency: 'JPY',
    },
    reference: 'consumer-1',
    successUrl: `${APP_URL}/success`,
    cancelUrl: `${APP_URL}/cancel`,
    ...overrides,
  };
}

async function createOrder(sandbox: TestSandbox, overrides: Record<string, unknown> = {}, key = TEST_KEY): Promise<string> {
  const result = await call(sandbox, 'POST', '/checkout-sessions', { key, body: sessionBody(overrides) });
  if (result.status !== 200) throw new Error(`create failed: ${JSON.stringify(result.body)}`);
  return result.body.order.id as string;
}

async function createToken(sandbox: TestSandbox): Promise<string> {
  const body = { mode: 'token', successUrl: `${APP_URL}/ok`, cancelUrl: `${APP_URL}/no` };
  return (await call(sandbox, 'POST', '/checkout-sessions', { body })).body.token.id as string;
}

/** A consumer call: no secret key, optionally a bearer token. */
async function consumerCall(sandbox: TestSandbox, method: string, path: string, options: { body?: unknown; bearer?: string; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.bearer !== undefined) headers.Authorization = `Bearer ${options.bearer}`;
  return call(sandbox, method, path, { key: null, body: options.body, headers });
}

async function login(sandbox: TestSandbox, credentials = SHOPPER): Promise<string> {
  const result = await consumerCall(sandbox, 'POST', '/consumers/auth/login', { body: credentials });
  if (result.status !== 200) throw new Error(`login failed: ${JSON.stringify(result.body)}`);
  return result.body.accessToken as string;
}

const authorize = async (sandbox: TestSandbox, order: string, bearer: string, body: unknown = APPROVED) =>
  consumerCall(sandbox, 'POST', `/orders/${order}/authorizations`, { bearer, body });

const eventTypes = async (sandbox: TestSandbox) => (await sandbox.snapshot()).events.map((e) => e.eventData.type).reverse();

describe('POST /consumers/auth/login', () => {
  it('signs in a +test consumer without a secret key and answers {accessToken}', async () => {
    const sandbox = newSandbox();
    const { status, body, response } = await consumerCall(sandbox, 'POST', '/consumers/auth/login', { body: SHOPPER });
    expect(status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(Object.keys(body)).toEqual(['accessToken']);
    expect(body.accessToken).toMatch(/^[0-9A-Za-z]{48}$/);
    expect(await login(sandbox)).not.toBe(body.accessToken);
  });

  it('reads the body whatever its Content-Type (the SDK suites send none)', async () => {
    const sandbox = newSandbox();
    const response = await sandbox.handle(
      new Request(`${BASE}/consumers/auth/login`, { method: 'POST', body: JSON.stringify(SHOPPER) }),
    );
    expect(response.status).toBe(200);
    expect((await response.json()).accessToken).toEqual(expect.any(String));
  });

  it('refuses addresses that are not test consumers, and a password other than the first one', async () => {
    const sandbox = newSandbox();
    const refused = await consumerCall(sandbox, 'POST', '/consumers/auth/login', { body: { emailAddress: 'hanako@example.com', password: 'x' } });
    expect(refused.status).toBe(401);
    expect(refused.body.errorCode).toBe('request.unauthorized');
    expect(refused.body.message).toContain('+test');
    expect(refused.response.headers.get('www-authenticate')).toMatch(/^Bearer realm=/);

    await login(sandbox);
    const wrong = await consumerCall(sandbox, 'POST', '/consumers/auth/login', { body: { ...SHOPPER, password: 'wrong' } });
    expect(wrong.status).toBe(401);
    // The address is compared ignoring case.
    expect(await login(sandbox, { ...SHOPPER, emailAddress: 'HANAKO+TEST@example.com' })).toEqual(expect.any(String));
    const upperWrong = await consumerCall(sandbox, 'POST', '/consumers/auth/login', { body: { emailAddress: 'Hanako+Test@example.com', password: 'nope' } });
    expect(upperWrong.status).toBe(401);
    expect((await sandbox.snapshot()).events).toEqual([]);
  });

  it('answers 400 to a body without e-mail address or password, and 400 request.malformed to broken JSON', async () => {
    const sandbox = newSandbox();
    const missing = await consumerCall(sandbox, 'POST', '/consumers/auth/login', { body: { emailAddress: '', password: 3 } });
    expect(missing.status).toBe(400);
    expect(missing.body.details.map((d: { path: string }) => d.path).sort()).toEqual(['emailAddress', 'password']);
    const broken = await call(sandbox, 'POST', '/consumers/auth/login', { key: null, rawBody: '{"emailAddress":' });
    expect(broken.body.errorCode).toBe('request.malformed');
  });

  it('counts logins against the client address', async () => {
    const sandbox = newSandbox({ rateLimiter: memoryRateLimiter(2) });
    const headers = { 'X-Forwarded-For': '203.0.113.9' };
    const attempt = (password: string) =>
      consumerCall(sandbox, 'POST', '/consumers/auth/login', { headers, body: { emailAddress: `a${password}+test@example.com`, password } });
    expect((await attempt('1')).status).toBe(200);
    expect((await attempt('2')).status).toBe(200);
    const limited = await attempt('3');
    expect(limited.status).toBe(429);
    expect(limited.response.headers.get('retry-after')).toEqual(expect.any(String));
  });
});

describe('bearer authentication of the consumer routes', () => {
  it('refuses a missing, malformed, unknown or expired access token, and secret keys', async () => {
    let clock = Date.UTC(2025, 0, 1);
    const sandbox = newSandbox({ now: () => clock });
    const order = await createOrder(sandbox);
    const token = await login(sandbox);

    const cases: [Record<string, string>, string][] = [
      [{}, 'Missing'],
      [{ Authorization: `Basic ${TEST_KEY}` }, 'Unsupported'],
      [{ Authorization: 'Bearer not-a-token!' }, 'Unsupported'],
      [{ Authorization: 'Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }, 'Unknown'],
    ];
    for (const [headers, message] of cases) {
      const answer = await consumerCall(sandbox, 'POST', `/orders/${order}/authorizations`, { headers, body: APPROVED });
      expect({ headers, status: answer.status, errorCode: answer.body.errorCode }).toEqual({ headers, status: 401, errorCode: 'request.unauthorized' });
      expect(answer.body.message).toContain(message);
    }

    clock += ACCESS_TOKEN_TTL_MS;
    const expired = await authorize(sandbox, order, token);
    expect(expired.status).toBe(401);
    expect(expired.body.message).toContain('expired');
    expect((await call(sandbox, 'GET', `/orders/${order}`)).body.status).toBe('requires_authorization');
    expect((await authorize(sandbox, order, await login(sandbox))).status).toBe(200);
  });

  it('checks the token before the order: an unknown order without a token is 401', async () => {
    const sandbox = newSandbox();
    const answer = await consumerCall(sandbox, 'POST', '/orders/order_test_AAAAAAAAAAAAAAAAAAAAAA/authorizations', { body: APPROVED });
    expect(answer.status).toBe(401);
  });
});

describe('POST /orders/{id}/authorizations', () => {
  it('approves a manual-capture order as the hosted page does: requires_capture, order.authorized', async () => {
    const sandbox = newSandbox();
    const order = await createOrder(sandbox);
    const { status, body } = await authorize(sandbox, order, await login(sandbox));
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: order, object: 'order', status: 'requires_capture', payments: [] });
    expect(body.expiresAt).toBeGreaterThan(Date.now());
    expect(body.lineItems[0]).toEqual(expect.any(String));
    expect(await eventTypes(sandbox)).toEqual(['order.authorized']);

    // The merchant captures, as after a hosted-page approval.
    const capture = await call(sandbox, 'POST', '/payments', { body: { order, amount: 150, currency: 'JPY', cancelRemainder: 'manual' } });
    expect(capture.status).toBe(200);
  });

  it('approves an automatic-capture order: succeeded with its payment', async () => {
    const sandbox = newSandbox();
    const order = await createOrder(sandbox, { captureMethod: 'automatic' });
    const { body } = await authorize(sandbox, order, await login(sandbox));
    expect(body.status).toBe('succeeded');
    expect(body.payments).toHaveLength(1);
    expect(await eventTypes(sandbox)).toEqual(['order.authorized', 'payment.created']);
  });

  it('declines with pm_test_visaDeclined and soft-declines with pm_test_visaSoftDeclined', async () => {
    const sandbox = newSandbox();
    const token = await login(sandbox);
    const hard = await createOrder(sandbox);
    const declined = await authorize(sandbox, hard, token, { paymentMethod: 'pm_test_visaDeclined', paymentPlan: 'pay_in_three' });
    expect(declined.status).toBe(200);
    expect(declined.body.status).toBe('rejected');

    const soft = await createOrder(sandbox);
    const softDeclined = await authorize(sandbox, soft, token, { paymentMethod: 'pm_test_visaSoftDeclined', paymentPlan: 'pay_in_three' });
    expect(softDeclined.body.status).toBe('requires_authorization');
    expect(await eventTypes(sandbox)).toEqual(['order.rejected', 'order.rejected']);
    // The shopper may try again after a soft decline.
    expect((await authorize(sandbox, soft, token)).body.status).toBe('requires_capture');
  });

  it('records and sends the first soft declines of an order only, counted with the hosted page\'s', async () => {
    const sandbox = newSandbox();
    const token = await login(sandbox);
    const session = (await call(sandbox, 'POST', '/checkout-sessions', { body: sessionBody() })).body;
    const order = session.order.id as string;
    await sandbox.completeCheckout(session.id as string, 'soft-decline');
    for (let attempt = 0; attempt < MAX_SOFT_DECLINES + 2; attempt += 1) {
      const answer = await authorize(sandbox, order, token, { paymentMethod: 'pm_test_visaSoftDeclined', paymentPlan: 'pay_in_three' });
      expect(answer.body.status).toBe('requires_authorization');
      expect(answer.body).not.toHaveProperty('sandboxSoftDeclines');
    }
    expect(await eventTypes(sandbox)).toEqual(Array.from({ length: MAX_SOFT_DECLINES }, () => 'order.rejected'));
    expect((await authorize(sandbox, order, token)).body.status).not.toBe('requires_authorization');
  });

  it('answers 409 order.cannot-authorize to an order no longer awaiting authorization', async () => {
    const sandbox = newSandbox();
    const token = await login(sandbox);
    const order = await createOrder(sandbox);
    await authorize(sandbox, order, token);
    const again = await authorize(sandbox, order, token);
    expect(again.status).toBe(409);
    expect(again.body.errorCode).toBe('order.cannot-authorize');
    expect(await eventTypes(sandbox)).toEqual(['order.authorized']);
  });

  it('validates the payment method and plan', async () => {
    const sandbox = newSandbox();
    const token = await login(sandbox);
    const order = await createOrder(sandbox);
    const answer = await authorize(sandbox, order, token, { paymentMethod: 'pm_card_visa', paymentPlan: 'pay_in_twelve' });
    expect(answer.status).toBe(400);
    expect(answer.body.details.map((d: { path: string }) => d.path)).toEqual(['paymentMethod', 'paymentPlan']);
    expect((await authorize(sandbox, order, token, {})).body.details.map((d: { message: string }) => d.message)).toEqual(['is required', 'is required']);
    expect((await call(sandbox, 'GET', `/orders/${order}`)).body.status).toBe('requires_authorization');
  });

  it('answers 404 order.not-found to unknown ids and to live orders', async () => {
    const sandbox = newSandbox();
    const token = await login(sandbox);
    for (const id of ['order_test_AAAAAAAAAAAAAAAAAAAAAA', 'nonsense', await createOrder(sandbox, {}, LIVE_KEY)]) {
      const answer = await authorize(sandbox, id, token);
      expect(answer.status).toBe(404);
      expect(answer.body.errorCode).toBe('order.not-found');
    }
  });

  it('authorizes any merchant’s test order; events go to that merchant’s endpoints only', async () => {
    const deliveries: string[] = [];
    const sandbox = newSandbox({
      fetch: async (input) => {
        deliveries.push(String(input));
        return new Response('ok', { status: 200 });
      },
    });
    await call(sandbox, 'POST', '/webhook-endpoints', { key: OTHER_KEY, body: { url: 'https://other.example/hook' } });
    const order = await createOrder(sandbox, {}, OTHER_KEY);
    expect((await authorize(sandbox, order, await login(sandbox))).body.status).toBe('requires_capture');
    expect((await call(sandbox, 'GET', `/orders/${order}`, { key: OTHER_KEY })).body.status).toBe('requires_capture');
    await sandbox.flushDeliveries();
    expect(deliveries).toEqual(['https://other.example/hook']);
  });

  it('answers failures on demand and changes nothing', async () => {
    const sandbox = newSandbox();
    const token = await login(sandbox);
    const order = await createOrder(sandbox);
    const answer = await consumerCall(sandbox, 'POST', `/orders/${order}/authorizations`, { bearer: token, body: APPROVED, headers: { 'Sandbox-Simulate': '503' } });
    expect(answer.status).toBe(503);
    expect((await call(sandbox, 'GET', `/orders/${order}`)).body.status).toBe('requires_authorization');
  });
});

describe('PUT /tokens/{id}/approve', () => {
  it('approves a token as the hosted page does; a deleted token is then 404', async () => {
    const sandbox = newSandbox();
    const bearer = await login(sandbox);
    const token = await createToken(sandbox);
    const approved = await consumerCall(sandbox, 'PUT', `/tokens/${token}/approve`, { bearer });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ id: token, object: 'token', status: 'active' });
    expect((await call(sandbox, 'GET', `/tokens/${token}`)).body.status).toBe('active');
    expect(await eventTypes(sandbox)).toEqual(['token.created', 'token.approved']);

    const again = await consumerCall(sandbox, 'PUT', `/tokens/${token}/approve`, { bearer });
    expect(again.status).toBe(409);
    expect(again.body.errorCode).toBe('token.cannot-approve');

    expect((await call(sandbox, 'DELETE', `/tokens/${token}`)).status).toBe(204);
    const gone = await call(sandbox, 'GET', `/tokens/${token}`);
    expect(gone.status).toBe(404);
    expect(gone.body.errorCode).toBe('token.not-found');
  });

  it('answers 404 token.not-found to unknown ids and 401 without an access token', async () => {
    const sandbox = newSandbox();
    const bearer = await login(sandbox);
    const unknown = await consumerCall(sandbox, 'PUT', '/tokens/paytok_test_AAAAAAAAAAAAAAAAAAAAAA/approve', { bearer });
    expect(unknown.body).toMatchObject({ statusCode: 404, errorCode: 'token.not-found' });
    const token = await createToken(sandbox);
    expect((await call(sandbox, 'PUT', `/tokens/${token}/approve`)).status).toBe(401);
    expect(((await call(sandbox, 'GET', `/tokens/${token}`)).body as Json).status).toBe('requires_authorization');
  });
});
