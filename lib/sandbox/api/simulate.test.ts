import { describe, expect, it } from 'vitest';
import { call, newSandbox, validSessionBody } from '../testing/helpers';

const simulate = (scenario: string) => ({ headers: { 'Sandbox-Simulate': scenario } });

describe('failures on demand', () => {
  it.each([
    ['400', 400, 'request.invalid'],
    ['404', 404, 'checkout-session.not-found'],
    ['409', 409, 'checkout-session.conflict'],
    ['429', 429, 'request.too-many-requests'],
    ['500', 500, 'internal-server-error'],
    ['503', 503, 'service-unavailable'],
  ])('header %s answers %i %s and creates nothing', async (scenario, status, errorCode) => {
    const sandbox = newSandbox();
    const result = await call(sandbox, 'POST', '/checkout-sessions', { body: validSessionBody(), ...simulate(scenario) });
    expect(result.status).toBe(status);
    expect(result.response.headers.get('content-type')).toBe('application/json');
    expect(result.body).toMatchObject({ statusCode: status, errorCode });
    expect(Array.isArray(result.body.details)).toBe(true);
    if (scenario === '429') expect(result.response.headers.get('retry-after')).toBe('1');
    expect((await sandbox.snapshot()).checkoutSessions).toHaveLength(0);
  });

  it('header 401 answers the 401 body of sdk-go N401 and creates nothing', async () => {
    const sandbox = newSandbox();
    const result = await call(sandbox, 'POST', '/checkout-sessions', { body: validSessionBody(), ...simulate('401') });
    expect(result.status).toBe(401);
    expect(result.body).toEqual({ statusCode: 401, scheme: 'Basic', realm: 'Smartpay sandbox' });
    expect(result.response.headers.get('www-authenticate')).toBe('Basic realm="Smartpay sandbox"');
    expect((await sandbox.snapshot()).checkoutSessions).toHaveLength(0);
  });

  it('uses resource-specific codes', async () => {
    const sandbox = newSandbox();
    const capture = await call(sandbox, 'POST', '/payments', { body: {}, ...simulate('409') });
    expect(capture.body.errorCode).toBe('order.cannot-capture');
    const order = await call(sandbox, 'GET', '/orders/order_test_x', simulate('404'));
    expect(order.body.errorCode).toBe('order.not-found');
  });

  it('malformed answers 200 with a body that is not JSON', async () => {
    const sandbox = newSandbox();
    const response = await sandbox.handle(
      new Request('http://shop.test/sandbox/v1/checkout-sessions', {
        method: 'POST',
        headers: { Authorization: 'Basic sk_test_abc', 'Sandbox-Simulate': 'malformed' },
        body: JSON.stringify(validSessionBody()),
      }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    await expect(response.json()).rejects.toThrow();
    expect((await sandbox.snapshot()).checkoutSessions).toHaveLength(0);
  });

  it('slow answers normally after the sandbox\'s slowMs (the shop\'s SANDBOX_SLOW_MS)', async () => {
    const sandbox = newSandbox({ slowMs: 150 });
    const started = Date.now();
    const result = await call(sandbox, 'POST', '/checkout-sessions', { body: validSessionBody(), ...simulate('slow') });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(result.status).toBe(200);
  });

  it('is triggered by a +sandbox_<scenario>@ customer e-mail', async () => {
    const sandbox = newSandbox();
    const body = { ...validSessionBody(), customerInfo: { emailAddress: 'taro+sandbox_500@example.com' } };
    const result = await call(sandbox, 'POST', '/checkout-sessions', { body });
    expect(result.status).toBe(500);
    expect((await sandbox.snapshot()).checkoutSessions).toHaveLength(0);
    const declined = { ...validSessionBody(), customerInfo: { emailAddress: 'taro+sandbox_429@example.com' } };
    expect((await call(sandbox, 'POST', '/checkout-sessions', { body: declined })).status).toBe(429);
  });

  it('ignores an unknown e-mail scenario but refuses an unknown header', async () => {
    const sandbox = newSandbox();
    const body = { ...validSessionBody(), customerInfo: { emailAddress: 'taro+sandbox_nothing@example.com' } };
    expect((await call(sandbox, 'POST', '/checkout-sessions', { body })).status).toBe(200);
    const refused = await call(sandbox, 'GET', '/orders', simulate('teapot'));
    expect(refused.status).toBe(400);
    expect(refused.body.details[0].path).toBe('Sandbox-Simulate');
  });
});
