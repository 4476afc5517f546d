'use client';

import { createContext, use, useOptimistic, type ReactNode } from 'react';
import { OrderTotals } from '@/components/order-totals';
import { MAX_QUANTITY, MIN_QUANTITY } from '@/lib/cart/limits';
import { cartTotals, FREE_SHIPPING_THRESHOLD, SHIPPING_FEE, withQuantity, type QuantityChange } from '@/lib/cart-totals';
import { format } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import type { Messages } from '@/lib/i18n/messages';
import { formatYen } from '@/lib/money';

/** A cart line as the server priced it: enough for the browser to work out the totals again. */
export interface CartLineFigures {
  productId: string;
  unitPrice: number;
  quantity: number;
}

interface OptimisticCart {
  lines: CartLineFigures[];
  /** Shows a quantity change at once; only callable inside a transition, and undone when it ends. */
  showQuantity: (change: QuantityChange) => void;
}

const OptimisticCartContext = createContext<OptimisticCart | null>(null);

const limits = { min: MIN_QUANTITY, max: MAX_QUANTITY };

/**
 * The cart page's lines as the server priced them, with the quantity changes still on their way applied
 * (React's useOptimistic): line totals and the order's totals follow a change at once, and the server's
 * answer (the page rendered again) settles them, or they go back to what the server has.
 */
export function OptimisticCartProvider({ lines, children }: { lines: CartLineFigures[]; children: ReactNode }) {
  const [optimisticLines, showQuantity] = useOptimistic(lines, (current: CartLineFigures[], change: QuantityChange) =>
    withQuantity(current, change, limits),
  );
  return <OptimisticCartContext value={{ lines: optimisticLines, showQuantity }}>{children}</OptimisticCartContext>;
}

export function useOptimisticCart(): OptimisticCart {
  const cart = use(OptimisticCartContext);
  if (!cart) throw new Error('useOptimisticCart needs an OptimisticCartProvider around it');
  return cart;
}

export function LineTotal({ productId, locale }: { productId: string; locale: Locale }) {
  const line = useOptimisticCart().lines.find((l) => l.productId === productId);
  return (
    <span className="font-semibold" data-testid={`line-total-${productId}`}>
      {line ? formatYen(line.unitPrice * line.quantity, locale) : null}
    </span>
  );
}

/** Items, shipping and total, and how far the cart is from free shipping. */
export function CartSummary({ locale, t }: { locale: Locale; t: Messages['cart'] }) {
  const totals = cartTotals(useOptimisticCart().lines);
  return (
    <>
      <OrderTotals cart={totals} locale={locale} t={t} />
      <p className="text-sm text-stone-600" data-testid="free-shipping-note">
        {totals.shippingFee > 0
          ? format(t.freeShippingGap, { amount: formatYen(FREE_SHIPPING_THRESHOLD - totals.subtotal, locale) })
          : format(t.freeShippingNote, {
              threshold: formatYen(FREE_SHIPPING_THRESHOLD, locale),
              fee: formatYen(SHIPPING_FEE, locale),
            })}
      </p>
    </>
  );
}
