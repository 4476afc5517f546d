'use client';

import { useSyncExternalStore } from 'react';
import { CART_CHANGED_EVENT, cartCountIn } from '@/lib/cart/count-cookie';

/** Browsers with the Cookie Store API say when a cookie changes; the others hear it from the cart's forms. */
type CookieStoreLike = EventTarget;
const cookieStoreOf = () => (window as unknown as { cookieStore?: CookieStoreLike }).cookieStore;

function subscribe(onChange: () => void): () => void {
  const events = [CART_CHANGED_EVENT, 'pageshow', 'focus'];
  for (const event of events) window.addEventListener(event, onChange);
  cookieStoreOf()?.addEventListener('change', onChange);
  return () => {
    for (const event of events) window.removeEventListener(event, onChange);
    cookieStoreOf()?.removeEventListener('change', onChange);
  };
}

const readCount = () => String(cartCountIn(document.cookie));

/** The header's cart count, read in the browser so the page around it can be prerendered once for everyone. */
export function CartCount() {
  const count = useSyncExternalStore(subscribe, readCount, () => '');
  return (
    <span data-testid="cart-count" className="min-w-6 rounded-full bg-brand-600 px-2 text-center text-sm font-semibold text-white">
      {count}
    </span>
  );
}

/** Tells the header that the cart changed (after a cart form's action answered). */
export function announceCartChange(): void {
  window.dispatchEvent(new Event(CART_CHANGED_EVENT));
}
