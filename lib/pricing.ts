import type { Cart } from '@/lib/cart/cart';
import { cartTotals, type CartTotals } from '@/lib/cart-totals';
import { getProductById, type Product } from '@/lib/catalog';

export { FREE_SHIPPING_THRESHOLD, SHIPPING_FEE, shippingFeeFor } from '@/lib/cart-totals';

export interface PricedLine {
  product: Product;
  quantity: number;
  /** Tax-included unit price in yen, from the catalog. */
  unitPrice: number;
  lineTotal: number;
}

export interface PricedCart extends CartTotals {
  lines: PricedLine[];
  /** Product ids in the cart that the catalog no longer has; they are dropped from the cart. */
  droppedProductIds: string[];
}

/** Prices a cart from the catalog on the server. All amounts are integers of yen. */
export function priceCart(cart: Cart, lookup: (id: string) => Product | undefined = getProductById): PricedCart {
  const lines: PricedLine[] = [];
  const droppedProductIds: string[] = [];
  for (const { productId, quantity } of cart) {
    const product = lookup(productId);
    if (!product) {
      droppedProductIds.push(productId);
      continue;
    }
    lines.push({ product, quantity, unitPrice: product.price, lineTotal: product.price * quantity });
  }
  return { lines, droppedProductIds, ...cartTotals(lines) };
}
