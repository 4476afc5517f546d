import { describe, expect, it, vi } from 'vitest';
import { purgeOld } from './purge';
import { call, createSession, newSandbox, newStore, OTHER_KEY } from '../testing/helpers';

const HOUR = 60 * 60 * 1000;

describe('purge of old data', () => {
  it('deletes records, deliveries and idempotency entries older than the cutoff, keeps newer ones and the shop’s endpoint', async () => {
    let clock = Date.UTC(2026, 0, 1);
    const now = () => clock;
    const sandbox = newSandbox({ store: newStore({ clock: now }), now });
    const shopEndpoint = await sandbox.shopWebhookEndpointId();

    const old = await createSession(sandbox, { captureMethod: 'manual' });
    const approveOld = { body: { outcome: 'approve' }, headers: { 'Idempotency-Key': 'old' } };
    expect((await call(sandbox, 'POST', `/testing/checkout-sessions/${old.id}/outcome`, approveOld)).status).toBe(200);
    const theirEndpoint = (await call(sandbox, 'POST', '/webhook-endpoints', { key: OTHER_KEY, body: { url: 'https://other.example/hook' } })).body;
    await sandbox.flushDeliveries();

    clock += 25 * HOUR;
    const fresh = await createSession(sandbox, { captureMethod: 'manual' });
    const approveFresh = { body: { outcome: 'approve' }, headers: { 'Idempotency-Key': 'fresh' } };
    await call(sandbox, 'POST', `/testing/checkout-sessions/${fresh.id}/outcome`, approveFresh);
    await sandbox.flushDeliveries();

    const counts = await sandbox.purge(clock - 24 * HOUR);
    // session, order, three line items, one price, one product, the order.authorized event, the other key's endpoint
    expect(counts).toEqual({ records: 9, deliveries: 1, idempotency: 1, rateLimits: 0 });

    expect((await call(sandbox, 'GET', `/checkout-sessions/${old.id}`)).status).toBe(404);
    expect((await call(sandbox, 'GET', `/orders/${old.order.id}`)).status).toBe(404);
    expect((await call(sandbox, 'GET', `/webhook-endpoints/${theirEndpoint.id}`, { key: OTHER_KEY })).status).toBe(404);
    expect((await call(sandbox, 'GET', `/checkout-sessions/${fresh.id}?expand=all`)).body.order.status).toBe('requires_capture');
    const state = await sandbox.snapshot();
    expect(state.checkoutSessions.map((session) => session.id)).toEqual([fresh.id]);
    expect(state.webhookEndpoints.map((endpoint) => endpoint.id)).toEqual([shopEndpoint]);
    expect(state.events.map((event) => (event.eventData.data as { id: string }).id)).toEqual([fresh.order.id]);
    expect(state.deliveries).toHaveLength(1);
    const replayed = await call(sandbox, 'POST', `/testing/checkout-sessions/${fresh.id}/outcome`, approveFresh);
    expect(replayed.response.headers.get('idempotency-replayed')).toBe('true');
    const forgotten = await call(sandbox, 'POST', `/testing/checkout-sessions/${old.id}/outcome`, approveOld);
    expect(forgotten.response.headers.get('idempotency-replayed')).toBeNull();

    expect(await sandbox.purge(clock - 24 * HOUR)).toEqual({ records: 0, deliveries: 0, idempotency: 0, rateLimits: 0 });
  });

  it('logs what went', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      let clock = Date.UTC(2026, 0, 1);
      const now = () => clock;
      const sandbox = newSandbox({ store: newStore({ clock: now }), now });
      await createSession(sandbox);
      clock += 2 * HOUR;
      await purgeOld(sandbox, 1, clock);
      expect(log).toHaveBeenCalledTimes(1);
      expect(log.mock.calls[0]![0]).toMatch(/^\[sandbox\] purged 7 rows older than 1 h: 7 records, 0 webhook deliveries/);
      await purgeOld(sandbox, 1, clock);
      expect(log).toHaveBeenCalledTimes(1);
    } finally {
      log.mockRestore();
    }
  });
});
