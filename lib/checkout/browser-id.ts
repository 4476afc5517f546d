import { createHash, randomBytes } from 'node:crypto';

/**
 * A random id for each browser, in an httpOnly cookie: checkout attempts are bound to it, orders record
 * a digest of it, and on the public demo a visitor sees only the orders of their own browser. It grants
 * nothing by itself: it is as secret as the cookie, and the database keeps only its digest.
 */
export const BROWSER_COOKIE = 'browser';
export const BROWSER_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

const BROWSER_ID = /^[A-Za-z0-9_-]{22}$/;

/** 128 random bits, base64url. */
export const newBrowserId = () => randomBytes(16).toString('base64url');

export const isBrowserId = (value: unknown): value is string => typeof value === 'string' && BROWSER_ID.test(value);

/** What an order stores of the browser that placed it. */
export function browserOwner(browserId: string): string {
  return createHash('sha256').update(`browser:${browserId}`).digest('hex').slice(0, 32);
}

/**
 * Whether an order was placed by this browser: its owner is the digest of this browser's id. Orders
 * made outside a browser (no owner) and browsers with no id own nothing.
 */
export function isOwnedBy(order: { owner: string | null }, browserId: string | undefined): boolean {
  return order.owner !== null && browserId !== undefined && order.owner === browserOwner(browserId);
}
