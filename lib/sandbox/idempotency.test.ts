import { describe, expect, it } from 'vitest';
import { call, newSandbox, validSessionBody } from './testing';

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

  it('replays errors too', async () => {
    const sandbox = newSandbox();
    const bad = { ...validSessionBody(), currency: 'USD' };
    const first = await call(sandbox, 'POST', '/checkout-sessions', withKey('k2', bad));
    const second = await call(sandbox, 'POST', '/checkout-sessions', withKey('k2', bad));
    expect(first.status).toBe(400);
    expect(second.status).toBe(400);
    expect(second.response.headers.get('idempotency-replayed')).toBe('true');
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
