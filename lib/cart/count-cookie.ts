/**
 * The number of items in the cart, in a cookie scripts may read: the header shows it on prerendered pages,
 * which are the same for every shopper. It only mirrors the httpOnly cart cookie (lib/cart/cart-cookie.ts);
 * nothing on the server trusts it.
 */
export const CART_COUNT_COOKIE = 'cart_count';

/** The count a Cookie header (or document.cookie) holds; 0 when there is none. */
export function cartCountIn(cookieHeader: string): number {
  const match = new RegExp(`(?:^|;\\s*)${CART_COUNT_COOKIE}=(\\d{1,4})(?:;|$)`).exec(cookieHeader);
  return match ? Number(match[1]) : 0;
}

/** The browser event the cart's forms fire after a change, so the header reads the count again. */
export const CART_CHANGED_EVENT = 'cart-changed';
