import 'server-only';
import type { NextRequest, NextResponse } from 'next/server';
import { CART_COOKIE } from '@/lib/cart/cart-cookie';
import { CART_COUNT_COOKIE } from '@/lib/cart/count-cookie';
import {
  parsePendingCheckouts,
  PENDING_CHECKOUTS_COOKIE,
  PENDING_CHECKOUTS_MAX_AGE,
  withPendingCheckout,
} from '@/lib/checkout/pending-checkouts';
import { BROWSER_COOKIE, isBrowserId } from '@/lib/checkout/browser-id';
import { deleteCheckoutDraft } from '@/lib/checkout/drafts';
import { cookieOptions } from '@/lib/cookie-options';
import { shopClientIp } from '@/lib/http/shop-client-ip';
import type { ShopDeps } from '@/lib/deps';
import { getFreshOrder } from '@/lib/orders/fresh-order';
import { isPaid } from '@/lib/orders/status';
import { getSecrets } from '@/lib/secrets';

/**
 * Runs in proxy.ts before /success renders: when the order in `?ref=` was placed in this browser and
 * is paid (asking Smartpay first if it is not settled), the cart cookie is removed for the page about to
 * render (on `request`) and, through the function returned, in the response proxy.ts makes; the order is
 * marked so a later reload never empties a newer cart, and the browser's checkout draft (lib/checkout/drafts.ts)
 * is deleted: the form has done its work. Works without JavaScript; the status poll's
 * refresh of /success passes here too.
 */
export async function clearCartOnReturn(request: NextRequest, deps: ShopDeps): Promise<((response: NextResponse) => void) | undefined> {
  const reference = request.nextUrl.searchParams.get('ref');
  if (!reference || !request.cookies.has(CART_COOKIE)) return undefined;
  const { cookieSecret } = await getSecrets();
  const entries = parsePendingCheckouts(request.cookies.get(PENDING_CHECKOUTS_COOKIE)?.value, cookieSecret);
  const entry = entries.find((e) => e.reference === reference);
  if (!entry || entry.cartCleared) return undefined;
  const fresh = await getFreshOrder(deps, reference, 'return', await shopClientIp(request));
  if (!fresh || !isPaid(fresh.order.status)) return undefined;

  const browserId = request.cookies.get(BROWSER_COOKIE)?.value;
  if (isBrowserId(browserId)) {
    await deleteCheckoutDraft(deps.db, browserId).catch((error: unknown) => console.error('[checkout] the draft could not be deleted', error));
  }
  const checkouts = withPendingCheckout(entries, { ...entry, cartCleared: true }, cookieSecret);
  request.cookies.delete(CART_COOKIE);
  request.cookies.delete(CART_COUNT_COOKIE);
  request.cookies.set(PENDING_CHECKOUTS_COOKIE, checkouts);
  return (response) => {
    response.cookies.delete(CART_COOKIE);
    response.cookies.delete(CART_COUNT_COOKIE);
    response.cookies.set(PENDING_CHECKOUTS_COOKIE, checkouts, cookieOptions(PENDING_CHECKOUTS_MAX_AGE));
  };
}
