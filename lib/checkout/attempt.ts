import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';

/**
 * Checkout attempts. The checkout page issues an attempt to the browser: a random id with a MAC that
 * binds it to the browser's id (lib/checkout/browser-id.ts), posted back with the form. A token that is
 * not this browser's (another's, forged, malformed) is worth nothing, and the checkout starts a new attempt.
 */

const ATTEMPT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function attemptMac(attemptId: string, browserId: string, secret: string): string {
  return createHmac('sha256', secret).update(`checkout-attempt:${attemptId}:${browserId}`).digest('base64url');
}

/** The form's attempt token: `<attempt id>.<MAC>`. */
export function issueAttempt(browserId: string, secret: string, attemptId: string = randomUUID()): string {
  return `${attemptId}.${attemptMac(attemptId, browserId, secret)}`;
}

/** The attempt id of a token issued to this browser, or undefined for any other value. */
export function verifyAttempt(token: unknown, browserId: string, secret: string): string | undefined {
  if (typeof token !== 'string') return undefined;
  const [attemptId, mac, ...rest] = token.split('.');
  if (!attemptId || !mac || rest.length > 0 || !ATTEMPT_ID.test(attemptId)) return undefined;
  const expected = Buffer.from(attemptMac(attemptId, browserId, secret));
  const given = Buffer.from(mac);
  return given.length === expected.length && timingSafeEqual(given, expected) ? attemptId : undefined;
}

/** The shop's order reference of an attempt, e.g. SP-7F3A9C21D0B4 (Smartpay allows 1–40 characters). */
export function orderReferenceFor(attemptId: string): string {
  return `SP-${attemptId.replace(/-/g, '').slice(0, 12).toUpperCase()}`;
}

/**
 * The attempt an order with other content goes to, when the attempt's own reference already holds
 * another order (the form was changed after a Smartpay session existed, or a reference collided): derived
 * from the attempt, the browser and the content, so the same changed form sent twice lands on one order.
 */
export function followingAttempt(attemptId: string, browserId: string, contentDigest: string, secret: string, round: number): string {
  const hex = createHmac('sha256', secret).update(`following-attempt:${attemptId}:${browserId}:${contentDigest}:${round}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The Idempotency-Key for creating an order's checkout session: stable for one order and one body, so a
 * double click or a retry returns the same session.
 */
export function idempotencyKeyFor(reference: string, body: unknown): string {
  const digest = createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 16);
  return `checkout-${reference}-${digest}`;
}
