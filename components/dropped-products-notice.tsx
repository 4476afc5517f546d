'use client';

import { useEffect, useState } from 'react';
import { dropUnknownProductsAction } from '@/lib/cart/actions';

/**
 * Tells the shopper that products no longer sold left their cart, and removes them from the cart
 * cookie (cookies can only change in an action). The notice stays for this visit even after the page
 * re-renders without the dropped entries.
 */
export function DroppedProductsNotice({ dropped, message }: { dropped: boolean; message: string }) {
  const [shown] = useState(dropped);
  useEffect(() => {
    if (dropped) void dropUnknownProductsAction();
  }, [dropped]);
  if (!shown) return null;
  return (
    <p role="status" className="rounded-lg bg-amber-50 p-3 text-amber-900" data-testid="cart-dropped-notice">
      {message}
    </p>
  );
}
