import 'server-only';
import { cookies } from 'next/headers';
import { countItems, parseCart, serializeCart, type Cart } from '@/lib/cart/cart';
import { CART_COUNT_COOKIE } from '@/lib/cart/count-cookie';
import { cookieOptions } from '@/lib/cookie-options';

/** The cart lives in an httpOnly cookie: product ids and quantities only, readable by the server. */
export const CART_COOKIE = 'cart';
const THIRTY_DAYS = 60 * 60 * 24 * 30;

export async function readCart(): Promise<Cart> {
  return parseCart((await cookies()).get(CART_COOKIE)?.value);
}

/** Only callable from a server action or route handler. Also keeps the count the header shows (lib/cart/count-cookie.ts). */
export async function writeCart(cart: Cart): Promise<void> {
  const store = await cookies();
  if (cart.length === 0) {
    store.delete(CART_COOKIE);
    store.delete(CART_COUNT_COOKIE);
    return;
  }
  store.set(CART_COOKIE, serializeCart(cart), cookieOptions(THIRTY_DAYS));
  store.set(CART_COUNT_COOKIE, String(countItems(cart)), { ...cookieOptions(THIRTY_DAYS), httpOnly: false });
}
