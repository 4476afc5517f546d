import { z } from 'zod';
import { MAX_CART_LINES, MAX_QUANTITY, MIN_QUANTITY } from '@/lib/cart/limits';

export { MAX_CART_LINES, MAX_QUANTITY, MIN_QUANTITY };

/** A cart line: a product id and a quantity. Never a price: the server prices everything from the catalog. */
export interface CartLine {
  productId: string;
  quantity: number;
}

export type Cart = CartLine[];

const cartLineSchema = z.object({
  productId: z.string().min(1).max(64),
  quantity: z.number().int().min(MIN_QUANTITY).max(MAX_QUANTITY),
});

/** Reads a cart from its cookie value. Anything unreadable becomes an empty cart, never an error. */
export function parseCart(raw: string | undefined): Cart {
  if (!raw) return [];
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(data)) return [];
  const lines: Cart = [];
  for (const entry of data) {
    const line = cartLineSchema.safeParse(entry);
    if (line.success && !lines.some((l) => l.productId === line.data.productId)) lines.push(line.data);
    if (lines.length === MAX_CART_LINES) break;
  }
  return lines;
}

export function serializeCart(cart: Cart): string {
  return JSON.stringify(cart.map(({ productId, quantity }) => ({ productId, quantity })));
}

export type CartChange =
  | { ok: true; cart: Cart }
  | { ok: false; reason: 'too-many-lines' | 'invalid-quantity' };

const clamp = (n: number) => Math.min(MAX_QUANTITY, Math.max(MIN_QUANTITY, n));

/** Adds `quantity` of a product; an existing line grows (up to the maximum quantity). */
export function addToCart(cart: Cart, productId: string, quantity = 1): CartChange {
  if (!Number.isInteger(quantity) || quantity < MIN_QUANTITY) return { ok: false, reason: 'invalid-quantity' };
  const existing = cart.find((line) => line.productId === productId);
  if (existing) {
    return {
      ok: true,
      cart: cart.map((line) => (line.productId === productId ? { ...line, quantity: clamp(line.quantity + quantity) } : line)),
    };
  }
  if (cart.length >= MAX_CART_LINES) return { ok: false, reason: 'too-many-lines' };
  return { ok: true, cart: [...cart, { productId, quantity: clamp(quantity) }] };
}

export function setQuantity(cart: Cart, productId: string, quantity: number): CartChange {
  if (!Number.isInteger(quantity) || quantity < MIN_QUANTITY || quantity > MAX_QUANTITY) {
    return { ok: false, reason: 'invalid-quantity' };
  }
  return { ok: true, cart: cart.map((line) => (line.productId === productId ? { ...line, quantity } : line)) };
}

export function removeFromCart(cart: Cart, productId: string): Cart {
  return cart.filter((line) => line.productId !== productId);
}

export function countItems(cart: Cart): number {
  return cart.reduce((sum, line) => sum + line.quantity, 0);
}
