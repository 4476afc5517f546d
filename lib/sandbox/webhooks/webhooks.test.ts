import { describe, expect, it, vi } from 'vitest';
import { base62Decode, newSigningSecret } from './base62';
import { signWebhook } from './signature';
import { APP_URL, call, createSession, newSandbox, newStore, OTHER_KEY, SHOP_SECRET, TEST_KEY, validSessionBody } from '../testing/helpers';
import type { DeliveryRecord } from '../store/records';

const VECTOR_BODY =
  '{"id":"evt_test_dwPfFKu5iSEKyHR2LFj9Lx","object":"event","createdAt":1653028523052,"test":true,"eventData":{"type":"payment.created","version":"2022-02-18","data":{"id":"payment_test_35LxgmF5KM22XKG38BjpJg","object":"payment","test":true,"createdAt":1653028523020,"updatedAt":1653028523020,"amount":200,"currency":"JPY","order":"order_test_RiYq2rthzRHrkKVGeucSwn","reference":"order_ref_1234567","status":"processed","metadata":{}}}}';

interface Received {
  url: string;
  headers: Headers;
  body: string;
}

function recordingFetch(answers: number[] = []) {
  const received: Received[] = [];
  const fetchFn: typeof fetch = async (input, init) => {
    received.push({ url: String(input), headers: new Headers(init?.headers), body: String(init?.body) });
    const status = answers.length > 0 ? answers.shift()! : 200;
    return new Response('', { status });
  };
  return { received, fetchFn };
}

describe('webhook signatures', () => {
  it('decodes the signing secret with base-x semantics', () => {
    expect(base62Decode('gybcsjixKyBW2d4z6iNPlaYzHUMtawnodwZt3W0q').toString('hex')).toBe(
      '260d2907ea2fcd7a83ca52e8c1c98a012423eaddde8a8cf03fb3163d6d92',
    );
    expect([...base62Decode('AAB')]).toEqual([0, 0, 1]);
    expect(() => base62Decode('abc-')).toThrow();
  });

  it('matches the test vector of Smartpay’s SDKs', () => {
    expect(signWebhook('gybcsjixKyBW2d4z6iNPlaYzHUMtawnodwZt3W0q', '1653028612220', VECTOR_BODY)).toBe(
      '68007ada8485ea0ceca7c5e879ae860a50412b7af95ab8e81b32a3e13f3c0832',
    );
  });

  it('issues 40-character base62 secrets', () => {
    expect(newSigningSecret()).toMatch(/^[A-Za-z0-9]{40}$/);
  });
});

