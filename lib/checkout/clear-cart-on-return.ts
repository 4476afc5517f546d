import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import { CART_COOKIE } from '@/lib/cart/cart-cookie';
import {
  parsePendingCheckouts,
  PENDING_CHECKOUTS_COOKIE,
  PENDING_CHECKOUTS_MAX_AGE,
  withPendingCheckout,
} from '@/lib/checkout/pending-checkouts';
import { cookieOptions } from '@/lib/cookie-options';
import { getFreshOrder } from '@/lib/orders/fresh-order';
import { isPaid } from '@/lib/orders/status';
import { getSecrets } from '@/lib/secrets';

/**
 * Runs in proxy.ts before /success renders: when the order in `?ref=` was placed in this browser and
 * is paid (asking Smartpay first if it is not settled), the cart cookie is removed, in the response and
 * for the page about to render, and the order is marked so a later reload never empties a newer cart.
 * Works without JavaScript; the status poll's refresh of /success passes here too.
 */
export async function clearCartOnReturn(request: NextRequest): Promise<NextResponse | undefined> {
  const reference = request.nextUrl.searchParams.get('ref');
  if (!reference || !request.cookies.has(CART_COOKIE)) return undefined;
  const { cookieSecret } = await getSecrets();
  const entries = parsePendingCheckouts(request.cookies.get(PENDING_CHECKOUTS_COOKIE)?.value, cookieSecret);
  const entry = entries.find((e) => e.reference === reference);
  if (!entry || entry.cartCleared) return undefined;
  const fresh = await getFreshOrder(reference, 'return');
  if (!fresh || !isPaid(fresh.order.status)) return undefined;

  const checkouts = withPendingCheckout(entries, { ...entry, cartCleared: true }, cookieSecret);
  request.cookies.delete(CART_COOKIE);
  request.cookies.set(PENDING_CHECKOUTS_COOKIE, checkouts);
  const response = NextResponse.next({ request: { headers: request.headers } });
  response.cookies.delete(CART_COOKIE);
  response.cookies.set(PENDING_CHECKOUTS_COOKIE, checkouts, cookieOptions(PENDING_CHECKOUTS_MAX_AGE));
  return response;
}
