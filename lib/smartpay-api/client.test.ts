import { describe, expect, it } from 'vitest';
import { SmartpayClient } from '@/lib/smartpay-api/client';
import { SmartpayError } from '@/lib/smartpay-api/errors';
import type { CreateCheckoutSessionRequest } from '@/lib/smartpay-api/types';

const session = {
  id: 'checkout_test_oTQpCvZzZ52UvKbrN5i4B8',
  object: 'checkoutSession',
  url: 'https://checkout.smartpay.co/checkout_test_oTQpCvZzZ52UvKbrN5i4B8',
  order: { id: 'order_test_VUjhenWnjSmCSTPTuMMe9Z', object: 'order', status: 'requires_authorization', amount: 400, currency: 'JPY' },
};
const payload = { amount: 400 } as CreateCheckoutSessionRequest;
const json = (status: number, body: unknown) =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function clientWith(responses: Array<Response | Error | (() => Promise<Response>)>, timeoutMs = 1000) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetchImpl = (async (url: URL | string, init: RequestInit = {}) => {
    calls.push({ url: String(url), init });
    const next = responses.shift();
    if (!next) throw new Error('no more responses');
    if (next instanceof Error) throw next;
    if (typeof next === 'function') return next();
    return next;
  }) as typeof fetch;
  const client = new SmartpayClient({
    apiBase: 'https://api.smartpay.co/v1',
    secretKey: 'sk_test_abc123',
    timeoutMs,
    fetch: fetchImpl,
    retryDelayMs: 1,
  });
  return { client, calls };
}

const header = (init: RequestInit, name: string) => (init.headers as Record<string, string>)[name];

describe('SmartpayClient', () => {
  it('creates a checkout session with Basic auth, JSON and the idempotency key', async () => {
    const { client, calls } = clientWith([json(200, session)]);
    const result = await client.createCheckoutSession(payload, 'key-1');
    expect(result.id).toBe(session.id);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe('https://api.smartpay.co/v1/checkout-sessions');
    expect(calls[0]!.init.method).toBe('POST');
    expect(header(calls[0]!.init, 'Authorization')).toBe('Basic sk_test_abc123');
    expect(header(calls[0]!.init, 'Idempotency-Key')).toBe('key-1');
    expect(header(calls[0]!.init, 'Content-Type')).toBe('application/json');
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual(payload);
  });

  it('retries once on a 5xx with the same idempotency key', async () => {
    const { client, calls } = clientWith([json(503, { statusCode: 503, errorCode: 'service.unavailable' }), json(200, session)]);
    await expect(client.createCheckoutSession(payload, 'key-2')).resolves.toMatchObject({ id: session.id });
    expect(calls.map((c) => header(c.init, 'Idempotency-Key'))).toEqual(['key-2', 'key-2']);
  });

  it('retries once on a connection error, then reports the service as unavailable', async () => {
    const { client, calls } = clientWith([new TypeError('fetch failed'), new TypeError('fetch failed')]);
    const error = await client.createCheckoutSession(payload, 'key-3').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmartpayError);
    expect(error).toMatchObject({ kind: 'unavailable', statusCode: undefined });
    expect(calls).toHaveLength(2);
  });

  it('does not retry a 4xx and keeps Smartpay’s error code and details', async () => {
    const body = { statusCode: 400, errorCode: 'request.invalid', message: 'Invalid', details: [{ path: 'amount' }] };
    const { client, calls } = clientWith([json(400, body)]);
    const error = (await client.createCheckoutSession(payload, 'key-4').catch((e: unknown) => e)) as SmartpayError;
    expect(error).toMatchObject({ kind: 'invalid-request', statusCode: 400, errorCode: 'request.invalid', details: body.details });
    expect(error.toLogString()).toContain('request.invalid');
    expect(calls).toHaveLength(1);
  });

  it('treats 429 as unavailable without retrying', async () => {
    const { client, calls } = clientWith([json(429, { statusCode: 429, errorCode: 'request.rate-limited' })]);
    await expect(client.createCheckoutSession(payload, 'k')).rejects.toMatchObject({ kind: 'unavailable', statusCode: 429 });
    expect(calls).toHaveLength(1);
  });

  it('times out a slow answer without retrying', async () => {
    const slow = () => new Promise<Response>(() => {});
    const { client, calls } = clientWith(
      [
        async () => {
          const signal = calls.at(-1)!.init.signal!;
          return new Promise<Response>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
        },
        slow,
      ],
      50,
    );
    await expect(client.createCheckoutSession(payload, 'k')).rejects.toMatchObject({ kind: 'timeout' });
    expect(calls).toHaveLength(1);
  });

  it('reports a body that is not JSON, or not a session, as a bad response', async () => {
    const { client } = clientWith([json(200, '{not json'), json(200, { id: 'nope' })]);
    await expect(client.createCheckoutSession(payload, 'a')).rejects.toMatchObject({ kind: 'bad-response' });
    await expect(client.createCheckoutSession(payload, 'b')).rejects.toMatchObject({ kind: 'bad-response' });
  });

  it('retrieves a checkout session with expand=all', async () => {
    const { client, calls } = clientWith([json(200, session)]);
    await client.getCheckoutSession(session.id);
    expect(calls[0]!.url).toBe(`https://api.smartpay.co/v1/checkout-sessions/${session.id}?expand=all`);
    expect(calls[0]!.init.method).toBe('GET');
    expect(header(calls[0]!.init, 'Idempotency-Key')).toBeUndefined();
  });
});
