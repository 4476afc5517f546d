import type { Cart } from '@/lib/cart/cart';
import { getProductById, type Product } from '@/lib/catalog';

/** Orders whose items total at least this many yen ship free. */
export const FREE_SHIPPING_THRESHOLD = 5000;
/** Flat shipping fee in yen below the threshold. */
export const SHIPPING_FEE = 600;

export interface PricedLine {
  product: Product;
  quantity: number;
  /** Tax-included unit price in yen, from the catalog. */
  unitPrice: number;
  lineTotal: number;
}

export interface PricedCart {
  lines: PricedLine[];
  /** Product ids in the cart that the catalog no longer has; they are dropped from the cart. */
  droppedProductIds: string[];
  itemCount: number;
  subtotal: number;
  shippingFee: number;
  total: number;
}

export function shippingFeeFor(subtotal: number): number {
  if (subtotal === 0) return 0;
  return subtotal >= FREE_SHIPPING_THRESHOLD ? 0 : SHIPPING_FEE;
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
  const subtotal = lines.reduce((sum, line) => sum + line.lineTotal, 0);
  const shippingFee = shippingFeeFor(subtotal);
  return {
    lines,
    droppedProductIds,
    itemCount: lines.reduce((sum, line) => sum + line.quantity, 0),
    subtotal,
    shippingFee,
    total: subtotal + shippingFee,
  };
}