describe('webhook delivery', () => {
  it('registers the shop’s own endpoint and delivers signed events to it', async () => {
    const { received, fetchFn } = recordingFetch();
    const now = 1_700_000_000_000;
    const sandbox = newSandbox({ fetch: fetchFn, now: () => now });
    const endpoints = (await call(sandbox, 'GET', '/webhook-endpoints')).body;
    expect(endpoints.data).toHaveLength(1);
    expect(endpoints.data[0]).toMatchObject({ url: `${APP_URL}/api/webhooks/smartpay`, signingSecret: SHOP_SECRET, active: true });
    expect(endpoints.data[0].eventSubscriptions).toBeUndefined();

    const session = await createSession(sandbox);
    await sandbox.completeCheckout(session.id, 'approve');
    await sandbox.flushDeliveries();
    expect(received.map((r) => JSON.parse(r.body).eventData.type).sort()).toEqual(['order.authorized', 'payment.created']);
    for (const delivery of received) {
      const event = JSON.parse(delivery.body);
      expect(delivery.url).toBe(`${APP_URL}/api/webhooks/smartpay`);
      expect(delivery.headers.get('content-type')).toBe('application/json');
      expect(delivery.headers.get('smartpay-event-id')).toBe(event.id);
      expect(delivery.headers.get('smartpay-subscription-id')).toBe(endpoints.data[0].id);
      const timestamp = delivery.headers.get('smartpay-signature-timestamp')!;
      expect(timestamp).toBe(String(now));
      expect(delivery.headers.get('smartpay-signature')).toBe(signWebhook(SHOP_SECRET, timestamp, delivery.body));
      expect(event.id).toMatch(/^evt_test_[0-9A-Za-z]{22}$/);
    }
  });

  it('retries until HTTP 200 and records every attempt', async () => {
    const { received, fetchFn } = recordingFetch([500, 201, 200]);
    const sandbox = newSandbox({ fetch: fetchFn, deliveryRetryDelaysMs: [5, 5, 5] });
    const session = await createSession(sandbox, { captureMethod: 'manual' });
    await sandbox.completeCheckout(session.id, 'approve');
    await sandbox.flushDeliveries();
    expect(received).toHaveLength(3);
    expect(new Set(received.map((r) => r.headers.get('smartpay-event-id'))).size).toBe(1);
    const [delivery] = (await sandbox.snapshot()).deliveries;
    expect(delivery).toMatchObject({ state: 'succeeded', eventType: 'order.authorized' });
    expect(delivery!.attempts.map((a) => a.statusCode)).toEqual([500, 201, 200]);
    expect(delivery!.attempts.every((a) => typeof a.at === 'number' && a.durationMs >= 0)).toBe(true);
  });

  it('gives up after the configured retries and records network errors', async () => {
    let calls = 0;
    const failing: typeof fetch = async () => {
      calls += 1;
      throw new TypeError('fetch failed');
    };
    const sandbox = newSandbox({ fetch: failing, deliveryRetryDelaysMs: [1, 1] });
    const session = await createSession(sandbox, { captureMethod: 'manual' });
    await sandbox.completeCheckout(session.id, 'approve');
    await sandbox.flushDeliveries();
    expect(calls).toBe(3);
    const [delivery] = (await sandbox.snapshot()).deliveries;
    expect(delivery!.state).toBe('failed');
    expect(delivery!.attempts).toHaveLength(3);
    expect(delivery!.attempts[0]!.error).toContain('fetch failed');
  });

  it('never delays the API answer', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const hanging: typeof fetch = async () => {
      await gate;
      return new Response('', { status: 200 });
    };
    const sandbox = newSandbox({ fetch: hanging });
    const session = await createSession(sandbox, { captureMethod: 'manual' });
    await sandbox.completeCheckout(session.id, 'approve');
    const cancel = await call(sandbox, 'PUT', `/orders/${session.order.id}/cancellation`);
    expect(cancel.status).toBe(200);
    release();
    await sandbox.flushDeliveries();
  });

  it('sends only subscribed events to active endpoints', async () => {
    const { received, fetchFn } = recordingFetch();
    const sandbox = newSandbox({ fetch: fetchFn });
    const shopId = await sandbox.shopWebhookEndpointId();
    await call(sandbox, 'PATCH', `/webhook-endpoints/${shopId}`, { body: { active: false } });
    const created = await call(sandbox, 'POST', '/webhook-endpoints', {
      body: { url: 'http://receiver.test/hook', eventSubscriptions: ['payment.created'], description: 'mine' },
    });
    expect(created.status).toBe(200);
    expect(created.body.signingSecret).toMatch(/^[A-Za-z0-9]{40}$/);
    expect(created.body.id).toMatch(/^webhookendpoint_test_[0-9A-Za-z]{22}$/);
    const session = await createSession(sandbox);
    await sandbox.completeCheckout(session.id, 'approve');
    await sandbox.flushDeliveries();
    expect(received).toHaveLength(1);
    expect(received[0]!.url).toBe('http://receiver.test/hook');
    expect(JSON.parse(received[0]!.body).eventData.type).toBe('payment.created');
    expect(received[0]!.headers.get('smartpay-signature')).toBe(
      signWebhook(created.body.signingSecret, received[0]!.headers.get('smartpay-signature-timestamp')!, received[0]!.body),
    );
  });
});

describe('delivery queue', () => {
  it('claims the shop’s own due deliveries before anyone else’s, each by when it is due', async () => {
    const store = newStore();
    const delivery = (id: string, nextAttemptAt: number): DeliveryRecord => ({
      id,
      test: true,
      createdAt: nextAttemptAt,
      updatedAt: nextAttemptAt,
      eventId: `evt_test_${id}`,
      eventType: 'order.authorized',
      endpointId: 'webhookendpoint_test_Queue',
      url: `${APP_URL}/hook`,
      state: 'pending',
      attempts: [],
      nextAttemptAt,
    });
    // A stranger's backlog, due before the shop's two deliveries; one of the stranger's is not due yet.
    for (let i = 0; i < 4; i += 1) await store.forOwner('stranger').put('delivery', delivery(`delivery_test_Stranger${i}`, 1_000 + i));
    await store.forOwner('stranger').put('delivery', delivery('delivery_test_StrangerLater', 9_000));
    await store.forOwner('shop').put('delivery', delivery('delivery_test_ShopB', 2_000));
    await store.forOwner('shop').put('delivery', delivery('delivery_test_ShopA', 1_500));
    const claim = { now: 3_001, leaseMs: 60_000, owner: 'worker', first: 'shop' };
    // Only one group, when asked: these claims end before the next ones, which see the same queue.
    const peek = { ...claim, now: 3_000, leaseMs: 0, limit: 10 };
    expect((await store.claimDueDeliveries({ ...peek, only: 'first' })).map((d) => d.id)).toEqual(['delivery_test_ShopA', 'delivery_test_ShopB']);
    expect((await store.claimDueDeliveries({ ...peek, only: 'others' })).map((d) => d.id)).toEqual([
      'delivery_test_Stranger0',
      'delivery_test_Stranger1',
      'delivery_test_Stranger2',
      'delivery_test_Stranger3',
    ]);
    expect((await store.claimDueDeliveries({ ...claim, limit: 3 })).map((d) => d.id)).toEqual([
      'delivery_test_ShopA',
      'delivery_test_ShopB',
      'delivery_test_Stranger0',
    ]);
    expect((await store.claimDueDeliveries({ ...claim, limit: 10 })).map((d) => d.id)).toEqual([
      'delivery_test_Stranger1',
      'delivery_test_Stranger2',
      'delivery_test_Stranger3',
    ]);
  });
});

