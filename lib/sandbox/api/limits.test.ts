import { describe, expect, it } from 'vitest';
import { API_BODY_LIMIT } from './body';
import { memoryRateLimiter } from './rate-limit';
import { EXTRA_LIMIT, TEXT_LIMIT } from './validation';
import { WEBHOOK_ENDPOINT_LIMIT } from '../resources/webhook-endpoints';
import { apiRequest, APP_URL, BASE, call, newSandbox, OTHER_KEY, TEST_KEY, validSessionBody, type Json } from '../testing/helpers';

/** A request whose body is streamed in `chunks` chunks of 64 KiB (no Content-Length), counting the chunks pulled. */
function streamedPost(chunks: number) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= chunks) return controller.close();
      pulled += 1;
      controller.enqueue(new Uint8Array(64 * 1024).fill(32));
    },
  });
  const request = new Request(`${BASE}/checkout-sessions`, {
    method: 'POST',
    headers: { Authorization: `Basic ${TEST_KEY}`, 'Content-Type': 'application/json' },
    body,
    duplex: 'half',
  } as RequestInit);
  return { request, pulled: () => pulled };
}

const from = (ip: string, key = OTHER_KEY) => ({ key, headers: { 'X-Forwarded-For': ip } });

describe('request bodies', () => {
  it('refuses a declared Content-Length over API_BODY_LIMIT before reading', async () => {
    const sandbox = newSandbox();
    const { request, pulled } = streamedPost(10_000);
    const declared = new Request(request, { headers: { ...Object.fromEntries(request.headers), 'Content-Length': String(API_BODY_LIMIT + 1) } });
    const response = await sandbox.handle(declared);
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toMatchObject({ statusCode: 413, errorCode: 'request.too-large', details: [{ path: '' }] });
    expect(pulled()).toBeLessThan(3);
  });

  it('stops reading a streamed body once it passes API_BODY_LIMIT', async () => {
    const sandbox = newSandbox();
    const { request, pulled } = streamedPost(10_000); // 640 MB if read whole
    const response = await sandbox.handle(request);
    expect(response.status).toBe(413);
    expect((await response.json()).errorCode).toBe('request.too-large');
    expect(pulled()).toBeLessThan(20);
    expect((await sandbox.snapshot()).checkoutSessions).toEqual([]);
  });

  it('reads a body of exactly API_BODY_LIMIT bytes (256 KiB)', async () => {
    const sandbox = newSandbox();
    // An unknown property (tolerated and dropped) pads the body; metadata values are capped at 200 characters.
    const bodyWith = (pad: string) => JSON.stringify({ ...validSessionBody(), padding: pad });
    const padded = bodyWith('x'.repeat(API_BODY_LIMIT - Buffer.byteLength(bodyWith(''))));
    expect(Buffer.byteLength(padded)).toBe(API_BODY_LIMIT);
    expect((await call(sandbox, 'POST', '/checkout-sessions', { rawBody: padded })).status).toBe(200);
    expect((await call(sandbox, 'POST', '/checkout-sessions', { rawBody: `${padded} ` })).status).toBe(413);
  });

  it('answers 401 to a request without a key whatever its size', async () => {
    const { request } = streamedPost(10_000);
    request.headers.delete('authorization');
    expect((await newSandbox().handle(request)).status).toBe(401);
  });
});

