import { describe, expect, it } from 'vitest';
import { call, createSession, newSandbox, validSessionBody } from '../testing/helpers';

const withKey = (key: string, body: unknown) => ({ body, headers: { 'Idempotency-Key': key } });

describe('idempotency', () => {
  it('replays the first answer for the same key and body', async () => {
    const sandbox = newSandbox();
    const first = await call(sandbox, 'POST', '/checkout-sessions', withKey('k1', validSessionBody()));
    expect(first.status).toBe(200);
    expect(first.response.headers.get('idempotency-replayed')).toBeNull();
    const second = await call(sandbox, 'POST', '/checkout-sessions', withKey('k1', validSessionBody()));
    expect(second.status).toBe(200);
    expect(second.response.headers.get('idempotency-replayed')).toBe('true');
    expect(second.body).toEqual(first.body);
    expect((await sandbox.snapshot()).checkoutSessions).toHaveLength(1);
  });

  it('replays the errors of a request that ran', async () => {
    const sandbox = newSandbox();
    const session = await createSession(sandbox);
    const capture = { order: session.order.id, amount: 100, currency: 'JPY' };
    const first = await call(sandbox, 'POST', '/payments', withKey('k2', capture));
    await sandbox.completeCheckout(session.id, 'approve');
    const second = await call(sandbox, 'POST', '/payments', withKey('k2', capture));
    expect(first.status).toBe(409);
    expect(second.status).toBe(409);
    expect(second.body).toEqual(first.body);
    expect(second.response.headers.get('idempotency-replayed')).toBe('true');
  });

  // "Results are only saved if an API endpoint started executing. If incoming parameters failed validation
  // … no idempotent result is processed" (https://docs.stripe.com/api/idempotent_requests; Smartpay's
  // https://en.docs.smartpay.co/reference/idempotency says nothing about failed requests).
  it('keeps nothing for a request that failed validation, so the corrected body succeeds with the same key', async () => {
    const sandbox = newSandbox();
    const bad = await call(sandbox, 'POST', '/checkout-sessions', withKey('k8', { ...validSessionBody(), currency: 'USD' }));
    expect(bad.status).toBe(400);
    const again = await call(sandbox, 'POST', '/checkout-sessions', withKey('k8', { ...validSessionBody(), currency: 'USD' }));
    expect(again.status).toBe(400);
    expect(again.response.headers.get('idempotency-replayed')).toBeNull();
    const fixed = await call(sandbox, 'POST', '/checkout-sessions', withKey('k8', validSessionBody()));
    expect(fixed.status).toBe(200);
    expect(fixed.response.headers.get('idempotency-replayed')).toBeNull();
    const replay = await call(sandbox, 'POST', '/checkout-sessions', withKey('k8', validSessionBody()));
    expect(replay.body.id).toBe(fixed.body.id);
    expect(replay.response.headers.get('idempotency-replayed')).toBe('true');
    expect((await sandbox.snapshot()).checkoutSessions).toHaveLength(1);
  });

  it('keeps nothing for malformed JSON either', async () => {
    const sandbox = newSandbox();
    const broken = await call(sandbox, 'POST', '/checkout-sessions', { rawBody: '{"amount":', headers: { 'Idempotency-Key': 'k9' } });
    expect(broken.body.errorCode).toBe('request.malformed');
    expect((await call(sandbox, 'POST', '/checkout-sessions', withKey('k9', validSessionBody()))).status).toBe(200);
  });

  it('refuses the same key with a different body', async () => {
    const sandbox = newSandbox();
    await call(sandbox, 'POST', '/checkout-sessions', withKey('k3', validSessionBody()));
    const other = await call(sandbox, 'POST', '/checkout-sessions', withKey('k3', { ...validSessionBody(), reference: 'other' }));
    expect(other.status).toBe(409);
    expect(other.body.errorCode).toBe('idempotency-key.reused');
    expect((await sandbox.snapshot()).checkoutSessions).toHaveLength(1);
  });

  it('scopes keys per API key', async () => {
    const sandbox = newSandbox();
    await call(sandbox, 'POST', '/checkout-sessions', withKey('k4', validSessionBody()));
    const other = await call(sandbox, 'POST', '/checkout-sessions', {
      ...withKey('k4', validSessionBody()),
      key: 'sk_test_AnotherKey0000000000000000',
    });
    expect(other.response.headers.get('idempotency-replayed')).toBeNull();
    expect((await sandbox.snapshot()).checkoutSessions).toHaveLength(2);
  });

  it('creates exactly one session for 10 concurrent requests with one key', async () => {
    const sandbox = newSandbox();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => call(sandbox, 'POST', '/checkout-sessions', withKey('k5', validSessionBody()))),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(results.filter((r) => r.response.headers.get('idempotency-replayed') === 'true')).toHaveLength(9);
    expect((await sandbox.snapshot()).checkoutSessions).toHaveLength(1);
  });

  it('forgets keys after 6 hours', async () => {
    let now = 1_700_000_000_000;
    const sandbox = newSandbox({ now: () => now });
    await call(sandbox, 'POST', '/checkout-sessions', withKey('k6', validSessionBody()));
    now += 6 * 60 * 60 * 1000 + 1;
    const later = await call(sandbox, 'POST', '/checkout-sessions', withKey('k6', validSessionBody()));
    expect(later.response.headers.get('idempotency-replayed')).toBeNull();
    expect((await sandbox.snapshot()).checkoutSessions).toHaveLength(2);
  });

  it('does not keep simulated failures', async () => {
    const sandbox = newSandbox();
    const failed = await call(sandbox, 'POST', '/checkout-sessions', {
      body: validSessionBody(),
      headers: { 'Idempotency-Key': 'k7', 'Sandbox-Simulate': '500' },
    });
    expect(failed.status).toBe(500);
    const retry = await call(sandbox, 'POST', '/checkout-sessions', withKey('k7', validSessionBody()));
    expect(retry.status).toBe(200);
    expect(retry.response.headers.get('idempotency-replayed')).toBeNull();
  });
});
