import { describe, expect, it } from 'vitest';
import { signValue, verifySignedValue } from '@/lib/signed-value';

describe('signed values', () => {
  const secret = 'x'.repeat(32);
  it('round-trips a value signed with the same secret', () => {
    expect(verifySignedValue(signValue({ a: 1 }, secret), secret)).toEqual({ a: 1 });
  });
  it('rejects a tampered value, another secret, and garbage', () => {
    const signed = signValue({ amount: 100 }, secret);
    const [, mac] = signed.split('.');
    const forged = `${Buffer.from(JSON.stringify({ amount: 1 })).toString('base64url')}.${mac}`;
    expect(verifySignedValue(forged, secret)).toBeUndefined();
    expect(verifySignedValue(signed, 'y'.repeat(32))).toBeUndefined();
    expect(verifySignedValue('nonsense', secret)).toBeUndefined();
    expect(verifySignedValue(undefined, secret)).toBeUndefined();
  });
});
