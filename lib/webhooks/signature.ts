import { createHmac, timingSafeEqual } from 'node:crypto';
import basex from 'base-x';

/**
 * Smartpay webhook signatures: `Smartpay-Signature` is the lowercase hex HMAC-SHA256 of
 * `<Smartpay-Signature-Timestamp>.<raw body>`, keyed with the endpoint's signing secret decoded from
 * base62 (alphabet A–Z a–z 0–9, base-x semantics, as Smartpay's own SDKs do).
 */
const base62 = basex('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789');

/** How old a delivery's timestamp may be before it is refused as a replay. */
export const MAX_SIGNATURE_AGE_MS = 5 * 60 * 1000;
/** Tolerated clock skew for timestamps from the future. */
const MAX_CLOCK_SKEW_MS = 60 * 1000;

export function signingKey(secret: string): Buffer {
  return Buffer.from(base62.decode(secret));
}

export function computeSignature(secret: string, timestamp: string, rawBody: string): string {
  return createHmac('sha256', signingKey(secret)).update(`${timestamp}.${rawBody}`, 'utf8').digest('hex');
}

export type SignatureCheck =
  | { ok: true }
  | { ok: false; reason: 'missing-headers' | 'malformed-timestamp' | 'stale-timestamp' | 'bad-signature' };

export function verifySignature(input: {
  secret: string;
  rawBody: string;
  signature: string | null;
  timestamp: string | null;
  now?: number;
  maxAgeMs?: number;
}): SignatureCheck {
  const { secret, rawBody, signature, timestamp } = input;
  if (!signature || !timestamp) return { ok: false, reason: 'missing-headers' };
  if (!/^\d{1,16}$/.test(timestamp)) return { ok: false, reason: 'malformed-timestamp' };
  const age = (input.now ?? Date.now()) - Number(timestamp);
  if (age > (input.maxAgeMs ?? MAX_SIGNATURE_AGE_MS) || age < -MAX_CLOCK_SKEW_MS) return { ok: false, reason: 'stale-timestamp' };
  const expected = Buffer.from(computeSignature(secret, timestamp, rawBody), 'hex');
  const given = /^[0-9a-f]{64}$/i.test(signature) ? Buffer.from(signature, 'hex') : Buffer.alloc(0);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad-signature' };
  return { ok: true };
}
