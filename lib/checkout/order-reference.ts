import { createHash } from 'node:crypto';

/** A checkout attempt: a random UUID issued with the checkout page and posted back with the form. */
export const ATTEMPT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The shop's own order reference for an attempt, e.g. SP-7F3A9C21D0B4 (Smartpay allows 1–40 characters). */
export function orderReferenceFor(attemptId: string): string {
  return `SP-${attemptId.replace(/-/g, '').slice(0, 12).toUpperCase()}`;
}

/**
 * The Idempotency-Key for creating a checkout session: stable for one attempt with one body, so a double
 * click or a retry returns the same session, while an attempt resubmitted with corrected details gets a
 * new one.
 */
export function idempotencyKeyFor(attemptId: string, body: unknown): string {
  const digest = createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 16);
  return `checkout-${attemptId}-${digest}`;
}