describe('what one request may leave in the sandbox', () => {
  it('refuses texts over TEXT_LIMIT characters, naming the field, and keeps nothing', async () => {
    const sandbox = newSandbox();
    const body = validSessionBody() as Json;
    const atLimit = { ...body, items: [{ ...body.items[0], name: 'x'.repeat(TEXT_LIMIT) }, ...body.items.slice(1)] };
    expect((await call(sandbox, 'POST', '/checkout-sessions', { body: atLimit })).status).toBe(200);
    for (const [path, changed] of [
      ['items.0.name', { ...body, items: [{ ...body.items[0], name: 'x'.repeat(TEXT_LIMIT + 1) }, ...body.items.slice(1)] }],
      ['shippingInfo.address.line1', { ...body, shippingInfo: { ...body.shippingInfo, address: { ...body.shippingInfo.address, line1: 'x'.repeat(TEXT_LIMIT + 1) } } }],
      ['customerInfo.emailAddress', { ...body, customerInfo: { emailAddress: `${'a'.repeat(TEXT_LIMIT)}@example.com` } }],
    ] as const) {
      const refused = await call(sandbox, 'POST', '/checkout-sessions', { body: changed });
      expect(refused.status, path).toBe(400);
      expect(refused.body.details, path).toContainEqual(expect.objectContaining({ path }));
    }
    expect((await sandbox.snapshot()).checkoutSessions).toHaveLength(1);
  });

  it('keeps fields of customerInfo it does not know, up to EXTRA_LIMIT', async () => {
    const sandbox = newSandbox();
    const withExtras = (extras: Record<string, unknown>) => ({ ...validSessionBody(), customerInfo: { emailAddress: 'taro@example.com', ...extras } });
    const kept = await call(sandbox, 'POST', '/checkout-sessions', { body: withExtras({ loyaltyTier: 'gold' }) });
    expect(kept.status).toBe(200);
    const tooMany = Object.fromEntries(Array.from({ length: EXTRA_LIMIT.keys + 1 }, (_, i) => [`extra${i}`, i]));
    const tooLarge = { blob: { nested: 'x'.repeat(EXTRA_LIMIT.characters) } };
    for (const extras of [tooMany, tooLarge]) {
      const refused = await call(sandbox, 'POST', '/checkout-sessions', { body: withExtras(extras) });
      expect(refused.status).toBe(400);
      expect(refused.body.details).toContainEqual(expect.objectContaining({ path: 'customerInfo' }));
    }
  });

  it(`gives one key at most ${WEBHOOK_ENDPOINT_LIMIT} webhook endpoints, and room again once one is deleted`, async () => {
    const sandbox = newSandbox();
    // The key may have one already (the shop's own, registered when the sandbox starts).
    const existing = (await call(sandbox, 'GET', '/webhook-endpoints?maxResults=100')).body.data.length as number;
    const created = [];
    for (let i = existing; i < WEBHOOK_ENDPOINT_LIMIT; i += 1) {
      const result = await call(sandbox, 'POST', '/webhook-endpoints', { body: { url: `${APP_URL}/hook/${i}` } });
      expect(result.status).toBe(200);
      created.push(result.body.id as string);
    }
    const refused = await call(sandbox, 'POST', '/webhook-endpoints', { body: { url: `${APP_URL}/hook/extra` } });
    expect(refused.status).toBe(400);
    expect(refused.body.errorCode).toBe('request.invalid');
    // Another key is not held to this one's endpoints.
    expect((await call(sandbox, 'POST', '/webhook-endpoints', { key: OTHER_KEY, body: { url: `${APP_URL}/hook/other` } })).status).toBe(200);
    expect((await call(sandbox, 'DELETE', `/webhook-endpoints/${created[0]}`)).status).toBe(204);
    expect((await call(sandbox, 'POST', '/webhook-endpoints', { body: { url: `${APP_URL}/hook/again` } })).status).toBe(200);
  });
});

describe('rate limits', () => {
  it('limits calls per API key with 429 and Retry-After', async () => {
    const sandbox = newSandbox({ rateLimiter: memoryRateLimiter(3) });
    for (let i = 0; i < 3; i += 1) expect((await call(sandbox, 'GET', '/orders', from(`198.51.100.${i}`))).status).toBe(200);
    const refused = await call(sandbox, 'GET', '/orders', from('198.51.100.9'));
    expect(refused.status).toBe(429);
    expect(refused.response.headers.get('content-type')).toBe('application/json');
    expect(Number(refused.response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.response.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(refused.body).toMatchObject({ statusCode: 429, errorCode: 'request.too-many-requests', details: [] });
    // A simulated 429 has the same shape.
    const simulated = await call(newSandbox(), 'GET', '/orders', { headers: { 'Sandbox-Simulate': '429' } });
    expect(Object.keys(simulated.body).sort()).toEqual(Object.keys(refused.body).sort());
    // Another key has its own count.
    expect((await call(sandbox, 'GET', '/orders', from('198.51.100.10', 'sk_test_YetAnotherKey0000'))).status).toBe(200);
  });

  it('limits calls per client address across invented keys, but not the shop’s own key', async () => {
    const sandbox = newSandbox({ rateLimiter: memoryRateLimiter(3) });
    for (let i = 0; i < 3; i += 1) expect((await call(sandbox, 'GET', '/orders', from('203.0.113.7', `sk_test_Invented${i}`))).status).toBe(200);
    const refused = await call(sandbox, 'GET', '/orders', from('203.0.113.7', 'sk_test_Invented9'));
    expect(refused.status).toBe(429);
    expect(refused.response.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await call(sandbox, 'GET', '/orders', from('203.0.113.8', 'sk_test_Invented9'))).status).toBe(200);
    // TEST_KEY is the shop's key in these tests: counted per key only.
    for (let i = 0; i < 3; i += 1) expect((await call(sandbox, 'GET', '/orders', from('203.0.113.7', TEST_KEY))).status).toBe(200);
    expect((await call(sandbox, 'GET', '/orders', from('203.0.113.7', TEST_KEY))).status).toBe(429);
  });

  it('charges nothing for a request without a key', async () => {
    const sandbox = newSandbox({ rateLimiter: memoryRateLimiter(1) });
    for (let i = 0; i < 5; i += 1) expect((await call(sandbox, 'GET', '/orders', { key: null, headers: { 'X-Forwarded-For': '192.0.2.1' } })).status).toBe(401);
    expect((await call(sandbox, 'GET', '/orders', from('192.0.2.1'))).status).toBe(200);
    expect((await sandbox.handle(apiRequest('GET', '/orders', from('192.0.2.1')))).status).toBe(429);
  });
});