describe('delivery slots', () => {
  it('keeps one for the shop’s own deliveries while a stranger’s endpoint holds the others without answering', async () => {
    const hanging: (() => void)[] = [];
    let strangerAnswers = false;
    const received: string[] = [];
    const fetchFn: typeof fetch = (input, init) => {
      const answer = () => new Response('', { status: 200 });
      if (String(input).startsWith('http://stranger.test/')) {
        if (strangerAnswers) return Promise.resolve(answer());
        return new Promise((resolve) => hanging.push(() => resolve(answer())));
      }
      received.push(JSON.parse(String(init?.body)).eventData.type);
      return Promise.resolve(answer());
    };
    const sandbox = newSandbox({ fetch: fetchFn });
    await call(sandbox, 'POST', '/webhook-endpoints', { key: OTHER_KEY, body: { url: 'http://stranger.test/hook' } });
    // Three payments of the stranger: six deliveries to an endpoint that does not answer.
    for (let i = 0; i < 3; i += 1) {
      const theirs = await call(sandbox, 'POST', '/checkout-sessions', { key: OTHER_KEY, body: { ...validSessionBody(), reference: `stranger-${i}` } });
      await sandbox.completeCheckout(theirs.body.id, 'approve');
    }
    await vi.waitFor(() => expect(hanging).toHaveLength(3));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(hanging).toHaveLength(3);

    const session = await createSession(sandbox);
    await sandbox.completeCheckout(session.id, 'approve');
    await vi.waitFor(() => expect(received.sort()).toEqual(['order.authorized', 'payment.created']), { timeout: 2_000 });
    expect(hanging).toHaveLength(3);

    strangerAnswers = true;
    for (const release of hanging.splice(0)) release();
    await sandbox.flushDeliveries();
  });
});

describe('webhook endpoints API', () => {
  it('creates, reads, updates, lists and deletes', async () => {
    const sandbox = newSandbox();
    const created = await call(sandbox, 'POST', '/webhook-endpoints', { body: { url: 'https://example.com/hook', metadata: { a: '1' } } });
    const id = created.body.id;
    expect(created.body).toMatchObject({ object: 'webhookEndpoint', active: true, test: true, metadata: { a: '1' } });
    expect((await call(sandbox, 'GET', `/webhook-endpoints/${id}`)).body.url).toBe('https://example.com/hook');
    const updated = await call(sandbox, 'PATCH', `/webhook-endpoints/${id}`, { body: { description: 'changed', eventSubscriptions: ['order.authorized'] } });
    expect(updated.body).toMatchObject({ description: 'changed', eventSubscriptions: ['order.authorized'], url: 'https://example.com/hook' });
    expect((await call(sandbox, 'GET', '/webhook-endpoints')).body.results).toBe(2);
    const removed = await sandbox.handle(
      new Request(`${APP_URL}/sandbox/v1/webhook-endpoints/${id}`, { method: 'DELETE', headers: { Authorization: `Basic ${TEST_KEY}` } }),
    );
    expect(removed.status).toBe(204);
    expect(await removed.text()).toBe('');
    const gone = await call(sandbox, 'GET', `/webhook-endpoints/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.body.errorCode).toBe('webhook-endpoint.not-found');
  });

  it('validates url and event types', async () => {
    const sandbox = newSandbox();
    const bad = await call(sandbox, 'POST', '/webhook-endpoints', { body: { url: 'nope', eventSubscriptions: ['order.exploded'] } });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { path: string }) => d.path).sort()).toEqual(['eventSubscriptions.0', 'url']);
  });
});
