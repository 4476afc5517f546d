import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { computeSignature, signingKey, verifySignature } from '@/lib/webhooks/signature';

// The test vector published with Smartpay's SDKs.
const secret = 'gybcsjixKyBW2d4z6iNPlaYzHUMtawnodwZt3W0q';
const timestamp = '1653028612220';
const body =
  '{"id":"evt_test_dwPfFKu5iSEKyHR2LFj9Lx","object":"event","createdAt":1653028523052,"test":true,"eventData":{"type":"payment.created","version":"2022-02-18","data":{"id":"payment_test_35LxgmF5KM22XKG38BjpJg","object":"payment","test":true,"createdAt":1653028523020,"updatedAt":1653028523020,"amount":200,"currency":"JPY","order":"order_test_RiYq2rthzRHrkKVGeucSwn","reference":"order_ref_1234567","status":"processed","metadata":{}}}}';
const expected = '68007ada8485ea0ceca7c5e879ae860a50412b7af95ab8e81b32a3e13f3c0832';
const now = Number(timestamp) + 1000;

describe('Smartpay webhook signatures', () => {
  it('decodes the secret from base62 into the 30-byte HMAC key', () => {
    expect(signingKey(secret).toString('hex')).toBe('260d2907ea2fcd7a83ca52e8c1c98a012423eaddde8a8cf03fb3163d6d92');
  });

  it('matches the published test vector', () => {
    expect(computeSignature(secret, timestamp, body)).toBe(expected);
    expect(verifySignature({ secret, rawBody: body, signature: expected, timestamp, now })).toEqual({ ok: true });
    expect(verifySignature({ secret, rawBody: body, signature: expected.toUpperCase(), timestamp, now })).toEqual({ ok: true });
  });

  it('refuses a changed body, another secret, or a forged signature', () => {
    const check = (overrides: Partial<Parameters<typeof verifySignature>[0]>) =>
      verifySignature({ secret, rawBody: body, signature: expected, timestamp, now, ...overrides });
    expect(check({ rawBody: body.replace('"amount":200', '"amount":20') })).toEqual({ ok: false, reason: 'bad-signature' });
    expect(check({ secret: 'AAAA' + secret.slice(4) })).toEqual({ ok: false, reason: 'bad-signature' });
    expect(check({ signature: 'f'.repeat(64) })).toEqual({ ok: false, reason: 'bad-signature' });
    expect(check({ signature: 'not-hex' })).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('refuses missing headers, malformed and stale timestamps', () => {
    const check = (overrides: Partial<Parameters<typeof verifySignature>[0]>) =>
      verifySignature({ secret, rawBody: body, signature: expected, timestamp, now, ...overrides });
    expect(check({ signature: null })).toEqual({ ok: false, reason: 'missing-headers' });
    expect(check({ timestamp: null })).toEqual({ ok: false, reason: 'missing-headers' });
    expect(check({ timestamp: '2022-05-20' })).toEqual({ ok: false, reason: 'malformed-timestamp' });
    expect(check({ now: Number(timestamp) + 5 * 60 * 1000 + 1 })).toEqual({ ok: false, reason: 'stale-timestamp' });
    expect(check({ now: Number(timestamp) - 2 * 60 * 1000 })).toEqual({ ok: false, reason: 'stale-timestamp' });
  });

  it('uses the secret as base62, not as ASCII bytes', () => {
    const ascii = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
    expect(ascii).not.toBe(expected);
  });
});
