/**
 * The cart's money rules, with no dependencies: the server prices carts with them (lib/pricing.ts), and
 * the cart page in the browser works out the same totals while a quantity change is on its way.
 */

/** Orders whose items total at least this many yen ship free. */
export const FREE_SHIPPING_THRESHOLD = 5000;
/** Flat shipping fee in yen below the threshold. */
export const SHIPPING_FEE = 600;

export function shippingFeeFor(subtotal: number): number {
  if (subtotal === 0) return 0;
  return subtotal >= FREE_SHIPPING_THRESHOLD ? 0 : SHIPPING_FEE;
}

export interface CartTotals {
  itemCount: number;
  subtotal: number;
  shippingFee: number;
  total: number;
}

/** Totals of lines priced in yen: items, the shipping fee they earn, and what is paid. */
export function cartTotals(lines: ReadonlyArray<{ unitPrice: number; quantity: number }>): CartTotals {
  const subtotal = lines.reduce((sum, line) => sum + line.unitPrice * line.quantity, 0);
  const shippingFee = shippingFeeFor(subtotal);
  return {
    itemCount: lines.reduce((sum, line) => sum + line.quantity, 0),
    subtotal,
    shippingFee,
    total: subtotal + shippingFee,
  };
}

export interface QuantityChange {
  productId: string;
  quantity: number;
}

/**
 * The lines with one product's quantity changed, as the server will set it; a quantity the server
 * would refuse (not a whole number from `min` to `max`) changes nothing.
 */
export function withQuantity<T extends { productId: string; quantity: number }>(
  lines: readonly T[],
  change: QuantityChange,
  limits: { min: number; max: number },
): T[] {
  const { productId, quantity } = change;
  if (!Number.isInteger(quantity) || quantity < limits.min || quantity > limits.max) return [...lines];
  return lines.map((line) => (line.productId === productId ? { ...line, quantity } : line));
}
